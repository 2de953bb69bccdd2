"""The protected-download helper's three modes, and local copies of stored files.

stream: the bytes from the storage; x-accel: an empty body and nginx's internal redirect to the
configured prefix + stored name; x-sendfile: an empty body and Apache's header with the path
under the configured root. A stored name that climbs out of the storage is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.http import Http404

from theodoi.core.files import local_copy, protected_file_response
from theodoi.documents.models import Document


@pytest.fixture
def stored(settings: Any, tmp_path: Path) -> FieldFile:
    settings.MEDIA_ROOT = tmp_path / "media"
    name = default_storage.save("documents/2026/01/kế hoạch.pdf", ContentFile(b"%PDF-1.4 noi dung"))
    field = Document._meta.get_field("file")
    return FieldFile(Document(), field, name)


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_stream_sends_the_bytes_with_the_given_name(stored: FieldFile) -> None:
    response = protected_file_response(stored, filename="Kế hoạch 2026.pdf", as_attachment=False)
    assert _body(response) == b"%PDF-1.4 noi dung"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "inline; filename*=utf-8''K%E1%BA%BF%20ho%E1%BA%A1ch%202026.pdf"
    assert "private" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_x_accel_leaves_the_bytes_to_nginx(stored: FieldFile, settings: Any) -> None:
    settings.THEODOI_PROTECTED_DOWNLOADS = "x-accel"
    settings.THEODOI_PROTECTED_DOWNLOADS_PREFIX = "/_files/"
    response = protected_file_response(stored, filename="ke-hoach.pdf")
    assert response["X-Accel-Redirect"] == "/_files/documents/2026/01/k%E1%BA%BF%20ho%E1%BA%A1ch.pdf"
    assert _body(response) == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach.pdf"'
    assert "private" in response["Cache-Control"]


def test_x_sendfile_names_the_file_under_the_root(stored: FieldFile, settings: Any, tmp_path: Path) -> None:
    settings.THEODOI_PROTECTED_DOWNLOADS = "x-sendfile"
    settings.THEODOI_X_SENDFILE_ROOT = str(tmp_path / "media")
    response = protected_file_response(stored, filename="ke-hoach.pdf")
    expected = str(tmp_path / "media" / "documents" / "2026" / "01" / "kế hoạch.pdf")
    assert response["X-Sendfile"] == quote(expected)
    assert _body(response) == b""
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach.pdf"'


@pytest.mark.parametrize("mode", ["x-accel", "x-sendfile"])
def test_a_stored_name_that_climbs_out_is_refused(stored: FieldFile, settings: Any, mode: str) -> None:
    settings.THEODOI_PROTECTED_DOWNLOADS = mode
    stored.name = "../../etc/passwd"
    with pytest.raises(Http404):
        protected_file_response(stored, filename="x.txt")


def test_html_and_unknown_types_are_always_attachments(stored: FieldFile) -> None:
    for filename in ("trang.html", "hinh.svg", "tep.bin"):
        response = protected_file_response(stored, filename=filename, as_attachment=False)
        assert response["Content-Disposition"].startswith("attachment;"), filename


def test_an_unknown_mode_is_a_configuration_error(stored: FieldFile, settings: Any) -> None:
    settings.THEODOI_PROTECTED_DOWNLOADS = "public"
    with pytest.raises(ImproperlyConfigured):
        protected_file_response(stored, filename="x.pdf")


def test_no_file_or_a_missing_one_is_a_404(stored: FieldFile) -> None:
    empty = FieldFile(Document(), Document._meta.get_field("file"), "")
    with pytest.raises(Http404):
        protected_file_response(empty, filename="x.pdf")
    default_storage.delete(str(stored.name))
    with pytest.raises(Http404):
        protected_file_response(stored, filename="x.pdf")


def test_local_copy_has_the_bytes_and_the_extension_and_is_removed_after(stored: FieldFile) -> None:
    with local_copy(stored) as path:
        assert path.read_bytes() == b"%PDF-1.4 noi dung"
        assert path.suffix == ".pdf"
    assert not path.exists()


def test_local_copy_is_removed_when_the_reader_fails(stored: FieldFile) -> None:
    with pytest.raises(RuntimeError), local_copy(stored) as path:
        raise RuntimeError("reader failed")
    assert not path.exists()


def test_no_code_reads_a_stored_file_by_its_path() -> None:
    """``.path`` exists only on the local disk: code that uses it breaks on S3 (use local_copy)."""
    import re

    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(r"\.(file|evidence|pdf)\.path\b|storage\.path\(")
    offenders = [
        f"{p.relative_to(root)}:{n}"
        for p in root.rglob("*.py") if "tests" not in p.parts and "migrations" not in p.parts
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)
    ]
    assert offenders == []
