## Le etichette e i percorsi di menu dei programmi di posta, come ciascun programma li mostra in italiano.
## Le traduzioni usano questi termini (`{ -outlook-account-settings }`) ogni volta che un passo nomina
## un menu, una scheda, un campo o una casella di controllo, così un passo non mescola mai etichette
## di due lingue. Ogni gruppo indica la pagina di aiuto italiana usata; dove un'etichetta non era su
## quella pagina, il commento lo dice e indica da dove viene.

## Outlook (classico) per Windows, la finestra Impostazioni posta elettronica Internet di un account POP/IMAP.
## Source: https://support.microsoft.com/it-it/office/change-or-update-email-account-settings-in-outlook-for-windows-560a9065-3c3a-4ec5-a24f-cdb9a8d622a2
## Text of that page not available here. Found on the earlier it-it Microsoft help page for the same
## task, http://office.microsoft.com/it-it/outlook-help/change-email-account-settings-HA102809384.aspx:
## "File > Impostazioni account > Impostazioni account" and "Cambia".
## Not found on a help page: Microsoft terminology (it-IT Outlook) for all the other labels below.

# Menu path to the account list. (found: office.microsoft.com it-it, HA102809384)
-outlook-account-settings = File > Impostazioni account > Impostazioni account
# The button that opens an account's settings. (found: office.microsoft.com it-it, HA102809384)
-outlook-change = Cambia
# The button that opens the Internet E-mail Settings dialog.
-outlook-more-settings = Altre impostazioni
# Tabs of that dialog.
-outlook-tab-advanced = Impostazioni avanzate
-outlook-tab-outgoing-server = Server della posta in uscita
# Menu path to add an account.
-outlook-add-account = File > Aggiungi account
# The port field on the Advanced tab.
-outlook-port-field = Server posta in uscita (SMTP)
# The server name field on the account's main page.
-outlook-server-field = Server posta in uscita (SMTP)
# The encryption list on the Advanced tab, and its choices.
-outlook-encryption-field = Usa il seguente tipo di connessione crittografata
-outlook-encryption-none = Nessuna
-outlook-encryption-auto = Automatica
# Tick boxes and choices on the Outgoing Server tab.
-outlook-smtp-auth = Il server della posta in uscita (SMTP) richiede l'autenticazione
-outlook-same-as-incoming = Utilizza le stesse impostazioni del server della posta in arrivo
-outlook-log-on-using = Accedi con
-outlook-spa = Richiedi autenticazione password di protezione (SPA)
# The address field when adding an account.
-outlook-email-address = Indirizzo di posta elettronica
# The dialog buttons the steps name.
-outlook-next = Avanti
-outlook-ok = OK
-outlook-remove = Rimuovi
# The switch at the top right of Outlook that turns on the new Outlook.
-outlook-new-outlook = Nuovo Outlook

## Impostazioni di rete di Windows.
## Source: https://support.microsoft.com/it-it/windows/change-tcp-ip-settings-bd0a07af-15f5-cd6a-363f-ca2b6f391ace
## Not found on a help page: Microsoft terminology (Windows in italiano).
-windows-adapter-settings = Pannello di controllo > Centro connessioni di rete e condivisione > Modifica impostazioni scheda
-windows-ipv6 = Protocollo Internet versione 6 (TCP/IPv6)
-windows-properties = Proprietà

## Thunderbird: l'elenco dei server in uscita nelle impostazioni account.
## Source: https://support.mozilla.org/it/kb/manual-account-configuration
## That page was not available here. "Impostazioni account" and "Server in uscita (SMTP)" are on
## https://support.mozilla.org/it/kb/configurazione-opzioni-account; "Modifica", "Sicurezza della
## connessione" and "Metodo di autenticazione" are Thunderbird's it interface wording (not found on a page).
-thunderbird-outgoing-server = Impostazioni account > Server in uscita (SMTP) > Modifica
-thunderbird-connection-security = Sicurezza della connessione
-thunderbird-authentication = Metodo di autenticazione

## Apple Mail sul Mac.
## Source: https://support.apple.com/it-it/guide/mail/mlhlp1068/mac
## That page was not available here. "Mail > … > Account" and the "Impostazioni server" pane are on
## https://support.apple.com/it-it/HT204208 (which still says "Preferenze", the name before macOS 13;
## current macOS says "Impostazioni"). "Account di posta in uscita": not found on a help page, macOS
## Mail it interface wording.
-apple-mail-server-settings = Mail > Impostazioni > Account > Impostazioni server
-apple-mail-outgoing = Account di posta in uscita

## Posta di Windows (Posta e Calendario per Windows 10 e 11).
## Source: https://support.microsoft.com/it-it/office/add-an-email-account-to-mail-and-calendar-for-windows-10-7f6f8a0e-ea8c-4b10-ab3d-7b3b1a27b0fd
## Not found on a help page: Microsoft terminology (Windows in italiano).
-windows-mail-advanced = Impostazioni > Gestisci account > Modifica impostazioni sincronizzazione cassetta postale > Impostazioni avanzate cassetta postale
-windows-mail-outgoing-server = Server di posta in uscita (SMTP)
