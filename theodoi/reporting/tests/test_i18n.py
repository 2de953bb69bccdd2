"""Pages name periods in the page's language; the exports keep the official Vietnamese label."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from theodoi.reporting.i18n import period_name
from theodoi.reporting.periods import Period, PeriodKind


@pytest.mark.parametrize(("period", "vi", "en"), [
    (Period(PeriodKind.MONTHLY, 2027, 1), "Tháng 1/2027", "Month 1/2027"),
    (Period(PeriodKind.QUARTERLY, 2026, 4), "Quý IV/2026", "Quarter IV/2026"),
    (Period(PeriodKind.SEMIANNUAL, 2026), "6 tháng đầu năm 2026", "First half of 2026"),
    (Period(PeriodKind.NINE_MONTH, 2026), "9 tháng năm 2026", "First nine months of 2026"),
    (Period(PeriodKind.ANNUAL, 2026), "Năm 2026", "Year 2026"),
])
def test_a_period_is_named_in_the_pages_language_and_vietnamese_matches_the_official_label(period, vi, en):
    with translation.override("vi"):
        assert period_name(period) == vi == period.label
        assert period_name(period.key) == vi
    with translation.override("en"):
        assert period_name(period) == en
    assert period.label == vi  # the exports' label does not follow the page


def test_the_filter_takes_a_period_or_a_key_and_leaves_other_text_alone():
    template = Template("{% load reporting_tags %}{{ p|period_label }} {{ k|period_label }} {{ x|period_label }}")
    with translation.override("en"):
        text = template.render(Context({"p": Period(PeriodKind.MONTHLY, 2027, 3), "k": "2026-Q2", "x": "abc"}))
    assert text == "Month 3/2027 Quarter II/2026 abc"
