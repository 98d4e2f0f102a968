"""Checks on uploaded approval documents: a PDF or an image, of bounded size, that is what it says.

Documents are stored on disk under MEDIA_ROOT with the default storage, and the portal maps no
public URL onto MEDIA_ROOT: `cooperation.document_views.approval_document` serves them to staff.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Extension -> the bytes such a file starts with, and the content type it is served with.
DOCUMENT_TYPES: dict[str, tuple[tuple[bytes, ...], str]] = {
    "pdf": ((b"%PDF-",), "application/pdf"),
    "png": ((b"\x89PNG\r\n\x1a\n",), "image/png"),
    "jpg": ((b"\xff\xd8\xff",), "image/jpeg"),
    "jpeg": ((b"\xff\xd8\xff",), "image/jpeg"),
    "webp": ((b"RIFF",), "image/webp"),
}


def document_extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def document_content_type(name: str) -> str:
    return DOCUMENT_TYPES.get(document_extension(name), ((), "application/octet-stream"))[1]


def validate_document(upload: File) -> None:
    """Refuse a file that is too large, of another type, or whose bytes contradict its name."""
    limit = settings.PORTAL_DOCUMENT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The document is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="document_too_large",
        )
    extension = document_extension(upload.name)
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Only PDF, PNG, JPEG or WebP documents are accepted, not “%(name)s”.")
            % {"name": upload.name},
            code="document_type",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    signatures, _content_type = DOCUMENT_TYPES[extension]
    if not head.startswith(signatures):
        raise ValidationError(
            _("“%(name)s” is not a %(type)s file: its content does not match its name.")
            % {"name": upload.name, "type": extension.upper()},
            code="document_content",
        )
