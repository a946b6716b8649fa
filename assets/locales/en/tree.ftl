## Generated from the English wording (do not edit: SMTP_DOCTOR_BLESS_LOCALES=1 cargo test --lib i18n).
## The English reference that translations in assets/locales/<lang>/ follow: keep each id, use
## exactly the variables listed above a message, and write the mail programs' menu labels as the
## terms of vendor.ftl.
## Source: assets/tree.toml

tree-node-auth-title = Does the server accept your user name and password?
tree-node-auth_also-title = Does the server accept your user name and password?
tree-node-auth_fault-title = Did the server keep to the mail protocol while you signed in?
tree-node-auth_reply-title = Why was the sign-in refused?
# $provider $provider-explain
tree-node-c_app_password-explanation = { $provider } refused the sign-in and said why: { $provider-explain } Typing your normal password again will not help, and repeated failures can get this network blocked for a while.
# $provider-who_acts $provider
tree-node-c_app_password-fix-1 = This is for { $provider-who_acts } to do: sign in to your { $provider } account in a web browser and open its security settings.
tree-node-c_app_password-fix-2 = Switch on two-step verification if it is off, then create an app password (a password just for mail programs) and copy it.
# $email
tree-node-c_app_password-fix-3 = In Outlook, open File > Account Settings > Account Settings, select { $email }, choose Change and type the app password instead of your password.
tree-node-c_app_password-fix-4 = Send yourself a test message.
# $provider
tree-node-c_app_password-title = { $provider } wants an app password, not your account password
# $reply
tree-node-c_auth_busy-explanation = The server answered that signing in failed for a temporary reason: { $reply }
tree-node-c_auth_busy-fix-1 = Wait a few minutes and send again.
# $reply
tree-node-c_auth_busy-fix-2 = If it keeps happening, tell your email host and quote: { $reply }
tree-node-c_auth_busy-title = The mail server could not check your password just now
tree-node-c_auth_mechanism-explanation = The server offers sign-in methods that do not include the one in use.
# $email
tree-node-c_auth_mechanism-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
tree-node-c_auth_mechanism-fix-2 = Untick 'Require logon using Secure Password Authentication (SPA)'.
tree-node-c_auth_mechanism-fix-3 = Choose Next and try again.
tree-node-c_auth_mechanism-title = The sign-in method is not one the server supports
# $reply
tree-node-c_auth_missing-explanation = The server refused to pass on a message without a sign-in: { $reply }
# $email
tree-node-c_auth_missing-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings.
tree-node-c_auth_missing-fix-2 = On the Outgoing Server tab, tick 'My outgoing server (SMTP) requires authentication'.
# $recommended-user
tree-node-c_auth_missing-fix-3 = Choose 'Use same settings as my incoming mail server' (the user name is { $recommended-user }).
tree-node-c_auth_missing-fix-4 = Choose OK, then Next.
tree-node-c_auth_missing-title = The server wants you to sign in before it sends mail
# $domain
tree-node-c_auth_records_missing-explanation = The domain { $domain } lacks an SPF or DMARC record. Your mail leaves fine, but receivers may treat it as spam.
# $domain
tree-node-c_auth_records_missing-fix-1 = Ask whoever manages the domain { $domain } to publish SPF and DMARC records for the mail server.
tree-node-c_auth_records_missing-title = Sending works, but your domain does not vouch for its mail
# $reply
tree-node-c_auth_rejected-explanation = The server refused the sign-in: { $reply }. Careful: several failed tries in a row can make the server block this network.
tree-node-c_auth_rejected-fix-1 = Sign in to your webmail with the same password to check it.
# $email
tree-node-c_auth_rejected-fix-2 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change; retype the password.
# $recommended-user
tree-node-c_auth_rejected-fix-3 = On More Settings > Outgoing Server, make sure the user name is { $recommended-user } (usually your whole e-mail address).
tree-node-c_auth_rejected-fix-4 = If your provider uses two-step sign-in, create an app password and use that instead.
tree-node-c_auth_rejected-title = The server does not accept your user name or password
# $domain
tree-node-c_autoconfig_missing-explanation = Neither Outlook (Autodiscover) nor Thunderbird (autoconfig) finds settings for { $domain }, so they guess the outgoing server and may guess wrong. The settings that work were verified here.
# $email
tree-node-c_autoconfig_missing-fix-1 = When you add { $email }, choose the manual or advanced setup rather than letting the program guess.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autoconfig_missing-fix-2 = Type: outgoing server { $recommended-server }, port { $recommended-port }, encryption { $recommended-security }, user name { $recommended-user }, and tick 'My outgoing server (SMTP) requires authentication'.
# $domain
tree-node-c_autoconfig_missing-fix-3 = Optionally ask your email host to publish Autodiscover and autoconfig settings for { $domain }, so new accounts set themselves up.
tree-node-c_autoconfig_missing-title = Your domain publishes no settings for new accounts: the mail program will guess
# $email $autoconfig-clients $autoconfig-url $autoconfig-published $autoconfig-wrong $recommended-server $recommended-port $recommended-security
tree-node-c_autoconfig_wrong-explanation = When you add { $email } to { $autoconfig-clients }, the program fills in the outgoing server by itself from a settings file your email host publishes at { $autoconfig-url }. That file says: { $autoconfig-published }. What is wrong in it: { $autoconfig-wrong }. Every new account set up from it is set up wrongly, so sending fails. The settings that work were verified here: server { $recommended-server }, port { $recommended-port }, { $recommended-security }.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autoconfig_wrong-fix-1 = For now, type the settings yourself: outgoing server { $recommended-server }, port { $recommended-port }, encryption { $recommended-security }, user name { $recommended-user }, and tick 'My outgoing server (SMTP) requires authentication'.
# $autoconfig-url $autoconfig-wrong
tree-node-c_autoconfig_wrong-fix-2 = Tell your email host: 'The file at { $autoconfig-url } gives wrong outgoing-server settings ({ $autoconfig-wrong }). Please correct it.' Send them this report.
# $recommended-server $recommended-port $autoconfig-socket $autoconfig-user_form
tree-node-c_autoconfig_wrong-fix-3 = The corrected values for the host: server { $recommended-server }, port { $recommended-port }, encryption { $autoconfig-socket } (Thunderbird's socketType; in Autodiscover: SSL on only for port 465, otherwise Encryption TLS), user name { $autoconfig-user_form }.
tree-node-c_autoconfig_wrong-fix-4 = Once the host has fixed the file, remove the account and add it again, or run this check again with --new-account.
tree-node-c_autoconfig_wrong-title = The settings your domain hands to new accounts do not work
# $autodiscover-url $autodiscover-cert_names $autodiscover-host
tree-node-c_autodiscover_cert_mismatch-explanation = To find your settings, Outlook asks { $autodiscover-url }. The security certificate there is for other names ({ $autodiscover-cert_names }), not for { $autodiscover-host }, so Outlook warns: 'The name on the security certificate is invalid or does not match the name of the site'. Usually the host's web server answers for many customers with its own certificate. This does not stop sending, but do not click through such a warning blindly: anyone between you and the server could show it too.
# $autodiscover-cert_names
tree-node-c_autodiscover_cert_mismatch-fix-1 = If Outlook shows the warning, choose View Certificate first. Choose Yes only if the names it lists are your email host's own ({ $autodiscover-cert_names }, as shown here); otherwise choose No and type the settings yourself.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autodiscover_cert_mismatch-fix-2 = To type them yourself: outgoing server { $recommended-server }, port { $recommended-port }, encryption { $recommended-security }, user name { $recommended-user }.
# $autodiscover-host $autodiscover-cert_names
tree-node-c_autodiscover_cert_mismatch-fix-3 = Tell your email host: 'The certificate on { $autodiscover-host } does not cover that name (it is for { $autodiscover-cert_names }), so Outlook shows a warning when accounts are set up. Please add { $autodiscover-host } to the certificate, or stop answering on that name.' Send them this report.
tree-node-c_autodiscover_cert_mismatch-title = Outlook will show a certificate warning while setting up your account
# $autodiscover-url $autodiscover-host
tree-node-c_autodiscover_cert_untrusted-explanation = To find your settings, Outlook asks { $autodiscover-url }. The security certificate of { $autodiscover-host } is not valid: it has expired, or it was made by the server itself, or it comes from an issuer Outlook does not trust. Outlook then shows a 'Security Alert': 'There is a problem with the site's security certificate', and asks 'Do you want to proceed?'. It is not safe to choose Yes: anyone between you and the server could show the same warning and receive your password.
tree-node-c_autodiscover_cert_untrusted-fix-1 = If Outlook shows this warning, choose No. Then choose the manual setup and type the settings yourself.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autodiscover_cert_untrusted-fix-2 = Type: outgoing server { $recommended-server }, port { $recommended-port }, encryption { $recommended-security }, user name { $recommended-user }, and tick 'My outgoing server (SMTP) requires authentication'.
# $autodiscover-host
tree-node-c_autodiscover_cert_untrusted-fix-3 = Tell your email host: 'The certificate on { $autodiscover-host } is not valid (expired, self-signed or from an untrusted issuer), so Outlook shows a security warning when accounts are set up. Please install a valid certificate from a public certificate authority for { $autodiscover-host }, or stop answering on that name.' Send them this report.
tree-node-c_autodiscover_cert_untrusted-title = Outlook will show a security warning while setting up your account: do not accept it
# $server $cert-issuer_name
tree-node-c_cert_chain_incomplete-explanation = The certificate of { $server } was issued by { $cert-issuer_name }, but the server sends it without the certificate of { $cert-issuer_name } (an intermediate certificate) that links it to an authority your computer trusts. Some mail programs fetch the missing certificate by themselves and work; others (Outlook on some computers, many phones) cannot check the certificate and refuse to connect.
tree-node-c_cert_chain_incomplete-fix-1 = Do not accept the certificate warning: the certificate itself is probably fine, the server only sends it incomplete.
# $server $cert-issuer_name
tree-node-c_cert_chain_incomplete-fix-2 = Tell your email host that { $server } sends its certificate without the intermediate certificate '{ $cert-issuer_name }'.
tree-node-c_cert_chain_incomplete-fix-3 = The host must install the certificate together with that intermediate: the 'full chain' file from the certificate authority. In Postfix: list the key and the full-chain file in smtpd_tls_chain_files (or point smtpd_tls_cert_file at the full-chain file), then run 'postfix reload'.
tree-node-c_cert_chain_incomplete-fix-4 = Run this check again once the host has done so.
tree-node-c_cert_chain_incomplete-title = The server does not send its intermediate certificate
# $cert-not_after
tree-node-c_cert_expired-explanation = The certificate that proves the server is genuine is out of date (valid until { $cert-not_after }), so your mail program refuses to trust it.
# $server
tree-node-c_cert_expired-fix-1 = Do not accept the certificate warning: tell your email host that the certificate of { $server } has expired and must be renewed.
tree-node-c_cert_expired-fix-2 = Check that this computer's date and time are correct; a wrong clock can make a good certificate look expired.
tree-node-c_cert_expired-title = The server's security certificate has expired
# $server $cert-names $cert-names_tried
tree-node-c_cert_name_host_fix-explanation = You connect to { $server }, but the server's certificate is made out to { $cert-names }. smtp-doctor tried the certificate's own names: { $cert-names_tried }. So no server name gives a verified connection: your email host must fix the certificate.
tree-node-c_cert_name_host_fix-fix-1 = Do not accept the certificate warning.
# $server
tree-node-c_cert_name_host_fix-fix-2 = Ask your email host to install, on { $server }, a certificate from a public certificate authority that covers the name { $server }, or to tell you the server name their certificate is made out to.
tree-node-c_cert_name_host_fix-title = The server's certificate is for another name, and no name on it works
# $server $cert-names
tree-node-c_cert_name_mismatch-explanation = You connect to { $server }, but the server's certificate is made out to { $cert-names }. Hosting companies often have one certificate for their own server name.
# $cert-names
tree-node-c_cert_name_mismatch-fix-1 = If your email host says so, use the name on the certificate as the outgoing server: { $cert-names }.
# $server
tree-node-c_cert_name_mismatch-fix-2 = Otherwise ask your email host to install a certificate that covers { $server }.
tree-node-c_cert_name_mismatch-title = The server's certificate is for another name
# $server
tree-node-c_cert_self_signed-explanation = The certificate of { $server } is self-signed: the server made it for itself and no certificate authority vouches for it, so your mail program cannot tell the real server from an impostor.
tree-node-c_cert_self_signed-fix-1 = Do not accept the certificate warning.
# $server
tree-node-c_cert_self_signed-fix-2 = Ask your email host to install a certificate from a public certificate authority on { $server } (free ones exist, for example from Let's Encrypt).
tree-node-c_cert_self_signed-title = The server's certificate was made by the server itself
# $cert-issuer
tree-node-c_cert_untrusted-explanation = The certificate was issued by { $cert-issuer }, an authority this computer does not trust: a private or company certificate authority, or one this computer does not know.
tree-node-c_cert_untrusted-fix-1 = Do not accept the certificate warning.
# $server
tree-node-c_cert_untrusted-fix-2 = Ask your email host to install a certificate from a public certificate authority on { $server }.
# $cert-issuer_name
tree-node-c_cert_untrusted-fix-3 = If { $cert-issuer_name } is your organisation's own authority, ask your IT department to install its certificate on this computer instead.
tree-node-c_cert_untrusted-title = The server's certificate is not from a trusted authority
# $server $cert-names $cert-working_name
tree-node-c_cert_use_its_name-explanation = You connect to { $server }, but the server's certificate is made out to { $cert-names }: hosting companies often have one certificate for their own server name. { $cert-working_name } leads to the same server, and with that name the encrypted connection was verified.
# $email
tree-node-c_cert_use_its_name-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $cert-working_name $server
tree-node-c_cert_use_its_name-fix-2 = Type { $cert-working_name } as 'Outgoing mail server (SMTP)' (instead of { $server }).
# $recommended-port $recommended-security
tree-node-c_cert_use_its_name-fix-3 = Choose More Settings > Advanced: set 'Outgoing server (SMTP)' to { $recommended-port } and 'Use the following type of encrypted connection' to { $recommended-security }.
tree-node-c_cert_use_its_name-fix-4 = Choose OK, then Next. Do not accept a certificate warning: with this name there should be none.
# $cert-working_name
tree-node-c_cert_use_its_name-title = Type { $cert-working_name } as the outgoing server
# $reply
tree-node-c_client_listed-explanation = The server refused the test message because of a blocklist: { $reply }
# $recommended-port $recommended-security
tree-node-c_client_listed-fix-1 = Send through your provider's submission port with sign-in ({ $recommended-port }, { $recommended-security }), which is not meant to be filtered by blocklists.
# $public_ip
tree-node-c_client_listed-fix-2 = Ask your email host or internet provider to look at the listing of { $public_ip }.
tree-node-c_client_listed-title = This network's address is on a spam blocklist
# $blocklist-client-ip $blocklist-client-list $blocklist-client-meaning $reply
tree-node-c_client_listed_dynamic-explanation = Your network's address { $blocklist-client-ip } is on { $blocklist-client-list }'s list of home connections ({ $blocklist-client-meaning }), which mail servers refuse to accept direct mail from. That is normal and not a spam listing: do not request delisting. Send through your provider's submission server with sign-in instead. The server's answer: { $reply }
# $email
tree-node-c_client_listed_dynamic-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $recommended-server
tree-node-c_client_listed_dynamic-fix-2 = Set 'Outgoing mail server (SMTP)' to { $recommended-server }.
tree-node-c_client_listed_dynamic-fix-3 = Choose More Settings > Advanced: set 'Outgoing server (SMTP)' to 587 and 'Use the following type of encrypted connection' to STARTTLS.
tree-node-c_client_listed_dynamic-fix-4 = On the Outgoing Server tab, tick 'My outgoing server (SMTP) requires authentication' and 'Use same settings as my incoming mail server'.
tree-node-c_client_listed_dynamic-fix-5 = Choose OK, then Next. If the server still refuses you after signing in on port 587, ask your email host to exempt signed-in senders from blocklist checks (they are meant for port 25).
# $blocklist-client-list
tree-node-c_client_listed_dynamic-title = This network's address is on { $blocklist-client-list }'s list of home connections
# $reply
tree-node-c_client_listed_greeting-explanation = The server turned this network away before any sign-in: { $reply }. Servers do this when a network's address is on a spam blocklist or on their own block list.
tree-node-c_client_listed_greeting-fix-1 = Try sending from another network (for example a phone hotspot).
# $public_ip
tree-node-c_client_listed_greeting-fix-2 = Ask your email host why { $public_ip } is refused, quoting the server's answer.
tree-node-c_client_listed_greeting-title = The mail server refuses this network
# $blocklist-client-ip $blocklist-client-list $blocklist-client-meaning $blocklist-client-code $reply
tree-node-c_client_listed_lookup-explanation = The server refused this network because of a blocklist, and a lookup confirms it: this network's address { $blocklist-client-ip } is on { $blocklist-client-list } ({ $blocklist-client-meaning }; answer { $blocklist-client-code }). The server's answer: { $reply }
# $recommended-port $recommended-security
tree-node-c_client_listed_lookup-fix-1 = Send through your provider's submission port with sign-in ({ $recommended-port }, { $recommended-security }), which is not meant to be filtered by blocklists.
# $blocklist-client-delist $blocklist-client-ip
tree-node-c_client_listed_lookup-fix-2 = Open { $blocklist-client-delist }, look up { $blocklist-client-ip } and follow the list's steps to request delisting. If the address belongs to your internet provider, ask them to do it.
tree-node-c_client_listed_lookup-fix-3 = Lists update within a day of a removal: then send again.
# $blocklist-client-list
tree-node-c_client_listed_lookup-title = This network's address is on the blocklist { $blocklist-client-list }
# $provider $dkim-missing
tree-node-c_dkim_key_missing-explanation = { $provider } signs your messages with a key (DKIM) that receivers look up in your domain's DNS, but it is not there: { $dkim-missing }. Without it, receivers cannot confirm your messages come from you and may put them in spam.
# $provider
tree-node-c_dkim_key_missing-fix-1 = Open { $provider }'s admin settings for your domain and find the DKIM (signing key) section; it shows the record to publish.
# $domain $dkim-missing $provider
tree-node-c_dkim_key_missing-fix-2 = Whoever runs the DNS of { $domain } should publish that record under the name shown ({ $dkim-missing }), then switch signing on in { $provider }'s settings.
tree-node-c_dkim_key_missing-fix-3 = Then run this check again.
tree-node-c_dkim_key_missing-title = Your domain does not publish the signing key your mail provider uses
# $dns-refusing
tree-node-c_dns_refused-explanation = The DNS server this computer uses ({ $dns-refusing }) answers, but its name service (DNS, which turns names into addresses) refuses every question: it is stopped or switched off. The network itself works, but no server can be found by name.
tree-node-c_dns_refused-fix-1 = Restart your router (unplug it for 30 seconds): its DNS service usually starts again with it.
# $dns-refusing
tree-node-c_dns_refused-fix-2 = If this computer's network settings name a DNS server by hand ({ $dns-refusing }), set them back to 'Obtain DNS server address automatically', or enter another DNS server.
# $dns-refusing
tree-node-c_dns_refused-fix-3 = If it keeps failing, tell whoever runs this network that the DNS service on { $dns-refusing } is stopped.
tree-node-c_dns_refused-title = The DNS service of this network is not running
tree-node-c_dns_unavailable-explanation = The service that turns names into addresses (DNS) did not answer, so no server can be found by name.
tree-node-c_dns_unavailable-fix-1 = Check that this computer is connected to the internet: open a well-known website.
tree-node-c_dns_unavailable-fix-2 = Restart your router, or connect to another network (for example a phone hotspot), and try again.
tree-node-c_dns_unavailable-fix-3 = If it keeps failing, tell whoever runs this network that name lookups (DNS) do not work.
tree-node-c_dns_unavailable-title = This computer cannot look up server names
tree-node-c_encryption_off-explanation = The server lets you sign in only over an encrypted connection, and your mail program is set to send unencrypted.
# $email
tree-node-c_encryption_off-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings > Advanced.
# $recommended-security $recommended-port
tree-node-c_encryption_off-fix-2 = Set 'Use the following type of encrypted connection' to { $recommended-security } and 'Outgoing server (SMTP)' to { $recommended-port }.
tree-node-c_encryption_off-fix-3 = Choose OK, then Next.
tree-node-c_encryption_off-title = Encryption is switched off, but the server requires it
# $server
tree-node-c_host_down-explanation = A router on the way to { $server } reported that the machine cannot be reached, while other mail servers answer normally. The server is switched off, broken or has moved.
tree-node-c_host_down-fix-1 = Wait a while and try again: the host may be restarting it.
# $server
tree-node-c_host_down-fix-2 = Tell your email host that { $server } cannot be reached ('host unreachable') and send them this report.
tree-node-c_host_down-title = The mail server is down or gone
tree-node-c_host_silent_possible-explanation = A server that is switched off, or a firewall that drops everyone, is silent in the same way.
# $server
tree-node-c_host_silent_possible-fix-1 = If sending fails from other networks too, tell your email host that { $server } does not answer.
tree-node-c_host_silent_possible-title = Or the mail server is down
# $server
tree-node-c_host_unreachable-explanation = No answer came from { $server } on any mail port. The server may be down, or a firewall on the way drops the connection.
tree-node-c_host_unreachable-fix-1 = Wait a few minutes and try again.
tree-node-c_host_unreachable-fix-2 = Try from another network (for example a phone hotspot). If it works there, the server may be blocking this network: see below.
# $server
tree-node-c_host_unreachable-fix-3 = If it fails everywhere, tell your email host that { $server } does not answer.
tree-node-c_host_unreachable-title = The mail server does not answer at all
# $server
tree-node-c_ip_blocked_hotspot-explanation = Sending works from another network, other mail servers answer from here, but { $server } stays silent to this network on every mail port. Its firewall (CSF, fail2ban) blocks this network's address, usually after several failed sign-ins.
tree-node-c_ip_blocked_hotspot-fix-1 = Stop sending from this network for now: every retry with a wrong password can extend the block.
# $public_ip
tree-node-c_ip_blocked_hotspot-fix-2 = Ask your email host to remove this network's address { $public_ip } from their firewall's block list.
tree-node-c_ip_blocked_hotspot-fix-3 = Once unblocked, check the password in your mail program before sending again.
tree-node-c_ip_blocked_hotspot-title = The mail server blocks this network
tree-node-c_ip_blocked_likely-explanation = Webmail works here, but the mail server does not answer this network on any mail port. Servers block an address like this after several failed sign-ins (firewalls such as CSF or fail2ban).
tree-node-c_ip_blocked_likely-fix-1 = Stop sending for now: every retry with a wrong password can extend the block.
# $public_ip
tree-node-c_ip_blocked_likely-fix-2 = Ask your email host to remove this network's address { $public_ip } from their firewall's block list.
tree-node-c_ip_blocked_likely-fix-3 = Meanwhile you can send from another network (for example a phone hotspot).
tree-node-c_ip_blocked_likely-fix-4 = Once unblocked, check the password in your mail program before sending again.
tree-node-c_ip_blocked_likely-title = The mail server seems to block this network
tree-node-c_ip_blocked_possible-explanation = Servers block an address after several failed sign-ins. From here, a block looks the same as a server that is down.
# $public_ip
tree-node-c_ip_blocked_possible-fix-1 = Ask your email host whether this network's address { $public_ip } is on their firewall's block list, and to remove it.
tree-node-c_ip_blocked_possible-title = The mail server may be blocking this network
# $server
tree-node-c_ip_blocked_silent-explanation = Other mail servers answer from here, but { $server } stays silent on every mail port. Most often its firewall (CSF, fail2ban) blocks this network's address after several failed sign-ins; a server that is down looks the same from here.
tree-node-c_ip_blocked_silent-fix-1 = Stop sending for now: every retry with a wrong password can extend the block.
# $public_ip
tree-node-c_ip_blocked_silent-fix-2 = Ask your email host to remove this network's address { $public_ip } from their firewall's block list.
tree-node-c_ip_blocked_silent-fix-3 = To be sure, try once from another network (for example your phone's hotspot): if it works there, it is a block.
tree-node-c_ip_blocked_silent-title = The mail server seems to block this network
# $server
tree-node-c_ip_rejected-explanation = The server { $server } answered every connection from here with a firewall's refusal ('administratively prohibited'), while other mail servers answer normally. Servers do this to an address after several failed sign-ins (CSF, fail2ban).
tree-node-c_ip_rejected-fix-1 = Stop sending for now: every retry with a wrong password can extend the block.
# $public_ip
tree-node-c_ip_rejected-fix-2 = Ask your email host to remove this network's address { $public_ip } from their firewall's block list.
tree-node-c_ip_rejected-fix-3 = Meanwhile you can send from another network (for example a phone hotspot).
tree-node-c_ip_rejected-fix-4 = Once unblocked, check the password in your mail program before sending again.
tree-node-c_ip_rejected-title = The mail server's firewall turns this network away
# $server $ipv6-address $ipv4-address $ipv6-result
tree-node-c_ipv6_path_broken-explanation = The server { $server } has two addresses, an IPv6 address ({ $ipv6-address }) and an IPv4 address ({ $ipv4-address }). Over IPv4 this computer reached it and was allowed to send, but over IPv6 the result was: { $ipv6-result }. Mail programs try IPv6 first, so they hang, wait a long time or give up with a time-out, although your settings are right.
tree-node-c_ipv6_path_broken-fix-1 = Restart your router (unplug it for ten seconds), wait two minutes and run this check again: routers often lose their IPv6 connection when the internet provider changes its addresses.
# $ipv6-address
tree-node-c_ipv6_path_broken-fix-2 = If it still fails, tell your internet provider (or whoever runs this network) that IPv6 connections to { $ipv6-address } get no answer while IPv4 works, and send them this report.
tree-node-c_ipv6_path_broken-fix-3 = Until it is fixed, let this computer use IPv4: on Windows, open Control Panel > Network and Sharing Center > Change adapter settings, right-click your connection, choose Properties, untick 'Internet Protocol Version 6 (TCP/IPv6)', choose OK and restart Outlook.
# $recommended-server $recommended-port $recommended-security $ipv4-address
tree-node-c_ipv6_path_broken-fix-4 = Keep the outgoing server name { $recommended-server } with port { $recommended-port } and { $recommended-security }; do not type the number { $ipv4-address } instead of the name, or the server's certificate will not match.
# $server $ipv6-address
tree-node-c_ipv6_path_broken-fix-5 = If it fails from other networks too, tell your email host that { $server } does not answer over IPv6 at { $ipv6-address }: they must open their firewall for IPv6 or remove the server's IPv6 address (its AAAA record) from DNS.
tree-node-c_ipv6_path_broken-title = Mail connections over IPv6 fail from here; over IPv4 sending works
tree-node-c_needs_admin-explanation = The checks from this computer cannot tell the remaining possibilities apart. The mail server's logs and firewall will.
# $public_ip
tree-node-c_needs_admin-fix-1 = Send your email host this report and ask them to look for the address { $public_ip } in the mail logs and in the firewall's deny lists (CSF, fail2ban, iptables).
tree-node-c_needs_admin-title = Only the server's administrator can tell for sure
# $email $server
tree-node-c_new_outlook_cloud-explanation = The new Outlook for Windows hands mail for accounts like { $email } to Microsoft's servers, which connect to { $server } themselves. This computer cannot reach { $server } either, but that is not the path your mail takes, so the answer lies between Microsoft and your mail server.
# $server
tree-node-c_new_outlook_cloud-fix-1 = Ask the company that runs { $server } whether their firewall blocks connections from Microsoft's servers, and send them this report.
tree-node-c_new_outlook_cloud-fix-2 = Until it is solved, try the classic Outlook, which sends from this computer, once this computer can reach the server.
tree-node-c_new_outlook_cloud-title = The new Outlook sends through Microsoft, not from this computer
# $port
tree-node-c_no_greeting-explanation = A connection to port { $port } opens, but neither a normal greeting nor an encrypted one comes back. Something on the server, or a security program in between, holds it up.
tree-node-c_no_greeting-fix-1 = If an antivirus program on this computer scans e-mail, switch its mail scanning off for a moment and try again.
# $recommended-port $recommended-security
tree-node-c_no_greeting-fix-2 = Try port { $recommended-port } with { $recommended-security }.
tree-node-c_no_greeting-fix-3 = Otherwise send this report to your email host.
tree-node-c_no_greeting-title = The server accepts the connection but says nothing
# $domain
tree-node-c_no_server-explanation = No outgoing server was given, and none of the usual names (such as smtp.{ $domain } or mail.{ $domain }) exists.
tree-node-c_no_server-fix-1 = Look up the outgoing server name in your email provider's help pages or welcome e-mail.
tree-node-c_no_server-fix-2 = Run smtp-doctor again with that name.
# $domain
tree-node-c_no_server-title = We could not find the server that sends mail for { $domain }
# $server
tree-node-c_no_tls-explanation = Your mail program is set to encrypt, but { $server } offers no encrypted connection on any mail port.
# $server
tree-node-c_no_tls-fix-1 = Ask your email host to switch on encryption (a certificate for STARTTLS or SSL/TLS) on { $server }.
tree-node-c_no_tls-fix-2 = Do not switch encryption off in your mail program: your password would travel unprotected.
tree-node-c_no_tls-title = The server offers no encryption at all
tree-node-c_not_tried-explanation = The server ended the session before the test could check sign-in and sending.
tree-node-c_not_tried-fix-1 = Try again in a few minutes.
tree-node-c_not_tried-fix-2 = If it keeps happening, send this report to your email host.
tree-node-c_not_tried-title = The test could not get as far as sending
# $provider $provider-explain
tree-node-c_oauth_required-explanation = { $provider } refused the sign-in and said why: { $provider-explain } No password will work here, so stop retyping it.
# $email
tree-node-c_oauth_required-fix-1 = In Outlook, remove this account: File > Account Settings > Account Settings, select { $email } and choose Remove.
# $email $provider
tree-node-c_oauth_required-fix-2 = Add it again with File > Add Account, type { $email } and let Outlook open { $provider }'s own sign-in page (do not choose IMAP or POP).
# $provider-who_acts
tree-node-c_oauth_required-fix-3 = If your mail program cannot sign in that way, use webmail, or ask { $provider-who_acts } which programs are supported.
# $provider
tree-node-c_oauth_required-title = { $provider } no longer accepts a password from mail programs
tree-node-c_offline-explanation = Nothing outside this computer answers: no mail server, no name lookup, no other server. Your mail settings cannot be checked until the connection is back.
tree-node-c_offline-fix-1 = Check that Wi-Fi is on and connected, or that the network cable is plugged in; switch flight mode off.
tree-node-c_offline-fix-2 = Open a well-known website to see whether the internet works at all.
tree-node-c_offline-fix-3 = Restart your router (unplug it for ten seconds), wait two minutes and run this check again.
tree-node-c_offline-title = This computer is not connected to the internet
tree-node-c_ok-explanation = This computer reached the server that sends your mail, set up an encrypted connection and was allowed to send. If your mail program still fails, its settings differ from the ones below.
# $email
tree-node-c_ok-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $recommended-server
tree-node-c_ok-fix-2 = Check that 'Outgoing mail server (SMTP)' is { $recommended-server }.
# $recommended-port $recommended-security
tree-node-c_ok-fix-3 = Choose More Settings > Advanced: set 'Outgoing server (SMTP)' to { $recommended-port } and 'Use the following type of encrypted connection' to { $recommended-security }.
# $recommended-user
tree-node-c_ok-fix-4 = On the Outgoing Server tab, tick 'My outgoing server (SMTP) requires authentication' and 'Use same settings as my incoming mail server'; the user name is { $recommended-user }.
tree-node-c_ok-fix-5 = Choose OK, then Next, and send yourself a test message.
tree-node-c_ok-title = Sending works with these settings
# $reply
tree-node-c_overloaded-explanation = The server answered that it cannot take mail at the moment: { $reply }
tree-node-c_overloaded-fix-1 = Wait ten minutes and send again; Outlook retries mail in the Outbox by itself.
# $reply
tree-node-c_overloaded-fix-2 = If it lasts longer than an hour, tell your email host and quote the server's answer: { $reply }
tree-node-c_overloaded-title = The mail server is too busy to take mail right now
# $provider-explain
tree-node-c_pasted_app_password-explanation = The message you pasted holds the server's reply, which means: { $provider-explain }
tree-node-c_pasted_app_password-fix-1 = Sign in to your e-mail account in a web browser and open its security settings.
tree-node-c_pasted_app_password-fix-2 = Switch on two-step verification if it is off, then create an app password (a password just for mail programs) and copy it.
# $email
tree-node-c_pasted_app_password-fix-3 = In Outlook, open File > Account Settings > Account Settings, select { $email }, choose Change and type the app password instead of your password.
tree-node-c_pasted_app_password-title = Your error message says an app password is needed
# $provider-explain
tree-node-c_pasted_oauth-explanation = The message you pasted holds the server's reply, which means: { $provider-explain }
# $email
tree-node-c_pasted_oauth-fix-1 = In Outlook, remove this account: File > Account Settings > Account Settings, select { $email } and choose Remove.
# $email
tree-node-c_pasted_oauth-fix-2 = Add it again with File > Add Account, type { $email } and sign in on your provider's own page (do not choose IMAP or POP).
tree-node-c_pasted_oauth-title = Your error message says a password is no longer accepted
# $provider-explain
tree-node-c_pasted_smtp_auth_disabled-explanation = The message you pasted holds the server's reply, which means: { $provider-explain }
tree-node-c_pasted_smtp_auth_disabled-fix-1 = Only your organisation's e-mail administrator (or your host) can change this: send them this report.
# $email
tree-node-c_pasted_smtp_auth_disabled-fix-2 = Ask them to allow 'Authenticated SMTP' (SMTP AUTH) for the mailbox { $email }.
tree-node-c_pasted_smtp_auth_disabled-title = Your error message says sending with a password is switched off
# $reply $provider $provider-explain
tree-node-c_policy_app_password-explanation = The server refused the sign-in ({ $reply }). { $provider } does not accept the normal account password in mail programs: { $provider-explain } Stop retrying the old password: repeated failures can get this network blocked.
# $provider-who_acts $provider
tree-node-c_policy_app_password-fix-1 = This is for { $provider-who_acts } to do: sign in to your { $provider } account in a web browser and open its security settings.
tree-node-c_policy_app_password-fix-2 = Create an app password (two-step verification must be on) and copy it.
# $email
tree-node-c_policy_app_password-fix-3 = In Outlook, open File > Account Settings > Account Settings, select { $email }, choose Change and type the app password instead of your password.
# $recommended-user
tree-node-c_policy_app_password-fix-4 = If it is still refused, check that the user name is { $recommended-user }.
# $provider
tree-node-c_policy_app_password-title = { $provider } probably wants an app password, not your account password
# $reply $provider $provider-explain
tree-node-c_policy_oauth-explanation = The server refused the sign-in ({ $reply }). { $provider } takes mail from mail programs only after its own sign-in page (OAuth): { $provider-explain }
# $email
tree-node-c_policy_oauth-fix-1 = In Outlook, remove this account: File > Account Settings > Account Settings, select { $email } and choose Remove.
# $email $provider
tree-node-c_policy_oauth-fix-2 = Add it again with File > Add Account, type { $email } and let Outlook open { $provider }'s own sign-in page (do not choose IMAP or POP).
# $provider-who_acts
tree-node-c_policy_oauth-fix-3 = If that is not possible, ask { $provider-who_acts } whether sending with a password is allowed for your mailbox.
# $provider
tree-node-c_policy_oauth-title = { $provider } probably no longer accepts a password from mail programs
# $port $server $reference $recommended-port
tree-node-c_port_blocked-explanation = Port { $port } fails not only to { $server } but also to another mail server ({ $reference }), so this network (your internet provider or office firewall) blocks it. Port { $recommended-port } gets through and works.
# $email
tree-node-c_port_blocked-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings > Advanced.
# $recommended-port
tree-node-c_port_blocked-fix-2 = Set 'Outgoing server (SMTP)' to { $recommended-port }.
# $recommended-security
tree-node-c_port_blocked-fix-3 = Set 'Use the following type of encrypted connection' to { $recommended-security }.
tree-node-c_port_blocked-fix-4 = Choose OK, then Next, and send yourself a test message.
# $port $recommended-port
tree-node-c_port_blocked-title = This network blocks port { $port }; use port { $recommended-port }
# $blocked_ports $server $reference
tree-node-c_ports_blocked-explanation = The mail ports ({ $blocked_ports }) fail not only to { $server } but also to another mail server ({ $reference }), while other connections work. This network (an office or hotel firewall, or your internet provider) does not let mail connections out.
tree-node-c_ports_blocked-fix-1 = Ask whoever runs this network (office IT, hotel or internet provider) to allow outgoing connections on port 587.
tree-node-c_ports_blocked-fix-2 = Meanwhile, send from another network, for example your phone's hotspot.
tree-node-c_ports_blocked-fix-3 = Some hosts also take mail on port 2525: ask yours, and if so set 'Outgoing server (SMTP)' to 2525 in More Settings > Advanced.
tree-node-c_ports_blocked-title = This network blocks the mail ports
# $server $session-fault
tree-node-c_protocol_violation-explanation = Mail programs and servers talk in a fixed order of questions and numbered answers. { $server } broke that order, so no mail program can rely on its answers. What happened: { $session-fault }. This is a fault on the server or on a device between you and it (a firewall or filter that rewrites mail traffic), not in your settings.
# $server $session-fault
tree-node-c_protocol_violation-fix-1 = Tell your email host: 'The mail server { $server } sends answers that break the mail protocol: { $session-fault }'. Send them this report.
tree-node-c_protocol_violation-fix-2 = If your network has a firewall or security device that inspects mail, ask whoever runs it to let mail traffic through unchanged.
tree-node-c_protocol_violation-fix-3 = Run this check again once the host has fixed it.
tree-node-c_protocol_violation-title = The server's answers do not follow the mail protocol
# $reply
tree-node-c_recipient_rejected-explanation = Signing in worked, but the server refused the recipient of the test: { $reply }
tree-node-c_recipient_rejected-fix-1 = Try a different recipient address.
tree-node-c_recipient_rejected-fix-2 = If all recipients are refused, send this report to your email host.
tree-node-c_recipient_rejected-title = The server refused the test recipient
# $rdns-problem
tree-node-c_reverse_dns_mismatch-explanation = Sending to the server works, but: { $rdns-problem } Other mail servers check this, and may refuse the mail it passes on or put it in spam folders.
tree-node-c_reverse_dns_mismatch-fix-1 = Nothing to change in your mail program.
# $rdns-problem $rdns-address $rdns-greeting
tree-node-c_reverse_dns_mismatch-fix-2 = Tell your email host: { $rdns-problem } Whoever runs the address { $rdns-address } should set its reverse DNS (PTR) to { $rdns-greeting }, a name whose own address is { $rdns-address }.
tree-node-c_reverse_dns_mismatch-title = The mail server's address does not lead back to its name
# $reply
tree-node-c_sender_rejected-explanation = The sign-in works, but the server refuses the sender address: { $reply }
tree-node-c_sender_rejected-fix-1 = In Outlook, open File > Account Settings > Account Settings, select the account and choose Change.
# $email
tree-node-c_sender_rejected-fix-2 = Make sure 'Email Address' is { $email } and the user name belongs to that same address.
tree-node-c_sender_rejected-fix-3 = If you send for another address, ask your email host to allow it for your account.
# $email
tree-node-c_sender_rejected-title = The server does not let this account send as { $email }
# $blocklist-server-ip $blocklist-server-list $blocklist-server-meaning $blocklist-server-code
tree-node-c_server_listed-explanation = Sending to the server works, but its address { $blocklist-server-ip } is on { $blocklist-server-list } ({ $blocklist-server-meaning }; answer { $blocklist-server-code }). Other mail servers that check this list may refuse the mail it passes on, or put it in spam folders.
tree-node-c_server_listed-fix-1 = Nothing to change in your mail program.
# $blocklist-server-ip $blocklist-server-list $blocklist-server-delist
tree-node-c_server_listed-fix-2 = Tell your email host that their server's address { $blocklist-server-ip } is on { $blocklist-server-list }: they can see why and request delisting at { $blocklist-server-delist }.
# $blocklist-server-list
tree-node-c_server_listed-title = The mail server's own address is on the blocklist { $blocklist-server-list }
# $blocklist-server-ip $blocklist-server-list $blocklist-server-meaning $blocklist-server-code
tree-node-c_server_listed_also-explanation = Besides the setting to correct, the server's address { $blocklist-server-ip } is on { $blocklist-server-list } ({ $blocklist-server-meaning }; answer { $blocklist-server-code }). Other mail servers that check this list may refuse the mail it passes on, or put it in spam folders.
tree-node-c_server_listed_also-fix-1 = First correct the setting described above.
# $blocklist-server-ip $blocklist-server-list $blocklist-server-delist
tree-node-c_server_listed_also-fix-2 = Tell your email host that their server's address { $blocklist-server-ip } is on { $blocklist-server-list }: they can see why and request delisting at { $blocklist-server-delist }.
# $blocklist-server-list
tree-node-c_server_listed_also-title = The mail server's own address is on the blocklist { $blocklist-server-list }
tree-node-c_server_name_invalid-explanation = The field for the outgoing server must hold only a name such as smtp.example.com: no web address, no e-mail address, no spaces and no port number.
# $email
tree-node-c_server_name_invalid-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $server-suggested
tree-node-c_server_name_invalid-fix-2 = In 'Outgoing mail server (SMTP)', type only the server name: { $server-suggested }.
tree-node-c_server_name_invalid-fix-3 = Put the port number in More Settings > Advanced > 'Outgoing server (SMTP)', not in the name.
tree-node-c_server_name_invalid-title = The outgoing server field does not hold a server name
# $server-typed $server-problem $server
tree-node-c_server_name_recoverable-explanation = The field says "{ $server-typed }": { $server-problem }. Mail programs need the server's name alone there. The name in it is { $server }; smtp-doctor tested that name.
# $email
tree-node-c_server_name_recoverable-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $server-to_type
tree-node-c_server_name_recoverable-fix-2 = In 'Outgoing mail server (SMTP)', delete everything and type only: { $server-to_type }
tree-node-c_server_name_recoverable-fix-3 = Keep the port number out of that field: it belongs in More Settings > Advanced > 'Outgoing server (SMTP)'.
tree-node-c_server_name_recoverable-fix-4 = Choose OK, then Next.
# $server-to_type
tree-node-c_server_name_recoverable-title = The outgoing server field holds more than the server name: type { $server-to_type }
# $server
tree-node-c_server_not_found-explanation = The internet's address book (DNS) answered, but it has no server called { $server }. This is usually a typing mistake or an old name that was retired.
# $email
tree-node-c_server_not_found-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $server
tree-node-c_server_not_found-fix-2 = Check every letter of 'Outgoing mail server (SMTP)': { $server }.
tree-node-c_server_not_found-fix-3 = If you are not sure of the name, look it up in your email provider's help pages, then run smtp-doctor again.
# $server
tree-node-c_server_not_found-title = The server name { $server } does not exist
# $server
tree-node-c_service_down-explanation = The server { $server } refused every connection on the mail ports. Your settings cannot fix this: the service on the server has stopped.
tree-node-c_service_down-fix-1 = Wait a few minutes and try again.
# $server
tree-node-c_service_down-fix-2 = If it still fails, tell your email host: 'the SMTP service on { $server } refuses connections on ports 587, 465 and 25'.
tree-node-c_service_down-title = The mail server is up, but its sending service is not running
# $server $session-fault
tree-node-c_session_unfinished-explanation = { $server } starts to answer but stops before its answer is complete: it goes silent or cuts the connection. What happened: { $session-fault }. Why it does so is only visible on the server.
tree-node-c_session_unfinished-fix-1 = Try again in a few minutes: a server that is restarting behaves like this.
# $server $session-fault
tree-node-c_session_unfinished-fix-2 = If it keeps happening, tell your email host: 'The mail server { $server } stops in the middle of its answers: { $session-fault }'. Send them this report.
tree-node-c_session_unfinished-title = The server stops answering in the middle of the conversation
# $provider $provider-explain
tree-node-c_smtp_auth_disabled-explanation = { $provider } refused the sign-in and said why: { $provider-explain } Your password may well be right; retyping it will not help.
# $provider-who_acts
tree-node-c_smtp_auth_disabled-fix-1 = Only { $provider-who_acts } can change this: send them this report.
# $email
tree-node-c_smtp_auth_disabled-fix-2 = Ask them to allow 'Authenticated SMTP' (SMTP AUTH) for the mailbox { $email }, or to tell you which mail program setup they support.
tree-node-c_smtp_auth_disabled-fix-3 = Until then, send mail from webmail or from an app that signs in with your provider's own sign-in page.
tree-node-c_smtp_auth_disabled-title = Sending from mail programs with a password is switched off for your mailbox
# $spf-problem $spf-record
tree-node-c_spf_invalid-explanation = Receivers cannot read your domain's SPF record ({ $spf-problem }), so they treat it as an error and may put your messages in spam. The record reads: { $spf-record }
# $domain $spf-problem
tree-node-c_spf_invalid-fix-1 = Whoever runs the DNS of { $domain } should correct the TXT record of { $domain } that starts with v=spf1: { $spf-problem }.
# $spf-suggested
tree-node-c_spf_invalid-fix-2 = For a server of your own, a record that works reads: { $spf-suggested }
tree-node-c_spf_invalid-fix-3 = Then run this check again.
tree-node-c_spf_invalid-title = Your domain's SPF record is broken
# $server $spf-server_addresses $spf-record
tree-node-c_spf_not_covering_server-explanation = Your domain's SPF record does not list the server that sends your mail ({ $server }, address { $spf-server_addresses }), so receivers may put your messages in spam or refuse them. The record now reads: { $spf-record }
# $domain $spf-suggested
tree-node-c_spf_not_covering_server-fix-1 = Whoever runs the DNS of { $domain } (your domain registrar or web host) should change the TXT record of { $domain } that starts with v=spf1 to: { $spf-suggested }
tree-node-c_spf_not_covering_server-fix-2 = If your mail provider gives an SPF include for its servers (for example include:_spf.google.com or include:spf.protection.outlook.com), they can add that instead of the addresses.
tree-node-c_spf_not_covering_server-fix-3 = Changes take up to a few hours to reach everyone; then run this check again.
tree-node-c_spf_not_covering_server-title = Your domain's SPF record does not list the server that sends your mail
# $spf-lookups $spf-record
tree-node-c_spf_too_many_lookups-explanation = Your domain's SPF record needs { $spf-lookups } DNS lookups once all its include terms are followed; receivers stop at 10 and then treat the record as broken, so your messages may go to spam. The record reads: { $spf-record }
# $domain
tree-node-c_spf_too_many_lookups-fix-1 = Whoever runs the DNS of { $domain } should shorten the TXT record of { $domain } that starts with v=spf1 so that it needs at most 10 lookups: remove include terms of services that no longer send mail for you, and list fixed servers as ip4: or ip6: addresses instead of a, mx or include.
tree-node-c_spf_too_many_lookups-fix-2 = Then run this check again.
tree-node-c_spf_too_many_lookups-title = Your domain's SPF record is too long for receivers to check
# $port
tree-node-c_starttls_on_tls_port-explanation = On port { $port } the server expects encryption from the very first moment (SSL/TLS), but your mail program waits for an unencrypted hello that never comes.
# $email
tree-node-c_starttls_on_tls_port-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings > Advanced.
# $recommended-port $recommended-security
tree-node-c_starttls_on_tls_port-fix-2 = Set 'Outgoing server (SMTP)' to { $recommended-port } and 'Use the following type of encrypted connection' to { $recommended-security }.
tree-node-c_starttls_on_tls_port-fix-3 = Choose OK, then Next.
# $port
tree-node-c_starttls_on_tls_port-title = The encryption type does not fit port { $port }
# $server $session-fault
tree-node-c_tls_broken-explanation = { $server } says it offers encryption, but when this computer asked to switch it on, the server did not follow through. What happened: { $session-fault }. Your settings cannot fix this: the server's encryption setup is broken.
tree-node-c_tls_broken-fix-1 = Do not switch encryption off in your mail program: your password would travel unprotected.
# $server $session-fault
tree-node-c_tls_broken-fix-2 = Tell your email host: 'Encryption on { $server } fails on your side. { $session-fault }'. Send them this report.
tree-node-c_tls_broken-fix-3 = Run this check again once the host has fixed it.
tree-node-c_tls_broken-title = The server announces encryption, but switching it on fails on the server
tree-node-c_tls_failed-explanation = The server and this computer could not agree on encryption, and the reason is not visible from here.
tree-node-c_tls_failed-fix-1 = If an antivirus program on this computer scans e-mail, switch its mail scanning off for a moment and try again.
tree-node-c_tls_failed-fix-2 = Otherwise send this report to your email host.
tree-node-c_tls_failed-title = The encrypted connection could not be set up
# $server $intercept-product $intercept-issuer
tree-node-c_tls_intercepted-explanation = The certificate your mail program is shown for { $server } is not the server's: it was made by { $intercept-product } (issuer: { $intercept-issuer }), which opens encrypted connections to inspect them. This computer does not trust that certificate, so the connection fails.
# $intercept-setting
tree-node-c_tls_intercepted-fix-1 = { $intercept-setting }
tree-node-c_tls_intercepted-fix-2 = Restart Outlook and send yourself a test message.
tree-node-c_tls_intercepted-fix-3 = If sending works now, leave that setting off; the server itself is fine.
# $intercept-product
tree-node-c_tls_intercepted-title = { $intercept-product } gets in the way of the mail connection
# $server $intercept-product $intercept-issuer
tree-node-c_tls_intercepted_trusted-explanation = The certificate shown for { $server } comes from { $intercept-product } (issuer: { $intercept-issuer }), not from a public certificate authority. This computer trusts it, so the test could get through, but programs that open encrypted connections to scan them often break sending (Outlook error 0x800CCC0E or 0x80042109).
# $intercept-setting
tree-node-c_tls_intercepted_trusted-fix-1 = Only if sending fails: { $intercept-setting }
tree-node-c_tls_intercepted_trusted-fix-2 = Restart Outlook and send yourself a test message.
# $intercept-product
tree-node-c_tls_intercepted_trusted-title = Your mail connection may be opened on the way by { $intercept-product }
# $port
tree-node-c_tls_on_starttls_port-explanation = Your mail program starts with encryption right away (SSL/TLS), but on port { $port } the server first says hello unencrypted and switches to encryption afterwards (STARTTLS). The two never understand each other.
# $email
tree-node-c_tls_on_starttls_port-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings > Advanced.
# $recommended-security $recommended-port
tree-node-c_tls_on_starttls_port-fix-2 = Set 'Use the following type of encrypted connection' to { $recommended-security } and 'Outgoing server (SMTP)' to { $recommended-port }.
tree-node-c_tls_on_starttls_port-fix-3 = Choose OK, then Next.
# $port
tree-node-c_tls_on_starttls_port-title = The encryption type does not fit port { $port }
tree-node-c_tls_outdated-explanation = The server offers only old encryption methods that current mail programs refuse.
# $server
tree-node-c_tls_outdated-fix-1 = Ask your email host to enable TLS 1.2 or newer on { $server }.
tree-node-c_tls_outdated-title = The server uses outdated encryption
# $user-given $user-expected $reply $signin-attempts
tree-node-c_user_name_and_password-explanation = The server refused the sign-in both as { $user-given } and as { $user-expected }: { $reply }. The user name should be { $user-expected }, and the password is most likely wrong too. { $signin-attempts }.
tree-node-c_user_name_and_password-fix-1 = Sign in to your webmail with the same password to check it.
# $email
tree-node-c_user_name_and_password-fix-2 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change; retype the password.
# $user-expected
tree-node-c_user_name_and_password-fix-3 = On More Settings > Outgoing Server, type { $user-expected } as the user name.
tree-node-c_user_name_and_password-fix-4 = Do not try again and again: several failed tries in a row can get this network blocked.
# $user-expected
tree-node-c_user_name_and_password-title = The password is not accepted, and the user name should be { $user-expected }
# $user-given $user-expected $signin-attempts
tree-node-c_user_name_form-explanation = The server refused the sign-in as { $user-given }, and accepted the same password with the user name { $user-expected }: it wants the user name in that form. { $signin-attempts }.
# $email
tree-node-c_user_name_form-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings > Outgoing Server.
# $user-expected
tree-node-c_user_name_form-fix-2 = Tick 'My outgoing server (SMTP) requires authentication', choose 'Log on using' and type { $user-expected } as the user name; keep the password.
tree-node-c_user_name_form-fix-3 = Choose OK, then Next, and send yourself a test message.
# $user-expected
tree-node-c_user_name_form-title = Use { $user-expected } as the user name
# $user-given $reply $user-expected $signin-attempts
tree-node-c_user_name_form_likely-explanation = The server refused the sign-in as { $user-given }: { $reply }. Your provider or host expects the user name in the form { $user-expected }. { $signin-attempts }.
# $email
tree-node-c_user_name_form_likely-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings > Outgoing Server.
# $user-expected
tree-node-c_user_name_form_likely-fix-2 = Type { $user-expected } as the user name and retype the password once.
tree-node-c_user_name_form_likely-fix-3 = If it is still refused, sign in to your webmail with the same password to check it before trying again: several failed tries in a row can get this network blocked.
# $user-expected
tree-node-c_user_name_form_likely-title = The user name should probably be { $user-expected }
# $server $port $recommended-port
tree-node-c_wrong_port-explanation = The server { $server } does not take mail on port { $port }, but it does on port { $recommended-port }.
# $email
tree-node-c_wrong_port-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change > More Settings > Advanced.
# $recommended-port
tree-node-c_wrong_port-fix-2 = Set 'Outgoing server (SMTP)' to { $recommended-port }.
# $recommended-security
tree-node-c_wrong_port-fix-3 = Set 'Use the following type of encrypted connection' to { $recommended-security }.
tree-node-c_wrong_port-fix-4 = Choose OK, then Next.
# $port $recommended-port
tree-node-c_wrong_port-title = Nothing answers on port { $port }; use port { $recommended-port }
# $domain $recommended-server $server
tree-node-c_wrong_server-explanation = Your domain { $domain } says its mail is sent through { $recommended-server }, but your mail program uses { $server }. This often happens when an old account profile is still around.
# $email
tree-node-c_wrong_server-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $recommended-server
tree-node-c_wrong_server-fix-2 = Set 'Outgoing mail server (SMTP)' to { $recommended-server }.
# $recommended-port $recommended-security
tree-node-c_wrong_server-fix-3 = Choose More Settings > Advanced: set the port to { $recommended-port } and the encryption to { $recommended-security }.
# $email
tree-node-c_wrong_server-fix-4 = If you have two accounts for { $email }, remove the old one.
# $server
tree-node-c_wrong_server-title = { $server } is not the server your domain uses for sending
# $domain $provider $recommended-server $server
tree-node-c_wrong_server_provider-explanation = Mail for { $domain } is handled by { $provider }, which takes mail from mail programs at { $recommended-server }. Your mail program uses { $server }, which often means an old account profile or a former provider is still set.
# $email
tree-node-c_wrong_server_provider-fix-1 = In Outlook, open File > Account Settings > Account Settings, select { $email } and choose Change.
# $recommended-server
tree-node-c_wrong_server_provider-fix-2 = Set 'Outgoing mail server (SMTP)' to { $recommended-server }.
# $recommended-port $recommended-security
tree-node-c_wrong_server_provider-fix-3 = Choose More Settings > Advanced: set the port to { $recommended-port } and the encryption to { $recommended-security }.
# $recommended-user
tree-node-c_wrong_server_provider-fix-4 = On More Settings > Outgoing Server, the user name is { $recommended-user }.
# $email
tree-node-c_wrong_server_provider-fix-5 = If you have two accounts for { $email }, remove the old one.
# $server $provider
tree-node-c_wrong_server_provider-title = { $server } is not { $provider }'s server for sending
tree-node-cert_alt_name-title = Does a name on the certificate work instead?
tree-node-client_blocklist-title = Which blocklist is this network's address on?
tree-node-configured_port-title = Does the port you set answer?
tree-node-dns_failure-title = Is it only the name lookup (DNS) that fails?
tree-node-domain_dkim-title = Does your domain publish the signing keys (DKIM) its mail provider uses?
tree-node-domain_records-title = Does your domain vouch for its mail server (SPF, DMARC)?
tree-node-domain_spf-title = Does your domain's SPF record list the server that sends your mail?
tree-node-encryption-title = Is encryption switched on where the server needs it?
tree-node-end-title = Nothing more to check
tree-node-envelope-title = Would the server take a message from you? (nothing is sent)
tree-node-envelope_also-title = Would the server take a message from you? (nothing is sent)
tree-node-envelope_fault-title = Did the server keep to the mail protocol during the test message?
tree-node-expected_server-title = Is it the server your e-mail domain uses?
tree-node-ipv6_path-title = Does the server answer over IPv6 as well as over IPv4?
tree-node-network-title = Is this computer connected to a network?
tree-node-new_account_cert-title = Would Outlook warn about a certificate while setting up the account?
tree-node-new_account_settings-title = Would Outlook and Thunderbird set up the account with settings that work?
tree-node-pasted_error-title = What does the error message say?
# $port
tree-node-port_block-title = Does this network let port { $port } out?
tree-node-port_mode-title = Does your encryption setting fit the port?
tree-node-q_hotspot-choice-works-label = Yes, from the other network it works
tree-node-q_hotspot-choice-fails-label = No, it fails there too
tree-node-q_hotspot-choice-not_tried-label = I cannot try that now
tree-node-q_hotspot-help = If it works from another network, the mail server is blocking this network's address. If it fails there too, the server itself is down.
tree-node-q_hotspot-text = Connect this computer to your phone's hotspot (or another network) and send a test message. Does it go out from there?
tree-node-q_hotspot-title = Try another network
tree-node-q_outlook-choice-classic-label = Outlook (classic), or another mail program on this computer
tree-node-q_outlook-choice-new-label = The new Outlook for Windows
tree-node-q_outlook-choice-unknown-label = I don't know
tree-node-q_outlook-help = The new Outlook for Windows (the one with the 'New Outlook' switch, or the app that replaced Windows Mail) sends mail through Microsoft's servers, not from this computer.
tree-node-q_outlook-text = Which mail program shows the error?
tree-node-q_outlook-title = Which Outlook
tree-node-q_webmail-choice-yes-label = Yes, webmail works here
tree-node-q_webmail-choice-no-label = No, webmail does not work either
tree-node-q_webmail-choice-unknown-label = I don't know
tree-node-q_webmail-help = If webmail works but sending does not, the mail server may be blocking this network only for mail.
tree-node-q_webmail-text = Does webmail (your mail in a web browser) work from this computer?
tree-node-q_webmail-title = Webmail from this computer
tree-node-reachability-title = Can this computer reach the server?
tree-node-scope-title = Does anything else answer on the mail ports?
tree-node-server_blocklist-title = Is the mail server's own address on a blocklist?
tree-node-server_blocklist_also-title = Is the mail server's own address on a blocklist?
tree-node-server_dns-title = Does the server name exist?
tree-node-server_field-title = Is there a server name inside the field?
tree-node-server_name-title = Is the server name a real host name?
tree-node-server_reverse_dns-title = Does the mail server's address lead back to its name?
tree-node-tls-title = Is the server's security certificate in order?
tree-node-unreachable-title = Where are the mail connections stopped?
tree-node-user_name_form-title = Is the user name in the form the server expects?
