"""Organisation units (đơn vị) and the roles people hold in them (vai trò).

Units form a tree (province → departments/agencies; districts → communes) and carry
history: after the 2025 reform units were merged, so a unit has a validity window and a
successor, and old plans stay attributable to the unit that was named at the time.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.tokens import ALL_SCOPES, TokenScope
from theodoi.core.text import fold


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT = "district", _("Huyện, thành phố")
    COMMUNE = "commune", _("Xã, phường, thị trấn")
    PARTY = "party", _("Cơ quan Đảng")
    COLLECTIVE = "collective", _("Nhóm đơn vị")
    OTHER = "other", _("Khác")


class OrgUnit(models.Model):
    name = models.CharField(_("tên đơn vị"), max_length=255, unique=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    code = models.SlugField(_("mã"), max_length=80, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices, default=UnitKind.DEPARTMENT)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("cấp trên")
    )
    aliases = models.JSONField(_("tên gọi khác"), default=list, blank=True)
    head_title = models.CharField(_("chức danh thủ trưởng"), max_length=120, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True, default="")

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_active(self) -> bool:
        return self.valid_to is None

    def current(self) -> OrgUnit:
        """Follow successors to the unit that holds this unit's duties today."""
        unit, seen = self, {self.pk}
        while unit.successor_id and unit.successor_id not in seen:
            seen.add(unit.successor_id)
            unit = unit.successor  # type: ignore[assignment]
        return unit

    def descendant_ids(self) -> set[int]:
        """This unit and every unit below it (small trees: a province has a few hundred)."""
        ids, frontier = {self.pk}, [self.pk]
        while frontier:
            children = list(OrgUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            frontier = [c for c in children if c not in ids]
            ids.update(frontier)
        return ids


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    PLANNER = "planner", _("Chuyên viên kế hoạch")
    REPORTER = "reporter", _("Cán bộ báo cáo")
    APPROVER = "approver", _("Lãnh đạo đơn vị (phê duyệt)")
    LEADER = "leader", _("Lãnh đạo tỉnh (xem)")


class Membership(models.Model):
    """A person's role in one unit: a reporter of Sở Y tế reports for Sở Y tế only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)

    class Meta:
        unique_together = [("user", "unit", "role")]
        verbose_name = _("vai trò của người dùng")
        verbose_name_plural = _("vai trò của người dùng")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class ApiToken(models.Model):
    """A personal API token: `Authorization: Bearer <key>` acts as its user, with the user's roles,
    limited to its scopes, until it expires or is revoked.

    Only the key's digest is stored (see `theodoi.accounts.tokens`); `prefix` keeps the first few
    characters so the owner can tell tokens apart. Tokens are created by
    `accounts.services.token_create`, from the profile page and from /admin alike."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100, blank=True)
    prefix = models.CharField(_("đầu mã"), max_length=16)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.CharField(_("phạm vi"), max_length=40)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_reason = models.CharField(_("lý do thu hồi"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        constraints = [
            # A stored token always has a full digest: no row can match a blank or short key.
            models.CheckConstraint(
                condition=Exact(Length("digest"), 64), name="api_token_digest_is_sha256"
            ),
            models.CheckConstraint(condition=~models.Q(scopes=""), name="api_token_has_a_scope"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.name or self.prefix}…)"

    @property
    def scope_list(self) -> list[str]:
        return [s for s in self.scopes.split(",") if s]

    @property
    def scope_labels(self) -> list[str]:
        return [str(TokenScope(s).label) for s in self.scope_list if s in ALL_SCOPES]

    def is_usable(self, now: datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now


class AccountPreference(models.Model):
    """What a person chose for themselves that other apps read without a request: the language
    of the e-mails, digests and short messages sent to them (a reminder is written while nobody is
    looking at a page), and of the pages from sign-in on (accounts.signals; the EN/VI switch still
    changes the pages of one browser afterwards).

    Absent row = Vietnamese, the province's working language. The notifications settings page
    edits it; reporting reads it (through ``selectors.language_of``) when it writes a reminder."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="account_preference")
    language = models.CharField(_("ngôn ngữ của thư và tin nhắn"), max_length=8, choices=settings.LANGUAGES,
                                default="vi")

    class Meta:
        verbose_name = _("tùy chọn tài khoản")
        verbose_name_plural = _("tùy chọn tài khoản")

    def __str__(self) -> str:
        return f"{self.user} — {self.language}"
