"""The production environment documented in .env.example passes `manage.py check --deploy` cleanly.

Each run is a subprocess with only that environment, so the settings module is read the way a
production process reads it (DEBUG off, HTTPS behind a proxy).
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ENV_EXAMPLE = ROOT / ".env.example"


def documented_production_env() -> dict[str, str]:
    """The variables of the `# ---- production ----` block of .env.example, placeholders filled."""
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    block = re.search(r"^# ---- production ----\n(.*?)^# ---- end production ----", text, re.M | re.S)
    assert block, ".env.example has no production block"
    env: dict[str, str] = {}
    for line in block.group(1).splitlines():
        match = re.match(r"^# ([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match:
            env[match.group(1)] = match.group(2)
    assert env["SECRET_KEY"].startswith("<")
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def _run(env: dict[str, str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT),
            "THEODOI_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "theodoi.settings"}
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], capture_output=True, text=True,
                          env={**base, **env}, cwd=str(tmp_path), check=False, timeout=120)


def _without_db(env: dict[str, str]) -> dict[str, str]:
    # `check --deploy` does not connect; SQLite in tmp keeps the run independent of a PostgreSQL server.
    return {k: v for k, v in env.items() if k not in {"DATABASE_URL", "REDIS_URL"}}


def test_check_deploy_is_clean_with_the_documented_production_environment(tmp_path):
    env = documented_production_env()
    assert env["DEBUG"] == "0" and env["SECURE_SSL_REDIRECT"] == "1"
    result = _run(env, tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "WARNING" not in out and "security." not in out, out
    assert "no issues" in out


def test_without_the_https_variables_check_deploy_warns(tmp_path):
    env = _without_db(documented_production_env())
    for key in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        env.pop(key)
    result = _run(env, tmp_path, "check", "--deploy")
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_the_settings_read_from_the_production_environment(tmp_path):
    env = documented_production_env()
    code = ("from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_HSTS_SECONDS,"
            " s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.CSRF_TRUSTED_ORIGINS,"
            " s.ALLOWED_HOSTS)")
    result = _run(env, tmp_path, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "('HTTP_X_FORWARDED_PROTO', 'https') 31536000 True True True "
        "['https://theodoi.example.gov.vn'] ['theodoi.example.gov.vn']"
    )


def test_a_malformed_proxy_header_is_refused_at_start(tmp_path):
    env = {**_without_db(documented_production_env()), "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto"}
    result = _run(env, tmp_path, "check")
    assert result.returncode != 0 and "SECURE_PROXY_SSL_HEADER must be" in result.stderr


@pytest.mark.django_db
def test_https_redirect_spares_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    page = client.get("/")
    assert page.status_code == 301 and page["Location"].startswith("https://")
