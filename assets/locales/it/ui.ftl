## Traduzione italiana di assets/ui.toml (riferimento: assets/locales/en/ui.ftl).

ui-account-auth = { -outlook-smtp-auth }
ui-account-auto = { -outlook-encryption-auto }
ui-account-back = Indietro
ui-account-bad_email = Scriva l'indirizzo e-mail completo, come nome@example.com.
ui-account-bad_port = La porta è un numero da 1 a 65535, come 587.
ui-account-check = Verifica impostazioni
ui-account-email = Indirizzo e-mail
ui-account-empty_port = vuoto: proviamo 587, 465 e 25
ui-account-empty_server = vuoto: lo cerchiamo noi
ui-account-empty_user = vuoto: il Suo indirizzo e-mail
ui-account-encryption = Connessione crittografata
ui-account-intro = Scriva le impostazioni come le mostra il Suo programma di posta. In Outlook: { -outlook-account-settings } › { -outlook-change } › { -outlook-more-settings } › { -outlook-tab-outgoing-server } e { -outlook-tab-advanced }.
ui-account-not_used = non usato
ui-account-password = Password (facoltativa)
ui-account-password_why = Con la password possiamo anche provare l'accesso, il problema più comune. Serve solo per questa prova: non viene mai salvata né mostrata.
ui-account-port = Porta del server in uscita (SMTP)
ui-account-server = { -outlook-server-field }
ui-account-signin_app_password = ! { $provider } qui accetta solo una password per le app (creata nelle impostazioni di sicurezza dell'account), non la password normale.
ui-account-signin_app_password_or_oauth = ! { $provider } qui non accetta la password normale: scriva una password per le app, creata nelle impostazioni di sicurezza dell'account.
ui-account-signin_oauth = ! { $provider } non accetta password dai programmi di posta: aggiunga l'account in Outlook usando la pagina di accesso di { $provider }.
ui-account-title = Il Suo account
ui-account-user = Nome utente
ui-app-agent_badge = vista assistenza
ui-app-step_of = Passo { $n } di 3: { $step }
ui-checks-count_not_needed = { $n } non necessari
ui-checks-count_passed = { $n ->
    [one] { $n } superato
   *[other] { $n } superati
}
ui-checks-count_skipped = { $n ->
    [one] { $n } saltato
   *[other] { $n } saltati
}
ui-checks-count_warned = { $n } con avviso
ui-checks-labels-dns-domain-dmarc = Criterio DMARC del Suo dominio
ui-checks-labels-dns-domain-mx = Server di posta del dominio (MX)
ui-checks-labels-dns-domain-srv = Server di posta pubblicato dal dominio
ui-checks-labels-dns-domain-txt = Criterio mittenti del dominio (SPF)
ui-checks-labels-dns-server-a = Trovare il server dal nome
ui-checks-labels-input-server_name = Il nome del server è scritto bene
ui-checks-labels-other = { $id }
ui-checks-labels-smtp = Dialogo col server sulla porta { $port }
ui-checks-labels-tcp = Raggiungere il server sulla porta { $port }
ui-checks-no_run = Nessun controllo ancora.
ui-checks-not_needed_why = non serve per questo risultato
ui-checks-not_run = non eseguito
ui-checks-not_run_why = un passo precedente è fallito
ui-checks-now = ora
ui-checks-question_title = Una domanda
ui-checks-running = { $elapsed } di { $budget }
ui-checks-running_steps = { $elapsed }, { $budget } a passo
ui-checks-step_count = { $n ->
    [one] { $n } controllo superato
   *[other] { $n } controlli superati
}
ui-checks-step_failed = problema trovato
ui-checks-step_not_needed = non necessario
ui-checks-step_passed = tutto ok
ui-checks-step_running = in verifica
ui-checks-step_waiting = in attesa
ui-checks-still_running = Alcuni controlli stanno finendo; il risultato può ancora cambiare.
ui-checks-title = Verifica di { $email }
ui-checks-waiting = in attesa
ui-error-back = Indietro
ui-error-box_title = Messaggio di errore
ui-error-continue = Continua
ui-error-detail_account = account { $account }
ui-error-detail_code = errore { $code }
ui-error-intro = Incolli tutto il messaggio (clic destro, o Ctrl+Maiusc+V) oppure scriva solo il codice, ad esempio 0x800CCC0E.
ui-error-nothing = Ancora nulla di riconosciuto. Va bene: i controlli trovano comunque la causa.
ui-error-placeholder = Attività 'lei@example.com - Invio': segnalato errore (0x800CCC0E) ...
ui-error-read_title = Cosa leggiamo
ui-error-reply = Il server ha risposto: «{ $reply }».
ui-error-sentence = { $meaning } ({ $details }).
ui-error-sentence_plain = { $meaning }.
ui-error-title = Cosa dice il messaggio di errore?
ui-error-unknown_code = Non conosciamo ancora il codice { $code }; i controlli troveranno la causa
ui-failure-change = Cambia impostazioni
ui-failure-dns_hint = Il server dei nomi (--dns-server) non è utilizzabile. Può continuare con il server dei nomi di questo computer.
ui-failure-intro = smtp-doctor non ha potuto preparare i controlli:
ui-failure-kiosk_hint = Queste impostazioni vengono dal chiosco: solo chi lo ha configurato può cambiarle. Gli mostri questo messaggio.
ui-failure-other_hint = Controlli le impostazioni e riprovi.
ui-failure-quit = Esci
ui-failure-retry = Riprova
ui-failure-title = I controlli non sono partiti
ui-failure-tree_hint = Un file dell'albero decisionale (--tree o --tree-extra) ha un problema, indicato sopra con riga e colonna. Può continuare con i controlli integrati.
ui-failure-trust_hint = Il file dei certificati aggiuntivi (--ca-file) non è utilizzabile. Può continuare con i certificati già considerati attendibili da questo computer.
ui-failure-use_builtin = Usa i controlli integrati
ui-failure-use_system = Usa i valori del computer
ui-help-text =
    smtp-doctor scopre perché il Suo programma di posta non riesce a inviare e Le dice cosa cambiare.
    
    Spostarsi
    {"  "}↑ ↓ o Tab, Maiusc-Tab   passare tra scelte e campi
    {"  "}Invio                   scegliere, o andare al campo successivo
    {"  "}Spazio, ← →             cambiare una scelta (crittografia, casella dell'autenticazione)
    {"  "}Esc                     tornare indietro di una schermata (durante i controlli li ferma)
    {"  "}PagSu/PagGiù, Home/Fine scorrere testi lunghi (risultati, vista tecnica, questo aiuto)
    {"  "}Mouse                   clic su una scelta o un pulsante; la rotellina scorre
    
    Ovunque
    {"  "}? o F1                  questo aiuto
    {"  "}t o F2                  vista tecnica: ogni controllo con i suoi tempi e il dialogo SMTP
    {"  "}s o Ctrl-S              salvare il rapporto, o mostrarlo come testo per un ticket
    {"  "}q o Ctrl-Q o F10        uscire (chiede conferma se i controlli sono in corso)
    {"  "}Ctrl-C                  uscire subito
    
    Sul server di posta ("Sono sul server di posta")
    {"  "}Scriva l'indirizzo IP del cliente o il percorso del rapporto salvato; i risultati mostrano cosa blocca l'indirizzo, le righe di log, i servizi e cosa è stato letto. "Rimuovi il blocco" elenca i comandi e chiede conferma prima di eseguirli; nient'altro modifica il server.
    
    In un campo di testo le lettere vengono scritte, quindi t, s, q e ? finiscono nel campo: lì usi F1, F2, Ctrl-S e Ctrl-Q. La barra dei tasti in basso mostra sempre cosa funziona in questa schermata.
    
    La password è facoltativa. Con essa il controllo può provare anche l'accesso. Non viene mai salvata né mostrata e non compare mai nel rapporto o nella vista tecnica.
    
    I controlli partono appena le impostazioni sono note. Non viene inviato nulla: la prova si ferma prima che parta qualsiasi messaggio.
    
    Per copiare testo: nella schermata "Mostra testo da copiare" il mouse seleziona il testo come sempre. Avvii con --high-contrast per un contrasto elevato; NO_COLOR disattiva i colori.{"\u000A"}
ui-help-title = Aiuto
ui-keys-back-key = Esc
ui-keys-back-label = torna
ui-keys-cancel-key = n
ui-keys-cancel-label = annulla
ui-keys-choose-key = Invio
ui-keys-choose-label = scegli
ui-keys-close-key = Esc
ui-keys-close-label = chiudi
ui-keys-help-key = ?
ui-keys-help-label = aiuto
ui-keys-help_f-key = F1
ui-keys-help_f-label = aiuto
ui-keys-move-key = ↑↓
ui-keys-move-label = muovi
ui-keys-next_field-key = Invio
ui-keys-next_field-label = campo succ.
ui-keys-next_field-short = avanti
ui-keys-no-key = n
ui-keys-no-label = continua
ui-keys-no-short = resta
ui-keys-pick-key = 1-6
ui-keys-pick-label = scegli
ui-keys-proceed-key = Invio
ui-keys-proceed-label = continua
ui-keys-quit-key = q
ui-keys-quit-label = esci
ui-keys-quit_ctrl-key = Ctrl-Q
ui-keys-quit_ctrl-label = esci
ui-keys-run-key = y
ui-keys-run-label = esegui
ui-keys-save-key = s
ui-keys-save-label = rapporto
ui-keys-save_ctrl-key = Ctrl-S
ui-keys-save_ctrl-label = rapporto
ui-keys-save_file-key = Invio
ui-keys-save_file-label = salva
ui-keys-look_up-key = Invio
ui-keys-look_up-label = cerca
ui-keys-scroll-key = ↑↓
ui-keys-scroll-label = scorri
ui-keys-tab-key = Tab
ui-keys-tab-label = avanti
ui-keys-technical-key = t
ui-keys-technical-label = tecnica
ui-keys-technical-short = tec.
ui-keys-technical_f-key = F2
ui-keys-technical_f-label = tecnica
ui-keys-technical_f-short = tec.
ui-keys-toggle-key = Spazio
ui-keys-toggle-label = cambia
ui-keys-yes-key = y
ui-keys-yes-label = esci ora
ui-keys-yes-short = esci
ui-kiosk-no_quit_text = Questo computer tiene smtp-doctor aperto per tutti, quindi qui non si può chiudere. Prema Esc per tornare indietro.
ui-kiosk-no_quit_title = smtp-doctor resta aperto
ui-kiosk-offline_intro = smtp-doctor ha bisogno di una connessione funzionante per provare la posta, e ora questo computer non ne ha. Controlli:
ui-kiosk-offline_retry = smtp-doctor riprova ogni pochi secondi e continua da solo appena la connessione torna.
ui-kiosk-offline_steps-1 = Il cavo di rete è inserito bene alle due estremità (computer e presa a muro o router)?
ui-kiosk-offline_steps-2 = Oppure, con il Wi-Fi: il Wi-Fi è acceso e collegato alla rete dell'ufficio?
ui-kiosk-offline_steps-3 = Se anche gli altri computer qui non vanno in rete, chieda al personale o al Suo referente IT.
ui-kiosk-offline_title = Questo computer non è connesso a Internet
ui-kiosk-pick-key = 1-5
ui-kiosk-pick-label = scegli
ui-kiosk-pin_back-key = Esc
ui-kiosk-pin_back-label = torna
ui-kiosk-pin_enter-key = Invio
ui-kiosk-pin_enter-label = chiudi smtp-doctor
ui-kiosk-pin_enter-short = chiudi
ui-kiosk-pin_label = PIN:
ui-kiosk-pin_text = Questo computer tiene smtp-doctor aperto per tutti. Per chiuderlo, scriva il PIN dell'amministratore e prema Invio.
ui-kiosk-pin_title = Chiudi smtp-doctor
ui-kiosk-pin_wait = Troppi PIN errati. Riprovi tra { $seconds } secondi.
ui-kiosk-pin_wrong = Il PIN non è corretto.
ui-kiosk-report_folder = Il rapporto è salvato su questo computer, nella cartella dei rapporti:
ui-kiosk-report_name = smtp-doctor sceglie il nome del file; chieda una copia al personale.
ui-quit-no = Continua
ui-quit-text = I controlli sono ancora in corso. Uscire comunque?
ui-quit-title = Uscire?
ui-quit-yes = Esci
ui-report-back = Indietro
ui-report-copy_title = Selezioni il testo col mouse e lo copi. Esc torna indietro.
ui-report-empty_path = Scriva prima un nome di file.
ui-report-failed = Impossibile salvare in { $path }: { $error }
ui-report-intro = Il rapporto dice cosa è stato controllato e trovato. Non contiene mai la password.
ui-report-not_ready = Il rapporto è pronto quando i controlli sono partiti.
ui-report-save = Salva
ui-report-save_label = Salva come Markdown in:
ui-report-saved = Salvato in { $path }
ui-report-saving = Salvataggio in { $path } …
ui-report-show_text = Mostra testo da copiare in un ticket
ui-report-title = Salva o condividi il rapporto
ui-result-change = Cambia impostazioni
ui-result-code = Codice causa: { $code }
ui-result-confidence-confirmed = certo
ui-result-confidence-likely = probabile
ui-result-confidence-possible = possibile
ui-result-do_this = Cosa fare
ui-result-finishing = Alcuni controlli stanno finendo; può ancora cambiare.
ui-result-next = Se non basta
ui-result-next_none = Salvi il rapporto (pulsante Rapporto qui sotto) e lo mandi a chi gestisce la Sua posta: contiene tutto ciò che serve.
ui-result-no_cause = I controlli non sono arrivati a una conclusione.
ui-result-nothing_to_do = Niente da cambiare: queste impostazioni funzionano.
ui-result-ok = L'invio funziona
ui-result-problem = Problema trovato
ui-result-quit = Esci
ui-result-save = Rapporto
ui-result-setting_auth = { -outlook-smtp-auth }
ui-result-setting_auth_value = spuntata
ui-result-setting_port = Porta del server in uscita (SMTP)
ui-result-setting_security = Connessione crittografata
ui-result-setting_server = { -outlook-server-field }
ui-result-setting_user = Nome utente
ui-result-settings = Impostazioni valide
ui-result-technical = Dettagli tecnici
ui-result-unsure = Non sicuro
ui-server-account = Il suo login (facoltativo)
ui-server-account_placeholder = alice@example.com
ui-server-again = Rileggi
ui-server-applied = Comandi di sblocco eseguiti
ui-server-applying = Esecuzione dei comandi di sblocco, poi nuova lettura di tutto …
ui-server-audit = Cerca clienti bloccati
ui-server-audit_again = Ricontrolla
ui-server-audit_applying = Esecuzione dei comandi per i clienti, poi nuova lettura delle liste di blocco …
ui-server-audit_confirm_text = Questi comandi verranno eseguiti ora su questo server, solo per gli indirizzi dei clienti:
ui-server-audit_confirm_title = Sbloccare i clienti e metterli in whitelist?
ui-server-audit_lift = Sblocca e whitelist clienti
ui-server-audit_more = … e altri { $n } (smtp-doctor server --audit --json li elenca tutti)
ui-server-audit_none = Nulla su questo server blocca un indirizzo.
ui-server-audit_title = Clienti bloccati
ui-server-auditing = Lettura di ogni blocco su questo server e di una settimana di log di posta …
ui-server-back = Indietro
ui-server-blocks = Blocchi, nell'ordine in cui li incontra un pacchetto
ui-server-confirm_no = Annulla
ui-server-confirm_text = Questi comandi verranno eseguiti ora su questo server:
ui-server-confirm_title = Rimuovere il blocco?
ui-server-confirm_yes = Esegui
ui-server-declined = Non eseguiti. Nulla è stato cambiato.
ui-server-do_this = Cosa fare
ui-server-empty = Scriva l'indirizzo IP del cliente o il percorso del suo rapporto.
ui-server-evidence = Prove: { $ids }
ui-server-from_report = Dal rapporto del cliente { $file }, creato { $time }.
ui-server-gone = Nuova lettura: il blocco non c'è più.
ui-server-intro = Scriva o incolli l'indirizzo IP pubblico del cliente, o il percorso del rapporto salvato con smtp-doctor. Vengono letti il firewall, le liste di ban, i log e il servizio di posta; nulla su questo server cambia se non sceglie di rimuovere un blocco.
ui-server-lift = Rimuovi il blocco
ui-server-log = Righe di log, in ordine di tempo
ui-server-look = Cerca
ui-server-no_blocks = Nessuna regola o voce corrisponde a { $ip }.
ui-server-no_log = Nessuna riga di log su { $ip } nel periodo.
ui-server-ok = Non bloccato
ui-server-problem = Problema trovato
ui-server-quit = Esci
ui-server-reading = Lettura di firewall, liste di ban, log e servizio di posta per { $target } …
ui-server-readonly = Nulla su questo server è stato cambiato.
ui-server-report = Rapporto
ui-server-services = Servizi
ui-server-sources = Fonti
ui-server-still = Nuova lettura: l'indirizzo è ancora bloccato.
ui-server-target = IP del cliente o il suo rapporto salvato
ui-server-target_placeholder = 198.51.100.7, o /home/support/smtp-doctor-report.md
ui-server-title = Cosa blocca un cliente
ui-server-unsure = Non sicuro
ui-server-window = Log letti da { $since } a { $until } ({ $length }).
ui-start-choices-error-hint = lo incolli o scriva il codice
ui-start-choices-error-label = Vedo un messaggio di errore
ui-start-choices-outbox-label = La posta resta in Posta in uscita
ui-start-choices-password-label = La richiesta della password torna
ui-start-choices-new_account-label = Sto configurando un nuovo account
ui-start-choices-agent-hint = apre la vista tecnica
ui-start-choices-agent-label = Sono dell'assistenza
ui-start-choices-server-hint = assistenza: cosa blocca un cliente
ui-start-choices-server-label = Sono sul server di posta
ui-start-intro = Scelga cosa vede. Controlliamo impostazioni, rete e server, poi Le diciamo esattamente cosa cambiare.
ui-start-title = Perché la posta non parte?
ui-steps-network = La Sua rete
ui-steps-server = Il server
ui-steps-settings = Le impostazioni
ui-technical-causes = Cause
ui-technical-checks = Controlli
ui-technical-input = Dati
ui-technical-no_password = nessuna password
ui-technical-no_transcript = Ancora nessun dialogo SMTP.
ui-technical-none = nessuno
ui-technical-password_given = password inserita (non mostrata)
ui-technical-path = Percorso
ui-technical-pending = in corso
ui-technical-title = Vista tecnica
ui-technical-transcript = Trascrizione SMTP (password oscurate)
ui-tell_host-by_cause-reputation-client_ip_listed = se { $ip } è in una blocklist che il server applica alle connessioni di accesso (submission) sulla porta { $port }.
ui-tell_host-by_cause-server-cert_chain_incomplete = il certificato di { $server }: viene inviato senza il certificato intermedio. Va installato il file con la catena completa.
ui-tell_host-by_cause-server-cert_expired = il certificato di { $server }: al controllo delle { $time } era scaduto. Va rinnovato.
ui-tell_host-by_cause-server-cert_name_mismatch = il certificato di { $server }: non contiene il nome { $server }. Serve un certificato per questo nome, oppure vi devono indicare il nome da usare.
ui-tell_host-by_cause-server-cert_untrusted = il certificato di { $server }: non è emesso da un'autorità attendibile.
ui-tell_host-by_cause-server-client_ip_blocked = un blocco di { $ip } nel firewall o nella protezione da attacchi brute-force (ad esempio CSF/LFD, cPHulk o Fail2Ban), di solito dopo vari accessi falliti. Vi preghiamo di rimuoverlo.
ui-tell_host-by_cause-server-host_unreachable = se il server { $server } è attivo e raggiungibile da Internet; da { $ip } alle { $time } non ha risposto affatto.
ui-tell_host-by_cause-server-no_tls = la crittografia (STARTTLS o SSL/TLS) su { $server } porta { $port }: alle { $time } il server non ne offriva nessuna.
ui-tell_host-by_cause-server-overloaded = perché { $server } ha respinto connessioni come occupato verso le { $time } (limiti di connessione, carico, limiti di frequenza per { $ip }).
ui-tell_host-by_cause-server-service_down = se il servizio di posta su { $server } porta { $port } è attivo; alle { $time } il server rifiutava le connessioni.
ui-tell_host-by_cause-server-tls_outdated = le impostazioni di crittografia di { $server }: offre solo versioni TLS superate che i programmi di posta attuali rifiutano.
ui-tell_host-by_cause-unknown-needs_server_side = il log del server di posta per le connessioni da { $ip } a { $server } porta { $port } verso le { $time }, e cosa dice di esse.
ui-tell_host-default = le connessioni da { $ip } a { $server } porta { $port } verso le { $time } rifiutate, interrotte o respinte, e il motivo.
ui-tell_host-intro = Serve una modifica presso il Suo provider di posta. Gli invii questo:
ui-tell_host-ip = Indirizzo IP pubblico di questa rete: { $ip }
ui-tell_host-ip_not_found = Da qui non è stato possibile scoprire l'indirizzo IP pubblico di questa rete. Cercatelo nei log in base all'ora della prova:
ui-tell_host-look_for = Da controllare:
ui-tell_host-time = Ora della prova: { $time }
ui-tell_host-title = Avvisi il Suo provider
ui-tell_host-unknown_ip = l'indirizzo di questa rete

# The start screen's language switch (added with the switch itself).
ui-keys-language-label = lingua
ui-start-language = Lingua: { $name } (premi { $key } per cambiare)
ui-app-more_above = ↑ altro
ui-app-more_below = ↓ altro
ui-checks-status_passed = superato
ui-checks-status_failed = non riuscito
ui-checks-status_warning = avviso
ui-checks-status_skipped = saltato
ui-checks-labels-dns-domain-auth = SPF, DMARC e DKIM del Suo dominio
ui-checks-labels-autoconfig-outlook = Cosa configurerebbe Outlook
ui-checks-labels-autoconfig-thunderbird = Cosa configurerebbe Thunderbird
ui-checks-labels-dns-server-ptr = L'indirizzo del server riporta al suo nome
ui-checks-labels-dnsbl-client = L'indirizzo della Sua rete nelle liste di spam
ui-checks-labels-dnsbl-server = L'indirizzo del server nelle liste di spam
ui-keys-export-key = e
ui-keys-export-label = file Thunderbird
ui-keys-export-short = file
ui-keys-language-key = l
ui-new_account-asking = Chiedo dove cerca le impostazioni ...
ui-new_account-back = Indietro
# $host $names
ui-new_account-cert_warning = Si ferma con un avviso di certificato: il certificato su { $host } è per { $names }. Veda nel risultato se accettarlo.
ui-new_account-continue = Continua
ui-new_account-email_label = Indirizzo e-mail
ui-new_account-intro = Scriva il Suo indirizzo e-mail e scelga Cerca. Chiediamo negli stessi posti in cui Outlook e Thunderbird cercano le impostazioni di un nuovo account, e verifichiamo se funzionano, prima che Lei scriva altro.
ui-new_account-invalid_email = Scriva l'indirizzo e-mail completo, per esempio lei@example.com.
ui-new_account-look_up = Cerca
ui-new_account-nothing = Non trova impostazioni: indovinerà il server in uscita. Scelga la configurazione manuale e scriva le impostazioni qui sotto.
ui-new_account-placeholder = lei@example.com
ui-new_account-title = Configurare un nuovo account
# $settings
ui-new_account-verified = Impostazioni verificate, funzionano: { $settings }
ui-new_account-verifying = Verifico se queste impostazioni funzionano ...
ui-new_account-works = Queste impostazioni funzionano.
# $settings $source
ui-new_account-would_use = Userebbe { $settings } (da { $source })
# $wrong
ui-new_account-wrong = Queste impostazioni non funzionano: { $wrong }. Scriva Lei le impostazioni qui sotto.
# $path $error
ui-result-export_failed = Impossibile salvare il file delle impostazioni in { $path }: { $error }
ui-result-export_offer = Prema e per salvare queste impostazioni in un file leggibile da Thunderbird (senza la Sua password).
# $path
ui-result-export_saved = File delle impostazioni salvato: { $path }
# $path
ui-result-export_saving = Salvataggio del file delle impostazioni in { $path } …
# $name $reason
ui-start-language_failed = { $name } non è disponibile, quindi restiamo in questa lingua: { $reason }
