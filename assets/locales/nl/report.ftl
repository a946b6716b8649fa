## De woorden van de tekst- en Markdown-rapporten (assets/report.toml) in het Nederlands.

report-confidence-confirmed = Zeker
report-confidence-likely = Waarschijnlijk
report-confidence-possible = Mogelijk
report-markdown-also = Ook
report-markdown-cause = Oorzaak
report-markdown-check = Controle
report-markdown-checks = Controles
# $message
report-markdown-error = Foutmelding: { $message }
report-markdown-field = Veld
# $email
report-markdown-heading = smtp-doctor-rapport voor { $email }
# $time $version
report-markdown-made = Gemaakt: { $time } (smtp-doctor { $version })
report-markdown-none = (geen)
report-markdown-password_given = opgegeven (niet getoond)
report-markdown-password_not_given = niet opgegeven
# $ip
report-markdown-public_ip = Openbaar IP-adres van dit netwerk: { $ip }
report-markdown-result = Resultaat
report-markdown-setting_port = Poort
report-markdown-setting_security = Versleuteling
report-markdown-setting_server = Server voor uitgaande e-mail (SMTP)
report-markdown-setting_user = Gebruikersnaam
report-markdown-settings = Instellingen die werken
# $server $port $security $user $password
report-markdown-tested = Geteste instellingen: server { $server }, poort { $port }, versleuteling { $security }, gebruiker { $user }, wachtwoord { $password }
report-markdown-transcript = SMTP-transcript (wachtwoord verwijderd)
report-markdown-value = Waarde
# $verdict
report-markdown-verdict = Uitslag: **{ $verdict }**
# The labels are the programs' own (vendor.ftl).
report-other_programs-line = In Thunderbird: { -thunderbird-outgoing-server }. In Apple Mail: { -apple-mail-server-settings }.
# $name
report-phrases-cert_handshake_failed = { $name } leidt naar dezelfde server, maar zijn certificaat wordt ook niet geaccepteerd
report-phrases-cert_no_other = het certificaat noemt geen andere server
# $name
report-phrases-cert_not_a_name = { $name } is geen naam die u kunt typen
# $name
report-phrases-cert_not_found = { $name } bestaat niet in de DNS
# $name
report-phrases-cert_not_tried = { $name } is niet geprobeerd
# $name
report-phrases-cert_other_server = { $name } leidt naar een andere server
# $name
report-phrases-cert_works = { $name } werkt
# $count $cap
report-phrases-sign_in_attempts = smtp-doctor heeft in totaal { $count } geprobeerd zich aan te melden (nooit vaker dan { $cap } keer, zodat de firewall van de server u niet blokkeert)
report-phrases-sign_in_once = één keer
# $n
report-phrases-sign_in_times = { $n } keer
report-status-failed = mislukt
report-status-passed = geslaagd
report-status-skipped = overgeslagen
report-status-warning = waarschuwing
report-text-also = Ook gevonden:
# $code $confidence
report-text-cause_code = Oorzaakcode: { $code } ({ $confidence })
report-text-checks = Controles:
report-text-do_this = Doe dit:
# $message
report-text-error = Foutmelding: { $message }
# $version $email
report-text-heading = smtp-doctor { $version } - controle van uitgaande mail voor { $email }
# $verdict
report-text-no_conclusion = { $verdict }: de controles kwamen niet tot een conclusie.
report-text-no_password = geen wachtwoord opgegeven
report-text-ok = ✓ OK
report-text-password_given = wachtwoord opgegeven
report-text-problem = ✗ PROBLEEM
# $ip
report-text-public_ip = Openbaar adres van dit netwerk: { $ip }
report-text-setting_port = Poort:
report-text-setting_security = Versleuteling:
report-text-setting_server = Server voor uitgaande e-mail (SMTP):
report-text-setting_user = Gebruikersnaam:
report-text-settings = Instellingen die werken:
# $list
report-text-tested = Geteste instellingen: { $list }
# $port
report-text-tested_port = poort { $port }
# $security
report-text-tested_security = versleuteling { $security }
# $server
report-text-tested_server = server { $server }
report-text-unsure = ? NIET ZEKER
report-verdict-inconclusive = Onbeslist
report-verdict-ok = OK
report-verdict-problem = Probleem
report-words-security-none = Geen
report-words-security-ssl-tls = SSL/TLS
report-words-security-starttls = STARTTLS
report-words-unknown = (onbekend)
report-words-who_acts-administrator = de e-mailbeheerder van uw organisatie
report-words-who_acts-host = uw hostingbedrijf
report-words-who_acts-person = u, in de beveiligingsinstellingen van uw account bij de provider
