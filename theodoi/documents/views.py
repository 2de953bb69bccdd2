"""Ingest pages: document list, upload, progress, viewer with highlights, review, publish, changes.

Views parse input, call a service or selector and render; services check permissions. A
ValidationError becomes a Vietnamese message, PermissionDenied a 403.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts.permissions import can_read_all, is_planner, require_planner
from theodoi.core.files import protected_file_response
from theodoi.core.refusals import Refused
from theodoi.core.text import fold
from theodoi.documents import items as item_services
from theodoi.documents import publish as publish_services
from theodoi.documents import review, selectors
from theodoi.documents.forms import AssignmentItemForm, PlanYearForm, PublishForm, TargetItemForm, UploadForm
from theodoi.documents.highlight import Span, highlight
from theodoi.documents.models import Document, DocumentStatus, ExtractedItem, ItemKind, ItemStatus
from theodoi.documents.services import (
    document_extraction_retry,
    document_set_plan_year,
    document_upload,
    extraction_waits_for_broker,
)
from theodoi.plans.models import Indicator

log = logging.getLogger(__name__)
RUNNING = (DocumentStatus.UPLOADED, DocumentStatus.EXTRACTING)


def planner_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous callers are sent to the login page; signed-in non-planners get 403 (from the service)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require_planner(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def document_list(request: HttpRequest) -> HttpResponse:
    q, status = request.GET.get("q", ""), request.GET.get("status", "")
    documents = selectors.document_list(user=request.user, q=q, status=status).defer("text", "text_folded")
    page = Paginator(documents, 50).get_page(request.GET.get("trang"))
    return render(request, "documents/document_list.html", {
        "page": page, "documents": page.object_list, "q": q, "status": status,
        "statuses": DocumentStatus.choices if can_read_all(request.user) else [],
        "can_upload": is_planner(request.user),
    })


@planner_view
def document_upload_view(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = document_upload(
                user=request.user, name=upload.name, data=upload.read(), title=form.cleaned_data["title"]
            )
        except ValidationError as exc:
            form.add_error("file", _error_text(exc))
        else:
            document = result.document
            if not result.created:
                messages.info(request, _(
                    "Văn bản này đã được tải lên ngày %(date)s (“%(title)s”); không tải lại, không có gì thay đổi."
                ) % {"date": f"{document.uploaded_at:%d/%m/%Y}", "title": document.title})
            elif extraction_waits_for_broker(document.pk):
                messages.warning(request, _("Tài liệu đã được lưu; việc trích xuất sẽ chạy khi hàng đợi hoạt động lại."))
            else:
                messages.success(request, _("Đã tải lên “%(title)s”; đang trích xuất chỉ tiêu và nhiệm vụ.")
                                 % {"title": document.title})
                for warning in document.warnings:
                    messages.warning(request, warning)
            return redirect("documents:detail", pk=document.pk)
    if request.method == "POST" and form.errors:
        log.info("upload refused: %s", form.errors.as_json())
    return render(request, "documents/upload.html", {"form": form}, status=400 if form.errors else 200)


def _counts(document: Document) -> dict[str, Any]:
    rows = document.items.order_by().values_list("kind", "status").annotate(n=Count("pk"))
    by_kind: dict[str, int] = {}
    by_status: dict[str, int] = {}
    for kind, status, n in rows:
        by_kind[kind] = by_kind.get(kind, 0) + n
        by_status[status] = by_status.get(status, 0) + n
    return {
        "kinds": [(label, by_kind.get(value, 0)) for value, label in ItemKind.choices],
        "statuses": [(value, label, by_status.get(value, 0)) for value, label in ItemStatus.choices],
    }


def _plan_year_form(document: Document) -> PlanYearForm:
    return PlanYearForm(initial={"plan_year": document.plan_year}, auto_id="py_%s")


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get(user=request.user, pk=pk)
    return render(request, "documents/document_detail.html", {
        "document": document, "running": document.status in RUNNING, "counts": _counts(document),
        "can_review": is_planner(request.user) and document.status == DocumentStatus.REVIEW,
        "is_planner": is_planner(request.user), "sees_drafts": can_read_all(request.user),
        "plan_year_form": _plan_year_form(document),
        "next_versions": selectors.document_list(user=request.user).filter(previous_version=document),
        "targets": document.target_sources.select_related("target__indicator", "target__responsible_unit")
        .order_by("start") if document.status == DocumentStatus.PUBLISHED else [],
    })


def document_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The uploaded file itself, to whoever may see the document's page (drafts: 404 to the others)."""
    document = selectors.document_get(user=request.user, pk=pk)
    return protected_file_response(document.file, filename=document.original_name, as_attachment=True)


def document_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by htmx while the extraction job runs; reloads the page when done."""
    document = selectors.document_get(user=request.user, pk=pk)
    response = render(request, "documents/_progress.html", {"document": document, "running": document.status in RUNNING})
    if document.status not in RUNNING and _is_htmx(request):
        response["HX-Refresh"] = "true"
    return response


def _parse_span(value: str) -> Span | None:
    try:
        start, end = (int(x) for x in value.split("-", 1))
    except ValueError:
        return None
    return Span(start, end, "active") if end > start >= 0 else None


def document_viewer(request: HttpRequest, pk: int) -> HttpResponse:
    """The document's text with every extracted item marked; ?hl=start-end marks one sentence."""
    document = selectors.document_get(user=request.user, pk=pk)
    items = list(selectors.item_list(user=request.user, document=document))
    spans = selectors.item_spans(items)
    active = _parse_span(request.GET.get("hl", ""))
    if active:
        spans.append(active)
    return render(request, "documents/viewer.html", {
        "document": document, "html": highlight(document.text, spans), "active": active,
        "item_count": len(items),
    })


def _item_context(item: ExtractedItem, error: str = "") -> dict[str, Any]:
    data = item.data
    form: TargetItemForm | AssignmentItemForm | None = None
    if item.kind in (ItemKind.TARGET, ItemKind.ACTUAL):
        initial = {k: data.get(k) for k in ("indicator", "comparator", "unit", "period", "agency")}
        from theodoi.plans.formatting import format_number

        initial["value"] = format_number(data.get("value")) if data.get("value") is not None else ""
        initial["value_max"] = format_number(data["value_max"]) if data.get("value_max") is not None else ""
        initial["kind"] = item.kind
        form = TargetItemForm(initial=initial, prefix=f"i{item.pk}")
    elif item.kind == ItemKind.ASSIGNMENT:
        form = AssignmentItemForm(initial={
            "ref": data.get("ref") or "", "lead": "; ".join(data.get("lead") or []),
            "partners": "; ".join(data.get("partners") or []),
        }, prefix=f"i{item.pk}")
    value = review.confidence(item)
    return {"item": item, "form": form, "error": error, "label": selectors.item_label(item),
            "describe": selectors._describe(item), "confidence": None if value is None else round(value * 100),
            "level": review.level(item), "reasons": review.reasons(item)}


@planner_view
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    if document.status in RUNNING:
        return redirect("documents:detail", pk=pk)
    kind = request.GET.get("kind", "")
    order = request.GET.get("thu-tu", "nghi-ngo")
    items = list(selectors.item_list(user=request.user, document=document, kind=kind))
    if order == "nghi-ngo":
        items = review.by_doubt(items)
    all_items = list(selectors.item_list(user=request.user, document=document))
    return render(request, "documents/review.html", {
        "document": document, "html": highlight(document.text, selectors.item_spans(all_items)),
        "items": [_item_context(item) for item in items], "kind": kind, "kinds": ItemKind.choices,
        "counts": _counts(document), "indicators": Indicator.objects.order_by("name").only("name", "unit"),
        "publish_form": PublishForm(), "editable": document.status == DocumentStatus.REVIEW,
        "order": order, "confident_blocks": review.blocks(all_items),
        "confident_total": sum(n for _b, n in review.blocks(all_items)),
    })


def _item_response(request: HttpRequest, item: ExtractedItem, error: str = "") -> HttpResponse:
    if _is_htmx(request):
        return render(request, "documents/_item.html", _item_context(item, error))
    if error:
        messages.error(request, error)
    return HttpResponseRedirect(reverse("documents:review", args=[item.document_id]) + f"#item-{item.pk}")


def _version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@require_POST
@planner_view
def item_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """confirm | reject | reset | edit | merge one review item, checked against the version shown."""
    item = get_object_or_404(ExtractedItem.objects.select_related("document"), pk=pk)
    version, user = _version(request), request.user
    try:
        if action in ("confirm", "reject", "reset"):
            status = {"confirm": ItemStatus.CONFIRMED, "reject": ItemStatus.REJECTED, "reset": ItemStatus.PENDING}[action]
            item = item_services.item_set_status(user=user, item_id=item.pk, status=status, expected_version=version)
        elif action == "edit":
            form_class = AssignmentItemForm if item.kind == ItemKind.ASSIGNMENT else TargetItemForm
            form = form_class(request.POST, prefix=f"i{item.pk}")
            if not form.is_valid():
                errors = "; ".join(f"{form.fields[f].label}: {' '.join(str(m) for m in e)}" for f, e in form.errors.items())
                return _item_response(request, item, errors)
            item = item_services.item_update(
                user=user, item_id=item.pk, changes=form.cleaned_data, expected_version=version
            )
        elif action == "merge":
            name = request.POST.get("indicator_name", "").strip()
            indicator = Indicator.objects.filter(name_folded=fold(name)).first() if name else None
            if name and indicator is None:
                raise ValidationError(_("Không có chỉ tiêu “%(name)s” trong danh mục; chọn một tên trong danh sách "
                                        "hoặc để trống để tạo chỉ tiêu mới.") % {"name": name})
            item = item_services.item_merge(
                user=user, item_id=item.pk, indicator_id=indicator.pk if indicator else None, expected_version=version
            )
        else:
            raise ValidationError(_("Thao tác không hợp lệ."))
    except ValidationError as exc:
        item.refresh_from_db()
        return _item_response(request, item, _error_text(exc))
    return _item_response(request, item)


@require_POST
@planner_view
def confirm_confident(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    section = request.POST.get("block")
    try:
        count = review.document_confirm_confident(user=request.user, document=document,
                                                  section=None if section is None or section == "*" else section)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Đã xác nhận %(n)s mục có độ tin cậy cao.") % {"n": count})
    return redirect("documents:review", pk=pk)


@require_POST
@planner_view
def confirm_all(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    try:
        count = item_services.document_confirm_all(user=request.user, document=document)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Đã xác nhận %(n)s mục.") % {"n": count})
    return redirect("documents:review", pk=pk)


@require_POST
@planner_view
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kế hoạch đã chọn không hợp lệ."))
        return redirect("documents:review", pk=pk)
    try:
        plan = publish_services.document_publish(user=request.user, document=document, plan=form.cleaned_data["plan"])
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
        target = "documents:detail" if document.status == DocumentStatus.PUBLISHED else "documents:review"
        return redirect(target, pk=pk)
    messages.success(request, _("Đã công bố văn bản vào “%(plan)s”.") % {"plan": plan.name})
    return redirect("documents:detail", pk=pk)


def document_changes(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    document = selectors.document_get(user=request.user, pk=pk)
    if not can_read_all(request.user):
        raise PermissionDenied(_("Chỉ chuyên viên kế hoạch và lãnh đạo xem được so sánh các phiên bản."))
    return render(request, "documents/changes.html", {
        "document": document, "changes": selectors.document_changes(document=document),
    })


@require_POST
@planner_view
def retry_extraction(request: HttpRequest, pk: int) -> HttpResponse:
    """Run the extractor again (after a failure, a better extractor, or a stuck job); reviewed items are kept."""
    document = get_object_or_404(Document, pk=pk)
    try:
        document_extraction_retry(user=request.user, document=document)
    except Refused as exc:
        messages.error(request, exc.message)
        return redirect("documents:detail", pk=pk)
    messages.info(request, _("Đang trích xuất lại; các mục đã xác nhận hoặc loại bỏ được giữ nguyên."))
    return redirect("documents:detail", pk=pk)


@require_POST
@planner_view
def set_plan_year(request: HttpRequest, pk: int) -> HttpResponse:
    """The planner's correction of the year a document's targets are for."""
    document = get_object_or_404(Document, pk=pk)
    form = PlanYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("documents:detail", pk=pk)
    try:
        document_set_plan_year(user=request.user, document=document, plan_year=form.cleaned_data["plan_year"])
    except Refused as exc:
        messages.error(request, exc.message)
        return redirect("documents:detail", pk=pk)
    messages.success(request, _("Đã lưu năm kế hoạch của văn bản."))
    return redirect("documents:detail", pk=pk)
