"""Who may use the portal as whom: API tokens, and the organisation a partner-office user works for.

An API token is a secret per user for the REST API, of which only a hash is stored.

A token is created in the admin, which shows its secret once. A token with an `organisation` is a
partner office's: it may write only the records that organisation (or one under it) takes part in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

#: The public part of a token, before the dot, finds its row; the rest is checked by its hash.
PREFIX_BYTES = 4
SECRET_BYTES = 30
#: Writing `last_used_at` on every request would add a write to every read.
LAST_USED_RESOLUTION = dt.timedelta(minutes=5)


def token_hash(key: str) -> str:
    """Hash a whole token. The secret has 240 random bits, so a fast hash cannot be guessed back."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def authenticate(self, key: str) -> ApiToken | None:
        """Return the token whose secret is `key`, or None; expiry is the caller's to judge."""
        prefix, dot, _secret = key.partition(".")
        if not dot or not prefix:
            return None
        token = self.select_related("user", "organisation").filter(prefix=prefix).first()
        if token is None or not hmac.compare_digest(token.key_hash, token_hash(key)):
            return None
        return token


class ApiToken(models.Model):
    """A secret with which one user calls the REST API, maybe read-only or for a partner office."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("What the token is for.")
    )
    organisation = models.ForeignKey(
        "partners.Actor",
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="api_tokens",
        help_text=_(
            "For a partner office: the token may create and edit only the projects, activities "
            "and interests in which this organisation, or one under it, takes part."
        ),
    )
    read_only = models.BooleanField(
        _("read only"), default=False, help_text=_("The token may read but never write.")
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(_("key hash"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["user", "-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return "%s (%s…)" % (self.label or self.user, self.prefix)

    def set_new_key(self) -> str:
        """Give the token a fresh secret and return it; only its hash is kept."""
        self.prefix = secrets.token_hex(PREFIX_BYTES)
        key = "%s.%s" % (self.prefix, secrets.token_urlsafe(SECRET_BYTES))
        self.key_hash = token_hash(key)
        return key

    @classmethod
    def issue(
        cls,
        *,
        user,
        organisation=None,
        read_only: bool = False,
        expires_at: dt.datetime | None = None,
        label: str = "",
    ) -> tuple[ApiToken, str]:
        """Create a token and return it with its secret, which is never shown again."""
        token = cls(
            user=user,
            organisation=organisation,
            read_only=read_only,
            expires_at=expires_at,
            label=label,
        )
        key = token.set_new_key()
        token.save()
        return token, key

    def is_expired(self, now: dt.datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def touch(self, now: dt.datetime | None = None) -> None:
        """Record a use, at most once per `LAST_USED_RESOLUTION`."""
        now = now or timezone.now()
        if self.last_used_at is None or now - self.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class OfficeMember(models.Model):
    """A portal user who works for one organisation, such as a prefecture's Bangkok office.

    Users of the partner-office group see and edit, in the admin, only the projects, activities
    and interests in which this organisation (or one under it) takes part.
    """

    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="office_membership",
    )
    organisation = models.ForeignKey(
        "partners.Actor",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="office_members",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "user"]
        verbose_name = _("office member")
        verbose_name_plural = _("office members")

    def __str__(self) -> str:
        return "%s (%s)" % (self.user, self.organisation)
