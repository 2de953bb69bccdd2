"""Filter forms of the plan pages (GET; invalid values are ignored, not errors)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit
from theodoi.plans.models import Field, Plan, PublishStatus
from theodoi.plans.selectors import TargetFilters


class TargetFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm chỉ tiêu"), required=False)
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=Plan.objects.none(), required=False,
                                  empty_label=_("Tất cả kế hoạch"))
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False,
                              choices=[("", _("Tất cả lĩnh vực")), *Field.choices])
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=OrgUnit.objects.none(), required=False,
                                  empty_label=_("Tất cả đơn vị"))
    status = forms.ChoiceField(label=_("Trạng thái"), required=False,
                               choices=[("", _("Tất cả")), *PublishStatus.choices])

    def __init__(self, *args: Any, plans: Any, units: Any, show_status: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if not show_status:
            del self.fields["status"]

    def filters(self) -> TargetFilters:
        if not self.is_valid():
            return TargetFilters()
        data = self.cleaned_data
        return TargetFilters(
            plan=data["plan"].pk if data.get("plan") else None,
            field=data.get("field") or "",
            unit=data["unit"].pk if data.get("unit") else None,
            q=data.get("q") or "",
            status=data.get("status") or "",
        )


def _vn_float(raw: str, *, required: bool) -> float | None:
    from theodoi.core.vnnumber import VnNumberError, parse_vn_number

    text = (raw or "").strip()
    if not text:
        if required:
            raise forms.ValidationError(_("Cần nhập giá trị mục tiêu."))
        return None
    try:
        return float(parse_vn_number(text))
    except VnNumberError:
        raise forms.ValidationError(_("“%(text)s” không phải là một số (ví dụ: 3.500,5).") % {"text": text}) from None


class TargetCorrectForm(forms.Form):
    """The planner's correction of a target; numbers are typed the Vietnamese way (3.500,5)."""

    value = forms.CharField(label=_("Giá trị mục tiêu"), max_length=40)
    value_max = forms.CharField(label=_("Giá trị tối đa (nếu là khoảng)"), max_length=40, required=False)
    unit = forms.CharField(label=_("Đơn vị tính"), max_length=100, required=False)
    period = forms.CharField(label=_("Kỳ"), max_length=20, help_text=_("Năm, ví dụ 2021, hoặc giai đoạn 2021-2025"))
    responsible_unit = forms.ModelChoiceField(label=_("Đơn vị chịu trách nhiệm"), queryset=OrgUnit.objects.none(),
                                              required=False, empty_label=_("Chưa giao"))
    reason = forms.CharField(label=_("Lý do sửa"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_unit"].queryset = OrgUnit.objects.order_by("name")  # type: ignore[attr-defined]

    def clean_value(self) -> float | None:
        return _vn_float(self.cleaned_data.get("value", ""), required=True)

    def clean_value_max(self) -> float | None:
        return _vn_float(self.cleaned_data.get("value_max", ""), required=False)

