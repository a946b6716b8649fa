## Les mots des rapports texte et Markdown (assets/report.toml) en français.

report-confidence-confirmed = Confirmé
report-confidence-likely = Probable
report-confidence-possible = Possible
report-markdown-also = Également
report-markdown-cause = Cause
report-markdown-check = Vérification
report-markdown-checks = Vérifications
# $message
report-markdown-error = Message d'erreur : { $message }
report-markdown-field = Champ
# $email
report-markdown-heading = Rapport smtp-doctor pour { $email }
# $time $version
report-markdown-made = Établi le : { $time } (smtp-doctor { $version })
report-markdown-none = (aucun)
report-markdown-password_given = fourni (non affiché)
report-markdown-password_not_given = non fourni
# $ip
report-markdown-public_ip = IP publique de ce réseau : { $ip }
report-markdown-result = Résultat
report-markdown-setting_port = Port
report-markdown-setting_security = Chiffrement
report-markdown-setting_server = Serveur sortant (SMTP)
report-markdown-setting_user = Nom d'utilisateur
report-markdown-settings = Réglages qui fonctionnent
# $server $port $security $user $password
report-markdown-tested = Réglages testés : serveur { $server }, port { $port }, chiffrement { $security }, utilisateur { $user }, mot de passe { $password }
report-markdown-transcript = Transcription SMTP (mot de passe masqué)
report-markdown-value = Valeur
# $verdict
report-markdown-verdict = Verdict : **{ $verdict }**
report-other_programs-line = Dans Thunderbird : { -thunderbird-outgoing-server }. Dans Apple Mail : { -apple-mail-server-settings }.
# $name
report-phrases-cert_handshake_failed = { $name } mène au même serveur, mais son certificat n'est pas accepté non plus
report-phrases-cert_no_other = le certificat ne nomme aucun autre serveur
# $name
report-phrases-cert_not_a_name = { $name } n'est pas un nom que l'on peut taper
# $name
report-phrases-cert_not_found = { $name } n'existe pas dans le DNS
# $name
report-phrases-cert_not_tried = { $name } n'a pas été essayé
# $name
report-phrases-cert_other_server = { $name } mène à un autre serveur
# $name
report-phrases-cert_works = { $name } fonctionne
# $count $cap
report-phrases-sign_in_attempts = smtp-doctor a tenté de se connecter { $count } en tout (jamais plus de { $cap } fois, pour que le pare-feu du serveur ne vous bloque pas)
report-phrases-sign_in_once = une fois
# $n
report-phrases-sign_in_times = { $n } fois
report-status-failed = échec
report-status-passed = réussi
report-status-skipped = ignoré
report-status-warning = avertissement
report-text-also = Également trouvé :
# $code $confidence
report-text-cause_code = Code de la cause : { $code } ({ $confidence })
report-text-checks = Vérifications :
report-text-do_this = À faire :
# $message
report-text-error = Message d'erreur : { $message }
# $version $email
report-text-heading = smtp-doctor { $version } - vérification de l'envoi pour { $email }
# $verdict
report-text-no_conclusion = { $verdict } : les vérifications n'ont pas permis de conclure.
report-text-no_password = aucun mot de passe fourni
report-text-ok = ✓ OK
report-text-password_given = mot de passe fourni
report-text-problem = ✗ PROBLÈME
# $ip
report-text-public_ip = Adresse publique de ce réseau : { $ip }
report-text-setting_port = Port :
report-text-setting_security = Chiffrement :
report-text-setting_server = Serveur sortant (SMTP) :
report-text-setting_user = Nom d'utilisateur :
report-text-settings = Réglages qui fonctionnent :
# $list
report-text-tested = Réglages testés : { $list }
# $port
report-text-tested_port = port { $port }
# $security
report-text-tested_security = chiffrement { $security }
# $server
report-text-tested_server = serveur { $server }
report-text-unsure = ? INCERTAIN
report-verdict-inconclusive = Sans conclusion
report-verdict-ok = OK
report-verdict-problem = Problème
report-words-security-none = Aucun
report-words-security-ssl-tls = SSL/TLS
report-words-security-starttls = STARTTLS
report-words-unknown = (inconnu)
report-words-who_acts-administrator = l'administrateur de messagerie de votre organisation
report-words-who_acts-host = votre hébergeur
report-words-who_acts-person = vous-même, dans les paramètres de sécurité de votre compte chez le fournisseur
