#!/bin/sh
# Restore a backup made by deploy/backup.sh into the database of DATABASE_URL (from the
# environment, else /etc/tendlc/tendlc.env or TENDLC_ENV_FILE), replacing what it holds. Stop
# the service first (systemctl stop tendlc), migrate and start it afterwards (docs/DEPLOY.md,
# "Backups and restore").
#     DATABASE_URL=postgres://… deploy/restore.sh /var/backups/tendlc/tendlc-20261204T030000Z.dump
set -eu
if [ -z "${DATABASE_URL:-}" ] && [ -r "${TENDLC_ENV_FILE:-/etc/tendlc/tendlc.env}" ]; then
  DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "${TENDLC_ENV_FILE:-/etc/tendlc/tendlc.env}" | tail -n 1)
fi
: "${DATABASE_URL:?DATABASE_URL is not set}"
dump=${1:?usage: restore.sh BACKUP_FILE}
[ -r "$dump" ] || { echo "cannot read $dump" >&2; exit 1; }
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --dbname="$DATABASE_URL" "$dump"
echo "restored $dump"
