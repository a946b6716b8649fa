## Tradução para o português do Brasil de assets/ui.toml (referência: assets/locales/en/ui.ftl).

ui-account-auth = { -outlook-smtp-auth }
ui-account-auto = { -outlook-encryption-auto }
ui-account-back = Voltar
ui-account-bad_email = Digite seu endereço de email completo, como nome@example.com.
ui-account-bad_port = A porta é um número de 1 a 65535, como 587.
ui-account-check = Verificar
ui-account-email = Endereço de email
ui-account-empty_port = vazio: testamos 587, 465 e 25
ui-account-empty_server = vazio: nós procuramos
ui-account-empty_user = vazio: seu endereço de email
ui-account-encryption = Conexão criptografada
ui-account-intro = Digite os dados como seu programa de email mostra. No Outlook: { -outlook-account-settings } › { -outlook-change } › { -outlook-more-settings } › { -outlook-tab-outgoing-server } e { -outlook-tab-advanced }.
ui-account-not_used = não usado
ui-account-password = Senha (opcional)
ui-account-password_why = Com sua senha também podemos testar o login, o problema mais comum. Ela só é usada neste teste e nunca é salva nem mostrada.
ui-account-port = Porta do servidor de saída (SMTP)
ui-account-server = { -outlook-server-field }
# $provider
ui-account-signin_app_password = ! { $provider } só aceita aqui uma senha de app (criada nas configurações de segurança da sua conta), não sua senha normal.
# $provider
ui-account-signin_app_password_or_oauth = ! { $provider } não aceita aqui sua senha normal: digite uma senha de app, criada nas configurações de segurança da sua conta.
# $provider
ui-account-signin_oauth = ! { $provider } não aceita senhas de programas de email: adicione a conta no Outlook pela página de login do próprio { $provider }.
ui-account-title = Sua conta
ui-account-user = Usuário
ui-app-agent_badge = modo suporte
# $n $step
ui-app-step_of = Etapa { $n } de 3: { $step }
# $n
ui-checks-count_not_needed = { $n ->
    [one] { $n } desnecessária
   *[other] { $n } desnecessárias
}
# $n
ui-checks-count_passed = { $n ->
    [one] { $n } aprovada
   *[other] { $n } aprovadas
}
# $n
ui-checks-count_skipped = { $n ->
    [one] { $n } ignorada
   *[other] { $n } ignoradas
}
# $n
ui-checks-count_warned = { $n } com aviso
ui-checks-labels-dns-domain-dmarc = Política DMARC do seu domínio
ui-checks-labels-dns-domain-mx = Servidores de email do seu domínio (MX)
ui-checks-labels-dns-domain-srv = Servidor de email publicado do domínio
ui-checks-labels-dns-domain-txt = Política de remetentes do domínio (SPF)
ui-checks-labels-dns-server-a = Encontrar o servidor pelo nome
ui-checks-labels-input-server_name = O nome do servidor está escrito certo
# $id
ui-checks-labels-other = { $id }
# $port
ui-checks-labels-smtp = Conversar com o servidor na porta { $port }
# $port
ui-checks-labels-tcp = Alcançar o servidor na porta { $port }
ui-checks-no_run = Nada verificado ainda.
ui-checks-not_needed_why = desnecessária para este resultado
ui-checks-not_run = não feita
ui-checks-not_run_why = uma etapa anterior falhou
ui-checks-now = agora
ui-checks-question_title = Uma pergunta
# $elapsed $budget
ui-checks-running = { $elapsed } de { $budget }
# $elapsed $budget
ui-checks-running_steps = { $elapsed }, { $budget } por etapa
# $n
ui-checks-step_count = { $n ->
    [one] { $n } verificação aprovada
   *[other] { $n } verificações aprovadas
}
ui-checks-step_failed = com problema
ui-checks-step_not_needed = desnecessária
ui-checks-step_passed = tudo certo
ui-checks-step_running = verificando
ui-checks-step_waiting = aguardando
ui-checks-still_running = Algumas verificações ainda estão terminando; o resultado pode mudar.
# $email
ui-checks-title = Verificando { $email }
ui-checks-waiting = aguardando
ui-error-back = Voltar
ui-error-box_title = Mensagem de erro
ui-error-continue = Continuar
# $account
ui-error-detail_account = conta { $account }
# $code
ui-error-detail_code = erro { $code }
ui-error-intro = Cole a mensagem inteira (botão direito ou Ctrl+Shift+V) ou digite só o código, por exemplo 0x800CCC0E.
ui-error-nothing = Nada reconhecido ainda. Tudo bem: as verificações encontram a causa mesmo assim.
ui-error-placeholder = A tarefa 'voce@example.com - Enviando' relatou o erro (0x800CCC0E) ...
ui-error-read_title = O que lemos
# $reply
ui-error-reply = O servidor respondeu: “{ $reply }”.
# $meaning $details
ui-error-sentence = { $meaning } ({ $details }).
# $meaning
ui-error-sentence_plain = { $meaning }.
ui-error-title = O que diz a mensagem de erro?
# $code
ui-error-unknown_code = Ainda não conhecemos o código { $code }; as verificações vão encontrar a causa
ui-failure-change = Alterar dados
ui-failure-dns_hint = O servidor de nomes (--dns-server) não pode ser usado. Você pode continuar com o servidor de nomes deste computador.
ui-failure-intro = O smtp-doctor não conseguiu preparar as verificações:
ui-failure-kiosk_hint = As configurações deste quiosque o indicam, então só quem configurou este quiosque pode alterá-las: mostre esta mensagem a essa pessoa.
ui-failure-other_hint = Verifique as configurações e tente de novo.
ui-failure-quit = Sair
ui-failure-retry = Repetir
ui-failure-title = As verificações não começaram
ui-failure-tree_hint = Um arquivo da árvore de decisão (--tree ou --tree-extra) tem um problema, mostrado acima com linha e coluna. Você pode continuar com as verificações integradas.
ui-failure-trust_hint = O arquivo de certificados extras (--ca-file) não pode ser usado. Você pode continuar com os certificados em que este computador já confia.
ui-failure-use_builtin = Usar verificações integradas
ui-failure-use_system = Usar o padrão deste computador
ui-help-text =
    O smtp-doctor descobre por que seu programa de email não consegue enviar e diz o que mudar.
    
    Como navegar
    {"  "}↑ ↓ ou Tab, Shift-Tab   passar entre opções e campos
    {"  "}Enter                   escolher, ou ir para o próximo campo
    {"  "}Espaço, ← →             mudar uma opção (criptografia, a caixa de autenticação)
    {"  "}Esc                     voltar uma tela (durante as verificações, interrompe-as)
    {"  "}PgUp, PgDn, Home, End   rolar textos longos (resultados, visão técnica, esta ajuda)
    {"  "}Mouse                   clique em uma opção ou um botão; a roda rola
    
    Em qualquer tela
    {"  "}? ou F1                 esta ajuda
    {"  "}t ou F2                 visão técnica: cada verificação com seu tempo, e a conversa SMTP
    {"  "}s ou Ctrl-S             salvar o relatório, ou mostrá-lo como texto para um chamado de suporte
    {"  "}q ou Ctrl-Q ou F10      sair (pergunta antes se há verificações em andamento)
    {"  "}Ctrl-C                  sair na hora
    
    No servidor de email ("Estou no servidor de email")
    {"  "}Digite o endereço IP do cliente ou o caminho do relatório que ele salvou; os resultados mostram o que bloqueia o endereço, as linhas de log, os serviços e o que foi lido. "Remover o bloqueio" lista os comandos e pergunta antes de executá-los; nada mais altera o servidor.
    
    Em um campo de texto, as letras são digitadas, então t, s, q e ? vão para o campo: use F1, F2, Ctrl-S e Ctrl-Q nesse caso. A barra de teclas embaixo sempre mostra o que funciona nesta tela.
    
    A senha é opcional. Com ela, a verificação também pode testar o login. Ela nunca é salva, nunca é mostrada e nunca aparece no relatório nem na visão técnica.
    
    As verificações começam assim que suas configurações são conhecidas. Nada é enviado: o teste para antes que qualquer email saia.
    
    Para copiar texto: na tela "Mostrar texto para copiar", o mouse seleciona o texto como sempre. Inicie com --high-contrast para uma exibição de alto contraste; NO_COLOR desativa as cores.{"\u000A"}
ui-help-title = Ajuda
ui-keys-back-key = Esc
ui-keys-back-label = voltar
ui-keys-cancel-key = n
ui-keys-cancel-label = cancelar
ui-keys-choose-key = Enter
ui-keys-choose-label = escolher
ui-keys-close-key = Esc
ui-keys-close-label = fechar
ui-keys-help-key = ?
ui-keys-help-label = ajuda
ui-keys-help_f-key = F1
ui-keys-help_f-label = ajuda
ui-keys-move-key = ↑↓
ui-keys-move-label = mover
ui-keys-next_field-key = Enter
ui-keys-next_field-label = próximo campo
ui-keys-next_field-short = próximo
ui-keys-no-key = n
ui-keys-no-label = continuar
ui-keys-no-short = ficar
ui-keys-pick-key = 1-6
ui-keys-pick-label = escolher
ui-keys-proceed-key = Enter
ui-keys-proceed-label = continuar
ui-keys-quit-key = q
ui-keys-quit-label = sair
ui-keys-quit_ctrl-key = Ctrl-Q
ui-keys-quit_ctrl-label = sair
ui-keys-run-key = y
ui-keys-run-label = executar
ui-keys-save-key = s
ui-keys-save-label = relatório
ui-keys-save_ctrl-key = Ctrl-S
ui-keys-save_ctrl-label = relatório
ui-keys-save_file-key = Enter
ui-keys-save_file-label = salvar
ui-keys-look_up-key = Enter
ui-keys-look_up-label = procurar
ui-keys-scroll-key = ↑↓
ui-keys-scroll-label = rolar
ui-keys-tab-key = Tab
ui-keys-tab-label = próximo
ui-keys-technical-key = t
ui-keys-technical-label = técnico
ui-keys-technical-short = téc
ui-keys-technical_f-key = F2
ui-keys-technical_f-label = técnico
ui-keys-technical_f-short = téc
ui-keys-toggle-key = Espaço
ui-keys-toggle-label = mudar
ui-keys-yes-key = y
ui-keys-yes-label = sair agora
ui-keys-yes-short = sair
ui-kiosk-no_quit_text = Este computador mantém o smtp-doctor aberto para todos, então ele não pode ser fechado aqui. Pressione Esc para voltar.
ui-kiosk-no_quit_title = O smtp-doctor fica aberto
ui-kiosk-offline_intro = O smtp-doctor precisa de uma conexão para testar suas configurações de email, e este computador está sem conexão agora. Verifique:
ui-kiosk-offline_retry = O smtp-doctor tenta de novo a cada poucos segundos e continua sozinho assim que a conexão voltar.
ui-kiosk-offline_steps-1 = O cabo de rede está bem encaixado nas duas pontas (no computador e na parede ou no aparelho)?
ui-kiosk-offline_steps-2 = Ou, no Wi-Fi: o Wi-Fi está ligado e conectado à rede do escritório?
ui-kiosk-offline_steps-3 = Se outros computadores daqui também estão sem internet, avise a equipe do escritório ou seu contato de TI.
ui-kiosk-offline_title = Este computador não está conectado à internet
ui-kiosk-pick-key = 1-5
ui-kiosk-pick-label = escolher
ui-kiosk-pin_back-key = Esc
ui-kiosk-pin_back-label = voltar
ui-kiosk-pin_enter-key = Enter
ui-kiosk-pin_enter-label = fechar o smtp-doctor
ui-kiosk-pin_enter-short = fechar
ui-kiosk-pin_label = PIN:
ui-kiosk-pin_text = Este computador mantém o smtp-doctor aberto para todos. Para fechá-lo, digite o PIN do administrador e pressione Enter.
ui-kiosk-pin_title = Fechar o smtp-doctor
# $seconds
ui-kiosk-pin_wait = PINs errados demais. Tente de novo em { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}.
ui-kiosk-pin_wrong = Esse PIN não está certo.
ui-kiosk-report_folder = O relatório é salvo neste computador, na pasta de relatórios:
ui-kiosk-report_name = O smtp-doctor escolhe o nome do arquivo; peça uma cópia à equipe do escritório.
ui-quit-no = Continuar
ui-quit-text = Verificações em andamento. Sair mesmo assim?
ui-quit-title = Sair?
ui-quit-yes = Sair
ui-report-back = Voltar
ui-report-copy_title = Selecione o texto com o mouse e copie. Esc volta.
ui-report-empty_path = Digite um nome de arquivo.
# $path $error
ui-report-failed = Não foi possível salvar em { $path }: { $error }
ui-report-intro = O relatório diz o que foi verificado e o que foi encontrado. Ele nunca contém sua senha.
ui-report-not_ready = O relatório fica pronto assim que as verificações começam.
ui-report-save = Salvar
ui-report-save_label = Salvar como Markdown em:
# $path
ui-report-saved = Salvo em { $path }
# $path
ui-report-saving = Salvando em { $path } …
ui-report-show_text = Mostrar texto para copiar num chamado
ui-report-title = Salvar ou enviar o relatório
ui-result-change = Alterar dados
# $code
ui-result-code = Código da causa: { $code }
ui-result-confidence-confirmed = certo
ui-result-confidence-likely = provável
ui-result-confidence-possible = possível
ui-result-do_this = Faça isto
ui-result-finishing = Algumas verificações ainda estão terminando; isto ainda pode mudar.
ui-result-next = Se isso não ajudar
ui-result-next_none = Salve o relatório (o botão Relatório abaixo) e envie-o a quem cuida do seu email: ele contém tudo de que essa pessoa precisa.
ui-result-no_cause = As verificações não chegaram a uma conclusão.
ui-result-nothing_to_do = Nada a mudar: estas configurações funcionam.
ui-result-ok = O envio funciona
ui-result-problem = Há um problema
ui-result-quit = Sair
ui-result-save = Relatório
ui-result-setting_auth = { -outlook-smtp-auth }
ui-result-setting_auth_value = marcada
ui-result-setting_port = Porta do servidor de saída (SMTP)
ui-result-setting_security = Conexão criptografada
ui-result-setting_server = { -outlook-server-field }
ui-result-setting_user = Usuário
ui-result-settings = Configuração certa
ui-result-technical = Detalhes técnicos
ui-result-unsure = Incerto
ui-server-account = Login do cliente (opcional)
ui-server-account_placeholder = alice@example.com
ui-server-again = Ver de novo
ui-server-applied = Desbloqueio executado
ui-server-applying = Executando os comandos de desbloqueio e lendo tudo de novo …
ui-server-audit = Procurar clientes bloqueados
ui-server-audit_again = Checar de novo
ui-server-audit_applying = Executando os comandos para os clientes e lendo as listas de bloqueio de novo …
ui-server-audit_confirm_text = Estes comandos serão executados neste servidor agora, só para os endereços dos clientes:
ui-server-audit_confirm_title = Desbloquear e liberar os clientes?
ui-server-audit_lift = Desbloquear e liberar clientes
# $n
ui-server-audit_more = … e mais { $n } (smtp-doctor server --audit --json lista todos)
ui-server-audit_none = Nada neste servidor bloqueia um endereço.
ui-server-audit_title = Clientes bloqueados
ui-server-auditing = Lendo todos os bloqueios deste servidor e uma semana de logs de email …
ui-server-back = Voltar
ui-server-blocks = Bloqueios, na ordem em que um pacote os encontra
ui-server-confirm_no = Cancelar
ui-server-confirm_text = Estes comandos serão executados neste servidor agora:
ui-server-confirm_title = Remover o bloqueio?
ui-server-confirm_yes = Executar
ui-server-declined = Não executado. Nada foi alterado.
ui-server-do_this = Faça isto
ui-server-empty = Digite o endereço IP do cliente ou o caminho do relatório dele.
# $ids
ui-server-evidence = Evidências: { $ids }
# $file $time
ui-server-from_report = Do relatório do cliente { $file }, feito em { $time }.
ui-server-gone = Lido de novo: o bloqueio sumiu.
ui-server-intro = Digite ou cole o endereço IP público do cliente, ou o caminho do relatório que ele salvou com o smtp-doctor. Isto lê o firewall, as listas de banimento, os logs e o serviço de email; nada neste servidor é alterado, a menos que você escolha remover um bloqueio.
ui-server-lift = Remover o bloqueio
ui-server-log = Linhas de log, por hora
ui-server-look = Ver
# $ip
ui-server-no_blocks = Nenhuma regra ou entrada para { $ip }.
# $ip
ui-server-no_log = Nenhuma linha de log sobre { $ip } no período.
ui-server-ok = Não bloqueado
ui-server-problem = Há um problema
ui-server-quit = Sair
# $target
ui-server-reading = Lendo o firewall, as listas de banimento, os logs e o serviço de email para { $target } …
ui-server-readonly = Nada neste servidor foi alterado.
ui-server-report = Relatório
ui-server-services = Serviços
ui-server-sources = Fontes
ui-server-still = Lido de novo: o endereço continua bloqueado.
ui-server-target = IP do cliente, ou o relatório que ele salvou
ui-server-target_placeholder = 198.51.100.7, ou /home/support/smtp-doctor-report.md
ui-server-title = Descobrir o que bloqueia um cliente
ui-server-unsure = Incerto
# $since $until $length
ui-server-window = Logs lidos de { $since } a { $until } ({ $length }).
ui-start-choices-error-hint = cole-a ou digite o código
ui-start-choices-error-label = Vejo uma mensagem de erro
ui-start-choices-outbox-label = Meus emails ficam na Caixa de Saída
ui-start-choices-password-label = O pedido de senha sempre volta
ui-start-choices-new_account-label = Estou configurando uma conta nova
ui-start-choices-agent-hint = abre a visão técnica
ui-start-choices-agent-label = Sou do suporte
ui-start-choices-server-hint = suporte: o que bloqueia um cliente
ui-start-choices-server-label = Estou no servidor de email
ui-start-intro = Escolha o que você vê. Verificamos suas configurações, sua rede e o servidor, e dizemos exatamente o que mudar.
ui-start-title = Por que seu email não é enviado?
ui-steps-network = Sua rede
ui-steps-server = O servidor
ui-steps-settings = Configurações
ui-technical-causes = Causas
ui-technical-checks = Verificações
ui-technical-input = Entrada
ui-technical-no_password = sem senha
ui-technical-no_transcript = Nenhuma conversa SMTP ainda.
ui-technical-none = nenhum
ui-technical-password_given = senha informada (não mostrada)
ui-technical-path = Caminho da decisão
ui-technical-pending = em andamento
ui-technical-title = Visão técnica
ui-technical-transcript = Transcrição SMTP (senhas ocultadas)
# $ip $port
ui-tell_host-by_cause-reputation-client_ip_listed = se { $ip } está em uma lista de bloqueio que o servidor aplica às conexões de login (submission) na porta { $port }.
# $server
ui-tell_host-by_cause-server-cert_chain_incomplete = o certificado de { $server }: ele é enviado sem o certificado intermediário. É preciso instalar o arquivo com a cadeia completa.
# $server $time
ui-tell_host-by_cause-server-cert_expired = o certificado de { $server }: quando verificamos, em { $time }, ele estava vencido. Ele precisa ser renovado.
# $server
ui-tell_host-by_cause-server-cert_name_mismatch = o certificado de { $server }: ele não contém o nome { $server }. É preciso um certificado para esse nome, ou vocês devem informar o nome a usar.
# $server
ui-tell_host-by_cause-server-cert_untrusted = o certificado de { $server }: ele não foi emitido por uma autoridade confiável.
# $ip
ui-tell_host-by_cause-server-client_ip_blocked = um bloqueio de { $ip } no firewall ou na proteção contra força bruta (por exemplo CSF/LFD, cPHulk ou Fail2Ban), normalmente após várias tentativas de login erradas. Por favor, removam o bloqueio.
# $server $ip $time
ui-tell_host-by_cause-server-host_unreachable = se o servidor { $server } está funcionando e acessível pela internet; de { $ip }, em { $time }, ele não respondeu nada.
# $server $port $time
ui-tell_host-by_cause-server-no_tls = a criptografia (STARTTLS ou SSL/TLS) em { $server } porta { $port }: o servidor não ofereceu nenhuma em { $time }.
# $server $time $ip
ui-tell_host-by_cause-server-overloaded = por que { $server } recusou conexões por estar ocupado por volta de { $time } (limites de conexões, carga, limites de taxa para { $ip }).
# $server $port $time
ui-tell_host-by_cause-server-service_down = se o serviço de email em { $server } porta { $port } está funcionando; em { $time } o servidor recusou as conexões a ele.
# $server
ui-tell_host-by_cause-server-tls_outdated = as configurações de criptografia de { $server }: ele só oferece versões antigas de TLS que os programas de email atuais recusam.
# $ip $server $port $time
ui-tell_host-by_cause-unknown-needs_server_side = o log do servidor de email sobre conexões de { $ip } para { $server } porta { $port } por volta de { $time }, e o que ele diz sobre elas.
# $ip $server $port $time
ui-tell_host-default = conexões de { $ip } para { $server } porta { $port } por volta de { $time } que foram recusadas, descartadas ou rejeitadas, e o motivo.
ui-tell_host-intro = Seu provedor de email precisa mudar algo. Envie a ele:
# $ip
ui-tell_host-ip = Endereço IP público desta rede: { $ip }
ui-tell_host-ip_not_found = Não foi possível descobrir daqui o endereço IP público desta rede. Procure-o nos seus logs pela hora do teste:
ui-tell_host-look_for = Por favor, vejam:
# $time
ui-tell_host-time = Hora do teste: { $time }
ui-tell_host-title = Avise seu provedor
ui-tell_host-unknown_ip = o endereço desta rede

# The start screen's language switch (added with the switch itself).
ui-keys-language-label = idioma
ui-start-language = Idioma: { $name } (pressione { $key } para mudar)

# Added in the second pass: blocklists, reverse DNS, the new-account path, the settings file.
ui-checks-labels-dns-server-ptr = O endereço do servidor leva de volta ao nome dele
ui-checks-labels-dnsbl-client = Sua rede em listas de bloqueio de spam
ui-checks-labels-dnsbl-server = O servidor em listas de bloqueio de spam
ui-keys-export-key = e
ui-keys-export-label = arquivo Thunderbird
ui-keys-export-short = arquivo
ui-keys-language-key = l
ui-new_account-asking = Perguntando onde ele busca as configurações ...
ui-new_account-back = Voltar
# $host $names
ui-new_account-cert_warning = Para com um aviso de certificado: o certificado em { $host } é para { $names }. Veja no resultado se você deve aceitá-lo.
ui-new_account-continue = Continuar
ui-new_account-email_label = Endereço de email
ui-new_account-intro = Digite seu endereço de email e escolha Procurar. Perguntamos nos mesmos lugares onde o Outlook e o Thunderbird buscam as configurações de uma conta nova e testamos se elas funcionam, antes de você digitar qualquer outra coisa.
ui-new_account-invalid_email = Digite o endereço de email completo, por exemplo voce@example.com.
ui-new_account-look_up = Procurar
ui-new_account-nothing = Não encontra configurações: vai adivinhar o servidor de saída. Escolha a configuração manual e digite as configurações abaixo.
ui-new_account-placeholder = voce@example.com
ui-new_account-title = Configurando uma conta nova
# $settings
ui-new_account-verified = Configurações testadas e funcionando: { $settings }
ui-new_account-verifying = Testando se estas configurações funcionam ...
ui-new_account-works = Estas configurações funcionam.
# $settings $source
ui-new_account-would_use = Usaria { $settings } (de { $source })
# $wrong
ui-new_account-wrong = Estas configurações não funcionam: { $wrong }. Digite você mesmo as configurações abaixo.
# $path $error
ui-result-export_failed = Não foi possível salvar o arquivo de configurações em { $path }: { $error }
ui-result-export_offer = Pressione e para salvar estas configurações num arquivo que o Thunderbird lê (sua senha não vai nele).
# $path
ui-result-export_saved = Arquivo de configurações salvo: { $path }
# $path
ui-result-export_saving = Salvando o arquivo de configurações em { $path } …
ui-app-more_above = ↑ mais
ui-app-more_below = ↓ mais
ui-checks-status_passed = aprovado
ui-checks-status_failed = falhou
ui-checks-status_warning = aviso
ui-checks-status_skipped = ignorado
ui-checks-labels-dns-domain-auth = SPF, DMARC e DKIM do seu domínio
ui-checks-labels-autoconfig-outlook = O que o Outlook configuraria
ui-checks-labels-autoconfig-thunderbird = O que o Thunderbird configuraria
# $name $reason
ui-start-language_failed = { $name } não está disponível, então continuamos neste idioma: { $reason }
