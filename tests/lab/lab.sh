#!/usr/bin/env bash
# smtp-doctor's integration-test lab: real mail servers on loopback addresses.
#
#   sudo bash tests/lab/lab.sh up       build certificates, start DNS, Dovecot (SASL) and Postfix
#   sudo bash tests/lab/lab.sh down     stop everything and remove the lab's state
#   sudo bash tests/lab/lab.sh status   show what runs
#   sudo bash tests/lab/lab.sh deps [PACKAGE...]   only install what the lab (and PACKAGEs) need
#
# State lives in ${SMTP_DOCTOR_LAB:-/tmp/smtp-doctor-lab}; `up` writes $LAB/ready when every
# server answers. All traffic stays on 127.0.0.0/8; the DNS server has no upstream.
#
# Servers (DNS names resolve through dnsmasq on 127.0.53.1:53):
#   good        127.0.10.1  smtp.example.test        valid certificate from the lab CA
#   expired     127.0.10.2  expired.example.test     certificate expired in 2021
#   wrongname   127.0.10.3  wrongname.example.test   certificate for www.hosting-company.test
#   selfsigned  127.0.10.4  selfsigned.example.test  self-signed certificate
#   stopped     127.0.10.5  stopped.example.test     configured, started, then stopped: nothing listens
#   old         127.0.10.6  old.example.test         valid certificate (for "old host name" cases)
#   nochain     127.0.10.7  nochain.example.test     certificate from the lab's intermediate CA
#                           ("smtp-doctor Test Intermediate CA", itself from the lab CA), sent
#                           without the intermediate: the chain file holds only key and leaf
#                           ($LAB/pki/nochain-fullchain.pem is what it should send)
#   privateca   127.0.10.8  privateca.example.test   certificate from a private root that no test
#                           trusts ("smtp-doctor Private Root"), sent with that root
# Each running server listens on 25 (smtpd), 587 (submission, STARTTLS) and 465 (implicit TLS).
# Account: alice@example.test / "correct horse battery staple" (may only send as herself).
# Every server refuses the sender suspended@example.test with its host's own words,
# "550 5.7.1 Customer suspended" (an access map; for the overlay of
# examples/host-overlay/billing-suspended.toml).
# Beside them, a real Exim 4.96 (unpacked from Debian's packages, authenticating through the
# same Dovecot) on 127.0.10.21-23: smtp.exim.test, expired.exim.test, busy.exim.test (a
# multi-line 451 in place of the greeting); account alice@exim.test. See tests/lab/exim.sh.
# And a server that answers in Microsoft Exchange 2019's words (tests/lab/exchange_emulator.py)
# on 127.0.10.31-32: smtp.exchange.test, busy.exchange.test (Exchange's connection-limit 421 in
# place of the greeting); account alice@exchange.test. See tests/lab/exchange.sh.
# And a real nginx on 127.0.10.40-41 serving Autodiscover and autoconfig files over HTTPS for
# the new-account domains ac-*.test (tests/lab/autoconfig_web.sh).
set -euo pipefail

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

LAB=${SMTP_DOCTOR_LAB:-/tmp/smtp-doctor-lab}
DNS_IP=127.0.53.1
MARKER=.smtp-doctor-lab
ETC_MAIN=/etc/postfix/main.cf
ETC_MAIN_BACKUP=/etc/postfix/main.cf.smtp-doctor-lab.bak
ETC_MAIN_CREATED=/etc/postfix/main.cf.smtp-doctor-lab.created
USER_NAME=alice@example.test
USER_PASSWORD='correct horse battery staple'
SUSPENDED_SENDER=suspended@example.test
TRIES=100      # bounded waits: TRIES x 0.1 s
# name ip hostname certificate running
SERVERS=(
  "good       127.0.10.1 smtp.example.test       good       yes"
  "expired    127.0.10.2 expired.example.test    expired    yes"
  "wrongname  127.0.10.3 wrongname.example.test  wrongname  yes"
  "selfsigned 127.0.10.4 selfsigned.example.test selfsigned yes"
  "stopped    127.0.10.5 stopped.example.test    good       no"
  "old        127.0.10.6 old.example.test        old        yes"
  "nochain    127.0.10.7 nochain.example.test    nochain    yes"
  "privateca  127.0.10.8 privateca.example.test  privateca  yes"
)

# log, die, ensure_packages, detached, certificates (write_openssl_config, new_ca, new_leaf),
# alive, stop_pid, postfix_diagnose, smtp_greets, tls_handshakes, wait_until.
# shellcheck source=tests/lab/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# exim_prepare, exim_dns_records, exim_dovecot, exim_start, exim_stop, exim_wait_ready, ...
# shellcheck source=tests/lab/exim.sh
source "$(dirname "${BASH_SOURCE[0]}")/exim.sh"
# exchange_prepare, exchange_dns_records, exchange_start, exchange_stop, exchange_wait_ready, ...
# shellcheck source=tests/lab/exchange.sh
source "$(dirname "${BASH_SOURCE[0]}")/exchange.sh"
# web_prepare, web_dns_records, web_start, web_stop, web_wait_ready, ... (nginx: Autodiscover
# and autoconfig for the new-account cases)
# shellcheck source=tests/lab/autoconfig_web.sh
source "$(dirname "${BASH_SOURCE[0]}")/autoconfig_web.sh"

check_lab_path() {
  case "$LAB" in
    /*/*) ;;
    *) die "SMTP_DOCTOR_LAB must be an absolute path below a folder (got '$LAB')" ;;
  esac
  case "$LAB" in
    *[[:space:]]*) die "SMTP_DOCTOR_LAB must not contain white space (got '$LAB')" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Certificates
# ---------------------------------------------------------------------------------------------
# new_intermediate DIR SUBJECT PARENT_CA_DIR: a CA signed by another one (for `new_leaf DIR`).
new_intermediate() {
  local dir=$1 subject=$2 parent=$3
  mkdir -p "$dir/issued"
  : >"$dir/index.txt"
  echo 1000 >"$dir/serial"
  openssl genrsa -out "$dir/ca.key" 2048 2>/dev/null
  openssl req -new -config "$PKI/openssl.cnf" -key "$dir/ca.key" -subj "$subject" -out "$dir/ca.csr"
  CA_DIR=$parent SAN=DNS:unused openssl ca -batch -notext -config "$PKI/openssl.cnf" \
    -in "$dir/ca.csr" -out "$dir/ca.pem" -extensions root_ext -days 825 2>/dev/null
}

make_pki() {
  PKI=$LAB/pki
  mkdir -p "$PKI"
  write_openssl_config "$PKI/openssl.cnf"
  # openssl reads every ${ENV::...} of the file, whichever section it uses.
  export CA_DIR=$PKI/ca SAN=DNS:unused
  # The lab's trusted CA: tests hand $PKI/ca.pem to the tool with --ca-file.
  new_ca "$PKI/ca" "/CN=smtp-doctor Test CA"
  cp "$PKI/ca/ca.pem" "$PKI/ca.pem"
  new_leaf "$PKI/ca" good smtp.example.test "DNS:smtp.example.test,DNS:mx.example.test" -days 825
  new_leaf "$PKI/ca" old old.example.test "DNS:old.example.test" -days 825
  new_leaf "$PKI/ca" expired expired.example.test "DNS:expired.example.test" \
    -startdate 20200101000000Z -enddate 20210101000000Z
  new_leaf "$PKI/ca" wrongname www.hosting-company.test "DNS:www.hosting-company.test"
  # Self-signed: nobody vouches for it.
  openssl genrsa -out "$PKI/selfsigned.key" 2048 2>/dev/null
  SAN=DNS:selfsigned.example.test openssl req -new -x509 -config "$PKI/openssl.cnf" \
    -key "$PKI/selfsigned.key" -subj "/CN=selfsigned.example.test" -days 825 \
    -extensions self_ext -out "$PKI/selfsigned.pem"
  # An antivirus product's interception CA and the certificate it forges for the real server
  # (for TLS-interception cases; no server uses them yet).
  new_ca "$PKI/av-ca" "/O=Avast Web\/Mail Shield/CN=Avast Web\/Mail Shield Root"
  cp "$PKI/av-ca/ca.pem" "$PKI/av-ca.pem"
  new_leaf "$PKI/av-ca" av-smtp smtp.example.test "DNS:smtp.example.test" -days 825
  # An intermediate CA under the lab CA; its leaf is served alone (no intermediate) by nochain.
  new_intermediate "$PKI/inter" "/CN=smtp-doctor Test Intermediate CA" "$PKI/ca"
  new_leaf "$PKI/inter" nochain nochain.example.test "DNS:nochain.example.test" -days 825
  cat "$PKI/nochain.pem" "$PKI/inter/ca.pem" >"$PKI/nochain-fullchain.pem"
  # A private root nobody trusts; privateca sends its leaf followed by that root.
  new_ca "$PKI/private-ca" "/CN=smtp-doctor Private Root"
  new_leaf "$PKI/private-ca" privateca privateca.example.test "DNS:privateca.example.test" -days 825
  cat "$PKI/private-ca/ca.pem" >>"$PKI/privateca.pem"
  chmod 600 "$PKI"/*.key "$PKI"/ca/ca.key "$PKI"/av-ca/ca.key "$PKI"/inter/ca.key "$PKI"/private-ca/ca.key
  local f
  for f in ca.pem good.pem old.pem expired.pem wrongname.pem selfsigned.pem av-ca.pem av-smtp.pem \
    inter/ca.pem nochain.pem nochain-fullchain.pem privateca.pem; do
    [ -s "$PKI/$f" ] || die "certificate $PKI/$f was not produced"
  done
}

# ---------------------------------------------------------------------------------------------
# DNS: dnsmasq, authoritative for .test, no upstream
# ---------------------------------------------------------------------------------------------
start_dns() {
  cat >"$LAB/dnsmasq.conf" <<EOF
# dnsmasq of the smtp-doctor test lab: answers only for the lab's names, forwards nothing.
no-resolv
no-hosts
no-poll
bind-interfaces
listen-address=$DNS_IP
port=53
domain-needed
local=/test/
pid-file=$LAB/dnsmasq.pid
log-facility=$LAB/dnsmasq.log
log-queries

# example.test: a complete domain
host-record=smtp.example.test,127.0.10.1
host-record=mx.example.test,127.0.10.1
mx-host=example.test,mx.example.test,10
txt-record=example.test,"v=spf1 mx a -all"
txt-record=_dmarc.example.test,"v=DMARC1; p=none"
srv-host=_submission._tcp.example.test,smtp.example.test,587,0,1
host-record=expired.example.test,127.0.10.2
host-record=wrongname.example.test,127.0.10.3
host-record=selfsigned.example.test,127.0.10.4
host-record=stopped.example.test,127.0.10.5
host-record=old.example.test,127.0.10.6
host-record=nochain.example.test,127.0.10.7
host-record=privateca.example.test,127.0.10.8
host-record=ref.example.test,127.0.10.6
# The hosting company's own name on wrongname's certificate leads to that same server (the
# name to type instead); a customer's own name for the self-signed server, whose
# certificate is for another name that does not verify either.
host-record=www.hosting-company.test,127.0.10.3
host-record=mail.selfhosted.test,127.0.10.4

# bare.test: MX only, no SPF, no DMARC
mx-host=bare.test,mx.bare.test,10
host-record=mx.bare.test,127.0.10.1

# Provider detection (tests/lab/profiles/labhost.toml recognises *.mx.labhost.test):
# customer.test by its MX alone; hosted.test by MX and an RFC 6186 SRV record; m365.test
# by an MX host of the shipped Microsoft 365 profile (outside .test: never resolved here).
mx-host=customer.test,in1.mx.labhost.test,10
host-record=in1.mx.labhost.test,127.0.10.1
mx-host=hosted.test,in1.mx.labhost.test,10
srv-host=_submission._tcp.hosted.test,smtp.example.test,587,0,1
mx-host=m365.test,m365-test.mail.protection.outlook.com,0
# Two providers' submission hosts, pointed at loopback, where tests run a scripted server
# that answers with the provider's exact refusal texts (nothing leaves this machine).
host-record=smtp.gmail.com,127.0.20.1
host-record=smtp.office365.com,127.0.20.1
# Domain authentication (tests/lab_domain_auth.rs); the lab's server smtp.example.test is
# 127.0.10.1, and alice@example.test may send as any address of these domains.
# auth-ok.test: SPF lists the server, DMARC p=reject, selector lab1 has a key.
mx-host=auth-ok.test,in1.mx.labhost.test,10
txt-record=auth-ok.test,"v=spf1 ip4:127.0.10.1 -all"
txt-record=_dmarc.auth-ok.test,"v=DMARC1; p=reject; adkim=s"
txt-record=lab1._domainkey.auth-ok.test,"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB"
# spf-none.test: DMARC but no SPF.
txt-record=_dmarc.spf-none.test,"v=DMARC1; p=none"
# spf-other.test: SPF for another server only.
txt-record=spf-other.test,"v=spf1 ip4:203.0.113.25 -all"
txt-record=_dmarc.spf-other.test,"v=DMARC1; p=quarantine"
# spf-long.test: a chain of 11 includes (12 lookups with the redirect-free root).
txt-record=spf-long.test,"v=spf1 include:s1.spf-long.test ip4:127.0.10.1 -all"
txt-record=s1.spf-long.test,"v=spf1 include:s2.spf-long.test include:s3.spf-long.test include:s4.spf-long.test ~all"
txt-record=s2.spf-long.test,"v=spf1 include:s3.spf-long.test include:s4.spf-long.test ~all"
txt-record=s3.spf-long.test,"v=spf1 include:s4.spf-long.test include:s5.spf-long.test ~all"
txt-record=s4.spf-long.test,"v=spf1 include:s5.spf-long.test include:s6.spf-long.test ~all"
txt-record=s5.spf-long.test,"v=spf1 include:s6.spf-long.test ~all"
txt-record=s6.spf-long.test,"v=spf1 ip4:203.0.113.26 ~all"
txt-record=_dmarc.spf-long.test,"v=DMARC1; p=none"
# dmarc-none.test: SPF lists the server, no DMARC.
txt-record=dmarc-none.test,"v=spf1 ip4:127.0.10.1 -all"
# dkim-none.test: hosted by Lab Hosting (selector lab1), no key published.
mx-host=dkim-none.test,in1.mx.labhost.test,10
txt-record=dkim-none.test,"v=spf1 ip4:127.0.10.1 -all"
txt-record=_dmarc.dkim-none.test,"v=DMARC1; p=reject"
# spf-broken.test: includes a name that publishes no SPF record (permerror).
txt-record=spf-broken.test,"v=spf1 include:gone.spf-broken.test ip4:127.0.10.1 -all"
txt-record=_dmarc.spf-broken.test,"v=DMARC1; p=none"
EOF
  exim_dns_records >>"$LAB/dnsmasq.conf"
  exchange_dns_records >>"$LAB/dnsmasq.conf"
  web_dns_records >>"$LAB/dnsmasq.conf"
  : >"$LAB/dnsmasq.log"
  chmod 666 "$LAB/dnsmasq.log"
  detached "$LAB/dnsmasq.log" dnsmasq --conf-file="$LAB/dnsmasq.conf" || die "dnsmasq did not start (see $LAB/dnsmasq.log)"
}

dns_answers() {
  [ "$(dig +short +time=1 +tries=1 -p 53 @"$DNS_IP" smtp.example.test A 2>/dev/null)" = 127.0.10.1 ]
}

# ---------------------------------------------------------------------------------------------
# Postfix instances and Dovecot (SASL only)
# ---------------------------------------------------------------------------------------------
server_field() { # server_field LINE INDEX
  local -a f
  read -r -a f <<<"$1"
  echo "${f[$2]}"
}

config_dirs() {
  local s
  for s in "${SERVERS[@]}"; do echo "$LAB/postfix-$(server_field "$s" 0)"; done
}

# The default /etc/postfix/main.cf must list every instance in alternate_config_directories.
register_instances() {
  local dirs
  dirs=$(config_dirs | paste -sd' ')
  if [ -e "$ETC_MAIN_BACKUP" ] || [ -e "$ETC_MAIN_CREATED" ]; then
    : # a previous lab's change is still in place: the backup there is the original
  elif [ -e "$ETC_MAIN" ]; then
    cp -p "$ETC_MAIN" "$ETC_MAIN_BACKUP"
  else
    touch "$ETC_MAIN_CREATED"
  fi
  if [ -e "$ETC_MAIN_BACKUP" ]; then
    local existing
    existing=$(postconf -c /etc/postfix -h alternate_config_directories 2>/dev/null || true)
    cp -p "$ETC_MAIN_BACKUP" "$ETC_MAIN"
    postconf -c /etc/postfix -e "alternate_config_directories = ${existing:+$existing }$dirs"
  else
    cat >"$ETC_MAIN" <<EOF
# Written by smtp-doctor's test lab (tests/lab/lab.sh up); removed by 'lab.sh down'.
compatibility_level = 3.6
alternate_config_directories = $dirs
EOF
  fi
}

restore_etc_main() {
  if [ -e "$ETC_MAIN_BACKUP" ]; then
    mv -f "$ETC_MAIN_BACKUP" "$ETC_MAIN"
  elif [ -e "$ETC_MAIN_CREATED" ]; then
    rm -f "$ETC_MAIN" "$ETC_MAIN_CREATED"
  fi
}

write_postfix_instance() {
  local name=$1 ip=$2 host=$3 cert=$4
  local conf=$LAB/postfix-$name queue=$LAB/spool-$name data=$LAB/data-$name
  mkdir -p "$conf"
  postfix_dirs "$queue" "$data"
  {
    echo "# Postfix instance '$name' of the smtp-doctor test lab."
    postfix_instance_head "$name" "postfix-$name" "$LAB"
  } >"$conf/main.cf"
  cat >>"$conf/main.cf" <<EOF

# The services bind $ip explicitly in master.cf. inet_interfaces must name addresses that
# an interface carries, and lo carries only 127.0.0.1 (the rest of 127/8 is routed to it):
# naming $ip here makes every postfix command die with "no local interface found".
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = $host
mydomain = example.test
myorigin = \$myhostname
mydestination =
relay_domains =
# No restriction uses mynetworks; it still names no client address, so that nothing is
# trusted for coming from 127.0.0.1.
mynetworks = 127.0.0.255/32
local_transport = error:local delivery disabled
alias_maps =
alias_database =
biff = no
smtpd_banner = \$myhostname ESMTP Postfix

EOF
  # A hosting customer whose invoice is overdue: the host refuses mail from the address in
  # its own words (the refusal comes before the login-mismatch check).
  postfix_auth_tls "$USER_NAME" "$LAB/pki/$cert.key" "$LAB/pki/$cert.pem" \
    "check_sender_access inline:{ { $SUSPENDED_SENDER = 550 5.7.1 Customer suspended }, { auth-ok.test = OK }, { spf-none.test = OK }, { spf-other.test = OK }, { spf-long.test = OK }, { dmarc-none.test = OK }, { dkim-none.test = OK }, { spf-broken.test = OK } }" >>"$conf/main.cf"
  {
    echo "# Postfix instance '$name' of the smtp-doctor test lab: nothing chrooted."
    postfix_master_cf "$ip" "postfix-$name"
  } >"$conf/master.cf"
}

write_dovecot() {
  local names=() s
  for s in "${SERVERS[@]}"; do names+=("$(server_field "$s" 0)"); done
  write_dovecot_sasl "$LAB/dovecot" smtp-doctor-lab 127.0.0.0/8 \
    "# Dovecot of the smtp-doctor test lab: SASL authentication for the Postfix instances only." \
    "$LAB/spool" "${names[@]}"
  exim_dovecot "$LAB/dovecot"
}

start_dovecot() {
  local conf=$LAB/dovecot/dovecot.conf
  doveconf -c "$conf" -n >"$LAB/dovecot/doveconf.out" 2>&1 ||
    die "Dovecot rejects its configuration: $(cat "$LAB/dovecot/doveconf.out")"
  detached "$LAB/dovecot/dovecot.log" dovecot -c "$conf" || die "Dovecot did not start; log: $(tail -n 20 "$LAB/dovecot/dovecot.log" 2>/dev/null)"
}

postfix_master_pid() { # postfix_master_pid NAME -> pid of a running master, or nothing
  local pidfile=$LAB/spool-$1/pid/master.pid pid
  [ -r "$pidfile" ] || return 0
  pid=$(tr -dc 0-9 <"$pidfile")
  if [ -n "$pid" ] && alive "$pid"; then echo "$pid"; fi
  return 0
}

start_postfix() {
  local name=$1 conf=$LAB/postfix-$1
  detached /dev/null postfix -c "$conf" start ||
    die "Postfix '$name' did not start: $(postfix_diagnose "$conf" check) $(tail -n 20 "$LAB/postfix-$name.log" 2>/dev/null)"
}

stop_postfix() {
  local name=$1 conf=$LAB/postfix-$1 pid
  pid=$(postfix_master_pid "$name")
  [ -n "$pid" ] || return 0
  timeout 15 postfix -c "$conf" stop >/dev/null 2>&1 || true
  stop_pid "$pid" "Postfix master '$name'"
}

# ---------------------------------------------------------------------------------------------
# Readiness
# ---------------------------------------------------------------------------------------------
wait_ready() {
  local s name ip host run failed=()
  wait_until dns_answers || failed+=("dnsmasq on $DNS_IP:53")
  for s in "${SERVERS[@]}"; do
    read -r name ip host _ run <<<"$s"
    [ "$run" = yes ] || continue
    wait_until smtp_greets "$ip" 25 || failed+=("$name $ip:25 (no 220 greeting)")
    wait_until smtp_greets "$ip" 587 || failed+=("$name $ip:587 (no 220 greeting)")
    wait_until tls_handshakes "$ip" 465 "$host" || failed+=("$name $ip:465 (no TLS handshake)")
  done
  local line
  while IFS= read -r line; do failed+=("$line"); done < <(exim_wait_ready)
  while IFS= read -r line; do failed+=("$line"); done < <(web_wait_ready)
  if [ ${#failed[@]} -gt 0 ]; then
    log "logs are in $LAB (postfix-*.log, dovecot/dovecot.log, dnsmasq.log, exim/log/)"
    die "did not come up within $((TRIES / 10)) s: ${failed[*]}"
  fi
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
cmd_down() {
  check_lab_path
  if [ -d "$LAB" ] && [ ! -e "$LAB/$MARKER" ] && [ -n "$(ls -A "$LAB" 2>/dev/null)" ]; then
    die "$LAB is not a lab folder (no $MARKER in it): not touching it"
  fi
  local s name pid
  if [ -d "$LAB" ]; then
    for s in "${SERVERS[@]}"; do
      name=$(server_field "$s" 0)
      if [ -d "$LAB/postfix-$name" ]; then stop_postfix "$name"; fi
    done
    exim_stop
    exchange_stop
    web_stop
    if [ -r "$LAB/dovecot/run/master.pid" ]; then
      pid=$(tr -dc 0-9 <"$LAB/dovecot/run/master.pid")
      if [ -n "$pid" ]; then stop_pid "$pid" "Dovecot"; fi
    fi
    if [ -r "$LAB/dnsmasq.pid" ]; then
      pid=$(tr -dc 0-9 <"$LAB/dnsmasq.pid")
      if [ -n "$pid" ]; then stop_pid "$pid" "dnsmasq"; fi
    fi
  fi
  restore_etc_main
  rm -rf "$LAB"
  log "down"
}

# A failed `up` shows the logs and takes down what it started (LAB_KEEP_ON_FAILURE=1 keeps it
# for a look).
up_failed() {
  local rc=$? f
  trap - EXIT
  [ "$rc" -ne 0 ] || return 0
  for f in "$LAB"/postfix-*.log "$LAB/dovecot/dovecot.log" "$LAB/dnsmasq.log" $(exim_logs) $(exchange_logs) $(web_logs); do
    [ -s "$f" ] || continue
    printf -- '--- last lines of %s\n' "$f" >&2
    tail -n 15 "$f" >&2
  done
  if [ "${LAB_KEEP_ON_FAILURE:-0}" = 1 ]; then
    log "up failed; LAB_KEEP_ON_FAILURE=1: leaving $LAB as it is (lab.sh down removes it)"
  else
    log "up failed: taking down what was started"
    cmd_down || true
  fi
  exit "$rc"
}

cmd_up() {
  [ "$(id -u)" -eq 0 ] || die "run as root (sudo bash $0 up)"
  check_lab_path
  local start=$SECONDS
  if [ -e "$LAB" ]; then cmd_down; fi
  trap up_failed EXIT
  ensure_packages
  mkdir -p "$LAB"
  chmod 755 "$LAB"
  touch "$LAB/$MARKER"
  make_pki
  exim_prepare
  exchange_prepare
  web_prepare
  start_dns
  local s name ip host cert run
  for s in "${SERVERS[@]}"; do
    read -r name ip host cert run <<<"$s"
    write_postfix_instance "$name" "$ip" "$host" "$cert"
  done
  register_instances
  write_dovecot
  start_dovecot
  for s in "${SERVERS[@]}"; do
    read -r name ip host cert run <<<"$s"
    start_postfix "$name"
    if [ "$run" != yes ]; then
      stop_postfix "$name"
    fi
  done
  exim_start
  exchange_start
  web_start
  wait_ready
  date -u +%Y-%m-%dT%H:%M:%SZ >"$LAB/ready"
  trap - EXIT
  log "up in $((SECONDS - start)) s: state in $LAB, DNS at $DNS_IP:53, CA at $LAB/pki/ca.pem"
}

cmd_status() {
  check_lab_path
  if [ ! -d "$LAB" ]; then
    echo "lab: not up ($LAB does not exist)"
    return 0
  fi
  if [ -e "$LAB/ready" ]; then echo "lab: ready since $(cat "$LAB/ready") in $LAB"; else echo "lab: NOT ready ($LAB)"; fi
  local pid s name ip host run
  pid=$(tr -dc 0-9 <"$LAB/dnsmasq.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && alive "$pid"; then echo "dnsmasq     running pid $pid on $DNS_IP:53"; else echo "dnsmasq     not running"; fi
  pid=$(tr -dc 0-9 <"$LAB/dovecot/run/master.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && alive "$pid"; then echo "dovecot     running pid $pid (SASL)"; else echo "dovecot     not running"; fi
  for s in "${SERVERS[@]}"; do
    read -r name ip host _ run <<<"$s"
    pid=$(postfix_master_pid "$name")
    if [ -n "$pid" ]; then
      printf '%-11s running pid %s on %s:25,587,465 (%s)\n' "$name" "$pid" "$ip" "$host"
    else
      printf '%-11s stopped (%s, %s)%s\n' "$name" "$ip" "$host" "$([ "$run" = yes ] || echo ': stopped on purpose')"
    fi
  done
  exim_status
  exchange_status
  web_status
  if command -v ss >/dev/null 2>&1; then
    echo "listening:"
    ss -Hltnu 2>/dev/null | awk '$5 ~ /^127\.0\.(10|53)\./ {print "  " $1 " " $5}' | sort -u
  fi
}

case "${1:-}" in
  up) cmd_up ;;
  down)
    [ "$(id -u)" -eq 0 ] || die "run as root (sudo bash $0 down)"
    cmd_down
    ;;
  status) cmd_status ;;
  deps)
    [ "$(id -u)" -eq 0 ] || die "run as root (sudo bash $0 deps)"
    shift
    ensure_packages "$@"
    ;;
  *)
    echo "usage: $0 up|down|status|deps [PACKAGE...]   (state in \${SMTP_DOCTOR_LAB:-/tmp/smtp-doctor-lab})" >&2
    exit 2
    ;;
esac
