## De labels en menupaden van de mailprogramma's, zoals elk programma ze in het Nederlands toont.
## De vertalingen gebruiken deze terms (`{ -outlook-account-settings }`) overal waar een stap een
## menu, tabblad, veld of selectievakje noemt, zodat een stap nooit labels van twee talen mengt.

## Outlook (klassiek) voor Windows, het dialoogvenster Internet-e-mailinstellingen van een POP/IMAP-account.
## Source (localized version of the English page; its text was not found in the search index):
## https://support.microsoft.com/nl-nl/office/560a9065-3c3a-4ec5-a24f-cdb9a8d622a2
## Not found on a help page: Microsoft terminology of the Dutch Outlook UI. Partly confirmed on
## Microsoft's own older Dutch pages: "Accountinstellingen" in
## http://office.microsoft.com/nl-be/outlook-help/de-e-mailaccountgegevens-bij-uw-internetprovider-wijzigen-HA010079916.aspx,
## "Wijzigen" and "Volgende" in
## http://office.microsoft.com/nl-nl/outlook-help/ik-ben-mijn-outlook-wachtwoord-vergeten-HA001113690.aspx.
## The labels of the Internet-e-mailinstellingen dialog (tabs, tick boxes, encryption list) were not
## found on any page the search index holds.

# Menu path to the account list.
-outlook-account-settings = Bestand > Accountinstellingen > Accountinstellingen
# The button that opens an account's settings.
-outlook-change = Wijzigen
# The button that opens the Internet E-mail Settings dialog.
-outlook-more-settings = Meer instellingen
# Tabs of that dialog.
-outlook-tab-advanced = Geavanceerd
-outlook-tab-outgoing-server = Server voor uitgaande e-mail
# Menu path to add an account.
-outlook-add-account = Bestand > Account toevoegen
# The port field on the Advanced tab.
-outlook-port-field = Server voor uitgaande e-mail (SMTP)
# The server name field on the account's main page.
-outlook-server-field = Server voor uitgaande e-mail (SMTP)
# The encryption list on the Advanced tab, and its choices.
-outlook-encryption-field = Gebruik het volgende type versleutelde verbinding
-outlook-encryption-none = Geen
-outlook-encryption-auto = Automatisch
# Tick boxes and choices on the Outgoing Server tab.
-outlook-smtp-auth = Voor de server voor uitgaande e-mail (SMTP) is verificatie vereist
-outlook-same-as-incoming = Dezelfde instellingen gebruiken als voor de server voor inkomende e-mail
-outlook-log-on-using = Aanmelden met
-outlook-spa = Aanmelden met beveiligd-wachtwoordverificatie (SPA) vereisen
# The address field when adding an account.
-outlook-email-address = E-mailadres
# The dialog buttons the steps name.
-outlook-next = Volgende
-outlook-ok = OK
-outlook-remove = Verwijderen
# The switch at the top right of Outlook that turns on the new Outlook.
-outlook-new-outlook = Nieuwe Outlook

## Netwerkinstellingen van Windows.
## Source (localized version of the English page; its text was not found in the search index):
## https://support.microsoft.com/nl-nl/windows/bd0a07af-15f5-cd6a-363f-ca2b6f391ace
## Not found on a help page: Microsoft terminology of the Dutch Windows UI. "Internet Protocol
## versie 6" is confirmed by
## https://learn.microsoft.com/nl-NL/troubleshoot/windows-server/networking/configure-ipv6-in-windows
-windows-adapter-settings = Configuratiescherm > Netwerkcentrum > Adapterinstellingen wijzigen
-windows-ipv6 = Internet Protocol versie 6 (TCP/IPv6)
-windows-properties = Eigenschappen

## Thunderbird: de lijst met uitgaande servers in de accountinstellingen.
## Source: https://support.mozilla.org/fy-NL/kb/manual-account-configuration (redirects to the Dutch
## page "Handmatige accountconfiguratie": "Accountinstellingen", "uitgaande mailserver").
## "Verbindingsbeveiliging" and "Authenticatiemethode": Thunderbird's Dutch localization
## (account hub strings account-hub-ssl-label and account-hub-auth-label), not found on a help page.
## "Uitgaande server (SMTP)" and "Bewerken…": Mozilla terminology, not found on a help page.
-thunderbird-outgoing-server = Accountinstellingen > Uitgaande server (SMTP) > Bewerken…
-thunderbird-connection-security = Verbindingsbeveiliging
-thunderbird-authentication = Authenticatiemethode

## Apple Mail op de Mac.
## Source: https://support.apple.com/nl-nl/HT203995 (Dutch names of the server settings).
## Not found on a help page: the Dutch menu path and the "Account" pop-up of the outgoing mail
## server section (Apple terminology, as in the German and English guides of the same page).
-apple-mail-server-settings = Mail > Instellingen > Accounts > Serverinstellingen
-apple-mail-outgoing = Account

## Windows Mail (E-mail en Agenda voor Windows 10 en 11).
## Source (localized version of the English page; its text was not found in the search index):
## https://support.microsoft.com/nl-nl/office/7f6f8a0e-ea8c-4b10-ab3d-7b3b1a27b0fd
## Not found on a help page: Microsoft terminology of the Dutch Mail app.
-windows-mail-advanced = Instellingen > Accounts beheren > Instellingen voor postvaksynchronisatie wijzigen > Geavanceerde postvakinstellingen
-windows-mail-outgoing-server = Uitgaande e-mailserver (SMTP)
