## Die Beschriftungen und Menüpfade der Mailprogramme, so wie jedes Programm sie auf Deutsch zeigt.
## Die Übersetzungen verwenden diese Terms (`{ -outlook-account-settings }`) überall dort, wo ein
## Schritt ein Menü, eine Registerkarte, ein Feld oder ein Kontrollkästchen nennt.

## Outlook (klassisch) für Windows, Dialog „Internet-E-Mail-Einstellungen“ eines POP/IMAP-Kontos.
## Source (localized version of the English page; its text was not found in the search index):
## https://support.microsoft.com/de-de/office/560a9065-3c3a-4ec5-a24f-cdb9a8d622a2
## Not found on a help page: Microsoft terminology of the German Outlook UI. Cross-checked with
## third-party German guides: "Ändern", "Weitere Einstellungen", Registerblatt "Erweitert"
## (https://support.belwue.de/anleitungen/email/transportverschluesselung-tls/);
## "Anmeldung mithilfe der gesicherten Kennwortauthentifizierung (SPA)"
## (https://www.it-service-support.com/sichere-e-mail-einstellungen/); "Postausgangsserver (SMTP)",
## "E-Mail-Adresse" (http://www.pcwelt.de/ratgeber/Manuelle-Konfiguration-Ratgeber-Mail-421634.html);
## "Verwenden Sie den folgenden verschlüsselten Verbindungstyp" (OVH's German Outlook guide).

# Menu path to the account list.
-outlook-account-settings = Datei > Kontoeinstellungen > Kontoeinstellungen
# The button that opens an account's settings.
-outlook-change = Ändern
# The button that opens the Internet E-mail Settings dialog.
-outlook-more-settings = Weitere Einstellungen
# Tabs of that dialog.
-outlook-tab-advanced = Erweitert
-outlook-tab-outgoing-server = Postausgangsserver
# Menu path to add an account.
-outlook-add-account = Datei > Konto hinzufügen
# The port field on the Advanced tab.
-outlook-port-field = Postausgangsserver (SMTP)
# The server name field on the account's main page.
-outlook-server-field = Postausgangsserver (SMTP)
# The encryption list on the Advanced tab, and its choices.
-outlook-encryption-field = Verwenden Sie den folgenden verschlüsselten Verbindungstyp
-outlook-encryption-none = Keine
-outlook-encryption-auto = Automatisch
# Tick boxes and choices on the Outgoing Server tab.
-outlook-smtp-auth = Der Postausgangsserver (SMTP) erfordert Authentifizierung
-outlook-same-as-incoming = Gleiche Einstellungen wie für Posteingangsserver verwenden
-outlook-log-on-using = Anmelden mit
-outlook-spa = Anmeldung mithilfe der gesicherten Kennwortauthentifizierung (SPA) erforderlich
# The address field when adding an account.
-outlook-email-address = E-Mail-Adresse
# The dialog buttons the steps name. Not found on a help page: Microsoft terminology of the
# German Outlook UI (the wizard's "Weiter", the dialog's "OK", the account list's "Entfernen").
-outlook-next = Weiter
-outlook-ok = OK
-outlook-remove = Entfernen
# The switch at the top right of Outlook that turns on the new Outlook.
-outlook-new-outlook = Neues Outlook

## Windows-Netzwerkeinstellungen.
## Source (localized version of the English page; its text was not found in the search index):
## https://support.microsoft.com/de-de/windows/bd0a07af-15f5-cd6a-363f-ca2b6f391ace
## Not found on a help page: Microsoft terminology. "Internetprotokoll, Version 6" is confirmed by
## https://docs.microsoft.com/de-de/troubleshoot/windows-server/networking/configure-ipv6-in-windows
-windows-adapter-settings = Systemsteuerung > Netzwerk- und Freigabecenter > Adaptereinstellungen ändern
-windows-ipv6 = Internetprotokoll, Version 6 (TCP/IPv6)
-windows-properties = Eigenschaften

## Thunderbird: die Liste der Postausgang-Server in den Konten-Einstellungen.
## Source: https://support.mozilla.org/de/kb/Konfigurationsmoeglichkeiten-fuer-Konten ("Konten-Einstellungen");
## "Postausgang-Server (SMTP)", "Verbindungssicherheit": Thunderbird's German UI as quoted in OVH's
## German Thunderbird guides; "Authentifizierungsmethode": Mozilla terminology, not found on a page.
-thunderbird-outgoing-server = Konten-Einstellungen > Postausgang-Server (SMTP) > Bearbeiten…
-thunderbird-connection-security = Verbindungssicherheit
-thunderbird-authentication = Authentifizierungsmethode

## Apple Mail auf dem Mac.
## Source: https://support.apple.com/de-ch/guide/mail/server-settings-preferences-cpmlprefacctadv/11.0/mac/10.13
## („Mail“ > „Einstellungen“ > „Accounts“ > „Servereinstellungen“; in the section „Einstellungen des
## Servers für ausgehende E-Mails (SMTP)“ the pop-up menu is labelled „Account“).
-apple-mail-server-settings = Mail > Einstellungen > Accounts > Servereinstellungen
-apple-mail-outgoing = Account

## Windows Mail (Mail und Kalender für Windows 10 und 11).
## Source (localized version of the English page; its text was not found in the search index):
## https://support.microsoft.com/de-de/office/7f6f8a0e-ea8c-4b10-ab3d-7b3b1a27b0fd
## Not found on a help page: Microsoft terminology of the German Mail app.
-windows-mail-advanced = Einstellungen > Konten verwalten > Einstellungen für Postfachsynchronisierung ändern > Erweiterte Postfacheinstellungen
-windows-mail-outgoing-server = Postausgangsserver (SMTP)
