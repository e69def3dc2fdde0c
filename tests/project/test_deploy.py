"""docs/DEPLOY.md's files and steps, exercised: the systemd units verify, the environment file
names every setting the app reads and passes `check --deploy` with DEBUG=0, the units run
`make serve`, a backup restores (PostgreSQL), the TLS proxy configs forward what the app
trusts and keep /metrics private. Migrate, collectstatic and serve on a scratch directory:
tests/project/test_serve_process.py."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.project.deployment import (
    DEPLOY,
    ENV_EXAMPLE,
    REPO,
    env_file,
    env_file_names,
    manage,
    production_env,
    scratch_database,
)

UNITS = sorted(DEPLOY.glob("*.service")) + sorted(DEPLOY.glob("*.timer"))
DEPLOY_MD = REPO / "docs" / "DEPLOY.md"


def _installed_units(tmp_path: Path) -> list[Path]:
    """The units as installed, with the checkout where the guide puts it (/srv/tendlc/app)
    replaced by this one, so the commands they run exist; a template gets an instance."""
    installed = []
    for unit in UNITS:
        name = unit.name.replace("@.", "@webhooks.")
        target = tmp_path / name
        target.write_text(unit.read_text().replace("/srv/tendlc/app", str(REPO)))
        installed.append(target)
    return installed


def _sections(text: str) -> dict[str, dict[str, list[str]]]:
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None and "=" in line, f"not a unit file line: {raw!r}"
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def test_the_systemd_units_verify(tmp_path):
    assert {u.name for u in UNITS} >= {"tendlc.service", "tendlc-worker@.service"}
    installed = _installed_units(tmp_path)
    for unit in installed:
        sections = _sections(unit.read_text())
        assert "Unit" in sections, unit.name
        assert "Service" in sections or "Timer" in sections, unit.name
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        return  # parsed above; systemd-analyze checks every key where it is installed
    for unit in installed:
        done = subprocess.run(
            [analyze, "verify", "--man=no", str(unit)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        complaints = [
            line
            for line in (done.stdout + done.stderr).splitlines()
            # The units name the host's user and PostgreSQL, which a test machine may lack.
            if line.strip() and "postgresql.service" not in line
        ]
        assert done.returncode == 0 and complaints == [], f"{unit.name}: {complaints}"


def test_the_main_unit_runs_make_serve_and_the_target_runs_manage_py_serve():
    service = _sections((DEPLOY / "tendlc.service").read_text())["Service"]
    (exec_start,) = service["ExecStart"]
    assert exec_start.startswith("/usr/bin/make ") and " serve " in f"{exec_start} "
    assert service["EnvironmentFile"] == ["/etc/tendlc/tendlc.env"]
    # serve passes the stop on to each child once; systemd must not signal them a second time
    assert service["KillMode"] == ["mixed"]
    options = dict(word.split("=", 1) for word in exec_start.split() if "=" in word)
    dry_run = subprocess.run(
        ["make", "-s", "-n", "-C", str(REPO), "serve", *(f"{k}={v}" for k, v in options.items())],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout.replace("\\\n", " ")
    assert re.search(
        r"manage\.py serve --bind 127\.0\.0\.1:8000 --web-workers 3\s+--queue-workers 1", dry_run
    ), dry_run


def test_the_environment_file_names_every_setting_the_app_reads():
    source = (REPO / "compliance" / "settings.py").read_text()
    read = set(
        re.findall(r"""(?:os\.getenv|env_bool|os\.environ\.get)\(\s*["']([A-Z0-9_]+)["']""", source)
    )
    assert len(read) > 30  # the pattern still finds them
    missing = read - env_file_names()
    assert not missing, f"add to {ENV_EXAMPLE.name}: {sorted(missing)}"
    assert env_file()["DEBUG"] == "0"


def test_the_environment_file_passes_check_deploy_with_debug_off(tmp_path):
    env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "static")
    done = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
    # The same file with DEBUG on is not a deployment: check --deploy refuses it.
    debug = manage("check", "--deploy", "--fail-level", "WARNING", env=env | {"DEBUG": "1"})
    assert debug.returncode != 0 and "DEBUG" in debug.stderr


def test_a_backup_restores_into_an_empty_database(tmp_path):
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("pg_dump backups are for PostgreSQL (run with DATABASE_URL=postgres://…)")
    static = tmp_path / "static"
    with scratch_database(tmp_path / "a") as source, scratch_database(tmp_path / "b") as target:
        env = production_env(source, static)
        assert manage("migrate", "--noinput", env=env).returncode == 0
        made = manage(
            "createsuperuser",
            "--noinput",
            "--username",
            "operator",
            "--email",
            "o@example.com",
            env=env | {"DJANGO_SUPERUSER_PASSWORD": "a-Long-pass-phrase-42"},
        )
        assert made.returncode == 0, made.stderr
        backups = tmp_path / "backups"
        backup = subprocess.run(
            [str(DEPLOY / "backup.sh")],
            env=env | {"BACKUP_DIR": str(backups)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert backup.returncode == 0, backup.stderr
        dump = Path(backup.stdout.strip())
        assert dump.parent == backups and dump.stat().st_size > 0
        assert oct(dump.stat().st_mode & 0o777) == "0o600"
        assert not list(backups.glob("*.partial"))

        restore = subprocess.run(
            [str(DEPLOY / "restore.sh"), str(dump)],
            env=env | {"DATABASE_URL": target},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert restore.returncode == 0, restore.stderr
        restored = env | {"DATABASE_URL": target}
        # Every migration is there, and the data: the operator can sign in to the restored copy.
        assert manage("migrate", "--check", env=restored).returncode == 0
        found = manage(
            "shell",
            "-c",
            "from django.contrib.auth.models import User; "
            "print(User.objects.get(username='operator').check_password('a-Long-pass-phrase-42'))",
            env=restored,
        )
        assert found.stdout.strip().splitlines()[-1] == "True", found.stdout + found.stderr


def test_the_tls_proxies_forward_what_the_app_trusts_and_keep_metrics_private():
    nginx = (DEPLOY / "nginx.conf").read_text()
    # Replaced, never appended: the app reads X-Forwarded-For right to left past TRUSTED_PROXIES.
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert "proxy_set_header Host $host;" in nginx
    assert re.search(r"location = /metrics \{\s*return 404;\s*\}", nginx)
    assert "return 301 https://" in nginx
    caddy = (DEPLOY / "Caddyfile").read_text()
    assert "respond /metrics 404" in caddy and "reverse_proxy 127.0.0.1:8000" in caddy
    # The proxy on the same host is the trusted one of the example environment.
    assert "127.0.0.1" in env_file()["TRUSTED_PROXIES"].split(",")


def test_the_guide_and_the_deploy_folder_name_the_same_files():
    guide = DEPLOY_MD.read_text()
    named = set(re.findall(r"deploy/([\w@.-]+\w)", guide))
    present = {path.name for path in DEPLOY.iterdir()}
    assert named - present == set(), "the guide names files that do not exist"
    assert present - named == set(), "files in deploy/ the guide does not explain"
    assert "make serve" in guide and "make venv" in guide
