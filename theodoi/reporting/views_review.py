"""Web pages for reviewers: the queue with bulk approve/accept/return, and a form's changes since
its last approval. Thin like ``views``: parse input, call the service or the reads, render."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from theodoi.accounts.permissions import is_planner
from theodoi.plans.models import TaskState
from theodoi.reporting import review
from theodoi.reporting.models import FormStatus
from theodoi.reporting.services import ReportingError
from theodoi.reporting.services.review import BULK_MAX_FORMS, forms_review_bulk
from theodoi.reporting.views import _form_or_403, vn


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """GET: the forms waiting for this person, filtered by status and period (plain GET parameters).
    POST: the chosen action on the ticked forms; the page then lists each form's outcome."""
    outcomes = []
    if request.method == "POST":
        try:
            ids = [int(i) for i in request.POST.getlist("form")]
            outcomes = forms_review_bulk(user=request.user, form_ids=ids, action=request.POST.get("action", ""),
                                         reason=request.POST.get("reason", ""))
        except ValueError:
            messages.error(request, _("Danh sách báo cáo gửi lên không hợp lệ."))
        except ReportingError as exc:
            messages.error(request, exc.message)
        else:
            done = sum(o.ok for o in outcomes)
            if done:
                messages.success(request, _("Đã xử lý %(done)s/%(total)s báo cáo.") % {"done": done, "total": len(outcomes)})
            if done < len(outcomes):
                left = len(outcomes) - done
                messages.error(request, ngettext("%(n)s báo cáo chưa xử lý được, xem lý do từng báo cáo.",
                                                 "%(n)s báo cáo chưa xử lý được, xem lý do từng báo cáo.", left) % {"n": left})
    status = request.GET.get("trang_thai", "")
    status = status if status in review.REVIEW_STATUSES else ""
    period = request.GET.get("ky", "").strip()[:10]
    forms, total = review.review_queue(request.user, status=status, period_key=period)
    periods = sorted({f.period_key for f in review.review_queue(request.user)[0]}, reverse=True)
    return render(request, "reporting/review.html", {
        "forms": forms, "total": total, "outcomes": outcomes, "status": status, "period": period,
        "periods": periods, "statuses": [(s.value, s.label) for s in review.REVIEW_STATUSES],
        "planner": is_planner(request.user), "max_forms": BULK_MAX_FORMS,
        "pick_all": request.GET.get("chon") == "tat-ca",  # a link, so "select all" needs no JavaScript
        "filter_query": urlencode({k: v for k, v in (("trang_thai", status), ("ky", period)) if v}),
    })


def _shown(snapshot: dict[str, str | None], key: str) -> str:
    raw = snapshot.get(key)
    if raw in (None, ""):
        return ""
    return vn(Decimal(str(raw))) if key in ("value", "estimate") else str(raw)


@login_required
def form_diff(request: HttpRequest, pk: int) -> HttpResponse:
    form = _form_or_403(request, pk)
    diff = review.form_diff(form)
    rows = [{
        "row": r, "name": r.value.target.indicator.name,
        "cells": [(key, _shown(r.before, key), _shown(r.after, key), key in r.changed_fields)
                  for key in ("value", "estimate", "comment")],
    } for r in diff.rows]
    states = dict(TaskState.choices)
    tasks = [{"row": t, "before_state": states.get(str(t.before.get("state", "")), ""),
              "after_state": states.get(str(t.after.get("state", "")), "")} for t in diff.tasks]
    return render(request, "reporting/diff.html", {
        "form": form, "diff": diff, "rows": rows, "changed": len(diff.changed), "tasks": tasks,
        "approved_now": form.status in (FormStatus.APPROVED, FormStatus.ACCEPTED, FormStatus.LOCKED),
    })
