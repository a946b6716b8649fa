## Nederlandse vertaling van assets/locales/en/ui.ftl (de schermen, toetsen en hulp van de wizard).
## Labels van mailprogramma's staan als terms in vendor.ftl.

ui-account-auth = { -outlook-smtp-auth }
ui-account-auto = { -outlook-encryption-auto }
ui-account-back = Terug
ui-account-bad_email = Typ uw volledige e-mailadres, zoals naam@example.com.
ui-account-bad_port = De poort is een getal van 1 tot 65535, zoals 587.
ui-account-check = Controleer instellingen
ui-account-email = E-mailadres
ui-account-empty_port = leeg: we proberen 587, 465 en 25
ui-account-empty_server = leeg: we zoeken hem op
ui-account-empty_user = leeg: uw e-mailadres
ui-account-encryption = Versleutelde verbinding
ui-account-intro = Typ de instellingen zoals uw mailprogramma ze toont. In Outlook: { -outlook-account-settings } > { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-outgoing-server } en { -outlook-tab-advanced }.
ui-account-not_used = niet gebruikt
ui-account-password = Wachtwoord (optioneel)
ui-account-password_why = Met uw wachtwoord testen we ook het aanmelden, het vaakste probleem. Het wordt alleen hiervoor gebruikt en nooit bewaard of getoond.
ui-account-port = Poort uitgaande server (SMTP)
ui-account-server = { -outlook-server-field }
ui-account-signin_app_password = ! { $provider } accepteert hier alleen een app-wachtwoord (te maken in de beveiligingsinstellingen van uw account), niet uw gewone wachtwoord.
ui-account-signin_app_password_or_oauth = ! { $provider } accepteert hier uw gewone wachtwoord niet: typ een app-wachtwoord, te maken in de beveiligingsinstellingen van uw account.
ui-account-signin_oauth = ! { $provider } accepteert geen wachtwoord van mailprogramma's: voeg het account in Outlook toe via de eigen aanmeldpagina van { $provider }.
ui-account-title = Uw account
ui-account-user = Gebruikersnaam
ui-app-agent_badge = supportweergave
ui-app-step_of = Stap { $n } van 3: { $step }
ui-checks-count_not_needed = { $n } niet nodig
ui-checks-count_passed = { $n } geslaagd
ui-checks-count_skipped = { $n } overgeslagen
ui-checks-count_warned = { $n } met een waarschuwing
ui-checks-labels-dns-domain-dmarc = DMARC-beleid van uw domein
ui-checks-labels-dns-domain-mx = Mailservers van uw domein (MX)
ui-checks-labels-dns-domain-srv = Gepubliceerde mailserver van uw domein
ui-checks-labels-dns-domain-txt = Afzenderbeleid van uw domein (SPF)
ui-checks-labels-dns-server-a = De server vinden via zijn naam
ui-checks-labels-input-server_name = De servernaam is juist geschreven
ui-checks-labels-other = { $id }
ui-checks-labels-smtp = Gesprek met de server op poort { $port }
ui-checks-labels-tcp = De server bereiken op poort { $port }
ui-checks-no_run = Nog geen controles uitgevoerd.
ui-checks-not_needed_why = niet nodig voor deze uitkomst
ui-checks-not_run = niet uitgevoerd
ui-checks-not_run_why = een eerdere stap is mislukt
ui-checks-now = nu
ui-checks-question_title = Eén vraag
ui-checks-running = { $elapsed } van { $budget }
ui-checks-running_steps = { $elapsed }, { $budget } per stap
ui-checks-step_count = { $n ->
        [one] { $n } controle geslaagd
       *[other] { $n } controles geslaagd
    }
ui-checks-step_failed = probleem gevonden
ui-checks-step_not_needed = niet nodig
ui-checks-step_passed = alles geslaagd
ui-checks-step_running = bezig
ui-checks-step_waiting = wacht
ui-checks-still_running = Sommige controles lopen nog; de uitkomst kan nog veranderen.
ui-checks-title = Controle van { $email }
ui-checks-waiting = wacht
ui-error-back = Terug
ui-error-box_title = Foutmelding
ui-error-continue = Verder
ui-error-detail_account = account { $account }
ui-error-detail_code = fout { $code }
ui-error-intro = Plak de hele melding (rechtsklik, of Ctrl+Shift+V), of typ alleen de code, bijvoorbeeld 0x800CCC0E.
ui-error-nothing = Nog niets herkend. Geen probleem: de controles vinden de oorzaak toch.
ui-error-placeholder = Taak 'u@example.com - Verzenden' heeft fout (0x800CCC0E) gerapporteerd ...
ui-error-read_title = Wat we lezen
ui-error-reply = De server antwoordde: ‘{ $reply }’.
ui-error-sentence = { $meaning } ({ $details }).
ui-error-sentence_plain = { $meaning }.
ui-error-title = Wat staat er in de foutmelding?
ui-error-unknown_code = We kennen de code { $code } nog niet; de controles vinden de oorzaak
ui-failure-change = Instellingen wijzigen
ui-failure-dns_hint = De naamserver (--dns-server) is niet bruikbaar. U kunt verder met de eigen naamserver van deze computer.
ui-failure-intro = smtp-doctor kon de controles niet voorbereiden:
ui-failure-kiosk_hint = Dit staat in de instellingen van deze kiosk; alleen wie de kiosk heeft ingericht kan ze wijzigen: laat deze melding zien.
ui-failure-other_hint = Controleer de instellingen en probeer opnieuw.
ui-failure-quit = Stoppen
ui-failure-retry = Opnieuw
ui-failure-title = De controles konden niet starten
ui-failure-tree_hint = Een beslisboombestand (--tree of --tree-extra) bevat een fout, hierboven getoond met regel en kolom. U kunt verder met de ingebouwde controles.
ui-failure-trust_hint = Het bestand met extra certificaten (--ca-file) is niet bruikbaar. U kunt verder met de certificaten die deze computer al vertrouwt.
ui-failure-use_builtin = Ingebouwde controles gebruiken
ui-failure-use_system = Standaard van deze computer
ui-help-text =
    smtp-doctor zoekt uit waarom uw mailprogramma geen mail kan verzenden, en zegt wat u moet wijzigen.
    
    Navigeren
    {"  "}↑ ↓ of Tab, Shift-Tab   tussen keuzes en velden wisselen
    {"  "}Enter                   kiezen, of naar het volgende veld
    {"  "}Space, ← →              een keuze wijzigen (versleuteling, het vinkje voor verificatie)
    {"  "}Esc                     één scherm terug (tijdens de controles stopt dit ze)
    {"  "}PgUp, PgDn, Home, End   lange tekst scrollen (uitkomst, technische weergave, deze hulp)
    {"  "}Muis                    klik op een keuze of knop; het wieltje scrolt
    
    Overal
    {"  "}? of F1                 deze hulp
    {"  "}t of F2                 technische weergave: elke controle met tijdsduur, en het SMTP-gesprek
    {"  "}s of Ctrl-S             rapport opslaan, of als tekst tonen voor een supportticket
    {"  "}q of Ctrl-Q of F10      stoppen (vraagt eerst als er nog controles lopen)
    {"  "}Ctrl-C                  meteen stoppen
    
    Op de mailserver ('Ik zit op de mailserver')
    {"  "}Typ het IP-adres van de klant of het pad van diens opgeslagen rapport; de bevindingen tonen wat het adres blokkeert, de logregels, de diensten en wat er gelezen is. 'Blokkade opheffen' toont de opdrachten en vraagt het eerst voordat ze worden uitgevoerd; verder verandert niets de server.
    
    In een tekstveld worden letters getypt, dus t, s, q en ? komen in het veld: gebruik daar F1, F2, Ctrl-S en Ctrl-Q. De toetsenbalk onderaan toont altijd wat op dit scherm werkt.
    
    Uw wachtwoord is optioneel. Hiermee kan de controle ook het aanmelden testen. Het wordt nooit bewaard, nooit getoond en staat nooit in het rapport of de technische weergave.
    
    De controles starten zodra uw instellingen bekend zijn. Er wordt niets verzonden: de test stopt voordat er mail zou vertrekken.
    
    Tekst kopiëren: in het scherm 'Tekst tonen om te kopiëren' selecteert de muis tekst zoals gewoonlijk. Start met --high-contrast voor een weergave met hoog contrast; NO_COLOR zet kleuren uit.{"\u000A"}
ui-help-title = Hulp
ui-keys-back-key = Esc
ui-keys-back-label = terug
ui-keys-cancel-key = n
ui-keys-cancel-label = annuleren
ui-keys-choose-key = Enter
ui-keys-choose-label = kiezen
ui-keys-close-key = Esc
ui-keys-close-label = sluiten
ui-keys-help-key = ?
ui-keys-help-label = hulp
ui-keys-help_f-key = F1
ui-keys-help_f-label = hulp
ui-keys-move-key = ↑↓
ui-keys-move-label = bewegen
ui-keys-next_field-key = Enter
ui-keys-next_field-label = volgend
ui-keys-next_field-short = verder
ui-keys-no-key = n
ui-keys-no-label = doorgaan
ui-keys-no-short = blijven
ui-keys-pick-key = 1-6
ui-keys-pick-label = kies
ui-keys-proceed-key = Enter
ui-keys-proceed-label = verder
ui-keys-quit-key = q
ui-keys-quit-label = stoppen
ui-keys-quit_ctrl-key = Ctrl-Q
ui-keys-quit_ctrl-label = stoppen
ui-keys-run-key = y
ui-keys-run-label = uitvoeren
ui-keys-save-key = s
ui-keys-save-label = rapport
ui-keys-save_ctrl-key = Ctrl-S
ui-keys-save_ctrl-label = rapport
ui-keys-save_file-key = Enter
ui-keys-save_file-label = opslaan
ui-keys-look_up-key = Enter
ui-keys-look_up-label = opzoeken
ui-keys-scroll-key = ↑↓
ui-keys-scroll-label = scrollen
ui-keys-tab-key = Tab
ui-keys-tab-label = verder
ui-keys-technical-key = t
ui-keys-technical-label = technisch
ui-keys-technical-short = tech
ui-keys-technical_f-key = F2
ui-keys-technical_f-label = technisch
ui-keys-technical_f-short = tech
ui-keys-toggle-key = Space
ui-keys-toggle-label = wijzigen
ui-keys-yes-key = y
ui-keys-yes-label = nu stoppen
ui-keys-yes-short = stop
ui-kiosk-no_quit_text = Deze computer houdt smtp-doctor open voor iedereen, dus hier kan het niet worden gesloten. Druk op Esc om terug te gaan.
ui-kiosk-no_quit_title = smtp-doctor blijft open
ui-kiosk-offline_intro = smtp-doctor heeft een werkende verbinding nodig om uw mailinstellingen te testen, en deze computer heeft er nu geen. Controleer:
ui-kiosk-offline_retry = smtp-doctor probeert het om de paar seconden opnieuw en gaat vanzelf verder zodra de verbinding terug is.
ui-kiosk-offline_steps-1 = Zit de netwerkkabel aan beide kanten stevig vast (in de computer en in de muur of het kastje)?
ui-kiosk-offline_steps-2 = Of, bij wifi: staat wifi aan en is die verbonden met het kantoornetwerk?
ui-kiosk-offline_steps-3 = Kunnen andere computers hier ook niet online? Vraag het kantoorpersoneel of uw IT-contactpersoon.
ui-kiosk-offline_title = Deze computer heeft geen internetverbinding
ui-kiosk-pick-key = 1-5
ui-kiosk-pick-label = kies
ui-kiosk-pin_back-key = Esc
ui-kiosk-pin_back-label = terug
ui-kiosk-pin_enter-key = Enter
ui-kiosk-pin_enter-label = smtp-doctor sluiten
ui-kiosk-pin_enter-short = sluiten
ui-kiosk-pin_label = PIN:
ui-kiosk-pin_text = Deze computer houdt smtp-doctor open voor iedereen. Typ de beheerders-PIN en druk op Enter om het te sluiten.
ui-kiosk-pin_title = smtp-doctor sluiten
ui-kiosk-pin_wait = Te vaak een foute PIN. Probeer over { $seconds } seconden opnieuw.
ui-kiosk-pin_wrong = Die PIN klopt niet.
ui-kiosk-report_folder = Het rapport staat op deze computer, in de map met rapporten:
ui-kiosk-report_name = smtp-doctor kiest de bestandsnaam; vraag het kantoorpersoneel om een kopie.
ui-quit-no = Doorgaan
ui-quit-text = Er lopen nog controles. Toch stoppen?
ui-quit-title = Stoppen?
ui-quit-yes = Stoppen
ui-report-back = Terug
ui-report-copy_title = Selecteer de tekst met uw muis en kopieer hem. Esc gaat terug.
ui-report-empty_path = Typ eerst een bestandsnaam.
ui-report-failed = Opslaan in { $path } mislukt: { $error }
ui-report-intro = Het rapport zegt wat er gecontroleerd en gevonden is. Uw wachtwoord staat er nooit in.
ui-report-not_ready = Het rapport is klaar zodra de controles zijn gestart.
ui-report-save = Opslaan
ui-report-save_label = Opslaan als Markdown in:
ui-report-saved = Opgeslagen in { $path }
ui-report-saving = Opslaan in { $path } …
ui-report-show_text = Tekst tonen om in een ticket te kopiëren
ui-report-title = Rapport opslaan of delen
ui-result-change = Instellingen wijzigen
ui-result-code = Oorzaakcode: { $code }
ui-result-confidence-confirmed = zeker
ui-result-confidence-likely = waarschijnlijk
ui-result-confidence-possible = mogelijk
ui-result-do_this = Doe dit
ui-result-finishing = Sommige controles lopen nog; dit kan nog veranderen.
ui-result-next = Helpt dat niet?
ui-result-next_none = Sla het rapport op (de knop Rapport hieronder) en stuur het naar wie uw mail beheert: er staat alles in wat die nodig heeft.
ui-result-no_cause = De controles kwamen niet tot een conclusie.
ui-result-nothing_to_do = Niets te wijzigen: deze instellingen werken.
ui-result-ok = Verzenden werkt
ui-result-problem = Probleem gevonden
ui-result-quit = Stoppen
ui-result-save = Rapport
ui-result-setting_auth = { -outlook-smtp-auth }
ui-result-setting_auth_value = aangevinkt
ui-result-setting_port = Poort uitgaande server (SMTP)
ui-result-setting_security = Versleutelde verbinding
ui-result-setting_server = { -outlook-server-field }
ui-result-setting_user = Gebruikersnaam
ui-result-settings = Instellingen die werken
ui-result-technical = Technische details
ui-result-unsure = Niet zeker
ui-server-account = Hun login (optioneel)
ui-server-account_placeholder = alice@example.com
ui-server-again = Opnieuw kijken
ui-server-applied = Deblokkering uitgevoerd
ui-server-applying = De deblokkeeropdrachten worden uitgevoerd, daarna wordt alles opnieuw gelezen …
ui-server-audit = Zoek geblokkeerde klanten
ui-server-audit_again = Opnieuw zoeken
ui-server-audit_applying = De opdrachten voor de klanten worden uitgevoerd, daarna worden de blokkeerlijsten opnieuw gelezen …
ui-server-audit_confirm_text = Deze opdrachten worden nu op deze server uitgevoerd, alleen voor de adressen van de klanten:
ui-server-audit_confirm_title = Klanten deblokkeren en op witte lijst zetten?
ui-server-audit_lift = Klanten deblokkeren en op witte lijst
ui-server-audit_more = … en nog { $n } (smtp-doctor server --audit --json toont ze allemaal)
ui-server-audit_none = Niets op deze server blokkeert een adres.
ui-server-audit_title = Geblokkeerde klanten
ui-server-auditing = Alle blokkades op deze server en een week aan maillogs lezen …
ui-server-back = Terug
ui-server-blocks = Blokkades, in de volgorde die een pakket doorloopt
ui-server-confirm_no = Annuleren
ui-server-confirm_text = Deze opdrachten worden nu op deze server uitgevoerd:
ui-server-confirm_title = Blokkade opheffen?
ui-server-confirm_yes = Uitvoeren
ui-server-declined = Niet uitgevoerd. Er is niets gewijzigd.
ui-server-do_this = Doe dit
ui-server-empty = Typ het IP-adres van de klant, of het pad van diens rapport.
ui-server-evidence = Bewijs: { $ids }
ui-server-from_report = Uit het rapport van de klant { $file }, gemaakt { $time }.
ui-server-gone = Opnieuw gelezen: de blokkade is weg.
ui-server-intro = Typ of plak het openbare IP-adres van de klant, of het pad van het rapport dat die met smtp-doctor heeft opgeslagen. Dit leest de firewall, de banlijsten, de maillogs en de maildienst; op deze server verandert niets, tenzij u kiest een blokkade op te heffen.
ui-server-lift = Blokkade opheffen
ui-server-log = Logregels, op volgorde van tijd
ui-server-look = Kijken
ui-server-no_blocks = Geen regel of vermelding past bij { $ip }.
ui-server-no_log = Geen logregels over { $ip } in deze periode.
ui-server-ok = Niet geblokkeerd
ui-server-problem = Probleem gevonden
ui-server-quit = Stoppen
ui-server-reading = De firewall, de banlijsten, de maillogs en de maildienst lezen voor { $target } …
ui-server-readonly = Er is niets op deze server gewijzigd.
ui-server-report = Rapport
ui-server-services = Diensten
ui-server-sources = Bronnen
ui-server-still = Opnieuw gelezen: het adres is nog geblokkeerd.
ui-server-target = IP-adres van de klant, of diens opgeslagen rapport
ui-server-target_placeholder = 198.51.100.7, of /home/support/smtp-doctor-report.md
ui-server-title = Zoek wat een klant blokkeert
ui-server-unsure = Niet zeker
ui-server-window = Logs gelezen van { $since } tot { $until } ({ $length }).
ui-start-choices-error-hint = plak hem, of typ de code
ui-start-choices-error-label = Ik zie een foutmelding
ui-start-choices-outbox-label = Mijn mail blijft in het Postvak UIT
ui-start-choices-password-label = Er wordt steeds om een wachtwoord gevraagd
ui-start-choices-new_account-label = Ik stel een nieuw account in
ui-start-choices-agent-hint = opent technische weergave
ui-start-choices-agent-label = Ik ben supportmedewerker
ui-start-choices-server-hint = support: klant geblokkeerd
ui-start-choices-server-label = Ik zit op de mailserver
ui-start-intro = Kies wat u ziet. We controleren uw instellingen, uw netwerk en de server, en zeggen dan precies wat u moet wijzigen.
ui-start-title = Waarom wordt uw mail niet verzonden?
ui-steps-network = Uw netwerk
ui-steps-server = De server
ui-steps-settings = Uw instellingen
ui-technical-causes = Oorzaken
ui-technical-checks = Controles
ui-technical-input = Invoer
ui-technical-no_password = geen wachtwoord
ui-technical-no_transcript = Nog geen SMTP-gesprek.
ui-technical-none = geen
ui-technical-password_given = wachtwoord gegeven (niet getoond)
ui-technical-path = Beslispad
ui-technical-pending = loopt nog
ui-technical-title = Technische weergave
ui-technical-transcript = SMTP-transcript (wachtwoorden verborgen)
ui-tell_host-by_cause-reputation-client_ip_listed = of { $ip } op een blokkeerlijst staat die de server toepast op aanmeldverbindingen (submission) op poort { $port }.
ui-tell_host-by_cause-server-cert_chain_incomplete = het certificaat van { $server }: het wordt zonder tussencertificaat verstuurd. Het volledige-ketenbestand (full chain) moet worden geïnstalleerd.
ui-tell_host-by_cause-server-cert_expired = het certificaat van { $server }: bij onze controle om { $time } was het verlopen. Het moet worden vernieuwd.
ui-tell_host-by_cause-server-cert_name_mismatch = het certificaat van { $server }: de naam { $server } staat er niet in. Er is een certificaat voor deze naam nodig, of ze moeten u de naam geven die u moet gebruiken.
ui-tell_host-by_cause-server-cert_untrusted = het certificaat van { $server }: het is niet uitgegeven door een vertrouwde instantie.
ui-tell_host-by_cause-server-client_ip_blocked = een blokkade van { $ip } in de firewall of de bescherming tegen brute-force-aanvallen (bijvoorbeeld CSF/LFD, cPHulk of Fail2Ban), meestal na een aantal mislukte aanmeldingen. Hef die alstublieft op.
ui-tell_host-by_cause-server-host_unreachable = of de server { $server } draait en vanaf internet bereikbaar is; vanaf { $ip } om { $time } antwoordde hij helemaal niet.
ui-tell_host-by_cause-server-no_tls = de versleuteling (STARTTLS of SSL/TLS) op { $server } poort { $port }: de server bood om { $time } geen versleuteling aan.
ui-tell_host-by_cause-server-overloaded = waarom { $server } rond { $time } verbindingen weigerde omdat hij bezet was (verbindingslimieten, belasting, snelheidslimieten voor { $ip }).
ui-tell_host-by_cause-server-service_down = of de maildienst op { $server } poort { $port } draait; om { $time } weigerde de server verbindingen ermee.
ui-tell_host-by_cause-server-tls_outdated = de versleutelingsinstellingen van { $server }: hij biedt alleen verouderde TLS-versies aan die huidige mailprogramma's weigeren.
ui-tell_host-by_cause-unknown-needs_server_side = het log van hun mailserver voor verbindingen van { $ip } naar { $server } poort { $port } rond { $time }, en wat het erover zegt.
ui-tell_host-default = verbindingen van { $ip } naar { $server } poort { $port } rond { $time } die geweigerd, verbroken of afgewezen zijn, en waarom.
ui-tell_host-intro = Hiervoor is een wijziging bij uw e-mailprovider nodig. Stuur hun dit:
ui-tell_host-ip = Openbaar IP-adres van dit netwerk: { $ip }
ui-tell_host-ip_not_found = Het openbare IP-adres van dit netwerk kon hier niet worden achterhaald. Zoek het op in uw logs aan de hand van het tijdstip van de test:
ui-tell_host-look_for = Zoekt u naar:
ui-tell_host-time = Tijdstip van de test: { $time }
ui-tell_host-title = Meld het uw e-mailprovider
ui-tell_host-unknown_ip = het adres van dit netwerk

# The start screen's language switch (added with the switch itself).
ui-keys-language-label = taal
ui-start-language = Taal: { $name } (druk op { $key } om te wijzigen)

# Added in the second pass: blocklists, reverse DNS, the new-account path, the settings file.
ui-checks-labels-dns-server-ptr = Serveradres leidt terug naar zijn naam
ui-checks-labels-dnsbl-client = Uw netwerkadres op spamblokkeerlijsten
ui-checks-labels-dnsbl-server = Serveradres op spamblokkeerlijsten
ui-keys-export-key = e
ui-keys-export-label = Thunderbird-bestand
ui-keys-export-short = bestand
ui-keys-language-key = l
ui-new_account-asking = Vragen waar het naar instellingen vraagt ...
ui-new_account-back = Terug
# $host $names
ui-new_account-cert_warning = Stopt met een certificaatwaarschuwing: het certificaat op { $host } is voor { $names }. Zie het resultaat om te weten of u het kunt accepteren.
ui-new_account-continue = Doorgaan
ui-new_account-email_label = E-mailadres
ui-new_account-intro = Typ uw e-mailadres en kies Opzoeken. We vragen op dezelfde plaatsen als Outlook en Thunderbird naar de instellingen van een nieuw account, en testen of die instellingen werken, voordat u iets anders typt.
ui-new_account-invalid_email = Typ het hele e-mailadres, bijvoorbeeld u@example.com.
ui-new_account-look_up = Opzoeken
ui-new_account-nothing = Vindt geen instellingen: gaat de uitgaande server raden. Kies de handmatige instelling en typ de instellingen hieronder.
ui-new_account-placeholder = u@example.com
ui-new_account-title = Een nieuw account instellen
# $settings
ui-new_account-verified = Instellingen getest, ze werken: { $settings }
ui-new_account-verifying = Testen of deze instellingen werken ...
ui-new_account-works = Deze instellingen werken.
# $settings $source
ui-new_account-would_use = Zou { $settings } gebruiken (van { $source })
# $wrong
ui-new_account-wrong = Deze instellingen werken niet: { $wrong }. Typ de instellingen hieronder zelf.
# $path $error
ui-result-export_failed = Kan het instellingenbestand niet opslaan in { $path }: { $error }
ui-result-export_offer = Druk op e om deze instellingen op te slaan als bestand dat Thunderbird kan lezen (uw wachtwoord staat er niet in).
# $path
ui-result-export_saved = Instellingenbestand opgeslagen: { $path }
# $path
ui-result-export_saving = Instellingenbestand opslaan in { $path } …
ui-app-more_above = ↑ meer
ui-app-more_below = ↓ meer
ui-checks-status_passed = geslaagd
ui-checks-status_failed = mislukt
ui-checks-status_warning = waarschuwing
ui-checks-status_skipped = overgeslagen
ui-checks-labels-dns-domain-auth = SPF, DMARC en DKIM van uw domein
ui-checks-labels-autoconfig-outlook = Wat Outlook zou instellen
ui-checks-labels-autoconfig-thunderbird = Wat Thunderbird zou instellen
# $name $reason
ui-start-language_failed = { $name } is niet beschikbaar, dus we blijven in deze taal: { $reason }
