#!/usr/bin/env bash
# smtp-doctor's network-namespace test lab ("netlab"): a person's PC behind an ISP router, real
# mail servers on a small lab internet, and scenarios that break the path the way real networks
# do (a blocked port, a reset, a firewall that drops or rejects, a dead host, no DNS, no route,
# latency).
#
#   sudo bash tests/netlab/netlab.sh up           build everything; writes $NETLAB/ready
#   sudo bash tests/netlab/netlab.sh down         stop and remove everything (also after a partial up)
#   sudo bash tests/netlab/netlab.sh status       what runs, the scenario and delay in force
#   sudo bash tests/netlab/netlab.sh deps [PKG...]  only install what the netlab (and PKGs) need
#   sudo bash tests/netlab/netlab.sh set NAME     switch to a scenario (clears the previous one first)
#   sudo bash tests/netlab/netlab.sh clear        back to normal: no scenario, no delay
#   sudo bash tests/netlab/netlab.sh delay MS|off add MS ms of round-trip time (MS/2 each way)
#   sudo bash tests/netlab/netlab.sh selftest     tests/netlab/selftest.py, run inside sdl-pc
#
# State: ${SMTP_DOCTOR_NETLAB:-/tmp/smtp-doctor-netlab} (pki/ca.pem, pki/os-store-with-shield.pem,
# logs, pid files, scenario, delay, ready). Tests run their client inside the PC:
#   ip netns exec sdl-pc smtp-doctor ...      (its /etc/resolv.conf is /etc/netns/sdl-pc/resolv.conf)
#
# Topology (addresses only from 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32, and only inside
# the lab's namespaces: the root namespace gets no address, interface or route; nothing routes out):
#
#   sdl-pc                     sdl-isp (router, ip_forward=1)                 lab internet 203.0.113.0/24
#   eth0 198.51.100.130/25 --- lan0 198.51.100.129/25                          (bridge br0 in sdl-isp)
#   default via .129           br0  203.0.113.1/24 + 203.0.113.7/24  --+-- mail0 --- sdl-mail eth0
#   resolver 203.0.113.53      SNAT 198.51.100.128/25 -> 203.0.113.7  |         203.0.113.25 smtp.example.test
#                              routes: only the two connected nets    |                      mail.example.test
#                                                                     |         203.0.113.26 smtp.shielded.test
#                                                                     +-- dns0 ---- sdl-dns eth0
#                                                                     |         203.0.113.53 dnsmasq (.test)
#                                                                     |         203.0.113.54 who-am-I DNS
#                                                                     +-- ref0 ---- sdl-ref eth0
#                                                                               203.0.113.80 smtp.reference.test
#
# IPv6 (no NAT, no DAD, no router advertisements; the router has only its connected prefixes):
#   sdl-pc   eth0 2001:db8:100::130/64, default via 2001:db8:100::129
#   sdl-isp  lan0 2001:db8:100::129/64, br0 2001:db8:203::1/64, forwarding=1
#   sdl-mail eth0 2001:db8:203::25/64 (Postfix 'mail' listens there too), route to 2001:db8:100::/64
#   sdl-dns  eth0 2001:db8:203::53/64 (dnsmasq listens there too), route to 2001:db8:100::/64
# Names: dual.example.test (A 203.0.113.25 + AAAA 2001:db8:203::25), v6only.example.test (AAAA
# only); every other name has an A record only, so tools on the old names stay on IPv4.
#
# Servers (each Postfix listens on 25 smtpd, 587 submission with STARTTLS, 465 implicit TLS;
# AUTH only after TLS, relaying only after AUTH; SASL by one Dovecot in sdl-mail; accepted mail
# is discarded):
#   mail    203.0.113.25  smtp.example.test, mail.example.test  certificate from the netlab CA
#   shield  203.0.113.26  smtp.shielded.test   certificate from "Avast Web/Mail Shield Root"
#   ref     203.0.113.80  smtp.reference.test  certificate from the netlab CA
#           2001:db8:203::25  dual.example.test, v6only.example.test (same certificate)
#   dnsmasq 203.0.113.53  authoritative for .test, no upstream (other names: REFUSED)
#   whoami  203.0.113.54  A myip.opendns.com -> the query's source address (203.0.113.7 from the PC)
# Account everywhere: alice@example.test / "correct horse battery staple".
# An address outside the two lab nets (e.g. 142.250.1.1) fails at once from the PC with
# ENETUNREACH: the router has no route and answers ICMP net unreachable (type 3 code 0).
#
# Scenarios (`set NAME`; one at a time; `delay` is independent of them; `clear` undoes both):
#   isp-block-25          sdl-isp FORWARD drops (silently) TCP port 25 from the LAN to anywhere
#   office-reset          sdl-isp FORWARD answers TCP 587 and 465 from the LAN with a TCP reset
#   server-drop-client    sdl-mail INPUT drops everything from 203.0.113.7 (CSF/fail2ban style)
#   server-reject-client  sdl-mail INPUT rejects 203.0.113.7 with ICMP admin-prohibited
#   server-down           sdl-mail's eth0 is down: the router's ARP fails, ICMP host unreachable ~3 s
#                         (203.0.113.25 and .26 both go: they are one host)
#   postfix-stopped       the Postfix of 203.0.113.25 is stopped: connection refused on 25/465/587
#   dns-down              sdl-dns INPUT drops DNS to 203.0.113.53 (udp+tcp 53): resolver time-out
#   dns-refuse            dnsmasq (203.0.113.53) is stopped, its machine stays up: ICMP port
#                         unreachable on UDP 53 and a TCP reset on 53, at once (`clear` starts it
#                         again with the same configuration)
#   no-route              the PC's default route is deleted (eth0 stays up, the LAN stays
#                         reachable): connect() to the internet fails at once with ENETUNREACH
#   isp-down              sdl-isp FORWARD drops everything from the LAN (IPv4 and IPv6)
#   ipv6-drop             sdl-isp FORWARD drops (silently) every IPv6 packet from the LAN; IPv4 works
#   whoami-silent         sdl-isp FORWARD drops (silently) everything from the LAN to the who-am-I DNS
#   reference-silent      sdl-isp FORWARD drops (silently) everything from the LAN to the reference host
#   client-blocklisted    the Postfix of 203.0.113.25 refuses clients listed in bl.netlab.test
#                         (smtpd_client_restrictions = reject_rbl_client bl.netlab.test), which
#                         lists this network's public address 203.0.113.7
#   client-pbl-listed     the same through pbl.netlab.test, which lists 203.0.113.7 as a home
#                         connection (127.0.0.11, as Spamhaus's PBL does)
#   client-blocklisted-whoami-silent  client-blocklisted and whoami-silent at once: only the
#                         server's refusal names this network's address
#   client-blocklisted-at-connect     client-blocklisted with smtpd_delay_reject = no: Postfix
#                         refuses at the greeting (554 in place of the 220)
#   (isp-block-25, office-reset and no-route apply to IPv6 as well; the others are IPv4 only)
#   delay MS / delay off  an NFQUEUE delayer (nfq_delay.py) in sdl-isp holds every forwarded
#                         packet MS/2 ms in each direction (IPv4 and IPv6): the PC's round trips
#                         grow by MS ms
# The scenario state is global: tests that set scenarios must not run in parallel.
#
# /etc/postfix/main.cf of the host is never touched: each namespace that runs Postfix gets
# /etc/netns/NS/postfix (a copy of /etc/postfix's support files plus a main.cf that lists the
# instances in alternate_config_directories), which `ip netns exec NS` mounts over /etc/postfix.
# So the netlab and tests/lab/lab.sh can be up at the same time without sharing that file.
set -euo pipefail

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF=$HERE/netlab.sh
NETLAB=${SMTP_DOCTOR_NETLAB:-/tmp/smtp-doctor-netlab}
MARKER=.smtp-doctor-netlab
ETC_NETNS=/etc/netns
ETC_NETNS_CREATED=$ETC_NETNS/.smtp-doctor-netlab-created
USER_NAME=alice@example.test
USER_PASSWORD='correct horse battery staple'
TRIES=100 # bounded waits: TRIES x 0.1 s
LOG_TAG=netlab

NAMESPACES=(sdl-pc sdl-isp sdl-mail sdl-dns sdl-ref)
PC_IP=198.51.100.130
LAN_GW=198.51.100.129
LAN_NET=198.51.100.128/25
INET_GW=203.0.113.1
PUBLIC_IP=203.0.113.7
MAIL_IP=203.0.113.25
SHIELD_IP=203.0.113.26
DNS_IP=203.0.113.53
WHOAMI_IP=203.0.113.54
REF_IP=203.0.113.80
# The two addresses as blocklists are asked about them (octets reversed), and an address on
# the lab internet where no host answers (the silent blocklist's server).
PUBLIC_IP_REVERSED=7.113.0.203
MAIL_IP_REVERSED=25.113.0.203
SILENT_DNS=203.0.113.99
QUEUE_NUM=7
# IPv6 (2001:db8::/32 only), routed without NAT: the PC's own address reaches the servers.
# Only the mail host and the DNS server have one; the old names stay IPv4-only.
PC_IP6=2001:db8:100::130
LAN_GW6=2001:db8:100::129
LAN_NET6=2001:db8:100::/64
INET_GW6=2001:db8:203::1
MAIL_IP6=2001:db8:203::25
DNS_IP6=2001:db8:203::53
# Hosts on the lab internet with an IPv6 address: namespace, address.
HOSTS6=(
  "sdl-mail $MAIL_IP6"
  "sdl-dns  $DNS_IP6"
)
# Hosts on the lab internet: namespace, bridge port in sdl-isp, addresses.
HOSTS=(
  "sdl-mail mail0 $MAIL_IP $SHIELD_IP"
  "sdl-dns  dns0  $DNS_IP $WHOAMI_IP"
  "sdl-ref  ref0  $REF_IP"
)
# Postfix instances: name namespace address host name certificate (in $PKI) trust anchor.
INSTANCES=(
  "mail   sdl-mail $MAIL_IP   smtp.example.test   mail   ca.pem"
  "shield sdl-mail $SHIELD_IP smtp.shielded.test  shield os-store-with-shield.pem"
  "ref    sdl-ref  $REF_IP    smtp.reference.test ref    ca.pem"
)
SCENARIOS=(isp-block-25 office-reset server-drop-client server-reject-client server-down postfix-stopped dns-down no-route isp-down ipv6-drop dns-refuse whoami-silent reference-silent client-blocklisted client-pbl-listed client-blocklisted-whoami-silent client-blocklisted-at-connect)
PACKAGES=(iproute2 iptables python3 libnetfilter-queue1 postfix dovecot-core dnsmasq-base openssl bind9-dnsutils)

# log, die, ensure_packages, detached, write_openssl_config, new_ca, new_leaf, alive, stop_pid,
# postfix_diagnose, smtp_greets, tls_handshakes, wait_until.
# shellcheck source=tests/lab/common.sh
source "$HERE/../lab/common.sh"

need_root() { [ "$(id -u)" -eq 0 ] || die "run as root (sudo bash $SELF ${1:-})"; }

check_netlab_path() {
  case "$NETLAB" in
    /*/*) ;;
    *) die "SMTP_DOCTOR_NETLAB must be an absolute path below a folder (got '$NETLAB')" ;;
  esac
  case "$NETLAB" in
    *[[:space:]]*) die "SMTP_DOCTOR_NETLAB must not contain white space (got '$NETLAB')" ;;
  esac
}

ns_exists() { [ -e "/run/netns/$1" ]; }
nsx() { # nsx NS COMMAND...: run COMMAND in namespace NS
  local ns=$1
  shift
  ip netns exec "$ns" "$@"
}
ipt() { # ipt NS IPTABLES-ARGS...
  local ns=$1
  shift
  ip netns exec "$ns" iptables -w 5 "$@"
}
ip6t() { # ip6t NS IP6TABLES-ARGS...
  local ns=$1
  shift
  ip netns exec "$ns" ip6tables -w 5 "$@"
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# ---------------------------------------------------------------------------------------------
# Certificates
# ---------------------------------------------------------------------------------------------
make_pki() {
  PKI=$NETLAB/pki
  mkdir -p "$PKI"
  write_openssl_config "$PKI/openssl.cnf"
  export CA_DIR=$PKI/ca SAN=DNS:unused
  new_ca "$PKI/ca" "/CN=smtp-doctor Netlab CA"
  cp "$PKI/ca/ca.pem" "$PKI/ca.pem"
  new_leaf "$PKI/ca" mail smtp.example.test "DNS:smtp.example.test,DNS:mail.example.test,DNS:dual.example.test,DNS:v6only.example.test" -days 825
  new_leaf "$PKI/ca" ref smtp.reference.test "DNS:smtp.reference.test" -days 825
  # The interception CA of an antivirus "mail shield". Encoded as OU, O, CN, so that its RFC 4514
  # string reads "CN=Avast Web/Mail Shield Root,O=Avast Web/Mail Shield,OU=generated by ...".
  new_ca "$PKI/shield-ca" "/OU=generated by Avast Antivirus for SSL\/TLS scanning/O=Avast Web\/Mail Shield/CN=Avast Web\/Mail Shield Root" -preserveDN
  cp "$PKI/shield-ca/ca.pem" "$PKI/shield-ca.pem"
  new_leaf "$PKI/shield-ca" shield smtp.shielded.test "DNS:smtp.shielded.test" -days 825
  # "An OS trust store that trusts the interceptor": tests use it as SSL_CERT_FILE.
  cat "$PKI/ca.pem" "$PKI/shield-ca.pem" >"$PKI/os-store-with-shield.pem"
  chmod 600 "$PKI"/*.key "$PKI"/ca/ca.key "$PKI"/shield-ca/ca.key
  local f
  for f in ca.pem shield-ca.pem os-store-with-shield.pem mail.pem ref.pem shield.pem; do
    [ -s "$PKI/$f" ] || die "certificate $PKI/$f was not produced"
  done
  openssl verify -CAfile "$PKI/ca.pem" "$PKI/mail.pem" "$PKI/ref.pem" >/dev/null ||
    die "the netlab CA does not verify its own certificates"
  openssl verify -CAfile "$PKI/shield-ca.pem" "$PKI/shield.pem" >/dev/null ||
    die "the shield CA does not verify smtp.shielded.test"
}

# ---------------------------------------------------------------------------------------------
# Namespaces, links, routes, firewall
# ---------------------------------------------------------------------------------------------
make_namespaces() {
  local ns
  if [ ! -d "$ETC_NETNS" ]; then
    mkdir -p "$ETC_NETNS"
    touch "$ETC_NETNS_CREATED"
  fi
  for ns in "${NAMESPACES[@]}"; do
    ip netns add "$ns"
    # IPv6 with the lab's addresses only: no router advertisements or solicitations, and no
    # duplicate address detection, so that an address is usable the moment it is added.
    nsx "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 \
      net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
      net.ipv6.conf.default.dad_transmits=0 \
      net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0 \
      net.ipv6.conf.all.router_solicitations=0 net.ipv6.conf.default.router_solicitations=0 \
      net.ipv6.conf.all.keep_addr_on_down=1 net.ipv6.conf.default.keep_addr_on_down=1
    # Linux lets a host send a peer only ~6 ICMP errors at once, then one per second. The lab's
    # servers are 2 hops away, so one path probe alone would use that up and a test would see
    # silence where it set "prohibited"; on the internet most probes die in routers first.
    nsx "$ns" sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0
    ip -n "$ns" link set lo up
    mkdir -p "$ETC_NETNS/$ns"
    printf '# smtp-doctor netlab: the lab DNS server (dnsmasq in sdl-dns)\nnameserver %s\n' "$DNS_IP" \
      >"$ETC_NETNS/$ns/resolv.conf"
  done
  # br_netfilter (when loaded) would pass bridged frames through sdl-isp's iptables.
  if nsx sdl-isp test -e /proc/sys/net/bridge/bridge-nf-call-iptables; then
    nsx sdl-isp sysctl -qw net.bridge.bridge-nf-call-iptables=0
  fi
  if nsx sdl-isp test -e /proc/sys/net/bridge/bridge-nf-call-ip6tables; then
    nsx sdl-isp sysctl -qw net.bridge.bridge-nf-call-ip6tables=0
  fi
  nsx sdl-isp sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

  # The LAN: both veth ends are created inside their namespaces (never in the root namespace).
  ip -n sdl-isp link add lan0 type veth peer name eth0 netns sdl-pc
  ip -n sdl-pc addr add "$PC_IP/25" dev eth0
  ip -n sdl-pc link set eth0 up
  ip -n sdl-isp addr add "$LAN_GW/25" dev lan0
  ip -n sdl-isp link set lan0 up
  ip -n sdl-pc route add default via "$LAN_GW" dev eth0
  ip -n sdl-pc addr add "$PC_IP6/64" dev eth0 nodad
  ip -n sdl-isp addr add "$LAN_GW6/64" dev lan0 nodad
  ip -n sdl-pc -6 route add default via "$LAN_GW6" dev eth0

  # The lab internet: a bridge in sdl-isp with the router's address and the PC's public one.
  ip -n sdl-isp link add br0 type bridge
  ip -n sdl-isp addr add "$INET_GW/24" dev br0
  ip -n sdl-isp addr add "$PUBLIC_IP/24" dev br0
  ip -n sdl-isp addr add "$INET_GW6/64" dev br0 nodad
  ip -n sdl-isp link set br0 up
  local h ns port addrs a
  for h in "${HOSTS[@]}"; do
    read -r ns port addrs <<<"$h"
    ip -n sdl-isp link add "$port" type veth peer name eth0 netns "$ns"
    ip -n sdl-isp link set "$port" master br0
    ip -n sdl-isp link set "$port" up
    for a in $addrs; do ip -n "$ns" addr add "$a/24" dev eth0; done
    ip -n "$ns" link set eth0 up
  done
  # IPv6 has no NAT: the hosts route the LAN's prefix back through the router (only that).
  for h in "${HOSTS6[@]}"; do
    read -r ns a <<<"$h"
    ip -n "$ns" addr add "$a/64" dev eth0 nodad
    ip -n "$ns" -6 route add "$LAN_NET6" via "$INET_GW6" dev eth0
  done

  # Firewall: the SNAT, and empty chains that the scenarios and the delay fill.
  ipt sdl-isp -t nat -A POSTROUTING -s "$LAN_NET" -o br0 -j SNAT --to-source "$PUBLIC_IP"
  ipt sdl-isp -N SDL-SCENARIO
  ipt sdl-isp -A FORWARD -j SDL-SCENARIO
  ipt sdl-isp -t mangle -N SDL-DELAY
  ipt sdl-isp -t mangle -A FORWARD -j SDL-DELAY
  ip6t sdl-isp -N SDL-SCENARIO
  ip6t sdl-isp -A FORWARD -j SDL-SCENARIO
  ip6t sdl-isp -t mangle -N SDL-DELAY
  ip6t sdl-isp -t mangle -A FORWARD -j SDL-DELAY
  for ns in sdl-mail sdl-dns; do
    ipt "$ns" -N SDL-SCENARIO
    ipt "$ns" -A INPUT -j SDL-SCENARIO
  done
}

# ---------------------------------------------------------------------------------------------
# DNS: dnsmasq (203.0.113.53) and the who-am-I responder (203.0.113.54)
# ---------------------------------------------------------------------------------------------
start_dns() {
  cat >"$NETLAB/dnsmasq.conf" <<EOF
# dnsmasq of smtp-doctor's netlab (sdl-dns): answers for the lab's names, forwards nothing.
no-resolv
no-hosts
no-poll
bind-interfaces
listen-address=$DNS_IP
listen-address=$DNS_IP6
port=53
domain-needed
local=/test/
pid-file=$NETLAB/dnsmasq.pid
log-facility=$NETLAB/dnsmasq.log
log-queries

host-record=smtp.example.test,$MAIL_IP
host-record=mail.example.test,$MAIL_IP
mx-host=example.test,mail.example.test,10
txt-record=example.test,"v=spf1 mx -all"
txt-record=_dmarc.example.test,"v=DMARC1; p=none"
host-record=smtp.shielded.test,$SHIELD_IP
mx-host=shielded.test,smtp.shielded.test,10
host-record=smtp.reference.test,$REF_IP
# The mail host over both families, and over IPv6 alone (the names above stay IPv4-only).
host-record=dual.example.test,$MAIL_IP,$MAIL_IP6
host-record=v6only.example.test,$MAIL_IP6
# Where a tool would look up OpenDNS's resolver before asking it "who am I".
host-record=resolver1.opendns.com,$WHOAMI_IP
$(blocklist_zones)
EOF
  : >"$NETLAB/dnsmasq.log"
  chmod 666 "$NETLAB/dnsmasq.log"
  detached "$NETLAB/dnsmasq.log" ip netns exec sdl-dns dnsmasq --conf-file="$NETLAB/dnsmasq.conf" ||
    die "dnsmasq did not start (see $NETLAB/dnsmasq.log)"
}

# DNS blocklists (RFC 5782) for tests/netlab_reputation.rs, which names them with
# --blocklists (the tool's embedded lists are the real ones, never asked in the lab). Each
# zone lists its test entry 127.0.0.2 and not 127.0.0.1 (NXDOMAIN under local=/test/):
#   bl.netlab.test        lists the PC's public address (127.0.0.2; scenario client-blocklisted
#                         makes the mail server refuse it through this zone)
#   pbl.netlab.test       lists the public address as a home connection (127.0.0.11, PBL-style)
#   srvbl.netlab.test     lists the mail server 203.0.113.25 (127.0.0.2)
#   refusing.netlab.test  answers 127.255.255.254 to every query (Spamhaus to public resolvers)
#   silent.netlab.test    forwarded to $SILENT_DNS, where nothing answers
# address= (not host-record) so that 127.0.0.x get no PTR records.
blocklist_zones() {
  local zone
  for zone in bl pbl srvbl; do
    echo "address=/2.0.0.127.$zone.netlab.test/127.0.0.2"
  done
  echo "address=/${PUBLIC_IP_REVERSED}.bl.netlab.test/127.0.0.2"
  echo "txt-record=${PUBLIC_IP_REVERSED}.bl.netlab.test,\"listed by the netlab for tests\""
  echo "address=/${PUBLIC_IP_REVERSED}.pbl.netlab.test/127.0.0.11"
  echo "address=/${MAIL_IP_REVERSED}.srvbl.netlab.test/127.0.0.2"
  echo "address=/refusing.netlab.test/127.255.255.254"
  echo "server=/silent.netlab.test/$SILENT_DNS"
}

# dnsmasq again after dns-refuse, with the configuration `up` wrote (its log is kept).
restart_dns() {
  detached "$NETLAB/dnsmasq.log" ip netns exec sdl-dns dnsmasq --conf-file="$NETLAB/dnsmasq.conf" ||
    die "dnsmasq did not start again (see $NETLAB/dnsmasq.log)"
  nsx sdl-pc bash -c "TRIES=$TRIES; $(declare -f wait_until dig_is); wait_until dig_is $DNS_IP smtp.example.test $MAIL_IP" ||
    die "dnsmasq on $DNS_IP does not answer the PC again"
}

# start_python NS NAME SCRIPT ARGS...: a Python helper in the background; waits for its pid file.
start_python() {
  local ns=$1 name=$2 script=$3
  shift 3
  rm -f "$NETLAB/$name.pid"
  (
    for fd in "/proc/$BASHPID/fd/"*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec setsid ip netns exec "$ns" python3 "$HERE/$script" --pid-file "$NETLAB/$name.pid" \
      --log "$NETLAB/$name.log" "$@" </dev/null >>"$NETLAB/$name.log" 2>&1
  ) &
  wait_until test -s "$NETLAB/$name.pid" ||
    die "$name did not start: $(tail -n 5 "$NETLAB/$name.log" 2>/dev/null)"
}

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
# Postfix and Dovecot
# ---------------------------------------------------------------------------------------------
# /etc/netns/NS/postfix: /etc/postfix's support files plus a main.cf naming the instances of NS.
write_etc_postfix() {
  local ns=$1 dirs=() s name ins
  for s in "${INSTANCES[@]}"; do
    read -r name ins _ <<<"$s"
    if [ "$ins" = "$ns" ]; then dirs+=("$NETLAB/postfix-$name"); fi
  done
  write_netns_etc_postfix "$ETC_NETNS/$ns/postfix" \
    "# Written by smtp-doctor's netlab (tests/netlab/netlab.sh up) for namespace $ns, where
# 'ip netns exec $ns' mounts this folder over /etc/postfix. Removed by 'netlab.sh down'." "${dirs[@]}"
}

# The IPv6 address of a Postfix instance, if it has one (only 'mail' has).
instance_ip6() { if [ "$1" = mail ]; then echo "$MAIL_IP6"; fi; }

write_postfix_instance() {
  local name=$1 ip=$2 host=$3 cert=$4 ip6
  ip6=$(instance_ip6 "$name")
  local conf=$NETLAB/postfix-$name queue=$NETLAB/spool-$name data=$NETLAB/data-$name
  mkdir -p "$conf"
  postfix_dirs "$queue" "$data"
  {
    echo "# Postfix instance '$name' of smtp-doctor's netlab."
    postfix_instance_head "$name" "netlab-$name" "$NETLAB"
  } >"$conf/main.cf"
  cat >>"$conf/main.cf" <<EOF

inet_interfaces = $ip${ip6:+, $ip6}
inet_protocols = $(if [ -n "$ip6" ]; then echo all; else echo ipv4; fi)
myhostname = $host
mydomain = ${host#*.}
myorigin = \$myhostname
mydestination =
relay_domains =
mynetworks = 127.0.0.1/32
local_transport = error:local delivery disabled
# The lab keeps nothing: accepted mail is thrown away (nothing queues, nothing is sent on).
default_transport = discard:smtp-doctor netlab delivers nothing
relay_transport = discard:smtp-doctor netlab delivers nothing
alias_maps =
alias_database =
biff = no
smtpd_banner = \$myhostname ESMTP Postfix

EOF
  postfix_auth_tls "$USER_NAME" "$NETLAB/pki/$cert.key" "$NETLAB/pki/$cert.pem" >>"$conf/main.cf"
  {
    echo "# Postfix instance '$name' of smtp-doctor's netlab: nothing chrooted."
    postfix_master_cf "$ip" "netlab-$name"
    # The same three smtpd services on the IPv6 address ([addr]:port), taken from the
    # IPv4 ones: everything up to the first internal service.
    if [ -n "$ip6" ]; then
      postfix_master_cf "[$ip6]" "netlab-$name" | awk '/^pickup /{exit} NR > 1'
    fi
  } >"$conf/master.cf"
}

write_dovecot() {
  local names=() s name
  for s in "${INSTANCES[@]}"; do
    read -r name _ <<<"$s"
    names+=("$name")
  done
  # Its listeners are Unix sockets, which every namespace reaches (sdl-ref's Postfix too).
  write_dovecot_sasl "$NETLAB/dovecot" smtp-doctor-netlab "198.51.100.0/24 203.0.113.0/24 127.0.0.0/8 2001:db8::/32" \
    "# Dovecot of smtp-doctor's netlab (runs in sdl-mail): SASL for the Postfix instances only." \
    "$NETLAB/spool" "${names[@]}"
}

start_dovecot() {
  local conf=$NETLAB/dovecot/dovecot.conf
  doveconf -c "$conf" -n >"$NETLAB/dovecot/doveconf.out" 2>&1 ||
    die "Dovecot rejects its configuration: $(cat "$NETLAB/dovecot/doveconf.out")"
  detached "$NETLAB/dovecot/dovecot.log" ip netns exec sdl-mail dovecot -c "$conf" ||
    die "Dovecot did not start; log: $(tail -n 20 "$NETLAB/dovecot/dovecot.log" 2>/dev/null)"
}

instance_field() { # instance_field NAME INDEX
  local s f
  for s in "${INSTANCES[@]}"; do
    read -r -a f <<<"$s"
    if [ "${f[0]}" = "$1" ]; then
      echo "${f[$2]}"
      return 0
    fi
  done
  die "no Postfix instance '$1'"
}

postfix_master_pid() { pid_of "$NETLAB/spool-$1/pid/master.pid"; }

# postfix_client_restrictions RESTRICTIONS: sets (or, when empty, removes) the mail instance's
# smtpd_client_restrictions and reloads it; new connections get the change.
postfix_client_restrictions() { # RESTRICTIONS [connect: refuse at the greeting]
  local conf=$NETLAB/postfix-mail
  if [ -n "$1" ]; then
    nsx sdl-mail postconf -c "$conf" -e "smtpd_client_restrictions = $1"
  else
    nsx sdl-mail postconf -c "$conf" -X smtpd_client_restrictions
  fi
  if [ "${2:-}" = connect ]; then
    nsx sdl-mail postconf -c "$conf" -e "smtpd_delay_reject = no"
  else
    nsx sdl-mail postconf -c "$conf" -X smtpd_delay_reject
  fi
  nsx sdl-mail postfix -c "$conf" reload >/dev/null 2>&1 || die "Postfix 'mail' did not reload"
  # The master restarts its smtpd processes on reload: wait until the port greets again
  # (or, refusing at connect, refuses the PC in its greeting).
  sleep 0.5
  if [ "${2:-}" = connect ]; then
    nsx sdl-pc bash -c "TRIES=$TRIES; $(declare -f wait_until smtp_refuses); wait_until smtp_refuses $MAIL_IP 25" ||
      die "$MAIL_IP:25 does not refuse the PC in its greeting"
  else
    wait_greets_from_pc "$MAIL_IP"
  fi
}

smtp_refuses() { # smtp_refuses IP PORT: the server's greeting is a 554 refusal
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    IFS= read -r -t 2 line <&3 || exit 1
    printf "QUIT\r\n" >&3
    [[ $line == 554* ]]' _ "$1" "$2" 2>/dev/null
}

start_postfix() {
  local name=$1 ns conf=$NETLAB/postfix-$1
  ns=$(instance_field "$name" 1)
  detached /dev/null ip netns exec "$ns" postfix -c "$conf" start ||
    die "Postfix '$name' did not start: $(nsx "$ns" bash -c "$(declare -f postfix_diagnose); postfix_diagnose $conf check") $(tail -n 20 "$NETLAB/postfix-$name.log" 2>/dev/null)"
}

stop_postfix() {
  local name=$1 ns conf=$NETLAB/postfix-$1 pid
  ns=$(instance_field "$name" 1)
  pid=$(postfix_master_pid "$name")
  [ -n "$pid" ] || return 0
  if ns_exists "$ns" && [ -d "$ETC_NETNS/$ns/postfix" ]; then
    timeout 15 ip netns exec "$ns" postfix -c "$conf" stop >/dev/null 2>&1 || true
  fi
  stop_pid "$pid" "Postfix master '$name'"
}

# ---------------------------------------------------------------------------------------------
# Readiness (the checks run inside sdl-pc: `netlab.sh _wait-ready`)
# ---------------------------------------------------------------------------------------------
dig_is() { # dig_is SERVER NAME WANT [TYPE]
  [ "$(dig +short +time=1 +tries=1 -p 53 @"$1" "$2" "${4:-A}" 2>/dev/null)" = "$3" ]
}

tls_verified() { # tls_verified IP PORT NAME CAFILE
  timeout 3 openssl s_client -connect "$1:$2" -servername "$3" -verify_hostname "$3" \
    -verify_return_error -CAfile "$4" -brief </dev/null >/dev/null 2>&1
}

# Inside sdl-pc: everything answers as it should, or the list of what does not (exit 1).
wait_ready_here() {
  local s name ip host anchor failed=()
  wait_until dig_is "$DNS_IP" smtp.example.test "$MAIL_IP" || failed+=("dnsmasq on $DNS_IP:53")
  wait_until dig_is "$WHOAMI_IP" myip.opendns.com "$PUBLIC_IP" || failed+=("who-am-I on $WHOAMI_IP:53")
  wait_until dig_is "$DNS_IP" "$PUBLIC_IP_REVERSED.bl.netlab.test" 127.0.0.2 || failed+=("dnsmasq's blocklist zone bl.netlab.test")
  wait_until dig_is "$DNS_IP6" v6only.example.test "$MAIL_IP6" AAAA || failed+=("dnsmasq on [$DNS_IP6]:53 (AAAA)")
  wait_until smtp_greets "$MAIL_IP6" 25 || failed+=("mail [$MAIL_IP6]:25 (no 220 greeting)")
  wait_until smtp_greets "$MAIL_IP6" 587 || failed+=("mail [$MAIL_IP6]:587 (no 220 greeting)")
  wait_until tls_verified "[$MAIL_IP6]" 465 dual.example.test "$NETLAB/pki/ca.pem" || failed+=("mail [$MAIL_IP6]:465 (no verified TLS handshake)")
  for s in "${INSTANCES[@]}"; do
    read -r name _ ip host _ anchor <<<"$s"
    wait_until smtp_greets "$ip" 25 || failed+=("$name $ip:25 (no 220 greeting)")
    wait_until smtp_greets "$ip" 587 || failed+=("$name $ip:587 (no 220 greeting)")
    wait_until tls_verified "$ip" 465 "$host" "$NETLAB/pki/$anchor" || failed+=("$name $ip:465 (no verified TLS handshake)")
  done
  if [ ${#failed[@]} -gt 0 ]; then
    printf '%s\n' "${failed[@]}"
    return 1
  fi
}

wait_ready() {
  local out
  if ! out=$(nsx sdl-pc bash "$SELF" _wait-ready 2>&1); then
    log "logs are in $NETLAB (postfix-*.log, dovecot/dovecot.log, dnsmasq.log, whoami.log)"
    die "did not come up within $((TRIES / 10)) s: $(echo "$out" | paste -sd';')"
  fi
}

# wait_greets_from_pc IP: bounded wait until IP:25 greets the PC (after a scenario is undone).
wait_greets_from_pc() {
  nsx sdl-pc bash -c "TRIES=$TRIES; $(declare -f wait_until smtp_greets); wait_until smtp_greets $1 25" ||
    die "$1:25 does not greet the PC again"
}

# ---------------------------------------------------------------------------------------------
# Scenarios and delay
# ---------------------------------------------------------------------------------------------
require_up() {
  [ -e "$NETLAB/ready" ] || die "the netlab is not up ($NETLAB/ready is missing): run 'netlab.sh up'"
  local ns
  for ns in "${NAMESPACES[@]}"; do ns_exists "$ns" || die "namespace $ns is missing: run 'netlab.sh down' and 'up'"; done
}

# Undo whatever scenario is in force (not the delay).
clear_scenario() {
  local was=""
  was=$(cat "$NETLAB/scenario" 2>/dev/null || true)
  ipt sdl-isp -F SDL-SCENARIO
  ip6t sdl-isp -F SDL-SCENARIO
  ipt sdl-mail -F SDL-SCENARIO
  ipt sdl-dns -F SDL-SCENARIO
  ip -n sdl-pc route replace default via "$LAN_GW" dev eth0
  ip -n sdl-pc -6 route replace default via "$LAN_GW6" dev eth0
  local restore=0
  if ! ip -n sdl-mail -o link show dev eth0 | grep -q '[<,]UP[,>]'; then
    ip -n sdl-mail link set eth0 up
    restore=1
  fi
  # A link that went down took its routes along; the IPv6 route back to the LAN is ours.
  ip -n sdl-mail -6 route replace "$LAN_NET6" via "$INET_GW6" dev eth0
  if [ -z "$(postfix_master_pid mail)" ]; then
    start_postfix mail
    restore=1
  fi
  if [ "$restore" -eq 1 ]; then wait_greets_from_pc "$MAIL_IP"; fi
  if [ -z "$(pid_of "$NETLAB/dnsmasq.pid")" ]; then restart_dns; fi
  case "$was" in client-blocklisted | client-pbl-listed | client-blocklisted-whoami-silent | client-blocklisted-at-connect) postfix_client_restrictions "" ;; esac
  rm -f "$NETLAB/scenario"
  if [ -n "$was" ]; then log "scenario $was cleared"; fi
}

set_scenario() {
  local name=$1
  case "$name" in
    isp-block-25)
      ipt sdl-isp -A SDL-SCENARIO -i lan0 -p tcp --dport 25 -j DROP
      ip6t sdl-isp -A SDL-SCENARIO -i lan0 -p tcp --dport 25 -j DROP
      ;;
    office-reset)
      ipt sdl-isp -A SDL-SCENARIO -i lan0 -p tcp -m multiport --dports 465,587 -j REJECT --reject-with tcp-reset
      ip6t sdl-isp -A SDL-SCENARIO -i lan0 -p tcp -m multiport --dports 465,587 -j REJECT --reject-with tcp-reset
      ;;
    server-drop-client)
      ipt sdl-mail -A SDL-SCENARIO -s "$PUBLIC_IP" -j DROP
      ;;
    server-reject-client)
      ipt sdl-mail -A SDL-SCENARIO -s "$PUBLIC_IP" -j REJECT --reject-with icmp-admin-prohibited
      ;;
    server-down)
      ip -n sdl-mail link set eth0 down
      # Forget the router's ARP entries, so the next packet starts a fresh (failing) ARP.
      ip -n sdl-isp neigh flush dev br0 2>/dev/null || true
      ;;
    postfix-stopped)
      stop_postfix mail
      ;;
    dns-down)
      ipt sdl-dns -A SDL-SCENARIO -d "$DNS_IP" -p udp --dport 53 -j DROP
      ipt sdl-dns -A SDL-SCENARIO -d "$DNS_IP" -p tcp --dport 53 -j DROP
      ;;
    no-route)
      ip -n sdl-pc route del default
      ip -n sdl-pc -6 route del default
      ;;
    dns-refuse)
      # The real stopped service: the kernel of sdl-dns answers for it.
      stop_pidfile "$NETLAB/dnsmasq.pid" "dnsmasq"
      ;;
    isp-down)
      # The line to the internet is dead: the router (and the LAN) still answer, nothing beyond.
      ipt sdl-isp -A SDL-SCENARIO -i lan0 -j DROP
      ip6t sdl-isp -A SDL-SCENARIO -i lan0 -j DROP
      ;;
    ipv6-drop)
      # The ISP's IPv6 is broken: it silently drops what the LAN sends over IPv6; IPv4 works.
      ip6t sdl-isp -A SDL-SCENARIO -i lan0 -j DROP
      ;;
    whoami-silent)
      # An office or kiosk network that lets only its own DNS servers through.
      ipt sdl-isp -A SDL-SCENARIO -i lan0 -d "$WHOAMI_IP" -j DROP
      ;;
    reference-silent)
      ipt sdl-isp -A SDL-SCENARIO -i lan0 -d "$REF_IP" -j DROP
      ;;
    client-blocklisted)
      postfix_client_restrictions "reject_rbl_client bl.netlab.test"
      ;;
    client-pbl-listed)
      postfix_client_restrictions "reject_rbl_client pbl.netlab.test"
      ;;
    client-blocklisted-whoami-silent)
      postfix_client_restrictions "reject_rbl_client bl.netlab.test"
      ipt sdl-isp -A SDL-SCENARIO -i lan0 -d "$WHOAMI_IP" -j DROP
      ;;
    client-blocklisted-at-connect)
      postfix_client_restrictions "reject_rbl_client bl.netlab.test" connect
      ;;
    *) die "unknown scenario '$name' (known: ${SCENARIOS[*]}, delay MS, delay off)" ;;
  esac
  echo "$name" >"$NETLAB/scenario"
  log "scenario $name"
}

delay_off() {
  if ns_exists sdl-isp; then
    ipt sdl-isp -t mangle -F SDL-DELAY 2>/dev/null || true
    ip6t sdl-isp -t mangle -F SDL-DELAY 2>/dev/null || true
  fi
  stop_pidfile "$NETLAB/delay.pid" "the delayer"
  if [ -e "$NETLAB/delay" ]; then
    rm -f "$NETLAB/delay"
    log "delay off"
  fi
}

delay_on() {
  local ms=$1
  [[ $ms =~ ^[0-9]+$ ]] && [ "$ms" -ge 1 ] && [ "$ms" -le 10000 ] ||
    die "delay wants a round-trip time in ms between 1 and 10000, or 'off' (got '$ms')"
  delay_off
  local half
  half=$(awk -v ms="$ms" 'BEGIN { printf "%g", ms / 2 }')
  start_python sdl-isp delay nfq_delay.py --queue "$QUEUE_NUM" --delay-ms "$half" --max-queue 2048
  # Both directions through the one queue: one FIFO, so nothing of a flow is reordered.
  ipt sdl-isp -t mangle -A SDL-DELAY -i lan0 -j NFQUEUE --queue-num "$QUEUE_NUM" --queue-bypass
  ipt sdl-isp -t mangle -A SDL-DELAY -o lan0 -j NFQUEUE --queue-num "$QUEUE_NUM" --queue-bypass
  # IPv6 through the same queue (the delayer holds packets of either family alike).
  ip6t sdl-isp -t mangle -A SDL-DELAY -i lan0 -j NFQUEUE --queue-num "$QUEUE_NUM" --queue-bypass
  ip6t sdl-isp -t mangle -A SDL-DELAY -o lan0 -j NFQUEUE --queue-num "$QUEUE_NUM" --queue-bypass
  echo "$ms" >"$NETLAB/delay"
  log "delay $ms ms round trip ($half ms each way)"
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
leftovers() { # prints what an earlier netlab left behind
  local ns
  for ns in "${NAMESPACES[@]}"; do
    if ns_exists "$ns"; then echo "namespace $ns"; fi
    if [ -e "$ETC_NETNS/$ns" ]; then echo "$ETC_NETNS/$ns"; fi
  done
  if [ -e "$NETLAB" ]; then echo "$NETLAB"; fi
}

cmd_down() {
  check_netlab_path
  if [ -d "$NETLAB" ] && [ ! -e "$NETLAB/$MARKER" ] && [ -n "$(ls -A "$NETLAB" 2>/dev/null)" ]; then
    die "$NETLAB is not a netlab folder (no $MARKER in it): not touching it"
  fi
  local start s name ns pid
  start=$(now_ms)
  if [ -d "$NETLAB" ]; then
    delay_off
    stop_pidfile "$NETLAB/whoami.pid" "the who-am-I responder"
    for s in "${INSTANCES[@]}"; do
      read -r name _ <<<"$s"
      if [ -d "$NETLAB/postfix-$name" ]; then stop_postfix "$name"; fi
    done
    stop_pidfile "$NETLAB/dovecot/run/master.pid" "Dovecot"
    stop_pidfile "$NETLAB/dnsmasq.pid" "dnsmasq"
  fi
  for ns in "${NAMESPACES[@]}"; do
    ns_exists "$ns" || continue
    # Whatever still runs in the namespace (a partial up, a lost pid file) goes too, by pid.
    for pid in $(ip netns pids "$ns" 2>/dev/null); do
      log "process $pid ($(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-60)) still runs in $ns: stopping it"
      stop_pid "$pid" "process in $ns"
    done
    ip netns del "$ns" || log "could not delete namespace $ns"
  done
  for ns in "${NAMESPACES[@]}"; do rm -rf "${ETC_NETNS:?}/$ns"; done
  if [ -e "$ETC_NETNS_CREATED" ]; then
    rm -f "$ETC_NETNS_CREATED"
    rmdir "$ETC_NETNS" 2>/dev/null || true
  fi
  rm -rf "$NETLAB"
  log "down in $(($(now_ms) - start)) ms"
}

up_failed() {
  local rc=$? f
  trap - EXIT
  [ "$rc" -ne 0 ] || return 0
  for f in "$NETLAB"/postfix-*.log "$NETLAB/dovecot/dovecot.log" "$NETLAB/dnsmasq.log" "$NETLAB/whoami.log"; do
    [ -s "$f" ] || continue
    printf -- '--- last lines of %s\n' "$f" >&2
    tail -n 15 "$f" >&2
  done
  if [ "${NETLAB_KEEP_ON_FAILURE:-0}" = 1 ]; then
    log "up failed; NETLAB_KEEP_ON_FAILURE=1: leaving it as it is (netlab.sh down removes it)"
  else
    log "up failed: taking down what was started"
    cmd_down || true
  fi
  exit "$rc"
}

cmd_up() {
  need_root up
  check_netlab_path
  local start left
  start=$(now_ms)
  left=$(leftovers)
  if [ -n "$left" ]; then
    log "an earlier netlab is still there ($(echo "$left" | paste -sd, | sed 's/,/, /g')): taking it down first"
    cmd_down
  fi
  trap up_failed EXIT
  ensure_packages "${PACKAGES[@]}"
  mkdir -p "$NETLAB"
  chmod 755 "$NETLAB"
  touch "$NETLAB/$MARKER"
  make_pki
  make_namespaces
  start_dns
  start_python sdl-dns whoami whoami_dns.py --bind "$WHOAMI_IP" --port 53
  write_etc_postfix sdl-mail
  write_etc_postfix sdl-ref
  local s name ip host cert
  for s in "${INSTANCES[@]}"; do
    read -r name _ ip host cert _ <<<"$s"
    write_postfix_instance "$name" "$ip" "$host" "$cert"
  done
  write_dovecot
  start_dovecot
  for s in "${INSTANCES[@]}"; do
    read -r name _ <<<"$s"
    start_postfix "$name"
  done
  wait_ready
  date -u +%Y-%m-%dT%H:%M:%SZ >"$NETLAB/ready"
  trap - EXIT
  log "up in $(($(now_ms) - start)) ms: state in $NETLAB, CA at $NETLAB/pki/ca.pem; try 'ip netns exec sdl-pc ...'"
}

running() { if [ -n "$1" ]; then echo "running pid $1"; else echo "NOT running"; fi; }

cmd_status() {
  check_netlab_path
  local ns s name ip host pid
  if [ ! -d "$NETLAB" ]; then
    echo "netlab: not up ($NETLAB does not exist)"
  elif [ -e "$NETLAB/ready" ]; then
    echo "netlab: ready since $(cat "$NETLAB/ready") in $NETLAB"
  else
    echo "netlab: NOT ready ($NETLAB)"
  fi
  for ns in "${NAMESPACES[@]}"; do
    if ns_exists "$ns"; then
      printf '%-9s %s\n' "$ns" "$(ip -n "$ns" -br addr show scope global | awk '$1 != "lo" {s = s $1 " " $2; for (i = 3; i <= NF; i++) s = s " " $i; s = s "; "} END {print s}')"
    else
      printf '%-9s (no namespace)\n' "$ns"
    fi
  done
  [ -d "$NETLAB" ] || return 0
  echo "dnsmasq   $(running "$(pid_of "$NETLAB/dnsmasq.pid")") ($DNS_IP:53)"
  echo "whoami    $(running "$(pid_of "$NETLAB/whoami.pid")") ($WHOAMI_IP:53)"
  echo "dovecot   $(running "$(pid_of "$NETLAB/dovecot/run/master.pid")") (SASL)"
  for s in "${INSTANCES[@]}"; do
    read -r name _ ip host _ <<<"$s"
    printf '%-9s %s (%s:25,587,465 %s)\n' "$name" "$(running "$(postfix_master_pid "$name")")" "$ip" "$host"
  done
  echo "scenario  $(cat "$NETLAB/scenario" 2>/dev/null || echo none)"
  pid=$(pid_of "$NETLAB/delay.pid")
  echo "delay     $(if [ -e "$NETLAB/delay" ]; then echo "$(cat "$NETLAB/delay") ms round trip (delayer pid ${pid:-DEAD})"; else echo none; fi)"
}

usage() {
  echo "usage: $0 up|down|status|deps [PKG...]|set SCENARIO|set delay MS|delay MS|delay off|clear|selftest" >&2
  echo "       scenarios: ${SCENARIOS[*]}   (state in \${SMTP_DOCTOR_NETLAB:-/tmp/smtp-doctor-netlab})" >&2
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
  set)
    need_root set
    [ $# -ge 2 ] || usage
    require_up
    if [ "$2" = delay ]; then
      [ $# -eq 3 ] || usage
      if [ "$3" = off ]; then delay_off; else delay_on "$3"; fi
    else
      [ $# -eq 2 ] || usage
      case " ${SCENARIOS[*]} " in *" $2 "*) ;; *) die "unknown scenario '$2' (known: ${SCENARIOS[*]}, delay MS, delay off)" ;; esac
      clear_scenario
      set_scenario "$2"
    fi
    ;;
  delay)
    need_root delay
    [ $# -eq 2 ] || usage
    require_up
    if [ "$2" = off ]; then delay_off; else delay_on "$2"; fi
    ;;
  clear)
    need_root clear
    require_up
    clear_scenario
    delay_off
    ;;
  selftest)
    need_root selftest
    require_up
    shift
    exec ip netns exec sdl-pc env SMTP_DOCTOR_NETLAB="$NETLAB" NETLAB_SH="$SELF" python3 "$HERE/selftest.py" "$@"
    ;;
  _wait-ready) wait_ready_here ;; # internal: run by `up` inside sdl-pc
  *) usage ;;
esac
