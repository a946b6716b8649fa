## Traducción al español de assets/ui.toml (referencia: assets/locales/en/ui.ftl).

ui-account-auth = { -outlook-smtp-auth }
ui-account-auto = { -outlook-encryption-auto }
ui-account-back = Atrás
ui-account-bad_email = Escriba su dirección de correo completa, como nombre@example.com.
ui-account-bad_port = El puerto es un número de 1 a 65535, como 587.
ui-account-check = Comprobar datos
ui-account-email = Dirección de correo
ui-account-empty_port = vacío: probamos 587, 465 y 25
ui-account-empty_server = vacío: lo buscamos
ui-account-empty_user = vacío: su dirección de correo
ui-account-encryption = Conexión cifrada
ui-account-intro = Escriba la configuración tal como la muestra su programa de correo. En Outlook: { -outlook-account-settings } › { -outlook-change } › { -outlook-more-settings } › { -outlook-tab-outgoing-server } y { -outlook-tab-advanced }.
ui-account-not_used = no se usa
ui-account-password = Contraseña (opcional)
ui-account-password_why = Con su contraseña también podemos probar el inicio de sesión, el problema más común. Solo se usa para esta prueba; nunca se guarda ni se muestra.
ui-account-port = Puerto de salida (SMTP)
ui-account-server = { -outlook-server-field }
ui-account-signin_app_password = ! { $provider } solo acepta aquí una contraseña de aplicación (creada en la configuración de seguridad de su cuenta), no su contraseña normal.
ui-account-signin_app_password_or_oauth = ! { $provider } no acepta aquí su contraseña normal: escriba una contraseña de aplicación, creada en la configuración de seguridad de su cuenta.
ui-account-signin_oauth = ! { $provider } no acepta contraseñas de programas de correo: agregue la cuenta en Outlook con la página de inicio de sesión propia de { $provider }.
ui-account-title = Su cuenta
ui-account-user = Usuario
ui-app-agent_badge = vista de soporte
ui-app-step_of = Paso { $n } de 3: { $step }
ui-checks-count_not_needed = { $n } no necesarias
ui-checks-count_passed = { $n ->
    [one] { $n } correcta
   *[other] { $n } correctas
}
ui-checks-count_skipped = { $n ->
    [one] { $n } omitida
   *[other] { $n } omitidas
}
ui-checks-count_warned = { $n } con aviso
ui-checks-labels-dns-domain-dmarc = Política DMARC de su dominio
ui-checks-labels-dns-domain-mx = Servidores de correo de su dominio (MX)
ui-checks-labels-dns-domain-srv = Servidor de correo publicado del dominio
ui-checks-labels-dns-domain-txt = Política de remitentes del dominio (SPF)
ui-checks-labels-dns-server-a = Encontrar el servidor por su nombre
ui-checks-labels-input-server_name = El nombre del servidor está bien escrito
ui-checks-labels-other = { $id }
ui-checks-labels-smtp = Hablar con el servidor en el puerto { $port }
ui-checks-labels-tcp = Llegar al servidor en el puerto { $port }
ui-checks-no_run = Aún no hay comprobaciones.
ui-checks-not_needed_why = no hace falta para este resultado
ui-checks-not_run = sin hacer
ui-checks-not_run_why = falló un paso anterior
ui-checks-now = ahora
ui-checks-question_title = Una pregunta
ui-checks-running = { $elapsed } de { $budget }
ui-checks-running_steps = { $elapsed }, { $budget } por paso
ui-checks-step_count = { $n ->
    [one] { $n } comprobación correcta
   *[other] { $n } comprobaciones correctas
}
ui-checks-step_failed = con problema
ui-checks-step_not_needed = no necesario
ui-checks-step_passed = todo correcto
ui-checks-step_running = comprobando
ui-checks-step_waiting = en espera
ui-checks-still_running = Algunas comprobaciones aún están terminando; el resultado puede cambiar.
ui-checks-title = Comprobando { $email }
ui-checks-waiting = en espera
ui-error-back = Atrás
ui-error-box_title = Mensaje de error
ui-error-continue = Continuar
ui-error-detail_account = cuenta { $account }
ui-error-detail_code = error { $code }
ui-error-intro = Pegue el mensaje completo (clic derecho o Ctrl+Mayús+V) o escriba solo su código, por ejemplo 0x800CCC0E.
ui-error-nothing = Aún no se reconoce nada. No pasa nada: las comprobaciones encuentran la causa igualmente.
ui-error-placeholder = La tarea 'usted@example.com - Enviando' informó del error (0x800CCC0E) ...
ui-error-read_title = Lo que leímos
ui-error-reply = El servidor respondió: “{ $reply }”.
ui-error-sentence = { $meaning } ({ $details }).
ui-error-sentence_plain = { $meaning }.
ui-error-title = ¿Qué dice el mensaje de error?
ui-error-unknown_code = Aún no conocemos el código { $code }; las comprobaciones encontrarán la causa
ui-failure-change = Cambiar configuración
ui-failure-dns_hint = No se puede usar el servidor de nombres (--dns-server). Puede continuar con el servidor de nombres de este equipo.
ui-failure-kiosk_hint = La configuración de este quiosco lo fija: solo quien lo instaló puede cambiarla. Muéstrele este mensaje.
ui-failure-intro = smtp-doctor no pudo preparar las comprobaciones:
ui-failure-other_hint = Revise la configuración y reintente.
ui-failure-quit = Salir
ui-failure-retry = Reintentar
ui-failure-title = No se pudo empezar a comprobar
ui-failure-tree_hint = Un archivo del árbol de decisión (--tree o --tree-extra) tiene un problema, indicado arriba con su línea y columna. Puede continuar con las comprobaciones integradas.
ui-failure-trust_hint = No se puede usar el archivo de certificados adicionales (--ca-file). Puede continuar con los certificados en los que ya confía este equipo.
ui-failure-use_builtin = Usar comprobaciones integradas
ui-failure-use_system = Usar lo predeterminado del equipo
ui-help-text =
    smtp-doctor averigua por qué su programa de correo no puede enviar y le dice qué cambiar.
    
    Moverse
    {"  "}↑ ↓ o Tab, Mayús-Tab    pasar entre opciones y campos
    {"  "}Enter                   elegir, o ir al campo siguiente
    {"  "}Espacio, ← →            cambiar una opción (cifrado, la casilla de autenticación)
    {"  "}Esc                     volver una pantalla atrás (durante las comprobaciones, las detiene)
    {"  "}RePág AvPág Inicio Fin  desplazar textos largos (resultados, vista técnica, esta ayuda)
    {"  "}Ratón                   haga clic en una opción o un botón; la rueda desplaza
    
    En cualquier pantalla
    {"  "}? o F1                  esta ayuda
    {"  "}t o F2                  vista técnica: cada comprobación con su tiempo, y la conversación SMTP
    {"  "}s o Ctrl-S              guardar el informe, o mostrarlo como texto para una incidencia de soporte
    {"  "}q o Ctrl-Q o F10        salir (pregunta antes si hay comprobaciones en curso)
    {"  "}Ctrl-C                  salir de inmediato
    
    En el servidor de correo ("Estoy en el servidor de correo")
    {"  "}Escriba la dirección IP del cliente o la ruta de su informe guardado; los resultados muestran qué bloquea la dirección, las líneas del registro, los servicios y lo que se ha leído. "Quitar el bloqueo" muestra los comandos y pregunta antes de ejecutarlos; nada más cambia el servidor.
    
    En un campo de texto, las letras se escriben, así que t, s, q y ? van al campo: use allí F1, F2, Ctrl-S y Ctrl-Q. La barra de teclas de abajo muestra siempre lo que funciona en esta pantalla.
    
    La contraseña es opcional. Con ella, la comprobación también puede probar el inicio de sesión. Nunca se guarda, nunca se muestra y nunca aparece en el informe ni en la vista técnica.
    
    Las comprobaciones empiezan en cuanto se conoce su configuración. No se envía nada: la prueba se detiene antes de que salga ningún correo.
    
    Para copiar texto: en la pantalla "Mostrar texto para copiar", el ratón selecciona el texto como siempre. Inicie con --high-contrast para una pantalla de alto contraste; NO_COLOR desactiva los colores.{"\u000A"}
ui-help-title = Ayuda
ui-keys-back-key = Esc
ui-keys-back-label = atrás
ui-keys-cancel-key = n
ui-keys-cancel-label = cancelar
ui-keys-choose-key = Enter
ui-keys-choose-label = elegir
ui-keys-close-key = Esc
ui-keys-close-label = cerrar
ui-keys-help-key = ?
ui-keys-help-label = ayuda
ui-keys-help_f-key = F1
ui-keys-help_f-label = ayuda
ui-keys-move-key = ↑↓
ui-keys-move-label = mover
ui-keys-next_field-key = Enter
ui-keys-next_field-label = campo siguiente
ui-keys-next_field-short = sig.
ui-keys-no-key = n
ui-keys-no-label = seguir
ui-keys-no-short = seguir
ui-keys-pick-key = 1-6
ui-keys-pick-label = elegir
ui-keys-proceed-key = Enter
ui-keys-proceed-label = continuar
ui-keys-quit-key = q
ui-keys-quit-label = salir
ui-keys-quit_ctrl-key = Ctrl-Q
ui-keys-quit_ctrl-label = salir
ui-keys-run-key = y
ui-keys-run-label = ejecutar
ui-keys-save-key = s
ui-keys-save-label = informe
ui-keys-save_ctrl-key = Ctrl-S
ui-keys-save_ctrl-label = informe
ui-keys-save_file-key = Enter
ui-keys-save_file-label = guardar
ui-keys-look_up-key = Enter
ui-keys-look_up-label = buscar
ui-keys-scroll-key = ↑↓
ui-keys-scroll-label = desplazar
ui-keys-tab-key = Tab
ui-keys-tab-label = sig.
ui-keys-technical-key = t
ui-keys-technical-label = técnico
ui-keys-technical-short = téc.
ui-keys-technical_f-key = F2
ui-keys-technical_f-label = técnico
ui-keys-technical_f-short = téc.
ui-keys-toggle-key = Espacio
ui-keys-toggle-label = cambiar
ui-keys-yes-key = y
ui-keys-yes-label = salir ya
ui-keys-yes-short = salir
ui-kiosk-no_quit_text = Este equipo mantiene smtp-doctor abierto para todos, así que aquí no se puede cerrar. Pulse Esc para volver.
ui-kiosk-no_quit_title = smtp-doctor sigue abierto
ui-kiosk-offline_intro = smtp-doctor necesita una conexión que funcione para probar su correo, y ahora este equipo no tiene ninguna. Compruebe:
ui-kiosk-offline_retry = smtp-doctor lo vuelve a intentar cada pocos segundos y continúa solo en cuanto vuelve la conexión.
ui-kiosk-offline_steps-1 = ¿Está el cable de red bien enchufado en los dos extremos (el equipo y la pared o el router)?
ui-kiosk-offline_steps-2 = O, con wifi: ¿está el wifi activado y conectado a la red de la oficina?
ui-kiosk-offline_steps-3 = Si otros equipos de aquí tampoco tienen conexión, pregunte al personal de la oficina o a su contacto de informática.
ui-kiosk-offline_title = Este equipo no está conectado a internet
ui-kiosk-pick-key = 1-5
ui-kiosk-pick-label = elegir
ui-kiosk-pin_back-key = Esc
ui-kiosk-pin_back-label = atrás
ui-kiosk-pin_enter-key = Enter
ui-kiosk-pin_enter-label = cerrar smtp-doctor
ui-kiosk-pin_enter-short = cerrar
ui-kiosk-pin_label = PIN:
ui-kiosk-pin_text = Este equipo mantiene smtp-doctor abierto para todos. Para cerrarlo, escriba el PIN de administrador y pulse Enter.
ui-kiosk-pin_title = Cerrar smtp-doctor
ui-kiosk-pin_wait = Demasiados PIN incorrectos. Vuelva a intentarlo en { $seconds } segundos.
ui-kiosk-pin_wrong = Ese PIN no es correcto.
ui-kiosk-report_folder = El informe se guarda en este equipo, en la carpeta de informes:
ui-kiosk-report_name = smtp-doctor elige el nombre del archivo; pida una copia al personal de la oficina.
ui-quit-no = Continuar
ui-quit-text = Hay comprobaciones en curso. ¿Salir igualmente?
ui-quit-title = ¿Salir?
ui-quit-yes = Salir
ui-report-back = Atrás
ui-report-copy_title = Seleccione el texto con el ratón y cópielo. Esc para volver.
ui-report-empty_path = Escriba un nombre de archivo.
ui-report-failed = No se pudo guardar en { $path }: { $error }
ui-report-intro = El informe dice qué se comprobó y qué se encontró. Nunca contiene su contraseña.
ui-report-not_ready = El informe estará listo cuando empiecen las comprobaciones.
ui-report-save = Guardar
ui-report-save_label = Guardar como Markdown en:
ui-report-saved = Guardado en { $path }
ui-report-saving = Guardando en { $path } …
ui-report-show_text = Mostrar texto para copiar
ui-report-title = Guardar o compartir el informe
ui-result-change = Cambiar configuración
ui-result-code = Código de causa: { $code }
ui-result-confidence-confirmed = seguro
ui-result-confidence-likely = probable
ui-result-confidence-possible = posible
ui-result-do_this = Haga esto
ui-result-finishing = Algunas comprobaciones aún están terminando; esto puede cambiar.
ui-result-next = Si eso no ayuda
ui-result-next_none = Guarde el informe (el botón Informe de abajo) y envíelo a quien gestione su correo: contiene todo lo que necesitan.
ui-result-no_cause = Las comprobaciones no llegaron a una conclusión.
ui-result-nothing_to_do = Nada que cambiar: esta configuración funciona.
ui-result-ok = El envío funciona
ui-result-problem = Hay un problema
ui-result-quit = Salir
ui-result-save = Informe
ui-result-setting_auth = { -outlook-smtp-auth }
ui-result-setting_auth_value = marcada
ui-result-setting_port = Puerto del servidor de salida (SMTP)
ui-result-setting_security = Conexión cifrada
ui-result-setting_server = { -outlook-server-field }
ui-result-setting_user = Usuario
ui-result-settings = Configuración válida
ui-result-technical = Detalles técnicos
ui-result-unsure = No lo sé
ui-server-account = Su usuario (opcional)
ui-server-account_placeholder = alice@example.com
ui-server-again = Volver a mirar
ui-server-applied = Desbloqueo ejecutado
ui-server-applying = Ejecutando los comandos de desbloqueo y volviendo a leerlo todo …
ui-server-audit = Buscar clientes bloqueados
ui-server-audit_again = Repetir
ui-server-audit_applying = Ejecutando los comandos para los clientes y volviendo a leer las listas de bloqueo …
ui-server-audit_confirm_text = Estos comandos se ejecutarán ahora en este servidor, solo para las direcciones de los clientes:
ui-server-audit_confirm_title = ¿Desbloquear y permitir a los clientes?
ui-server-audit_lift = Desbloquear y permitir clientes
ui-server-audit_more = … y { $n } más (smtp-doctor server --audit --json los muestra todos)
ui-server-audit_none = Nada en este servidor bloquea una dirección.
ui-server-audit_title = Clientes bloqueados
ui-server-auditing = Leyendo los bloqueos del servidor y una semana de registros de correo …
ui-server-back = Atrás
ui-server-blocks = Bloqueos, en el orden en que los encuentra un paquete
ui-server-confirm_no = Cancelar
ui-server-confirm_text = Estos comandos se ejecutarán ahora en este servidor:
ui-server-confirm_title = ¿Quitar el bloqueo?
ui-server-confirm_yes = Ejecutarlos
ui-server-declined = No se ejecutó. No se cambió nada.
ui-server-do_this = Haga esto
ui-server-empty = Escriba la dirección IP del cliente o la ruta de su informe.
ui-server-evidence = Pruebas: { $ids }
ui-server-from_report = Del informe del cliente { $file }, creado { $time }.
ui-server-gone = Leído de nuevo: ya no hay bloqueo.
ui-server-intro = Escriba o pegue la dirección IP pública del cliente, o la ruta del informe que guardó con smtp-doctor. Se leen el cortafuegos, las listas de bloqueo, los registros de correo y el servicio de correo; no se cambia nada en este servidor salvo que decida quitar un bloqueo.
ui-server-lift = Quitar el bloqueo
ui-server-log = Líneas del registro, por hora
ui-server-look = Mirar
ui-server-no_blocks = Ninguna regla ni entrada coincide con { $ip }.
ui-server-no_log = Sin líneas del registro sobre { $ip } en ese periodo.
ui-server-ok = No bloqueado
ui-server-problem = Hay un problema
ui-server-quit = Salir
ui-server-reading = Leyendo el cortafuegos, las listas de bloqueo, los registros y el servicio de correo para { $target } …
ui-server-readonly = No se ha cambiado nada en este servidor.
ui-server-report = Informe
ui-server-services = Servicios
ui-server-sources = Fuentes
ui-server-still = Leído de nuevo: la dirección sigue bloqueada.
ui-server-target = IP del cliente, o su informe guardado
ui-server-target_placeholder = 198.51.100.7, o /home/support/smtp-doctor-report.md
ui-server-title = Buscar qué bloquea a un cliente
ui-server-unsure = No lo sé
ui-server-window = Registros leídos desde { $since } hasta { $until } ({ $length }).
ui-start-choices-error-hint = péguelo o escriba su código
ui-start-choices-error-label = Veo un mensaje de error
ui-start-choices-outbox-label = Mi correo se queda en la Bandeja de salida
ui-start-choices-password-label = Me pide la contraseña una y otra vez
ui-start-choices-new_account-label = Estoy configurando una cuenta nueva
ui-start-choices-agent-hint = abre la vista técnica
ui-start-choices-agent-label = Soy agente de soporte
ui-start-choices-server-hint = soporte: qué bloquea a un cliente
ui-start-choices-server-label = Estoy en el servidor de correo
ui-start-intro = Elija lo que ve. Comprobamos su configuración, su red y el servidor, y le decimos exactamente qué cambiar.
ui-start-title = ¿Por qué no se envía su correo?
ui-steps-network = Su red
ui-steps-server = El servidor
ui-steps-settings = Su configuración
ui-technical-causes = Causas
ui-technical-checks = Comprobaciones
ui-technical-input = Datos
ui-technical-no_password = sin contraseña
ui-technical-no_transcript = Aún no hay conversación SMTP.
ui-technical-none = ninguno
ui-technical-password_given = contraseña indicada (no se muestra)
ui-technical-path = Ruta de decisión
ui-technical-pending = en curso
ui-technical-title = Vista técnica
ui-technical-transcript = Transcripción SMTP (contraseñas ocultas)
ui-tell_host-by_cause-reputation-client_ip_listed = si { $ip } está en una lista de bloqueo que el servidor aplica a las conexiones de inicio de sesión (envío) en el puerto { $port }.
ui-tell_host-by_cause-server-cert_chain_incomplete = el certificado de { $server }: se envía sin su certificado intermedio. Deben instalar el archivo con la cadena completa.
ui-tell_host-by_cause-server-cert_expired = el certificado de { $server }: cuando lo comprobamos a las { $time } había caducado. Hay que renovarlo.
ui-tell_host-by_cause-server-cert_name_mismatch = el certificado de { $server }: no nombra a { $server }. Necesita un certificado para este nombre, o deben indicarle el nombre que debe usar.
ui-tell_host-by_cause-server-cert_untrusted = el certificado de { $server }: no lo ha emitido una autoridad de confianza.
ui-tell_host-by_cause-server-client_ip_blocked = un bloqueo de { $ip } en el cortafuegos o en la protección contra ataques de fuerza bruta (por ejemplo CSF/LFD, cPHulk o Fail2Ban), normalmente tras varios inicios de sesión fallidos. Por favor, quítenlo.
ui-tell_host-by_cause-server-host_unreachable = si el servidor { $server } está en marcha y accesible desde internet; desde { $ip } a las { $time } no respondió nada.
ui-tell_host-by_cause-server-no_tls = el cifrado (STARTTLS o SSL/TLS) en { $server }, puerto { $port }: el servidor no ofreció ninguno a las { $time }.
ui-tell_host-by_cause-server-overloaded = por qué { $server } rechazó conexiones por estar ocupado hacia las { $time } (límites de conexiones, carga, límites de frecuencia para { $ip }).
ui-tell_host-by_cause-server-service_down = si el servicio de correo de { $server }, puerto { $port }, está en marcha; a las { $time } el servidor rechazaba las conexiones.
ui-tell_host-by_cause-server-tls_outdated = la configuración de cifrado de { $server }: solo ofrece versiones de TLS obsoletas que los programas de correo actuales rechazan.
ui-tell_host-by_cause-unknown-needs_server_side = el registro de su servidor de correo sobre las conexiones de { $ip } a { $server }, puerto { $port }, hacia las { $time }, y qué dice de ellas.
ui-tell_host-default = conexiones de { $ip } a { $server }, puerto { $port }, hacia las { $time } que fueron rechazadas o cortadas, y por qué.
ui-tell_host-intro = Hace falta un cambio en su proveedor de correo. Envíele esto:
ui-tell_host-ip = Dirección IP pública de esta red: { $ip }
ui-tell_host-ip_not_found = No se pudo averiguar desde aquí la dirección IP pública de esta red. Búsquela en sus registros por la hora de la prueba:
ui-tell_host-look_for = Por favor, revisen:
ui-tell_host-time = Hora de la prueba: { $time }
ui-tell_host-title = Avise a su proveedor
ui-tell_host-unknown_ip = la dirección de esta red

# The start screen's language switch (added with the switch itself).
ui-keys-language-label = idioma
ui-start-language = Idioma: { $name } (pulse { $key } para cambiar)
ui-app-more_above = ↑ más
ui-app-more_below = ↓ más
ui-checks-status_passed = correcto
ui-checks-status_failed = fallido
ui-checks-status_warning = aviso
ui-checks-status_skipped = omitido
ui-checks-labels-dns-domain-auth = SPF, DMARC y DKIM de su dominio
ui-checks-labels-autoconfig-outlook = Lo que Outlook configuraría
ui-checks-labels-autoconfig-thunderbird = Lo que Thunderbird configuraría
ui-checks-labels-dns-server-ptr = La dirección del servidor remite a su nombre
ui-checks-labels-dnsbl-client = La dirección de su red en listas de spam
ui-checks-labels-dnsbl-server = La dirección del servidor en listas de spam
ui-keys-export-key = e
ui-keys-export-label = archivo Thunderbird
ui-keys-export-short = archivo
ui-keys-language-key = l
ui-new_account-asking = Preguntando dónde busca la configuración ...
ui-new_account-back = Atrás
# $host $names
ui-new_account-cert_warning = Se detiene con una advertencia de certificado: el certificado de { $host } es para { $names }. Vea en el resultado si debe aceptarlo.
ui-new_account-continue = Continuar
ui-new_account-email_label = Correo electrónico
ui-new_account-intro = Escriba su dirección de correo y elija Buscar. Preguntamos en los mismos sitios que Outlook y Thunderbird para configurar una cuenta nueva, y probamos si esa configuración funciona, antes de que escriba nada más.
ui-new_account-invalid_email = Escriba la dirección completa, por ejemplo usted@example.com.
ui-new_account-look_up = Buscar
ui-new_account-nothing = No encuentra configuración: adivinará el servidor de salida. Elija la configuración manual y escriba los datos de abajo.
ui-new_account-placeholder = usted@example.com
ui-new_account-title = Configurar una cuenta nueva
# $settings
ui-new_account-verified = Configuración comprobada, funciona: { $settings }
ui-new_account-verifying = Probando si esta configuración funciona ...
ui-new_account-works = Esta configuración funciona.
# $settings $source
ui-new_account-would_use = Usaría { $settings } (de { $source })
# $wrong
ui-new_account-wrong = Esta configuración no funciona: { $wrong }. Escriba usted los datos de abajo.
# $path $error
ui-result-export_failed = No se pudo guardar el archivo de configuración en { $path }: { $error }
ui-result-export_offer = Pulse e para guardar esta configuración en un archivo que Thunderbird puede leer (sin su contraseña).
# $path
ui-result-export_saved = Archivo de configuración guardado: { $path }
# $path
ui-result-export_saving = Guardando el archivo de configuración en { $path } …
# $name $reason
ui-start-language_failed = { $name } no está disponible, así que seguimos en este idioma: { $reason }
