## Libellés des logiciels de messagerie tels qu'ils s'affichent en français.
## Brouillon : sources à vérifier.

-outlook-account-settings = Fichier > Paramètres du compte > Paramètres du compte
-outlook-change = Modifier
-outlook-more-settings = Paramètres supplémentaires
-outlook-tab-advanced = Options avancées
-outlook-tab-outgoing-server = Serveur sortant
-outlook-add-account = Fichier > Ajouter un compte
-outlook-port-field = Serveur sortant (SMTP)
-outlook-server-field = Serveur de messagerie sortant (SMTP)
-outlook-encryption-field = Utiliser le type de connexion chiffrée suivant
-outlook-encryption-none = Aucun
-outlook-encryption-auto = Automatique
-outlook-smtp-auth = Mon serveur sortant (SMTP) requiert une authentification
-outlook-same-as-incoming = Utiliser les mêmes paramètres que mon serveur de messagerie entrant
-outlook-log-on-using = Se connecter à l'aide de
-outlook-spa = Exiger l'authentification par mot de passe sécurisé (SPA) lors de la connexion
-outlook-email-address = Adresse de messagerie
-outlook-new-outlook = Nouvel Outlook
-windows-adapter-settings = Panneau de configuration > Centre Réseau et partage > Modifier les paramètres de la carte
-windows-ipv6 = Protocole Internet version 6 (TCP/IPv6)
-windows-properties = Propriétés
-thunderbird-outgoing-server = Paramètres des comptes > Serveur sortant (SMTP) > Modifier
-thunderbird-connection-security = Sécurité de la connexion
-thunderbird-authentication = Méthode d'authentification
-apple-mail-server-settings = Mail > Réglages > Comptes > Réglages du serveur
-apple-mail-outgoing = Compte d'envoi
-windows-mail-advanced = Paramètres > Gérer les comptes > Modifier les paramètres de synchronisation de la boîte aux lettres > Paramètres avancés de la boîte aux lettres
-windows-mail-outgoing-server = Serveur de courrier sortant (SMTP)
