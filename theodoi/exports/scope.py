"""What a consolidated report covers: its period (parsed from a key, named as a sentence names it)
and its scope (the province, one field, one agency or one district)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.core import vnformat
from theodoi.exports.models import ReportScope
from theodoi.plans.models import Field
from theodoi.reporting.periods import Period, PeriodKind, parse_period_key

PERIOD_HELP_VI = (
    "dùng dạng 2021-06 (tháng), 2021-Q2 (quý), 2021-H1 (6 tháng đầu năm), 2021-9M (9 tháng) hoặc 2021 (năm)"
)
FIELD_ORDER = [value for value, _label in Field.choices]


# -- period and scope --------------------------------------------------------------------------------
def period_parse(raw: str) -> Period:
    """A reporting period from its key ("2021-06", "2021-Q2", "2021-H1", "2021-9M", "2021")."""
    try:
        return parse_period_key(raw or "")
    except ValueError:
        raise ValidationError(
            f"Kỳ báo cáo «{raw}» không hợp lệ: {PERIOD_HELP_VI}.", code="bad_period"
        ) from None


def period_phrase(period: Period) -> str:
    """The period as a report's sentence names it: "6 tháng đầu năm 2021", "quý II năm 2021"."""
    return vnformat.period_phrase(PeriodKind(period.kind).value, period.index, period.year, in_sentence=True)


@dataclass(frozen=True)
class Scope:
    """What a report covers: the whole province, one field, one agency or one district."""

    kind: str
    key: str
    label: str  # "toàn tỉnh", "lĩnh vực kinh tế", "Sở Y tế", "huyện Đắk Hà"
    unit: OrgUnit | None = None
    field: str | None = None

    @property
    def title(self) -> str:
        """For lists: "Toàn tỉnh", "Lĩnh vực kinh tế", "Sở Y tế"."""
        return self.label[:1].upper() + self.label[1:]


def scope_resolve(scope: str, scope_key: str = "") -> Scope:
    """The scope named by the form, API or CLI; ValidationError (Vietnamese) when it names nothing."""
    kind = (scope or "").strip().lower()
    key = (scope_key or "").strip()
    if kind not in ReportScope.values:
        raise ValidationError(
            f"Phạm vi «{scope}» không hợp lệ: dùng province (toàn tỉnh), field (lĩnh vực), "
            "agency (sở, ngành) hoặc district (huyện, thành phố).",
            code="bad_scope",
        )
    if kind == ReportScope.PROVINCE:
        return Scope(kind, "", "toàn tỉnh")
    if kind == ReportScope.FIELD:
        labels = dict(Field.choices)
        if key not in labels:
            valid = ", ".join(f"{v} ({labels[v]})" for v in FIELD_ORDER)
            raise ValidationError(f"Lĩnh vực «{key}» không hợp lệ; chọn một trong: {valid}.", code="bad_scope")
        return Scope(kind, key, f"lĩnh vực {str(labels[key]).lower()}", field=key)
    unit = OrgUnit.objects.filter(code=key).first() if key else None
    if unit is None:
        what = "huyện, thành phố" if kind == ReportScope.DISTRICT else "sở, ngành"
        raise ValidationError(f"Không tìm thấy {what} có mã «{key}».", code="bad_scope")
    if kind == ReportScope.DISTRICT and unit.kind != UnitKind.DISTRICT:
        raise ValidationError(f"«{unit.name}» không phải là huyện, thành phố.", code="bad_scope")
    if kind == ReportScope.AGENCY and unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        raise ValidationError(f"«{unit.name}» là đơn vị cấp huyện, xã: chọn phạm vi district.", code="bad_scope")
    label = _district_name(unit) if kind == ReportScope.DISTRICT else unit.name
    return Scope(kind, key, label, unit=unit)


def _district_name(unit: OrgUnit) -> str:
    """ "UBND huyện Đắk Hà" → "huyện Đắk Hà"."""
    return re.sub(r"^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+", "", unit.name, flags=re.IGNORECASE)

