## Las etiquetas y rutas de menú de los propios programas de correo, tal como las muestran en español.
## Las traducciones usan estos términos (`{ -outlook-account-settings }`) siempre que un paso nombra
## un menú, una pestaña, un campo o una casilla, para que un paso nunca mezcle etiquetas de dos idiomas.
## Fuentes: se buscó la versión en español de cada página de ayuda de en/vendor.ftl (Microsoft es-es,
## Mozilla /es/, Apple es-es), pero el texto de esas páginas no estaba disponible en la búsqueda. Cada
## grupo indica la URL localizada que corresponde y dice de dónde sale la etiqueta (terminología de
## Microsoft o la interfaz en español del propio programa).

## Outlook (clásico) para Windows, cuadro de diálogo Configuración de correo electrónico de Internet
## de una cuenta POP/IMAP.
## Source: https://support.microsoft.com/es-es/office/change-or-update-email-account-settings-in-outlook-for-windows-560a9065-3c3a-4ec5-a24f-cdb9a8d622a2
## Not found on a help page: Microsoft terminology (es-ES Outlook). "Archivo > Configuración de la
## cuenta > Configuración de la cuenta", "Cambiar" y la casilla SPA coinciden además con guías de
## terceros en español (p. ej. console.45grados.com.mx, "Cómo modificar datos de cuentas en Outlook").

# Menu path to the account list.
-outlook-account-settings = Archivo > Configuración de la cuenta > Configuración de la cuenta
# The button that opens an account's settings.
-outlook-change = Cambiar
# The button that opens the Internet E-mail Settings dialog.
-outlook-more-settings = Más configuraciones
# Tabs of that dialog.
-outlook-tab-advanced = Avanzadas
-outlook-tab-outgoing-server = Servidor de salida
# Menu path to add an account.
-outlook-add-account = Archivo > Agregar cuenta
# The port field on the Advanced tab.
-outlook-port-field = Servidor de salida (SMTP)
# The server name field on the account's main page.
-outlook-server-field = Servidor de correo saliente (SMTP)
# The encryption list on the Advanced tab, and its choices.
-outlook-encryption-field = Usar el siguiente tipo de conexión cifrada
-outlook-encryption-none = Ninguno
-outlook-encryption-auto = Automático
# Tick boxes and choices on the Outgoing Server tab.
-outlook-smtp-auth = Mi servidor de salida (SMTP) requiere autenticación
-outlook-same-as-incoming = Utilizar la misma configuración que mi servidor de correo de entrada
-outlook-log-on-using = Iniciar sesión utilizando
-outlook-spa = Requerir inicio de sesión utilizando Autenticación de contraseña segura (SPA)
# The address field when adding an account.
-outlook-email-address = Dirección de correo electrónico
# The dialog buttons the steps name. Not found on a help page: Microsoft terminology (es-ES:
# OK = Aceptar, Next = Siguiente, Remove = Quitar); "Siguiente" also in a third-party guide
# (mundo-pc.info, "Cómo arreglar la ventana emergente de nombre de usuario y contraseña en Outlook").
-outlook-next = Siguiente
-outlook-ok = Aceptar
-outlook-remove = Quitar
# The switch at the top right of Outlook that turns on the new Outlook.
-outlook-new-outlook = Nuevo Outlook

## Configuración de red de Windows.
## Source: https://support.microsoft.com/es-es/windows/change-tcp-ip-settings-bd0a07af-15f5-cd6a-363f-ca2b6f391ace
## Not found on a help page: Microsoft terminology (Windows en español).
-windows-adapter-settings = Panel de control > Centro de redes y recursos compartidos > Cambiar configuración del adaptador
-windows-ipv6 = Protocolo de Internet versión 6 (TCP/IPv6)
-windows-properties = Propiedades

## Thunderbird: la lista de servidores de salida en la configuración de la cuenta.
## Source: https://support.mozilla.org/es/kb/manual-account-configuration
## Not found on that page here; "Configuración de la cuenta" appears on support.mozilla.org/es
## (kb/utilizar-identidades); the other labels are Thunderbird's es-ES interface wording.
-thunderbird-outgoing-server = Configuración de la cuenta > Servidor de salida (SMTP) > Editar
-thunderbird-connection-security = Seguridad de la conexión
-thunderbird-authentication = Método de identificación

## Apple Mail en el Mac.
## Source: https://support.apple.com/es-es/guide/mail/mlhlp1068/mac
## Not found on a help page: macOS Mail es-ES interface wording.
-apple-mail-server-settings = Mail > Ajustes > Cuentas > Ajustes del servidor
-apple-mail-outgoing = Cuenta de correo saliente

## Correo de Windows (Correo y Calendario para Windows 10 y 11).
## Source: https://support.microsoft.com/es-es/office/add-an-email-account-to-mail-and-calendar-for-windows-10-7f6f8a0e-ea8c-4b10-ab3d-7b3b1a27b0fd
## Not found on a help page: Microsoft terminology (Windows en español).
-windows-mail-advanced = Configuración > Administrar cuentas > Cambiar la configuración de sincronización del buzón > Configuración avanzada del buzón
-windows-mail-outgoing-server = Servidor de correo electrónico saliente (SMTP)
