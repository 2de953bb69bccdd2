"""A body above the limit is refused from its Content-Length, before Django reads it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class _Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args: Any) -> bytes:
        raise AssertionError("the body was read")

    readline = read


def _post(path: str, length: int) -> Any:
    client = Client()
    environ: dict[str, Any] = {"CONTENT_LENGTH": str(length), "wsgi.input": _Unreadable()}
    return client.generic("POST", path, data=b"", content_type="multipart/form-data; boundary=x", **environ)


def test_an_oversized_web_upload_gets_a_vietnamese_413_page_without_being_read(settings: Any) -> None:
    settings.REQUEST_BODY_MAX_BYTES = 1024 * 1024
    response = _post("/tai-lieu/tai-len/", 200 * 1024 * 1024)
    assert response.status_code == 413
    text = response.content.decode()
    assert "Nội dung gửi lên quá lớn (200,0 MB); tối đa 1 MB." in text and "<html" in text.lower()
    assert response["Connection"] == "close"


def test_an_oversized_api_body_gets_json(settings: Any) -> None:
    settings.REQUEST_BODY_MAX_BYTES = 1024
    response = _post("/api/documents/", 4096)
    assert response.status_code == 413
    assert "quá lớn" in response.json()["detail"]


def test_a_garbled_content_length_is_400() -> None:
    response = Client().generic("POST", "/api/documents/", data=b"", CONTENT_LENGTH="abc")
    assert response.status_code == 400
    assert "không hợp lệ" in response.json()["detail"]


def test_a_body_under_the_limit_reaches_the_view(settings: Any) -> None:
    settings.REQUEST_BODY_MAX_BYTES = 1024 * 1024
    response = Client().post("/api/accounts/me", data=b"{}", content_type="application/json")
    assert response.status_code in {401, 405}


def test_a_chunked_body_without_a_length_is_refused_unread() -> None:
    """A chunked upload cannot be measured without reading it, so its length is asked for (411)."""
    client = Client()
    response = client.generic("POST", "/api/documents/", data=b"", HTTP_TRANSFER_ENCODING="chunked")
    assert response.status_code == 411
    assert "Content-Length" in response.json()["detail"]
