"""Site-wide error views."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A JSON 404 under /api/ (a path no route matches), Django's page elsewhere.

    DRF answers JSON for the routes it owns; a path that matches no route at all never reaches it,
    and an API client must not receive an HTML page its schema does not describe.
    """
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return page_not_found(request, exception)
