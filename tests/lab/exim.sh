#!/usr/bin/env bash
# The Exim side of smtp-doctor's loopback lab: sourced by tests/lab/lab.sh, never run.
#
# Most shared hosting (cPanel, DirectAdmin) runs Exim with Dovecot, so the lab runs a real Exim
# 4.96 beside its Postfix instances. Debian's exim4 packages conflict with postfix (both are the
# system's mail transport), so nothing is installed: `apt-get download` fetches
# exim4-daemon-heavy (the build with the `dovecot` authenticator; the light one has none),
# exim4-base and exim4-config, `dpkg -x` unpacks them into $LAB/exim/root, and only the
# libraries the daemon links against are installed (apt-get, through ensure_packages). The
# unpacked binary runs with its own configuration (-C), spool, logs and pid file, all in
# $LAB/exim. SMTP_DOCTOR_EXIM_DEBS=DIR takes the three .deb files from DIR instead.
#
# Exim will not start without its user (Debian-exim, looked up by name when it starts). A host
# without Exim has none, and the lab does not add one to the host's user database: every Exim
# command runs under `unshare -m` with copies of /etc/passwd and /etc/group that have the user
# bind-mounted over the originals, visible to that process (and the daemon's children) only.
# The uid is a free one (EXIM_UID); the daemon's files belong to it. A host that has the user
# (Exim installed) runs the binary as it is.
#
# One daemon, three addresses (names in the lab's dnsmasq):
#   exim         127.0.10.21  smtp.exim.test, mx.exim.test  valid certificate from the lab CA
#   eximexpired  127.0.10.22  expired.exim.test             certificate expired in 2021
#   eximbusy     127.0.10.23  busy.exim.test                every connection is over a rate limit:
#                                                           a multi-line 451 in place of the greeting
# Each listens on 25, 587 (STARTTLS) and 465 (TLS on connect, tls_on_connect_ports). AUTH
# (PLAIN, LOGIN) is offered only inside TLS and checked by the lab's Dovecot (`driver =
# dovecot`, its own client listener). Account: alice@exim.test / the lab's password. The domain
# exim.test publishes smtp.exim.test (MX, RFC 6186 SRV for 587, SPF, DMARC).
#   - without a sign-in nothing is relayed: "550 relay not permitted" at RCPT (the wording of
#     Exim's default configuration);
#   - signed in, a sender other than the account is refused at RCPT in the words cPanel hosts
#     use (see acl_check_rcpt below).

EXIM_DIR=$LAB/exim
EXIM_USER_NAME=alice@exim.test
EXIM_PACKAGES=(exim4-base exim4-config exim4-daemon-heavy)
EXIM_BIN=$EXIM_DIR/root/usr/sbin/exim4
EXIM_GOOD_IP=127.0.10.21
EXIM_EXPIRED_IP=127.0.10.22
EXIM_BUSY_IP=127.0.10.23
# name ip hostname
EXIM_SERVERS=(
  "exim        $EXIM_GOOD_IP    smtp.exim.test"
  "eximexpired $EXIM_EXPIRED_IP expired.exim.test"
  "eximbusy    $EXIM_BUSY_IP    busy.exim.test"
)
# Dovecot's listener for Exim, in a directory only Exim's group may enter.
EXIM_AUTH_DIR=$EXIM_DIR/auth
EXIM_AUTH_SOCKET=$EXIM_AUTH_DIR/dovecot-client

# ---------------------------------------------------------------------------------------------
# The packages
# ---------------------------------------------------------------------------------------------
# exim_fetch: download (or take from SMTP_DOCTOR_EXIM_DEBS) and unpack the packages, install
# the libraries the daemon needs, and check that the binary finds them all.
exim_fetch() {
  local debs=$EXIM_DIR/debs deb p
  mkdir -p "$debs" "$EXIM_DIR/root"
  if [ -n "${SMTP_DOCTOR_EXIM_DEBS:-}" ]; then
    for p in "${EXIM_PACKAGES[@]}"; do
      deb=$(find "$SMTP_DOCTOR_EXIM_DEBS" -maxdepth 1 -name "${p}_*.deb" | sort | tail -n 1)
      [ -n "$deb" ] || die "no ${p}_*.deb in SMTP_DOCTOR_EXIM_DEBS=$SMTP_DOCTOR_EXIM_DEBS"
      cp "$deb" "$debs/"
    done
  else
    log "downloading ${EXIM_PACKAGES[*]} (unpacked into $EXIM_DIR/root, not installed)"
    # apt's download user writes into the folder (as root it works, but warns).
    if getent passwd _apt >/dev/null; then chown _apt "$debs"; fi
    (cd "$debs" && apt-get download -q "${EXIM_PACKAGES[@]}" </dev/null >&2) ||
      die "apt-get download ${EXIM_PACKAGES[*]} failed (set SMTP_DOCTOR_EXIM_DEBS=DIR to use downloaded files)"
  fi
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$EXIM_DIR/root"; done
  [ -x "$EXIM_BIN" ] || die "the Exim packages hold no $EXIM_BIN"
  # The daemon's shared libraries, by name from its package's Depends (lib* only).
  local -a libs
  mapfile -t libs < <(dpkg-deb -f "$debs"/exim4-daemon-heavy_*.deb Depends | tr ',|' '\n\n' |
    sed -E 's/^ *//; s/[ (].*//' | grep '^lib' | sort -u)
  ensure_packages "${libs[@]}"
  local missing
  missing=$(ldd "$EXIM_BIN" 2>/dev/null | awk '/not found/ {print $1}' | paste -sd' ')
  [ -z "$missing" ] || die "Exim cannot find these libraries: $missing"
}

# ---------------------------------------------------------------------------------------------
# Exim's user
# ---------------------------------------------------------------------------------------------
# exim_identity: EXIM_UID/EXIM_GID, and the private passwd/group files when the host has no
# Debian-exim (EXIM_PRIVATE_IDS=1).
exim_identity() {
  if getent passwd Debian-exim >/dev/null && getent group Debian-exim >/dev/null; then
    EXIM_UID=$(getent passwd Debian-exim | cut -d: -f3)
    EXIM_GID=$(getent group Debian-exim | cut -d: -f3)
    EXIM_PRIVATE_IDS=0
    return 0
  fi
  local id
  for id in $(seq 64990 -1 64900); do
    if ! getent passwd "$id" >/dev/null && ! getent group "$id" >/dev/null; then break; fi
    id=
  done
  [ -n "$id" ] || die "no free uid/gid between 64900 and 64990 for Exim's user"
  EXIM_UID=$id EXIM_GID=$id EXIM_PRIVATE_IDS=1
  cp /etc/passwd "$EXIM_DIR/passwd"
  cp /etc/group "$EXIM_DIR/group"
  echo "Debian-exim:x:$id:$id:smtp-doctor lab Exim:/nonexistent:/usr/sbin/nologin" >>"$EXIM_DIR/passwd"
  echo "Debian-exim:x:$id:" >>"$EXIM_DIR/group"
  chmod 644 "$EXIM_DIR/passwd" "$EXIM_DIR/group"
}

# exim_write_runner: $EXIM_DIR/run COMMAND... runs COMMAND with Exim's user visible (see the
# top of this file); a script rather than a function, so that `detached` can exec it.
exim_write_runner() {
  if [ "$EXIM_PRIVATE_IDS" = 1 ]; then
    {
      echo '#!/bin/sh'
      echo "# Runs a command with the lab's copies of /etc/passwd and /etc/group, which name Exim's"
      echo "# user, in a mount namespace of its own (tests/lab/exim.sh)."
      # shellcheck disable=SC2016 # expanded by the inner shell
      printf 'exec unshare -m sh -c %s %s %s "$@"\n' \
        "'mount --bind \"\$0\" /etc/passwd && mount --bind \"\$1\" /etc/group && shift && exec \"\$@\"'" \
        "$EXIM_DIR/passwd" "$EXIM_DIR/group"
    } >"$EXIM_DIR/run"
  else
    printf '#!/bin/sh\nexec "$@"\n' >"$EXIM_DIR/run"
  fi
  chmod 755 "$EXIM_DIR/run"
}

exim_run() { "$EXIM_DIR/run" "$@"; }

# ---------------------------------------------------------------------------------------------
# Certificates, DNS, Dovecot
# ---------------------------------------------------------------------------------------------
# exim_pki: leaf certificates from the lab CA (make_pki must have run: PKI and CA_DIR are set).
exim_pki() {
  new_leaf "$PKI/ca" exim smtp.exim.test "DNS:smtp.exim.test,DNS:mx.exim.test,DNS:busy.exim.test" -days 825
  new_leaf "$PKI/ca" exim-expired expired.exim.test "DNS:expired.exim.test" \
    -startdate 20200101000000Z -enddate 20210101000000Z
  chmod 600 "$PKI"/exim.key "$PKI"/exim-expired.key
  local f
  for f in exim.pem exim-expired.pem; do
    [ -s "$PKI/$f" ] || die "certificate $PKI/$f was not produced"
  done
}

# exim_dns_records: the dnsmasq lines for the Exim names.
exim_dns_records() {
  cat <<EOF

# exim.test: a domain whose mail server is the lab's Exim (tests/lab/exim.sh)
host-record=smtp.exim.test,$EXIM_GOOD_IP
host-record=mx.exim.test,$EXIM_GOOD_IP
host-record=expired.exim.test,$EXIM_EXPIRED_IP
host-record=busy.exim.test,$EXIM_BUSY_IP
mx-host=exim.test,mx.exim.test,10
txt-record=exim.test,"v=spf1 mx -all"
txt-record=_dmarc.exim.test,"v=DMARC1; p=none"
srv-host=_submission._tcp.exim.test,smtp.exim.test,587,0,1
EOF
}

# exim_dovecot DOVECOT_DIR: the Exim account in Dovecot's user file and a client listener for
# Exim in its configuration (Dovecot merges this `service auth` into the one before it).
# Call before Dovecot starts.
exim_dovecot() {
  local d=$1
  printf '%s:{PLAIN}%s::::::\n' "$EXIM_USER_NAME" "$USER_PASSWORD" >>"$d/users"
  mkdir -p "$EXIM_AUTH_DIR"
  chown "root:$EXIM_GID" "$EXIM_AUTH_DIR"
  chmod 750 "$EXIM_AUTH_DIR"
  cat >>"$d/dovecot.conf" <<EOF

# Exim's client listener (tests/lab/exim.sh). Exim's uid exists only inside its own mount
# namespace, so the socket is open to all and its directory only to Exim's group.
service auth {
  unix_listener $EXIM_AUTH_SOCKET {
    mode = 0666
  }
}
EOF
}

# ---------------------------------------------------------------------------------------------
# The configuration
# ---------------------------------------------------------------------------------------------
exim_write_config() {
  local tls=$EXIM_DIR/tls
  mkdir -p "$EXIM_DIR/spool" "$EXIM_DIR/log" "$tls"
  cp "$PKI/exim.pem" "$PKI/exim.key" "$PKI/exim-expired.pem" "$PKI/exim-expired.key" "$tls/"
  # Exim reads its certificates and writes its spool and logs after giving up root.
  chown -R "$EXIM_UID:$EXIM_GID" "$EXIM_DIR/spool" "$EXIM_DIR/log" "$tls"
  chmod 600 "$tls"/*.key
  cat >"$EXIM_DIR/exim.conf" <<EOF
# Exim of the smtp-doctor test lab (tests/lab/exim.sh): submission only, nothing is delivered.
exim_path = $EXIM_BIN
primary_hostname = smtp.exim.test
smtp_active_hostname = \${if eq{\$received_ip_address}{$EXIM_EXPIRED_IP}{expired.exim.test}\\
  {\${if eq{\$received_ip_address}{$EXIM_BUSY_IP}{busy.exim.test}{smtp.exim.test}}}}
spool_directory = $EXIM_DIR/spool
log_file_path = $EXIM_DIR/log/%slog
pid_file_path = $EXIM_DIR/exim.pid
keep_environment =

local_interfaces = $EXIM_GOOD_IP : $EXIM_EXPIRED_IP : $EXIM_BUSY_IP
daemon_smtp_ports = 25 : 465 : 587
tls_on_connect_ports = 465

tls_advertise_hosts = *
tls_certificate = \${if eq{\$received_ip_address}{$EXIM_EXPIRED_IP}{$tls/exim-expired.pem}{$tls/exim.pem}}
tls_privatekey = \${if eq{\$received_ip_address}{$EXIM_EXPIRED_IP}{$tls/exim-expired.key}{$tls/exim.key}}

# Loopback clients: no reverse lookups, no ident queries.
host_lookup =
rfc1413_hosts =
domainlist local_domains =
domainlist relay_to_domains =
hostlist relay_from_hosts =
queue_only = true

acl_smtp_connect = acl_check_connect
acl_smtp_rcpt = acl_check_rcpt

begin acl

acl_check_connect:
  # busy.exim.test: every connection is over its limit (no rate is below 0), so the greeting
  # is a multi-line 451 on every port (inside TLS on 465: TLS on connect comes first).
  defer
    condition = \${if eq{\$received_ip_address}{$EXIM_BUSY_IP}}
    ratelimit = 0 / 1h / strict / per_conn / \$received_ip_address
    message = Too many connections to \$received_ip_address: \$sender_rate per \$sender_rate_period (limit \$sender_rate_limit).\\n\\
              Please try again later.
  accept

acl_check_rcpt:
  # A signed-in sender other than the account, refused in the words cPanel hosts use: a
  # cPanel-style Exim 4.95 ("220-... We do not authorize the use of this system to transport
  # unsolicited, 220 and/or bulk e-mail.") answered "550 Your FROM address ( ... ) must match
  # your authenticated email user ( ... ). Spoofing not allowed!"
  # (https://github.com/PHPMailer/PHPMailer/issues/2661, 2022). Exim ACLs refuse a sender at
  # RCPT, where both addresses are known.
  deny
    authenticated = *
    !condition = \${if eqi{\$sender_address}{\$authenticated_id}}
    message = Your FROM address ( \$sender_address ) must match your authenticated email user ( \$authenticated_id ). Spoofing not allowed!
  accept
    authenticated = *
  # Exim's default configuration (src/configure.default, and Debian's template) in its words.
  require
    message = relay not permitted
    domains = +local_domains : +relay_to_domains
  accept

begin authenticators

# The lab's Dovecot checks the password; AUTH is offered only inside TLS (as in Debian's
# template: server_advertise_condition on \$tls_in_cipher).
dovecot_plain:
  driver = dovecot
  public_name = PLAIN
  server_socket = $EXIM_AUTH_SOCKET
  server_set_id = \$auth1
  server_advertise_condition = \${if def:tls_in_cipher}

dovecot_login:
  driver = dovecot
  public_name = LOGIN
  server_socket = $EXIM_AUTH_SOCKET
  server_set_id = \$auth1
  server_advertise_condition = \${if def:tls_in_cipher}
EOF
  chmod 644 "$EXIM_DIR/exim.conf"
  exim_run "$EXIM_BIN" -C "$EXIM_DIR/exim.conf" -bV >"$EXIM_DIR/version" 2>&1 ||
    die "Exim rejects its configuration: $(tail -n 5 "$EXIM_DIR/version")"
}

# ---------------------------------------------------------------------------------------------
# Start, stop, readiness
# ---------------------------------------------------------------------------------------------
# exim_prepare: everything before Dovecot starts (packages, user, certificates, configuration).
exim_prepare() {
  mkdir -p "$EXIM_DIR"
  chmod 755 "$EXIM_DIR"
  exim_fetch
  exim_identity
  exim_write_runner
  exim_pki
  exim_write_config
}

exim_start() {
  # An Exim left running by a lab whose folder was removed holds the addresses: say whose.
  local held
  held=$(ss -Hltnp 2>/dev/null | awk -v a="$EXIM_GOOD_IP:25" '$4 == a {print $6}')
  [ -z "$held" ] || die "$EXIM_GOOD_IP:25 is taken already ($held): stop that process first"
  detached "$EXIM_DIR/daemon.log" "$EXIM_DIR/run" "$EXIM_BIN" -C "$EXIM_DIR/exim.conf" -bd ||
    die "Exim did not start: $(tail -n 20 "$EXIM_DIR/daemon.log" "$EXIM_DIR/log/paniclog" 2>/dev/null)"
  log "$(head -n 1 "$EXIM_DIR/version") on $EXIM_GOOD_IP, $EXIM_EXPIRED_IP, $EXIM_BUSY_IP"
}

exim_pid() { # a running daemon's pid, or nothing
  local pid
  [ -r "$EXIM_DIR/exim.pid" ] || return 0
  pid=$(tr -dc 0-9 <"$EXIM_DIR/exim.pid")
  if [ -n "$pid" ] && alive "$pid"; then echo "$pid"; fi
  return 0
}

exim_stop() {
  local pid
  pid=$(exim_pid)
  if [ -n "$pid" ]; then stop_pid "$pid" "Exim daemon"; fi
}

# exim_refuses_greeting IP PORT: the greeting is the busy address's multi-line 451.
exim_refuses_greeting() {
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    IFS= read -r -t 2 line <&3 || exit 1
    [[ $line == 451-* ]]' _ "$1" "$2" 2>/dev/null
}

# exim_refuses_in_tls IP PORT NAME: after the TLS handshake, the greeting is a 451.
exim_refuses_in_tls() {
  local line
  # s_client fails when the server hangs up, as this one does: only the first line counts.
  line=$(timeout 3 openssl s_client -connect "$1:$2" -servername "$3" -quiet </dev/null 2>/dev/null | head -n 1) || true
  [[ $line == 451-* ]]
}

# exim_wait_ready: prints what did not come up, one item a line.
exim_wait_ready() {
  wait_until smtp_greets "$EXIM_GOOD_IP" 25 || echo "exim $EXIM_GOOD_IP:25 (no 220 greeting)"
  wait_until smtp_greets "$EXIM_GOOD_IP" 587 || echo "exim $EXIM_GOOD_IP:587 (no 220 greeting)"
  wait_until tls_handshakes "$EXIM_GOOD_IP" 465 smtp.exim.test || echo "exim $EXIM_GOOD_IP:465 (no TLS handshake)"
  wait_until smtp_greets "$EXIM_EXPIRED_IP" 587 || echo "eximexpired $EXIM_EXPIRED_IP:587 (no 220 greeting)"
  wait_until exim_refuses_greeting "$EXIM_BUSY_IP" 587 || echo "eximbusy $EXIM_BUSY_IP:587 (no 451 greeting)"
  wait_until exim_refuses_in_tls "$EXIM_BUSY_IP" 465 busy.exim.test || echo "eximbusy $EXIM_BUSY_IP:465 (no 451 inside TLS)"
}

exim_status() {
  local pid
  pid=$(exim_pid)
  if [ -n "$pid" ]; then
    printf '%-11s running pid %s on %s, %s, %s :25,587,465 (%s)\n' exim "$pid" \
      "$EXIM_GOOD_IP" "$EXIM_EXPIRED_IP" "$EXIM_BUSY_IP" "$(head -n 1 "$EXIM_DIR/version" 2>/dev/null)"
  else
    printf '%-11s not running\n' exim
  fi
}

# exim_logs: the files a failed `up` shows.
exim_logs() {
  echo "$EXIM_DIR/daemon.log" "$EXIM_DIR/log/mainlog" "$EXIM_DIR/log/paniclog"
}
