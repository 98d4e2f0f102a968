"""How often REST API callers may ask: per address when anonymous, per user with a token."""

from __future__ import annotations

from rest_framework import throttling
from rest_framework.settings import api_settings


class _SettingsRateMixin:
    """Read the rate when asked, not at import, so settings (and tests) can change it."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class PortalAnonThrottle(_SettingsRateMixin, throttling.AnonRateThrottle):
    """Limits anonymous callers per address, in the default cache (Redis when configured)."""


class PortalUserThrottle(_SettingsRateMixin, throttling.UserRateThrottle):
    """Limits token holders per user, in the default cache (Redis when configured)."""
