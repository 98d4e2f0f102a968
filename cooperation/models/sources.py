"""Where records come from: sources and the citations that point into them."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """A document, dataset, interview or web page that records come from."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        MINUTES = "minutes", _("Meeting record")
        DATASET = "dataset", _("Dataset")
        OFFICIAL_STATISTICS = "statistics", _("Official statistics")
        INTERVIEW = "interview", _("Interview")
        WEB_PAGE = "web_page", _("Web page")
        DOCUMENT = "document", _("Document")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400)
    author = models.CharField(_("author or body"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    version = models.CharField(
        _("version or edition"),
        max_length=300,
        blank=True,
        help_text=_("A package's version, a table's number or a document's edition."),
    )
    url = models.URLField(_("URL"), blank=True)
    accessed_on = models.DateField(
        _("date of access"),
        null=True,
        blank=True,
        help_text=_("When the address was last read; empty when it was never read from here."),
    )
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class CitationQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> models.QuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).select_related("source")


class Citation(models.Model):
    """Where one record, or one value of one of its fields, is stated in a source.

    When sources disagree, the record keeps one value and each source's value is kept here, with
    `field` naming the field and `value` the competing value as the source states it. `basis` says
    how far the source carries the value: it states it, the value is inferred from it (the note
    gives the reasoning), or the value comes from a source outside the report (this one).
    """

    class Basis(models.TextChoices):
        STATED = "stated", _("Stated by the source")
        INFERRED = "inferred", _("Inferred from the source")
        OUTSIDE = "outside", _("From another source")

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="citations"
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    locator = models.CharField(
        _("where in the source"),
        max_length=300,
        blank=True,
        help_text=_("Table, section, page or line numbers, e.g. Table 8.2 row 1, lines 7506-7518."),
    )
    field = models.CharField(
        _("field"), max_length=60, blank=True, help_text=_("Empty when the whole record is cited.")
    )
    value = models.CharField(
        _("value stated"),
        max_length=300,
        blank=True,
        help_text=_("The value as this source gives it, when sources disagree."),
    )
    basis = models.CharField(
        _("basis of the value"),
        max_length=10,
        choices=Basis.choices,
        default=Basis.STATED,
        help_text=_(
            "Whether the source states the value, or how else it was found (see the note)."
        ),
    )
    quote = models.TextField(_("quotation"), blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["content_type", "object_id", "field", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "source", "field", "value", "locator"],
                name="%(class)s_unique_statement",
            ),
            models.CheckConstraint(
                condition=Q(basis="stated") | ~Q(note=""),
                name="%(class)s_inferred_has_note",
                violation_error_message=_(
                    "A value that is inferred or from another source needs a note saying why."
                ),
            ),
        ]

    def __str__(self) -> str:
        where = ", ".join(filter(None, [str(self.source), self.locator]))
        if self.field:
            return "%s = %s (%s)" % (self.field, self.value, where)
        return where

    @property
    def is_stated(self) -> bool:
        return self.basis == self.Basis.STATED


def unstated_values(citations) -> dict[str, str]:
    """{field: basis} for the fields whose value a source does not state outright.

    Reads the citations already fetched (a prefetch), so that lists cost no query per row.
    """
    return {c.field: c.basis for c in citations if c.field and c.basis != Citation.Basis.STATED}
