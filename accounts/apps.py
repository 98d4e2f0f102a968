from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Who may do what: roles, API tokens, office members and the access policy."""

    name = "accounts"
    verbose_name = _("Accounts")
