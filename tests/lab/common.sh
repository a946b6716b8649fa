#!/usr/bin/env bash
# Shell functions shared by smtp-doctor's two test labs: tests/lab/lab.sh (loopback) and
# tests/netlab/netlab.sh (network namespaces). Sourced, never run.
#
# The sourcing script sets LOG_TAG (the prefix of its messages, default "lab") and TRIES (the
# bound of every wait: TRIES x 0.1 s); new_leaf and new_ca use $PKI (the folder that holds
# openssl.cnf and the keys).

log() { printf '%s: %s\n' "${LOG_TAG:-lab}" "$*" >&2; }
die() {
  printf '%s: ERROR: %s\n' "${LOG_TAG:-lab}" "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------------------
# ensure_packages [PACKAGE...]: install what the lab needs (found missing by its commands) and
# the named Debian packages that are not installed yet; nothing when all are there.
ensure_packages() {
  local -a want=()
  local p
  for p in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then want+=("$p"); fi
  done
  command -v postfix >/dev/null 2>&1 || want+=(postfix)
  command -v dovecot >/dev/null 2>&1 || want+=(dovecot-core)
  command -v dnsmasq >/dev/null 2>&1 || want+=(dnsmasq-base)
  command -v openssl >/dev/null 2>&1 || want+=(openssl)
  command -v dig >/dev/null 2>&1 || want+=(bind9-dnsutils)
  command -v iptables >/dev/null 2>&1 || want+=(iptables)
  command -v ss >/dev/null 2>&1 || want+=(iproute2)
  command -v timeout >/dev/null 2>&1 || want+=(coreutils)
  [ -e /etc/ssl/certs/ca-certificates.crt ] || want+=(ca-certificates)
  if [ ${#want[@]} -eq 0 ]; then return 0; fi
  command -v apt-get >/dev/null 2>&1 || die "missing ${want[*]} and no apt-get to install them"
  log "installing ${want[*]}"
  export DEBIAN_FRONTEND=noninteractive
  echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
  # Keep the packages' services from starting on the host while they install.
  local policy=/usr/sbin/policy-rc.d policy_backup=""
  if [ -e "$policy" ]; then
    policy_backup=$(mktemp /usr/sbin/policy-rc.d.smtp-doctor-lab.XXXXXX)
    cp -p "$policy" "$policy_backup"
  fi
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  local rc=0
  {
    apt-get update -q &&
      apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${want[@]}"
  } </dev/null >&2 || rc=$?
  if [ -n "$policy_backup" ]; then mv -f "$policy_backup" "$policy"; else rm -f "$policy"; fi
  [ "$rc" -eq 0 ] || die "apt-get install ${want[*]} failed (exit $rc)"
}

# detached LOGFILE COMMAND...: run COMMAND (which daemonizes) holding none of our descriptors.
# A daemon that inherits a caller's pipe (CI's log, a `| tee`) keeps its reader waiting long
# after this script has exited.
detached() {
  local logfile=$1
  shift
  (
    for fd in "/proc/$BASHPID/fd/"*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec "$@" </dev/null >>"$logfile" 2>&1
  )
}

# ---------------------------------------------------------------------------------------------
# Certificates
# ---------------------------------------------------------------------------------------------
write_openssl_config() {
  cat >"$1" <<'EOF'
# openssl ca configuration of the smtp-doctor test lab. CA_DIR and SAN come from the environment.
[ ca ]
default_ca = lab_ca

[ lab_ca ]
dir             = ${ENV::CA_DIR}
database        = $dir/index.txt
serial          = $dir/serial
new_certs_dir   = $dir/issued
certificate     = $dir/ca.pem
private_key     = $dir/ca.key
default_md      = sha256
default_days    = 825
policy          = policy_any
preserve        = yes
unique_subject  = no
copy_extensions = none
email_in_dn     = no

[ policy_any ]
organizationName       = optional
organizationalUnitName = optional
commonName             = supplied

[ req ]
distinguished_name = req_dn
prompt             = no

[ req_dn ]
CN = unused

[ root_ext ]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash

[ leaf_ext ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = ${ENV::SAN}
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ self_ext ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = ${ENV::SAN}
subjectKeyIdentifier   = hash
EOF
}

# new_ca DIR SUBJECT [openssl ca options...]: a root CA (backdated, so the expired leaf lies
# inside its validity). Without -preserveDN, `openssl ca` puts the subject's fields in the
# policy's order (O, OU, CN).
new_ca() {
  local dir=$1 subject=$2
  shift 2
  mkdir -p "$dir/issued"
  : >"$dir/index.txt"
  echo 1000 >"$dir/serial"
  openssl genrsa -out "$dir/ca.key" 2048 2>/dev/null
  openssl req -new -config "$PKI/openssl.cnf" -key "$dir/ca.key" -subj "$subject" -out "$dir/ca.csr"
  CA_DIR=$dir SAN=DNS:unused openssl ca -batch -notext -config "$PKI/openssl.cnf" -selfsign \
    -keyfile "$dir/ca.key" -in "$dir/ca.csr" -out "$dir/ca.pem" -extensions root_ext \
    -startdate 20190101000000Z -enddate 20451231235959Z "$@" 2>/dev/null
}

# new_leaf CA_DIR OUT_BASENAME CN SAN [openssl ca date options...]
new_leaf() {
  local ca_dir=$1 out=$2 cn=$3 san=$4
  shift 4
  openssl genrsa -out "$PKI/$out.key" 2048 2>/dev/null
  openssl req -new -config "$PKI/openssl.cnf" -key "$PKI/$out.key" -subj "/CN=$cn" -out "$PKI/$out.csr"
  CA_DIR=$ca_dir SAN=$san openssl ca -batch -notext -config "$PKI/openssl.cnf" \
    -in "$PKI/$out.csr" -out "$PKI/$out.pem" -extensions leaf_ext "$@" 2>/dev/null
  rm -f "$PKI/$out.csr"
}

# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------
# Without syslog, the postfix command prints its early errors only to a terminal: rerun it
# under script(1) to see them.
postfix_diagnose() { # postfix_diagnose CONFIG_DIR COMMAND
  if command -v script >/dev/null 2>&1; then
    timeout 20 script -qec "postfix -c $1 $2" /dev/null </dev/null 2>&1 | tr -d '\r' | tail -n 20 || true
  else
    echo "(run 'postfix -c $1 $2' in a terminal to see why)"
  fi
}

# alive PID: the process exists and is not a zombie (init here may reap late).
alive() {
  local state
  state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# stop_pid PID WHAT: TERM, wait (bounded), then KILL.
stop_pid() {
  local pid=$1 what=$2 i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < TRIES; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  log "$what (pid $pid) ignored TERM; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# Readiness
# ---------------------------------------------------------------------------------------------
smtp_greets() { # smtp_greets IP PORT: the server sends a 220 greeting
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    IFS= read -r -t 2 line <&3 || exit 1
    printf "QUIT\r\n" >&3
    [[ $line == 220* ]]' _ "$1" "$2" 2>/dev/null
}

tls_handshakes() { # tls_handshakes IP PORT NAME
  timeout 3 openssl s_client -connect "$1:$2" -servername "$3" -brief </dev/null >/dev/null 2>&1
}

wait_until() { # wait_until COMMAND...: true once COMMAND is; TRIES x 0.1 s at most
  local i
  for ((i = 0; i < TRIES; i++)); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

# write_netns_etc_postfix DEST COMMENT CONFIG_DIR...: DEST (/etc/netns/NS/postfix, which
# `ip netns exec NS` mounts over /etc/postfix) gets what `postfix -c DIR` needs from /etc/postfix
# (postfix-files, postfix-script, dynamicmaps.cf, ...) plus a main.cf that lists the CONFIG_DIRs
# in alternate_config_directories. COMMENT heads that main.cf.
write_netns_etc_postfix() {
  local d=$1 comment=$2
  shift 2
  mkdir -p "$d"
  cp -a /etc/postfix/. "$d/"
  rm -f "$d/main.cf" "$d"/main.cf.smtp-doctor-lab.*
  {
    printf '%s\n' "$comment"
    echo "compatibility_level = 3.6"
    echo "alternate_config_directories = $*"
  } >"$d/main.cf"
}

# The parts of a lab Postfix instance the labs share.
postfix_dirs() { # postfix_dirs QUEUE DATA: the queue, data and private (for Dovecot's socket) directories
  local queue=$1 data=$2
  mkdir -p "$queue" "$data"
  chmod 755 "$queue"
  chown postfix:postfix "$data"
  chmod 700 "$data"
  # Dovecot starts first and puts its listener in here; owner and mode as postfix-files has them
  # (`postfix start` creates the other queue directories).
  mkdir -p "$queue/private"
  chown postfix:root "$queue/private"
  chmod 700 "$queue/private"
}

# postfix_instance_head NAME TAG STATE_DIR [MAILLOG]: main.cf's first lines for instance NAME;
# its log goes to MAILLOG (default STATE_DIR/postfix-NAME.log), which must lie below STATE_DIR.
postfix_instance_head() {
  local name=$1 tag=$2 state=$3 maillog=${4:-$3/postfix-$1.log}
  cat <<EOF
compatibility_level = 3.6
multi_instance_name = $tag
syslog_name = $tag
queue_directory = $state/spool-$name
data_directory = $state/data-$name
maillog_file = $maillog
maillog_file_prefixes = /var, /dev/stdout, $state
mail_owner = postfix
setgid_group = postdrop
EOF
}

# postfix_auth_tls USER KEY CERT [SENDER_CHECK]: main.cf lines for SASL via Dovecot and TLS;
# SENDER_CHECK (optional) is a restriction tried before the login-mismatch check.
postfix_auth_tls() {
  cat <<EOF
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = yes
smtpd_sender_login_maps = inline:{ $1=$1 }
smtpd_sender_restrictions = ${4:+$4, }reject_sender_login_mismatch
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination

smtpd_tls_chain_files = $2, $3
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_tls_loglevel = 1
smtpd_tls_received_header = yes
EOF
}

# postfix_master_cf IP SYSLOG_PREFIX: 25, 587 (STARTTLS) and 465 (TLS) on IP (an empty IP: on
# every address of inet_interfaces), nothing chrooted
postfix_master_cf() {
  local ip=$1 tag=$2 at
  at=${1:+$1:}
  cat <<EOF
# service            type  private unpriv  chroot  wakeup  maxproc command
$(printf '%-20s' "${at}25") inet  n       -       n       -       -       smtpd
$(printf '%-20s' "${at}587") inet  n       -       n       -       -       smtpd
  -o syslog_name=$tag/submission
  -o smtpd_tls_security_level=may
$(printf '%-20s' "${at}465") inet  n       -       n       -       -       smtpd
  -o syslog_name=$tag/submissions
  -o smtpd_tls_wrappermode=yes
EOF
  cat <<'EOF'
pickup               unix  n       -       n       60      1       pickup
cleanup              unix  n       -       n       -       0       cleanup
qmgr                 unix  n       -       n       300     1       qmgr
tlsmgr               unix  -       -       n       1000?   1       tlsmgr
rewrite              unix  -       -       n       -       -       trivial-rewrite
bounce               unix  -       -       n       -       0       bounce
defer                unix  -       -       n       -       0       bounce
trace                unix  -       -       n       -       0       bounce
verify               unix  -       -       n       -       1       verify
flush                unix  n       -       n       1000?   0       flush
proxymap             unix  -       -       n       -       -       proxymap
proxywrite           unix  -       -       n       -       1       proxymap
smtp                 unix  -       -       n       -       -       smtp
relay                unix  -       -       n       -       -       smtp
showq                unix  n       -       n       -       -       showq
error                unix  -       -       n       -       -       error
retry                unix  -       -       n       -       -       error
discard              unix  -       -       n       -       -       discard
local                unix  -       n       n       -       -       local
virtual              unix  -       n       n       -       -       virtual
lmtp                 unix  -       -       n       -       -       lmtp
anvil                unix  -       -       n       -       1       anvil
scache               unix  -       -       n       -       1       scache
postlog              unix-dgram n  -       n       -       1       postlogd
EOF
}

# write_dovecot_sasl DIR INSTANCE TRUSTED_NETWORKS COMMENT SPOOL_PREFIX NAME...: a Dovecot that
# only authenticates (SASL) for the Postfix instances NAME..., whose queues are
# SPOOL_PREFIX-NAME; the account is USER_NAME / USER_PASSWORD. It logs to DIR/dovecot.log, or
# to DOVECOT_LOG_FILE when the caller sets it.
write_dovecot_sasl() {
  local d=$1 instance=$2 trusted=$3 comment=$4 spool=$5 name logfile=${DOVECOT_LOG_FILE:-$1/dovecot.log}
  shift 5
  mkdir -p "$d/run" "$d/state"
  printf '%s:{PLAIN}%s::::::\n' "$USER_NAME" "$USER_PASSWORD" >"$d/users"
  chown root:dovecot "$d/users"
  chmod 640 "$d/users"
  {
    printf '%s\n' "$comment"
    cat <<EOF
base_dir = $d/run
state_dir = $d/state
instance_name = $instance
log_path = $logfile
info_log_path = $logfile
protocols =
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Real servers wait ~2 s before a 535 and slow down repeated failures from one address (up
# to 15 s). The tests try wrong passwords on purpose, so the lab answers at once and trusts
# its own networks; the tool itself copes with the delays.
auth_failure_delay = 0
login_trusted_networks = $trusted
auth_verbose = yes

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $d/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=/nonexistent
}

service auth {
EOF
    for name in "$@"; do
      cat <<EOF
  unix_listener $spool-$name/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
EOF
    done
    echo "}"
  } >"$d/dovecot.conf"
}
