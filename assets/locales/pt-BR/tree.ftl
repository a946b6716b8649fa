## Tradução para o português do Brasil de assets/tree.toml (referência: assets/locales/en/tree.ftl).

tree-node-auth-title = O servidor aceita seu nome de usuário e sua senha?
tree-node-auth_also-title = O servidor aceita seu nome de usuário e sua senha?
tree-node-auth_fault-title = O servidor seguiu o protocolo de email durante o login?
tree-node-auth_reply-title = Por que o login foi recusado?
# $provider $provider-explain
tree-node-c_app_password-explanation = { $provider } recusou o login e explicou o motivo: { $provider-explain } Digitar de novo sua senha normal não vai ajudar, e falhas repetidas podem bloquear esta rede por um tempo.
# $provider-who_acts $provider
tree-node-c_app_password-fix-1 = Isto cabe a { $provider-who_acts }: entre na sua conta { $provider } em um navegador e abra as configurações de segurança.
tree-node-c_app_password-fix-2 = Ative a verificação em duas etapas, se estiver desativada, e depois crie uma senha de app (uma senha só para programas de email) e copie-a.
# $email
tree-node-c_app_password-fix-3 = No Outlook, abra { -outlook-account-settings }, selecione { $email }, clique em { -outlook-change } e digite a senha de app no lugar da sua senha.
tree-node-c_app_password-fix-4 = Envie uma mensagem de teste para você mesmo.
# $provider
tree-node-c_app_password-title = { $provider } quer uma senha de app, não a senha da sua conta
# $reply
tree-node-c_auth_busy-explanation = O servidor respondeu que o login falhou por um motivo temporário: { $reply }
tree-node-c_auth_busy-fix-1 = Aguarde alguns minutos e envie de novo.
# $reply
tree-node-c_auth_busy-fix-2 = Se isso continuar, avise seu provedor de email e cite: { $reply }
tree-node-c_auth_busy-title = O servidor de email não conseguiu verificar sua senha agora
tree-node-c_auth_mechanism-explanation = Os métodos de login que o servidor oferece não incluem o que está sendo usado.
# $email
tree-node-c_auth_mechanism-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
tree-node-c_auth_mechanism-fix-2 = Desmarque '{ -outlook-spa }'.
tree-node-c_auth_mechanism-fix-3 = Clique em { -outlook-next } e tente de novo.
tree-node-c_auth_mechanism-title = O método de login não é um dos que o servidor aceita
# $reply
tree-node-c_auth_missing-explanation = O servidor se recusou a encaminhar uma mensagem sem login: { $reply }
# $email
tree-node-c_auth_missing-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings }.
tree-node-c_auth_missing-fix-2 = Na guia { -outlook-tab-outgoing-server }, marque '{ -outlook-smtp-auth }'.
# $recommended-user
tree-node-c_auth_missing-fix-3 = Escolha '{ -outlook-same-as-incoming }' (o nome de usuário é { $recommended-user }).
tree-node-c_auth_missing-fix-4 = Clique em { -outlook-ok } e depois em { -outlook-next }.
tree-node-c_auth_missing-title = O servidor quer que você faça login antes de enviar emails
# $domain
tree-node-c_auth_records_missing-explanation = O domínio { $domain } não tem registro SPF ou DMARC. Seus emails saem normalmente, mas os destinatários podem tratá-los como spam.
# $domain
tree-node-c_auth_records_missing-fix-1 = Peça a quem administra o domínio { $domain } que publique registros SPF e DMARC para o servidor de email.
tree-node-c_auth_records_missing-title = O envio funciona, mas seu domínio não garante os próprios emails
# $reply
tree-node-c_auth_rejected-explanation = O servidor recusou o login: { $reply }. Atenção: várias tentativas erradas seguidas podem fazer o servidor bloquear esta rede.
tree-node-c_auth_rejected-fix-1 = Entre no seu webmail com a mesma senha para conferi-la.
# $email
tree-node-c_auth_rejected-fix-2 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }; digite a senha de novo.
# $recommended-user
tree-node-c_auth_rejected-fix-3 = Em { -outlook-more-settings } > { -outlook-tab-outgoing-server }, confira se o nome de usuário é { $recommended-user } (normalmente seu endereço de email completo).
tree-node-c_auth_rejected-fix-4 = Se o seu provedor usa login em duas etapas, crie uma senha de app e use-a no lugar.
tree-node-c_auth_rejected-title = O servidor não aceita seu nome de usuário ou sua senha
# $server $cert-issuer_name
tree-node-c_cert_chain_incomplete-explanation = O certificado de { $server } foi emitido por { $cert-issuer_name }, mas o servidor o envia sem o certificado de { $cert-issuer_name } (um certificado intermediário) que o liga a uma autoridade em que seu computador confia. Alguns programas de email buscam sozinhos o certificado que falta e funcionam; outros (o Outlook em alguns computadores, muitos celulares) não conseguem verificar o certificado e se recusam a conectar.
tree-node-c_cert_chain_incomplete-fix-1 = Não aceite o aviso de certificado: o certificado em si provavelmente está certo, o servidor só o envia incompleto.
# $server $cert-issuer_name
tree-node-c_cert_chain_incomplete-fix-2 = Avise seu provedor de email que { $server } envia o certificado sem o certificado intermediário '{ $cert-issuer_name }'.
tree-node-c_cert_chain_incomplete-fix-3 = O provedor precisa instalar o certificado junto com esse intermediário: o arquivo 'full chain' (cadeia completa) da autoridade certificadora. No Postfix: liste a chave e o arquivo full chain em smtpd_tls_chain_files (ou aponte smtpd_tls_cert_file para o arquivo full chain) e execute 'postfix reload'.
tree-node-c_cert_chain_incomplete-fix-4 = Faça esta verificação de novo quando o provedor tiver feito isso.
tree-node-c_cert_chain_incomplete-title = O servidor não envia o certificado intermediário
# $cert-not_after
tree-node-c_cert_expired-explanation = O certificado que prova que o servidor é verdadeiro está vencido (válido até { $cert-not_after }), então seu programa de email se recusa a confiar nele.
# $server
tree-node-c_cert_expired-fix-1 = Não aceite o aviso de certificado: avise seu provedor de email que o certificado de { $server } venceu e precisa ser renovado.
tree-node-c_cert_expired-fix-2 = Confira se a data e a hora deste computador estão certas; um relógio errado pode fazer um certificado bom parecer vencido.
tree-node-c_cert_expired-title = O certificado de segurança do servidor venceu
# $server $cert-names $cert-names_tried
tree-node-c_cert_name_host_fix-explanation = Você se conecta a { $server }, mas o certificado do servidor foi emitido para { $cert-names }. O smtp-doctor testou os próprios nomes do certificado: { $cert-names_tried }. Assim, nenhum nome de servidor dá uma conexão verificada: seu provedor de email precisa corrigir o certificado.
tree-node-c_cert_name_host_fix-fix-1 = Não aceite o aviso de certificado.
# $server
tree-node-c_cert_name_host_fix-fix-2 = Peça ao seu provedor de email que instale em { $server } um certificado de uma autoridade certificadora pública que cubra o nome { $server }, ou que informe o nome de servidor para o qual o certificado foi emitido.
tree-node-c_cert_name_host_fix-title = O certificado do servidor é de outro nome, e nenhum nome dele funciona
# $server $cert-names
tree-node-c_cert_name_mismatch-explanation = Você se conecta a { $server }, mas o certificado do servidor foi emitido para { $cert-names }. Empresas de hospedagem costumam ter um só certificado para o nome do próprio servidor.
# $cert-names
tree-node-c_cert_name_mismatch-fix-1 = Se o seu provedor de email confirmar, use como servidor de saída o nome do certificado: { $cert-names }.
# $server
tree-node-c_cert_name_mismatch-fix-2 = Caso contrário, peça ao seu provedor de email que instale um certificado que cubra { $server }.
tree-node-c_cert_name_mismatch-title = O certificado do servidor é de outro nome
# $server
tree-node-c_cert_self_signed-explanation = O certificado de { $server } é autoassinado: o servidor o criou para si mesmo e nenhuma autoridade certificadora o garante, então seu programa de email não consegue distinguir o servidor verdadeiro de um impostor.
tree-node-c_cert_self_signed-fix-1 = Não aceite o aviso de certificado.
# $server
tree-node-c_cert_self_signed-fix-2 = Peça ao seu provedor de email que instale em { $server } um certificado de uma autoridade certificadora pública (existem gratuitos, por exemplo do Let's Encrypt).
tree-node-c_cert_self_signed-title = O certificado do servidor foi criado pelo próprio servidor
# $cert-issuer
tree-node-c_cert_untrusted-explanation = O certificado foi emitido por { $cert-issuer }, uma autoridade em que este computador não confia: uma autoridade certificadora privada ou de empresa, ou uma que este computador não conhece.
tree-node-c_cert_untrusted-fix-1 = Não aceite o aviso de certificado.
# $server
tree-node-c_cert_untrusted-fix-2 = Peça ao seu provedor de email que instale em { $server } um certificado de uma autoridade certificadora pública.
# $cert-issuer_name
tree-node-c_cert_untrusted-fix-3 = Se { $cert-issuer_name } for a autoridade da sua própria organização, peça ao seu departamento de TI que instale o certificado dela neste computador.
tree-node-c_cert_untrusted-title = O certificado do servidor não é de uma autoridade confiável
# $server $cert-names $cert-working_name
tree-node-c_cert_use_its_name-explanation = Você se conecta a { $server }, mas o certificado do servidor foi emitido para { $cert-names }: empresas de hospedagem costumam ter um só certificado para o nome do próprio servidor. { $cert-working_name } leva ao mesmo servidor, e com esse nome a conexão criptografada foi verificada.
# $email
tree-node-c_cert_use_its_name-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $cert-working_name $server
tree-node-c_cert_use_its_name-fix-2 = Digite { $cert-working_name } em '{ -outlook-server-field }' (no lugar de { $server }).
# $recommended-port $recommended-security
tree-node-c_cert_use_its_name-fix-3 = Clique em { -outlook-more-settings } > { -outlook-tab-advanced }: defina '{ -outlook-port-field }' como { $recommended-port } e '{ -outlook-encryption-field }' como { $recommended-security }.
tree-node-c_cert_use_its_name-fix-4 = Clique em { -outlook-ok } e depois em { -outlook-next }. Não aceite nenhum aviso de certificado: com este nome não deve aparecer nenhum.
# $cert-working_name
tree-node-c_cert_use_its_name-title = Digite { $cert-working_name } como servidor de saída
# $reply
tree-node-c_client_listed-explanation = O servidor recusou a mensagem de teste por causa de uma lista de bloqueio: { $reply }
# $recommended-port $recommended-security
tree-node-c_client_listed-fix-1 = Envie pela porta de envio do seu provedor, com login ({ $recommended-port }, { $recommended-security }), que não deve ser filtrada por listas de bloqueio.
# $public_ip
tree-node-c_client_listed-fix-2 = Peça ao seu provedor de email ou de internet que verifique a listagem de { $public_ip }.
tree-node-c_client_listed-title = O endereço desta rede está em uma lista de bloqueio de spam
# $reply
tree-node-c_client_listed_greeting-explanation = O servidor recusou esta rede antes de qualquer login: { $reply }. Os servidores fazem isso quando o endereço de uma rede está em uma lista de bloqueio de spam ou na lista de bloqueio deles.
tree-node-c_client_listed_greeting-fix-1 = Tente enviar de outra rede (por exemplo, o roteador do celular).
# $public_ip
tree-node-c_client_listed_greeting-fix-2 = Pergunte ao seu provedor de email por que { $public_ip } é recusado, citando a resposta do servidor.
tree-node-c_client_listed_greeting-title = O servidor de email recusa esta rede
# $dns-refusing
tree-node-c_dns_refused-explanation = O servidor DNS que este computador usa ({ $dns-refusing }) responde, mas o serviço de nomes dele (DNS, que transforma nomes em endereços) recusa todas as perguntas: ele está parado ou desligado. A rede em si funciona, mas nenhum servidor pode ser encontrado pelo nome.
tree-node-c_dns_refused-fix-1 = Reinicie seu roteador (tire-o da tomada por 30 segundos): o serviço DNS dele normalmente volta junto.
# $dns-refusing
tree-node-c_dns_refused-fix-2 = Se as configurações de rede deste computador indicam um servidor DNS à mão ({ $dns-refusing }), volte para 'Obter o endereço dos servidores DNS automaticamente' ou informe outro servidor DNS.
# $dns-refusing
tree-node-c_dns_refused-fix-3 = Se continuar falhando, avise quem cuida desta rede que o serviço DNS em { $dns-refusing } está parado.
tree-node-c_dns_refused-title = O serviço DNS desta rede não está funcionando
tree-node-c_dns_unavailable-explanation = O serviço que transforma nomes em endereços (DNS) não respondeu, então nenhum servidor pode ser encontrado pelo nome.
tree-node-c_dns_unavailable-fix-1 = Confira se este computador está conectado à internet: abra um site conhecido.
tree-node-c_dns_unavailable-fix-2 = Reinicie seu roteador ou conecte-se a outra rede (por exemplo, o roteador do celular) e tente de novo.
tree-node-c_dns_unavailable-fix-3 = Se continuar falhando, avise quem cuida desta rede que a consulta de nomes (DNS) não funciona.
tree-node-c_dns_unavailable-title = Este computador não consegue consultar nomes de servidores
tree-node-c_encryption_off-explanation = O servidor só permite login por uma conexão criptografada, e seu programa de email está configurado para enviar sem criptografia.
# $email
tree-node-c_encryption_off-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
# $recommended-security $recommended-port
tree-node-c_encryption_off-fix-2 = Defina '{ -outlook-encryption-field }' como { $recommended-security } e '{ -outlook-port-field }' como { $recommended-port }.
tree-node-c_encryption_off-fix-3 = Clique em { -outlook-ok } e depois em { -outlook-next }.
tree-node-c_encryption_off-title = A criptografia está desativada, mas o servidor a exige
# $server
tree-node-c_host_down-explanation = Um roteador no caminho até { $server } informou que a máquina não pode ser alcançada, enquanto outros servidores de email respondem normalmente. O servidor está desligado, com defeito ou mudou de lugar.
tree-node-c_host_down-fix-1 = Aguarde um pouco e tente de novo: o provedor pode estar reiniciando o servidor.
# $server
tree-node-c_host_down-fix-2 = Avise seu provedor de email que { $server } não pode ser alcançado ('host unreachable') e envie este relatório.
tree-node-c_host_down-title = O servidor de email está fora do ar ou não existe mais
tree-node-c_host_silent_possible-explanation = Um servidor desligado, ou um firewall que descarta todo mundo, fica em silêncio do mesmo jeito.
# $server
tree-node-c_host_silent_possible-fix-1 = Se o envio também falhar de outras redes, avise seu provedor de email que { $server } não responde.
tree-node-c_host_silent_possible-title = Ou o servidor de email está fora do ar
# $server
tree-node-c_host_unreachable-explanation = Nenhuma resposta veio de { $server } em nenhuma porta de email. O servidor pode estar fora do ar, ou um firewall no caminho descarta a conexão.
tree-node-c_host_unreachable-fix-1 = Aguarde alguns minutos e tente de novo.
tree-node-c_host_unreachable-fix-2 = Tente de outra rede (por exemplo, o roteador do celular). Se funcionar lá, o servidor pode estar bloqueando esta rede: veja abaixo.
# $server
tree-node-c_host_unreachable-fix-3 = Se falhar em todo lugar, avise seu provedor de email que { $server } não responde.
tree-node-c_host_unreachable-title = O servidor de email não responde nada
# $server
tree-node-c_ip_blocked_hotspot-explanation = O envio funciona de outra rede, outros servidores de email respondem daqui, mas { $server } fica em silêncio para esta rede em todas as portas de email. O firewall dele (CSF, fail2ban) bloqueia o endereço desta rede, normalmente após várias tentativas de login erradas.
tree-node-c_ip_blocked_hotspot-fix-1 = Pare de enviar desta rede por enquanto: cada nova tentativa com uma senha errada pode prolongar o bloqueio.
# $public_ip
tree-node-c_ip_blocked_hotspot-fix-2 = Peça ao seu provedor de email que remova o endereço desta rede, { $public_ip }, da lista de bloqueio do firewall.
tree-node-c_ip_blocked_hotspot-fix-3 = Depois do desbloqueio, confira a senha no seu programa de email antes de enviar de novo.
tree-node-c_ip_blocked_hotspot-title = O servidor de email bloqueia esta rede
tree-node-c_ip_blocked_likely-explanation = O webmail funciona aqui, mas o servidor de email não responde a esta rede em nenhuma porta de email. Os servidores bloqueiam um endereço assim após várias tentativas de login erradas (firewalls como CSF ou fail2ban).
tree-node-c_ip_blocked_likely-fix-1 = Pare de enviar por enquanto: cada nova tentativa com uma senha errada pode prolongar o bloqueio.
# $public_ip
tree-node-c_ip_blocked_likely-fix-2 = Peça ao seu provedor de email que remova o endereço desta rede, { $public_ip }, da lista de bloqueio do firewall.
tree-node-c_ip_blocked_likely-fix-3 = Enquanto isso, você pode enviar de outra rede (por exemplo, o roteador do celular).
tree-node-c_ip_blocked_likely-fix-4 = Depois do desbloqueio, confira a senha no seu programa de email antes de enviar de novo.
tree-node-c_ip_blocked_likely-title = O servidor de email parece bloquear esta rede
tree-node-c_ip_blocked_possible-explanation = Os servidores bloqueiam um endereço após várias tentativas de login erradas. Daqui, um bloqueio parece igual a um servidor fora do ar.
# $public_ip
tree-node-c_ip_blocked_possible-fix-1 = Pergunte ao seu provedor de email se o endereço desta rede, { $public_ip }, está na lista de bloqueio do firewall, e peça que o removam.
tree-node-c_ip_blocked_possible-title = O servidor de email talvez esteja bloqueando esta rede
# $server
tree-node-c_ip_blocked_silent-explanation = Outros servidores de email respondem daqui, mas { $server } fica em silêncio em todas as portas de email. Na maioria das vezes, o firewall dele (CSF, fail2ban) bloqueia o endereço desta rede após várias tentativas de login erradas; um servidor fora do ar parece igual visto daqui.
tree-node-c_ip_blocked_silent-fix-1 = Pare de enviar por enquanto: cada nova tentativa com uma senha errada pode prolongar o bloqueio.
# $public_ip
tree-node-c_ip_blocked_silent-fix-2 = Peça ao seu provedor de email que remova o endereço desta rede, { $public_ip }, da lista de bloqueio do firewall.
tree-node-c_ip_blocked_silent-fix-3 = Para ter certeza, tente uma vez de outra rede (por exemplo, o roteador do seu celular): se funcionar lá, é um bloqueio.
tree-node-c_ip_blocked_silent-title = O servidor de email parece bloquear esta rede
# $server
tree-node-c_ip_rejected-explanation = O servidor { $server } respondeu a todas as conexões daqui com uma recusa de firewall ('administratively prohibited'), enquanto outros servidores de email respondem normalmente. Os servidores fazem isso com um endereço após várias tentativas de login erradas (CSF, fail2ban).
tree-node-c_ip_rejected-fix-1 = Pare de enviar por enquanto: cada nova tentativa com uma senha errada pode prolongar o bloqueio.
# $public_ip
tree-node-c_ip_rejected-fix-2 = Peça ao seu provedor de email que remova o endereço desta rede, { $public_ip }, da lista de bloqueio do firewall.
tree-node-c_ip_rejected-fix-3 = Enquanto isso, você pode enviar de outra rede (por exemplo, o roteador do celular).
tree-node-c_ip_rejected-fix-4 = Depois do desbloqueio, confira a senha no seu programa de email antes de enviar de novo.
tree-node-c_ip_rejected-title = O firewall do servidor de email recusa esta rede
# $server $ipv6-address $ipv4-address $ipv6-result
tree-node-c_ipv6_path_broken-explanation = O servidor { $server } tem dois endereços, um IPv6 ({ $ipv6-address }) e um IPv4 ({ $ipv4-address }). Por IPv4 este computador o alcançou e pôde enviar, mas por IPv6 o resultado foi: { $ipv6-result }. Os programas de email tentam primeiro o IPv6, então travam, esperam muito ou desistem por tempo esgotado, mesmo com as configurações certas.
tree-node-c_ipv6_path_broken-fix-1 = Reinicie seu roteador (tire-o da tomada por dez segundos), aguarde dois minutos e faça esta verificação de novo: os roteadores costumam perder a conexão IPv6 quando o provedor de internet muda os endereços.
# $ipv6-address
tree-node-c_ipv6_path_broken-fix-2 = Se ainda falhar, avise seu provedor de internet (ou quem cuida desta rede) que as conexões IPv6 para { $ipv6-address } não recebem resposta enquanto o IPv4 funciona, e envie este relatório.
tree-node-c_ipv6_path_broken-fix-3 = Até que isso seja corrigido, deixe este computador usar IPv4: no Windows, abra { -windows-adapter-settings }, clique com o botão direito na sua conexão, escolha { -windows-properties }, desmarque '{ -windows-ipv6 }', clique em { -outlook-ok } e reinicie o Outlook.
# $recommended-server $recommended-port $recommended-security $ipv4-address
tree-node-c_ipv6_path_broken-fix-4 = Mantenha o nome do servidor de saída { $recommended-server } com a porta { $recommended-port } e { $recommended-security }; não digite o número { $ipv4-address } no lugar do nome, senão o certificado do servidor não vai corresponder.
# $server $ipv6-address
tree-node-c_ipv6_path_broken-fix-5 = Se também falhar de outras redes, avise seu provedor de email que { $server } não responde por IPv6 em { $ipv6-address }: ele precisa liberar o IPv6 no firewall ou remover do DNS o endereço IPv6 do servidor (o registro AAAA).
tree-node-c_ipv6_path_broken-title = As conexões de email por IPv6 falham daqui; por IPv4 o envio funciona
tree-node-c_needs_admin-explanation = As verificações feitas deste computador não conseguem distinguir as possibilidades que restam. Os logs e o firewall do servidor de email conseguem.
# $public_ip
tree-node-c_needs_admin-fix-1 = Envie este relatório ao seu provedor de email e peça que procure o endereço { $public_ip } nos logs de email e nas listas de bloqueio do firewall (CSF, fail2ban, iptables).
tree-node-c_needs_admin-title = Só o administrador do servidor pode dizer com certeza
# $email $server
tree-node-c_new_outlook_cloud-explanation = O novo Outlook para Windows entrega os emails de contas como { $email } aos servidores da Microsoft, que se conectam eles mesmos a { $server }. Este computador também não alcança { $server }, mas esse não é o caminho dos seus emails, então a resposta está entre a Microsoft e o seu servidor de email.
# $server
tree-node-c_new_outlook_cloud-fix-1 = Pergunte à empresa que administra { $server } se o firewall dela bloqueia conexões dos servidores da Microsoft, e envie este relatório.
tree-node-c_new_outlook_cloud-fix-2 = Até que isso se resolva, experimente o Outlook clássico, que envia a partir deste computador, assim que este computador conseguir alcançar o servidor.
tree-node-c_new_outlook_cloud-title = O novo Outlook envia pela Microsoft, não a partir deste computador
# $port
tree-node-c_no_greeting-explanation = Uma conexão com a porta { $port } se abre, mas não volta nem uma saudação normal nem uma criptografada. Algo no servidor, ou um programa de segurança no meio do caminho, a segura.
tree-node-c_no_greeting-fix-1 = Se um antivírus neste computador verifica emails, desative a verificação de email dele por um momento e tente de novo.
# $recommended-port $recommended-security
tree-node-c_no_greeting-fix-2 = Tente a porta { $recommended-port } com { $recommended-security }.
tree-node-c_no_greeting-fix-3 = Caso contrário, envie este relatório ao seu provedor de email.
tree-node-c_no_greeting-title = O servidor aceita a conexão, mas não diz nada
# $domain
tree-node-c_no_server-explanation = Nenhum servidor de saída foi informado, e nenhum dos nomes comuns (como smtp.{ $domain } ou mail.{ $domain }) existe.
tree-node-c_no_server-fix-1 = Procure o nome do servidor de saída nas páginas de ajuda do seu provedor de email ou no email de boas-vindas.
tree-node-c_no_server-fix-2 = Execute o smtp-doctor de novo com esse nome.
# $domain
tree-node-c_no_server-title = Não encontramos o servidor que envia os emails de { $domain }
# $server
tree-node-c_no_tls-explanation = Seu programa de email está configurado para criptografar, mas { $server } não oferece conexão criptografada em nenhuma porta de email.
# $server
tree-node-c_no_tls-fix-1 = Peça ao seu provedor de email que ative a criptografia (um certificado para STARTTLS ou SSL/TLS) em { $server }.
tree-node-c_no_tls-fix-2 = Não desative a criptografia no seu programa de email: sua senha circularia sem proteção.
tree-node-c_no_tls-title = O servidor não oferece nenhuma criptografia
tree-node-c_not_tried-explanation = O servidor encerrou a sessão antes que o teste pudesse verificar o login e o envio.
tree-node-c_not_tried-fix-1 = Tente de novo em alguns minutos.
tree-node-c_not_tried-fix-2 = Se isso continuar, envie este relatório ao seu provedor de email.
tree-node-c_not_tried-title = O teste não chegou até o envio
# $provider $provider-explain
tree-node-c_oauth_required-explanation = { $provider } recusou o login e explicou o motivo: { $provider-explain } Nenhuma senha vai funcionar aqui, então pare de digitá-la de novo.
# $email
tree-node-c_oauth_required-fix-1 = No Outlook, remova esta conta: { -outlook-account-settings }, selecione { $email } e clique em { -outlook-remove }.
# $email $provider
tree-node-c_oauth_required-fix-2 = Adicione-a de novo com { -outlook-add-account }, digite { $email } e deixe o Outlook abrir a página de login do próprio { $provider } (não escolha IMAP nem POP).
# $provider-who_acts
tree-node-c_oauth_required-fix-3 = Se o seu programa de email não consegue fazer login dessa forma, use o webmail ou pergunte a { $provider-who_acts } quais programas são aceitos.
# $provider
tree-node-c_oauth_required-title = { $provider } não aceita mais senha de programas de email
tree-node-c_offline-explanation = Nada fora deste computador responde: nenhum servidor de email, nenhuma consulta de nomes, nenhum outro servidor. Suas configurações de email não podem ser verificadas até a conexão voltar.
tree-node-c_offline-fix-1 = Confira se o Wi-Fi está ligado e conectado, ou se o cabo de rede está encaixado; desative o modo avião.
tree-node-c_offline-fix-2 = Abra um site conhecido para ver se a internet funciona.
tree-node-c_offline-fix-3 = Reinicie seu roteador (tire-o da tomada por dez segundos), aguarde dois minutos e faça esta verificação de novo.
tree-node-c_offline-title = Este computador não está conectado à internet
tree-node-c_ok-explanation = Este computador alcançou o servidor que envia seus emails, estabeleceu uma conexão criptografada e pôde enviar. Se o seu programa de email ainda falha, as configurações dele são diferentes das mostradas abaixo.
# $email
tree-node-c_ok-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $recommended-server
tree-node-c_ok-fix-2 = Confira se '{ -outlook-server-field }' é { $recommended-server }.
# $recommended-port $recommended-security
tree-node-c_ok-fix-3 = Clique em { -outlook-more-settings } > { -outlook-tab-advanced }: defina '{ -outlook-port-field }' como { $recommended-port } e '{ -outlook-encryption-field }' como { $recommended-security }.
# $recommended-user
tree-node-c_ok-fix-4 = Na guia { -outlook-tab-outgoing-server }, marque '{ -outlook-smtp-auth }' e '{ -outlook-same-as-incoming }'; o nome de usuário é { $recommended-user }.
tree-node-c_ok-fix-5 = Clique em { -outlook-ok } e depois em { -outlook-next }, e envie uma mensagem de teste para você mesmo.
tree-node-c_ok-title = O envio funciona com estas configurações
# $reply
tree-node-c_overloaded-explanation = O servidor respondeu que não pode receber emails no momento: { $reply }
tree-node-c_overloaded-fix-1 = Aguarde dez minutos e envie de novo; o Outlook tenta de novo sozinho os emails da Caixa de Saída.
# $reply
tree-node-c_overloaded-fix-2 = Se durar mais de uma hora, avise seu provedor de email e cite a resposta do servidor: { $reply }
tree-node-c_overloaded-title = O servidor de email está ocupado demais para receber emails agora
# $provider-explain
tree-node-c_pasted_app_password-explanation = A mensagem que você colou contém a resposta do servidor, que significa: { $provider-explain }
tree-node-c_pasted_app_password-fix-1 = Entre na sua conta de email em um navegador e abra as configurações de segurança.
tree-node-c_pasted_app_password-fix-2 = Ative a verificação em duas etapas, se estiver desativada, e depois crie uma senha de app (uma senha só para programas de email) e copie-a.
# $email
tree-node-c_pasted_app_password-fix-3 = No Outlook, abra { -outlook-account-settings }, selecione { $email }, clique em { -outlook-change } e digite a senha de app no lugar da sua senha.
tree-node-c_pasted_app_password-title = Sua mensagem de erro diz que é preciso uma senha de app
# $provider-explain
tree-node-c_pasted_oauth-explanation = A mensagem que você colou contém a resposta do servidor, que significa: { $provider-explain }
# $email
tree-node-c_pasted_oauth-fix-1 = No Outlook, remova esta conta: { -outlook-account-settings }, selecione { $email } e clique em { -outlook-remove }.
# $email
tree-node-c_pasted_oauth-fix-2 = Adicione-a de novo com { -outlook-add-account }, digite { $email } e faça login na página do próprio provedor (não escolha IMAP nem POP).
tree-node-c_pasted_oauth-title = Sua mensagem de erro diz que a senha não é mais aceita
# $provider-explain
tree-node-c_pasted_smtp_auth_disabled-explanation = A mensagem que você colou contém a resposta do servidor, que significa: { $provider-explain }
tree-node-c_pasted_smtp_auth_disabled-fix-1 = Só o administrador de email da sua organização (ou seu provedor) pode mudar isto: envie este relatório a ele.
# $email
tree-node-c_pasted_smtp_auth_disabled-fix-2 = Peça que permita o 'SMTP autenticado' (SMTP AUTH) para a caixa de correio { $email }.
tree-node-c_pasted_smtp_auth_disabled-title = Sua mensagem de erro diz que o envio com senha está desativado
# $reply $provider $provider-explain
tree-node-c_policy_app_password-explanation = O servidor recusou o login ({ $reply }). { $provider } não aceita a senha normal da conta em programas de email: { $provider-explain } Pare de tentar a senha antiga: falhas repetidas podem bloquear esta rede.
# $provider-who_acts $provider
tree-node-c_policy_app_password-fix-1 = Isto cabe a { $provider-who_acts }: entre na sua conta { $provider } em um navegador e abra as configurações de segurança.
tree-node-c_policy_app_password-fix-2 = Crie uma senha de app (a verificação em duas etapas precisa estar ativada) e copie-a.
# $email
tree-node-c_policy_app_password-fix-3 = No Outlook, abra { -outlook-account-settings }, selecione { $email }, clique em { -outlook-change } e digite a senha de app no lugar da sua senha.
# $recommended-user
tree-node-c_policy_app_password-fix-4 = Se ainda for recusada, confira se o nome de usuário é { $recommended-user }.
# $provider
tree-node-c_policy_app_password-title = { $provider } provavelmente quer uma senha de app, não a senha da sua conta
# $reply $provider $provider-explain
tree-node-c_policy_oauth-explanation = O servidor recusou o login ({ $reply }). { $provider } só aceita emails de programas de email depois da própria página de login (OAuth): { $provider-explain }
# $email
tree-node-c_policy_oauth-fix-1 = No Outlook, remova esta conta: { -outlook-account-settings }, selecione { $email } e clique em { -outlook-remove }.
# $email $provider
tree-node-c_policy_oauth-fix-2 = Adicione-a de novo com { -outlook-add-account }, digite { $email } e deixe o Outlook abrir a página de login do próprio { $provider } (não escolha IMAP nem POP).
# $provider-who_acts
tree-node-c_policy_oauth-fix-3 = Se isso não for possível, pergunte a { $provider-who_acts } se o envio com senha é permitido para a sua caixa de correio.
# $provider
tree-node-c_policy_oauth-title = { $provider } provavelmente não aceita mais senha de programas de email
# $port $server $reference $recommended-port
tree-node-c_port_blocked-explanation = A porta { $port } falha não só para { $server }, mas também para outro servidor de email ({ $reference }), então esta rede (seu provedor de internet ou o firewall do escritório) a bloqueia. A porta { $recommended-port } passa e funciona.
# $email
tree-node-c_port_blocked-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
# $recommended-port
tree-node-c_port_blocked-fix-2 = Defina '{ -outlook-port-field }' como { $recommended-port }.
# $recommended-security
tree-node-c_port_blocked-fix-3 = Defina '{ -outlook-encryption-field }' como { $recommended-security }.
tree-node-c_port_blocked-fix-4 = Clique em { -outlook-ok } e depois em { -outlook-next }, e envie uma mensagem de teste para você mesmo.
# $port $recommended-port
tree-node-c_port_blocked-title = Esta rede bloqueia a porta { $port }; use a porta { $recommended-port }
# $blocked_ports $server $reference
tree-node-c_ports_blocked-explanation = As portas de email ({ $blocked_ports }) falham não só para { $server }, mas também para outro servidor de email ({ $reference }), enquanto outras conexões funcionam. Esta rede (o firewall de um escritório ou hotel, ou seu provedor de internet) não deixa sair conexões de email.
tree-node-c_ports_blocked-fix-1 = Peça a quem cuida desta rede (TI do escritório, hotel ou provedor de internet) que libere as conexões de saída na porta 587.
tree-node-c_ports_blocked-fix-2 = Enquanto isso, envie de outra rede, por exemplo o roteador do seu celular.
tree-node-c_ports_blocked-fix-3 = Alguns provedores também recebem emails na porta 2525: pergunte ao seu e, se for o caso, defina '{ -outlook-port-field }' como 2525 em { -outlook-more-settings } > { -outlook-tab-advanced }.
tree-node-c_ports_blocked-title = Esta rede bloqueia as portas de email
# $server $session-fault
tree-node-c_protocol_violation-explanation = Programas e servidores de email conversam em uma ordem fixa de perguntas e respostas numeradas. { $server } quebrou essa ordem, então nenhum programa de email pode confiar nas respostas dele. O que aconteceu: { $session-fault }. Isto é uma falha no servidor ou em um aparelho entre você e ele (um firewall ou filtro que reescreve o tráfego de email), não nas suas configurações.
# $server $session-fault
tree-node-c_protocol_violation-fix-1 = Avise seu provedor de email: 'O servidor de email { $server } envia respostas que quebram o protocolo de email: { $session-fault }'. Envie este relatório.
tree-node-c_protocol_violation-fix-2 = Se a sua rede tem um firewall ou aparelho de segurança que inspeciona emails, peça a quem cuida dele que deixe o tráfego de email passar sem alterações.
tree-node-c_protocol_violation-fix-3 = Faça esta verificação de novo quando o provedor tiver corrigido isso.
tree-node-c_protocol_violation-title = As respostas do servidor não seguem o protocolo de email
# $reply
tree-node-c_recipient_rejected-explanation = O login funcionou, mas o servidor recusou o destinatário do teste: { $reply }
tree-node-c_recipient_rejected-fix-1 = Tente outro endereço de destinatário.
tree-node-c_recipient_rejected-fix-2 = Se todos os destinatários forem recusados, envie este relatório ao seu provedor de email.
tree-node-c_recipient_rejected-title = O servidor recusou o destinatário do teste
# $reply
tree-node-c_sender_rejected-explanation = O login funciona, mas o servidor recusa o endereço do remetente: { $reply }
tree-node-c_sender_rejected-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione a conta e clique em { -outlook-change }.
# $email
tree-node-c_sender_rejected-fix-2 = Confira se '{ -outlook-email-address }' é { $email } e se o nome de usuário pertence a esse mesmo endereço.
tree-node-c_sender_rejected-fix-3 = Se você envia em nome de outro endereço, peça ao seu provedor de email que permita isso na sua conta.
# $email
tree-node-c_sender_rejected-title = O servidor não deixa esta conta enviar como { $email }
tree-node-c_server_name_invalid-explanation = O campo do servidor de saída deve conter só um nome, como smtp.example.com: nada de endereço de site, endereço de email, espaços ou número de porta.
# $email
tree-node-c_server_name_invalid-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $server-suggested
tree-node-c_server_name_invalid-fix-2 = Em '{ -outlook-server-field }', digite só o nome do servidor: { $server-suggested }.
tree-node-c_server_name_invalid-fix-3 = Coloque o número da porta em { -outlook-more-settings } > { -outlook-tab-advanced } > '{ -outlook-port-field }', não no nome.
tree-node-c_server_name_invalid-title = O campo do servidor de saída não contém um nome de servidor
# $server-typed $server-problem $server
tree-node-c_server_name_recoverable-explanation = O campo diz "{ $server-typed }": { $server-problem }. Os programas de email precisam só do nome do servidor ali. O nome que está nele é { $server }; o smtp-doctor testou esse nome.
# $email
tree-node-c_server_name_recoverable-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $server-to_type
tree-node-c_server_name_recoverable-fix-2 = Em '{ -outlook-server-field }', apague tudo e digite só: { $server-to_type }
tree-node-c_server_name_recoverable-fix-3 = Não coloque o número da porta nesse campo: ele fica em { -outlook-more-settings } > { -outlook-tab-advanced } > '{ -outlook-port-field }'.
tree-node-c_server_name_recoverable-fix-4 = Clique em { -outlook-ok } e depois em { -outlook-next }.
# $server-to_type
tree-node-c_server_name_recoverable-title = O campo do servidor de saída contém mais que o nome do servidor: digite { $server-to_type }
# $server
tree-node-c_server_not_found-explanation = A lista de endereços da internet (DNS) respondeu, mas não tem nenhum servidor chamado { $server }. Normalmente é um erro de digitação ou um nome antigo que foi desativado.
# $email
tree-node-c_server_not_found-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $server
tree-node-c_server_not_found-fix-2 = Confira cada letra de '{ -outlook-server-field }': { $server }.
tree-node-c_server_not_found-fix-3 = Se não tiver certeza do nome, procure-o nas páginas de ajuda do seu provedor de email e execute o smtp-doctor de novo.
# $server
tree-node-c_server_not_found-title = O nome de servidor { $server } não existe
# $server
tree-node-c_service_down-explanation = O servidor { $server } recusou todas as conexões nas portas de email. Suas configurações não resolvem isso: o serviço no servidor parou.
tree-node-c_service_down-fix-1 = Aguarde alguns minutos e tente de novo.
# $server
tree-node-c_service_down-fix-2 = Se ainda falhar, avise seu provedor de email: 'o serviço SMTP em { $server } recusa conexões nas portas 587, 465 e 25'.
tree-node-c_service_down-title = O servidor de email está no ar, mas o serviço de envio não está funcionando
# $server $session-fault
tree-node-c_session_unfinished-explanation = { $server } começa a responder, mas para antes de terminar a resposta: fica em silêncio ou corta a conexão. O que aconteceu: { $session-fault }. O motivo só é visível no servidor.
tree-node-c_session_unfinished-fix-1 = Tente de novo em alguns minutos: um servidor que está reiniciando se comporta assim.
# $server $session-fault
tree-node-c_session_unfinished-fix-2 = Se isso continuar, avise seu provedor de email: 'O servidor de email { $server } para no meio das respostas: { $session-fault }'. Envie este relatório.
tree-node-c_session_unfinished-title = O servidor para de responder no meio da conversa
# $provider $provider-explain
tree-node-c_smtp_auth_disabled-explanation = { $provider } recusou o login e explicou o motivo: { $provider-explain } Sua senha pode muito bem estar certa; digitá-la de novo não vai ajudar.
# $provider-who_acts
tree-node-c_smtp_auth_disabled-fix-1 = Só { $provider-who_acts } pode mudar isto: envie este relatório.
# $email
tree-node-c_smtp_auth_disabled-fix-2 = Peça que permitam o 'SMTP autenticado' (SMTP AUTH) para a caixa de correio { $email }, ou que digam qual configuração de programa de email aceitam.
tree-node-c_smtp_auth_disabled-fix-3 = Até lá, envie emails pelo webmail ou por um app que faça login pela página do próprio provedor.
tree-node-c_smtp_auth_disabled-title = O envio com senha por programas de email está desativado para a sua caixa de correio
# $port
tree-node-c_starttls_on_tls_port-explanation = Na porta { $port } o servidor espera criptografia desde o primeiro momento (SSL/TLS), mas seu programa de email espera uma saudação sem criptografia que nunca chega.
# $email
tree-node-c_starttls_on_tls_port-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
# $recommended-port $recommended-security
tree-node-c_starttls_on_tls_port-fix-2 = Defina '{ -outlook-port-field }' como { $recommended-port } e '{ -outlook-encryption-field }' como { $recommended-security }.
tree-node-c_starttls_on_tls_port-fix-3 = Clique em { -outlook-ok } e depois em { -outlook-next }.
# $port
tree-node-c_starttls_on_tls_port-title = O tipo de criptografia não combina com a porta { $port }
# $server $session-fault
tree-node-c_tls_broken-explanation = { $server } diz que oferece criptografia, mas quando este computador pediu para ativá-la, o servidor não foi até o fim. O que aconteceu: { $session-fault }. Suas configurações não resolvem isso: a configuração de criptografia do servidor está com defeito.
tree-node-c_tls_broken-fix-1 = Não desative a criptografia no seu programa de email: sua senha circularia sem proteção.
# $server $session-fault
tree-node-c_tls_broken-fix-2 = Avise seu provedor de email: 'A criptografia em { $server } falha do lado de vocês. { $session-fault }'. Envie este relatório.
tree-node-c_tls_broken-fix-3 = Faça esta verificação de novo quando o provedor tiver corrigido isso.
tree-node-c_tls_broken-title = O servidor anuncia criptografia, mas a ativação falha no servidor
tree-node-c_tls_failed-explanation = O servidor e este computador não chegaram a um acordo sobre a criptografia, e o motivo não é visível daqui.
tree-node-c_tls_failed-fix-1 = Se um antivírus neste computador verifica emails, desative a verificação de email dele por um momento e tente de novo.
tree-node-c_tls_failed-fix-2 = Caso contrário, envie este relatório ao seu provedor de email.
tree-node-c_tls_failed-title = Não foi possível estabelecer a conexão criptografada
# $server $intercept-product $intercept-issuer
tree-node-c_tls_intercepted-explanation = O certificado que seu programa de email recebe para { $server } não é o do servidor: ele foi criado por { $intercept-product } (emissor: { $intercept-issuer }), que abre conexões criptografadas para inspecioná-las. Este computador não confia nesse certificado, então a conexão falha.
# $intercept-setting
tree-node-c_tls_intercepted-fix-1 = { $intercept-setting }
tree-node-c_tls_intercepted-fix-2 = Reinicie o Outlook e envie uma mensagem de teste para você mesmo.
tree-node-c_tls_intercepted-fix-3 = Se o envio funcionar agora, deixe essa opção desativada; o servidor em si está bem.
# $intercept-product
tree-node-c_tls_intercepted-title = { $intercept-product } atrapalha a conexão de email
# $server $intercept-product $intercept-issuer
tree-node-c_tls_intercepted_trusted-explanation = O certificado mostrado para { $server } vem de { $intercept-product } (emissor: { $intercept-issuer }), não de uma autoridade certificadora pública. Este computador confia nele, então o teste passou, mas programas que abrem conexões criptografadas para inspecioná-las muitas vezes impedem o envio (erro do Outlook 0x800CCC0E ou 0x80042109).
# $intercept-setting
tree-node-c_tls_intercepted_trusted-fix-1 = Só se o envio falhar: { $intercept-setting }
tree-node-c_tls_intercepted_trusted-fix-2 = Reinicie o Outlook e envie uma mensagem de teste para você mesmo.
# $intercept-product
tree-node-c_tls_intercepted_trusted-title = Sua conexão de email pode estar sendo aberta no caminho por { $intercept-product }
# $port
tree-node-c_tls_on_starttls_port-explanation = Seu programa de email começa já com criptografia (SSL/TLS), mas na porta { $port } o servidor primeiro cumprimenta sem criptografia e só depois passa para a criptografia (STARTTLS). Os dois nunca se entendem.
# $email
tree-node-c_tls_on_starttls_port-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
# $recommended-security $recommended-port
tree-node-c_tls_on_starttls_port-fix-2 = Defina '{ -outlook-encryption-field }' como { $recommended-security } e '{ -outlook-port-field }' como { $recommended-port }.
tree-node-c_tls_on_starttls_port-fix-3 = Clique em { -outlook-ok } e depois em { -outlook-next }.
# $port
tree-node-c_tls_on_starttls_port-title = O tipo de criptografia não combina com a porta { $port }
tree-node-c_tls_outdated-explanation = O servidor só oferece métodos de criptografia antigos, que os programas de email atuais recusam.
# $server
tree-node-c_tls_outdated-fix-1 = Peça ao seu provedor de email que ative o TLS 1.2 ou mais recente em { $server }.
tree-node-c_tls_outdated-title = O servidor usa criptografia ultrapassada
# $user-given $user-expected $reply $signin-attempts
tree-node-c_user_name_and_password-explanation = O servidor recusou o login tanto como { $user-given } quanto como { $user-expected }: { $reply }. O nome de usuário deve ser { $user-expected }, e a senha provavelmente também está errada. { $signin-attempts }.
tree-node-c_user_name_and_password-fix-1 = Entre no seu webmail com a mesma senha para conferi-la.
# $email
tree-node-c_user_name_and_password-fix-2 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }; digite a senha de novo.
# $user-expected
tree-node-c_user_name_and_password-fix-3 = Em { -outlook-more-settings } > { -outlook-tab-outgoing-server }, digite { $user-expected } como nome de usuário.
tree-node-c_user_name_and_password-fix-4 = Não tente várias vezes seguidas: várias tentativas erradas em sequência podem bloquear esta rede.
# $user-expected
tree-node-c_user_name_and_password-title = A senha não é aceita, e o nome de usuário deve ser { $user-expected }
# $user-given $user-expected $signin-attempts
tree-node-c_user_name_form-explanation = O servidor recusou o login como { $user-given } e aceitou a mesma senha com o nome de usuário { $user-expected }: ele quer o nome de usuário nesse formato. { $signin-attempts }.
# $email
tree-node-c_user_name_form-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-outgoing-server }.
# $user-expected
tree-node-c_user_name_form-fix-2 = Marque '{ -outlook-smtp-auth }', escolha '{ -outlook-log-on-using }' e digite { $user-expected } como nome de usuário; mantenha a senha.
tree-node-c_user_name_form-fix-3 = Clique em { -outlook-ok } e depois em { -outlook-next }, e envie uma mensagem de teste para você mesmo.
# $user-expected
tree-node-c_user_name_form-title = Use { $user-expected } como nome de usuário
# $user-given $reply $user-expected $signin-attempts
tree-node-c_user_name_form_likely-explanation = O servidor recusou o login como { $user-given }: { $reply }. Seu provedor espera o nome de usuário no formato { $user-expected }. { $signin-attempts }.
# $email
tree-node-c_user_name_form_likely-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-outgoing-server }.
# $user-expected
tree-node-c_user_name_form_likely-fix-2 = Digite { $user-expected } como nome de usuário e digite a senha de novo uma vez.
tree-node-c_user_name_form_likely-fix-3 = Se ainda for recusado, entre no seu webmail com a mesma senha para conferi-la antes de tentar de novo: várias tentativas erradas em sequência podem bloquear esta rede.
# $user-expected
tree-node-c_user_name_form_likely-title = O nome de usuário provavelmente deve ser { $user-expected }
# $server $port $recommended-port
tree-node-c_wrong_port-explanation = O servidor { $server } não recebe emails na porta { $port }, mas recebe na porta { $recommended-port }.
# $email
tree-node-c_wrong_port-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change } > { -outlook-more-settings } > { -outlook-tab-advanced }.
# $recommended-port
tree-node-c_wrong_port-fix-2 = Defina '{ -outlook-port-field }' como { $recommended-port }.
# $recommended-security
tree-node-c_wrong_port-fix-3 = Defina '{ -outlook-encryption-field }' como { $recommended-security }.
tree-node-c_wrong_port-fix-4 = Clique em { -outlook-ok } e depois em { -outlook-next }.
# $port $recommended-port
tree-node-c_wrong_port-title = Nada responde na porta { $port }; use a porta { $recommended-port }
# $domain $recommended-server $server
tree-node-c_wrong_server-explanation = Seu domínio { $domain } diz que os emails dele são enviados por { $recommended-server }, mas seu programa de email usa { $server }. Isso costuma acontecer quando um perfil de conta antigo ainda existe.
# $email
tree-node-c_wrong_server-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $recommended-server
tree-node-c_wrong_server-fix-2 = Defina '{ -outlook-server-field }' como { $recommended-server }.
# $recommended-port $recommended-security
tree-node-c_wrong_server-fix-3 = Clique em { -outlook-more-settings } > { -outlook-tab-advanced }: defina a porta como { $recommended-port } e a criptografia como { $recommended-security }.
# $email
tree-node-c_wrong_server-fix-4 = Se você tiver duas contas para { $email }, remova a antiga.
# $server
tree-node-c_wrong_server-title = { $server } não é o servidor que seu domínio usa para enviar
# $domain $provider $recommended-server $server
tree-node-c_wrong_server_provider-explanation = Os emails de { $domain } são tratados por { $provider }, que recebe emails de programas de email em { $recommended-server }. Seu programa de email usa { $server }, o que costuma indicar um perfil de conta antigo ou um provedor anterior ainda configurado.
# $email
tree-node-c_wrong_server_provider-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $recommended-server
tree-node-c_wrong_server_provider-fix-2 = Defina '{ -outlook-server-field }' como { $recommended-server }.
# $recommended-port $recommended-security
tree-node-c_wrong_server_provider-fix-3 = Clique em { -outlook-more-settings } > { -outlook-tab-advanced }: defina a porta como { $recommended-port } e a criptografia como { $recommended-security }.
# $recommended-user
tree-node-c_wrong_server_provider-fix-4 = Em { -outlook-more-settings } > { -outlook-tab-outgoing-server }, o nome de usuário é { $recommended-user }.
# $email
tree-node-c_wrong_server_provider-fix-5 = Se você tiver duas contas para { $email }, remova a antiga.
# $server $provider
tree-node-c_wrong_server_provider-title = { $server } não é o servidor de envio de { $provider }
tree-node-cert_alt_name-title = Algum nome do certificado funciona no lugar?
tree-node-configured_port-title = A porta que você definiu responde?
tree-node-dns_failure-title = Só a consulta de nomes (DNS) falha?
tree-node-domain_records-title = Seu domínio garante o próprio servidor de email (SPF, DMARC)?
tree-node-encryption-title = A criptografia está ativada onde o servidor precisa?
tree-node-end-title = Nada mais a verificar
tree-node-envelope-title = O servidor aceitaria uma mensagem sua? (nada é enviado)
tree-node-envelope_also-title = O servidor aceitaria uma mensagem sua? (nada é enviado)
tree-node-envelope_fault-title = O servidor seguiu o protocolo de email durante a mensagem de teste?
tree-node-expected_server-title = É o servidor que o seu domínio de email usa?
tree-node-ipv6_path-title = O servidor responde por IPv6 e também por IPv4?
tree-node-network-title = Este computador está conectado a uma rede?
tree-node-pasted_error-title = O que diz a mensagem de erro?
# $port
tree-node-port_block-title = Esta rede deixa sair a porta { $port }?
tree-node-port_mode-title = Sua configuração de criptografia combina com a porta?
tree-node-q_hotspot-choice-works-label = Sim, da outra rede funciona
tree-node-q_hotspot-choice-fails-label = Não, lá também falha
tree-node-q_hotspot-choice-not_tried-label = Não posso testar isso agora
tree-node-q_hotspot-help = Se funcionar de outra rede, o servidor de email está bloqueando o endereço desta rede. Se lá também falhar, o próprio servidor está fora do ar.
tree-node-q_hotspot-text = Conecte este computador ao roteador do seu celular (ou a outra rede) e envie uma mensagem de teste. Ela sai de lá?
tree-node-q_hotspot-title = Tente outra rede
tree-node-q_outlook-choice-classic-label = Outlook (clássico), ou outro programa de email neste computador
tree-node-q_outlook-choice-new-label = O novo Outlook para Windows
tree-node-q_outlook-choice-unknown-label = Não sei
tree-node-q_outlook-help = O novo Outlook para Windows (o que tem a opção '{ -outlook-new-outlook }', ou o app que substituiu o Windows Mail) envia os emails pelos servidores da Microsoft, não a partir deste computador.
tree-node-q_outlook-text = Qual programa de email mostra o erro?
tree-node-q_outlook-title = Qual Outlook
tree-node-q_webmail-choice-yes-label = Sim, o webmail funciona aqui
tree-node-q_webmail-choice-no-label = Não, o webmail também não funciona
tree-node-q_webmail-choice-unknown-label = Não sei
tree-node-q_webmail-help = Se o webmail funciona mas o envio não, o servidor de email pode estar bloqueando esta rede só para emails.
tree-node-q_webmail-text = O webmail (seu email em um navegador) funciona neste computador?
tree-node-q_webmail-title = Webmail neste computador
tree-node-reachability-title = Este computador consegue alcançar o servidor?
tree-node-scope-title = Alguma outra coisa responde nas portas de email?
tree-node-server_dns-title = O nome do servidor existe?
tree-node-server_field-title = Há um nome de servidor dentro do campo?
tree-node-server_name-title = O nome do servidor é um nome de host real?
tree-node-tls-title = O certificado de segurança do servidor está em ordem?
tree-node-unreachable-title = Onde as conexões de email são interrompidas?
tree-node-user_name_form-title = O nome de usuário está no formato que o servidor espera?

# Added in the second pass: new accounts (Autodiscover/autoconfig), blocklists, reverse DNS, SPF and DKIM.
# $domain
tree-node-c_autoconfig_missing-explanation = Nem o Outlook (Autodiscover) nem o Thunderbird (autoconfig) encontram configurações para { $domain }, então eles adivinham o servidor de saída e podem errar. As configurações que funcionam foram testadas aqui.
# $email
tree-node-c_autoconfig_missing-fix-1 = Ao adicionar { $email }, escolha a configuração manual ou avançada em vez de deixar o programa adivinhar.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autoconfig_missing-fix-2 = Digite: servidor de saída { $recommended-server }, porta { $recommended-port }, criptografia { $recommended-security }, nome de usuário { $recommended-user }, e marque '{ -outlook-smtp-auth }'.
# $domain
tree-node-c_autoconfig_missing-fix-3 = Se quiser, peça ao seu provedor de email que publique configurações Autodiscover e autoconfig para { $domain }, para que contas novas se configurem sozinhas.
tree-node-c_autoconfig_missing-title = Seu domínio não publica configurações para contas novas: o programa de email vai adivinhar
# $email $autoconfig-clients $autoconfig-url $autoconfig-published $autoconfig-wrong $recommended-server $recommended-port $recommended-security
tree-node-c_autoconfig_wrong-explanation = Quando você adiciona { $email } no { $autoconfig-clients }, o programa preenche o servidor de saída sozinho a partir de um arquivo de configurações que seu provedor de email publica em { $autoconfig-url }. Esse arquivo diz: { $autoconfig-published }. O que está errado nele: { $autoconfig-wrong }. Toda conta nova configurada a partir dele fica errada, e o envio falha. As configurações que funcionam foram testadas aqui: servidor { $recommended-server }, porta { $recommended-port }, { $recommended-security }.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autoconfig_wrong-fix-1 = Por enquanto, digite você mesmo as configurações: servidor de saída { $recommended-server }, porta { $recommended-port }, criptografia { $recommended-security }, nome de usuário { $recommended-user }, e marque '{ -outlook-smtp-auth }'.
# $autoconfig-url $autoconfig-wrong
tree-node-c_autoconfig_wrong-fix-2 = Diga ao seu provedor de email: 'O arquivo em { $autoconfig-url } traz configurações erradas do servidor de saída ({ $autoconfig-wrong }). Por favor, corrijam.' Envie este relatório para eles.
# $recommended-server $recommended-port $autoconfig-socket $autoconfig-user_form
tree-node-c_autoconfig_wrong-fix-3 = Os valores corretos para o provedor: servidor { $recommended-server }, porta { $recommended-port }, criptografia { $autoconfig-socket } (o socketType do Thunderbird; no Autodiscover: SSL on só para a porta 465, senão Encryption TLS), nome de usuário { $autoconfig-user_form }.
tree-node-c_autoconfig_wrong-fix-4 = Depois que o provedor corrigir o arquivo, remova a conta e adicione-a de novo, ou execute esta verificação de novo com --new-account.
tree-node-c_autoconfig_wrong-title = As configurações que seu domínio entrega para contas novas não funcionam
# Outlook's certificate warning (no vendor term exists for it): https://support.microsoft.com/pt-br/kb/2772058 (warning text; Sim/Não). "Exibir Certificado": not found on a help page, Microsoft terminology.
# $autodiscover-url $autodiscover-cert_names $autodiscover-host
tree-node-c_autodiscover_cert_mismatch-explanation = Para encontrar suas configurações, o Outlook pergunta em { $autodiscover-url }. O certificado de segurança ali é para outros nomes ({ $autodiscover-cert_names }), não para { $autodiscover-host }, então o Outlook avisa: 'O nome no certificado de segurança é inválido ou não corresponde ao nome do site'. Normalmente o servidor web do provedor atende muitos clientes com o próprio certificado. Isso não impede o envio, mas não aceite esse aviso às cegas: qualquer um entre você e o servidor também poderia mostrá-lo.
# Outlook's certificate warning (no vendor term exists for it): https://support.microsoft.com/pt-br/kb/2772058 (warning text; Sim/Não). "Exibir Certificado": not found on a help page, Microsoft terminology.
# $autodiscover-cert_names
tree-node-c_autodiscover_cert_mismatch-fix-1 = Se o Outlook mostrar o aviso, escolha primeiro Exibir Certificado. Escolha Sim apenas se os nomes listados forem do seu próprio provedor de email ({ $autodiscover-cert_names }, como mostrado aqui); senão, escolha Não e digite você mesmo as configurações.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autodiscover_cert_mismatch-fix-2 = Para digitá-las você mesmo: servidor de saída { $recommended-server }, porta { $recommended-port }, criptografia { $recommended-security }, nome de usuário { $recommended-user }.
# $autodiscover-host $autodiscover-cert_names
tree-node-c_autodiscover_cert_mismatch-fix-3 = Diga ao seu provedor de email: 'O certificado em { $autodiscover-host } não cobre esse nome (ele é para { $autodiscover-cert_names }), então o Outlook mostra um aviso quando contas são configuradas. Por favor, incluam { $autodiscover-host } no certificado ou parem de responder por esse nome.' Envie este relatório para eles.
tree-node-c_autodiscover_cert_mismatch-title = O Outlook vai mostrar um aviso de certificado ao configurar sua conta
# $autodiscover-url $autodiscover-host
tree-node-c_autodiscover_cert_untrusted-explanation = Para encontrar suas configurações, o Outlook consulta { $autodiscover-url }. O certificado de segurança de { $autodiscover-host } não é válido: expirou, foi criado pelo próprio servidor ou vem de um emissor em que o Outlook não confia. O Outlook mostra então um "Alerta de Segurança": há um problema com o certificado de segurança do site, e pergunta se você deseja continuar. Não é seguro escolher Sim: qualquer pessoa entre você e o servidor poderia mostrar o mesmo aviso e receber sua senha.
tree-node-c_autodiscover_cert_untrusted-fix-1 = Se o Outlook mostrar este aviso, escolha Não. Depois escolha a configuração manual e digite você mesmo as configurações.
# $recommended-server $recommended-port $recommended-security $recommended-user
tree-node-c_autodiscover_cert_untrusted-fix-2 = Digite: servidor de saída { $recommended-server }, porta { $recommended-port }, criptografia { $recommended-security }, nome de usuário { $recommended-user }, e marque '{ -outlook-smtp-auth }'.
# $autodiscover-host
tree-node-c_autodiscover_cert_untrusted-fix-3 = Diga ao seu provedor de e-mail: "O certificado em { $autodiscover-host } não é válido (expirado, autoassinado ou de um emissor não confiável), por isso o Outlook mostra um aviso de segurança ao configurar contas. Instalem para { $autodiscover-host } um certificado válido de uma autoridade certificadora pública, ou deixem de responder com esse nome." Envie este relatório a ele.
tree-node-c_autodiscover_cert_untrusted-title = O Outlook mostrará um aviso de segurança ao configurar sua conta: não o aceite
# $blocklist-client-ip $blocklist-client-list $blocklist-client-meaning $reply
tree-node-c_client_listed_dynamic-explanation = O endereço da sua rede, { $blocklist-client-ip }, está na lista de conexões residenciais do { $blocklist-client-list } ({ $blocklist-client-meaning }), das quais os servidores de email não aceitam mensagens diretas. Isso é normal e não é uma listagem por spam: não peça remoção. Em vez disso, envie pelo servidor de envio do seu provedor, com login. A resposta do servidor: { $reply }
# $email
tree-node-c_client_listed_dynamic-fix-1 = No Outlook, abra { -outlook-account-settings }, selecione { $email } e clique em { -outlook-change }.
# $recommended-server
tree-node-c_client_listed_dynamic-fix-2 = Defina '{ -outlook-server-field }' como { $recommended-server }.
tree-node-c_client_listed_dynamic-fix-3 = Clique em { -outlook-more-settings } > { -outlook-tab-advanced }: defina '{ -outlook-port-field }' como 587 e '{ -outlook-encryption-field }' como STARTTLS.
tree-node-c_client_listed_dynamic-fix-4 = Na guia { -outlook-tab-outgoing-server }, marque '{ -outlook-smtp-auth }' e '{ -outlook-same-as-incoming }'.
tree-node-c_client_listed_dynamic-fix-5 = Clique em { -outlook-ok } e depois em { -outlook-next }. Se o servidor ainda recusar você depois do login na porta 587, peça ao seu provedor de email que dispense de verificações de listas de bloqueio quem envia com login (elas servem para a porta 25).
# $blocklist-client-list
tree-node-c_client_listed_dynamic-title = O endereço desta rede está na lista de conexões residenciais do { $blocklist-client-list }
# $blocklist-client-ip $blocklist-client-list $blocklist-client-meaning $blocklist-client-code $reply
tree-node-c_client_listed_lookup-explanation = O servidor recusou esta rede por causa de uma lista de bloqueio, e uma consulta confirma: o endereço desta rede, { $blocklist-client-ip }, está na { $blocklist-client-list } ({ $blocklist-client-meaning }; resposta { $blocklist-client-code }). A resposta do servidor: { $reply }
# $recommended-port $recommended-security
tree-node-c_client_listed_lookup-fix-1 = Envie pela porta de envio do seu provedor, com login ({ $recommended-port }, { $recommended-security }), que não deve ser filtrada por listas de bloqueio.
# $blocklist-client-delist $blocklist-client-ip
tree-node-c_client_listed_lookup-fix-2 = Abra { $blocklist-client-delist }, procure { $blocklist-client-ip } e siga os passos da lista para pedir a remoção. Se o endereço for do seu provedor de internet, peça a ele que faça isso.
tree-node-c_client_listed_lookup-fix-3 = As listas se atualizam em até um dia após a remoção: então envie de novo.
# $blocklist-client-list
tree-node-c_client_listed_lookup-title = O endereço desta rede está na lista de bloqueio { $blocklist-client-list }
# $provider $dkim-missing
tree-node-c_dkim_key_missing-explanation = O { $provider } assina suas mensagens com uma chave (DKIM) que os destinatários procuram no DNS do seu domínio, mas ela não está lá: { $dkim-missing }. Sem ela, os destinatários não conseguem confirmar que suas mensagens vêm de você e podem colocá-las no spam.
# $provider
tree-node-c_dkim_key_missing-fix-1 = Abra as configurações de administrador do { $provider } para o seu domínio e procure a seção DKIM (chave de assinatura); ela mostra o registro a publicar.
# $domain $dkim-missing $provider
tree-node-c_dkim_key_missing-fix-2 = Quem cuida do DNS de { $domain } deve publicar esse registro com o nome mostrado ({ $dkim-missing }) e depois ativar a assinatura nas configurações do { $provider }.
tree-node-c_dkim_key_missing-fix-3 = Depois, execute esta verificação de novo.
tree-node-c_dkim_key_missing-title = Seu domínio não publica a chave de assinatura que seu provedor de email usa
# $rdns-problem
tree-node-c_reverse_dns_mismatch-explanation = O envio para o servidor funciona, mas: { $rdns-problem } Outros servidores de email verificam isso e podem recusar as mensagens que ele repassa ou colocá-las no spam.
tree-node-c_reverse_dns_mismatch-fix-1 = Não há nada a mudar no seu programa de email.
# $rdns-problem $rdns-address $rdns-greeting
tree-node-c_reverse_dns_mismatch-fix-2 = Diga ao seu provedor de email: { $rdns-problem } Quem cuida do endereço { $rdns-address } deve definir o DNS reverso (PTR) dele como { $rdns-greeting }, um nome cujo próprio endereço é { $rdns-address }.
tree-node-c_reverse_dns_mismatch-title = O endereço do servidor de email não leva de volta ao nome dele
# $blocklist-server-ip $blocklist-server-list $blocklist-server-meaning $blocklist-server-code
tree-node-c_server_listed-explanation = O envio para o servidor funciona, mas o endereço dele, { $blocklist-server-ip }, está na { $blocklist-server-list } ({ $blocklist-server-meaning }; resposta { $blocklist-server-code }). Outros servidores de email que consultam essa lista podem recusar as mensagens que ele repassa ou colocá-las no spam.
tree-node-c_server_listed-fix-1 = Não há nada a mudar no seu programa de email.
# $blocklist-server-ip $blocklist-server-list $blocklist-server-delist
tree-node-c_server_listed-fix-2 = Avise seu provedor de email que o endereço do servidor dele, { $blocklist-server-ip }, está na { $blocklist-server-list }: ele pode ver o motivo e pedir a remoção em { $blocklist-server-delist }.
# $blocklist-server-list
tree-node-c_server_listed-title = O próprio endereço do servidor de email está na lista de bloqueio { $blocklist-server-list }
# $blocklist-server-ip $blocklist-server-list $blocklist-server-meaning $blocklist-server-code
tree-node-c_server_listed_also-explanation = Além da configuração a corrigir, o endereço do servidor, { $blocklist-server-ip }, está na { $blocklist-server-list } ({ $blocklist-server-meaning }; resposta { $blocklist-server-code }). Outros servidores de email que consultam essa lista podem recusar as mensagens que ele repassa ou colocá-las no spam.
tree-node-c_server_listed_also-fix-1 = Corrija primeiro a configuração descrita acima.
# $blocklist-server-ip $blocklist-server-list $blocklist-server-delist
tree-node-c_server_listed_also-fix-2 = Avise seu provedor de email que o endereço do servidor dele, { $blocklist-server-ip }, está na { $blocklist-server-list }: ele pode ver o motivo e pedir a remoção em { $blocklist-server-delist }.
# $blocklist-server-list
tree-node-c_server_listed_also-title = O próprio endereço do servidor de email está na lista de bloqueio { $blocklist-server-list }
# $spf-problem $spf-record
tree-node-c_spf_invalid-explanation = Os destinatários não conseguem ler o registro SPF do seu domínio ({ $spf-problem }), então o tratam como erro e podem colocar suas mensagens no spam. O registro diz: { $spf-record }
# $domain $spf-problem
tree-node-c_spf_invalid-fix-1 = Quem cuida do DNS de { $domain } deve corrigir o registro TXT de { $domain } que começa com v=spf1: { $spf-problem }.
# $spf-suggested
tree-node-c_spf_invalid-fix-2 = Para um servidor próprio, um registro que funciona é: { $spf-suggested }
tree-node-c_spf_invalid-fix-3 = Depois, execute esta verificação de novo.
tree-node-c_spf_invalid-title = O registro SPF do seu domínio está quebrado
# $server $spf-server_addresses $spf-record
tree-node-c_spf_not_covering_server-explanation = O registro SPF do seu domínio não inclui o servidor que envia seus emails ({ $server }, endereço { $spf-server_addresses }), então os destinatários podem colocar suas mensagens no spam ou recusá-las. O registro atual diz: { $spf-record }
# $domain $spf-suggested
tree-node-c_spf_not_covering_server-fix-1 = Quem cuida do DNS de { $domain } (o registrador do seu domínio ou sua hospedagem) deve mudar o registro TXT de { $domain } que começa com v=spf1 para: { $spf-suggested }
tree-node-c_spf_not_covering_server-fix-2 = Se o seu provedor de email oferece um include de SPF para os servidores dele (por exemplo include:_spf.google.com ou include:spf.protection.outlook.com), pode-se usar esse include no lugar dos endereços.
tree-node-c_spf_not_covering_server-fix-3 = As mudanças levam até algumas horas para chegar a todos; depois, execute esta verificação de novo.
tree-node-c_spf_not_covering_server-title = O registro SPF do seu domínio não inclui o servidor que envia seus emails
# $spf-lookups $spf-record
tree-node-c_spf_too_many_lookups-explanation = O registro SPF do seu domínio precisa de { $spf-lookups } consultas DNS quando todos os seus termos include são seguidos; os destinatários param em 10 e aí tratam o registro como quebrado, então suas mensagens podem ir para o spam. O registro diz: { $spf-record }
# $domain
tree-node-c_spf_too_many_lookups-fix-1 = Quem cuida do DNS de { $domain } deve encurtar o registro TXT de { $domain } que começa com v=spf1 para que ele precise de no máximo 10 consultas: remova os termos include de serviços que não enviam mais emails por você e liste servidores fixos como endereços ip4: ou ip6: em vez de a, mx ou include.
tree-node-c_spf_too_many_lookups-fix-2 = Depois, execute esta verificação de novo.
tree-node-c_spf_too_many_lookups-title = O registro SPF do seu domínio é longo demais para os destinatários verificarem
tree-node-client_blocklist-title = Em qual lista de bloqueio está o endereço desta rede?
tree-node-domain_dkim-title = Seu domínio publica as chaves de assinatura (DKIM) que seu provedor de email usa?
tree-node-domain_spf-title = O registro SPF do seu domínio inclui o servidor que envia seus emails?
tree-node-new_account_cert-title = O Outlook mostraria um aviso de certificado ao configurar a conta?
tree-node-new_account_settings-title = O Outlook e o Thunderbird configurariam a conta com configurações que funcionam?
tree-node-server_blocklist-title = O próprio endereço do servidor de email está numa lista de bloqueio?
tree-node-server_blocklist_also-title = O próprio endereço do servidor de email está numa lista de bloqueio?
tree-node-server_reverse_dns-title = O endereço do servidor de email leva de volta ao nome dele?
