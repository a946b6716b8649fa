## Frases elegidas por un número, con las categorías de plural del español (one/other).

# $n: how many checks (a step whose checks all passed, its rows folded away)
plural-ui-checks-step_count = { $n ->
    [one] { $n } comprobación correcta
   *[other] { $n } comprobaciones correctas
}
# $n: a step's counts when not every check passed, joined with ", "
plural-ui-checks-count_passed = { $n ->
    [one] { $n } correcta
   *[other] { $n } correctas
}
plural-ui-checks-count_warned = { $n ->
    [one] { $n } con aviso
   *[other] { $n } con avisos
}
plural-ui-checks-count_skipped = { $n ->
    [one] { $n } omitida
   *[other] { $n } omitidas
}
plural-ui-checks-count_not_needed = { $n ->
    [one] { $n } no necesaria
   *[other] { $n } no necesarias
}
# $n: how many more blocked addresses the audit found
plural-ui-server-audit_more = … y { $n } más (smtp-doctor server --audit --json los muestra todos)
# $n: how many sign-ins smtp-doctor made (more than one; one is report-phrases-sign_in_once)
plural-report-phrases-sign_in_times = { $n ->
    [one] { $n } vez
   *[other] { $n } veces
}
