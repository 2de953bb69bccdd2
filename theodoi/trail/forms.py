"""The filter of the trail list (GET; a value that does not parse is ignored, not an error)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from theodoi.trail.labels import ACTION_LABELS, SUBJECT_LABELS
from theodoi.trail.selectors import Filters


class TrailFilterForm(forms.Form):
    loai = forms.ChoiceField(label=_("Loại đối tượng"), required=False,
                             choices=[("", _("Tất cả")), *[(k, v) for k, v in SUBJECT_LABELS.items() if k != "other"]])
    ma = forms.CharField(label=_("Mã đối tượng"), required=False, max_length=64)
    nguoi = forms.ModelChoiceField(label=_("Người thực hiện"), required=False, queryset=get_user_model().objects.none(),
                                   empty_label=_("Tất cả"))
    thao_tac = forms.ChoiceField(label=_("Thao tác"), required=False,
                                 choices=[("", _("Tất cả")), *ACTION_LABELS.items()])
    tu = forms.DateField(label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    den = forms.DateField(label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name", "username")
        self.fields["nguoi"].queryset = people  # type: ignore[attr-defined]
        self.fields["nguoi"].label_from_instance = _person  # type: ignore[attr-defined]

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        d = self.cleaned_data
        return Filters(kind=d.get("loai") or "", subject_id=(d.get("ma") or "").strip(),
                       actor_id=d["nguoi"].pk if d.get("nguoi") else None, since=d.get("tu"), until=d.get("den"),
                       action=d.get("thao_tac") or "")


def _person(user: Any) -> str:
    from theodoi.accounts.names import person_name

    return person_name(user)
