## Nederlandse vertaling van assets/locales/en/tree.ftl (oorzaken: titels, uitleg en genummerde stappen).
## Labels van mailprogramma's staan als terms in vendor.ftl.

tree-node-auth-title = Accepteert de server uw gebruikersnaam en wachtwoord?
tree-node-auth_also-title = Accepteert de server uw gebruikersnaam en wachtwoord?
tree-node-auth_fault-title = Hield de server zich aan het mailprotocol tijdens het aanmelden?
tree-node-auth_reply-title = Waarom werd het aanmelden geweigerd?
tree-node-c_app_password-explanation = { $provider } weigerde het aanmelden en zei waarom: { $provider-explain } Uw gewone wachtwoord opnieuw typen helpt niet, en herhaalde mislukte pogingen kunnen dit netwerk een tijd laten blokkeren.
tree-node-c_app_password-fix-1 = Dit moet { $provider-who_acts } doen: meld u in een webbrowser aan bij uw { $provider }-account en open de beveiligingsinstellingen.
tree-node-c_app_password-fix-2 = Zet verificatie in twee stappen aan als die uit staat, maak dan een app-wachtwoord (een wachtwoord alleen voor mailprogramma's) en kopieer het.
tree-node-c_app_password-fix-3 = Open in Outlook { -outlook-account-settings }, selecteer { $email }, kies { -outlook-change } en typ het app-wachtwoord in plaats van uw wachtwoord.
tree-node-c_app_password-fix-4 = Stuur uzelf een testbericht.
tree-node-c_app_password-title = { $provider } wil een app-wachtwoord, niet het wachtwoord van uw account
tree-node-c_auth_busy-explanation = De server antwoordde dat het aanmelden om een tijdelijke reden mislukte: { $reply }
tree-node-c_auth_busy-fix-1 = Wacht een paar minuten en verzend opnieuw.
tree-node-c_auth_busy-fix-2 = Blijft het gebeuren, laat het dan uw e-mailprovider weten en citeer: { $reply }
tree-node-c_auth_busy-title = De mailserver kon uw wachtwoord nu niet controleren
tree-node-c_auth_mechanism-explanation = De server biedt aanmeldmethoden aan, maar niet de methode die wordt gebruikt.
tree-node-c_auth_mechanism-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_auth_mechanism-fix-2 = Vink '{ -outlook-spa }' uit.
tree-node-c_auth_mechanism-fix-3 = Kies { -outlook-next } en probeer het opnieuw.
tree-node-c_auth_mechanism-title = De aanmeldmethode wordt niet door de server ondersteund
tree-node-c_auth_missing-explanation = De server weigerde een bericht door te sturen zonder aanmelding: { $reply }
tree-node-c_auth_missing-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings }.
tree-node-c_auth_missing-fix-2 = Vink op het tabblad { -outlook-tab-outgoing-server } '{ -outlook-smtp-auth }' aan.
tree-node-c_auth_missing-fix-3 = Kies '{ -outlook-same-as-incoming }' (de gebruikersnaam is { $recommended-user }).
tree-node-c_auth_missing-fix-4 = Kies { -outlook-ok } en daarna { -outlook-next }.
tree-node-c_auth_missing-title = De server wil dat u zich aanmeldt voordat hij mail verzendt
tree-node-c_auth_records_missing-explanation = Het domein { $domain } heeft geen SPF- of DMARC-record. Uw mail wordt gewoon verzonden, maar ontvangers kunnen hem als spam behandelen.
tree-node-c_auth_records_missing-fix-1 = Vraag wie het domein { $domain } beheert om SPF- en DMARC-records voor de mailserver te publiceren.
tree-node-c_auth_records_missing-title = Verzenden werkt, maar uw domein staat niet in voor zijn mail
tree-node-c_auth_rejected-explanation = De server weigerde het aanmelden: { $reply }. Let op: meerdere mislukte pogingen achter elkaar kunnen de server dit netwerk laten blokkeren.
tree-node-c_auth_rejected-fix-1 = Meld u met hetzelfde wachtwoord aan bij uw webmail om het te controleren.
tree-node-c_auth_rejected-fix-2 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }; typ het wachtwoord opnieuw.
tree-node-c_auth_rejected-fix-3 = Controleer bij { -outlook-more-settings } > { -outlook-tab-outgoing-server } dat de gebruikersnaam { $recommended-user } is (meestal uw volledige e-mailadres).
tree-node-c_auth_rejected-fix-4 = Gebruikt uw provider aanmelden in twee stappen, maak dan een app-wachtwoord en gebruik dat.
tree-node-c_auth_rejected-title = De server accepteert uw gebruikersnaam of wachtwoord niet
tree-node-c_cert_chain_incomplete-explanation = Het certificaat van { $server } is uitgegeven door { $cert-issuer_name }, maar de server stuurt het zonder het certificaat van { $cert-issuer_name } (een tussencertificaat) dat het verbindt met een instantie die uw computer vertrouwt. Sommige mailprogramma's halen het ontbrekende certificaat zelf op en werken; andere (Outlook op sommige computers, veel telefoons) kunnen het certificaat niet controleren en weigeren verbinding te maken.
tree-node-c_cert_chain_incomplete-fix-1 = Accepteer de certificaatwaarschuwing niet: het certificaat zelf is waarschijnlijk in orde, de server stuurt het alleen onvolledig.
tree-node-c_cert_chain_incomplete-fix-2 = Laat uw e-mailprovider weten dat { $server } zijn certificaat zonder het tussencertificaat '{ $cert-issuer_name }' stuurt.
tree-node-c_cert_chain_incomplete-fix-3 = De provider moet het certificaat samen met dat tussencertificaat installeren: het 'full chain'-bestand van de certificeringsinstantie. In Postfix: zet de sleutel en het full-chain-bestand in smtpd_tls_chain_files (of laat smtpd_tls_cert_file naar het full-chain-bestand wijzen) en voer daarna 'postfix reload' uit.
tree-node-c_cert_chain_incomplete-fix-4 = Voer deze controle opnieuw uit zodra de provider dat heeft gedaan.
tree-node-c_cert_chain_incomplete-title = De server stuurt zijn tussencertificaat niet mee
tree-node-c_cert_expired-explanation = Het certificaat dat bewijst dat de server echt is, is verlopen (geldig tot { $cert-not_after }), dus uw mailprogramma vertrouwt het niet.
tree-node-c_cert_expired-fix-1 = Accepteer de certificaatwaarschuwing niet: laat uw e-mailprovider weten dat het certificaat van { $server } is verlopen en moet worden vernieuwd.
tree-node-c_cert_expired-fix-2 = Controleer of de datum en tijd van deze computer kloppen; een verkeerde klok kan een goed certificaat verlopen laten lijken.
tree-node-c_cert_expired-title = Het beveiligingscertificaat van de server is verlopen
tree-node-c_cert_name_host_fix-explanation = U maakt verbinding met { $server }, maar het certificaat van de server staat op naam van { $cert-names }. smtp-doctor probeerde de eigen namen van het certificaat: { $cert-names_tried }. Geen enkele servernaam geeft dus een geverifieerde verbinding: uw e-mailprovider moet het certificaat herstellen.
tree-node-c_cert_name_host_fix-fix-1 = Accepteer de certificaatwaarschuwing niet.
tree-node-c_cert_name_host_fix-fix-2 = Vraag uw e-mailprovider om op { $server } een certificaat van een publieke certificeringsinstantie te installeren dat de naam { $server } dekt, of om u de servernaam te geven waarop hun certificaat staat.
tree-node-c_cert_name_host_fix-title = Het certificaat van de server is voor een andere naam, en geen naam erop werkt
tree-node-c_cert_name_mismatch-explanation = U maakt verbinding met { $server }, maar het certificaat van de server staat op naam van { $cert-names }. Hostingbedrijven hebben vaak één certificaat voor hun eigen servernaam.
tree-node-c_cert_name_mismatch-fix-1 = Als uw e-mailprovider dat zegt, gebruik dan de naam op het certificaat als uitgaande server: { $cert-names }.
tree-node-c_cert_name_mismatch-fix-2 = Vraag anders uw e-mailprovider om een certificaat te installeren dat { $server } dekt.
tree-node-c_cert_name_mismatch-title = Het certificaat van de server is voor een andere naam
tree-node-c_cert_self_signed-explanation = Het certificaat van { $server } is zelfondertekend: de server heeft het voor zichzelf gemaakt en geen certificeringsinstantie staat ervoor in, dus uw mailprogramma kan de echte server niet van een bedrieger onderscheiden.
tree-node-c_cert_self_signed-fix-1 = Accepteer de certificaatwaarschuwing niet.
tree-node-c_cert_self_signed-fix-2 = Vraag uw e-mailprovider om op { $server } een certificaat van een publieke certificeringsinstantie te installeren (er zijn gratis certificaten, bijvoorbeeld van Let's Encrypt).
tree-node-c_cert_self_signed-title = Het certificaat van de server is door de server zelf gemaakt
tree-node-c_cert_untrusted-explanation = Het certificaat is uitgegeven door { $cert-issuer }, een instantie die deze computer niet vertrouwt: een eigen certificeringsinstantie van een organisatie of bedrijf, of een die deze computer niet kent.
tree-node-c_cert_untrusted-fix-1 = Accepteer de certificaatwaarschuwing niet.
tree-node-c_cert_untrusted-fix-2 = Vraag uw e-mailprovider om op { $server } een certificaat van een publieke certificeringsinstantie te installeren.
tree-node-c_cert_untrusted-fix-3 = Is { $cert-issuer_name } de eigen instantie van uw organisatie, vraag dan uw IT-afdeling om het certificaat daarvan op deze computer te installeren.
tree-node-c_cert_untrusted-title = Het certificaat van de server komt niet van een vertrouwde instantie
tree-node-c_cert_use_its_name-explanation = U maakt verbinding met { $server }, maar het certificaat van de server staat op naam van { $cert-names }: hostingbedrijven hebben vaak één certificaat voor hun eigen servernaam. { $cert-working_name } leidt naar dezelfde server, en met die naam werd de versleutelde verbinding geverifieerd.
tree-node-c_cert_use_its_name-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_cert_use_its_name-fix-2 = Typ { $cert-working_name } bij '{ -outlook-server-field }' (in plaats van { $server }).
tree-node-c_cert_use_its_name-fix-3 = Kies { -outlook-more-settings } > { -outlook-tab-advanced }: zet '{ -outlook-port-field }' op { $recommended-port } en '{ -outlook-encryption-field }' op { $recommended-security }.
tree-node-c_cert_use_its_name-fix-4 = Kies { -outlook-ok } en daarna { -outlook-next }. Accepteer geen certificaatwaarschuwing: met deze naam hoort er geen te zijn.
tree-node-c_cert_use_its_name-title = Typ { $cert-working_name } als uitgaande server
tree-node-c_client_listed-explanation = De server weigerde het testbericht vanwege een blokkeerlijst: { $reply }
tree-node-c_client_listed-fix-1 = Verzend via de verzendpoort (submission) van uw provider met aanmelding ({ $recommended-port }, { $recommended-security }); die hoort niet door blokkeerlijsten te worden gefilterd.
tree-node-c_client_listed-fix-2 = Vraag uw e-mailprovider of internetprovider naar de vermelding van { $public_ip }.
tree-node-c_client_listed-title = Het adres van dit netwerk staat op een spamblokkeerlijst
tree-node-c_client_listed_greeting-explanation = De server wees dit netwerk af vóór het aanmelden: { $reply }. Servers doen dit als het adres van een netwerk op een spamblokkeerlijst of op hun eigen blokkeerlijst staat.
tree-node-c_client_listed_greeting-fix-1 = Probeer te verzenden via een ander netwerk (bijvoorbeeld een hotspot van uw telefoon).
tree-node-c_client_listed_greeting-fix-2 = Vraag uw e-mailprovider waarom { $public_ip } wordt geweigerd, en citeer het antwoord van de server.
tree-node-c_client_listed_greeting-title = De mailserver weigert dit netwerk
tree-node-c_dns_refused-explanation = De DNS-server die deze computer gebruikt ({ $dns-refusing }) antwoordt, maar zijn naamdienst (DNS, die namen omzet in adressen) weigert elke vraag: hij is gestopt of uitgeschakeld. Het netwerk zelf werkt, maar geen enkele server kan op naam worden gevonden.
tree-node-c_dns_refused-fix-1 = Start uw router opnieuw (haal 30 seconden de stekker eruit): de DNS-dienst start meestal mee.
tree-node-c_dns_refused-fix-2 = Als de netwerkinstellingen van deze computer handmatig een DNS-server noemen ({ $dns-refusing }), zet ze dan terug op 'Automatisch een DNS-serveradres laten toewijzen', of vul een andere DNS-server in.
tree-node-c_dns_refused-fix-3 = Blijft het mislukken, laat dan wie dit netwerk beheert weten dat de DNS-dienst op { $dns-refusing } gestopt is.
tree-node-c_dns_refused-title = De DNS-dienst van dit netwerk draait niet
tree-node-c_dns_unavailable-explanation = De dienst die namen omzet in adressen (DNS) antwoordde niet, dus geen enkele server kan op naam worden gevonden.
tree-node-c_dns_unavailable-fix-1 = Controleer of deze computer met internet verbonden is: open een bekende website.
tree-node-c_dns_unavailable-fix-2 = Start uw router opnieuw, of maak verbinding met een ander netwerk (bijvoorbeeld een hotspot van uw telefoon), en probeer het opnieuw.
tree-node-c_dns_unavailable-fix-3 = Blijft het mislukken, laat dan wie dit netwerk beheert weten dat het opzoeken van namen (DNS) niet werkt.
tree-node-c_dns_unavailable-title = Deze computer kan geen servernamen opzoeken
tree-node-c_encryption_off-explanation = De server laat u alleen aanmelden via een versleutelde verbinding, en uw mailprogramma is ingesteld om onversleuteld te verzenden.
tree-node-c_encryption_off-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
tree-node-c_encryption_off-fix-2 = Zet '{ -outlook-encryption-field }' op { $recommended-security } en '{ -outlook-port-field }' op { $recommended-port }.
tree-node-c_encryption_off-fix-3 = Kies { -outlook-ok } en daarna { -outlook-next }.
tree-node-c_encryption_off-title = Versleuteling staat uit, maar de server vereist die
tree-node-c_host_down-explanation = Een router op weg naar { $server } meldde dat de machine onbereikbaar is, terwijl andere mailservers gewoon antwoorden. De server staat uit, is kapot of is verhuisd.
tree-node-c_host_down-fix-1 = Wacht even en probeer het opnieuw: de provider start hem misschien opnieuw op.
tree-node-c_host_down-fix-2 = Laat uw e-mailprovider weten dat { $server } onbereikbaar is ('host unreachable') en stuur dit rapport mee.
tree-node-c_host_down-title = De mailserver ligt eruit of is weg
tree-node-c_host_silent_possible-explanation = Een server die uitstaat, of een firewall die iedereen negeert, zwijgt op dezelfde manier.
tree-node-c_host_silent_possible-fix-1 = Mislukt verzenden ook vanaf andere netwerken, laat dan uw e-mailprovider weten dat { $server } niet antwoordt.
tree-node-c_host_silent_possible-title = Of de mailserver ligt eruit
tree-node-c_host_unreachable-explanation = Er kwam geen antwoord van { $server } op welke mailpoort dan ook. De server ligt er misschien uit, of een firewall onderweg laat de verbinding vallen.
tree-node-c_host_unreachable-fix-1 = Wacht een paar minuten en probeer het opnieuw.
tree-node-c_host_unreachable-fix-2 = Probeer het via een ander netwerk (bijvoorbeeld een hotspot van uw telefoon). Werkt het daar, dan blokkeert de server misschien dit netwerk: zie hieronder.
tree-node-c_host_unreachable-fix-3 = Mislukt het overal, laat dan uw e-mailprovider weten dat { $server } niet antwoordt.
tree-node-c_host_unreachable-title = De mailserver antwoordt helemaal niet
tree-node-c_ip_blocked_hotspot-explanation = Verzenden werkt via een ander netwerk, andere mailservers antwoorden vanaf hier, maar { $server } blijft op elke mailpoort stil voor dit netwerk. De firewall ervan (CSF, fail2ban) blokkeert het adres van dit netwerk, meestal na een aantal mislukte aanmeldingen.
tree-node-c_ip_blocked_hotspot-fix-1 = Verzend voorlopig niet meer via dit netwerk: elke nieuwe poging met een verkeerd wachtwoord kan de blokkade verlengen.
tree-node-c_ip_blocked_hotspot-fix-2 = Vraag uw e-mailprovider om het adres van dit netwerk, { $public_ip }, van de blokkeerlijst van hun firewall te halen.
tree-node-c_ip_blocked_hotspot-fix-3 = Controleer na het deblokkeren het wachtwoord in uw mailprogramma voordat u weer verzendt.
tree-node-c_ip_blocked_hotspot-title = De mailserver blokkeert dit netwerk
tree-node-c_ip_blocked_likely-explanation = Webmail werkt hier, maar de mailserver antwoordt dit netwerk op geen enkele mailpoort. Servers blokkeren een adres zo na een aantal mislukte aanmeldingen (firewalls zoals CSF of fail2ban).
tree-node-c_ip_blocked_likely-fix-1 = Verzend voorlopig niet meer: elke nieuwe poging met een verkeerd wachtwoord kan de blokkade verlengen.
tree-node-c_ip_blocked_likely-fix-2 = Vraag uw e-mailprovider om het adres van dit netwerk, { $public_ip }, van de blokkeerlijst van hun firewall te halen.
tree-node-c_ip_blocked_likely-fix-3 = Intussen kunt u via een ander netwerk verzenden (bijvoorbeeld een hotspot van uw telefoon).
tree-node-c_ip_blocked_likely-fix-4 = Controleer na het deblokkeren het wachtwoord in uw mailprogramma voordat u weer verzendt.
tree-node-c_ip_blocked_likely-title = De mailserver lijkt dit netwerk te blokkeren
tree-node-c_ip_blocked_possible-explanation = Servers blokkeren een adres na een aantal mislukte aanmeldingen. Vanaf hier ziet een blokkade er hetzelfde uit als een server die eruit ligt.
tree-node-c_ip_blocked_possible-fix-1 = Vraag uw e-mailprovider of het adres van dit netwerk, { $public_ip }, op de blokkeerlijst van hun firewall staat, en of ze het willen verwijderen.
tree-node-c_ip_blocked_possible-title = De mailserver blokkeert mogelijk dit netwerk
tree-node-c_ip_blocked_silent-explanation = Andere mailservers antwoorden vanaf hier, maar { $server } blijft op elke mailpoort stil. Meestal blokkeert de firewall ervan (CSF, fail2ban) het adres van dit netwerk na een aantal mislukte aanmeldingen; een server die eruit ligt, ziet er vanaf hier hetzelfde uit.
tree-node-c_ip_blocked_silent-fix-1 = Verzend voorlopig niet meer: elke nieuwe poging met een verkeerd wachtwoord kan de blokkade verlengen.
tree-node-c_ip_blocked_silent-fix-2 = Vraag uw e-mailprovider om het adres van dit netwerk, { $public_ip }, van de blokkeerlijst van hun firewall te halen.
tree-node-c_ip_blocked_silent-fix-3 = Probeer het voor de zekerheid één keer via een ander netwerk (bijvoorbeeld de hotspot van uw telefoon): werkt het daar, dan is het een blokkade.
tree-node-c_ip_blocked_silent-title = De mailserver lijkt dit netwerk te blokkeren
tree-node-c_ip_rejected-explanation = De server { $server } beantwoordde elke verbinding vanaf hier met een weigering van een firewall ('administratively prohibited'), terwijl andere mailservers gewoon antwoorden. Servers doen dit bij een adres na een aantal mislukte aanmeldingen (CSF, fail2ban).
tree-node-c_ip_rejected-fix-1 = Verzend voorlopig niet meer: elke nieuwe poging met een verkeerd wachtwoord kan de blokkade verlengen.
tree-node-c_ip_rejected-fix-2 = Vraag uw e-mailprovider om het adres van dit netwerk, { $public_ip }, van de blokkeerlijst van hun firewall te halen.
tree-node-c_ip_rejected-fix-3 = Intussen kunt u via een ander netwerk verzenden (bijvoorbeeld een hotspot van uw telefoon).
tree-node-c_ip_rejected-fix-4 = Controleer na het deblokkeren het wachtwoord in uw mailprogramma voordat u weer verzendt.
tree-node-c_ip_rejected-title = De firewall van de mailserver wijst dit netwerk af
tree-node-c_ipv6_path_broken-explanation = De server { $server } heeft twee adressen, een IPv6-adres ({ $ipv6-address }) en een IPv4-adres ({ $ipv4-address }). Via IPv4 bereikte deze computer hem en mocht hij verzenden, maar via IPv6 was het resultaat: { $ipv6-result }. Mailprogramma's proberen eerst IPv6, dus ze blijven hangen, wachten lang of geven het op met een time-out, hoewel uw instellingen goed zijn.
tree-node-c_ipv6_path_broken-fix-1 = Start uw router opnieuw (haal tien seconden de stekker eruit), wacht twee minuten en voer deze controle opnieuw uit: routers verliezen vaak hun IPv6-verbinding als de internetprovider zijn adressen wijzigt.
tree-node-c_ipv6_path_broken-fix-2 = Mislukt het nog steeds, laat dan uw internetprovider (of wie dit netwerk beheert) weten dat IPv6-verbindingen naar { $ipv6-address } geen antwoord krijgen terwijl IPv4 werkt, en stuur dit rapport mee.
tree-node-c_ipv6_path_broken-fix-3 = Laat deze computer IPv4 gebruiken tot het is opgelost: open in Windows { -windows-adapter-settings }, klik met de rechtermuisknop op uw verbinding, kies { -windows-properties }, vink '{ -windows-ipv6 }' uit, kies { -outlook-ok } en start Outlook opnieuw.
tree-node-c_ipv6_path_broken-fix-4 = Houd de naam van de uitgaande server { $recommended-server } met poort { $recommended-port } en { $recommended-security }; typ niet het nummer { $ipv4-address } in plaats van de naam, anders past het certificaat van de server niet.
tree-node-c_ipv6_path_broken-fix-5 = Mislukt het ook via andere netwerken, laat dan uw e-mailprovider weten dat { $server } via IPv6 op { $ipv6-address } niet antwoordt: ze moeten hun firewall voor IPv6 openzetten of het IPv6-adres van de server (het AAAA-record) uit de DNS verwijderen.
tree-node-c_ipv6_path_broken-title = Mailverbindingen via IPv6 mislukken vanaf hier; via IPv4 werkt verzenden
tree-node-c_needs_admin-explanation = De controles vanaf deze computer kunnen de overgebleven mogelijkheden niet van elkaar onderscheiden. De logs en de firewall van de mailserver kunnen dat wel.
tree-node-c_needs_admin-fix-1 = Stuur uw e-mailprovider dit rapport en vraag hen te zoeken naar het adres { $public_ip } in de maillogs en in de blokkeerlijsten van de firewall (CSF, fail2ban, iptables).
tree-node-c_needs_admin-title = Alleen de beheerder van de server weet het zeker
tree-node-c_new_outlook_cloud-explanation = De nieuwe Outlook voor Windows geeft mail voor accounts zoals { $email } door aan de servers van Microsoft, die zelf verbinding maken met { $server }. Deze computer bereikt { $server } ook niet, maar dat is niet de weg die uw mail neemt, dus het antwoord ligt tussen Microsoft en uw mailserver.
tree-node-c_new_outlook_cloud-fix-1 = Vraag het bedrijf dat { $server } beheert of hun firewall verbindingen van de servers van Microsoft blokkeert, en stuur hun dit rapport.
tree-node-c_new_outlook_cloud-fix-2 = Probeer tot het is opgelost de klassieke Outlook, die vanaf deze computer verzendt, zodra deze computer de server kan bereiken.
tree-node-c_new_outlook_cloud-title = De nieuwe Outlook verzendt via Microsoft, niet vanaf deze computer
tree-node-c_no_greeting-explanation = Een verbinding met poort { $port } gaat open, maar er komt geen gewone en geen versleutelde begroeting terug. Iets op de server, of een beveiligingsprogramma ertussen, houdt hem tegen.
tree-node-c_no_greeting-fix-1 = Als een antivirusprogramma op deze computer e-mail scant, zet het scannen van mail dan even uit en probeer het opnieuw.
tree-node-c_no_greeting-fix-2 = Probeer poort { $recommended-port } met { $recommended-security }.
tree-node-c_no_greeting-fix-3 = Stuur anders dit rapport naar uw e-mailprovider.
tree-node-c_no_greeting-title = De server accepteert de verbinding, maar zegt niets
tree-node-c_no_server-explanation = Er is geen uitgaande server opgegeven, en geen van de gebruikelijke namen (zoals smtp.{ $domain } of mail.{ $domain }) bestaat.
tree-node-c_no_server-fix-1 = Zoek de naam van de uitgaande server op in de hulppagina's of de welkomstmail van uw e-mailprovider.
tree-node-c_no_server-fix-2 = Voer smtp-doctor opnieuw uit met die naam.
tree-node-c_no_server-title = We konden de server die mail verzendt voor { $domain } niet vinden
tree-node-c_no_tls-explanation = Uw mailprogramma is ingesteld om te versleutelen, maar { $server } biedt op geen enkele mailpoort een versleutelde verbinding aan.
tree-node-c_no_tls-fix-1 = Vraag uw e-mailprovider om versleuteling aan te zetten (een certificaat voor STARTTLS of SSL/TLS) op { $server }.
tree-node-c_no_tls-fix-2 = Zet versleuteling in uw mailprogramma niet uit: uw wachtwoord zou dan onbeschermd over het netwerk gaan.
tree-node-c_no_tls-title = De server biedt helemaal geen versleuteling
tree-node-c_not_tried-explanation = De server beëindigde de sessie voordat de test het aanmelden en verzenden kon controleren.
tree-node-c_not_tried-fix-1 = Probeer het over een paar minuten opnieuw.
tree-node-c_not_tried-fix-2 = Blijft het gebeuren, stuur dan dit rapport naar uw e-mailprovider.
tree-node-c_not_tried-title = De test kwam niet tot het verzenden
tree-node-c_oauth_required-explanation = { $provider } weigerde het aanmelden en zei waarom: { $provider-explain } Geen enkel wachtwoord werkt hier, dus typ het niet steeds opnieuw.
tree-node-c_oauth_required-fix-1 = Verwijder dit account in Outlook: { -outlook-account-settings }, selecteer { $email } en kies { -outlook-remove }.
tree-node-c_oauth_required-fix-2 = Voeg het opnieuw toe met { -outlook-add-account }, typ { $email } en laat Outlook de eigen aanmeldpagina van { $provider } openen (kies niet IMAP of POP).
tree-node-c_oauth_required-fix-3 = Kan uw mailprogramma zich niet zo aanmelden, gebruik dan webmail, of vraag { $provider-who_acts } welke programma's worden ondersteund.
tree-node-c_oauth_required-title = { $provider } accepteert geen wachtwoord meer van mailprogramma's
tree-node-c_offline-explanation = Niets buiten deze computer antwoordt: geen mailserver, geen naamopzoeking, geen andere server. Uw mailinstellingen kunnen pas worden gecontroleerd als de verbinding terug is.
tree-node-c_offline-fix-1 = Controleer of wifi aanstaat en verbonden is, of dat de netwerkkabel erin zit; zet de vliegtuigmodus uit.
tree-node-c_offline-fix-2 = Open een bekende website om te zien of internet überhaupt werkt.
tree-node-c_offline-fix-3 = Start uw router opnieuw (haal tien seconden de stekker eruit), wacht twee minuten en voer deze controle opnieuw uit.
tree-node-c_offline-title = Deze computer heeft geen internetverbinding
tree-node-c_ok-explanation = Deze computer bereikte de server die uw mail verzendt, maakte een versleutelde verbinding en mocht verzenden. Mislukt het in uw mailprogramma nog steeds, dan wijken de instellingen daar af van de instellingen hieronder.
tree-node-c_ok-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_ok-fix-2 = Controleer of '{ -outlook-server-field }' { $recommended-server } is.
tree-node-c_ok-fix-3 = Kies { -outlook-more-settings } > { -outlook-tab-advanced }: zet '{ -outlook-port-field }' op { $recommended-port } en '{ -outlook-encryption-field }' op { $recommended-security }.
tree-node-c_ok-fix-4 = Vink op het tabblad { -outlook-tab-outgoing-server } '{ -outlook-smtp-auth }' en '{ -outlook-same-as-incoming }' aan; de gebruikersnaam is { $recommended-user }.
tree-node-c_ok-fix-5 = Kies { -outlook-ok } en daarna { -outlook-next }, en stuur uzelf een testbericht.
tree-node-c_ok-title = Verzenden werkt met deze instellingen
tree-node-c_overloaded-explanation = De server antwoordde dat hij op dit moment geen mail kan aannemen: { $reply }
tree-node-c_overloaded-fix-1 = Wacht tien minuten en verzend opnieuw; Outlook probeert mail in het Postvak UIT zelf opnieuw te verzenden.
tree-node-c_overloaded-fix-2 = Duurt het langer dan een uur, laat het dan uw e-mailprovider weten en citeer het antwoord van de server: { $reply }
tree-node-c_overloaded-title = De mailserver is nu te druk om mail aan te nemen
tree-node-c_pasted_app_password-explanation = De melding die u hebt geplakt bevat het antwoord van de server, en dat betekent: { $provider-explain }
tree-node-c_pasted_app_password-fix-1 = Meld u in een webbrowser aan bij uw e-mailaccount en open de beveiligingsinstellingen.
tree-node-c_pasted_app_password-fix-2 = Zet verificatie in twee stappen aan als die uit staat, maak dan een app-wachtwoord (een wachtwoord alleen voor mailprogramma's) en kopieer het.
tree-node-c_pasted_app_password-fix-3 = Open in Outlook { -outlook-account-settings }, selecteer { $email }, kies { -outlook-change } en typ het app-wachtwoord in plaats van uw wachtwoord.
tree-node-c_pasted_app_password-title = Uw foutmelding zegt dat een app-wachtwoord nodig is
tree-node-c_pasted_oauth-explanation = De melding die u hebt geplakt bevat het antwoord van de server, en dat betekent: { $provider-explain }
tree-node-c_pasted_oauth-fix-1 = Verwijder dit account in Outlook: { -outlook-account-settings }, selecteer { $email } en kies { -outlook-remove }.
tree-node-c_pasted_oauth-fix-2 = Voeg het opnieuw toe met { -outlook-add-account }, typ { $email } en meld u aan op de eigen pagina van uw provider (kies niet IMAP of POP).
tree-node-c_pasted_oauth-title = Uw foutmelding zegt dat een wachtwoord niet meer wordt geaccepteerd
tree-node-c_pasted_smtp_auth_disabled-explanation = De melding die u hebt geplakt bevat het antwoord van de server, en dat betekent: { $provider-explain }
tree-node-c_pasted_smtp_auth_disabled-fix-1 = Alleen de e-mailbeheerder van uw organisatie (of uw provider) kan dit wijzigen: stuur hun dit rapport.
tree-node-c_pasted_smtp_auth_disabled-fix-2 = Vraag hen 'Authenticated SMTP' (SMTP AUTH) toe te staan voor het postvak { $email }.
tree-node-c_pasted_smtp_auth_disabled-title = Uw foutmelding zegt dat verzenden met een wachtwoord is uitgeschakeld
tree-node-c_policy_app_password-explanation = De server weigerde het aanmelden ({ $reply }). { $provider } accepteert in mailprogramma's niet het gewone wachtwoord van het account: { $provider-explain } Probeer het oude wachtwoord niet steeds opnieuw: herhaalde mislukte pogingen kunnen dit netwerk laten blokkeren.
tree-node-c_policy_app_password-fix-1 = Dit moet { $provider-who_acts } doen: meld u in een webbrowser aan bij uw { $provider }-account en open de beveiligingsinstellingen.
tree-node-c_policy_app_password-fix-2 = Maak een app-wachtwoord (verificatie in twee stappen moet aanstaan) en kopieer het.
tree-node-c_policy_app_password-fix-3 = Open in Outlook { -outlook-account-settings }, selecteer { $email }, kies { -outlook-change } en typ het app-wachtwoord in plaats van uw wachtwoord.
tree-node-c_policy_app_password-fix-4 = Wordt het nog steeds geweigerd, controleer dan of de gebruikersnaam { $recommended-user } is.
tree-node-c_policy_app_password-title = { $provider } wil waarschijnlijk een app-wachtwoord, niet het wachtwoord van uw account
tree-node-c_policy_oauth-explanation = De server weigerde het aanmelden ({ $reply }). { $provider } neemt alleen mail van mailprogramma's aan na de eigen aanmeldpagina (OAuth): { $provider-explain }
tree-node-c_policy_oauth-fix-1 = Verwijder dit account in Outlook: { -outlook-account-settings }, selecteer { $email } en kies { -outlook-remove }.
tree-node-c_policy_oauth-fix-2 = Voeg het opnieuw toe met { -outlook-add-account }, typ { $email } en laat Outlook de eigen aanmeldpagina van { $provider } openen (kies niet IMAP of POP).
tree-node-c_policy_oauth-fix-3 = Lukt dat niet, vraag dan { $provider-who_acts } of verzenden met een wachtwoord voor uw postvak is toegestaan.
tree-node-c_policy_oauth-title = { $provider } accepteert waarschijnlijk geen wachtwoord meer van mailprogramma's
tree-node-c_port_blocked-explanation = Poort { $port } mislukt niet alleen naar { $server } maar ook naar een andere mailserver ({ $reference }), dus dit netwerk (uw internetprovider of de firewall op kantoor) blokkeert hem. Poort { $recommended-port } komt er wel door en werkt.
tree-node-c_port_blocked-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
tree-node-c_port_blocked-fix-2 = Zet '{ -outlook-port-field }' op { $recommended-port }.
tree-node-c_port_blocked-fix-3 = Zet '{ -outlook-encryption-field }' op { $recommended-security }.
tree-node-c_port_blocked-fix-4 = Kies { -outlook-ok } en daarna { -outlook-next }, en stuur uzelf een testbericht.
tree-node-c_port_blocked-title = Dit netwerk blokkeert poort { $port }; gebruik poort { $recommended-port }
tree-node-c_ports_blocked-explanation = De mailpoorten ({ $blocked_ports }) mislukken niet alleen naar { $server } maar ook naar een andere mailserver ({ $reference }), terwijl andere verbindingen werken. Dit netwerk (een firewall op kantoor of in een hotel, of uw internetprovider) laat geen mailverbindingen naar buiten.
tree-node-c_ports_blocked-fix-1 = Vraag wie dit netwerk beheert (IT op kantoor, het hotel of de internetprovider) om uitgaande verbindingen op poort 587 toe te staan.
tree-node-c_ports_blocked-fix-2 = Verzend intussen via een ander netwerk, bijvoorbeeld de hotspot van uw telefoon.
tree-node-c_ports_blocked-fix-3 = Sommige providers nemen ook mail aan op poort 2525: vraag het de uwe, en zet dan '{ -outlook-port-field }' op 2525 in { -outlook-more-settings } > { -outlook-tab-advanced }.
tree-node-c_ports_blocked-title = Dit netwerk blokkeert de mailpoorten
tree-node-c_protocol_violation-explanation = Mailprogramma's en servers praten in een vaste volgorde van vragen en genummerde antwoorden. { $server } hield zich niet aan die volgorde, dus geen mailprogramma kan op zijn antwoorden vertrouwen. Wat er gebeurde: { $session-fault }. Dit is een fout op de server of op een apparaat tussen u en de server (een firewall of filter die mailverkeer herschrijft), niet in uw instellingen.
tree-node-c_protocol_violation-fix-1 = Laat uw e-mailprovider weten: 'De mailserver { $server } stuurt antwoorden die het mailprotocol breken: { $session-fault }'. Stuur hun dit rapport.
tree-node-c_protocol_violation-fix-2 = Heeft uw netwerk een firewall of beveiligingsapparaat dat mail inspecteert, vraag dan wie het beheert om mailverkeer ongewijzigd door te laten.
tree-node-c_protocol_violation-fix-3 = Voer deze controle opnieuw uit zodra de provider het heeft opgelost.
tree-node-c_protocol_violation-title = De antwoorden van de server volgen het mailprotocol niet
tree-node-c_recipient_rejected-explanation = Aanmelden werkte, maar de server weigerde de ontvanger van de test: { $reply }
tree-node-c_recipient_rejected-fix-1 = Probeer een ander ontvangeradres.
tree-node-c_recipient_rejected-fix-2 = Worden alle ontvangers geweigerd, stuur dan dit rapport naar uw e-mailprovider.
tree-node-c_recipient_rejected-title = De server weigerde de testontvanger
tree-node-c_sender_rejected-explanation = Het aanmelden werkt, maar de server weigert het afzenderadres: { $reply }
tree-node-c_sender_rejected-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer het account en kies { -outlook-change }.
tree-node-c_sender_rejected-fix-2 = Controleer of '{ -outlook-email-address }' { $email } is en of de gebruikersnaam bij datzelfde adres hoort.
tree-node-c_sender_rejected-fix-3 = Verzendt u namens een ander adres, vraag dan uw e-mailprovider om dat voor uw account toe te staan.
tree-node-c_sender_rejected-title = De server laat dit account niet verzenden als { $email }
tree-node-c_server_name_invalid-explanation = Het veld voor de uitgaande server mag alleen een naam bevatten, zoals smtp.example.com: geen webadres, geen e-mailadres, geen spaties en geen poortnummer.
tree-node-c_server_name_invalid-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_server_name_invalid-fix-2 = Typ bij '{ -outlook-server-field }' alleen de servernaam: { $server-suggested }.
tree-node-c_server_name_invalid-fix-3 = Zet het poortnummer in { -outlook-more-settings } > { -outlook-tab-advanced } > '{ -outlook-port-field }', niet in de naam.
tree-node-c_server_name_invalid-title = In het veld voor de uitgaande server staat geen servernaam
tree-node-c_server_name_recoverable-explanation = In het veld staat "{ $server-typed }": { $server-problem }. Mailprogramma's hebben daar alleen de naam van de server nodig. De naam erin is { $server }; smtp-doctor heeft die naam getest.
tree-node-c_server_name_recoverable-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_server_name_recoverable-fix-2 = Wis bij '{ -outlook-server-field }' alles en typ alleen: { $server-to_type }
tree-node-c_server_name_recoverable-fix-3 = Zet het poortnummer niet in dat veld: het hoort in { -outlook-more-settings } > { -outlook-tab-advanced } > '{ -outlook-port-field }'.
tree-node-c_server_name_recoverable-fix-4 = Kies { -outlook-ok } en daarna { -outlook-next }.
tree-node-c_server_name_recoverable-title = In het veld voor de uitgaande server staat meer dan de servernaam: typ { $server-to_type }
tree-node-c_server_not_found-explanation = Het adresboek van internet (DNS) antwoordde, maar kent geen server met de naam { $server }. Meestal is dit een typfout of een oude naam die niet meer bestaat.
tree-node-c_server_not_found-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_server_not_found-fix-2 = Controleer elke letter van '{ -outlook-server-field }': { $server }.
tree-node-c_server_not_found-fix-3 = Weet u de naam niet zeker, zoek hem dan op in de hulppagina's van uw e-mailprovider en voer smtp-doctor opnieuw uit.
tree-node-c_server_not_found-title = De servernaam { $server } bestaat niet
tree-node-c_service_down-explanation = De server { $server } weigerde elke verbinding op de mailpoorten. Uw instellingen kunnen dit niet oplossen: de dienst op de server is gestopt.
tree-node-c_service_down-fix-1 = Wacht een paar minuten en probeer het opnieuw.
tree-node-c_service_down-fix-2 = Mislukt het nog steeds, laat dan uw e-mailprovider weten: 'de SMTP-dienst op { $server } weigert verbindingen op de poorten 587, 465 en 25'.
tree-node-c_service_down-title = De mailserver draait, maar de verzenddienst ervan niet
tree-node-c_session_unfinished-explanation = { $server } begint te antwoorden, maar stopt voordat het antwoord compleet is: hij wordt stil of verbreekt de verbinding. Wat er gebeurde: { $session-fault }. Waarom hij dat doet, is alleen op de server te zien.
tree-node-c_session_unfinished-fix-1 = Probeer het over een paar minuten opnieuw: een server die opnieuw opstart, gedraagt zich zo.
tree-node-c_session_unfinished-fix-2 = Blijft het gebeuren, laat dan uw e-mailprovider weten: 'De mailserver { $server } stopt midden in zijn antwoorden: { $session-fault }'. Stuur hun dit rapport.
tree-node-c_session_unfinished-title = De server valt midden in het gesprek stil
tree-node-c_smtp_auth_disabled-explanation = { $provider } weigerde het aanmelden en zei waarom: { $provider-explain } Uw wachtwoord kan best juist zijn; het opnieuw typen helpt niet.
tree-node-c_smtp_auth_disabled-fix-1 = Alleen { $provider-who_acts } kan dit wijzigen: stuur hun dit rapport.
tree-node-c_smtp_auth_disabled-fix-2 = Vraag hen 'Authenticated SMTP' (SMTP AUTH) toe te staan voor het postvak { $email }, of u te vertellen welke instelling van mailprogramma's ze ondersteunen.
tree-node-c_smtp_auth_disabled-fix-3 = Verzend tot die tijd mail via webmail of via een app die zich aanmeldt met de eigen aanmeldpagina van uw provider.
tree-node-c_smtp_auth_disabled-title = Verzenden vanuit mailprogramma's met een wachtwoord is uitgeschakeld voor uw postvak
tree-node-c_starttls_on_tls_port-explanation = Op poort { $port } verwacht de server vanaf het allereerste moment versleuteling (SSL/TLS), maar uw mailprogramma wacht op een onversleutelde begroeting die nooit komt.
tree-node-c_starttls_on_tls_port-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
tree-node-c_starttls_on_tls_port-fix-2 = Zet '{ -outlook-port-field }' op { $recommended-port } en '{ -outlook-encryption-field }' op { $recommended-security }.
tree-node-c_starttls_on_tls_port-fix-3 = Kies { -outlook-ok } en daarna { -outlook-next }.
tree-node-c_starttls_on_tls_port-title = Het type versleuteling past niet bij poort { $port }
tree-node-c_tls_broken-explanation = { $server } zegt dat hij versleuteling aanbiedt, maar toen deze computer vroeg die aan te zetten, maakte de server het niet af. Wat er gebeurde: { $session-fault }. Uw instellingen kunnen dit niet oplossen: de versleuteling op de server is verkeerd ingericht.
tree-node-c_tls_broken-fix-1 = Zet versleuteling in uw mailprogramma niet uit: uw wachtwoord zou dan onbeschermd over het netwerk gaan.
tree-node-c_tls_broken-fix-2 = Laat uw e-mailprovider weten: 'Versleuteling op { $server } mislukt aan uw kant. { $session-fault }'. Stuur hun dit rapport.
tree-node-c_tls_broken-fix-3 = Voer deze controle opnieuw uit zodra de provider het heeft opgelost.
tree-node-c_tls_broken-title = De server kondigt versleuteling aan, maar het aanzetten mislukt op de server
tree-node-c_tls_failed-explanation = De server en deze computer konden het niet eens worden over versleuteling, en de reden is vanaf hier niet te zien.
tree-node-c_tls_failed-fix-1 = Als een antivirusprogramma op deze computer e-mail scant, zet het scannen van mail dan even uit en probeer het opnieuw.
tree-node-c_tls_failed-fix-2 = Stuur anders dit rapport naar uw e-mailprovider.
tree-node-c_tls_failed-title = De versleutelde verbinding kon niet worden opgezet
tree-node-c_tls_intercepted-explanation = Het certificaat dat uw mailprogramma voor { $server } te zien krijgt, is niet dat van de server: het is gemaakt door { $intercept-product } (uitgever: { $intercept-issuer }), dat versleutelde verbindingen openbreekt om ze te inspecteren. Deze computer vertrouwt dat certificaat niet, dus de verbinding mislukt.
tree-node-c_tls_intercepted-fix-1 = { $intercept-setting }
tree-node-c_tls_intercepted-fix-2 = Start Outlook opnieuw en stuur uzelf een testbericht.
tree-node-c_tls_intercepted-fix-3 = Werkt verzenden nu, laat die instelling dan uit; de server zelf is in orde.
tree-node-c_tls_intercepted-title = { $intercept-product } zit de mailverbinding in de weg
tree-node-c_tls_intercepted_trusted-explanation = Het certificaat dat voor { $server } wordt getoond, komt van { $intercept-product } (uitgever: { $intercept-issuer }), niet van een publieke certificeringsinstantie. Deze computer vertrouwt het, dus de test kwam erdoor, maar programma's die versleutelde verbindingen openbreken om ze te scannen, verstoren vaak het verzenden (Outlook-fout 0x800CCC0E of 0x80042109).
tree-node-c_tls_intercepted_trusted-fix-1 = Alleen als verzenden mislukt: { $intercept-setting }
tree-node-c_tls_intercepted_trusted-fix-2 = Start Outlook opnieuw en stuur uzelf een testbericht.
tree-node-c_tls_intercepted_trusted-title = Uw mailverbinding wordt onderweg mogelijk geopend door { $intercept-product }
tree-node-c_tls_on_starttls_port-explanation = Uw mailprogramma begint meteen met versleuteling (SSL/TLS), maar op poort { $port } zegt de server eerst onversleuteld hallo en schakelt daarna pas over op versleuteling (STARTTLS). De twee begrijpen elkaar nooit.
tree-node-c_tls_on_starttls_port-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
tree-node-c_tls_on_starttls_port-fix-2 = Zet '{ -outlook-encryption-field }' op { $recommended-security } en '{ -outlook-port-field }' op { $recommended-port }.
tree-node-c_tls_on_starttls_port-fix-3 = Kies { -outlook-ok } en daarna { -outlook-next }.
tree-node-c_tls_on_starttls_port-title = Het type versleuteling past niet bij poort { $port }
tree-node-c_tls_outdated-explanation = De server biedt alleen oude versleutelingsmethoden aan die huidige mailprogramma's weigeren.
tree-node-c_tls_outdated-fix-1 = Vraag uw e-mailprovider om TLS 1.2 of nieuwer aan te zetten op { $server }.
tree-node-c_tls_outdated-title = De server gebruikt verouderde versleuteling
tree-node-c_user_name_and_password-explanation = De server weigerde het aanmelden met { $user-given } en ook met { $user-expected }: { $reply }. De gebruikersnaam hoort { $user-expected } te zijn, en het wachtwoord is waarschijnlijk ook verkeerd. { $signin-attempts }.
tree-node-c_user_name_and_password-fix-1 = Meld u met hetzelfde wachtwoord aan bij uw webmail om het te controleren.
tree-node-c_user_name_and_password-fix-2 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }; typ het wachtwoord opnieuw.
tree-node-c_user_name_and_password-fix-3 = Typ bij { -outlook-more-settings } > { -outlook-tab-outgoing-server } { $user-expected } als gebruikersnaam.
tree-node-c_user_name_and_password-fix-4 = Probeer het niet steeds opnieuw: meerdere mislukte pogingen achter elkaar kunnen dit netwerk laten blokkeren.
tree-node-c_user_name_and_password-title = Het wachtwoord wordt niet geaccepteerd, en de gebruikersnaam hoort { $user-expected } te zijn
tree-node-c_user_name_form-explanation = De server weigerde het aanmelden als { $user-given }, en accepteerde hetzelfde wachtwoord met de gebruikersnaam { $user-expected }: hij wil de gebruikersnaam in die vorm. { $signin-attempts }.
tree-node-c_user_name_form-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-outgoing-server }.
tree-node-c_user_name_form-fix-2 = Vink '{ -outlook-smtp-auth }' aan, kies '{ -outlook-log-on-using }' en typ { $user-expected } als gebruikersnaam; laat het wachtwoord staan.
tree-node-c_user_name_form-fix-3 = Kies { -outlook-ok } en daarna { -outlook-next }, en stuur uzelf een testbericht.
tree-node-c_user_name_form-title = Gebruik { $user-expected } als gebruikersnaam
tree-node-c_user_name_form_likely-explanation = De server weigerde het aanmelden als { $user-given }: { $reply }. Uw provider verwacht de gebruikersnaam in de vorm { $user-expected }. { $signin-attempts }.
tree-node-c_user_name_form_likely-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-outgoing-server }.
tree-node-c_user_name_form_likely-fix-2 = Typ { $user-expected } als gebruikersnaam en typ het wachtwoord één keer opnieuw.
tree-node-c_user_name_form_likely-fix-3 = Wordt het nog steeds geweigerd, meld u dan met hetzelfde wachtwoord aan bij uw webmail om het te controleren voordat u het opnieuw probeert: meerdere mislukte pogingen achter elkaar kunnen dit netwerk laten blokkeren.
tree-node-c_user_name_form_likely-title = De gebruikersnaam hoort waarschijnlijk { $user-expected } te zijn
tree-node-c_wrong_port-explanation = De server { $server } neemt geen mail aan op poort { $port }, maar wel op poort { $recommended-port }.
tree-node-c_wrong_port-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
tree-node-c_wrong_port-fix-2 = Zet '{ -outlook-port-field }' op { $recommended-port }.
tree-node-c_wrong_port-fix-3 = Zet '{ -outlook-encryption-field }' op { $recommended-security }.
tree-node-c_wrong_port-fix-4 = Kies { -outlook-ok } en daarna { -outlook-next }.
tree-node-c_wrong_port-title = Niets antwoordt op poort { $port }; gebruik poort { $recommended-port }
tree-node-c_wrong_server-explanation = Uw domein { $domain } zegt dat zijn mail via { $recommended-server } wordt verzonden, maar uw mailprogramma gebruikt { $server }. Dit gebeurt vaak als er nog een oud accountprofiel is.
tree-node-c_wrong_server-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_wrong_server-fix-2 = Zet '{ -outlook-server-field }' op { $recommended-server }.
tree-node-c_wrong_server-fix-3 = Kies { -outlook-more-settings } > { -outlook-tab-advanced }: zet de poort op { $recommended-port } en de versleuteling op { $recommended-security }.
tree-node-c_wrong_server-fix-4 = Hebt u twee accounts voor { $email }, verwijder dan het oude.
tree-node-c_wrong_server-title = { $server } is niet de server die uw domein gebruikt om te verzenden
tree-node-c_wrong_server_provider-explanation = Mail voor { $domain } wordt verzorgd door { $provider }, dat mail van mailprogramma's aanneemt op { $recommended-server }. Uw mailprogramma gebruikt { $server }; dat betekent vaak dat er nog een oud accountprofiel of een vorige provider is ingesteld.
tree-node-c_wrong_server_provider-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
tree-node-c_wrong_server_provider-fix-2 = Zet '{ -outlook-server-field }' op { $recommended-server }.
tree-node-c_wrong_server_provider-fix-3 = Kies { -outlook-more-settings } > { -outlook-tab-advanced }: zet de poort op { $recommended-port } en de versleuteling op { $recommended-security }.
tree-node-c_wrong_server_provider-fix-4 = Bij { -outlook-more-settings } > { -outlook-tab-outgoing-server } is de gebruikersnaam { $recommended-user }.
tree-node-c_wrong_server_provider-fix-5 = Hebt u twee accounts voor { $email }, verwijder dan het oude.
tree-node-c_wrong_server_provider-title = { $server } is niet de verzendserver van { $provider }
tree-node-cert_alt_name-title = Werkt een naam op het certificaat wel?
tree-node-configured_port-title = Antwoordt de poort die u hebt ingesteld?
tree-node-dns_failure-title = Mislukt alleen het opzoeken van de naam (DNS)?
tree-node-domain_records-title = Staat uw domein in voor zijn mailserver (SPF, DMARC)?
tree-node-encryption-title = Staat versleuteling aan waar de server die nodig heeft?
tree-node-end-title = Niets meer te controleren
tree-node-envelope-title = Zou de server een bericht van u aannemen? (er wordt niets verzonden)
tree-node-envelope_also-title = Zou de server een bericht van u aannemen? (er wordt niets verzonden)
tree-node-envelope_fault-title = Hield de server zich aan het mailprotocol tijdens het testbericht?
tree-node-expected_server-title = Is het de server die uw e-maildomein gebruikt?
tree-node-ipv6_path-title = Antwoordt de server via IPv6 net zo goed als via IPv4?
tree-node-network-title = Is deze computer met een netwerk verbonden?
tree-node-pasted_error-title = Wat staat er in de foutmelding?
tree-node-port_block-title = Laat dit netwerk poort { $port } naar buiten?
tree-node-port_mode-title = Past uw versleutelingsinstelling bij de poort?
tree-node-q_hotspot-choice-works-label = Ja, via het andere netwerk werkt het
tree-node-q_hotspot-choice-fails-label = Nee, daar mislukt het ook
tree-node-q_hotspot-choice-not_tried-label = Dat kan ik nu niet proberen
tree-node-q_hotspot-help = Werkt het via een ander netwerk, dan blokkeert de mailserver het adres van dit netwerk. Mislukt het daar ook, dan ligt de server zelf eruit.
tree-node-q_hotspot-text = Verbind deze computer met de hotspot van uw telefoon (of een ander netwerk) en stuur een testbericht. Wordt het van daaruit verzonden?
tree-node-q_hotspot-title = Probeer een ander netwerk
tree-node-q_outlook-choice-classic-label = Outlook (klassiek), of een ander mailprogramma op deze computer
tree-node-q_outlook-choice-new-label = De nieuwe Outlook voor Windows
tree-node-q_outlook-choice-unknown-label = Dat weet ik niet
tree-node-q_outlook-help = De nieuwe Outlook voor Windows (die met de schakelaar '{ -outlook-new-outlook }', of de app die Windows Mail heeft vervangen) verzendt mail via de servers van Microsoft, niet vanaf deze computer.
tree-node-q_outlook-text = Welk mailprogramma toont de foutmelding?
tree-node-q_outlook-title = Welke Outlook
tree-node-q_webmail-choice-yes-label = Ja, webmail werkt hier
tree-node-q_webmail-choice-no-label = Nee, webmail werkt ook niet
tree-node-q_webmail-choice-unknown-label = Dat weet ik niet
tree-node-q_webmail-help = Werkt webmail wel maar verzenden niet, dan blokkeert de mailserver dit netwerk misschien alleen voor mail.
tree-node-q_webmail-text = Werkt webmail (uw mail in een webbrowser) vanaf deze computer?
tree-node-q_webmail-title = Webmail vanaf deze computer
tree-node-reachability-title = Kan deze computer de server bereiken?
tree-node-scope-title = Antwoordt er iets anders op de mailpoorten?
tree-node-server_dns-title = Bestaat de servernaam?
tree-node-server_field-title = Staat er een servernaam in het veld?
tree-node-server_name-title = Is de servernaam een echte hostnaam?
tree-node-tls-title = Is het beveiligingscertificaat van de server in orde?
tree-node-unreachable-title = Waar worden de mailverbindingen tegengehouden?
tree-node-user_name_form-title = Staat de gebruikersnaam in de vorm die de server verwacht?

# Added in the second pass: new accounts (Autodiscover/autoconfig), blocklists, reverse DNS, SPF and DKIM.
# $domain
tree-node-c_autoconfig_missing-explanation = Outlook (Autodiscover) en Thunderbird (autoconfig) vinden allebei geen instellingen voor { $domain }. Ze raden dus de uitgaande server, en kunnen verkeerd raden. De instellingen die werken zijn hier getest.
# $email
tree-node-c_autoconfig_missing-fix-1 = Kies bij het toevoegen van { $email } de handmatige of geavanceerde instelling, in plaats van het programma te laten raden.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autoconfig_missing-fix-2 = Typ: uitgaande server { $recommended-server }, poort { $recommended-port }, versleuteling { $recommended-security }, gebruikersnaam { $recommended-user }, en vink '{ -outlook-smtp-auth }' aan.
# $domain
tree-node-c_autoconfig_missing-fix-3 = Vraag eventueel uw e-mailprovider om Autodiscover- en autoconfig-instellingen voor { $domain } te publiceren, zodat nieuwe accounts zichzelf instellen.
tree-node-c_autoconfig_missing-title = Uw domein publiceert geen instellingen voor nieuwe accounts: het mailprogramma gaat raden
# $email $autoconfig-clients $autoconfig-url $autoconfig-published $autoconfig-wrong $recommended-server $recommended-port $recommended-security
tree-node-c_autoconfig_wrong-explanation = Als u { $email } toevoegt in { $autoconfig-clients }, vult het programma de uitgaande server zelf in uit een instellingenbestand dat uw e-mailprovider publiceert op { $autoconfig-url }. Dat bestand zegt: { $autoconfig-published }. Wat er niet klopt: { $autoconfig-wrong }. Elk nieuw account dat ermee wordt ingesteld, is verkeerd ingesteld, dus verzenden mislukt. De instellingen die werken zijn hier getest: server { $recommended-server }, poort { $recommended-port }, { $recommended-security }.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autoconfig_wrong-fix-1 = Typ voorlopig de instellingen zelf: uitgaande server { $recommended-server }, poort { $recommended-port }, versleuteling { $recommended-security }, gebruikersnaam { $recommended-user }, en vink '{ -outlook-smtp-auth }' aan.
# $autoconfig-url $autoconfig-wrong
tree-node-c_autoconfig_wrong-fix-2 = Zeg tegen uw e-mailprovider: 'Het bestand op { $autoconfig-url } geeft verkeerde instellingen voor de uitgaande server ({ $autoconfig-wrong }). Wilt u het corrigeren?' Stuur hun dit rapport.
# $recommended-server $recommended-port $autoconfig-socket $autoconfig-user_form
tree-node-c_autoconfig_wrong-fix-3 = De juiste waarden voor de provider: server { $recommended-server }, poort { $recommended-port }, versleuteling { $autoconfig-socket } (socketType van Thunderbird; in Autodiscover: SSL on alleen voor poort 465, anders Encryption TLS), gebruikersnaam { $autoconfig-user_form }.
tree-node-c_autoconfig_wrong-fix-4 = Zodra de provider het bestand heeft hersteld: verwijder het account en voeg het opnieuw toe, of voer deze controle opnieuw uit met --new-account.
tree-node-c_autoconfig_wrong-title = De instellingen die uw domein aan nieuwe accounts geeft, werken niet
# Outlook's certificate warning (no vendor term exists for it): https://support.microsoft.com/nl-be/help/2772058 (warning text; Ja/Nee). "Certificaat weergeven": not found on a help page, Microsoft terminology.
# $autodiscover-url $autodiscover-cert_names $autodiscover-host
tree-node-c_autodiscover_cert_mismatch-explanation = Om uw instellingen te vinden, vraagt Outlook het aan { $autodiscover-url }. Het beveiligingscertificaat daar is voor andere namen ({ $autodiscover-cert_names }), niet voor { $autodiscover-host }. Outlook waarschuwt dus: 'De naam van het beveiligingscertificaat is ongeldig of komt niet overeen met de naam van de site'. Meestal antwoordt de webserver van de provider voor veel klanten met een eigen certificaat. Verzenden lukt wel, maar klik zo'n waarschuwing niet blind weg: iedereen tussen u en de server kan hem ook tonen.
# Outlook's certificate warning (no vendor term exists for it): https://support.microsoft.com/nl-be/help/2772058 (warning text; Ja/Nee). "Certificaat weergeven": not found on a help page, Microsoft terminology.
# $autodiscover-cert_names
tree-node-c_autodiscover_cert_mismatch-fix-1 = Toont Outlook de waarschuwing, kies dan eerst Certificaat weergeven. Kies alleen Ja als de namen erin van uw eigen e-mailprovider zijn ({ $autodiscover-cert_names }, zoals hier getoond); kies anders Nee en typ de instellingen zelf.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autodiscover_cert_mismatch-fix-2 = Om ze zelf te typen: uitgaande server { $recommended-server }, poort { $recommended-port }, versleuteling { $recommended-security }, gebruikersnaam { $recommended-user }.
# $autodiscover-host $autodiscover-cert_names
tree-node-c_autodiscover_cert_mismatch-fix-3 = Zeg tegen uw e-mailprovider: 'Het certificaat op { $autodiscover-host } dekt die naam niet (het is voor { $autodiscover-cert_names }), dus Outlook toont een waarschuwing bij het instellen van accounts. Voeg { $autodiscover-host } toe aan het certificaat, of antwoord niet meer op die naam.' Stuur hun dit rapport.
tree-node-c_autodiscover_cert_mismatch-title = Outlook toont een certificaatwaarschuwing bij het instellen van uw account
# $autodiscover-url $autodiscover-host
tree-node-c_autodiscover_cert_untrusted-explanation = Om uw instellingen te vinden, vraagt Outlook { $autodiscover-url }. Het beveiligingscertificaat van { $autodiscover-host } is niet geldig: het is verlopen, door de server zelf gemaakt, of afkomstig van een uitgever die Outlook niet vertrouwt. Outlook toont dan een 'Beveiligingswaarschuwing': er is een probleem met het beveiligingscertificaat van de site, en vraagt of u wilt doorgaan. Het is niet veilig om Ja te kiezen: iedereen tussen u en de server kan dezelfde waarschuwing tonen en uw wachtwoord ontvangen.
tree-node-c_autodiscover_cert_untrusted-fix-1 = Als Outlook deze waarschuwing toont, kies dan Nee. Kies daarna de handmatige instelling en typ de instellingen zelf.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autodiscover_cert_untrusted-fix-2 = Typ: uitgaande server { $recommended-server }, poort { $recommended-port }, versleuteling { $recommended-security }, gebruikersnaam { $recommended-user }, en vink '{ -outlook-smtp-auth }' aan.
# $autodiscover-host
tree-node-c_autodiscover_cert_untrusted-fix-3 = Zeg tegen uw e-mailprovider: 'Het certificaat op { $autodiscover-host } is niet geldig (verlopen, zelfondertekend of van een niet-vertrouwde uitgever), daarom toont Outlook een beveiligingswaarschuwing bij het instellen van accounts. Installeer voor { $autodiscover-host } een geldig certificaat van een openbare certificeringsinstantie, of antwoord niet meer onder die naam.' Stuur hun dit rapport.
tree-node-c_autodiscover_cert_untrusted-title = Outlook toont bij het instellen van uw account een beveiligingswaarschuwing: accepteer die niet
# $blocklist-client-ip $blocklist-client-list $blocklist-client-meaning $reply
tree-node-c_client_listed_dynamic-explanation = Het adres van uw netwerk, { $blocklist-client-ip }, staat op de lijst van thuisaansluitingen van { $blocklist-client-list } ({ $blocklist-client-meaning }). Mailservers nemen van zulke adressen geen directe mail aan. Dat is normaal en geen spamvermelding: vraag niet om verwijdering. Verstuur in plaats daarvan via de verzendserver van uw provider, met aanmelden. Het antwoord van de server: { $reply }
# $email
tree-node-c_client_listed_dynamic-fix-1 = Open in Outlook { -outlook-account-settings }, selecteer { $email } en kies { -outlook-change }.
# $recommended-server
tree-node-c_client_listed_dynamic-fix-2 = Zet '{ -outlook-server-field }' op { $recommended-server }.
tree-node-c_client_listed_dynamic-fix-3 = Kies { -outlook-more-settings } > { -outlook-tab-advanced }: zet '{ -outlook-port-field }' op 587 en '{ -outlook-encryption-field }' op STARTTLS.
tree-node-c_client_listed_dynamic-fix-4 = Vink op het tabblad { -outlook-tab-outgoing-server } '{ -outlook-smtp-auth }' en '{ -outlook-same-as-incoming }' aan.
tree-node-c_client_listed_dynamic-fix-5 = Kies { -outlook-ok } en daarna { -outlook-next }. Weigert de server u nog steeds nadat u zich op poort 587 hebt aangemeld, vraag dan uw e-mailprovider om aangemelde afzenders niet tegen blokkeerlijsten te controleren (die zijn bedoeld voor poort 25).
# $blocklist-client-list
tree-node-c_client_listed_dynamic-title = Het adres van dit netwerk staat op de lijst van thuisaansluitingen van { $blocklist-client-list }
# $blocklist-client-ip $blocklist-client-list $blocklist-client-meaning $blocklist-client-code $reply
tree-node-c_client_listed_lookup-explanation = De server weigerde dit netwerk vanwege een blokkeerlijst, en een controle bevestigt het: het adres van dit netwerk, { $blocklist-client-ip }, staat op { $blocklist-client-list } ({ $blocklist-client-meaning }; antwoord { $blocklist-client-code }). Het antwoord van de server: { $reply }
# $recommended-port $recommended-security
tree-node-c_client_listed_lookup-fix-1 = Verstuur via de verzendpoort van uw provider, met aanmelden ({ $recommended-port }, { $recommended-security }); die hoort niet door blokkeerlijsten gefilterd te worden.
# $blocklist-client-delist $blocklist-client-ip
tree-node-c_client_listed_lookup-fix-2 = Open { $blocklist-client-delist }, zoek { $blocklist-client-ip } op en volg de stappen van de lijst om verwijdering aan te vragen. Hoort het adres bij uw internetprovider, vraag hun dan dit te doen.
tree-node-c_client_listed_lookup-fix-3 = Lijsten worden binnen een dag na een verwijdering bijgewerkt: verstuur dan opnieuw.
# $blocklist-client-list
tree-node-c_client_listed_lookup-title = Het adres van dit netwerk staat op de blokkeerlijst { $blocklist-client-list }
# $provider $dkim-missing
tree-node-c_dkim_key_missing-explanation = { $provider } ondertekent uw berichten met een sleutel (DKIM) die ontvangers opzoeken in de DNS van uw domein, maar die staat er niet: { $dkim-missing }. Zonder die sleutel kunnen ontvangers niet bevestigen dat uw berichten van u komen, en kunnen ze die als spam behandelen.
# $provider
tree-node-c_dkim_key_missing-fix-1 = Open de beheerinstellingen van { $provider } voor uw domein en zoek het onderdeel DKIM (ondertekeningssleutel); daar staat het record dat gepubliceerd moet worden.
# $domain $dkim-missing $provider
tree-node-c_dkim_key_missing-fix-2 = Wie de DNS van { $domain } beheert, moet dat record publiceren onder de getoonde naam ({ $dkim-missing }) en daarna ondertekenen inschakelen in de instellingen van { $provider }.
tree-node-c_dkim_key_missing-fix-3 = Voer daarna deze controle opnieuw uit.
tree-node-c_dkim_key_missing-title = Uw domein publiceert niet de ondertekeningssleutel die uw e-mailprovider gebruikt
# $rdns-problem
tree-node-c_reverse_dns_mismatch-explanation = Verzenden naar de server werkt, maar: { $rdns-problem } Andere mailservers controleren dit, en kunnen de mail die hij doorstuurt weigeren of in de spammap zetten.
tree-node-c_reverse_dns_mismatch-fix-1 = In uw mailprogramma hoeft u niets te wijzigen.
# $rdns-problem $rdns-address $rdns-greeting
tree-node-c_reverse_dns_mismatch-fix-2 = Zeg tegen uw e-mailprovider: { $rdns-problem } Wie het adres { $rdns-address } beheert, moet de reverse DNS (PTR) ervan op { $rdns-greeting } zetten, een naam waarvan het eigen adres { $rdns-address } is.
tree-node-c_reverse_dns_mismatch-title = Het adres van de mailserver leidt niet terug naar zijn naam
# $blocklist-server-ip $blocklist-server-list $blocklist-server-meaning $blocklist-server-code
tree-node-c_server_listed-explanation = Verzenden naar de server werkt, maar zijn adres { $blocklist-server-ip } staat op { $blocklist-server-list } ({ $blocklist-server-meaning }; antwoord { $blocklist-server-code }). Andere mailservers die deze lijst controleren, kunnen de mail die hij doorstuurt weigeren of in de spammap zetten.
tree-node-c_server_listed-fix-1 = In uw mailprogramma hoeft u niets te wijzigen.
# $blocklist-server-ip $blocklist-server-list $blocklist-server-delist
tree-node-c_server_listed-fix-2 = Laat uw e-mailprovider weten dat het adres van hun server, { $blocklist-server-ip }, op { $blocklist-server-list } staat: ze kunnen zien waarom, en verwijdering aanvragen op { $blocklist-server-delist }.
# $blocklist-server-list
tree-node-c_server_listed-title = Het eigen adres van de mailserver staat op de blokkeerlijst { $blocklist-server-list }
# $blocklist-server-ip $blocklist-server-list $blocklist-server-meaning $blocklist-server-code
tree-node-c_server_listed_also-explanation = Naast de instelling die u moet corrigeren: het adres van de server { $blocklist-server-ip } staat op { $blocklist-server-list } ({ $blocklist-server-meaning }; antwoord { $blocklist-server-code }). Andere mailservers die deze lijst controleren, kunnen de mail die hij doorstuurt weigeren of in de spammap zetten.
tree-node-c_server_listed_also-fix-1 = Corrigeer eerst de hierboven beschreven instelling.
# $blocklist-server-ip $blocklist-server-list $blocklist-server-delist
tree-node-c_server_listed_also-fix-2 = Laat uw e-mailprovider weten dat het adres van hun server, { $blocklist-server-ip }, op { $blocklist-server-list } staat: ze kunnen zien waarom, en verwijdering aanvragen op { $blocklist-server-delist }.
# $blocklist-server-list
tree-node-c_server_listed_also-title = Het eigen adres van de mailserver staat op de blokkeerlijst { $blocklist-server-list }
# $spf-problem $spf-record
tree-node-c_spf_invalid-explanation = Ontvangers kunnen het SPF-record van uw domein niet lezen ({ $spf-problem }). Ze behandelen het dus als een fout en kunnen uw berichten als spam behandelen. Het record luidt: { $spf-record }
# $domain $spf-problem
tree-node-c_spf_invalid-fix-1 = Wie de DNS van { $domain } beheert, moet het TXT-record van { $domain } dat met v=spf1 begint corrigeren: { $spf-problem }.
# $spf-suggested
tree-node-c_spf_invalid-fix-2 = Voor een eigen server luidt een record dat werkt: { $spf-suggested }
tree-node-c_spf_invalid-fix-3 = Voer daarna deze controle opnieuw uit.
tree-node-c_spf_invalid-title = Het SPF-record van uw domein is kapot
# $server $spf-server_addresses $spf-record
tree-node-c_spf_not_covering_server-explanation = Het SPF-record van uw domein noemt de server niet die uw mail verstuurt ({ $server }, adres { $spf-server_addresses }). Ontvangers kunnen uw berichten dus als spam behandelen of weigeren. Het record luidt nu: { $spf-record }
# $domain $spf-suggested
tree-node-c_spf_not_covering_server-fix-1 = Wie de DNS van { $domain } beheert (uw domeinregistrar of webhost), moet het TXT-record van { $domain } dat met v=spf1 begint wijzigen in: { $spf-suggested }
tree-node-c_spf_not_covering_server-fix-2 = Geeft uw e-mailprovider een SPF-include voor zijn servers (bijvoorbeeld include:_spf.google.com of include:spf.protection.outlook.com), dan kan die in plaats van de adressen worden toegevoegd.
tree-node-c_spf_not_covering_server-fix-3 = Het duurt tot een paar uur voordat wijzigingen overal zijn doorgekomen; voer daarna deze controle opnieuw uit.
tree-node-c_spf_not_covering_server-title = Het SPF-record van uw domein noemt de server niet die uw mail verstuurt
# $spf-lookups $spf-record
tree-node-c_spf_too_many_lookups-explanation = Het SPF-record van uw domein heeft { $spf-lookups } DNS-opzoekingen nodig als alle include-termen worden gevolgd. Ontvangers stoppen bij 10 en behandelen het record dan als kapot, dus uw berichten kunnen in de spam belanden. Het record luidt: { $spf-record }
# $domain
tree-node-c_spf_too_many_lookups-fix-1 = Wie de DNS van { $domain } beheert, moet het TXT-record van { $domain } dat met v=spf1 begint inkorten tot hoogstens 10 opzoekingen: verwijder include-termen van diensten die geen mail meer voor u versturen, en zet vaste servers erin als ip4:- of ip6:-adressen in plaats van a, mx of include.
tree-node-c_spf_too_many_lookups-fix-2 = Voer daarna deze controle opnieuw uit.
tree-node-c_spf_too_many_lookups-title = Het SPF-record van uw domein is te lang voor ontvangers om te controleren
tree-node-client_blocklist-title = Op welke blokkeerlijst staat het adres van dit netwerk?
tree-node-domain_dkim-title = Publiceert uw domein de ondertekeningssleutels (DKIM) die uw e-mailprovider gebruikt?
tree-node-domain_spf-title = Noemt het SPF-record van uw domein de server die uw mail verstuurt?
tree-node-new_account_cert-title = Zou Outlook bij het instellen van het account voor een certificaat waarschuwen?
tree-node-new_account_settings-title = Zouden Outlook en Thunderbird het account instellen met instellingen die werken?
tree-node-server_blocklist-title = Staat het eigen adres van de mailserver op een blokkeerlijst?
tree-node-server_blocklist_also-title = Staat het eigen adres van de mailserver op een blokkeerlijst?
tree-node-server_reverse_dns-title = Leidt het adres van de mailserver terug naar zijn naam?
