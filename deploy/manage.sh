#!/bin/sh
# Run manage.py as the service runs it: with the environment of /etc/tendlc/tendlc.env (or
# TENDLC_ENV_FILE), read as systemd reads an EnvironmentFile's KEY=value lines (taken
# literally: no quotes, no $ expansion), and the checkout's .venv (or TENDLC_PYTHON).
#     sudo -u tendlc /srv/tendlc/app/deploy/manage.sh migrate --noinput
set -eu
app=$(cd "$(dirname "$0")/.." && pwd)
env_file=${TENDLC_ENV_FILE:-/etc/tendlc/tendlc.env}
python=${TENDLC_PYTHON:-$app/.venv/bin/python}
[ -r "$env_file" ] || { echo "cannot read $env_file" >&2; exit 1; }
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    [A-Za-z_]*=*) export "$line" ;;
  esac
done < "$env_file"
cd "$app"
exec "$python" manage.py "$@"
