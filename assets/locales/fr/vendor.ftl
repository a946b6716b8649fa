## Les libellés des logiciels de messagerie et leurs chemins de menus, tels que chaque
## logiciel les affiche en français. Les traductions utilisent ces termes
## (`{ -outlook-account-settings }`) partout où une étape nomme un menu, un onglet, un champ
## ou une case à cocher. Le commentaire de chaque groupe indique d'où vient le libellé.

## Outlook (classique) pour Windows, boîte de dialogue « Paramètres de messagerie Internet »
## d'un compte POP/IMAP.
## Source visée : https://support.microsoft.com/fr-fr/office/change-or-update-email-account-settings-in-outlook-for-windows-560a9065-3c3a-4ec5-a24f-cdb9a8d622a2
## Page introuvable dans les sources consultées : terminologie Microsoft (libellés de l'interface
## française d'Outlook). Recoupé avec les guides Outlook en français de l'hébergeur OVHcloud
## (github.com/ovh/docs, guide.fr-fr.md), qui citent « Paramètres supplémentaires », les
## onglets « Serveur sortant » et « Options avancées », « Mon serveur sortant (SMTP) requiert
## une authentification », « Utiliser les mêmes paramètres que mon serveur de courrier
## entrant », « Utiliser le type de connexion chiffrée suivant », « Aucun »,
## « Serveur de courrier sortant (SMTP) » et « Adresse de courrier ».

# Chemin de menu vers la liste des comptes.
-outlook-account-settings = Fichier > Paramètres du compte > Paramètres du compte
# Le bouton qui ouvre les paramètres d'un compte.
-outlook-change = Modifier
# Le bouton qui ouvre la boîte de dialogue des paramètres de messagerie Internet.
-outlook-more-settings = Paramètres supplémentaires
# Onglets de cette boîte de dialogue.
-outlook-tab-advanced = Options avancées
-outlook-tab-outgoing-server = Serveur sortant
# Chemin de menu pour ajouter un compte.
-outlook-add-account = Fichier > Ajouter un compte
# Le champ du port dans l'onglet Options avancées.
-outlook-port-field = Serveur sortant (SMTP)
# Le champ du nom du serveur sur la page principale du compte.
-outlook-server-field = Serveur de courrier sortant (SMTP)
# La liste de chiffrement de l'onglet Options avancées, et ses choix.
-outlook-encryption-field = Utiliser le type de connexion chiffrée suivant
-outlook-encryption-none = Aucun
# not found on a help page: Microsoft terminology
-outlook-encryption-auto = Automatique
# Cases à cocher et choix de l'onglet Serveur sortant.
-outlook-smtp-auth = Mon serveur sortant (SMTP) requiert une authentification
-outlook-same-as-incoming = Utiliser les mêmes paramètres que mon serveur de courrier entrant
# not found on a help page: Microsoft terminology
-outlook-log-on-using = Se connecter à l'aide de
# not found on a help page: Microsoft terminology
-outlook-spa = Exiger l'authentification par mot de passe sécurisé (SPA) lors de la connexion
# Le champ de l'adresse, page principale du compte.
-outlook-email-address = Adresse de courrier
# Les boutons des boîtes de dialogue que nomment les étapes (assistant « Suivant », bouton
# « OK », bouton « Supprimer » de la liste des comptes).
# not found on a help page: Microsoft terminology
-outlook-next = Suivant
-outlook-ok = OK
-outlook-remove = Supprimer
# Le bouton en haut à droite d'Outlook qui active le nouvel Outlook.
# not found on a help page: Microsoft terminology
-outlook-new-outlook = Nouvel Outlook

## Paramètres réseau de Windows.
## Source visée : https://support.microsoft.com/fr-fr/windows/change-tcp-ip-settings-bd0a07af-15f5-cd6a-363f-ca2b6f391ace
## Page introuvable dans les sources consultées : terminologie Microsoft (Panneau de
## configuration de Windows en français).
-windows-adapter-settings = Panneau de configuration > Centre Réseau et partage > Modifier les paramètres de la carte
-windows-ipv6 = Protocole Internet version 6 (TCP/IPv6)
-windows-properties = Propriétés

## Thunderbird : la liste des serveurs sortants dans les paramètres des comptes.
## Source : https://support.mozilla.org/fr/kb/configurer-un-compte-manuellement
## (version française de manual-account-configuration : « Paramètres des comptes »,
## « Serveur sortant (SMTP) »). « Sécurité de la connexion » et « Méthode d'authentification »
## sont les libellés de l'interface française de Thunderbird ; la page consultée n'en montrait
## qu'un extrait.
-thunderbird-outgoing-server = Paramètres des comptes > Serveur sortant (SMTP) > Modifier
-thunderbird-connection-security = Sécurité de la connexion
-thunderbird-authentication = Méthode d'authentification

## Apple Mail sur Mac.
## Source visée : https://support.apple.com/fr-fr/guide/mail/mlhlp1068/mac
## Page introuvable dans les sources consultées : terminologie de l'interface française de
## Mail (macOS 13 et ultérieur : « Réglages » ; avant : « Préférences »).
-apple-mail-server-settings = Mail > Réglages > Comptes > Réglages du serveur
-apple-mail-outgoing = Compte d'envoi

## Courrier pour Windows (Courrier et Calendrier, Windows 10 et 11).
## Source visée : https://support.microsoft.com/fr-fr/office/add-an-email-account-to-mail-and-calendar-for-windows-10-7f6f8a0e-ea8c-4b10-ab3d-7b3b1a27b0fd
## Page introuvable dans les sources consultées : terminologie Microsoft.
-windows-mail-advanced = Paramètres > Gérer les comptes > Modifier les paramètres de synchronisation de boîte aux lettres > Paramètres avancés de boîte aux lettres
-windows-mail-outgoing-server = Serveur de courrier sortant (SMTP)
