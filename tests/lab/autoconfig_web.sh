#!/usr/bin/env bash
# The new-account part of the lab (sourced by lab.sh): a real nginx on loopback that serves
# Outlook's Autodiscover and Thunderbird's autoconfig files over HTTPS (certificates from the
# lab CA), one lab domain per case. Every domain's submission server is smtp.example.test
# (127.0.10.1) through an RFC 6186 SRV record, so a `check --new-account` without --server
# verifies it and compares the published files with it.
#
#   ac-good.test      correct files at autodiscover. and autoconfig. (no cause)
#   ac-oldhost.test   files naming a server that is gone (mail.old-hosting.test)
#   ac-sslport.test   "SSL" on port 587, which speaks STARTTLS
#   ac-badcert.test   autodiscover.ac-badcert.test on 127.0.10.41, whose certificate is
#                     for www.hosting-company.test (the host's shared web server)
#   ac-redirect.test  only the HTTP redirect method: http://autodiscover.ac-redirect.test
#                     answers 302 to https://autodiscover.ac-redirect-host.test/...
#   ac-none.test      nothing published at all
#   ac-selfsigned.test  autodiscover.ac-selfsigned.test on 127.0.10.41, whose certificate is
#                     for that name but self-signed (nobody Outlook trusts vouches for it)
#   ac-redirect-addr.test  Autodiscover answers redirectAddr alice@ac-mailbox.test: Outlook
#                     asks again for that address and gets autodiscover.ac-mailbox.test's
#                     settings (correct, with the user name alice@ac-redirect-addr.test)
# nginx: 127.0.10.40:443 and :80 (the lab certificate "web"), 127.0.10.41:443 ("wrongname").

WEB_IP=127.0.10.40
WEB_BADCERT_IP=127.0.10.41
WEB_DIR=$LAB/web
WEB_DOMAINS=(ac-good.test ac-oldhost.test ac-sslport.test ac-badcert.test ac-redirect.test ac-none.test ac-selfsigned.test ac-redirect-addr.test)

# web_autodiscover SERVER PORT SSL ENCRYPTION LOGIN: an Autodiscover (POX) response.
web_autodiscover() {
  cat <<XML
<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <Protocol>
        <Type>IMAP</Type><Server>$1</Server><Port>993</Port><SSL>on</SSL><LoginName>$5</LoginName>
      </Protocol>
      <Protocol>
        <Type>SMTP</Type>
        <Server>$1</Server>
        <Port>$2</Port>
        <SSL>$3</SSL>${4:+
        <Encryption>$4</Encryption>}
        <SPA>off</SPA>
        <LoginName>$5</LoginName>
        <AuthRequired>on</AuthRequired>
      </Protocol>
    </Account>
  </Response>
</Autodiscover>
XML
}

# web_redirect_addr ADDRESS: an Autodiscover response that sends Outlook on to ADDRESS.
web_redirect_addr() {
  cat <<XML
<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <Action>redirectAddr</Action>
      <RedirectAddr>$1</RedirectAddr>
    </Account>
  </Response>
</Autodiscover>
XML
}

# web_autoconfig DOMAIN SERVER PORT SOCKETTYPE: a Thunderbird autoconfig file.
web_autoconfig() {
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="$1">
    <domain>$1</domain>
    <displayName>$1 mail</displayName>
    <incomingServer type="imap">
      <hostname>$2</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>$2</hostname>
      <port>$3</port>
      <socketType>$4</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
XML
}

# web_site HOST: the folder nginx serves for HOST.
web_site() {
  mkdir -p "$WEB_DIR/sites/$1/autodiscover" "$WEB_DIR/sites/$1/mail"
  echo "$WEB_DIR/sites/$1"
}

web_prepare() {
  command -v nginx >/dev/null 2>&1 || ensure_packages nginx-light
  mkdir -p "$WEB_DIR/tmp"
  new_leaf "$PKI/ca" web autodiscover.ac-good.test "$(printf 'DNS:%s,' \
    autodiscover.ac-good.test autoconfig.ac-good.test \
    autodiscover.ac-oldhost.test autoconfig.ac-oldhost.test \
    autodiscover.ac-sslport.test autoconfig.ac-sslport.test \
    autodiscover.ac-redirect.test autodiscover.ac-redirect-host.test \
    autodiscover.ac-redirect-addr.test autodiscover.ac-mailbox.test | sed 's/,$//')" -days 825
  chmod 600 "$PKI/web.key"
  [ -s "$PKI/web.pem" ] || die "certificate $PKI/web.pem was not produced"
  local d
  d=$(web_site autodiscover.ac-good.test)
  web_autodiscover smtp.example.test 587 off TLS alice@ac-good.test >"$d/autodiscover/autodiscover.xml"
  d=$(web_site autoconfig.ac-good.test)
  web_autoconfig ac-good.test smtp.example.test 587 STARTTLS >"$d/mail/config-v1.1.xml"
  d=$(web_site autodiscover.ac-oldhost.test)
  web_autodiscover mail.old-hosting.test 587 off TLS alice@ac-oldhost.test >"$d/autodiscover/autodiscover.xml"
  d=$(web_site autoconfig.ac-oldhost.test)
  web_autoconfig ac-oldhost.test mail.old-hosting.test 587 STARTTLS >"$d/mail/config-v1.1.xml"
  d=$(web_site autodiscover.ac-sslport.test)
  web_autodiscover smtp.example.test 587 on "" alice@ac-sslport.test >"$d/autodiscover/autodiscover.xml"
  d=$(web_site autoconfig.ac-sslport.test)
  web_autoconfig ac-sslport.test smtp.example.test 587 SSL >"$d/mail/config-v1.1.xml"
  d=$(web_site autodiscover.ac-badcert.test)
  web_autodiscover smtp.example.test 587 off TLS alice@ac-badcert.test >"$d/autodiscover/autodiscover.xml"
  d=$(web_site autodiscover.ac-redirect-host.test)
  web_autodiscover smtp.example.test 587 off TLS alice@ac-redirect.test >"$d/autodiscover/autodiscover.xml"
  # The right name, but signed by itself: Outlook's "problem with the site's security
  # certificate" warning that is not a name mismatch.
  openssl genrsa -out "$PKI/web-selfsigned.key" 2048 2>/dev/null
  CA_DIR=$PKI/ca SAN=DNS:autodiscover.ac-selfsigned.test openssl req -new -x509 \
    -config "$PKI/openssl.cnf" -key "$PKI/web-selfsigned.key" \
    -subj "/CN=autodiscover.ac-selfsigned.test" -days 825 -extensions self_ext \
    -out "$PKI/web-selfsigned.pem"
  chmod 600 "$PKI/web-selfsigned.key"
  [ -s "$PKI/web-selfsigned.pem" ] || die "certificate $PKI/web-selfsigned.pem was not produced"
  d=$(web_site autodiscover.ac-selfsigned.test)
  web_autodiscover smtp.example.test 587 off TLS alice@ac-selfsigned.test >"$d/autodiscover/autodiscover.xml"
  d=$(web_site autodiscover.ac-redirect-addr.test)
  web_redirect_addr alice@ac-mailbox.test >"$d/autodiscover/autodiscover.xml"
  d=$(web_site autodiscover.ac-mailbox.test)
  web_autodiscover smtp.example.test 587 off TLS alice@ac-redirect-addr.test >"$d/autodiscover/autodiscover.xml"
  # nginx's workers run as nobody: they read the files, nothing else.
  chmod -R a+rX "$WEB_DIR/sites"
  cat >"$WEB_DIR/nginx.conf" <<EOF
# nginx of the smtp-doctor test lab: Autodiscover and autoconfig files (tests/lab/autoconfig_web.sh).
worker_processes 1;
pid $WEB_DIR/nginx.pid;
error_log $WEB_DIR/error.log;
events { worker_connections 64; }
http {
  access_log $WEB_DIR/access.log;
  client_body_temp_path $WEB_DIR/tmp/body;
  proxy_temp_path $WEB_DIR/tmp/proxy;
  fastcgi_temp_path $WEB_DIR/tmp/fastcgi;
  uwsgi_temp_path $WEB_DIR/tmp/uwsgi;
  scgi_temp_path $WEB_DIR/tmp/scgi;
  default_type text/xml;
  # Outlook POSTs its Autodiscover request: a static file answers it as it answers a GET.
  error_page 405 =200 \$uri;
  server {
    listen $WEB_IP:443 ssl default_server;
    server_name _;
    ssl_certificate $PKI/web.pem;
    ssl_certificate_key $PKI/web.key;
    root $WEB_DIR/sites/\$host;
    location / { try_files \$uri =404; }
  }
  # The host's shared web server: its own certificate, whatever name is asked for.
  server {
    listen $WEB_BADCERT_IP:443 ssl default_server;
    server_name _;
    ssl_certificate $PKI/wrongname.pem;
    ssl_certificate_key $PKI/wrongname.key;
    root $WEB_DIR/sites/\$host;
    location / { try_files \$uri =404; }
  }
  # A host with a self-signed certificate for its own name (chosen by SNI).
  server {
    listen $WEB_BADCERT_IP:443 ssl;
    server_name autodiscover.ac-selfsigned.test;
    ssl_certificate $PKI/web-selfsigned.pem;
    ssl_certificate_key $PKI/web-selfsigned.key;
    root $WEB_DIR/sites/\$host;
    location / { try_files \$uri =404; }
  }
  # Outlook's HTTP redirect method.
  server {
    listen $WEB_IP:80 default_server;
    server_name _;
    return 404;
  }
  server {
    listen $WEB_IP:80;
    server_name autodiscover.ac-redirect.test;
    location = /autodiscover/autodiscover.xml {
      return 302 https://autodiscover.ac-redirect-host.test/autodiscover/autodiscover.xml;
    }
    location / { return 404; }
  }
}
EOF
}

# web_dns_records: the dnsmasq lines for the new-account domains.
web_dns_records() {
  local d
  echo
  echo "# New-account domains (tests/lab/autoconfig_web.sh): submission server by SRV."
  for d in "${WEB_DOMAINS[@]}"; do
    echo "srv-host=_submission._tcp.$d,smtp.example.test,587,0,1"
    echo "mx-host=$d,mx.example.test,10"
  done
  cat <<EOF
host-record=autodiscover.ac-good.test,$WEB_IP
host-record=autoconfig.ac-good.test,$WEB_IP
host-record=autodiscover.ac-oldhost.test,$WEB_IP
host-record=autoconfig.ac-oldhost.test,$WEB_IP
host-record=autodiscover.ac-sslport.test,$WEB_IP
host-record=autoconfig.ac-sslport.test,$WEB_IP
host-record=autodiscover.ac-badcert.test,$WEB_BADCERT_IP
host-record=autodiscover.ac-redirect.test,$WEB_IP
host-record=autodiscover.ac-redirect-host.test,$WEB_IP
host-record=autodiscover.ac-selfsigned.test,$WEB_BADCERT_IP
host-record=autodiscover.ac-redirect-addr.test,$WEB_IP
host-record=autodiscover.ac-mailbox.test,$WEB_IP
EOF
}

web_pid() { # the running master's pid, or nothing
  local pid
  [ -r "$WEB_DIR/nginx.pid" ] || return 0
  pid=$(tr -dc 0-9 <"$WEB_DIR/nginx.pid")
  if [ -n "$pid" ] && alive "$pid"; then echo "$pid"; fi
  return 0
}

web_start() {
  nginx -t -q -e "$WEB_DIR/error.log" -p "$WEB_DIR" -c "$WEB_DIR/nginx.conf" >/dev/null 2>&1 ||
    die "nginx rejects its configuration: $(nginx -t -e "$WEB_DIR/error.log" -p "$WEB_DIR" -c "$WEB_DIR/nginx.conf" 2>&1 | tail -n 5)"
  detached "$WEB_DIR/nginx.log" nginx -e "$WEB_DIR/error.log" -p "$WEB_DIR" -c "$WEB_DIR/nginx.conf" ||
    die "nginx did not start: $(tail -n 20 "$WEB_DIR/error.log" 2>/dev/null)"
}

web_stop() {
  local pid
  pid=$(web_pid)
  if [ -n "$pid" ]; then stop_pid "$pid" "nginx"; fi
}

web_serves() { # web_serves NAME PATH: the file comes back over HTTPS from the lab's nginx
  timeout 3 bash -c 'printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$2" "$1" |
    openssl s_client -quiet -connect "$3:443" -servername "$1" 2>/dev/null | grep -q "<Autodiscover"' \
    _ "$1" "$2" "$WEB_IP"
}

# web_wait_ready: prints what did not come up, one item a line.
web_wait_ready() {
  wait_until web_serves autodiscover.ac-good.test /autodiscover/autodiscover.xml ||
    echo "nginx $WEB_IP:443 (no Autodiscover file)"
  wait_until tls_handshakes "$WEB_BADCERT_IP" 443 www.hosting-company.test ||
    echo "nginx $WEB_BADCERT_IP:443 (no TLS handshake)"
  wait_until tls_handshakes "$WEB_BADCERT_IP" 443 autodiscover.ac-selfsigned.test ||
    echo "nginx $WEB_BADCERT_IP:443 (no TLS handshake for autodiscover.ac-selfsigned.test)"
}

web_status() {
  local pid
  pid=$(web_pid)
  if [ -n "$pid" ]; then
    printf '%-11s running pid %s on %s :443,:80 and %s :443 (nginx)\n' web "$pid" "$WEB_IP" "$WEB_BADCERT_IP"
  else
    printf '%-11s not running\n' web
  fi
}

# web_logs: the files a failed `up` shows.
web_logs() {
  echo "$WEB_DIR/error.log"
}
