## Generated from the English wording (do not edit: SMTP_DOCTOR_BLESS_LOCALES=1 cargo test --lib i18n).
## The English reference that translations in assets/locales/<lang>/ follow: keep each id, use
## exactly the variables listed above a message, and write the mail programs' menu labels as the
## terms of vendor.ftl.
## Source: assets/ui.toml

ui-account-auth = My outgoing server (SMTP) requires authentication
ui-account-auto = Auto
ui-account-back = Back
ui-account-bad_email = Type your whole e-mail address, like name@example.com.
ui-account-bad_port = The port is a number from 1 to 65535, such as 587.
ui-account-check = Check my settings
ui-account-email = E-mail address
ui-account-empty_port = empty: we try 587, 465 and 25
ui-account-empty_server = empty: we look it up
ui-account-empty_user = empty: your e-mail address
ui-account-encryption = Encrypted connection
ui-account-intro = Type the settings as your mail program shows them. In Outlook: File › Account Settings › Account Settings › Change › More Settings › Outgoing Server and Advanced.
ui-account-not_used = not used
ui-account-password = Password (optional)
ui-account-password_why = With your password we can also test signing in, the most common problem. It is used for this test only and never saved or shown.
ui-account-port = Outgoing server (SMTP) port
ui-account-server = Outgoing mail server (SMTP)
# $provider
ui-account-signin_app_password = ! { $provider } takes only an app password here (made in your account's security settings), not your normal password.
# $provider
ui-account-signin_app_password_or_oauth = ! { $provider } does not take your normal password here: type an app password, made in your account's security settings.
# $provider
ui-account-signin_oauth = ! { $provider } takes no password from mail programs: add the account in Outlook with { $provider }'s own sign-in page instead.
ui-account-title = Your account
ui-account-user = User name
ui-app-agent_badge = support view
ui-app-more_above = ↑ more
ui-app-more_below = ↓ more
# $n $step
ui-app-step_of = Step { $n } of 3: { $step }
# $n
ui-checks-count_not_needed = { $n } not needed
# $n
ui-checks-count_passed = { $n } passed
# $n
ui-checks-count_skipped = { $n } skipped
# $n
ui-checks-count_warned = { $n } with a warning
ui-checks-labels-autoconfig-outlook = What Outlook would set up
ui-checks-labels-autoconfig-thunderbird = What Thunderbird would set up
ui-checks-labels-dns-domain-auth = Your domain's SPF, DMARC and DKIM
ui-checks-labels-dns-domain-dmarc = Your domain's DMARC policy
ui-checks-labels-dns-domain-mx = Your domain's mail servers (MX)
ui-checks-labels-dns-domain-srv = Your domain's published mail server
ui-checks-labels-dns-domain-txt = Your domain's sender policy (SPF)
ui-checks-labels-dns-server-a = Finding the server by its name
ui-checks-labels-dns-server-ptr = The mail server's address leads back to its name
ui-checks-labels-dnsbl-client = Your network's address on spam blocklists
ui-checks-labels-dnsbl-server = The mail server's address on spam blocklists
ui-checks-labels-input-server_name = The server name is written correctly
# $id
ui-checks-labels-other = { $id }
# $port
ui-checks-labels-smtp = Talking to the server on port { $port }
# $port
ui-checks-labels-tcp = Reaching the server on port { $port }
ui-checks-no_run = No checks have run yet.
ui-checks-not_needed_why = not needed for this result
ui-checks-not_run = not run
ui-checks-not_run_why = an earlier step failed
ui-checks-now = now
ui-checks-question_title = One question
# $elapsed $budget
ui-checks-running = { $elapsed } of { $budget }
# $elapsed $budget
ui-checks-running_steps = { $elapsed }, { $budget } a step
ui-checks-status_failed = failed
ui-checks-status_passed = passed
ui-checks-status_skipped = skipped
ui-checks-status_warning = warning
# $n
ui-checks-step_count = { $n } checks passed
ui-checks-step_failed = problem found
ui-checks-step_not_needed = not needed
ui-checks-step_passed = all passed
ui-checks-step_running = checking
ui-checks-step_waiting = waiting
ui-checks-still_running = Some checks are still finishing; the result may still change.
# $email
ui-checks-title = Checking { $email }
ui-checks-waiting = waiting
ui-error-back = Back
ui-error-box_title = Error message
ui-error-continue = Continue
# $account
ui-error-detail_account = account { $account }
# $code
ui-error-detail_code = error { $code }
ui-error-intro = Paste the whole message (right-click, or Ctrl+Shift+V), or type just its code, for example 0x800CCC0E.
ui-error-nothing = Nothing recognised yet. That is fine: the checks find the cause anyway.
ui-error-placeholder = Task 'you@example.com - Sending' reported error (0x800CCC0E) ...
ui-error-read_title = What we read
# $reply
ui-error-reply = The server answered: “{ $reply }”.
# $meaning $details
ui-error-sentence = { $meaning } ({ $details }).
# $meaning
ui-error-sentence_plain = { $meaning }.
ui-error-title = What does the error message say?
# $code
ui-error-unknown_code = We do not know the code { $code } yet; the checks will find the cause
ui-failure-change = Change settings
ui-failure-dns_hint = The name server (--dns-server) cannot be used. You can go on with this computer's own name server.
ui-failure-intro = smtp-doctor could not prepare the checks:
ui-failure-kiosk_hint = This kiosk's settings name it, so only whoever set up this kiosk can change them: show them this message.
ui-failure-other_hint = Check the settings and try again.
ui-failure-quit = Quit
ui-failure-retry = Try again
ui-failure-title = The checks could not start
ui-failure-tree_hint = A decision-tree file (--tree or --tree-extra) has a problem, shown above with its line and column. You can go on with the built-in checks.
ui-failure-trust_hint = The file of extra certificates (--ca-file) cannot be used. You can go on with the certificates this computer already trusts.
ui-failure-use_builtin = Use the built-in checks
ui-failure-use_system = Use this computer's defaults
ui-help-text =
    smtp-doctor finds out why your mail program cannot send mail, and tells you what to change.
    
    Moving around
    {"  "}↑ ↓ or Tab, Shift-Tab   move between choices and fields
    {"  "}Enter                   choose, or go to the next field
    {"  "}Space, ← →              change a choice (encryption, the authentication tick box)
    {"  "}Esc                     go back one screen (while checks run, this stops them)
    {"  "}PgUp, PgDn, Home, End   scroll long text (results, technical view, this help)
    {"  "}Mouse                   click a choice or a button; the wheel scrolls
    
    Anywhere
    {"  "}? or F1                 this help
    {"  "}t or F2                 technical view: every check with its timing, and the SMTP conversation
    {"  "}s or Ctrl-S             save the report, or show it as text for a support ticket
    {"  "}q or Ctrl-Q or F10      quit (asks first while checks are running)
    {"  "}Ctrl-C                  quit at once
    
    On the mail server ("I am on the mail server")
    {"  "}Type the customer's IP address or the path of their saved report; the findings show what blocks the address, the log lines, the services and what was read. "Lift the block" lists the commands and asks before it runs them; nothing else changes the server.
    
    In a text field, letters are typed, so t, s, q and ? go into the field: use F1, F2, Ctrl-S and Ctrl-Q there instead. The key bar at the bottom always shows what works on this screen.
    
    Your password is optional. With it, the check can also test signing in. It is never saved, never shown, and never appears in the report or the technical view.
    
    The checks start as soon as your settings are known. Nothing is sent: the test stops before any mail would go out.
    
    To copy text: on the "Show text to copy" screen, the mouse selects text as usual. Start with --high-contrast for a high-contrast display; NO_COLOR turns colours off.{"\u000A"}
ui-help-title = Help
ui-keys-back-key = Esc
ui-keys-back-label = back
ui-keys-cancel-key = n
ui-keys-cancel-label = cancel
ui-keys-choose-key = Enter
ui-keys-choose-label = choose
ui-keys-close-key = Esc
ui-keys-close-label = close
ui-keys-export-key = e
ui-keys-export-label = Thunderbird file
ui-keys-export-short = file
ui-keys-help-key = ?
ui-keys-help-label = help
ui-keys-help_f-key = F1
ui-keys-help_f-label = help
ui-keys-language-key = l
ui-keys-language-label = language
ui-keys-look_up-key = Enter
ui-keys-look_up-label = look up
ui-keys-move-key = ↑↓
ui-keys-move-label = move
ui-keys-next_field-key = Enter
ui-keys-next_field-label = next field
ui-keys-next_field-short = next
ui-keys-no-key = n
ui-keys-no-label = keep going
ui-keys-no-short = stay
ui-keys-pick-key = 1-6
ui-keys-pick-label = pick
ui-keys-proceed-key = Enter
ui-keys-proceed-label = continue
ui-keys-quit-key = q
ui-keys-quit-label = quit
ui-keys-quit_ctrl-key = Ctrl-Q
ui-keys-quit_ctrl-label = quit
ui-keys-run-key = y
ui-keys-run-label = run them
ui-keys-save-key = s
ui-keys-save-label = report
ui-keys-save_ctrl-key = Ctrl-S
ui-keys-save_ctrl-label = report
ui-keys-save_file-key = Enter
ui-keys-save_file-label = save
ui-keys-scroll-key = ↑↓
ui-keys-scroll-label = scroll
ui-keys-tab-key = Tab
ui-keys-tab-label = next
ui-keys-technical-key = t
ui-keys-technical-label = technical
ui-keys-technical-short = tech
ui-keys-technical_f-key = F2
ui-keys-technical_f-label = technical
ui-keys-technical_f-short = tech
ui-keys-toggle-key = Space
ui-keys-toggle-label = change
ui-keys-yes-key = y
ui-keys-yes-label = quit now
ui-keys-yes-short = quit
ui-kiosk-no_quit_text = This computer keeps smtp-doctor open for everyone, so it cannot be closed here. Press Esc to go back.
ui-kiosk-no_quit_title = smtp-doctor stays open
ui-kiosk-offline_intro = smtp-doctor needs a working connection to test your mail settings, and this computer has none right now. Please check:
ui-kiosk-offline_retry = smtp-doctor tries again every few seconds and carries on by itself as soon as the connection is back.
ui-kiosk-offline_steps-1 = Is the network cable plugged in firmly at both ends (the computer and the wall or the box)?
ui-kiosk-offline_steps-2 = Or, on Wi-Fi: is Wi-Fi switched on and connected to the office network?
ui-kiosk-offline_steps-3 = If other computers here cannot go online either, ask the office staff or your IT contact.
ui-kiosk-offline_title = This computer is not connected to the internet
ui-kiosk-pick-key = 1-5
ui-kiosk-pick-label = pick
ui-kiosk-pin_back-key = Esc
ui-kiosk-pin_back-label = back
ui-kiosk-pin_enter-key = Enter
ui-kiosk-pin_enter-label = close smtp-doctor
ui-kiosk-pin_enter-short = close
ui-kiosk-pin_label = PIN:
ui-kiosk-pin_text = This computer keeps smtp-doctor open for everyone. To close it, type the administrator PIN and press Enter.
ui-kiosk-pin_title = Close smtp-doctor
# $seconds
ui-kiosk-pin_wait = Too many wrong PINs. Try again in { $seconds } seconds.
ui-kiosk-pin_wrong = That PIN is not right.
ui-kiosk-report_folder = The report is saved on this computer, in the reports folder:
ui-kiosk-report_name = smtp-doctor picks the file name; ask the office staff for a copy.
ui-new_account-asking = Asking where it asks for settings ...
ui-new_account-back = Back
# $host $names
ui-new_account-cert_warning = Stops with a certificate warning: the certificate on { $host } is for { $names }. See the result for whether to accept it.
ui-new_account-continue = Continue
ui-new_account-email_label = E-mail address
ui-new_account-intro = Type your e-mail address and choose Look up. We ask the same places Outlook and Thunderbird ask for the settings of a new account, and test whether those settings work, before you type anything else.
ui-new_account-invalid_email = Type the whole e-mail address, for example you@example.com.
ui-new_account-look_up = Look up
ui-new_account-nothing = Finds no settings: it will guess the outgoing server. Choose the manual setup and type the settings shown below.
ui-new_account-placeholder = you@example.com
ui-new_account-title = Setting up a new account
# $settings
ui-new_account-verified = Settings verified to work: { $settings }
ui-new_account-verifying = Testing whether these settings work ...
ui-new_account-works = These settings work.
# $settings $source
ui-new_account-would_use = Would use { $settings } (from { $source })
# $wrong
ui-new_account-wrong = These settings do not work: { $wrong }. Type the settings below yourself.
ui-quit-no = Keep going
ui-quit-text = Checks are still running. Quit anyway?
ui-quit-title = Quit?
ui-quit-yes = Quit
ui-report-back = Back
ui-report-copy_title = Select the text with your mouse and copy it. Esc goes back.
ui-report-empty_path = Type a file name first.
# $path $error
ui-report-failed = Could not save to { $path }: { $error }
ui-report-intro = The report says what was checked and what was found. It never contains your password.
ui-report-not_ready = The report is ready once the checks have started.
ui-report-save = Save
ui-report-save_label = Save as Markdown to:
# $path
ui-report-saved = Saved to { $path }
# $path
ui-report-saving = Saving to { $path } …
ui-report-show_text = Show text to copy into a ticket
ui-report-title = Save or share the report
ui-result-change = Change settings
# $code
ui-result-code = Cause code: { $code }
ui-result-confidence-confirmed = certain
ui-result-confidence-likely = likely
ui-result-confidence-possible = possible
ui-result-do_this = Do this
# $path $error
ui-result-export_failed = Could not save the settings file to { $path }: { $error }
ui-result-export_offer = Press e to save these settings as a file Thunderbird can read (your password is not in it).
# $path
ui-result-export_saved = Settings file saved: { $path }
# $path
ui-result-export_saving = Saving the settings file to { $path } …
ui-result-finishing = Some checks are still finishing; this may still change.
ui-result-next = If that does not help
ui-result-next_none = Save the report (the Report button below) and send it to whoever runs your mail: it holds everything they need.
ui-result-no_cause = The checks could not reach a conclusion.
ui-result-nothing_to_do = Nothing to change: these settings work.
ui-result-ok = Sending works
ui-result-problem = Problem found
ui-result-quit = Quit
ui-result-save = Report
ui-result-setting_auth = My outgoing server requires authentication
ui-result-setting_auth_value = ticked
ui-result-setting_port = Outgoing server (SMTP) port
ui-result-setting_security = Encrypted connection
ui-result-setting_server = Outgoing mail server (SMTP)
ui-result-setting_user = User name
ui-result-settings = Settings that work
ui-result-technical = Technical details
ui-result-unsure = Not sure
ui-server-account = Their login (optional)
ui-server-account_placeholder = alice@example.com
ui-server-again = Look again
ui-server-applied = Unblock commands run
ui-server-applying = Running the unblock commands, then reading everything again …
ui-server-audit = Check for locked-out customers
ui-server-audit_again = Check again
ui-server-audit_applying = Running the commands for the customers, then reading the block lists again …
ui-server-audit_confirm_text = These commands will run on this server now, for the customers' addresses only:
ui-server-audit_confirm_title = Unblock and whitelist the customers?
ui-server-audit_lift = Unblock and whitelist customers
# $n
ui-server-audit_more = … and { $n } more (smtp-doctor server --audit --json lists them all)
ui-server-audit_none = Nothing on this server blocks an address.
ui-server-audit_title = Locked-out customers
ui-server-auditing = Reading every block on this server and a week of mail logs …
ui-server-back = Back
ui-server-blocks = Blocks, in the order a packet meets them
ui-server-confirm_no = Cancel
ui-server-confirm_text = These commands will run on this server now:
ui-server-confirm_title = Lift the block?
ui-server-confirm_yes = Run them
ui-server-declined = Not run. Nothing was changed.
ui-server-do_this = Do this
ui-server-empty = Type the customer's IP address, or the path of their report.
# $ids
ui-server-evidence = Evidence: { $ids }
# $file $time
ui-server-from_report = From the customer's report { $file }, made { $time }.
ui-server-gone = Read again: the block is gone.
ui-server-intro = Type or paste the customer's public IP address, or the path of the report they saved with smtp-doctor. This reads the firewall, the ban lists, the mail logs and the mail service; nothing on this server is changed unless you choose to lift a block.
ui-server-lift = Lift the block
ui-server-log = Log lines, in time order
ui-server-look = Look
# $ip
ui-server-no_blocks = No rule or entry matches { $ip }.
# $ip
ui-server-no_log = No log lines about { $ip } in the window.
ui-server-ok = Not blocked
ui-server-problem = Problem found
ui-server-quit = Quit
# $target
ui-server-reading = Reading the firewall, the ban lists, the mail logs and the mail service for { $target } …
ui-server-readonly = Nothing on this server has been changed.
ui-server-report = Report
ui-server-services = Services
ui-server-sources = Sources
ui-server-still = Read again: the address is still blocked.
ui-server-target = Customer's IP address, or their saved report
ui-server-target_placeholder = 198.51.100.7, or /home/support/smtp-doctor-report.md
ui-server-title = Find what blocks a customer
ui-server-unsure = Not sure
# $since $until $length
ui-server-window = Logs read from { $since } to { $until } ({ $length }).
ui-start-choices-error-hint = paste it, or type its code
ui-start-choices-error-label = I see an error message
ui-start-choices-outbox-label = My mail stays in the Outbox
ui-start-choices-password-label = A password prompt keeps coming back
ui-start-choices-new_account-label = I am setting up a new account
ui-start-choices-agent-hint = opens the technical view
ui-start-choices-agent-label = I am a support agent
ui-start-choices-server-hint = support: what blocks a customer
ui-start-choices-server-label = I am on the mail server
ui-start-intro = Pick what you see. We check your settings, your network and the server, then tell you exactly what to change.
# $name $key
ui-start-language = Language: { $name } (press { $key } to change)
# $name $reason
ui-start-language_failed = { $name } is not available, so we stay in this language: { $reason }
ui-start-title = Why can't your mail be sent?
ui-steps-network = Your network
ui-steps-server = The server
ui-steps-settings = Your settings
ui-technical-causes = Causes
ui-technical-checks = Checks
ui-technical-input = Input
ui-technical-no_password = no password
ui-technical-no_transcript = No SMTP conversation yet.
ui-technical-none = none
ui-technical-password_given = password given (not shown)
ui-technical-path = Decision path
ui-technical-pending = still running
ui-technical-title = Technical view
ui-technical-transcript = SMTP transcript (passwords redacted)
# $ip $port
ui-tell_host-by_cause-reputation-client_ip_listed = whether { $ip } is on a blocklist that the server applies to sign-in (submission) connections on port { $port }.
# $server
ui-tell_host-by_cause-server-cert_chain_incomplete = the certificate of { $server }: it is sent without its intermediate certificate. They need to install the full-chain file.
# $server $time
ui-tell_host-by_cause-server-cert_expired = the certificate of { $server }: when we checked at { $time } it had expired. It needs renewing.
# $server
ui-tell_host-by_cause-server-cert_name_mismatch = the certificate of { $server }: it does not name { $server }. It needs a certificate for this name, or they should tell you the name to use.
# $server
ui-tell_host-by_cause-server-cert_untrusted = the certificate of { $server }: it is not issued by a trusted authority.
# $ip
ui-tell_host-by_cause-server-client_ip_blocked = a block of { $ip } in the firewall or the brute-force protection (for example CSF/LFD, cPHulk or Fail2Ban), usually after several failed sign-ins. Please lift it.
# $server $ip $time
ui-tell_host-by_cause-server-host_unreachable = whether the server { $server } is running and reachable from the internet; from { $ip } at { $time } it did not answer at all.
# $server $port $time
ui-tell_host-by_cause-server-no_tls = the encryption (STARTTLS or SSL/TLS) on { $server } port { $port }: the server offered none at { $time }.
# $server $time $ip
ui-tell_host-by_cause-server-overloaded = why { $server } turned connections away as busy around { $time } (connection limits, load, rate limits for { $ip }).
# $server $port $time
ui-tell_host-by_cause-server-service_down = whether the mail service on { $server } port { $port } is running; at { $time } the server refused connections to it.
# $server
ui-tell_host-by_cause-server-tls_outdated = the encryption settings of { $server }: it only offers outdated TLS versions that current mail programs refuse.
# $ip $server $port $time
ui-tell_host-by_cause-unknown-needs_server_side = their mail server's log for connections from { $ip } to { $server } port { $port } around { $time }, and what it says about them.
# $ip $server $port $time
ui-tell_host-default = connections from { $ip } to { $server } port { $port } around { $time } that were refused, dropped or rejected, and why.
ui-tell_host-intro = This needs a change at your email host. Send them this:
# $ip
ui-tell_host-ip = This network's public IP address: { $ip }
ui-tell_host-ip_not_found = This network's public IP address could not be found out from here. Please find it in your logs by the time of the test:
ui-tell_host-look_for = Please look for:
# $time
ui-tell_host-time = Time of the test: { $time }
ui-tell_host-title = Tell your email host
ui-tell_host-unknown_ip = this network's address
