## Generated from the English wording (do not edit: SMTP_DOCTOR_BLESS_LOCALES=1 cargo test --lib i18n).
## The English reference that translations in assets/locales/<lang>/ follow: keep each id, use
## exactly the variables listed above a message, and write the mail programs' menu labels as the
## terms of vendor.ftl.
## Source: profiles/*.toml (notes)

profiles-aol-notes-1 = AOL does not accept the normal account password in most mail programs. Create an app password in AOL's account security settings and type it instead, or use a program that signs in with AOL directly.
profiles-cpanel-notes-1 = The username is the whole e-mail address.
profiles-cpanel-notes-2 = The server is usually mail. followed by your domain. If the security warning names another server, use the server name your hosting company gives (the one its certificate is for).
profiles-cpanel-notes-3 = Many hosts also accept mail on port 2525 or 26 when an internet provider blocks the usual ports.
profiles-cpanel-notes-4 = After a few failed sign-ins, the server's firewall can block your internet connection's address, and then every mail port stops answering. Only the hosting company can lift the block.
profiles-fastmail-notes-1 = Fastmail asks other mail programs for an app password, made in Fastmail's settings (Privacy & Security), unless the program signs in with Fastmail directly.
profiles-gmail-notes-1 = Google does not accept the normal account password in mail programs. Use the program's 'Sign in with Google' if it has one; otherwise create an app password and type it instead of the password.
profiles-gmail-notes-2 = App passwords are made in the Google Account under Security, and exist only when 2-Step Verification is switched on.
profiles-gmail-notes-3 = Google Workspace (work or school) accounts no longer accept the plain password either.
profiles-gmx_net-notes-1 = GMX only lets mail programs in after access by POP3 and IMAP has been allowed once in the e-mail settings of the GMX account (in the web browser).
profiles-icloud-notes-1 = Mail programs other than Apple's need an app-specific password, not the Apple Account password. Create one at appleid.apple.com (Sign-In and Security, App-Specific Passwords).
profiles-icloud-notes-2 = For sending, the username is the whole e-mail address.
profiles-microsoft365-notes-1 = Microsoft 365 takes mail from mail programs on smtp.office365.com, port 587, with STARTTLS. Port 465 is not meant for this.
profiles-microsoft365-notes-2 = Microsoft has ended sign-in with a password for sending from mail programs (refusals from 1 March 2026, for everyone by 30 April 2026). The program must sign in the modern way (OAuth): in Outlook, add the account as a Microsoft 365 account rather than IMAP or POP.
profiles-microsoft365-notes-3 = Where a password is still accepted, sending with it (SMTP AUTH) must be allowed by the organisation's administrator, for the organisation and for the mailbox.
profiles-outlook_com-notes-1 = Since 16 September 2024, Outlook.com (also Hotmail, Live and MSN addresses) only lets mail programs in with the modern sign-in (OAuth). Neither the account password nor an app password works for sending any more.
profiles-outlook_com-notes-2 = In Outlook, add the account as an Outlook.com account (not IMAP or POP); in other programs, choose the option to sign in with Microsoft.
profiles-plesk-notes-1 = The username is the whole e-mail address.
profiles-plesk-notes-2 = The server is usually mail. followed by your domain, or the host name your hosting company gives (the one its certificate is for).
profiles-plesk-notes-3 = After several failed sign-ins, the server's Fail2Ban protection can block your internet connection's address for a while. The hosting company can lift the block.
profiles-proton_bridge-notes-1 = Proton Mail works in mail programs only through Proton Mail Bridge, an app on this computer (paid Proton plans). Bridge must be running whenever mail is sent.
profiles-proton_bridge-notes-2 = The outgoing server is this computer itself (127.0.0.1), by default on port 1025 with STARTTLS; Bridge shows the exact port and encryption in its settings.
profiles-proton_bridge-notes-3 = Use the username and password that Bridge shows, not the Proton account password.
profiles-t_online-notes-1 = Mail programs need a separate e-mail password ('E-Mail-Passwort'), set up in Telekom's customer settings. The password for the T-Online website and web mail does not work in mail programs.
profiles-webde-notes-1 = The username is only the part of the address before the @ (for anna.muster@web.de: anna.muster).
profiles-webde-notes-2 = WEB.DE only lets mail programs in after access by POP3 and IMAP has been allowed once in the e-mail settings of the WEB.DE account (in the web browser).
profiles-yahoo-notes-1 = Yahoo does not accept the normal account password in most mail programs. Create an app password in Yahoo's account security settings and type it instead of the password, or use a program that signs in with Yahoo directly.
profiles-zimbra-notes-1 = Zimbra servers are run by your organisation or hosting company; the outgoing server name is whatever they chose, often mail. followed by your domain. Their set-up page or support has the exact name.
profiles-zoho-notes-1 = When two-factor authentication is on for the Zoho account, mail programs need an app-specific password made in Zoho's account security settings.
profiles-zoho-notes-2 = Mail can only be sent from the Zoho address itself or from an alias added and verified in Zoho Mail.
profiles-zoho_eu-notes-1 = When two-factor authentication is on for the Zoho account, mail programs need an app-specific password made in Zoho's account security settings.
profiles-zoho_eu-notes-2 = Mail can only be sent from the Zoho address itself or from an alias added and verified in Zoho Mail.
