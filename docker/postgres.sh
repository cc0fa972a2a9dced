#!/bin/sh
# Debian's PostgreSQL for the incident store: a cluster in /var/lib/dlp-postgres (a volume), made on first
# start with a database and role `dlp` whose password is the secret POSTGRES_PASSWORD_FILE names.
#   dlp-postgres          run the server (in the foreground, as user postgres)
#   dlp-postgres ready    exit 0 once it accepts connections (the healthcheck)
set -eu

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DATA=/var/lib/dlp-postgres/data
PORT=${POSTGRES_PORT:-5432}

if [ "${1:-}" = ready ]; then
  exec "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U dlp -d dlp
fi

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }

chown postgres:postgres /var/lib/dlp-postgres
if [ ! -s "$DATA/PG_VERSION" ]; then
  file=${POSTGRES_PASSWORD_FILE:-/run/secrets/db_password}
  [ -r "$file" ] || { echo "dlp-postgres: the database password secret $file is missing" >&2; exit 2; }
  password=$(cat "$file")
  as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 >/dev/null
  echo "host all all all scram-sha-256" >> "$DATA/pg_hba.conf"
  as_postgres "$BIN/pg_ctl" -D "$DATA" -w -o "-c listen_addresses='' -k /tmp" start >/dev/null
  # The password goes in over stdin, never on a command line.
  printf "create role dlp login password '%s';\ncreate database dlp owner dlp;\n" \
    "$(printf %s "$password" | sed "s/'/''/g")" | as_postgres "$BIN/psql" -q -h /tmp -U postgres -d postgres
  as_postgres "$BIN/pg_ctl" -D "$DATA" -w -m fast stop >/dev/null
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$BIN/postgres" -D "$DATA" \
  -c listen_addresses="${POSTGRES_LISTEN:-*}" -p "$PORT" -k /tmp
