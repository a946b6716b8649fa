## Zinnen die door een getal worden gekozen (zie en/plural.ftl). Nederlands: one (1) en other.

# $n: how many checks (a step whose checks all passed, its rows folded away)
plural-ui-checks-step_count = { $n ->
    [one] { $n } controle geslaagd
   *[other] { $n } controles geslaagd
}
# $n: a step's counts when not every check passed, joined with ", "
plural-ui-checks-count_passed = { $n } geslaagd
plural-ui-checks-count_warned = { $n ->
    [one] { $n } met een waarschuwing
   *[other] { $n } met waarschuwingen
}
plural-ui-checks-count_skipped = { $n } overgeslagen
plural-ui-checks-count_not_needed = { $n } niet nodig
# $n: how many more blocked addresses the audit found
plural-ui-server-audit_more = … en nog { $n } (smtp-doctor server --audit --json toont ze allemaal)
# $n: how many sign-ins smtp-doctor made (more than one; one is report-phrases-sign_in_once)
plural-report-phrases-sign_in_times = { $n } keer
