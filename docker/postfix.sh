#!/bin/sh
# Debian's Postfix with the dlp relay as an after-queue content filter (docs/postfix.md), in the foreground.
#
#   clients → :POSTFIX_SMTP_PORT smtpd → queue → dlpfilter (smtp) → the dlp relay
#   the dlp relay → :POSTFIX_REINJECT_PORT smtpd (no filter) → queue → POSTFIX_RELAYHOST (the next hop)
#
# Settings from the environment; POSTFIX_MAIN_CF adds main.cf lines ("key = value", separated by ";").
set -eu

SMTP_PORT=${POSTFIX_SMTP_PORT:-25}
REINJECT_PORT=${POSTFIX_REINJECT_PORT:-10026}
FILTER=${POSTFIX_CONTENT_FILTER:-dlpfilter:[relay]:10025}
FILTER_PROCESSES=${POSTFIX_FILTER_PROCESSES:-4}  # at most [relay] max_pending

cat > /etc/postfix/main.cf <<CF
compatibility_level = 3.6
myhostname = ${POSTFIX_MYHOSTNAME:-mail.example}
inet_interfaces = ${POSTFIX_INET_INTERFACES:-all}
inet_protocols = ipv4
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relayhost = ${POSTFIX_RELAYHOST:-[sink]:2525}
smtp_host_lookup = dns, native
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions = permit_mynetworks, reject
content_filter = ${FILTER}
maillog_file = /dev/stdout
CF
if [ -n "${POSTFIX_MYNETWORKS:-}" ]; then
  postconf -e "mynetworks = ${POSTFIX_MYNETWORKS}"
else
  postconf -e "mynetworks_style = subnet"  # the container's own network: the relay and docker's port proxy
fi
if [ -n "${POSTFIX_MAIN_CF:-}" ]; then
  echo "${POSTFIX_MAIN_CF}" | tr ';' '\n' | while read -r line; do
    [ -n "$line" ] && postconf -e "$line"
  done
fi

# No chroot: the container is the jail, and the smtp client must resolve names as the container does.
cat > /etc/postfix/master.cf <<CF
${SMTP_PORT}      inet  n       -       n       -       -       smtpd
dlpfilter unix  -       -       n       -       ${FILTER_PROCESSES}       smtp
  -o smtp_send_xforward_command=yes
  -o disable_mime_output_conversion=yes
  -o smtp_data_done_timeout=1200s
${REINJECT_PORT} inet n  -       n       -       8       smtpd
  -o content_filter=
  -o receive_override_options=no_unknown_recipient_checks,no_header_body_checks,no_milters
  -o smtpd_helo_restrictions=
  -o smtpd_client_restrictions=
  -o smtpd_sender_restrictions=
  -o smtpd_recipient_restrictions=permit_mynetworks,reject
  -o smtpd_relay_restrictions=permit_mynetworks,reject
  -o smtpd_authorized_xforward_hosts=\$mynetworks
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CF

postfix set-permissions >/dev/null 2>&1 || true  # a fresh spool volume
postfix check
exec postfix start-fg
