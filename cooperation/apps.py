from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self):
        from cooperation.versions import connect_signals

        connect_signals()
