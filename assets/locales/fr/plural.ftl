## Phrases choisies selon un nombre (catégories du français : `one` couvre 0 et 1, `other`).

# $n: how many checks (a step whose checks all passed, its rows folded away)
plural-ui-checks-step_count = { $n ->
    [one] { $n } vérification réussie
   *[other] { $n } vérifications réussies
}
# $n: a step's counts when not every check passed, joined with ", "
plural-ui-checks-count_passed = { $n ->
    [one] { $n } réussie
   *[other] { $n } réussies
}
plural-ui-checks-count_warned = { $n ->
    [one] { $n } avec avertissement
   *[other] { $n } avec avertissements
}
plural-ui-checks-count_skipped = { $n ->
    [one] { $n } sautée
   *[other] { $n } sautées
}
plural-ui-checks-count_not_needed = { $n ->
    [one] { $n } inutile
   *[other] { $n } inutiles
}
# $n: how many more blocked addresses the audit found
plural-ui-server-audit_more = … et { $n } de plus (smtp-doctor server --audit --json les liste tous)
# $n: how many sign-ins smtp-doctor made (more than one; one is report-phrases-sign_in_once)
plural-report-phrases-sign_in_times = { $n } fois
