## Frases escolhidas por um número (veja en/plural.ftl). Em português do Brasil, `one` cobre 0 e 1.

# $n: how many checks (a step whose checks all passed, its rows folded away)
plural-ui-checks-step_count = { $n ->
    [one] { $n } verificação aprovada
   *[other] { $n } verificações aprovadas
}
# $n: a step's counts when not every check passed, joined with ", "
plural-ui-checks-count_passed = { $n ->
    [one] { $n } aprovada
   *[other] { $n } aprovadas
}
plural-ui-checks-count_warned = { $n ->
    [one] { $n } com aviso
   *[other] { $n } com avisos
}
plural-ui-checks-count_skipped = { $n ->
    [one] { $n } ignorada
   *[other] { $n } ignoradas
}
plural-ui-checks-count_not_needed = { $n ->
    [one] { $n } desnecessária
   *[other] { $n } desnecessárias
}
# $n: how many more blocked addresses the audit found
plural-ui-server-audit_more = … e mais { $n } (smtp-doctor server --audit --json lista todos)
# $n: how many sign-ins smtp-doctor made (more than one; one is report-phrases-sign_in_once)
plural-report-phrases-sign_in_times = { $n ->
    [one] { $n } vez
   *[other] { $n } vezes
}
