from __future__ import annotations

from typing import Any

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from theodoi.accounts import services
from theodoi.accounts.forms import TokenForm
from theodoi.accounts.models import ApiToken, Membership, OrgUnit


class AuditedAdmin(admin.ModelAdmin):
    """Saves and deletions of /admin (the form, its many-to-many fields, its inlines, the bulk
    delete action, list_editable) go through ``accounts.services.admin_save`` / ``admin_delete``:
    the permission check and one audit event per row, as every other write of the app has.

    Every registered admin is either this (or a subclass whose writes call a business service that
    audits) or read-only: ``accounts/tests/test_admin_registry.py`` fails on a plain ModelAdmin."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        save_m2m = getattr(form, "save_m2m", None)
        services.admin_save(actor=request.user, instance=obj, created=not change, save_m2m=save_m2m)
        form._m2m_saved = save_m2m is not None

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """As Django's, less the many-to-many save that ``save_model`` did inside its audit."""
        if not getattr(form, "_m2m_saved", False):
            form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.admin_delete(actor=request.user, instance=obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            services.admin_delete(actor=request.user, instance=obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for obj in formset.save(commit=False):
            services.admin_save(actor=request.user, instance=obj, created=obj.pk is None)
        for obj in formset.deleted_objects:
            services.admin_delete(actor=request.user, instance=obj)
        formset.save_m2m()


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never written: the rows change only through a business service (named in each
    subclass's docstring), which checks and audits what an edit here would skip."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    """An inline shown for reading only (the rows have their own service)."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ("name", "short_name", "code", "kind", "parent", "valid_to", "successor")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "name_folded", "code")
    autocomplete_fields = ("parent", "successor")
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
    search_fields = ("user__username", "user__last_name", "unit__name")
    autocomplete_fields = ("user", "unit")


class AuditedPasswordForm(AdminPasswordChangeForm):
    """The admin's "change password" form sets the password but leaves the save to the admin's
    ``log_change`` (below), which saves through ``admin_save`` and so records that it changed."""

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=False)
        user._password_pending = True
        return user


class AuditedUserAdmin(AuditedAdmin, UserAdmin):  # type: ignore[misc]
    change_password_form = AuditedPasswordForm

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        if getattr(obj, "_password_pending", False):
            obj._password_pending = False
            services.admin_save(actor=request.user, instance=obj, created=False)
        return super().log_change(request, obj, message)


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AuditedUserAdmin)


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
class ApiTokenAdmin(AuditedAdmin):
    """A token is made by ``services.token_create`` (audited ``token.create``) and ended by
    ``services.tokens_revoke`` (the action, audited ``token.revoke``); it is never edited, and never
    deleted here: a deleted token would leave no trace of who could act with it until when."""

    list_display = ("user", "name", "prefix", "scopes", "created_at", "expires_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("user__username", "name", "prefix")
    readonly_fields = ("user", "name", "prefix", "scopes", "created_at", "expires_at", "revoked_at", "revoked_reason")
    actions = ("revoke",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

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


class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    """A group's permissions are roles by another name: granted and taken back with an audit event
    that lists the permission ids before and after."""


class AuditedAccessAttemptAdmin(AuditedAdmin, axes_admin.AccessAttemptAdmin):  # type: ignore[misc]
    """django-axes' failed-login counts. Deleting one is how an administrator lifts a lockout, so
    the deletion is audited (``accessattempt.delete``); the rows are never edited, and the bulk
    "clean up expired attempts" action is left out (it deletes with no trail; axes expires them
    itself when AXES_COOLOFF_TIME passes)."""

    actions: Any = ()

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AccessLogAdmin(ReadOnlyAdmin, axes_admin.AccessLogAdmin):  # type: ignore[misc]
    """Login and logout records: evidence, read only (axes writes them)."""


class AccessFailureLogAdmin(ReadOnlyAdmin, axes_admin.AccessFailureLogAdmin):  # type: ignore[misc]
    """Failed-login records: evidence, read only (axes writes them)."""


# Replace the stock admins (importing axes.admin above registered its own, whatever the app order).
for _model, _admin_class in ((Group, AuditedGroupAdmin), (AccessAttempt, AuditedAccessAttemptAdmin),
                             (AccessLog, AccessLogAdmin), (AccessFailureLog, AccessFailureLogAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _admin_class)
