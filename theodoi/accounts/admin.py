from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from theodoi.accounts import services
from theodoi.accounts.forms import TokenForm
from theodoi.accounts.models import ApiToken, Membership, OrgUnit


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "code", "kind", "parent", "valid_to", "successor")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "name_folded", "code")
    autocomplete_fields = ("parent", "successor")
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
    search_fields = ("user__username", "user__last_name", "unit__name")
    autocomplete_fields = ("user", "unit")


class ApiTokenAddForm(forms.ModelForm):
    """The add form of /admin: the owner plus the profile page's fields; the key is made by the
    service (`accounts.services.token_create`) and shown once in a message."""

    name = TokenForm.base_fields["name"]
    scopes = TokenForm.base_fields["scopes"]
    days = TokenForm.base_fields["days"]

    class Meta:
        model = ApiToken
        fields = ("user",)

    def clean_user(self) -> Any:
        user = self.cleaned_data["user"]
        if not user.is_active:
            raise ValidationError(_("Tài khoản này đã bị khóa, không thể tạo mã truy cập."))
        return user


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "scopes", "created_at", "expires_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("user__username", "name", "prefix")
    readonly_fields = ("user", "name", "prefix", "scopes", "created_at", "expires_at", "revoked_at", "revoked_reason")
    actions = ("revoke",)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = ApiTokenAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ("user", "name", "scopes", "days")
        return self.readonly_fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return () if obj is None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            return  # a token is never edited: revoke it and make another
        owner = get_user_model().objects.get(pk=form.cleaned_data["user"].pk)
        token, key = services.token_create(
            actor=request.user, owner=owner, name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"], days=form.cleaned_data["days"],
        )
        obj.pk = token.pk
        obj.__dict__.update({f.attname: getattr(token, f.attname) for f in token._meta.concrete_fields})
        messages.warning(request, _("Mã truy cập của %(user)s (chỉ hiện một lần, hãy sao chép ngay): %(key)s")
                         % {"user": owner.username, "key": key})

    @admin.action(description=gettext_lazy("Thu hồi các mã đã chọn"))
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        count = services.tokens_revoke(
            actor=request.user, token_ids=list(queryset.values_list("pk", flat=True)),
            reason=f"revoked in admin by {request.user.get_username()}",
        )
        messages.success(request, _("Đã thu hồi %(n)s mã.") % {"n": count})
