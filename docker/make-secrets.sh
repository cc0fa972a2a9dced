#!/bin/sh
# Make the three secrets docker-compose.yml expects, once, in ./secrets (or the folder given): the quarantine
# key (keep a copy somewhere safe: without it held originals cannot be released), the web UI's session key
# and the database password. Existing files are kept.
set -eu
dir=${1:-./secrets}
mkdir -p "$dir"
chmod 700 "$dir"
umask 077
[ -s "$dir/quarantine.key" ] || head -c 32 /dev/urandom | base64 > "$dir/quarantine.key"
[ -s "$dir/web.secret" ] || head -c 32 /dev/urandom | base64 > "$dir/web.secret"
[ -s "$dir/db_password" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$dir/db_password"
echo "secrets in $dir: quarantine.key, web.secret, db_password"
