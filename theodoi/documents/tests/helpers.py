"""Small helpers for the documents tests."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from theodoi_extract import readers

needs_reader = pytest.mark.skipif(
    not hasattr(readers, "read_bytes"), reason="theodoi_extract.readers.read_bytes is not there yet"
)


def upload(client: Any, text: str | bytes, name: str = "nghi-quyet.txt", title: str = "", **extra: Any) -> Any:
    data = text.encode() if isinstance(text, str) else text
    return client.post(reverse("documents:upload"), {"file": SimpleUploadedFile(name, data), "title": title}, **extra)


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []
