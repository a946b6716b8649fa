#!/usr/bin/env bash
# smtp-doctor's server lab ("serverlab"): a mail server with REAL blockers in front of it, for
# `smtp-doctor server` (run as root on the mail server: what blocks this customer's address?).
# Postfix + Dovecot SASL, fail2ban (its own config, banning for real), hand-made iptables /
# ip6tables / ipset / nftables blocks, CSF's files and chains, a Postfix access map.
#
#   sudo bash tests/serverlab/serverlab.sh up        build everything; writes $STATE/ready
#   sudo bash tests/serverlab/serverlab.sh down      stop and remove everything (also after a partial up)
#   sudo bash tests/serverlab/serverlab.sh status    what runs, what is banned
#   sudo bash tests/serverlab/serverlab.sh deps [PKG...]  only install what the lab (and PKGs) need
#   sudo bash tests/serverlab/serverlab.sh selftest  tests/serverlab/selftest.py, run inside sdv-cli
#
# State: ${SMTP_DOCTOR_SERVERLAB:-/tmp/smtp-doctor-serverlab}. The tool runs inside the server:
#   ip netns exec sdv-mail smtp-doctor server --client-ip IP --log $STATE/log/mail.log ...
#
# Topology (addresses only from 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32, and only
# inside the lab's namespaces; the root namespace gets no address, interface or route; the
# router knows only its two connected networks, so nothing routes out):
#
#   sdv-cli (customers)                  sdv-rtr (router)                sdv-mail (the mail server)
#   eth0 198.51.100.10-.19/24  --------  cli0 198.51.100.1/24            eth0 203.0.113.25/24
#        2001:db8:100::10-19/64          cli0 2001:db8:100::1/64              2001:db8:203::25/64
#   routes: 203.0.113.0/24 and           mail0 203.0.113.1/24   -------- routes: 198.51.100.0/24 and
#   2001:db8:203::/64 via the router     mail0 2001:db8:203::1/64        2001:db8:100::/64 via the router
#
# The customers (source addresses in sdv-cli; tests bind to them):
#   .10 / ::10  clean: good logins, an unknown recipient and a TLS failure show up in the logs
#   .11 / ::11  hand-made `iptables -I INPUT -s 198.51.100.11 -j DROP` / the same with ip6tables
#   .12         nftables: table inet blocklist, set banned4 (element with a timeout), drop rule
#   .13         CSF: csf.deny line written by lfd (SMTP AUTH failures); DENYIN DROP
#   .14         Postfix access map: cidr:$STATE/postfix/client_access.cidr -> 554 5.7.1
#   .15         fail2ban's target in the tests (failed AUTH -> jail postfix-sasl bans it)
#   .16         CSF temporary ban (csf.tempban, as `csf -td` writes it); DENYIN DROP
#   .17         ipset blacklist (hash:net, with a comment) matched by an iptables DROP
#   .18         the selftest's own fail2ban ban-and-unban
#   .19         in csf.allow and csf.ignore (ALLOWIN ACCEPT): allowed, not blocked; the selftest's
#               relaying without AUTH ("Relay access denied") comes from here
# IPv6: ::10 is the sdv-cli's preferred source; ::11-::19 are deprecated (never picked unless bound).
#
# In sdv-mail:
#   Postfix  config $STATE/postfix, queue $STATE/spool-mail; smtpd on 25, 587 (STARTTLS) and 465
#            (implicit TLS) on every address; AUTH (Dovecot SASL) only after TLS; syslog_name
#            postfix; maillog_file $STATE/log/mail.log via postlogd (real Postfix lines)
#   Dovecot  SASL only; passwd-file alice@example.test / "correct horse battery staple";
#            log $STATE/log/dovecot.log, auth_verbose (failures logged with the address)
#   fail2ban fail2ban-server -c $STATE/fail2ban -s $STATE/fail2ban-run/fail2ban.sock; jail
#            postfix-sasl (filter postfix[mode=auth]) on $STATE/log/mail.log, maxretry 3,
#            findtime 10m, bantime 1h, banaction iptables-multiport on 25,465,587. A copy of its
#            config in /etc/netns/sdv-mail/fail2ban makes a plain `fail2ban-client` inside
#            sdv-mail talk to this server, as on a real host.
#   CSF      $STATE/csf (csf.conf, csf.deny, csf.allow, csf.ignore), $STATE/csf-state/csf.tempban,
#            chains LOCALINPUT/ALLOWIN/DENYIN (and the OUTPUT side) loaded as csf loads them
# Certificates: $STATE/pki/ca.pem (the lab's root) -> issuing CA -> smtp.example.test; Postfix
# serves the leaf and the issuing CA (mail.pem). Inside sdv-mail, /etc/ssl is a copy whose
# ca-certificates.crt also trusts the lab's root (as a public CA is trusted on a real host).
# Logs: $STATE/log/mail.log and dovecot.log are root:adm 0640 (as Debian's /var/log/mail.log),
# CSF's files root 0600 (as csf installs them): an unprivileged user cannot read them.
# Account: alice@example.test / "correct horse battery staple". Accepted mail is discarded.
set -euo pipefail

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF=$HERE/serverlab.sh
STATE=${SMTP_DOCTOR_SERVERLAB:-/tmp/smtp-doctor-serverlab}
MARKER=.smtp-doctor-serverlab
ETC_NETNS=/etc/netns
ETC_NETNS_CREATED=$ETC_NETNS/.smtp-doctor-serverlab-created
USER_NAME=alice@example.test
USER_PASSWORD='correct horse battery staple'
TRIES=100 # bounded waits: TRIES x 0.1 s
LOG_TAG=serverlab

NAMESPACES=(sdv-mail sdv-cli sdv-rtr)
MAIL4=203.0.113.25
MAIL6=2001:db8:203::25
RTR_MAIL4=203.0.113.1
RTR_MAIL6=2001:db8:203::1
RTR_CLI4=198.51.100.1
RTR_CLI6=2001:db8:100::1
CLI_NET4=198.51.100.0/24
CLI_NET6=2001:db8:100::/64
MAIL_NET4=203.0.113.0/24
MAIL_NET6=2001:db8:203::/64
HOSTNAME_MAIL=smtp.example.test
# What each customer address demonstrates (see the header).
IP_DROP4=198.51.100.11
IP_DROP6=2001:db8:100::11
IP_NFT=198.51.100.12
IP_CSF_DENY=198.51.100.13
IP_ACCESS=198.51.100.14
IP_CSF_TEMP=198.51.100.16
IP_IPSET=198.51.100.17
IP_CSF_ALLOW=198.51.100.19
ACCESS_REPLY='554 5.7.1 Customer suspended: see billing'
JAIL=postfix-sasl
PACKAGES=(iproute2 iptables nftables ipset fail2ban python3 postfix dovecot-core openssl)

LOGDIR=$STATE/log
F2B_CONF=$STATE/fail2ban
F2B_RUN=$STATE/fail2ban-run
F2B_SOCK=$F2B_RUN/fail2ban.sock
F2B_PID=$F2B_RUN/fail2ban.pid
F2B_DB=$F2B_RUN/fail2ban.sqlite3
CSF_DIR=$STATE/csf
CSF_STATE=$STATE/csf-state

# log, die, ensure_packages, detached, write_openssl_config, new_ca, new_leaf, alive, stop_pid,
# postfix_diagnose, smtp_greets, tls_handshakes, wait_until, postfix_dirs, postfix_instance_head,
# postfix_auth_tls, postfix_master_cf, write_dovecot_sasl, write_netns_etc_postfix.
# shellcheck source=tests/lab/common.sh
source "$HERE/../lab/common.sh"

need_root() { [ "$(id -u)" -eq 0 ] || die "run as root (sudo bash $SELF ${1:-})"; }

check_state_path() {
  case "$STATE" in
    /*/*) ;;
    *) die "SMTP_DOCTOR_SERVERLAB must be an absolute path below a folder (got '$STATE')" ;;
  esac
  case "$STATE" in
    *[[:space:]]*) die "SMTP_DOCTOR_SERVERLAB must not contain white space (got '$STATE')" ;;
  esac
  # fail2ban's control socket lives below it: a Unix socket path has at most 107 bytes.
  [ "${#F2B_SOCK}" -le 100 ] || die "SMTP_DOCTOR_SERVERLAB is too long for a socket path below it ('$STATE')"
}

ns_exists() { [ -e "/run/netns/$1" ]; }
nsx() { # nsx NS COMMAND...: run COMMAND in namespace NS
  local ns=$1
  shift
  ip netns exec "$ns" "$@"
}
ipt() { nsx sdv-mail iptables -w 5 "$@"; }
ip6t() { nsx sdv-mail ip6tables -w 5 "$@"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

pid_of() { # pid_of FILE: the pid in FILE when that process is alive
  local pid
  pid=$(tr -dc 0-9 2>/dev/null <"$1" || true)
  if [ -n "$pid" ] && alive "$pid"; then echo "$pid"; fi
  return 0
}

stop_pidfile() { # stop_pidfile FILE WHAT
  local pid
  pid=$(pid_of "$1")
  if [ -n "$pid" ]; then stop_pid "$pid" "$2"; fi
  rm -f "$1"
}

# ---------------------------------------------------------------------------------------------
# Namespaces and links
# ---------------------------------------------------------------------------------------------
make_namespaces() {
  local ns i
  if [ ! -d "$ETC_NETNS" ]; then
    mkdir -p "$ETC_NETNS"
    touch "$ETC_NETNS_CREATED"
  fi
  for ns in "${NAMESPACES[@]}"; do
    ip netns add "$ns"
    # No duplicate address detection (addresses usable at once) and no autoconfiguration.
    nsx "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
      net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0
    ip -n "$ns" link set lo up
    mkdir -p "$ETC_NETNS/$ns"
    # No DNS in this lab: a lookup (Postfix's reverse lookup of a client) fails at once.
    printf '# smtp-doctor serverlab: no DNS server here\nnameserver 127.0.0.1\n' >"$ETC_NETNS/$ns/resolv.conf"
  done
  nsx sdv-rtr sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

  # Both ends of every veth pair are created inside their namespaces (never in the root one).
  ip -n sdv-rtr link add cli0 type veth peer name eth0 netns sdv-cli
  ip -n sdv-rtr link add mail0 type veth peer name eth0 netns sdv-mail
  ip -n sdv-rtr addr add "$RTR_CLI4/24" dev cli0
  ip -n sdv-rtr addr add "$RTR_CLI6/64" dev cli0 nodad
  ip -n sdv-rtr addr add "$RTR_MAIL4/24" dev mail0
  ip -n sdv-rtr addr add "$RTR_MAIL6/64" dev mail0 nodad
  ip -n sdv-rtr link set cli0 up
  ip -n sdv-rtr link set mail0 up

  ip -n sdv-mail addr add "$MAIL4/24" dev eth0
  ip -n sdv-mail addr add "$MAIL6/64" dev eth0 nodad
  ip -n sdv-mail link set eth0 up
  ip -n sdv-mail route add "$CLI_NET4" via "$RTR_MAIL4" dev eth0
  ip -n sdv-mail route add "$CLI_NET6" via "$RTR_MAIL6" dev eth0

  # .10 is added first: the primary address, so the source of unbound connections.
  for i in $(seq 10 19); do
    ip -n sdv-cli addr add "198.51.100.$i/24" dev eth0
  done
  ip -n sdv-cli addr add "2001:db8:100::10/64" dev eth0 nodad
  for i in $(seq 11 19); do
    # Deprecated: usable when a test binds to it, never chosen as a source by itself.
    ip -n sdv-cli addr add "2001:db8:100::$i/64" dev eth0 nodad preferred_lft 0
  done
  ip -n sdv-cli link set eth0 up
  ip -n sdv-cli route add "$MAIL_NET4" via "$RTR_CLI4" dev eth0
  ip -n sdv-cli route add "$MAIL_NET6" via "$RTR_CLI6" dev eth0
}

# ---------------------------------------------------------------------------------------------
# Certificates, Postfix, Dovecot
# ---------------------------------------------------------------------------------------------
# A root, an issuing (intermediate) CA and the server's certificate, installed as real servers
# have it: the chain file holds the leaf and the intermediate, never the root. (A leaf signed
# by the root itself would be a chain that only works where that root is trusted.)
make_pki() {
  PKI=$STATE/pki
  mkdir -p "$PKI"
  write_openssl_config "$PKI/openssl.cnf"
  export CA_DIR=$PKI/ca SAN=DNS:unused
  new_ca "$PKI/ca" "/CN=smtp-doctor Serverlab Root CA"
  cp "$PKI/ca/ca.pem" "$PKI/ca.pem"
  local issuing=$PKI/issuing
  mkdir -p "$issuing/issued"
  : >"$issuing/index.txt"
  echo 2000 >"$issuing/serial"
  openssl genrsa -out "$issuing/ca.key" 2048 2>/dev/null
  openssl req -new -config "$PKI/openssl.cnf" -key "$issuing/ca.key" \
    -subj "/CN=smtp-doctor Serverlab Issuing CA" -out "$issuing/ca.csr"
  CA_DIR=$PKI/ca SAN=DNS:unused openssl ca -batch -notext -config "$PKI/openssl.cnf" \
    -in "$issuing/ca.csr" -out "$issuing/ca.pem" -extensions root_ext \
    -startdate 20200101000000Z -enddate 20441231235959Z 2>/dev/null
  new_leaf "$issuing" leaf "$HOSTNAME_MAIL" "DNS:$HOSTNAME_MAIL,DNS:mail.example.test" -days 825
  mv "$PKI/leaf.key" "$PKI/mail.key"
  cat "$PKI/leaf.pem" "$issuing/ca.pem" >"$PKI/mail.pem"
  rm -f "$PKI/leaf.pem"
  chmod 600 "$PKI"/*.key "$PKI/ca/ca.key" "$issuing/ca.key"
  openssl verify -CAfile "$PKI/ca.pem" -untrusted "$issuing/ca.pem" "$PKI/mail.pem" >/dev/null ||
    die "the serverlab CA does not verify its own certificate chain"
}

# /etc/netns/sdv-mail/ssl (mounted over /etc/ssl by `ip netns exec sdv-mail`): the system's
# trust store plus the lab's root, so that inside the server the certificate chains to a root
# the system trusts, as a public CA's does on a real host. The host's /etc/ssl is not touched.
write_etc_ssl() {
  local d=$ETC_NETNS/sdv-mail/ssl
  mkdir -p "$ETC_NETNS/sdv-mail"
  cp -a /etc/ssl "$d"
  [ -f "$d/certs/ca-certificates.crt" ] || die "no system trust store at /etc/ssl/certs/ca-certificates.crt"
  cat "$STATE/pki/ca.pem" >>"$d/certs/ca-certificates.crt"
}

make_logs() {
  mkdir -p "$LOGDIR"
  chmod 755 "$LOGDIR"
  local f
  for f in mail.log dovecot.log fail2ban.log; do
    : >"$LOGDIR/$f"
    # As Debian's /var/log/mail.log: the adm group reads, others do not.
    chown root:adm "$LOGDIR/$f" 2>/dev/null || true
    chmod 640 "$LOGDIR/$f"
  done
}

write_postfix() {
  local conf=$STATE/postfix
  mkdir -p "$conf"
  postfix_dirs "$STATE/spool-mail" "$STATE/data-mail"
  {
    echo "# Postfix of smtp-doctor's serverlab (namespace sdv-mail): the customer-facing mail server."
    postfix_instance_head mail postfix "$STATE" "$LOGDIR/mail.log"
    cat <<EOF

inet_interfaces = all
inet_protocols = all
myhostname = $HOSTNAME_MAIL
mydomain = example.test
myorigin = \$mydomain
mydestination =
relay_domains =
mynetworks = 127.0.0.0/8 [::1]/128
local_transport = error:local delivery disabled
# The customers' own domain: alice has a mailbox, anyone else is "User unknown" (a recipient
# refusal that says nothing about the sender's settings).
virtual_mailbox_domains = example.test
virtual_mailbox_maps = inline:{ $USER_NAME=mailbox }
# The lab keeps nothing: accepted mail is thrown away (nothing queues, nothing is sent on).
default_transport = discard:smtp-doctor serverlab delivers nothing
relay_transport = discard:smtp-doctor serverlab delivers nothing
virtual_transport = discard:smtp-doctor serverlab delivers nothing
alias_maps =
alias_database =
biff = no
smtpd_banner = \$myhostname ESMTP Postfix (Debian/GNU)
# One suspended customer (a billing hold): refused by the MTA, not by the firewall.
smtpd_client_restrictions = check_client_access cidr:$conf/client_access.cidr

EOF
    postfix_auth_tls "$USER_NAME" "$STATE/pki/mail.key" "$STATE/pki/mail.pem"
  } >"$conf/main.cf"
  cat >"$conf/client_access.cidr" <<EOF
# Postfix check_client_access table (cidr) of smtp-doctor's serverlab.
# Customer 4711 is on a billing hold: every session from its address is refused.
$IP_ACCESS/32	$ACCESS_REPLY
EOF
  {
    echo "# Postfix of smtp-doctor's serverlab: nothing chrooted, every address of sdv-mail."
    postfix_master_cf "" postfix
  } >"$conf/master.cf"
  write_netns_etc_postfix "$ETC_NETNS/sdv-mail/postfix" \
    "# Written by smtp-doctor's serverlab (tests/serverlab/serverlab.sh up) for namespace sdv-mail,
# where 'ip netns exec sdv-mail' mounts this folder over /etc/postfix. Removed by 'down'." "$conf"
}

start_postfix() {
  local conf=$STATE/postfix
  detached /dev/null ip netns exec sdv-mail postfix -c "$conf" start ||
    die "Postfix did not start: $(nsx sdv-mail bash -c "$(declare -f postfix_diagnose); postfix_diagnose $conf check") $(tail -n 20 "$LOGDIR/mail.log" 2>/dev/null)"
}

stop_postfix() {
  local pid
  pid=$(pid_of "$STATE/spool-mail/pid/master.pid")
  [ -n "$pid" ] || return 0
  if ns_exists sdv-mail && [ -d "$ETC_NETNS/sdv-mail/postfix" ]; then
    timeout 15 ip netns exec sdv-mail postfix -c "$STATE/postfix" stop >/dev/null 2>&1 || true
  fi
  stop_pid "$pid" "Postfix master"
}

write_dovecot() {
  # The customers' networks are NOT login_trusted_networks: nothing about them is special.
  DOVECOT_LOG_FILE=$LOGDIR/dovecot.log write_dovecot_sasl "$STATE/dovecot" smtp-doctor-serverlab \
    127.0.0.0/8 \
    "# Dovecot of smtp-doctor's serverlab (runs in sdv-mail): SASL for Postfix only." \
    "$STATE/spool" mail
  # Dovecot delays the answer to repeated failures from one address (2 s, doubling up to 15 s,
  # for Postfix's requests too: trusted networks do not lift it). The tests fail on purpose
  # until fail2ban bans, so the lab switches that penalty off the documented way: the auth
  # process cannot reach anvil's penalty socket. auth_failure_delay is 0 (write_dovecot_sasl).
  cat >>"$STATE/dovecot/dovecot.conf" <<'EOF'

service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF
}

start_dovecot() {
  local conf=$STATE/dovecot/dovecot.conf
  doveconf -c "$conf" -n >"$STATE/dovecot/doveconf.out" 2>&1 ||
    die "Dovecot rejects its configuration: $(cat "$STATE/dovecot/doveconf.out")"
  detached "$LOGDIR/dovecot.log" ip netns exec sdv-mail dovecot -c "$conf" ||
    die "Dovecot did not start; log: $(tail -n 20 "$LOGDIR/dovecot.log" 2>/dev/null)"
}

# ---------------------------------------------------------------------------------------------
# Hand-made firewall rules: iptables, ip6tables, ipset, nftables
# ---------------------------------------------------------------------------------------------
load_handmade_firewall() {
  ipt -I INPUT -s "$IP_DROP4" -j DROP
  ip6t -I INPUT -s "$IP_DROP6" -j DROP

  nsx sdv-mail ipset create blacklist hash:net comment
  nsx sdv-mail ipset add blacklist "$IP_IPSET" comment "spam source, abuse ticket 4702"
  ipt -A INPUT -m set --match-set blacklist src -j DROP

  cat >"$STATE/nftables.conf" <<EOF
# nftables ruleset of smtp-doctor's serverlab (loaded with nft -f in sdv-mail): a hand-made
# blocklist whose entries expire by themselves.
table inet blocklist {
	set banned4 {
		type ipv4_addr
		flags timeout
		elements = { $IP_NFT timeout 1d comment "password guessing on 587" }
	}

	chain input {
		type filter hook input priority filter - 10; policy accept;
		ip saddr @banned4 counter drop
	}
}
EOF
  nsx sdv-mail nft -f "$STATE/nftables.conf"
}

# ---------------------------------------------------------------------------------------------
# CSF (ConfigServer Security & Firewall): not packaged for Debian, so the lab writes its files
# in csf's own formats and loads the chains the way csf.pl does.
#
# Source for the layout: csf.pl and lfd.pl of csf (github.com/Black-HOST/csf, the maintained
# continuation of ConfigServer's csf, v15.03):
#   - chains LOCALINPUT, LOCALOUTPUT, DENYIN, DENYOUT, ALLOWIN, ALLOWOUT (`iptables -N ...`);
#   - `-A LOCALINPUT $ethdevin -j DENYIN`, then `-I LOCALINPUT $ethdevin -j ALLOWIN` (allow first),
#     the same for LOCALOUTPUT with DENYOUT/ALLOWOUT;
#   - `-I INPUT $skipin $ethdevin -j LOCALINPUT` ($skipin = 1 without extra rules) and
#     `-I OUTPUT 1 $ethdevout -j LOCALOUTPUT`; with ETH_DEVICE empty $ethdevin is `! -i lo`
#     and $ethdevout `! -o lo`;
#   - csf.deny / csf.allow lines (sub linefilter): `-A DENYIN ! -i lo -s IP -j DROP` and, unless
#     LF_BLOCKINONLY, `-A DENYOUT ! -o lo -d IP -j DROP`; allows: `-A ALLOWIN ! -i lo -s IP
#     -j ACCEPT` and `-A ALLOWOUT ! -o lo -d IP -j ACCEPT`;
#   - `csf -d IP COMMENT` writes "IP # COMMENT - <localtime>" to csf.deny; lfd's block gives
#     COMMENT "lfd: (smtpauth) Failed SMTP AUTH login from IP (-): 5 in the last 3600 secs"
#     (iplookup gives "IP (-)" with LF_LOOKUPS on and no country data);
#   - `csf -td IP SECS COMMENT` (sub dotempdeny): `-A DENYIN ! -i lo -s IP -j DROP` (and DENYOUT
#     for "inout") and a line "time|ip|port|inout|timeout|comment" in /var/lib/csf/csf.tempban.
# ---------------------------------------------------------------------------------------------
write_csf() {
  mkdir -p "$CSF_DIR" "$CSF_STATE"
  chmod 700 "$CSF_STATE"
  local now_text now
  now=$(date +%s)
  now_text=$(LC_ALL=C date -d "@$((now - 3 * 3600))" '+%a %b %e %H:%M:%S %Y')
  cat >"$CSF_DIR/csf.conf" <<'EOF'
###############################################################################
# csf.conf of smtp-doctor's serverlab: the settings of ConfigServer Security &
# Firewall that matter for mail customers, in csf's KEY = "value" format.
###############################################################################
# SECTION:Initial Settings
###############################################################################
TESTING = "0"
TESTING_INTERVAL = "5"

# Allow incoming TCP ports
TCP_IN = "20,21,22,25,53,80,110,143,443,465,587,993,995"
TCP_OUT = "20,21,22,25,53,80,110,113,443,587,993,995"

IPV6 = "0"
ETH_DEVICE = ""

###############################################################################
# SECTION:General Settings
###############################################################################
DENY_IP_LIMIT = "200"
DENY_TEMP_IP_LIMIT = "100"
LF_DAEMON = "1"
LF_IPSET = "0"
LF_LOOKUPS = "1"
DROP = "DROP"
DROP_OUT = "DROP"
DROP_IP_LOGGING = "0"
LF_BLOCKINONLY = "0"

###############################################################################
# SECTION:Login Failure Blocking and Alerts
###############################################################################
LF_TRIGGER = "0"
LF_SELECT = "0"
LF_INTERVAL = "3600"
LF_PERMBLOCK = "1"
LF_PERMBLOCK_INTERVAL = "86400"
LF_PERMBLOCK_COUNT = "4"

# [*]Enable login failure detection of SMTP AUTH connections: block after this
# many failures within LF_INTERVAL seconds; LF_SMTPAUTH_PERM "1" blocks for good.
LF_SMTPAUTH = "5"
LF_SMTPAUTH_PERM = "1"
LF_POP3D = "10"
LF_POP3D_PERM = "1"
LF_IMAPD = "10"
LF_IMAPD_PERM = "1"

###############################################################################
# SECTION:Log File Locations
###############################################################################
SMTPAUTH_LOG = "/var/log/mail.log"
PORTS_smtpauth = "25,465,587"
EOF
  cat >"$CSF_DIR/csf.deny" <<EOF
###############################################################################
# csf.deny of smtp-doctor's serverlab: addresses csf blocks in iptables.
# One address or CIDR per line, then "# comment"; lfd writes its blocks here.
###############################################################################
$IP_CSF_DENY # lfd: (smtpauth) Failed SMTP AUTH login from $IP_CSF_DENY (-): 5 in the last 3600 secs - $now_text
203.0.113.200 # Manually denied: 203.0.113.200 (-) - $now_text
EOF
  cat >"$CSF_DIR/csf.allow" <<EOF
###############################################################################
# csf.allow of smtp-doctor's serverlab: addresses csf always lets in.
###############################################################################
127.0.0.1 # localhost
$IP_CSF_ALLOW # Customer office, allowed by support - $now_text
EOF
  cat >"$CSF_DIR/csf.ignore" <<EOF
###############################################################################
# csf.ignore of smtp-doctor's serverlab: addresses lfd never blocks.
###############################################################################
127.0.0.1
$IP_CSF_ALLOW
EOF
  # As `csf -td 198.51.100.16 86400 "..."` records it (manual temporary ban, in and out).
  printf '%s|%s||inout|86400|%s\n' "$((now - 600))" "$IP_CSF_TEMP" \
    "Spam run from a hacked PC, abuse ticket 4711" >"$CSF_STATE/csf.tempban"
  chmod 600 "$CSF_DIR"/csf.* "$CSF_STATE/csf.tempban"
}

# The addresses of a csf.allow / csf.deny file (first word of each entry), as csf reads them.
csf_entries() {
  awk '!/^[[:space:]]*(#|$)/ && !/^Include/ { print $1 }' "$1"
}

load_csf() {
  local ip c
  for c in LOCALINPUT LOCALOUTPUT DENYIN DENYOUT ALLOWIN ALLOWOUT; do ipt -N "$c"; done
  for ip in $(csf_entries "$CSF_DIR/csf.allow"); do
    ipt -A ALLOWIN ! -i lo -s "$ip" -j ACCEPT
    ipt -A ALLOWOUT ! -o lo -d "$ip" -j ACCEPT
  done
  for ip in $(csf_entries "$CSF_DIR/csf.deny"); do
    ipt -A DENYIN ! -i lo -s "$ip" -j DROP
    ipt -A DENYOUT ! -o lo -d "$ip" -j DROP
  done
  # Temporary bans (csf.tempban: time|ip|port|inout|timeout|comment), as dotempdeny adds them.
  while IFS='|' read -r _ ip _ inout _; do
    [ -n "$ip" ] || continue
    case "$inout" in *in*) ipt -A DENYIN ! -i lo -s "$ip" -j DROP ;; esac
    case "$inout" in *out*) ipt -A DENYOUT ! -o lo -d "$ip" -j DROP ;; esac
  done <"$CSF_STATE/csf.tempban"
  ipt -A LOCALOUTPUT ! -o lo -j DENYOUT
  ipt -A LOCALINPUT ! -i lo -j DENYIN
  ipt -I LOCALOUTPUT ! -o lo -j ALLOWOUT
  ipt -I LOCALINPUT ! -i lo -j ALLOWIN
  ipt -I OUTPUT 1 ! -o lo -j LOCALOUTPUT
  ipt -I INPUT 1 ! -i lo -j LOCALINPUT
}

# ---------------------------------------------------------------------------------------------
# fail2ban: Debian's fail2ban-server with its own configuration folder, socket, pid and database
# ---------------------------------------------------------------------------------------------
# Ban action: iptables-multiport. Debian 12's iptables is the nf_tables variant, so the ban is a
# real kernel rule either way; iptables-multiport gives the classic layout the tool must read
# on most servers (chain f2b-postfix-sasl jumped from INPUT for ports 25,465,587, a REJECT per
# banned address) and works in a namespace as is, since fail2ban's commands inherit the
# server's network namespace. (nftables-multiport works too, but its table inet f2b-table is
# the rarer layout.)
write_fail2ban() {
  mkdir -p "$F2B_CONF" "$F2B_RUN"
  chmod 755 "$F2B_RUN" # as /run/fail2ban: others may look, the socket itself is root's
  cp -a /etc/fail2ban/fail2ban.conf /etc/fail2ban/filter.d /etc/fail2ban/action.d "$F2B_CONF/"
  cp -a /etc/fail2ban/paths-common.conf /etc/fail2ban/paths-debian.conf "$F2B_CONF/"
  local filter="postfix[mode=auth]"
  if [ -e /etc/fail2ban/filter.d/postfix-sasl.conf ]; then filter=postfix-sasl; fi
  cat >"$F2B_CONF/fail2ban.local" <<EOF
# fail2ban of smtp-doctor's serverlab (runs in sdv-mail).
[Definition]
loglevel = INFO
logtarget = $LOGDIR/fail2ban.log
socket = $F2B_SOCK
pidfile = $F2B_PID
dbfile = $F2B_DB
allowipv6 = auto
EOF
  # Debian's jail.conf and jail.d are not copied: they would enable sshd. One jail only.
  cat >"$F2B_CONF/jail.conf" <<EOF
# Jails of smtp-doctor's serverlab: SMTP AUTH failures in Postfix's log ban the address on the
# mail ports.
[INCLUDES]
before = paths-debian.conf

[DEFAULT]
ignoreself = true
ignoreip = 127.0.0.1/8 ::1
backend = polling
bantime = 1h
findtime = 10m
maxretry = 3
banaction = iptables-multiport
banaction_allports = iptables-allports
protocol = tcp
chain = INPUT
action = %(banaction)s[port="%(port)s", protocol="%(protocol)s", chain="%(chain)s"]

[$JAIL]
enabled = true
filter = $filter
port = 25,465,587
logpath = $LOGDIR/mail.log
EOF
  # Inside sdv-mail, /etc/fail2ban is this copy: a plain `fail2ban-client` (no -s) finds the
  # lab's socket there, as it finds the real one on a mail server.
  mkdir -p "$ETC_NETNS/sdv-mail/fail2ban"
  cp -a "$F2B_CONF/." "$ETC_NETNS/sdv-mail/fail2ban/"
}

f2b() { timeout 10 fail2ban-client -s "$F2B_SOCK" "$@"; }

fail2ban_ready() { f2b status "$JAIL" >/dev/null 2>&1; }

start_fail2ban() {
  rm -f "$F2B_SOCK" "$F2B_PID"
  detached "$LOGDIR/fail2ban.log" ip netns exec sdv-mail \
    fail2ban-server -c "$F2B_CONF" -s "$F2B_SOCK" -p "$F2B_PID" -x -b ||
    die "fail2ban-server did not start: $(tail -n 20 "$LOGDIR/fail2ban.log" 2>/dev/null)"
  wait_until fail2ban_ready ||
    die "fail2ban does not answer on $F2B_SOCK with jail $JAIL: $(tail -n 20 "$LOGDIR/fail2ban.log" 2>/dev/null)"
}

stop_fail2ban() {
  local pid
  pid=$(pid_of "$F2B_PID")
  [ -n "$pid" ] || return 0
  if [ -S "$F2B_SOCK" ]; then f2b stop >/dev/null 2>&1 || true; fi
  stop_pid "$pid" "fail2ban-server"
}

# ---------------------------------------------------------------------------------------------
# Readiness (run inside sdv-cli: `serverlab.sh _wait-ready`)
# ---------------------------------------------------------------------------------------------
wait_ready_here() {
  local failed=()
  wait_until smtp_greets "$MAIL4" 25 || failed+=("$MAIL4:25 (no 220 greeting)")
  wait_until smtp_greets "$MAIL4" 587 || failed+=("$MAIL4:587 (no 220 greeting)")
  wait_until smtp_greets "$MAIL6" 587 || failed+=("[$MAIL6]:587 (no 220 greeting)")
  wait_until tls_handshakes "$MAIL4" 465 "$HOSTNAME_MAIL" || failed+=("$MAIL4:465 (no TLS handshake)")
  if [ ${#failed[@]} -gt 0 ]; then
    printf '%s\n' "${failed[@]}"
    return 1
  fi
}

wait_ready() {
  local out
  if ! out=$(nsx sdv-cli bash "$SELF" _wait-ready 2>&1); then
    die "did not come up within $((TRIES / 10)) s: $(echo "$out" | paste -sd';')"
  fi
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
leftovers() { # prints what an earlier serverlab left behind
  local ns
  for ns in "${NAMESPACES[@]}"; do
    if ns_exists "$ns"; then echo "namespace $ns"; fi
    if [ -e "$ETC_NETNS/$ns" ]; then echo "$ETC_NETNS/$ns"; fi
  done
  if [ -e "$STATE" ]; then echo "$STATE"; fi
}

cmd_down() {
  check_state_path
  if [ -d "$STATE" ] && [ ! -e "$STATE/$MARKER" ] && [ -n "$(ls -A "$STATE" 2>/dev/null)" ]; then
    die "$STATE is not a serverlab folder (no $MARKER in it): not touching it"
  fi
  local start ns pid
  start=$(now_ms)
  if [ -d "$STATE" ]; then
    stop_fail2ban
    stop_postfix
    stop_pidfile "$STATE/dovecot/run/master.pid" "Dovecot"
  fi
  for ns in "${NAMESPACES[@]}"; do
    ns_exists "$ns" || continue
    # Whatever still runs in the namespace (a partial up, a lost pid file) goes too, by pid.
    for pid in $(ip netns pids "$ns" 2>/dev/null); do
      log "process $pid ($(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | cut -c1-60)) still runs in $ns: stopping it"
      stop_pid "$pid" "process in $ns"
    done
    ip netns del "$ns" || log "could not delete namespace $ns"
  done
  for ns in "${NAMESPACES[@]}"; do rm -rf "${ETC_NETNS:?}/$ns"; done
  if [ -e "$ETC_NETNS_CREATED" ]; then
    rm -f "$ETC_NETNS_CREATED"
    rmdir "$ETC_NETNS" 2>/dev/null || true
  fi
  rm -rf "$STATE"
  log "down in $(($(now_ms) - start)) ms"
}

up_failed() {
  local rc=$? f
  trap - EXIT
  [ "$rc" -ne 0 ] || return 0
  for f in "$LOGDIR/mail.log" "$LOGDIR/dovecot.log" "$LOGDIR/fail2ban.log"; do
    [ -s "$f" ] || continue
    printf -- '--- last lines of %s\n' "$f" >&2
    tail -n 15 "$f" >&2
  done
  if [ "${SERVERLAB_KEEP_ON_FAILURE:-0}" = 1 ]; then
    log "up failed; SERVERLAB_KEEP_ON_FAILURE=1: leaving it as it is (serverlab.sh down removes it)"
  else
    log "up failed: taking down what was started"
    cmd_down || true
  fi
  exit "$rc"
}

cmd_up() {
  need_root up
  check_state_path
  local start left
  start=$(now_ms)
  left=$(leftovers)
  if [ -n "$left" ]; then
    log "an earlier serverlab is still there ($(echo "$left" | paste -sd, | sed 's/,/, /g')): taking it down first"
    cmd_down
  fi
  trap up_failed EXIT
  ensure_packages "${PACKAGES[@]}"
  mkdir -p "$STATE"
  chmod 755 "$STATE"
  touch "$STATE/$MARKER"
  make_logs
  # The certificates (three RSA keys) while the namespaces are made: independent, ~1 s each.
  make_pki &
  local pki_job=$!
  make_namespaces
  wait "$pki_job" || die "the certificates could not be made (above)"
  write_etc_ssl
  write_postfix
  write_dovecot
  start_dovecot
  # `postfix start` takes ~2 s (its own checks); the firewall is loaded meanwhile.
  start_postfix &
  local postfix_job=$!
  load_handmade_firewall
  write_csf
  load_csf
  write_fail2ban
  # After the other rules, as on a host where fail2ban starts last: its jump comes first.
  start_fail2ban
  wait "$postfix_job" || die "Postfix did not start (above)"
  wait_ready
  date -u +%Y-%m-%dT%H:%M:%SZ >"$STATE/ready"
  trap - EXIT
  log "up in $(($(now_ms) - start)) ms: state in $STATE; try 'ip netns exec sdv-mail ...'"
}

running() { if [ -n "$1" ]; then echo "running pid $1"; else echo "NOT running"; fi; }

cmd_status() {
  check_state_path
  local ns
  if [ ! -d "$STATE" ]; then
    echo "serverlab: not up ($STATE does not exist)"
  elif [ -e "$STATE/ready" ]; then
    echo "serverlab: ready since $(cat "$STATE/ready") in $STATE"
  else
    echo "serverlab: NOT ready ($STATE)"
  fi
  for ns in "${NAMESPACES[@]}"; do
    if ns_exists "$ns"; then
      printf '%-9s %s\n' "$ns" "$(ip -n "$ns" -br addr show | awk '$1 != "lo" {s = s $1; for (i = 3; i <= NF; i++) s = s " " $i; s = s "; "} END {print s}')"
    else
      printf '%-9s (no namespace)\n' "$ns"
    fi
  done
  [ -d "$STATE" ] || return 0
  echo "postfix   $(running "$(pid_of "$STATE/spool-mail/pid/master.pid")") (25, 587, 465; config $STATE/postfix)"
  echo "dovecot   $(running "$(pid_of "$STATE/dovecot/run/master.pid")") (SASL)"
  echo "fail2ban  $(running "$(pid_of "$F2B_PID")") (socket $F2B_SOCK)"
  if [ "$(id -u)" -eq 0 ] && [ -S "$F2B_SOCK" ]; then
    f2b status "$JAIL" 2>/dev/null | sed 's/^/          /' || true
  fi
}

usage() {
  echo "usage: $0 up|down|status|deps [PKG...]|selftest   (state in \${SMTP_DOCTOR_SERVERLAB:-/tmp/smtp-doctor-serverlab})" >&2
  exit 2
}

case "${1:-}" in
  up) cmd_up ;;
  down)
    need_root down
    cmd_down
    ;;
  status) cmd_status ;;
  deps)
    need_root deps
    shift
    ensure_packages "${PACKAGES[@]}" "$@"
    ;;
  selftest)
    need_root selftest
    [ -e "$STATE/ready" ] || die "the serverlab is not up ($STATE/ready is missing): run 'serverlab.sh up'"
    for ns in "${NAMESPACES[@]}"; do ns_exists "$ns" || die "namespace $ns is missing: run 'serverlab.sh down' and 'up'"; done
    shift
    exec ip netns exec sdv-cli env SMTP_DOCTOR_SERVERLAB="$STATE" python3 "$HERE/selftest.py" "$@"
    ;;
  _wait-ready) wait_ready_here ;; # internal: run by `up` inside sdv-cli
  *) usage ;;
esac
