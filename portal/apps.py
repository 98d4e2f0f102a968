from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What every app shares and that knows no record: API and page plumbing, search keys, dates."""

    name = "portal"
    verbose_name = _("Portal")
