## Intestazioni e parole fisse del rapporto (assets/report.toml), in italiano.

report-confidence-confirmed = Confermata
report-confidence-likely = Probabile
report-confidence-possible = Possibile
report-markdown-also = Inoltre
report-markdown-cause = Causa
report-markdown-check = Controllo
report-markdown-checks = Controlli
# $message
report-markdown-error = Messaggio di errore: { $message }
report-markdown-field = Campo
# $email
report-markdown-heading = Rapporto di smtp-doctor per { $email }
# $time $version
report-markdown-made = Creato: { $time } (smtp-doctor { $version })
report-markdown-none = (nessuno)
report-markdown-password_given = indicata (non mostrata)
report-markdown-password_not_given = non indicata
# $ip
report-markdown-public_ip = IP pubblico di questa rete: { $ip }
report-markdown-result = Risultato
report-markdown-setting_port = Porta
report-markdown-setting_security = Crittografia
report-markdown-setting_server = Server in uscita (SMTP)
report-markdown-setting_user = Nome utente
report-markdown-settings = Impostazioni che funzionano
# $server $port $security $user $password
report-markdown-tested = Impostazioni provate: server { $server }, porta { $port }, crittografia { $security }, utente { $user }, password { $password }
report-markdown-transcript = Trascrizione SMTP (password nascosta)
report-markdown-value = Valore
# $verdict
report-markdown-verdict = Esito: **{ $verdict }**
report-other_programs-line = In Thunderbird: { -thunderbird-outgoing-server }. In Apple Mail: { -apple-mail-server-settings }.
# $name
report-phrases-cert_handshake_failed = { $name } porta allo stesso server, ma anche il suo certificato non viene accettato
report-phrases-cert_no_other = il certificato non indica nessun altro server
# $name
report-phrases-cert_not_a_name = { $name } non è un nome che si possa scrivere
# $name
report-phrases-cert_not_found = { $name } non esiste nel DNS
# $name
report-phrases-cert_not_tried = { $name } non è stato provato
# $name
report-phrases-cert_other_server = { $name } porta a un altro server
# $name
report-phrases-cert_works = { $name } funziona
# $count $cap
report-phrases-sign_in_attempts = smtp-doctor ha provato ad accedere { $count } in tutto (mai più di { $cap } volte, perché il firewall del server non La blocchi)
report-phrases-sign_in_once = una volta
# $n
report-phrases-sign_in_times = { $n } volte
report-status-failed = non riuscito
report-status-passed = superato
report-status-skipped = saltato
report-status-warning = avviso
report-text-also = Trovato anche:
# $code $confidence
report-text-cause_code = Codice della causa: { $code } ({ $confidence })
report-text-checks = Controlli:
report-text-do_this = Faccia così:
# $message
report-text-error = Messaggio di errore: { $message }
# $version $email
report-text-heading = smtp-doctor { $version } - controllo della posta in uscita per { $email }
# $verdict
report-text-no_conclusion = { $verdict }: i controlli non sono arrivati a una conclusione.
report-text-no_password = nessuna password indicata
report-text-ok = ✓ OK
report-text-password_given = password indicata
report-text-problem = ✗ PROBLEMA
# $ip
report-text-public_ip = Indirizzo pubblico di questa rete: { $ip }
report-text-setting_port = Porta:
report-text-setting_security = Crittografia:
report-text-setting_server = Server in uscita (SMTP):
report-text-setting_user = Nome utente:
report-text-settings = Impostazioni che funzionano:
# $list
report-text-tested = Impostazioni provate: { $list }
# $port
report-text-tested_port = porta { $port }
# $security
report-text-tested_security = crittografia { $security }
# $server
report-text-tested_server = server { $server }
report-text-unsure = ? NON SICURO
report-verdict-inconclusive = Non conclusivo
report-verdict-ok = OK
report-verdict-problem = Problema
report-words-security-none = Nessuna
report-words-security-ssl-tls = SSL/TLS
report-words-security-starttls = STARTTLS
report-words-unknown = (sconosciuto)
report-words-who_acts-administrator = l'amministratore della posta elettronica della Sua organizzazione
report-words-who_acts-host = la Sua società di hosting
report-words-who_acts-person = Lei, nelle impostazioni di sicurezza del Suo account presso il provider
