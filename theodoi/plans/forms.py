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
