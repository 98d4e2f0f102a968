"""Who may call the REST API and what they may write.

- Anyone reads, throttled per address; with a token, per user.
- Ministry staff (`is_staff`) with a token, or signed in to the admin, write everything.
- A partner office's token (one with an `organisation`) creates and edits only projects,
  activities and interests in which that organisation or one under it takes part.
- Any other token (a researcher's), a read-only token and an expired one write nothing.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import exceptions, permissions

from accounts.models import ApiToken
from partners.models import Actor


def request_token(request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


def partner_organisation(request) -> Actor | None:
    """The organisation of a partner office's token, or None for any other caller."""
    token = request_token(request)
    return token.organisation if token is not None else None


def partner_actor_ids(request) -> set[int]:
    """The partner organisation and every actor under it, computed once per request."""
    cached = getattr(request, "_partner_actor_ids", None)
    if cached is None:
        organisation = partner_organisation(request)
        cached = (
            set(Actor.objects.within(organisation).values_list("pk", flat=True))
            if organisation is not None
            else set()
        )
        request._partner_actor_ids = cached
    return cached


def is_ministry_staff(request) -> bool:
    user = request.user
    return bool(user and user.is_authenticated and user.is_staff)


class PortalPermission(permissions.BasePermission):
    """Reading is open; writing follows the roles in this module's docstring.

    Views say with `partner_writable` whether partner offices may write them, and implement
    `partner_takes_part(request, obj)` to say whether an object is the office's own.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            raise exceptions.NotAuthenticated()
        token = request_token(request)
        if token is not None and token.read_only:
            self.message = _("This token is read-only.")
            return False
        if token is not None and token.organisation_id is not None:
            if request.method == "DELETE" or not getattr(view, "partner_writable", False):
                self.message = _(
                    "A partner office's token may only create and edit projects, activities "
                    "and interests."
                )
                return False
            return True
        if is_ministry_staff(request):
            return True
        self.message = _("Only ministry staff and partner offices may change records.")
        return False

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        if partner_organisation(request) is None:
            return True  # has_permission already decided for everyone but partner offices
        if view.partner_takes_part(request, obj):
            return True
        self.message = _("Your organisation does not take part in this record.")
        return False
