## Sentences chosen by a number, formatted when the screen or report is drawn with Fluent's
## plural rules of the language (one, few, many, other...). Hand-written, not generated:
## each id is `plural-` and the id of the sentence in ui.ftl it stands for (that sentence is
## the fallback where a language has no plural form of it yet). Translators write the same
## ids in assets/locales/<lang>/plural.ftl with their language's plural categories.

# $n: how many checks (a step whose checks all passed, its rows folded away)
plural-ui-checks-step_count = { $n ->
    [one] { $n } check passed
   *[other] { $n } checks passed
}
# $n: a step's counts when not every check passed, joined with ", "
plural-ui-checks-count_passed = { $n } passed
plural-ui-checks-count_warned = { $n ->
    [one] { $n } with a warning
   *[other] { $n } with warnings
}
plural-ui-checks-count_skipped = { $n } skipped
plural-ui-checks-count_not_needed = { $n } not needed
# $n: how many more blocked addresses the audit found
plural-ui-server-audit_more = … and { $n } more (smtp-doctor server --audit --json lists them all)
# $n: how many sign-ins smtp-doctor made (more than one; one is report-phrases-sign_in_once)
plural-report-phrases-sign_in_times = { $n ->
    [one] { $n } time
   *[other] { $n } times
}
