"""The staff-only download of an approval step's document (MEDIA_ROOT has no URL)."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from cooperation.documents import document_content_type
from cooperation.models import ApprovalStep


@staff_member_required
def approval_document(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a step's document to staff who may view approval steps; nobody else gets a URL."""
    if not request.user.has_perm("cooperation.view_approvalstep"):
        raise PermissionDenied
    step = get_object_or_404(ApprovalStep, pk=pk)
    if not step.document:
        raise Http404
    name = PurePosixPath(step.document.name).name
    response = FileResponse(
        step.document.open("rb"), filename=name, content_type=document_content_type(name)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
