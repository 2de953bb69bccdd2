from django.contrib import admin

from theodoi.accounts.models import Membership, OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "parent", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "name_folded")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
