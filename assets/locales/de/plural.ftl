## Sätze, die nach einer Zahl gewählt werden (deutsche Pluralkategorien: one, other).

# $n: how many checks (a step whose checks all passed, its rows folded away)
plural-ui-checks-step_count = { $n ->
    [one] { $n } Prüfung bestanden
   *[other] { $n } Prüfungen bestanden
}
# $n: a step's counts when not every check passed, joined with ", "
plural-ui-checks-count_passed = { $n } bestanden
plural-ui-checks-count_warned = { $n ->
    [one] { $n } mit Warnung
   *[other] { $n } mit Warnungen
}
plural-ui-checks-count_skipped = { $n } übersprungen
plural-ui-checks-count_not_needed = { $n } nicht nötig
# $n: how many more blocked addresses the audit found
plural-ui-server-audit_more = … und { $n } weitere (smtp-doctor server --audit --json listet alle)
# $n: how many sign-ins smtp-doctor made (more than one; one is report-phrases-sign_in_once)
plural-report-phrases-sign_in_times = { $n } Mal
