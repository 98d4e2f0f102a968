"""Admin for API tokens and office members."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from accounts.models import ApiToken, OfficeMember
from portal.admin_history import VersionCheckedAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made here; the secret is shown once, on creation, and only its hash is kept."""

    list_display = ("__str__", "user", "organisation", "read_only", "expires_at", "last_used_at")
    list_filter = ("read_only",)
    list_select_related = ("user", "organisation")
    autocomplete_fields = ("user", "organisation")
    fields = ("user", "label", "organisation", "read_only", "expires_at")
    readonly_fields = ("prefix", "created_at", "last_used_at")
    search_fields = ("label", "prefix", "user__username")

    def get_fields(self, request, obj=None):
        return self.fields if obj is None else (*self.fields, *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        key = None if change else obj.set_new_key()
        super().save_model(request, obj, form, change)
        if key:
            messages.warning(
                request,
                _(
                    "The token's key is %(key)s. Copy it now: it is not stored and will not "
                    "be shown again."
                )
                % {"key": key},
            )


@admin.register(OfficeMember)
class OfficeMemberAdmin(VersionCheckedAdmin):
    list_display = ("user", "organisation")
    list_select_related = ("user", "organisation")
    autocomplete_fields = ("user", "organisation")
