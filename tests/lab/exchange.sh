#!/usr/bin/env bash
# The Exchange side of smtp-doctor's loopback lab: sourced by tests/lab/lab.sh, never run.
#
# Microsoft Exchange does not run here, and no server in the lab words its replies as Exchange
# does, so tests/lab/exchange_emulator.py (Python 3, standard library only) answers in
# Exchange Server 2019's exact words (its comments cite where each comes from). One process,
# two addresses (names in the lab's dnsmasq):
#   exchange      127.0.10.31  smtp.exchange.test, mx.exchange.test  valid certificate from the lab CA
#   exchangebusy  127.0.10.32  busy.exchange.test   every connection is over the receive
#                                                   connector's limit: "421 4.3.2 The maximum
#                                                   number of concurrent server connections ..."
#                                                   in place of the greeting (inside TLS on 465)
# Each listens on 25 (Default Frontend), 587 (Client Frontend, STARTTLS; AUTH NTLM LOGIN only
# after it) and 465 (TLS on connect). Account: alice@exchange.test / the lab's password; she
# may send only as herself. exchange.test publishes smtp.exchange.test (MX, RFC 6186 SRV for
# 587, SPF, DMARC).

EXCHANGE_DIR=$LAB/exchange
EXCHANGE_USER_NAME=alice@exchange.test
EXCHANGE_GOOD_IP=127.0.10.31
EXCHANGE_BUSY_IP=127.0.10.32
EXCHANGE_EMULATOR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/exchange_emulator.py

# exchange_prepare: certificate and password file (make_pki must have run).
exchange_prepare() {
  mkdir -p "$EXCHANGE_DIR"
  chmod 700 "$EXCHANGE_DIR"
  new_leaf "$PKI/ca" exchange smtp.exchange.test \
    "DNS:smtp.exchange.test,DNS:mx.exchange.test,DNS:busy.exchange.test" -days 825
  chmod 600 "$PKI/exchange.key"
  [ -s "$PKI/exchange.pem" ] || die "certificate $PKI/exchange.pem was not produced"
  (umask 077 && printf '%s\n' "$USER_PASSWORD" >"$EXCHANGE_DIR/password")
  command -v python3 >/dev/null 2>&1 || ensure_packages python3
}

# exchange_dns_records: the dnsmasq lines for the Exchange names.
exchange_dns_records() {
  cat <<EOF

# exchange.test: a domain whose mail server answers as Exchange does (tests/lab/exchange.sh)
host-record=smtp.exchange.test,$EXCHANGE_GOOD_IP
host-record=mx.exchange.test,$EXCHANGE_GOOD_IP
host-record=busy.exchange.test,$EXCHANGE_BUSY_IP
mx-host=exchange.test,mx.exchange.test,10
txt-record=exchange.test,"v=spf1 mx -all"
txt-record=_dmarc.exchange.test,"v=DMARC1; p=none"
srv-host=_submission._tcp.exchange.test,smtp.exchange.test,587,0,1
EOF
}

exchange_pid() { # the running emulator's pid, or nothing
  local pid
  [ -r "$EXCHANGE_DIR/emulator.pid" ] || return 0
  pid=$(tr -dc 0-9 <"$EXCHANGE_DIR/emulator.pid")
  if [ -n "$pid" ] && alive "$pid"; then echo "$pid"; fi
  return 0
}

exchange_start() {
  local held
  held=$(ss -Hltnp 2>/dev/null | awk -v a="$EXCHANGE_GOOD_IP:25" '$4 == a {print $6}')
  [ -z "$held" ] || die "$EXCHANGE_GOOD_IP:25 is taken already ($held): stop that process first"
  # The emulator does not fork: it runs in the background, in a session of its own, and writes
  # its pid file once every port listens.
  detached "$EXCHANGE_DIR/emulator.log" setsid python3 "$EXCHANGE_EMULATOR" \
    --address "$EXCHANGE_GOOD_IP" --busy-address "$EXCHANGE_BUSY_IP" --name smtp.exchange.test \
    --cert "$PKI/exchange.pem" --key "$PKI/exchange.key" --account "$EXCHANGE_USER_NAME" \
    --password-file "$EXCHANGE_DIR/password" --pid-file "$EXCHANGE_DIR/emulator.pid" &
  exchange_started() { [ -n "$(exchange_pid)" ]; }
  wait_until exchange_started ||
    die "the Exchange emulator did not start: $(tail -n 20 "$EXCHANGE_DIR/emulator.log" 2>/dev/null)"
  log "Exchange emulator on $EXCHANGE_GOOD_IP, $EXCHANGE_BUSY_IP (pid $(exchange_pid))"
}

exchange_stop() {
  local pid
  pid=$(exchange_pid)
  if [ -n "$pid" ]; then stop_pid "$pid" "Exchange emulator"; fi
}

# exchange_refuses_greeting IP PORT: the greeting is the 421 of a connection limit.
exchange_refuses_greeting() {
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    IFS= read -r -t 2 line <&3 || exit 1
    [[ $line == "421 4.3.2 "* ]]' _ "$1" "$2" 2>/dev/null
}

# exchange_wait_ready: prints what did not come up, one item a line.
exchange_wait_ready() {
  wait_until smtp_greets "$EXCHANGE_GOOD_IP" 25 || echo "exchange $EXCHANGE_GOOD_IP:25 (no 220 greeting)"
  wait_until smtp_greets "$EXCHANGE_GOOD_IP" 587 || echo "exchange $EXCHANGE_GOOD_IP:587 (no 220 greeting)"
  wait_until tls_handshakes "$EXCHANGE_GOOD_IP" 465 smtp.exchange.test || echo "exchange $EXCHANGE_GOOD_IP:465 (no TLS handshake)"
  wait_until exchange_refuses_greeting "$EXCHANGE_BUSY_IP" 587 || echo "exchangebusy $EXCHANGE_BUSY_IP:587 (no 421 greeting)"
}

exchange_status() {
  local pid
  pid=$(exchange_pid)
  if [ -n "$pid" ]; then
    printf '%-11s running pid %s on %s, %s :25,587,465 (emulator)\n' exchange "$pid" \
      "$EXCHANGE_GOOD_IP" "$EXCHANGE_BUSY_IP"
  else
    printf '%-11s not running\n' exchange
  fi
}

# exchange_logs: the files a failed `up` shows.
exchange_logs() {
  echo "$EXCHANGE_DIR/emulator.log"
}
