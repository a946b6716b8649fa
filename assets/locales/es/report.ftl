## Encabezados y palabras fijas del informe (assets/report.toml), en español.

report-confidence-confirmed = Confirmado
report-confidence-likely = Probable
report-confidence-possible = Posible
report-markdown-also = Además
report-markdown-cause = Causa
report-markdown-check = Comprobación
report-markdown-checks = Comprobaciones
# $message
report-markdown-error = Mensaje de error: { $message }
report-markdown-field = Campo
# $email
report-markdown-heading = Informe de smtp-doctor para { $email }
# $time $version
report-markdown-made = Creado: { $time } (smtp-doctor { $version })
report-markdown-none = (ninguno)
report-markdown-password_given = indicada (no se muestra)
report-markdown-password_not_given = no indicada
# $ip
report-markdown-public_ip = IP pública de esta red: { $ip }
report-markdown-result = Resultado
report-markdown-setting_port = Puerto
report-markdown-setting_security = Cifrado
report-markdown-setting_server = Servidor de salida (SMTP)
report-markdown-setting_user = Nombre de usuario
report-markdown-settings = Configuración que funciona
# $server $port $security $user $password
report-markdown-tested = Configuración probada: servidor { $server }, puerto { $port }, cifrado { $security }, usuario { $user }, contraseña { $password }
report-markdown-transcript = Transcripción SMTP (contraseña oculta)
report-markdown-value = Valor
# $verdict
report-markdown-verdict = Veredicto: **{ $verdict }**
report-other_programs-line = En Thunderbird: { -thunderbird-outgoing-server }. En Apple Mail: { -apple-mail-server-settings }.
# $name
report-phrases-cert_handshake_failed = { $name } lleva al mismo servidor, pero tampoco se acepta su certificado
report-phrases-cert_no_other = el certificado no nombra ningún otro servidor
# $name
report-phrases-cert_not_a_name = { $name } no es un nombre que se pueda escribir
# $name
report-phrases-cert_not_found = { $name } no existe en el DNS
# $name
report-phrases-cert_not_tried = { $name } no se probó
# $name
report-phrases-cert_other_server = { $name } lleva a otro servidor
# $name
report-phrases-cert_works = { $name } funciona
# $count $cap
report-phrases-sign_in_attempts = smtp-doctor intentó iniciar sesión { $count } en total (nunca más de { $cap } veces, para que el cortafuegos del servidor no le bloquee)
report-phrases-sign_in_once = una vez
# $n
report-phrases-sign_in_times = { $n } veces
report-status-failed = falló
report-status-passed = correcto
report-status-skipped = omitida
report-status-warning = advertencia
report-text-also = También se encontró:
# $code $confidence
report-text-cause_code = Código de causa: { $code } ({ $confidence })
report-text-checks = Comprobaciones:
report-text-do_this = Haga esto:
# $message
report-text-error = Mensaje de error: { $message }
# $version $email
report-text-heading = smtp-doctor { $version } - comprobación del correo saliente de { $email }
# $verdict
report-text-no_conclusion = { $verdict }: las comprobaciones no pudieron llegar a una conclusión.
report-text-no_password = no se indicó contraseña
report-text-ok = ✓ CORRECTO
report-text-password_given = contraseña indicada
report-text-problem = ✗ PROBLEMA
# $ip
report-text-public_ip = Dirección pública de esta red: { $ip }
report-text-setting_port = Puerto:
report-text-setting_security = Cifrado:
report-text-setting_server = Servidor de salida (SMTP):
report-text-setting_user = Nombre de usuario:
report-text-settings = Configuración que funciona:
# $list
report-text-tested = Configuración probada: { $list }
# $port
report-text-tested_port = puerto { $port }
# $security
report-text-tested_security = cifrado { $security }
# $server
report-text-tested_server = servidor { $server }
report-text-unsure = ? NO SEGURO
report-verdict-inconclusive = No concluyente
report-verdict-ok = Correcto
report-verdict-problem = Problema
report-words-security-none = Ninguno
report-words-security-ssl-tls = SSL/TLS
report-words-security-starttls = STARTTLS
report-words-unknown = (desconocido)
report-words-who_acts-administrator = el administrador de correo de su organización
report-words-who_acts-host = su empresa de alojamiento
report-words-who_acts-person = usted, en la configuración de seguridad de su cuenta con el proveedor
