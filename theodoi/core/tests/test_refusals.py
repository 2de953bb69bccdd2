"""One refusal type, one answer: the API handler and the web middleware give the same status/message."""

from __future__ import annotations

import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from theodoi.core.middleware import RefusalMiddleware
from theodoi.core.refusals import Conflict, Invalid, NotAllowed, NotFound, Refused
from theodoi.exports.errors import ReportRenderError
from theodoi.investment.services import InvestmentError
from theodoi.reporting.services import FormNotEditable, ReportingError, VersionConflict


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (Invalid("Thiếu lý do."), 400, "invalid"),
        (NotAllowed("Chỉ chuyên viên kế hoạch."), 403, "not_allowed"),
        (NotFound("Không có chỉ tiêu này."), 404, "not_found"),
        (Conflict("Đã phát hành."), 409, "conflict"),
        (ReportingError("Chưa nhập giá trị."), 400, "reporting"),
        (VersionConflict("Người khác vừa lưu."), 409, "version_conflict"),
        (FormNotEditable("Đã nộp."), 409, "form_not_editable"),
        (InvestmentError("Số âm."), 400, "invalid"),
        (ReportRenderError("Thiếu LibreOffice."), 503, "render_failed"),
        (Refused("Khác.", code="x", status_code=422), 422, "x"),
    ],
)
def test_every_refusal_type_is_one_refused_with_status_code_and_message(exc, status, code):
    assert isinstance(exc, Refused)
    assert (exc.status_code, exc.code) == (status, code)
    assert str(exc) == exc.message
    assert exc.as_dict() == {"detail": exc.message, "code": code}


def _raising(exc: Exception):
    def view(request):  # type: ignore[no-untyped-def]
        raise exc

    return view


def _through_middleware(request, exc: Exception) -> HttpResponse | None:
    middleware = RefusalMiddleware(lambda r: HttpResponse())
    try:
        _raising(exc)(request)
    except Exception as raised:  # noqa: BLE001 - what Django's handler would pass to the middleware
        return middleware.process_exception(request, raised)
    return None


@pytest.mark.django_db
def test_web_refusal_becomes_a_page_with_the_status_and_the_vietnamese_message():
    request = RequestFactory().get("/plans/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = _through_middleware(request, Conflict("Chỉ tiêu đã được sửa bởi người khác."))
    assert response is not None and response.status_code == 409
    assert "Chỉ tiêu đã được sửa bởi người khác." in response.content.decode()


def test_web_refusal_from_a_script_is_json_with_the_same_fields_as_the_api():
    request = RequestFactory().post("/x", HTTP_ACCEPT="application/json")
    response = _through_middleware(request, VersionConflict("Người khác vừa lưu."))
    assert response is not None and response.status_code == 409
    assert json.loads(response.content) == {
        "error": "Người khác vừa lưu.", "detail": "Người khác vừa lưu.", "code": "version_conflict",
    }


def test_other_exceptions_are_left_to_django():
    request = RequestFactory().get("/x")
    assert _through_middleware(request, ValueError("no")) is None


@pytest.mark.django_db
def test_api_answers_a_service_refusal_with_its_status_and_detail(cast, client_for):
    from theodoi.investment.models import Project

    project = Project.objects.create(code="DA-01", name="Đường liên xã", investor=cast.health)
    response = client_for("planner").post(
        f"/api/investment/projects/{project.code}/disbursements",
        data={"year": 2025, "month": 3, "cumulative_amount": "-5"},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert response.json() == {"detail": "Số giải ngân lũy kế không được âm.", "code": "invalid"}
