"""The form that makes an API token, shared by the profile page and /admin."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.accounts import tokens
from theodoi.accounts.tokens import TokenScope

DAY_CHOICES = [(30, _("30 ngày")), (90, _("90 ngày")), (180, _("180 ngày")), (365, _("1 năm"))]


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Tên gợi nhớ"), max_length=100, required=False)
    scopes = forms.MultipleChoiceField(
        label=_("Phạm vi"),
        choices=TokenScope.choices,
        initial=[TokenScope.READ, TokenScope.REPORT],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một phạm vi.")},
    )
    days = forms.TypedChoiceField(
        label=_("Thời hạn"), choices=DAY_CHOICES, coerce=int, initial=tokens.DEFAULT_DAYS
    )
