## As palavras dos relatórios em texto e em Markdown (assets/report.toml) em português do Brasil.

report-confidence-confirmed = Confirmado
report-confidence-likely = Provável
report-confidence-possible = Possível
report-markdown-also = Também
report-markdown-cause = Causa
report-markdown-check = Verificação
report-markdown-checks = Verificações
# $message
report-markdown-error = Mensagem de erro: { $message }
report-markdown-field = Campo
# $email
report-markdown-heading = Relatório do smtp-doctor para { $email }
# $time $version
report-markdown-made = Gerado em: { $time } (smtp-doctor { $version })
report-markdown-none = (nenhum)
report-markdown-password_given = informada (não mostrada)
report-markdown-password_not_given = não informada
# $ip
report-markdown-public_ip = IP público desta rede: { $ip }
report-markdown-result = Resultado
report-markdown-setting_port = Porta
report-markdown-setting_security = Criptografia
report-markdown-setting_server = Servidor de saída (SMTP)
report-markdown-setting_user = Nome de usuário
report-markdown-settings = Configurações que funcionam
# $server $port $security $user $password
report-markdown-tested = Configurações testadas: servidor { $server }, porta { $port }, criptografia { $security }, usuário { $user }, senha { $password }
report-markdown-transcript = Transcrição SMTP (senha ocultada)
report-markdown-value = Valor
# $verdict
report-markdown-verdict = Veredito: **{ $verdict }**
# The labels are the programs' own (vendor.ftl).
report-other_programs-line = No Thunderbird: { -thunderbird-outgoing-server }. No Apple Mail: { -apple-mail-server-settings }.
# $name
report-phrases-cert_handshake_failed = { $name } leva ao mesmo servidor, mas o certificado dele também não é aceito
report-phrases-cert_no_other = o certificado não cita nenhum outro servidor
# $name
report-phrases-cert_not_a_name = { $name } não é um nome que se possa digitar
# $name
report-phrases-cert_not_found = { $name } não existe no DNS
# $name
report-phrases-cert_not_tried = { $name } não foi testado
# $name
report-phrases-cert_other_server = { $name } leva a outro servidor
# $name
report-phrases-cert_works = { $name } funciona
# $count $cap
report-phrases-sign_in_attempts = o smtp-doctor tentou fazer login { $count } no total (nunca mais de { $cap } vezes, para que o firewall do servidor não bloqueie você)
report-phrases-sign_in_once = uma vez
# $n
report-phrases-sign_in_times = { $n } vezes
report-status-failed = falhou
report-status-passed = passou
report-status-skipped = ignorada
report-status-warning = aviso
report-text-also = Também encontrado:
# $code $confidence
report-text-cause_code = Código da causa: { $code } ({ $confidence })
report-text-checks = Verificações:
report-text-do_this = Faça isto:
# $message
report-text-error = Mensagem de erro: { $message }
# $version $email
report-text-heading = smtp-doctor { $version } - verificação do envio de emails de { $email }
# $verdict
report-text-no_conclusion = { $verdict }: as verificações não chegaram a uma conclusão.
report-text-no_password = nenhuma senha informada
report-text-ok = ✓ OK
report-text-password_given = senha informada
report-text-problem = ✗ PROBLEMA
# $ip
report-text-public_ip = Endereço público desta rede: { $ip }
report-text-setting_port = Porta:
report-text-setting_security = Criptografia:
report-text-setting_server = Servidor de saída (SMTP):
report-text-setting_user = Nome de usuário:
report-text-settings = Configurações que funcionam:
# $list
report-text-tested = Configurações testadas: { $list }
# $port
report-text-tested_port = porta { $port }
# $security
report-text-tested_security = criptografia { $security }
# $server
report-text-tested_server = servidor { $server }
report-text-unsure = ? NÃO TEMOS CERTEZA
report-verdict-inconclusive = Inconclusivo
report-verdict-ok = OK
report-verdict-problem = Problema
report-words-security-none = Nenhuma
report-words-security-ssl-tls = SSL/TLS
report-words-security-starttls = STARTTLS
report-words-unknown = (desconhecido)
report-words-who_acts-administrator = o administrador de email da sua organização
report-words-who_acts-host = sua empresa de hospedagem
report-words-who_acts-person = você, nas configurações de segurança da sua conta no provedor
