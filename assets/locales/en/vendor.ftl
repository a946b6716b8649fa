## The mail programs' own labels and menu paths, as each program shows them in this language.
## Translations use these terms (`{ -outlook-account-settings }`) wherever a fix step names a
## menu, a tab, a field or a tick box, so that a step never mixes labels of two languages.
## Each term's comment names where the label was taken from (the vendor's help page in that
## language). The English wording in assets/*.toml writes the same labels inline.

## Outlook (classic) for Windows, the Internet E-mail Settings dialog of a POP/IMAP account.
## Source: https://support.microsoft.com/en-us/office/change-or-update-email-account-settings-in-outlook-for-windows-560a9065-3c3a-4ec5-a24f-cdb9a8d622a2

# Menu path to the account list.
-outlook-account-settings = File > Account Settings > Account Settings
# The button that opens an account's settings.
-outlook-change = Change
# The button that opens the Internet E-mail Settings dialog.
-outlook-more-settings = More Settings
# Tabs of that dialog.
-outlook-tab-advanced = Advanced
-outlook-tab-outgoing-server = Outgoing Server
# Menu path to add an account.
-outlook-add-account = File > Add Account
# The port field on the Advanced tab.
-outlook-port-field = Outgoing server (SMTP)
# The server name field on the account's main page.
-outlook-server-field = Outgoing mail server (SMTP)
# The encryption list on the Advanced tab, and its choices.
-outlook-encryption-field = Use the following type of encrypted connection
-outlook-encryption-none = None
-outlook-encryption-auto = Auto
# Tick boxes and choices on the Outgoing Server tab.
-outlook-smtp-auth = My outgoing server (SMTP) requires authentication
-outlook-same-as-incoming = Use same settings as my incoming mail server
-outlook-log-on-using = Log on using
-outlook-spa = Require logon using Secure Password Authentication (SPA)
# The address field when adding an account.
-outlook-email-address = Email Address
# The dialog buttons the steps name.
-outlook-next = Next
-outlook-ok = OK
-outlook-remove = Remove
# The switch at the top right of Outlook that turns on the new Outlook.
-outlook-new-outlook = New Outlook

## Windows network settings.
## Source: https://support.microsoft.com/en-us/windows/change-tcp-ip-settings-bd0a07af-15f5-cd6a-363f-ca2b6f391ace
-windows-adapter-settings = Control Panel > Network and Sharing Center > Change adapter settings
-windows-ipv6 = Internet Protocol Version 6 (TCP/IPv6)
-windows-properties = Properties

## Thunderbird: the outgoing server list in the account settings.
## Source: https://support.mozilla.org/en-US/kb/manual-account-configuration
-thunderbird-outgoing-server = Account Settings > Outgoing Server (SMTP) > Edit
-thunderbird-connection-security = Connection security
-thunderbird-authentication = Authentication method

## Apple Mail on the Mac.
## Source: https://support.apple.com/guide/mail/change-server-settings-mlhlp1068/mac
-apple-mail-server-settings = Mail > Settings > Accounts > Server Settings
-apple-mail-outgoing = Outgoing Mail Account

## Windows Mail (Mail and Calendar for Windows 10 and 11).
## Source: https://support.microsoft.com/en-us/office/add-an-email-account-to-mail-and-calendar-for-windows-10-7f6f8a0e-ea8c-4b10-ab3d-7b3b1a27b0fd
-windows-mail-advanced = Settings > Manage Accounts > Change mailbox sync settings > Advanced mailbox settings
-windows-mail-outgoing-server = Outgoing (SMTP) email server
