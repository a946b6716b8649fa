## Frasi scelte da un numero, con le categorie di plurale dell'italiano (one/other).

# $n: how many checks (a step whose checks all passed, its rows folded away)
plural-ui-checks-step_count = { $n ->
    [one] { $n } controllo superato
   *[other] { $n } controlli superati
}
# $n: a step's counts when not every check passed, joined with ", "
plural-ui-checks-count_passed = { $n ->
    [one] { $n } superato
   *[other] { $n } superati
}
plural-ui-checks-count_warned = { $n ->
    [one] { $n } con un avviso
   *[other] { $n } con avvisi
}
plural-ui-checks-count_skipped = { $n ->
    [one] { $n } saltato
   *[other] { $n } saltati
}
plural-ui-checks-count_not_needed = { $n ->
    [one] { $n } non necessario
   *[other] { $n } non necessari
}
# $n: how many more blocked addresses the audit found
plural-ui-server-audit_more = … e altri { $n } (smtp-doctor server --audit --json li elenca tutti)
# $n: how many sign-ins smtp-doctor made (more than one; one is report-phrases-sign_in_once)
plural-report-phrases-sign_in_times = { $n ->
    [one] { $n } volta
   *[other] { $n } volte
}
