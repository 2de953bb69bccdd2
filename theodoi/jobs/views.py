"""Planner pages of background jobs: the list at /viec-nen/ and the retry/reset buttons.

The buttons also sit on the document and report pages (templatetags/jobs.py); they post here
with `next` so the planner comes back where they were.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.jobs import selectors, services
from theodoi.jobs.models import JobState


def job_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    state = request.GET.get("trang-thai", "")
    page = Paginator(selectors.job_list(user=request.user, state=state), 50).get_page(request.GET.get("trang"))
    rows = [{"job": job, "label": selectors.kind_label(job), "actionable": services.can_act_on(job)}
            for job in page.object_list]
    return render(request, "jobs/job_list.html", {
        "page": page, "rows": rows, "state": state,
        "states": [("stuck", _("Bị treo")), *JobState.choices],
    })


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("jobs:list")


@require_POST
def job_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        if action == "thu-lai":
            services.job_retry(user=request.user, job_id=pk)
            messages.info(request, _("Đã xếp việc nền vào hàng đợi để chạy lại."))
        elif action == "dat-lai":
            services.job_reset(user=request.user, job_id=pk)
            messages.info(request, _("Đã đặt lại việc nền; có thể bắt đầu lại từ trang của văn bản hoặc báo cáo."))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(request)
