#!/bin/sh
# A consistent backup of Tendlc's PostgreSQL database (pg_dump's custom format) into
# BACKUP_DIR, named by UTC time; files older than KEEP_DAYS are deleted. Prints the file.
# Reads DATABASE_URL from the environment, else from /etc/tendlc/tendlc.env (or
# TENDLC_ENV_FILE).
#     DATABASE_URL=postgres://… BACKUP_DIR=/var/backups/tendlc deploy/backup.sh
# Encrypt the files before they leave the host (SECURITY.md, "Data at rest").
set -eu
if [ -z "${DATABASE_URL:-}" ] && [ -r "${TENDLC_ENV_FILE:-/etc/tendlc/tendlc.env}" ]; then
  DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "${TENDLC_ENV_FILE:-/etc/tendlc/tendlc.env}" | tail -n 1)
fi
: "${DATABASE_URL:?DATABASE_URL is not set}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/tendlc}
KEEP_DAYS=${KEEP_DAYS:-14}

umask 077
mkdir -p "$BACKUP_DIR"
file="$BACKUP_DIR/tendlc-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written aside and renamed once complete: a half-written dump never looks like a backup.
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" --dbname="$DATABASE_URL"
mv "$file.partial" "$file"
find "$BACKUP_DIR" -maxdepth 1 -name 'tendlc-*.dump' -mtime +"$KEEP_DAYS" -delete
echo "$file"
