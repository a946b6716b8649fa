## Os rótulos e caminhos de menu dos próprios programas de email, como eles aparecem em português do Brasil.
## As traduções usam estes termos (`{ -outlook-account-settings }`) sempre que um passo cita um menu,
## uma guia, um campo ou uma caixa de seleção, para que um passo nunca misture rótulos de dois idiomas.
## Fontes: procurou-se a versão pt-br de cada página de ajuda de en/vendor.ftl (Microsoft pt-br, Mozilla
## /pt-BR/, Apple pt-br), mas o texto dessas páginas não estava disponível na busca. Cada grupo indica a URL
## localizada correspondente e de onde vem o rótulo (terminologia da Microsoft ou a interface pt-BR do
## próprio programa); onde um guia de terceiros em pt-BR confirma o rótulo, isso é dito.

## Outlook (clássico) para Windows, caixa de diálogo Configurações de Email na Internet de uma conta POP/IMAP.
## Source: https://support.microsoft.com/pt-br/office/change-or-update-email-account-settings-in-outlook-for-windows-560a9065-3c3a-4ec5-a24f-cdb9a8d622a2
## Not found on a help page: Microsoft terminology (Outlook pt-BR). "Mais Configurações", the tabs
## "Servidor de Saída" and "Avançado", the port field "Servidor de saída (SMTP)" and the tick box
## "Meu servidor de saída (SMTP) requer autenticação" are also confirmed by a Brazilian host's Outlook
## guide (wiki.hostnet.com.br, Outlook 2007/2010/2013 set-up pages).

# Menu path to the account list.
-outlook-account-settings = Arquivo > Configurações de Conta > Configurações de Conta
# The button that opens an account's settings.
-outlook-change = Alterar
# The button that opens the Internet E-mail Settings dialog.
-outlook-more-settings = Mais Configurações
# Tabs of that dialog.
-outlook-tab-advanced = Avançado
-outlook-tab-outgoing-server = Servidor de Saída
# Menu path to add an account.
-outlook-add-account = Arquivo > Adicionar Conta
# The port field on the Advanced tab.
-outlook-port-field = Servidor de saída (SMTP)
# The server name field on the account's main page.
-outlook-server-field = Servidor de saída de emails (SMTP)
# The encryption list on the Advanced tab, and its choices.
-outlook-encryption-field = Usar o seguinte tipo de conexão criptografada
-outlook-encryption-none = Nenhum
-outlook-encryption-auto = Automático
# Tick boxes and choices on the Outgoing Server tab.
-outlook-smtp-auth = Meu servidor de saída (SMTP) requer autenticação
-outlook-same-as-incoming = Usar as mesmas configurações do servidor de entrada de emails
-outlook-log-on-using = Fazer logon usando
-outlook-spa = Exigir logon usando Autenticação de Senha de Segurança (SPA)
# The address field when adding an account.
-outlook-email-address = Endereço de Email
# The dialog buttons the steps name.
-outlook-next = Avançar
-outlook-ok = OK
-outlook-remove = Remover
# The switch at the top right of Outlook that turns on the new Outlook.
-outlook-new-outlook = Novo Outlook

## Configurações de rede do Windows.
## Source: https://support.microsoft.com/pt-br/windows/change-tcp-ip-settings-bd0a07af-15f5-cd6a-363f-ca2b6f391ace
## Not found on a help page: Microsoft terminology (Windows pt-BR). "Alterar as configurações do
## adaptador" also appears in a Brazilian Windows guide (hardware.com.br, "Configurando a rede no Windows").
-windows-adapter-settings = Painel de Controle > Central de Rede e Compartilhamento > Alterar as configurações do adaptador
-windows-ipv6 = Protocolo IP Versão 6 (TCP/IPv6)
-windows-properties = Propriedades

## Thunderbird: a lista de servidores de envio nas configurações de conta.
## Source: https://support.mozilla.org/pt-BR/kb/manual-account-configuration
## Not found on a help page: only the pt-PT version of that page was found (European Portuguese, other
## wording); the labels are Thunderbird's pt-BR interface wording.
-thunderbird-outgoing-server = Configurações de contas > Servidor de envio (SMTP) > Editar
-thunderbird-connection-security = Segurança da conexão
-thunderbird-authentication = Método de autenticação

## Apple Mail no Mac.
## Source: https://support.apple.com/pt-br/guide/mail/mlhlp1068/mac
## Not found on a help page: macOS Mail pt-BR interface wording.
-apple-mail-server-settings = Mail > Ajustes > Contas > Ajustes do Servidor
-apple-mail-outgoing = Conta de Saída

## Email do Windows (Email e Calendário para Windows 10 e 11).
## Source: https://support.microsoft.com/pt-br/office/add-an-email-account-to-mail-and-calendar-for-windows-10-7f6f8a0e-ea8c-4b10-ab3d-7b3b1a27b0fd
## Not found on a help page: Microsoft terminology (Windows pt-BR).
-windows-mail-advanced = Configurações > Gerenciar Contas > Alterar configurações de sincronização da caixa de correio > Configurações avançadas da caixa de correio
-windows-mail-outgoing-server = Servidor de email de saída (SMTP)
