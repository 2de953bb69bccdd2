"""The canonical text of an audit entry, which every stored hash is computed over, must not change:
an entry written before a change to ``audit.canonical`` has to verify after it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from theodoi.reporting import audit


def _round_trip_everything(kind: str, **fields: Any) -> str:
    """The definition the stored hashes were written with: every field through a JSON round trip."""
    content = {k: (audit._when(v) if isinstance(v, datetime) else (None if v is None else json.loads(json.dumps(v))))
               for k, v in fields.items()}
    content["kind"] = kind
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_scalars_and_containers_give_the_text_the_hashes_were_written_with() -> None:
    fields: dict[str, Any] = {
        "form": 7, "user": None, "at": datetime(2026, 12, 7, 8, 30, 1, 250, tzinfo=UTC), "action": "save",
        "before": {9: {"value": "3500.5", "comment": "Sở Y tế"}, 10: {"value": None}}, "after": {"task:3": ("done", 1)},
        "note": "v3", "public": True, "share": 0.1 + 0.2,
    }
    text = audit.canonical("audit", **fields)
    assert text == _round_trip_everything("audit", **fields)
    assert '"before":{"10":' in text and '"after":{"task:3":["done",1]}' in text  # int keys as text (in text order), tuples as lists


def test_a_link_over_the_same_content_is_the_same_hash() -> None:
    at = datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC)
    content = audit.audit_content(form_id=1, user_id=2, at=at, action="save", before=None, after={5: {"value": "1"}},
                                  note="v1")
    assert audit.link(audit.GENESIS, content) == audit.link("", _round_trip_everything(
        "audit", form=1, user=2, at=at, action="save", before=None, after={5: {"value": "1"}}, note="v1"))
