## Generated from the English wording (do not edit: SMTP_DOCTOR_BLESS_LOCALES=1 cargo test --lib i18n).
## The English reference that translations in assets/locales/<lang>/ follow: keep each id, use
## exactly the variables listed above a message, and write the mail programs' menu labels as the
## terms of vendor.ftl.
## Source: assets/report.toml

report-confidence-confirmed = Confirmed
report-confidence-likely = Likely
report-confidence-possible = Possible
report-markdown-also = Also
report-markdown-cause = Cause
report-markdown-check = Check
report-markdown-checks = Checks
# $message
report-markdown-error = Error message: { $message }
report-markdown-field = Field
# $email
report-markdown-heading = smtp-doctor report for { $email }
# $time $version
report-markdown-made = Made: { $time } (smtp-doctor { $version })
report-markdown-none = (none)
report-markdown-password_given = given (not shown)
report-markdown-password_not_given = not given
# $ip
report-markdown-public_ip = Public IP of this network: { $ip }
report-markdown-result = Result
report-markdown-setting_port = Port
report-markdown-setting_security = Encryption
report-markdown-setting_server = Outgoing server (SMTP)
report-markdown-setting_user = User name
report-markdown-settings = Settings that work
# $server $port $security $user $password
report-markdown-tested = Settings tested: server { $server }, port { $port }, encryption { $security }, user { $user }, password { $password }
report-markdown-transcript = SMTP transcript (password redacted)
report-markdown-value = Value
# $verdict
report-markdown-verdict = Verdict: **{ $verdict }**
report-other_programs-line = In Thunderbird: Account Settings > Outgoing Server (SMTP) > Edit. In Apple Mail: Mail > Settings > Accounts > Server Settings.
# $name
report-phrases-cert_handshake_failed = { $name } leads to the same server, but its certificate is not accepted either
report-phrases-cert_no_other = the certificate names no other server
# $name
report-phrases-cert_not_a_name = { $name } is not a name you can type
# $name
report-phrases-cert_not_found = { $name } does not exist in DNS
# $name
report-phrases-cert_not_tried = { $name } was not tried
# $name
report-phrases-cert_other_server = { $name } leads to another server
# $name
report-phrases-cert_works = { $name } works
# $count $cap
report-phrases-sign_in_attempts = smtp-doctor tried to sign in { $count } in all (never more than { $cap } times, so that the server's firewall does not block you)
report-phrases-sign_in_once = once
# $n
report-phrases-sign_in_times = { $n } times
report-status-failed = failed
report-status-passed = passed
report-status-skipped = skipped
report-status-warning = warning
report-text-also = Also found:
# $code $confidence
report-text-cause_code = Cause code: { $code } ({ $confidence })
report-text-checks = Checks:
report-text-do_this = Do this:
# $message
report-text-error = Error message: { $message }
# $version $email
report-text-heading = smtp-doctor { $version } - outgoing mail check for { $email }
# $verdict
report-text-no_conclusion = { $verdict }: the checks could not reach a conclusion.
report-text-no_password = no password given
report-text-ok = ✓ OK
report-text-password_given = password given
report-text-problem = ✗ PROBLEM
# $ip
report-text-public_ip = This network's public address: { $ip }
report-text-setting_port = Port:
report-text-setting_security = Encryption:
report-text-setting_server = Outgoing server (SMTP):
report-text-setting_user = User name:
report-text-settings = Settings that work:
# $list
report-text-tested = Settings tested: { $list }
# $port
report-text-tested_port = port { $port }
# $security
report-text-tested_security = encryption { $security }
# $server
report-text-tested_server = server { $server }
report-text-unsure = ? NOT SURE
report-verdict-inconclusive = Inconclusive
report-verdict-ok = Ok
report-verdict-problem = Problem
report-words-security-none = None
report-words-security-ssl-tls = SSL/TLS
report-words-security-starttls = STARTTLS
report-words-unknown = (unknown)
report-words-who_acts-administrator = your organisation's e-mail administrator
report-words-who_acts-host = your hosting company
report-words-who_acts-person = you, in your account's security settings with the provider
