"""With the real extractor (when it is there), an uploaded resolution yields reviewable targets."""

from __future__ import annotations

import pytest

import theodoi_extract
from theodoi.documents.models import Document, DocumentStatus, ItemKind
from theodoi.documents.testing import RESOLUTION

from .helpers import needs_reader, upload

pytestmark = [
    pytest.mark.django_db,
    needs_reader,
    pytest.mark.skipif(not hasattr(theodoi_extract, "extract_text"), reason="theodoi_extract.extract_text is not there yet"),
]


def test_the_real_extractor_finds_targets_with_offsets_into_the_text(client_for) -> None:
    upload(client_for("planner"), RESOLUTION)
    document = Document.objects.get()
    assert document.status == DocumentStatus.REVIEW, document.error_message
    targets = list(document.items.filter(kind=ItemKind.TARGET))
    assert targets
    for item in targets:
        assert 0 <= item.start < item.end <= len(document.text)
