#!/bin/sh
# The image's entrypoint: `dlp …` and `sink` run as the unprivileged user dlp; `postfix` and `postgres` start
# those servers (docker/postfix.sh, docker/postgres.sh), which drop privileges themselves.
set -eu

# Secrets: VAR from the file VAR_FILE names (Docker secrets are files readable by root only), read here
# before privileges are dropped, so that nothing secret is in the image or in the container's configuration.
load_secrets() {
  for var in DLP_QUARANTINE_KEY DLP_WEB_SECRET DLP_STORE_PASSWORD; do
    file=$(printenv "${var}_FILE" || true)
    if [ -n "$file" ]; then
      [ -r "$file" ] || { echo "dlp-entrypoint: ${var}_FILE: cannot read $file" >&2; exit 2; }
      value=$(cat "$file")
      export "$var=$value"
      unset "${var}_FILE"
    fi
  done
}

as_dlp() {
  if [ "$(id -u)" = 0 ]; then
    exec setpriv --reuid=dlp --regid=dlp --init-groups -- "$@"
  fi
  exec "$@"
}

case "${1:-}" in
  postfix) shift; exec dlp-postfix "$@" ;;
  postgres) shift; exec dlp-postgres "$@" ;;
  sink)
    # A mail sink for trying the stack out: every message lands in a Maildir (docker-compose exec sink ls …).
    as_dlp python3 -m aiosmtpd -n -u -l "${SINK_LISTEN:-0.0.0.0:2525}" -c aiosmtpd.handlers.Mailbox /var/lib/dlp-sink/Maildir ;;
  *) load_secrets; as_dlp "$@" ;;
esac
