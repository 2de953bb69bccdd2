"""`{% job_panel "documents.extract" document.pk %}`: a job's failure or stall, with retry and reset.

One tag for the document and report pages, so neither view needs to know about job rows.
"""

from __future__ import annotations

from typing import Any

from django import template

from theodoi.accounts.permissions import is_planner
from theodoi.jobs.selectors import job_panel as panel_of

register = template.Library()


@register.inclusion_tag("jobs/_panel.html", takes_context=True)
def job_panel(context: template.Context, kind_name: str, subject_id: int) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    data = panel_of(kind_name, subject_id)
    data.update({
        "is_planner": bool(user and is_planner(user)),
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
    })
    # A polled fragment's own URL is not a page to come back to.
    if request is not None and request.headers.get("HX-Request") == "true":
        data["next"] = request.headers.get("HX-Current-URL", "")
    return data
