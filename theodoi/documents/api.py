"""Documents API: list, detail, upload, review items and their operations, publish, changes.

Reads of published documents are public; drafts and review operations follow the same
selectors and services as the web pages (planners review and publish).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from theodoi.accounts.api import optional_user
from theodoi.accounts.permissions import require, require_planner
from theodoi.core.api_inputs import Code, Id, JsonObject, Short, Version
from theodoi.core.pagination import paged
from theodoi.documents import items as item_services
from theodoi.documents import publish as publish_services
from theodoi.documents import selectors, services
from theodoi.documents.models import Document, ExtractedItem
from theodoi.plans.models import Plan

router = Router(tags=["documents"])


class DocumentOut(Schema):
    id: int
    title: str
    original_name: str
    number: str
    kind: str
    issuer: str
    signed_on: dt.date | None
    plan_year: int | None
    format: str
    size: int
    status: str
    progress: int
    error_message: str
    warnings: list[str]
    previous_version_id: int | None
    plan_id: int | None
    uploaded_at: dt.datetime
    published_at: dt.datetime | None


class DocumentDetailOut(DocumentOut):
    text: str


class UploadOut(Schema):
    created: bool
    document: DocumentOut


class ItemOut(Schema):
    id: int
    document_id: Id
    kind: str
    status: str
    version: int
    start: int
    end: int
    excerpt: str
    data: dict[str, Any]
    indicator_id: int | None
    indicator_suggested: bool


class StatusIn(Schema):
    status: Code
    version: Version | None = None


class EditIn(Schema):
    changes: JsonObject
    version: Version | None = None


class MergeIn(Schema):
    indicator_id: Id | None = None
    version: Version | None = None


class PublishIn(Schema):
    plan_id: Id | None = None


class PublishOut(Schema):
    plan_id: int
    document: DocumentOut


class CountOut(Schema):
    confirmed: int


class ChangeOut(Schema):
    kind: str
    key: str
    label: str
    before: str
    after: str


class ChangesOut(Schema):
    previous_id: int | None
    added: list[ChangeOut]
    removed: list[ChangeOut]
    changed: list[ChangeOut]


@router.get("/", response=list[DocumentOut], auth=None, summary="Văn bản (mới tải lên trước)")
@paged
def documents(request: HttpRequest, q: Short = "", status: Code = "") -> Any:
    """Paged; newest upload first, then by id (the selector's order, total thanks to the pk)."""
    return selectors.document_list(user=optional_user(request), q=q, status=status).order_by("-uploaded_at", "-pk")


@router.get("/{document_id}", response=DocumentDetailOut, auth=None, summary="Một văn bản, kèm nội dung")
def document(request: HttpRequest, document_id: Id) -> Any:
    return selectors.document_get(user=optional_user(request), pk=document_id)


@router.get("/{document_id}/items", response=list[ItemOut], auth=None, summary="Các mục trích xuất (theo vị trí trong văn bản)")
@paged
def items(request: HttpRequest, document_id: Id, kind: Code = "") -> Any:
    """Paged: a national plan yields thousands of items. In text order (start, kind, position), then id."""
    user = optional_user(request)
    found = selectors.document_get(user=user, pk=document_id)
    return selectors.item_list(user=user, document=found, kind=kind).order_by("start", "kind", "position", "pk")


@router.get("/{document_id}/changes", response=ChangesOut, auth=None, summary="Thay đổi so với phiên bản trước")
def changes(request: HttpRequest, document_id: Id) -> Any:
    from theodoi.accounts.permissions import can_read_all

    user = optional_user(request)
    found = selectors.document_get(user=user, pk=document_id)
    require(can_read_all(user), "Chỉ chuyên viên kế hoạch và lãnh đạo xem được so sánh các phiên bản.")
    result = selectors.document_changes(document=found)
    return {
        "previous_id": result.previous.pk if result.previous else None,
        "added": result.added, "removed": result.removed, "changed": result.changed,
    }


@router.post("/", response={200: UploadOut, 201: UploadOut}, summary="Tải lên văn bản (trùng tệp: không làm gì)")
def upload(request: HttpRequest, file: File[UploadedFile], title: Short = Form("")) -> Any:  # noqa: B008 (ninja reads the default as the form field)
    require_planner(request.auth)  # type: ignore[attr-defined]
    result = services.document_upload(
        user=request.auth, name=file.name or "", data=file.read(), title=title  # type: ignore[attr-defined]
    )
    return Status(201 if result.created else 200, {"created": result.created, "document": result.document})


def _item(item_id: Id) -> ExtractedItem:
    return get_object_or_404(ExtractedItem, pk=item_id)


@router.post("/items/{item_id}/status", response=ItemOut, summary="Xác nhận, loại bỏ hoặc để rà soát lại một mục")
def item_status(request: HttpRequest, item_id: Id, body: StatusIn) -> Any:
    item = _item(item_id)
    return item_services.item_set_status(
        user=request.auth, item_id=item.pk, status=body.status, expected_version=body.version  # type: ignore[attr-defined]
    )


@router.patch("/items/{item_id}", response=ItemOut, summary="Sửa một mục (và xác nhận)")
def item_edit(request: HttpRequest, item_id: Id, body: EditIn) -> Any:
    item = _item(item_id)
    return item_services.item_update(
        user=request.auth, item_id=item.pk, changes=body.changes, expected_version=body.version  # type: ignore[attr-defined]
    )


@router.post("/items/{item_id}/merge", response=ItemOut, summary="Gộp một chỉ tiêu vào danh mục có sẵn")
def item_merge(request: HttpRequest, item_id: Id, body: MergeIn) -> Any:
    item = _item(item_id)
    return item_services.item_merge(
        user=request.auth, item_id=item.pk, indicator_id=body.indicator_id, expected_version=body.version  # type: ignore[attr-defined]
    )


@router.post("/{document_id}/confirm-all", response=CountOut, summary="Xác nhận mọi mục còn chờ")
def confirm_all(request: HttpRequest, document_id: Id) -> Any:
    found = get_object_or_404(Document, pk=document_id)
    return {"confirmed": item_services.document_confirm_all(user=request.auth, document=found)}  # type: ignore[attr-defined]


@router.post("/{document_id}/publish", response=PublishOut, summary="Công bố (tất cả hoặc không gì cả)")
def publish(request: HttpRequest, document_id: Id, body: PublishIn) -> Any:
    found = get_object_or_404(Document, pk=document_id)
    plan = get_object_or_404(Plan, pk=body.plan_id) if body.plan_id else None
    result = publish_services.document_publish(user=request.auth, document=found, plan=plan)  # type: ignore[attr-defined]
    found.refresh_from_db()
    return {"plan_id": result.pk, "document": found}
