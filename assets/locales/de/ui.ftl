## Deutsche Übersetzung von assets/locales/en/ui.ftl (Quelle: assets/ui.toml).

ui-account-auth = { -outlook-smtp-auth }
ui-account-auto = { -outlook-encryption-auto }
ui-account-back = Zurück
ui-account-bad_email = Geben Sie Ihre ganze E-Mail-Adresse ein, z. B. name@example.com.
ui-account-bad_port = Der Port ist eine Zahl von 1 bis 65535, z. B. 587.
ui-account-check = Einstellungen prüfen
ui-account-email = E-Mail-Adresse
ui-account-empty_port = leer: wir testen 587, 465 und 25
ui-account-empty_server = leer: wir suchen ihn
ui-account-empty_user = leer: Ihre E-Mail-Adresse
ui-account-encryption = Verschlüsselung
ui-account-intro = Geben Sie die Einstellungen so ein, wie Ihr Mailprogramm sie zeigt. In Outlook: { -outlook-account-settings } > { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-outgoing-server } und { -outlook-tab-advanced }.
ui-account-not_used = ungenutzt
ui-account-password = Passwort (optional)
ui-account-password_why = Mit Ihrem Passwort testen wir auch die Anmeldung, das häufigste Problem. Es dient nur diesem Test und wird nie gespeichert oder angezeigt.
ui-account-port = Port Postausgang
ui-account-server = Postausgangsserver
ui-account-signin_app_password = ! { $provider } nimmt hier nur ein App-Kennwort (erstellt in den Sicherheitseinstellungen Ihres Kontos), nicht Ihr normales Passwort.
ui-account-signin_app_password_or_oauth = ! { $provider } nimmt hier nicht Ihr normales Passwort: Geben Sie ein App-Kennwort ein, erstellt in den Sicherheitseinstellungen Ihres Kontos.
ui-account-signin_oauth = ! { $provider } nimmt von Mailprogrammen kein Passwort: Fügen Sie das Konto in Outlook stattdessen über die Anmeldeseite von { $provider } hinzu.
ui-account-title = Ihr Konto
ui-account-user = Benutzername
ui-app-agent_badge = Support-Ansicht
ui-app-step_of = Schritt { $n } von 3: { $step }
ui-checks-count_not_needed = { $n } nicht nötig
ui-checks-count_passed = { $n } bestanden
ui-checks-count_skipped = { $n } übersprungen
ui-checks-count_warned = { $n } mit Warnung
ui-checks-labels-dns-domain-dmarc = DMARC-Richtlinie Ihrer Domain
ui-checks-labels-dns-domain-mx = Mailserver Ihrer Domain (MX)
ui-checks-labels-dns-domain-srv = Veröffentlichter Mailserver Ihrer Domain
ui-checks-labels-dns-domain-txt = Absender-Richtlinie Ihrer Domain (SPF)
ui-checks-labels-dns-server-a = Server über seinen Namen finden
ui-checks-labels-input-server_name = Der Servername ist richtig geschrieben
ui-checks-labels-other = { $id }
ui-checks-labels-smtp = Gespräch mit dem Server auf Port { $port }
ui-checks-labels-tcp = Server auf Port { $port } erreichen
ui-checks-no_run = Noch keine Prüfung gelaufen.
ui-checks-not_needed_why = für dieses Ergebnis nicht nötig
ui-checks-not_run = ungeprüft
ui-checks-not_run_why = früherer Schritt scheiterte
ui-checks-now = jetzt
ui-checks-question_title = Eine Frage
ui-checks-running = { $elapsed } von { $budget }
ui-checks-running_steps = { $elapsed }, { $budget } je Schritt
ui-checks-step_count = { $n ->
    [one] { $n } Prüfung bestanden
   *[other] { $n } Prüfungen bestanden
}
ui-checks-step_failed = Problem gefunden
ui-checks-step_not_needed = nicht nötig
ui-checks-step_passed = alles ok
ui-checks-step_running = prüft
ui-checks-step_waiting = wartet
ui-checks-still_running = Einige Prüfungen laufen noch; das Ergebnis kann sich noch ändern.
ui-checks-title = Prüfe { $email }
ui-checks-waiting = wartet
ui-error-back = Zurück
ui-error-box_title = Fehlermeldung
ui-error-continue = Weiter
ui-error-detail_account = Konto { $account }
ui-error-detail_code = Fehler { $code }
ui-error-intro = Fügen Sie die ganze Meldung ein (Rechtsklick oder Strg+Umschalt+V) oder nur ihren Code, z. B. 0x800CCC0E.
ui-error-nothing = Noch nichts erkannt. Kein Problem: Die Prüfungen finden die Ursache trotzdem.
ui-error-placeholder = Die Aufgabe 'you@example.com - Senden' meldete Fehler (0x800CCC0E) ...
ui-error-read_title = Erkannt
ui-error-reply = Der Server antwortete: „{ $reply }“.
ui-error-sentence = { $meaning } ({ $details }).
ui-error-sentence_plain = { $meaning }.
ui-error-title = Was steht in der Fehlermeldung?
ui-error-unknown_code = Den Code { $code } kennen wir noch nicht; die Prüfungen finden die Ursache
ui-failure-change = Einstellungen ändern
ui-failure-dns_hint = Der Namensserver (--dns-server) ist nicht nutzbar. Sie können mit dem Namensserver dieses Computers weitermachen.
ui-failure-kiosk_hint = Die Einstellungen dieses Kiosks legen das fest; ändern kann sie nur, wer diesen Kiosk eingerichtet hat: Zeigen Sie ihm diese Meldung.
ui-failure-intro = smtp-doctor konnte die Prüfungen nicht vorbereiten:
ui-failure-other_hint = Bitte Einstellungen prüfen und neu versuchen.
ui-failure-quit = Beenden
ui-failure-retry = Neu versuchen
ui-failure-title = Prüfungen konnten nicht starten
ui-failure-tree_hint = Eine Entscheidungsbaum-Datei (--tree oder --tree-extra) hat einen Fehler, oben mit Zeile und Spalte. Sie können mit den eingebauten Prüfungen weitermachen.
ui-failure-trust_hint = Die Datei mit zusätzlichen Zertifikaten (--ca-file) ist nicht nutzbar. Sie können mit den Zertifikaten weitermachen, denen dieser Computer schon vertraut.
ui-failure-use_builtin = Eingebaute Prüfungen nutzen
ui-failure-use_system = Standard dieses Computers
ui-help-text =
    smtp-doctor findet heraus, warum Ihr Mailprogramm keine Mails senden kann, und sagt Ihnen, was Sie ändern müssen.
    
    Bewegen
    {"  "}↑ ↓, Tab, Umschalt-Tab  zwischen Auswahl und Feldern wechseln
    {"  "}Enter                   auswählen oder zum nächsten Feld
    {"  "}Space, ← →              Auswahl ändern (Verschlüsselung, Kästchen für Anmeldung)
    {"  "}Esc                     einen Bildschirm zurück (während Prüfungen: hält sie an)
    {"  "}Bild↑/↓, Pos1, Ende     langen Text blättern (Ergebnis, technische Ansicht, Hilfe)
    {"  "}Maus                    Auswahl oder Schaltfläche anklicken; das Rad blättert
    
    Überall
    {"  "}? oder F1               diese Hilfe
    {"  "}t oder F2               technische Ansicht: jede Prüfung mit Dauer, und das SMTP-Gespräch
    {"  "}s oder Strg-S           Bericht speichern oder als Text für ein Support-Ticket zeigen
    {"  "}q oder Strg-Q oder F10  beenden (fragt nach, solange Prüfungen laufen)
    {"  "}Strg-C                  sofort beenden
    
    Auf dem Mailserver („Ich bin auf dem Mailserver“)
    {"  "}Geben Sie die IP-Adresse des Kunden oder den Pfad seines gespeicherten Berichts ein; die Befunde zeigen, was die Adresse sperrt, die Log-Zeilen, die Dienste und was gelesen wurde. „Sperre aufheben“ listet die Befehle und fragt, bevor es sie ausführt; sonst ändert nichts den Server.
    
    In einem Textfeld werden Buchstaben eingetippt, also landen t, s, q und ? im Feld: Nutzen Sie dort F1, F2, Strg-S und Strg-Q. Die Tastenleiste unten zeigt immer, was auf diesem Bildschirm geht.
    
    Ihr Passwort ist freiwillig. Damit kann die Prüfung auch die Anmeldung testen. Es wird nie gespeichert, nie angezeigt und steht nie im Bericht oder in der technischen Ansicht.
    
    Die Prüfungen starten, sobald Ihre Einstellungen bekannt sind. Es wird nichts gesendet: Der Test hört auf, bevor eine Mail hinausgehen würde.
    
    Text kopieren: Im Bildschirm „Text zum Kopieren zeigen“ markiert die Maus Text wie gewohnt. Starten Sie mit --high-contrast für hohen Kontrast; NO_COLOR schaltet die Farben ab.{"\u000A"}
ui-help-title = Hilfe
ui-keys-back-key = Esc
ui-keys-back-label = zurück
ui-keys-cancel-key = n
ui-keys-cancel-label = abbrechen
ui-keys-choose-key = Enter
ui-keys-choose-label = wählen
ui-keys-close-key = Esc
ui-keys-close-label = schließen
ui-keys-help-key = ?
ui-keys-help-label = Hilfe
ui-keys-help_f-key = F1
ui-keys-help_f-label = Hilfe
ui-keys-move-key = ↑↓
ui-keys-move-label = bewegen
ui-keys-next_field-key = Enter
ui-keys-next_field-label = weiter
ui-keys-next_field-short = weiter
ui-keys-no-key = n
ui-keys-no-label = weitermachen
ui-keys-no-short = bleiben
ui-keys-pick-key = 1-6
ui-keys-pick-label = wählen
ui-keys-proceed-key = Enter
ui-keys-proceed-label = weiter
ui-keys-quit-key = q
ui-keys-quit-label = beenden
ui-keys-quit_ctrl-key = Strg-Q
ui-keys-quit_ctrl-label = beenden
ui-keys-run-key = y
ui-keys-run-label = ausführen
ui-keys-save-key = s
ui-keys-save-label = Bericht
ui-keys-save_ctrl-key = Strg-S
ui-keys-save_ctrl-label = Bericht
ui-keys-save_file-key = Enter
ui-keys-save_file-label = speichern
ui-keys-look_up-key = Enter
ui-keys-look_up-label = nachschlagen
ui-keys-scroll-key = ↑↓
ui-keys-scroll-label = blättern
ui-keys-tab-key = Tab
ui-keys-tab-label = weiter
ui-keys-technical-key = t
ui-keys-technical-label = technisch
ui-keys-technical-short = Technik
ui-keys-technical_f-key = F2
ui-keys-technical_f-label = technisch
ui-keys-technical_f-short = Technik
ui-keys-toggle-key = Space
ui-keys-toggle-label = ändern
ui-keys-yes-key = y
ui-keys-yes-label = jetzt beenden
ui-keys-yes-short = beenden
ui-kiosk-no_quit_text = Dieser Computer hält smtp-doctor für alle offen, daher lässt es sich hier nicht schließen. Drücken Sie Esc, um zurückzugehen.
ui-kiosk-no_quit_title = smtp-doctor bleibt offen
ui-kiosk-offline_intro = smtp-doctor braucht eine funktionierende Verbindung, um Ihre Mail-Einstellungen zu testen, und dieser Computer hat gerade keine. Bitte prüfen Sie:
ui-kiosk-offline_retry = smtp-doctor versucht es alle paar Sekunden erneut und macht von selbst weiter, sobald die Verbindung wieder da ist.
ui-kiosk-offline_steps-1 = Steckt das Netzwerkkabel an beiden Enden fest (am Computer und an der Wand oder am Gerät)?
ui-kiosk-offline_steps-2 = Oder bei WLAN: Ist WLAN eingeschaltet und mit dem Büronetz verbunden?
ui-kiosk-offline_steps-3 = Kommen auch andere Computer hier nicht ins Internet, fragen Sie das Büropersonal oder Ihre IT.
ui-kiosk-offline_title = Dieser Computer ist nicht mit dem Internet verbunden
ui-kiosk-pick-key = 1-5
ui-kiosk-pick-label = wählen
ui-kiosk-pin_back-key = Esc
ui-kiosk-pin_back-label = zurück
ui-kiosk-pin_enter-key = Enter
ui-kiosk-pin_enter-label = smtp-doctor schließen
ui-kiosk-pin_enter-short = schließen
ui-kiosk-pin_label = PIN:
ui-kiosk-pin_text = Dieser Computer hält smtp-doctor für alle offen. Zum Schließen geben Sie die Administrator-PIN ein und drücken Enter.
ui-kiosk-pin_title = smtp-doctor schließen
ui-kiosk-pin_wait = Zu viele falsche PINs. Neuer Versuch in { $seconds } Sekunden.
ui-kiosk-pin_wrong = Diese PIN ist nicht richtig.
ui-kiosk-report_folder = Der Bericht ist auf diesem Computer im Berichtsordner gespeichert:
ui-kiosk-report_name = smtp-doctor wählt den Dateinamen; bitten Sie das Büropersonal um eine Kopie.
ui-quit-no = Weitermachen
ui-quit-text = Es laufen noch Prüfungen. Trotzdem beenden?
ui-quit-title = Beenden?
ui-quit-yes = Beenden
ui-report-back = Zurück
ui-report-copy_title = Markieren Sie den Text mit der Maus und kopieren Sie ihn. Esc geht zurück.
ui-report-empty_path = Erst einen Dateinamen eingeben.
ui-report-failed = Speichern in { $path } fehlgeschlagen: { $error }
ui-report-intro = Der Bericht sagt, was geprüft und was gefunden wurde. Ihr Passwort steht nie darin.
ui-report-not_ready = Der Bericht ist bereit, sobald die Prüfungen begonnen haben.
ui-report-save = Speichern
ui-report-save_label = Als Markdown speichern in:
ui-report-saved = Gespeichert in { $path }
ui-report-saving = Speichere in { $path } …
ui-report-show_text = Text für ein Ticket zeigen
ui-report-title = Bericht speichern oder teilen
ui-result-change = Einstellungen ändern
ui-result-code = Ursachencode: { $code }
ui-result-confidence-confirmed = sicher
ui-result-confidence-likely = vermutlich
ui-result-confidence-possible = möglich
ui-result-do_this = So geht's
ui-result-finishing = Einige Prüfungen laufen noch; das kann sich noch ändern.
ui-result-next = Wenn das nicht hilft
ui-result-next_none = Speichern Sie den Bericht (Schaltfläche „Bericht“ unten) und senden Sie ihn an den Betreiber Ihrer Mail: Er enthält alles Nötige.
ui-result-no_cause = Die Prüfungen kamen zu keinem Ergebnis.
ui-result-nothing_to_do = Nichts zu ändern: Die Einstellungen passen.
ui-result-ok = Senden klappt
ui-result-problem = Problem gefunden
ui-result-quit = Beenden
ui-result-save = Bericht
ui-result-setting_auth = { -outlook-smtp-auth }
ui-result-setting_auth_value = angehakt
ui-result-setting_port = Port für { -outlook-port-field }
ui-result-setting_security = Verschlüsselung
ui-result-setting_server = { -outlook-server-field }
ui-result-setting_user = Benutzername
ui-result-settings = Passende Einstellungen
ui-result-technical = Technische Details
ui-result-unsure = Nicht sicher
ui-server-account = Ihr Login (freiwillig)
ui-server-account_placeholder = alice@example.com
ui-server-again = Erneut ansehen
ui-server-applied = Entsperrbefehle ausgeführt
ui-server-applying = Führe die Entsperrbefehle aus, dann lese alles neu …
ui-server-audit = Nach gesperrten Kunden suchen
ui-server-audit_again = Erneut prüfen
ui-server-audit_applying = Führe die Befehle für die Kunden aus, dann lese die Sperrlisten neu …
ui-server-audit_confirm_text = Diese Befehle laufen jetzt auf diesem Server, nur für die Adressen der Kunden:
ui-server-audit_confirm_title = Kunden entsperren und freischalten?
ui-server-audit_lift = Kunden entsperren und freischalten
ui-server-audit_more = … und { $n } weitere (smtp-doctor server --audit --json listet alle)
ui-server-audit_none = Nichts auf diesem Server sperrt eine Adresse.
ui-server-audit_title = Gesperrte Kunden
ui-server-auditing = Lese jede Sperre auf diesem Server und eine Woche Mail-Logs …
ui-server-back = Zurück
ui-server-blocks = Sperren, so wie ein Paket sie durchläuft
ui-server-confirm_no = Abbrechen
ui-server-confirm_text = Diese Befehle laufen jetzt auf diesem Server:
ui-server-confirm_title = Sperre aufheben?
ui-server-confirm_yes = Ausführen
ui-server-declined = Nicht ausgeführt, nichts geändert.
ui-server-do_this = So geht's
ui-server-empty = Geben Sie die IP-Adresse des Kunden oder den Pfad seines Berichts ein.
ui-server-evidence = Belege: { $ids }
ui-server-from_report = Aus dem Bericht des Kunden { $file }, erstellt { $time }.
ui-server-gone = Neu gelesen: Die Sperre ist weg.
ui-server-intro = Geben Sie die öffentliche IP-Adresse des Kunden ein oder fügen Sie sie ein, oder den Pfad des Berichts, den er mit smtp-doctor gespeichert hat. Gelesen werden Firewall, Sperrlisten, Mail-Logs und Maildienst; auf diesem Server wird nichts geändert, außer Sie heben eine Sperre auf.
ui-server-lift = Sperre aufheben
ui-server-log = Log-Zeilen, zeitlich geordnet
ui-server-look = Ansehen
ui-server-no_blocks = Keine Regel, kein Eintrag passt zu { $ip }.
ui-server-no_log = Keine Log-Zeilen zu { $ip } im Zeitraum.
ui-server-ok = Nicht gesperrt
ui-server-problem = Problem gefunden
ui-server-quit = Beenden
ui-server-reading = Lese Firewall, Sperrlisten, Mail-Logs und Maildienst für { $target } …
ui-server-readonly = Auf diesem Server wurde nichts geändert.
ui-server-report = Bericht
ui-server-services = Dienste
ui-server-sources = Quellen
ui-server-still = Neu gelesen: Die Adresse ist noch gesperrt.
ui-server-target = IP-Adresse des Kunden oder sein Bericht
ui-server-target_placeholder = 198.51.100.7 oder /home/support/smtp-doctor-report.md
ui-server-title = Finden, was einen Kunden sperrt
ui-server-unsure = Nicht sicher
ui-server-window = Logs gelesen von { $since } bis { $until } ({ $length }).
ui-start-choices-error-hint = einfügen oder Code eingeben
ui-start-choices-error-label = Ich sehe eine Fehlermeldung
ui-start-choices-outbox-label = Meine Mail bleibt im Postausgang
ui-start-choices-password-label = Die Passwortabfrage kommt immer wieder
ui-start-choices-new_account-label = Ich richte ein neues Konto ein
ui-start-choices-agent-hint = öffnet die technische Ansicht
ui-start-choices-agent-label = Ich bin im Support
ui-start-choices-server-hint = Support: was Kunden sperrt
ui-start-choices-server-label = Ich bin auf dem Mailserver
ui-start-intro = Wählen Sie, was Sie sehen. Wir prüfen Ihre Einstellungen, Ihr Netz und den Server und sagen Ihnen genau, was Sie ändern müssen.
ui-start-title = Warum wird Ihre Mail nicht gesendet?
ui-steps-network = Ihr Netzwerk
ui-steps-server = Der Server
ui-steps-settings = Ihre Einstellungen
ui-technical-causes = Ursachen
ui-technical-checks = Prüfungen
ui-technical-input = Eingaben
ui-technical-no_password = kein Passwort
ui-technical-no_transcript = Noch kein SMTP-Gespräch.
ui-technical-none = keine
ui-technical-password_given = Passwort angegeben (verborgen)
ui-technical-path = Entscheidungsweg
ui-technical-pending = läuft noch
ui-technical-title = Technische Ansicht
ui-technical-transcript = SMTP-Protokoll (Passwörter geschwärzt)
ui-tell_host-by_cause-reputation-client_ip_listed = ob { $ip } auf einer Sperrliste steht, die der Server auf Anmelde-Verbindungen (Submission) auf Port { $port } anwendet.
ui-tell_host-by_cause-server-cert_chain_incomplete = das Zertifikat von { $server }: Es wird ohne sein Zwischenzertifikat gesendet. Die Datei mit der vollständigen Kette muss installiert werden.
ui-tell_host-by_cause-server-cert_expired = das Zertifikat von { $server }: Bei unserer Prüfung um { $time } war es abgelaufen. Es muss erneuert werden.
ui-tell_host-by_cause-server-cert_name_mismatch = das Zertifikat von { $server }: Es nennt { $server } nicht. Nötig ist ein Zertifikat für diesen Namen, oder man nennt Ihnen den zu verwendenden Namen.
ui-tell_host-by_cause-server-cert_untrusted = das Zertifikat von { $server }: Es stammt nicht von einer vertrauenswürdigen Stelle.
ui-tell_host-by_cause-server-client_ip_blocked = eine Sperre von { $ip } in der Firewall oder im Schutz gegen Passwort-Angriffe (z. B. CSF/LFD, cPHulk oder Fail2Ban), meist nach mehreren fehlgeschlagenen Anmeldungen. Bitte heben Sie sie auf.
ui-tell_host-by_cause-server-host_unreachable = ob der Server { $server } läuft und aus dem Internet erreichbar ist; von { $ip } um { $time } antwortete er gar nicht.
ui-tell_host-by_cause-server-no_tls = die Verschlüsselung (STARTTLS oder SSL/TLS) auf { $server } Port { $port }: Der Server bot um { $time } keine an.
ui-tell_host-by_cause-server-overloaded = warum { $server } um { $time } Verbindungen als überlastet abwies (Verbindungslimits, Last, Ratenlimits für { $ip }).
ui-tell_host-by_cause-server-service_down = ob der Maildienst auf { $server } Port { $port } läuft; um { $time } wies der Server Verbindungen dorthin ab.
ui-tell_host-by_cause-server-tls_outdated = die Verschlüsselungseinstellungen von { $server }: Er bietet nur veraltete TLS-Versionen, die aktuelle Mailprogramme ablehnen.
ui-tell_host-by_cause-unknown-needs_server_side = das Log ihres Mailservers zu Verbindungen von { $ip } zu { $server } Port { $port } um { $time }, und was es darüber sagt.
ui-tell_host-default = Verbindungen von { $ip } zu { $server } Port { $port } um { $time }, die abgewiesen, verworfen oder abgelehnt wurden, und warum.
ui-tell_host-intro = Das muss Ihr E-Mail-Anbieter ändern. Senden Sie ihm dies:
ui-tell_host-ip = Öffentliche IP-Adresse dieses Netzes: { $ip }
ui-tell_host-ip_not_found = Die öffentliche IP-Adresse dieses Netzes ließ sich von hier nicht ermitteln. Bitte suchen Sie sie in Ihren Logs anhand der Testzeit:
ui-tell_host-look_for = Bitte prüfen Sie:
ui-tell_host-time = Zeitpunkt des Tests: { $time }
ui-tell_host-title = An Ihren E-Mail-Anbieter
ui-tell_host-unknown_ip = die Adresse dieses Netzes

# The start screen's language switch (added with the switch itself).
ui-keys-language-label = Sprache
ui-start-language = Sprache: { $name } (zum Wechseln { $key } drücken)

# Added with blocklists, the server's reverse DNS, the settings file and the new-account path.
ui-checks-labels-dns-server-ptr = Adresse des Mailservers führt zu seinem Namen
ui-checks-labels-dnsbl-client = Adresse Ihres Netzes auf Spam-Sperrlisten
ui-checks-labels-dnsbl-server = Adresse des Mailservers auf Spam-Sperrlisten
ui-keys-export-key = e
ui-keys-export-label = Thunderbird-Datei
ui-keys-export-short = Datei
ui-keys-language-key = l
ui-new_account-asking = Fragt dort nach, wo es nach Einstellungen fragt ...
ui-new_account-back = Zurück
# $host $names
ui-new_account-cert_warning = Stoppt mit einer Zertifikatswarnung: Das Zertifikat auf { $host } gilt für { $names }. Im Ergebnis steht, ob Sie es annehmen sollten.
ui-new_account-continue = Weiter
ui-new_account-email_label = E-Mail-Adresse
ui-new_account-intro = Geben Sie Ihre E-Mail-Adresse ein und wählen Sie Nachschlagen. Wir fragen dort, wo Outlook und Thunderbird die Einstellungen eines neuen Kontos erfragen, und testen sie, bevor Sie etwas anderes eingeben.
ui-new_account-invalid_email = Geben Sie die ganze E-Mail-Adresse ein, zum Beispiel sie@example.com.
ui-new_account-look_up = Nachschlagen
ui-new_account-nothing = Findet keine Einstellungen: Es rät den Postausgangsserver. Wählen Sie die manuelle Einrichtung und geben Sie die Einstellungen unten ein.
ui-new_account-placeholder = sie@example.com
ui-new_account-title = Ein neues Konto einrichten
# $settings
ui-new_account-verified = Einstellungen funktionieren nachweislich: { $settings }
ui-new_account-verifying = Teste, ob diese Einstellungen funktionieren ...
ui-new_account-works = Diese Einstellungen funktionieren.
# $settings $source
ui-new_account-would_use = Würde { $settings } verwenden (aus { $source })
# $wrong
ui-new_account-wrong = Diese Einstellungen funktionieren nicht: { $wrong }. Geben Sie die Einstellungen unten selbst ein.
# $path $error
ui-result-export_failed = Die Einstellungsdatei konnte nicht unter { $path } gespeichert werden: { $error }
ui-result-export_offer = Drücken Sie e, um diese Einstellungen als Datei für Thunderbird zu speichern (ohne Ihr Passwort).
# $path
ui-result-export_saved = Einstellungsdatei gespeichert: { $path }
# $path
ui-result-export_saving = Speichere die Einstellungsdatei unter { $path } …
ui-app-more_above = ↑ mehr
ui-app-more_below = ↓ mehr
ui-checks-status_passed = bestanden
ui-checks-status_failed = fehlgeschlagen
ui-checks-status_warning = Warnung
ui-checks-status_skipped = übersprungen
ui-checks-labels-dns-domain-auth = SPF, DMARC und DKIM Ihrer Domain
ui-checks-labels-autoconfig-outlook = Was Outlook einrichten würde
ui-checks-labels-autoconfig-thunderbird = Was Thunderbird einrichten würde
# $name $reason
ui-start-language_failed = { $name } ist nicht verfügbar, daher bleiben wir bei dieser Sprache: { $reason }
