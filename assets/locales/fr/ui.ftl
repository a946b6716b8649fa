## Traduction française de assets/locales/en/ui.ftl (écrans, touches et aide de l'assistant).
## Les libellés des logiciels de messagerie sont les termes de vendor.ftl.

ui-account-auth = { -outlook-smtp-auth }
ui-account-auto = { -outlook-encryption-auto }
ui-account-back = Retour
ui-account-bad_email = Tapez votre adresse e-mail complète, par exemple nom@example.com.
ui-account-bad_port = Le port est un nombre de 1 à 65535, par exemple 587.
ui-account-check = Vérifier mes réglages
ui-account-email = Adresse e-mail
ui-account-empty_port = vide : nous essayons 587, 465 et 25
ui-account-empty_server = vide : nous le cherchons
ui-account-empty_user = vide : votre adresse e-mail
ui-account-encryption = Connexion chiffrée
ui-account-intro = Tapez les réglages tels que votre messagerie les affiche. Dans Outlook : { -outlook-account-settings } › { -outlook-change } › { -outlook-more-settings } › { -outlook-tab-outgoing-server } et { -outlook-tab-advanced }.
ui-account-not_used = non utilisé
ui-account-password = Mot de passe
ui-account-password_why = Avec votre mot de passe, nous testons aussi la connexion, le problème le plus courant. Il ne sert qu'à ce test, n'est jamais enregistré ni affiché.
ui-account-port = Port (SMTP)
ui-account-server = Serveur sortant
ui-account-signin_app_password = ! { $provider } n'accepte ici qu'un mot de passe d'application (créé dans les paramètres de sécurité du compte), pas votre mot de passe habituel.
ui-account-signin_app_password_or_oauth = ! { $provider } n'accepte pas ici votre mot de passe habituel : tapez un mot de passe d'application, créé dans les paramètres de sécurité du compte.
ui-account-signin_oauth = ! { $provider } n'accepte aucun mot de passe des logiciels de messagerie : ajoutez plutôt le compte dans Outlook via la page de connexion de { $provider }.
ui-account-title = Votre compte
ui-account-user = Nom d'utilisateur
ui-app-agent_badge = vue support
ui-app-step_of = Étape { $n } sur 3 : { $step }
ui-checks-count_not_needed = { $n } inutiles
ui-checks-count_passed = { $n ->
    [one] { $n } réussie
   *[other] { $n } réussies
}
ui-checks-count_skipped = { $n ->
    [one] { $n } sautée
   *[other] { $n } sautées
}
ui-checks-count_warned = { $n } avec avertissement
ui-checks-labels-dns-domain-dmarc = Politique DMARC de votre domaine
ui-checks-labels-dns-domain-mx = Serveurs MX de votre domaine
ui-checks-labels-dns-domain-srv = Serveur publié par votre domaine
ui-checks-labels-dns-domain-txt = Politique d'expéditeur du domaine (SPF)
ui-checks-labels-dns-server-a = Trouver le serveur par son nom
ui-checks-labels-input-server_name = Le nom du serveur est bien écrit
ui-checks-labels-other = { $id }
ui-checks-labels-smtp = Dialogue avec le serveur sur le port { $port }
ui-checks-labels-tcp = Connexion au serveur sur le port { $port }
ui-checks-no_run = Aucune vérification lancée.
ui-checks-not_needed_why = inutile pour ce résultat
ui-checks-not_run = non lancée
ui-checks-not_run_why = une étape précédente a échoué
ui-checks-now = en cours
ui-checks-question_title = Une question
ui-checks-running = { $elapsed } sur { $budget }
ui-checks-running_steps = { $elapsed }, { $budget } par étape
ui-checks-step_count = { $n ->
    [one] { $n } vérification réussie
   *[other] { $n } vérifications réussies
}
ui-checks-step_failed = problème trouvé
ui-checks-step_not_needed = inutile
ui-checks-step_passed = tout est bon
ui-checks-step_running = en cours
ui-checks-step_waiting = en attente
ui-checks-still_running = Certaines vérifications se terminent ; le résultat peut encore changer.
ui-checks-title = Vérification de { $email }
ui-checks-waiting = en attente
ui-error-back = Retour
ui-error-box_title = Message d'erreur
ui-error-continue = Continuer
ui-error-detail_account = compte { $account }
ui-error-detail_code = erreur { $code }
ui-error-intro = Collez le message entier (clic droit, ou Ctrl+Maj+V), ou tapez seulement son code, par exemple 0x800CCC0E.
ui-error-nothing = Rien de reconnu pour l'instant. Ce n'est pas grave : les vérifications trouvent la cause.
ui-error-placeholder = La tâche 'vous@example.com - Envoi' a signalé l'erreur (0x800CCC0E) ...
ui-error-read_title = Ce qui a été lu
ui-error-reply = Le serveur a répondu : « { $reply } ».
ui-error-sentence = { $meaning } ({ $details }).
ui-error-sentence_plain = { $meaning }.
ui-error-title = Que dit le message d'erreur ?
ui-error-unknown_code = Nous ne connaissons pas encore le code { $code } ; les vérifications trouveront la cause
ui-failure-change = Modifier les réglages
ui-failure-dns_hint = Le serveur de noms (--dns-server) est inutilisable. Vous pouvez continuer avec celui de cet ordinateur.
ui-failure-kiosk_hint = Les réglages de ce kiosque l'imposent : seule la personne qui l'a installé peut les modifier. Montrez-lui ce message.
ui-failure-intro = smtp-doctor n'a pas pu préparer les vérifications :
ui-failure-other_hint = Vérifiez les réglages et réessayez.
ui-failure-quit = Quitter
ui-failure-retry = Réessayer
ui-failure-title = Les vérifications n'ont pas démarré
ui-failure-tree_hint = Un fichier d'arbre de décision (--tree ou --tree-extra) a un problème, indiqué ci-dessus avec sa ligne et sa colonne. Vous pouvez continuer avec les vérifications intégrées.
ui-failure-trust_hint = Le fichier de certificats supplémentaires (--ca-file) est inutilisable. Vous pouvez continuer avec les certificats déjà reconnus par cet ordinateur.
ui-failure-use_builtin = Vérifications intégrées
ui-failure-use_system = Réglages de l'ordinateur
ui-help-text =
    smtp-doctor trouve pourquoi votre messagerie ne peut pas envoyer, et vous dit quoi changer.
    
    Se déplacer
    {"  "}↑ ↓ ou Tab, Maj-Tab     passer d'un choix ou d'un champ à l'autre
    {"  "}Entrée                  choisir, ou passer au champ suivant
    {"  "}Espace, ← →             changer un choix (chiffrement, case d'authentification)
    {"  "}Échap                   revenir d'un écran (pendant les vérifications : les arrête)
    {"  "}Pg↑, Pg↓, Origine, Fin  faire défiler un long texte (résultats, vue technique, aide)
    {"  "}Souris                  cliquer un choix ou un bouton ; la molette fait défiler
    
    Partout
    {"  "}? ou F1                 cette aide
    {"  "}t ou F2                 vue technique : chaque vérification, sa durée et le dialogue SMTP
    {"  "}s ou Ctrl-S             enregistrer le rapport, ou l'afficher en texte pour le support
    {"  "}q ou Ctrl-Q ou F10      quitter (demande confirmation pendant les vérifications)
    {"  "}Ctrl-C                  quitter immédiatement
    
    Sur le serveur de messagerie (« Je suis sur le serveur de messagerie »)
    {"  "}Tapez l'adresse IP du client ou le chemin de son rapport enregistré ; les résultats montrent ce qui bloque l'adresse, les lignes de journal, les services et ce qui a été lu. « Lever le blocage » liste les commandes et demande avant de les lancer ; rien d'autre ne modifie le serveur.
    
    Dans un champ de texte, les lettres sont saisies : t, s, q et ? vont dans le champ. Utilisez-y plutôt F1, F2, Ctrl-S et Ctrl-Q. La barre du bas montre toujours les touches utiles sur cet écran.
    
    Le mot de passe est facultatif. Avec lui, la vérification teste aussi la connexion. Il n'est jamais enregistré ni affiché, et n'apparaît jamais dans le rapport ni dans la vue technique.
    
    Les vérifications démarrent dès que vos réglages sont connus. Rien n'est envoyé : le test s'arrête avant qu'un message ne parte.
    
    Pour copier du texte : sur l'écran « Afficher le texte à copier », la souris sélectionne le texte comme d'habitude. Lancez avec --high-contrast pour un affichage à fort contraste ; NO_COLOR désactive les couleurs.{"\u000A"}
ui-help-title = Aide
ui-keys-back-key = Échap
ui-keys-back-label = retour
ui-keys-cancel-key = n
ui-keys-cancel-label = annuler
ui-keys-choose-key = Entrée
ui-keys-choose-label = choisir
ui-keys-close-key = Échap
ui-keys-close-label = fermer
ui-keys-help-key = ?
ui-keys-help-label = aide
ui-keys-help_f-key = F1
ui-keys-help_f-label = aide
ui-keys-move-key = ↑↓
ui-keys-move-label = aller
ui-keys-next_field-key = Entrée
ui-keys-next_field-label = suivant
ui-keys-next_field-short = suivant
ui-keys-no-key = n
ui-keys-no-label = continuer
ui-keys-no-short = rester
ui-keys-pick-key = 1-6
ui-keys-pick-label = choix
ui-keys-proceed-key = Entrée
ui-keys-proceed-label = continuer
ui-keys-quit-key = q
ui-keys-quit-label = quitter
ui-keys-quit_ctrl-key = Ctrl-Q
ui-keys-quit_ctrl-label = quitter
ui-keys-run-key = y
ui-keys-run-label = exécuter
ui-keys-save-key = s
ui-keys-save-label = rapport
ui-keys-save_ctrl-key = Ctrl-S
ui-keys-save_ctrl-label = rapport
ui-keys-save_file-key = Entrée
ui-keys-save_file-label = enregistrer
ui-keys-look_up-key = Entrée
ui-keys-look_up-label = rechercher
ui-keys-scroll-key = ↑↓
ui-keys-scroll-label = défiler
ui-keys-tab-key = Tab
ui-keys-tab-label = suivant
ui-keys-technical-key = t
ui-keys-technical-label = technique
ui-keys-technical-short = tech
ui-keys-technical_f-key = F2
ui-keys-technical_f-label = technique
ui-keys-technical_f-short = tech
ui-keys-toggle-key = Espace
ui-keys-toggle-label = changer
ui-keys-yes-key = y
ui-keys-yes-label = quitter
ui-keys-yes-short = quitter
ui-kiosk-no_quit_text = Cet ordinateur garde smtp-doctor ouvert pour tous : il ne peut pas être fermé ici. Appuyez sur Échap pour revenir.
ui-kiosk-no_quit_title = smtp-doctor reste ouvert
ui-kiosk-offline_intro = smtp-doctor a besoin d'une connexion pour tester vos réglages, et cet ordinateur n'en a pas pour le moment. Vérifiez :
ui-kiosk-offline_retry = smtp-doctor réessaie toutes les quelques secondes et reprend seul dès que la connexion revient.
ui-kiosk-offline_steps-1 = Le câble réseau est-il bien branché aux deux bouts (l'ordinateur et la prise murale ou la box) ?
ui-kiosk-offline_steps-2 = Ou, en Wi-Fi : le Wi-Fi est-il activé et connecté au réseau du bureau ?
ui-kiosk-offline_steps-3 = Si les autres ordinateurs ici n'ont pas Internet non plus, prévenez l'accueil ou votre contact informatique.
ui-kiosk-offline_title = Cet ordinateur n'est pas connecté à Internet
ui-kiosk-pick-key = 1-5
ui-kiosk-pick-label = choix
ui-kiosk-pin_back-key = Échap
ui-kiosk-pin_back-label = retour
ui-kiosk-pin_enter-key = Entrée
ui-kiosk-pin_enter-label = fermer smtp-doctor
ui-kiosk-pin_enter-short = fermer
ui-kiosk-pin_label = PIN :
ui-kiosk-pin_text = Cet ordinateur garde smtp-doctor ouvert pour tous. Pour le fermer, tapez le PIN administrateur et appuyez sur Entrée.
ui-kiosk-pin_title = Fermer smtp-doctor
ui-kiosk-pin_wait = Trop de PIN erronés. Réessayez dans { $seconds } secondes.
ui-kiosk-pin_wrong = Ce PIN n'est pas le bon.
ui-kiosk-report_folder = Le rapport est enregistré sur cet ordinateur, dans le dossier des rapports :
ui-kiosk-report_name = smtp-doctor choisit le nom du fichier ; demandez une copie à l'accueil.
ui-quit-no = Continuer
ui-quit-text = Des vérifications sont en cours. Quitter quand même ?
ui-quit-title = Quitter ?
ui-quit-yes = Quitter
ui-report-back = Retour
ui-report-copy_title = Sélectionnez le texte à la souris et copiez-le. Échap pour revenir.
ui-report-empty_path = Tapez d'abord un nom de fichier.
ui-report-failed = Impossible d'enregistrer dans { $path } : { $error }
ui-report-intro = Le rapport dit ce qui a été vérifié et trouvé. Il ne contient jamais votre mot de passe.
ui-report-not_ready = Le rapport est prêt dès que les vérifications ont démarré.
ui-report-save = Enregistrer
ui-report-save_label = Enregistrer en Markdown dans :
ui-report-saved = Enregistré dans { $path }
ui-report-saving = Enregistrement dans { $path } …
ui-report-show_text = Afficher le texte à copier dans un ticket
ui-report-title = Enregistrer ou partager le rapport
ui-result-change = Modifier les réglages
ui-result-code = Code de la cause : { $code }
ui-result-confidence-confirmed = certain
ui-result-confidence-likely = probable
ui-result-confidence-possible = possible
ui-result-do_this = À faire
ui-result-finishing = Certaines vérifications se terminent ; ceci peut encore changer.
ui-result-next = Si cela ne suffit pas
ui-result-next_none = Enregistrez le rapport (bouton Rapport ci-dessous) et envoyez-le au gestionnaire de votre messagerie : il contient tout ce qu'il lui faut.
ui-result-no_cause = Les vérifications n'ont pas pu conclure.
ui-result-nothing_to_do = Rien à changer : ces réglages fonctionnent.
ui-result-ok = L'envoi fonctionne
ui-result-problem = Problème trouvé
ui-result-quit = Quitter
ui-result-save = Rapport
ui-result-setting_auth = { -outlook-smtp-auth }
ui-result-setting_auth_value = coché
ui-result-setting_port = Port du serveur sortant (SMTP)
ui-result-setting_security = Connexion chiffrée
ui-result-setting_server = { -outlook-server-field }
ui-result-setting_user = Nom d'utilisateur
ui-result-settings = Réglages qui fonctionnent
ui-result-technical = Détails techniques
ui-result-unsure = Incertain
ui-server-account = Son identifiant (facultatif)
ui-server-account_placeholder = alice@example.com
ui-server-again = Relire
ui-server-applied = Commandes de déblocage lancées
ui-server-applying = Lancement des commandes de déblocage, puis nouvelle lecture …
ui-server-audit = Chercher les clients bloqués
ui-server-audit_again = Vérifier à nouveau
ui-server-audit_applying = Lancement des commandes pour les clients, puis relecture des listes de blocage …
ui-server-audit_confirm_text = Ces commandes vont s'exécuter sur ce serveur, pour les adresses des clients uniquement :
ui-server-audit_confirm_title = Débloquer et autoriser les clients ?
ui-server-audit_lift = Débloquer et autoriser les clients
ui-server-audit_more = … et { $n } de plus (smtp-doctor server --audit --json les liste tous)
ui-server-audit_none = Rien sur ce serveur ne bloque une adresse.
ui-server-audit_title = Clients bloqués
ui-server-auditing = Lecture de tous les blocages du serveur et d'une semaine de journaux …
ui-server-back = Retour
ui-server-blocks = Blocages, dans l'ordre où un paquet les rencontre
ui-server-confirm_no = Annuler
ui-server-confirm_text = Ces commandes vont s'exécuter sur ce serveur maintenant :
ui-server-confirm_title = Lever le blocage ?
ui-server-confirm_yes = Exécuter
ui-server-declined = Non exécuté. Rien n'a été modifié.
ui-server-do_this = À faire
ui-server-empty = Tapez l'adresse IP du client, ou le chemin de son rapport.
ui-server-evidence = Preuves : { $ids }
ui-server-from_report = D'après le rapport du client { $file }, fait le { $time }.
ui-server-gone = Relu : le blocage a disparu.
ui-server-intro = Tapez ou collez l'adresse IP publique du client, ou le chemin du rapport qu'il a enregistré avec smtp-doctor. Ceci lit le pare-feu, les listes de bannissement, les journaux et le service de messagerie ; rien n'est modifié sauf si vous choisissez de lever un blocage.
ui-server-lift = Lever le blocage
ui-server-log = Lignes de journal, dans l'ordre
ui-server-look = Chercher
ui-server-no_blocks = Aucune règle ni entrée ne correspond à { $ip }.
ui-server-no_log = Aucune ligne de journal sur { $ip } dans la période.
ui-server-ok = Non bloqué
ui-server-problem = Problème trouvé
ui-server-quit = Quitter
ui-server-reading = Lecture du pare-feu, des listes de bannissement, des journaux et du service de messagerie pour { $target } …
ui-server-readonly = Rien n'a été modifié sur ce serveur.
ui-server-report = Rapport
ui-server-services = Services
ui-server-sources = Sources
ui-server-still = Relu : l'adresse est toujours bloquée.
ui-server-target = IP du client, ou son rapport enregistré
ui-server-target_placeholder = 198.51.100.7, ou /home/support/smtp-doctor-report.md
ui-server-title = Trouver ce qui bloque un client
ui-server-unsure = Incertain
ui-server-window = Journaux lus du { $since } au { $until } ({ $length }).
ui-start-choices-error-hint = collez-le, ou tapez son code
ui-start-choices-error-label = Je vois un message d'erreur
ui-start-choices-outbox-label = Mon courrier reste en Boîte d'envoi
ui-start-choices-password-label = Le mot de passe est sans cesse redemandé
ui-start-choices-new_account-label = Je configure un nouveau compte
ui-start-choices-agent-hint = ouvre la vue technique
ui-start-choices-agent-label = Je suis agent de support
ui-start-choices-server-hint = support : client bloqué
ui-start-choices-server-label = Je suis sur le serveur de messagerie
ui-start-intro = Choisissez ce que vous voyez. Nous vérifions vos réglages, votre réseau et le serveur, puis vous disons quoi changer.
ui-start-title = Pourquoi vos messages ne partent-ils pas ?
ui-steps-network = Votre réseau
ui-steps-server = Le serveur
ui-steps-settings = Vos réglages
ui-technical-causes = Causes
ui-technical-checks = Vérifications
ui-technical-input = Saisie
ui-technical-no_password = sans mot de passe
ui-technical-no_transcript = Pas encore de dialogue SMTP.
ui-technical-none = aucun
ui-technical-password_given = mot de passe fourni (masqué)
ui-technical-path = Chemin de décision
ui-technical-pending = en cours
ui-technical-title = Vue technique
ui-technical-transcript = Dialogue SMTP (mots de passe masqués)
ui-tell_host-by_cause-reputation-client_ip_listed = si { $ip } figure sur une liste de blocage que le serveur applique aux connexions d'envoi authentifié (submission) sur le port { $port }.
ui-tell_host-by_cause-server-cert_chain_incomplete = le certificat de { $server } : il est envoyé sans son certificat intermédiaire. Il faut installer le fichier de chaîne complète.
ui-tell_host-by_cause-server-cert_expired = le certificat de { $server } : lors de notre test à { $time }, il avait expiré. Il faut le renouveler.
ui-tell_host-by_cause-server-cert_name_mismatch = le certificat de { $server } : il ne mentionne pas { $server }. Il faut un certificat pour ce nom, ou vous indiquer le nom à utiliser.
ui-tell_host-by_cause-server-cert_untrusted = le certificat de { $server } : il n'est pas émis par une autorité reconnue.
ui-tell_host-by_cause-server-client_ip_blocked = un blocage de { $ip } dans le pare-feu ou la protection contre les attaques par force brute (par exemple CSF/LFD, cPHulk ou Fail2Ban), souvent après plusieurs connexions échouées. Merci de le lever.
ui-tell_host-by_cause-server-host_unreachable = si le serveur { $server } fonctionne et est joignable depuis Internet ; depuis { $ip } à { $time }, il n'a pas répondu du tout.
ui-tell_host-by_cause-server-no_tls = le chiffrement (STARTTLS ou SSL/TLS) de { $server } port { $port } : le serveur n'en proposait aucun à { $time }.
ui-tell_host-by_cause-server-overloaded = pourquoi { $server } a refusé des connexions pour surcharge vers { $time } (limites de connexions, charge, limites de débit pour { $ip }).
ui-tell_host-by_cause-server-service_down = si le service de messagerie de { $server } port { $port } fonctionne ; à { $time }, le serveur refusait les connexions.
ui-tell_host-by_cause-server-tls_outdated = les réglages de chiffrement de { $server } : il ne propose que d'anciennes versions de TLS que les logiciels de messagerie actuels refusent.
ui-tell_host-by_cause-unknown-needs_server_side = le journal de leur serveur de messagerie pour les connexions de { $ip } vers { $server } port { $port } vers { $time }, et ce qu'il en dit.
ui-tell_host-default = les connexions de { $ip } vers { $server } port { $port } vers { $time } qui ont été refusées, coupées ou rejetées, et pourquoi.
ui-tell_host-intro = Il faut une modification chez votre hébergeur. Envoyez-lui ceci :
ui-tell_host-ip = Adresse IP publique de ce réseau : { $ip }
ui-tell_host-ip_not_found = L'adresse IP publique de ce réseau est introuvable d'ici. Cherchez-la dans vos journaux à l'heure du test :
ui-tell_host-look_for = Merci de vérifier :
ui-tell_host-time = Heure du test : { $time }
ui-tell_host-title = Prévenez votre hébergeur
ui-tell_host-unknown_ip = l'adresse de ce réseau

# The start screen's language switch (added with the switch itself).
ui-keys-language-label = langue
ui-start-language = Langue : { $name } (appuyez sur { $key } pour changer)

# Added with blocklists, the server's reverse DNS, the settings file and the new-account path.
ui-checks-labels-dns-server-ptr = L'adresse du serveur renvoie à son nom
ui-checks-labels-dnsbl-client = Adresse de votre réseau sur les listes anti-spam
ui-checks-labels-dnsbl-server = Adresse du serveur sur les listes anti-spam
ui-keys-export-key = e
ui-keys-export-label = fichier Thunderbird
ui-keys-export-short = fichier
ui-keys-language-key = l
ui-new_account-asking = Interroge l'endroit où il demande les réglages ...
ui-new_account-back = Retour
# $host $names
ui-new_account-cert_warning = S'arrête sur un avertissement de certificat : le certificat de { $host } est pour { $names }. Le résultat dit s'il faut l'accepter.
ui-new_account-continue = Continuer
ui-new_account-email_label = Adresse e-mail
ui-new_account-intro = Tapez votre adresse e-mail et choisissez Rechercher. Nous interrogeons les mêmes endroits qu'Outlook et Thunderbird pour les réglages d'un nouveau compte, et testons ces réglages avant que vous ne tapiez autre chose.
ui-new_account-invalid_email = Tapez l'adresse e-mail complète, par exemple vous@example.com.
ui-new_account-look_up = Rechercher
ui-new_account-nothing = Ne trouve aucun réglage : il devinera le serveur sortant. Choisissez la configuration manuelle et tapez les réglages ci-dessous.
ui-new_account-placeholder = vous@example.com
ui-new_account-title = Configurer un nouveau compte
# $settings
ui-new_account-verified = Réglages vérifiés, ils fonctionnent : { $settings }
ui-new_account-verifying = Test de ces réglages ...
ui-new_account-works = Ces réglages fonctionnent.
# $settings $source
ui-new_account-would_use = Utiliserait { $settings } (d'après { $source })
# $wrong
ui-new_account-wrong = Ces réglages ne fonctionnent pas : { $wrong }. Tapez vous-même les réglages ci-dessous.
# $path $error
ui-result-export_failed = Impossible d'enregistrer le fichier de réglages dans { $path } : { $error }
ui-result-export_offer = Appuyez sur e pour enregistrer ces réglages dans un fichier lisible par Thunderbird (sans votre mot de passe).
# $path
ui-result-export_saved = Fichier de réglages enregistré : { $path }
# $path
ui-result-export_saving = Enregistrement du fichier de réglages dans { $path } …
ui-app-more_above = ↑ suite
ui-app-more_below = ↓ suite
ui-checks-status_passed = réussi
ui-checks-status_failed = échoué
ui-checks-status_warning = avertissement
ui-checks-status_skipped = ignoré
ui-checks-labels-dns-domain-auth = SPF, DMARC et DKIM de votre domaine
ui-checks-labels-autoconfig-outlook = Ce qu'Outlook configurerait
ui-checks-labels-autoconfig-thunderbird = Ce que Thunderbird configurerait
# $name $reason
ui-start-language_failed = { $name } n'est pas disponible, nous restons donc dans cette langue : { $reason }
