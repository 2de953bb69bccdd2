"""Every page carries a strict Content-Security-Policy: scripts from this server or with the nonce."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_pages_refuse_inline_and_foreign_scripts(client_for: Any) -> None:
    response = client_for("planner").get("/")
    policy = response.headers["Content-Security-Policy"]
    script = re.search(r"script-src ([^;]+)", policy)
    assert script is not None
    sources = script.group(1).split()
    assert "'self'" in sources and "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    nonce = next(s for s in sources if s.startswith("'nonce-"))[7:-1]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_no_template_has_an_inline_handler_or_inline_script() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if re.search(r"\son[a-z]+\s*=", text) or re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", text):
            offenders.append(str(template.relative_to(root)))
    assert offenders == []
