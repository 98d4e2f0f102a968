"""The trilingual, hierarchical vocabulary of cooperation issues."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from partners.models import Searchable, SearchableQuerySet


class Issue(Searchable):
    """A topic of cooperation (education, investment, wastewater…), in a hierarchy."""

    search_sources = ("name", "slug")
    required_translation = "name"

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader issue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="%(class)s_not_own_parent")
        ]

    def __str__(self) -> str:
        return self.name or self.slug

    def with_descendants(self) -> list[Issue]:
        found, frontier = [self], [self.pk]
        while frontier:
            children = list(Issue.objects.filter(parent_id__in=frontier))
            found += children
            frontier = [c.pk for c in children]
        return found
