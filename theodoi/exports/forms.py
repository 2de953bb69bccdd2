"""Forms of the report pages: the new-report form and the issue form (the edit page is built by hand)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.exports.models import ReportScope
from theodoi.plans.models import Field
from theodoi.reporting.i18n import period_name
from theodoi.reporting.periods import Period, PeriodKind, parse_period_key, periods_in_year

Choices = list[tuple[Any, Any]]


def period_choices(years: list[int]) -> Choices:
    """The periods a report can cover, by year (latest first), named as officials name them:
    "Năm 2021", "9 tháng đầu năm 2021", "6 tháng đầu năm 2021", "Quý II/2021", "Tháng 6/2021"."""
    groups: Choices = []
    for year in sorted(set(years), reverse=True):
        periods = [Period(PeriodKind.ANNUAL, year, 1), Period(PeriodKind.NINE_MONTH, year, 1),
                   Period(PeriodKind.SEMIANNUAL, year, 1)]
        periods += reversed(periods_in_year(PeriodKind.QUARTERLY, year))
        periods += reversed(periods_in_year(PeriodKind.MONTHLY, year))
        groups.append((str(year), [(p.key, period_name(p)) for p in periods]))
    return groups


def scope_choices() -> Choices:
    """One list for what the report covers: the province, a field, an agency or a district.

    Picking "Sở Y tế" says both the kind of scope and which one, so the two can never disagree
    (the form used to ask for a kind and a typed code)."""
    live = OrgUnit.objects.filter(valid_to__isnull=True).order_by("name")
    return [
        (ReportScope.PROVINCE.value, _("Toàn tỉnh")),
        (_("Lĩnh vực"), [(f"{ReportScope.FIELD}:{value}", label) for value, label in Field.choices]),
        (_("Sở, ngành"), [(f"{ReportScope.AGENCY}:{u.code}", u.name) for u in live.filter(kind=UnitKind.DEPARTMENT)]),
        (_("Huyện, thành phố"),
         [(f"{ReportScope.DISTRICT}:{u.code}", u.name) for u in live.filter(kind=UnitKind.DISTRICT)]),
    ]


def scope_value(scope: str, key: str = "") -> str:
    """The list's value for a scope given as kind and key (a dashboard link's ?scope=agency&key=so-yte)."""
    return f"{scope}:{key}" if scope and scope != ReportScope.PROVINCE and key else (scope or ReportScope.PROVINCE)


class NewReportForm(forms.Form):
    """Period and scope picked from lists; the service still validates both (API and CLI type them)."""

    period = forms.CharField(label=_("Kỳ báo cáo"), max_length=20)
    scope = forms.CharField(label=_("Phạm vi"), max_length=120)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen = str(self.data.get("period") or self.initial.get("period") or "")
        choices = period_choices(years + _year_of(chosen))
        self.fields["period"].widget = forms.Select(choices=choices)
        self.fields["scope"].widget = forms.Select(choices=scope_choices())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, _sep, key = str(data.get("scope") or ReportScope.PROVINCE).partition(":")
        data["scope"], data["scope_key"] = kind, key
        return data


def _year_of(key: str) -> list[int]:
    """A prefilled period outside the plan years still shows as chosen (a link to an old year)."""
    try:
        return [parse_period_key(key).year] if key else []
    except ValueError:
        return []


class IssueForm(forms.Form):
    number = forms.CharField(
        label=_("Số văn bản"), max_length=50, help_text=_("Ví dụ 86 (ký hiệu /BC-UBND được thêm tự động)")
    )
