"""Plan operations: which catalogue indicator a newly read name means, and the planner's
correction of a target (``target_correct``).

Reviewing extracted items and publishing them into a plan belong to documents (theodoi/documents/
items.py and publish.py), which depends on plans and never the reverse.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.permissions import require_planner
from theodoi.core import audit
from theodoi.core.events import send_targets_changed
from theodoi.core.refusals import Invalid
from theodoi.core.text import fold, similarity
from theodoi.plans.models import Indicator, Target

SUGGEST_THRESHOLD = 0.6
CORRECTABLE = ("value", "value_max", "unit", "period", "responsible_unit")
_PERIOD = re.compile(r"^(19|20)\d{2}(-(19|20)\d{2})?$")


def indicator_suggest(name: str, unit: str = "") -> Indicator | None:
    """The catalogue indicator a newly read name most likely means (diacritics-insensitive).

    Exact folded name or alias first; otherwise the most similar name with the same unit, if it is
    similar enough. The planner confirms or changes the suggestion.
    """
    folded = fold(name)
    if not folded:
        return None
    exact = Indicator.objects.filter(name_folded=folded).first()
    if exact:
        return exact
    best: tuple[float, Indicator | None] = (0.0, None)
    for indicator in Indicator.objects.all():
        names = [indicator.name, *indicator.aliases]
        score = max(similarity(name, other) for other in names)
        if unit and indicator.unit and fold(unit) != fold(indicator.unit):
            score -= 0.2
        if score > best[0]:
            best = (score, indicator)
    return best[1] if best[0] >= SUGGEST_THRESHOLD else None


# -- correcting a target ---------------------------------------------------------------------------
# ``target_correct``: a planner corrects a target's value, unit, period or responsible agency.
#
# Targets come from published documents; the extractor or the document itself may be wrong (a
# misread figure, a period written "2021 - 2025" as two years, the wrong agency), and the province
# corrects them with a reason. Before this there was only the Django admin, which left no trace; now
# the planner's form (``/ke-hoach/chi-tieu/<id>/sua/``) and the admin both come here, and each
# correction leaves one audit event with the fields before → after and the reason.


def correction_check(*, value: float, value_max: float | None, period: str, reason: str) -> None:
    """Refuse (``Invalid``) a correction that cannot be right; the admin's form shows the same message."""
    if not reason:
        raise Invalid("Cần ghi rõ lý do sửa chỉ tiêu (ví dụ: đọc sai số trong văn bản, văn bản điều chỉnh).")
    if not _PERIOD.match(period):
        raise Invalid("Kỳ phải là một năm (2021) hoặc một giai đoạn (2021-2025).")
    if "-" in period and int(period[:4]) > int(period[5:]):
        raise Invalid("Năm đầu của giai đoạn phải trước năm cuối.")
    if value_max is not None and value_max < value:
        raise Invalid("Giá trị tối đa phải lớn hơn hoặc bằng giá trị mục tiêu.")


def target_correct(
    *,
    user: Any,
    target: Target,
    value: float,
    value_max: float | None = None,
    unit: str = "",
    period: str,
    responsible_unit: OrgUnit | None = None,
    reason: str,
) -> Target:
    """Set the correctable fields of ``target`` to the given ones, with ``reason`` kept in the audit.

    Every correctable field is given (the form shows them all), so an unchanged field stays as is;
    a correction that changes nothing is still recorded, with the reason, since the planner
    checked the target against its source."""
    require_planner(user)
    reason, period, unit = reason.strip(), period.strip().replace(" ", ""), unit.strip()
    correction_check(value=value, value_max=value_max, period=period, reason=reason)
    with transaction.atomic():
        locked = Target.objects.select_for_update().select_related("indicator").get(pk=target.pk)
        before = audit.snapshot(locked, CORRECTABLE)
        locked.value, locked.value_max, locked.unit, locked.period = value, value_max, unit[:100], period
        locked.responsible_unit = responsible_unit
        locked.save(update_fields=list(CORRECTABLE))
        audit.record(actor=user, action="target.correct", subject=locked, before=before,
                     after=audit.snapshot(locked, CORRECTABLE), note=reason)
        send_targets_changed(sender=Target, target_ids=[locked.pk], reason="target_edited")
    target.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return target
