"""Forms of the ingest and review screens. Messages people see are Vietnamese (translated to en)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from theodoi.plans.models import Comparator, Indicator, Plan


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp văn bản (.txt, .docx, .pdf)"))
    title = forms.CharField(label=_("Tên văn bản (không bắt buộc)"), max_length=500, required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            limit_mb = settings.UPLOAD_MAX_BYTES / 1024 / 1024
            raise forms.ValidationError(_("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": f"{limit_mb:.0f}"})
        if upload.size == 0:
            raise forms.ValidationError(_("Tệp rỗng: không có nội dung."))
        return upload


class TargetItemForm(forms.Form):
    indicator = forms.CharField(label=_("Chỉ tiêu"), max_length=500)
    comparator = forms.ChoiceField(label=_("So sánh"), choices=Comparator.choices)
    value = forms.CharField(label=_("Giá trị"), max_length=40)
    value_max = forms.CharField(label=_("Đến"), max_length=40, required=False)
    unit = forms.CharField(label=_("Đơn vị tính"), max_length=100, required=False)
    period = forms.CharField(label=_("Kỳ"), max_length=20, required=False)
    agency = forms.CharField(label=_("Đơn vị chịu trách nhiệm"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("Loại"), choices=[("target", _("Chỉ tiêu")), ("actual", _("Kết quả thực hiện"))])


class AssignmentItemForm(forms.Form):
    ref = forms.CharField(label=_("Mục"), max_length=20, required=False)
    lead = forms.CharField(label=_("Chủ trì (cách nhau bởi ;)"), max_length=500)
    partners = forms.CharField(label=_("Phối hợp (cách nhau bởi ;)"), max_length=1000, required=False)


class PublishForm(forms.Form):
    plan = forms.ModelChoiceField(
        label=_("Công bố vào kế hoạch"), queryset=Plan.objects.order_by("-year_start", "kind"), required=False,
        empty_label=_("Tự động: kế hoạch năm của văn bản (tạo mới nếu chưa có)"),
    )


def indicator_choices() -> list[tuple[int, str]]:
    return [(i.pk, f"{i.name} ({i.unit})" if i.unit else i.name) for i in Indicator.objects.order_by("name")]


class PlanYearForm(forms.Form):
    """The plan year of a document (the year its targets are for), when the extractor got it wrong."""

    plan_year = forms.IntegerField(label=_("Năm kế hoạch"), min_value=1990, max_value=2100, required=False,
                                   widget=forms.NumberInput(attrs={"aria-label": _("Năm kế hoạch"), "style": "width:7em"}))
