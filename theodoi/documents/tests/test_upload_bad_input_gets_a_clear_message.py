"""Bad uploads get a Vietnamese message and leave nothing behind."""

from __future__ import annotations

import pytest

from theodoi.documents.models import Document
from theodoi.documents.testing import RESOLUTION
from theodoi_extract.readers import legacy

from .helpers import messages_of, needs_reader, upload

pytestmark = pytest.mark.django_db


def _form_errors(response) -> str:  # type: ignore[no-untyped-def]
    return " ".join(response.context["form"].errors.get("file", []))


def test_an_oversized_file_is_refused_before_anything_is_saved(client_for, settings) -> None:
    settings.UPLOAD_MAX_BYTES = 200
    response = upload(client_for("planner"), "Kế hoạch. " * 100)
    assert response.status_code == 400
    assert "Tệp quá lớn" in _form_errors(response)
    assert not Document.objects.exists()


def test_a_file_of_another_kind_is_refused(client_for) -> None:
    response = upload(client_for("planner"), b"MZ\x90\x00", name="virus.exe")
    assert response.status_code == 400
    assert "Chỉ nhận tệp .txt, .docx hoặc .pdf" in _form_errors(response)
    assert not Document.objects.exists()


def test_an_empty_file_is_refused(client_for) -> None:
    response = upload(client_for("planner"), b"", name="rong.txt")
    assert response.status_code == 400
    assert not Document.objects.exists()


@needs_reader
def test_unreadable_binary_named_txt_is_refused_with_the_readers_message(client_for) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    response = upload(client_for("planner"), png, name="anh.txt")
    assert response.status_code == 400
    assert "nhị phân" in _form_errors(response) or "không" in _form_errors(response).lower()
    assert not Document.objects.exists()


@needs_reader
def test_a_pdf_that_is_not_a_pdf_is_refused(client_for) -> None:
    response = upload(client_for("planner"), b"%PDF-1.4 this is broken", name="hong.pdf")
    assert response.status_code == 400
    assert _form_errors(response)
    assert not Document.objects.exists()


@needs_reader
def test_re_uploading_the_same_file_is_a_no_op_with_a_message(client_for, fake_extractor) -> None:
    client = client_for("planner")
    upload(client, RESOLUTION)
    response = upload(client, RESOLUTION, name="ban-sao.txt", follow=True)
    assert Document.objects.count() == 1
    assert any("đã được tải lên" in m and "không tải lại" in m for m in messages_of(response))


@needs_reader
def test_the_same_form_posted_twice_makes_one_document(client_for, fake_extractor) -> None:
    client = client_for("planner")
    first = upload(client, RESOLUTION)
    second = upload(client, RESOLUTION)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Document.objects.count() == 1


@needs_reader
def test_a_legacy_encoded_text_is_converted_and_the_planner_is_warned(client_for, fake_extractor) -> None:
    data = legacy.encode(RESOLUTION, "tcvn3")
    response = upload(client_for("planner"), data, name="cu.txt", follow=True)
    document = Document.objects.get()
    assert "Tốc độ tăng trưởng kinh tế" in document.text
    assert document.warnings
    assert any("bảng mã cũ" in m for m in messages_of(response))
