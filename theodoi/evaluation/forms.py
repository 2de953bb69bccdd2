"""The corrective-task form (fact, cause, action, lead agency, deadline)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.models import OrgUnit, UnitKind


class CorrectiveTaskForm(forms.Form):
    fact = forms.CharField(label=_("Tồn tại, hạn chế"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    cause = forms.CharField(label=_("Nguyên nhân"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    action = forms.CharField(label=_("Giải pháp khắc phục"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    lead_unit = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"),
        queryset=OrgUnit.objects.exclude(kind__in=[UnitKind.COLLECTIVE, UnitKind.OTHER]).order_by("name"),
    )
    deadline = forms.DateField(label=_("Thời hạn"), widget=forms.DateInput(attrs={"type": "date"}))
