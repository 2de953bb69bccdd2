"""Forms of the report pages: the new-report form and the issue form (the edit page is built by hand)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.exports.models import ReportScope


class NewReportForm(forms.Form):
    period = forms.CharField(
        label=_("Kỳ báo cáo"), max_length=20,
        help_text=_("2021-06 (tháng), 2021-Q2 (quý), 2021-H1 (6 tháng đầu năm), 2021-9M (9 tháng), 2021 (năm)"),
    )
    scope = forms.ChoiceField(label=_("Phạm vi"), choices=ReportScope.choices, initial=ReportScope.PROVINCE)
    scope_key = forms.CharField(
        label=_("Lĩnh vực hoặc mã đơn vị"), max_length=100, required=False,
        help_text=_("Lĩnh vực: economy, society, defence, party; sở, ngành hoặc huyện: mã đơn vị (ví dụ so-yte)."),
    )


class IssueForm(forms.Form):
    number = forms.CharField(
        label=_("Số văn bản"), max_length=50, help_text=_("Ví dụ 86 (ký hiệu /BC-UBND được thêm tự động)")
    )
