"""Reporting names in the language of the page.

``Period.label`` stays Vietnamese on purpose: it is the name filed in the DOCX and XLSX exports,
which are Vietnamese state documents. Pages show ``period_name`` instead, which is the same text
in Vietnamese and English on an English page.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from theodoi.reporting.periods import Period, PeriodKind, parse_period_key

_ROMAN = ("I", "II", "III", "IV")


def period_name(period: Period | str) -> str:
    """"Tháng 3/2021" / "Month 3/2021", "Quý II/2021" / "Quarter II/2021"…; a key that is not a
    period is shown as it is."""
    if isinstance(period, str):
        try:
            return period_name(parse_period_key(period))
        except ValueError:
            return period
    match period.kind:
        case PeriodKind.MONTHLY:
            return _("Tháng %(month)s/%(year)s") % {"month": period.index, "year": period.year}
        case PeriodKind.QUARTERLY:
            return _("Quý %(quarter)s/%(year)s") % {"quarter": _ROMAN[period.index - 1], "year": period.year}
        case PeriodKind.SEMIANNUAL:
            return _("6 tháng đầu năm %(year)s") % {"year": period.year}
        case PeriodKind.NINE_MONTH:
            return _("9 tháng năm %(year)s") % {"year": period.year}
        case _:
            return _("Năm %(year)s") % {"year": period.year}
