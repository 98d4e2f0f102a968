"""Who takes part in cooperation: localities and organisations, and what is known about them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.dates import Precision
from portal.languages import LANGUAGE_SUFFIXES, country_name
from portal.text import join_search_keys, search_key

country_code_validator = RegexValidator(
    r"^[A-Z]{2}$", _("Enter a two-letter ISO 3166-1 country code in capitals, such as TH or JP.")
)


class Searchable(models.Model):
    """A record found by `q` in any language: keeps a normalised copy of its names for search.

    Subclasses list in `search_sources` the attribute names whose values feed the search column;
    translated fields are read in every language.
    """

    search_sources: tuple[str, ...] = ()
    #: A translated field that must be given in at least one of the three languages.
    required_translation = ""

    search_text = models.TextField(_("search text"), blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = join_search_keys(*self.search_values())
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        field = self.required_translation
        if field and not any(getattr(self, f"{field}_{lang}") for lang in LANGUAGE_SUFFIXES):
            language = (get_language() or "en")[:2]
            language = language if language in LANGUAGE_SUFFIXES else "en"
            raise ValidationError(
                {
                    f"{field}_{language}": _(
                        "Give this in at least one language: Thai, English or Japanese."
                    )
                }
            )

    def search_values(self) -> list[str]:
        values = []
        for name in self.search_sources:
            localized = [getattr(self, f"{name}_{lang}", None) for lang in LANGUAGE_SUFFIXES]
            if any(v is not None for v in localized):
                values.extend(v for v in localized if v)
            else:
                values.append(getattr(self, name) or "")
        return values


class SearchableQuerySet(models.QuerySet):
    def search(self, query: str) -> models.QuerySet:
        """Filter to the records whose names in any language or aliases contain `query`."""
        key = search_key(query)
        return self.filter(search_text__contains=key) if key else self


class Tag(models.Model):
    """A geographic feature or an official designation that several actors can share."""

    class Category(models.TextChoices):
        GEOGRAPHY = "geography", _("Geography")
        DESIGNATION = "designation", _("Designation")
        HISTORY = "history", _("History")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["category", "slug"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name or self.slug


class ActorQuerySet(SearchableQuerySet):
    def within(self, place: Actor) -> models.QuerySet:
        """Return `place` and every actor under it, to any depth of `parent`."""
        ids = {place.pk}
        frontier = [place.pk]
        while frontier:
            frontier = list(
                self.model.objects.filter(parent_id__in=frontier)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            ids.update(frontier)
        return self.filter(pk__in=ids)


class ActorKind(models.TextChoices):
    """What an actor is; Thai and Japanese local-government kinds belong to their country."""

    # Thai local and regional administration.
    PROVINCE = "province", _("Thai province")
    BMA = "bma", _("Bangkok Metropolitan Administration")
    PAO = "pao", _("Provincial administrative organisation")
    CITY_MUNICIPALITY = "city_municipality", _("City municipality")
    TOWN_MUNICIPALITY = "town_municipality", _("Town municipality")
    SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality", _("Subdistrict municipality")
    SAO = "sao", _("Subdistrict administrative organisation")
    SPECIAL_CITY = "special_city", _("Special local government (Pattaya City)")
    DISTRICT = "district", _("District")
    SUBDISTRICT = "subdistrict", _("Subdistrict")
    # Japanese local government.
    PREFECTURE = "prefecture", _("Japanese prefecture")
    DESIGNATED_CITY = "designated_city", _("Designated city")
    CITY = "city", _("City")
    SPECIAL_WARD = "special_ward", _("Special ward")
    TOWN = "town", _("Town")
    VILLAGE = "village", _("Village")
    # Either country (or any other).
    FOREIGN_LOCALITY = "foreign_locality", _("Locality of another country")
    NATIONAL_GOVERNMENT = "national_government", _("National government")
    MINISTRY = "ministry", _("Ministry")
    DEPARTMENT = "department", _("Department")
    AGENCY = "agency", _("Agency")
    OFFICE = "office", _("Office")
    OFFICE_ABROAD = "office_abroad", _("Office abroad")
    ASSEMBLY = "assembly", _("Assembly")
    FIRM = "firm", _("Firm")
    BANK = "bank", _("Bank")
    UNIVERSITY = "university", _("University")
    SCHOOL = "school", _("School")
    HOSPITAL = "hospital", _("Hospital")
    ASSOCIATION = "association", _("Association")
    NPO = "npo", _("Non-profit organisation")
    COOPERATIVE = "cooperative", _("Cooperative")
    COMMUNITY = "community", _("Community or village")
    NETWORK = "network", _("Network of cities")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
    OTHER = "other", _("Other organisation")


class ActorLevel(models.TextChoices):
    """The standing of a locality, which the Interior Ministry requires partners to share."""

    REGIONAL = "regional", _("Province or prefecture")
    MUNICIPAL = "municipal", _("City")
    LOCAL = "local", _("Town, village or subdistrict")
    ADMINISTRATIVE = "administrative", _("Administrative unit without self-government")


THAI_KINDS = frozenset(
    {
        ActorKind.PROVINCE,
        ActorKind.BMA,
        ActorKind.PAO,
        ActorKind.CITY_MUNICIPALITY,
        ActorKind.TOWN_MUNICIPALITY,
        ActorKind.SUBDISTRICT_MUNICIPALITY,
        ActorKind.SAO,
        ActorKind.SPECIAL_CITY,
        ActorKind.DISTRICT,
        ActorKind.SUBDISTRICT,
    }
)
JAPANESE_KINDS = frozenset(
    {
        ActorKind.PREFECTURE,
        ActorKind.DESIGNATED_CITY,
        ActorKind.CITY,
        ActorKind.SPECIAL_WARD,
        ActorKind.TOWN,
        ActorKind.VILLAGE,
    }
)
LEVELS = {
    ActorKind.PROVINCE: ActorLevel.REGIONAL,
    ActorKind.BMA: ActorLevel.REGIONAL,
    ActorKind.PAO: ActorLevel.REGIONAL,
    ActorKind.PREFECTURE: ActorLevel.REGIONAL,
    ActorKind.CITY_MUNICIPALITY: ActorLevel.MUNICIPAL,
    ActorKind.TOWN_MUNICIPALITY: ActorLevel.MUNICIPAL,
    ActorKind.SPECIAL_CITY: ActorLevel.MUNICIPAL,
    ActorKind.DESIGNATED_CITY: ActorLevel.MUNICIPAL,
    ActorKind.CITY: ActorLevel.MUNICIPAL,
    ActorKind.SPECIAL_WARD: ActorLevel.MUNICIPAL,
    ActorKind.FOREIGN_LOCALITY: ActorLevel.MUNICIPAL,
    ActorKind.SUBDISTRICT_MUNICIPALITY: ActorLevel.LOCAL,
    ActorKind.SAO: ActorLevel.LOCAL,
    ActorKind.TOWN: ActorLevel.LOCAL,
    ActorKind.VILLAGE: ActorLevel.LOCAL,
    ActorKind.DISTRICT: ActorLevel.ADMINISTRATIVE,
    ActorKind.SUBDISTRICT: ActorLevel.ADMINISTRATIVE,
}
LOCALITY_KINDS = frozenset(LEVELS)
# Ranks order localities for the rule that a locality lies inside a wider one.
LEVEL_RANK = {
    ActorLevel.REGIONAL: 0,
    ActorLevel.MUNICIPAL: 1,
    ActorLevel.ADMINISTRATIVE: 1,
    ActorLevel.LOCAL: 2,
}


class Actor(Searchable):
    """A party to cooperation: a locality, a government body, a firm or any other organisation."""

    Kind = ActorKind
    Level = ActorLevel
    THAI_KINDS = THAI_KINDS
    JAPANESE_KINDS = JAPANESE_KINDS
    LEVELS = LEVELS
    LOCALITY_KINDS = LOCALITY_KINDS
    LEVEL_RANK = LEVEL_RANK

    search_sources = ("name", "aliases", "iso_code", "local_code")
    required_translation = "name"

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        validators=[country_code_validator],
        help_text=_("ISO 3166-1 alpha-2 code: TH, JP, CN…"),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The wider place or organisation this one belongs to."),
    )
    # Blank here so that any one language will do; clean() asks for at least one.
    name = models.CharField(_("name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other spellings and names, one per line, in any language."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Leave empty to derive it from the code or the English name."),
    )
    iso_code = models.CharField(
        _("ISO 3166-2 code"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}-[0-9A-Z]{1,3}$", _("Use the form TH-50 or JP-23."))],
    )
    local_code = models.CharField(
        _("official code"),
        max_length=8,
        blank=True,
        help_text=_(
            "Thai DOPA code (2, 4 or 6 digits) or Japanese local-government code (6 digits)."
        ),
        validators=[RegexValidator(r"^[0-9]{2,8}$", _("An official code has only digits."))],
    )
    established_on = models.DateField(_("established"), null=True, blank=True)
    established_precision = models.CharField(
        _("precision of establishment date"), max_length=5, choices=Precision.choices, blank=True
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("population year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2200)],
    )
    population_source = models.CharField(_("population source"), max_length=300, blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    area_year = models.PositiveSmallIntegerField(
        _("area year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2200)],
    )
    area_source = models.CharField(_("area source"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    coastal = models.BooleanField(_("coastal"), null=True, blank=True)
    region = models.CharField(_("region"), max_length=30, blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="actors")

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["country", "kind", "slug"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        constraints = [
            models.UniqueConstraint(
                fields=["iso_code"], condition=~Q(iso_code=""), name="%(class)s_unique_iso_code"
            ),
            models.UniqueConstraint(
                fields=["country", "local_code"],
                condition=~Q(local_code=""),
                name="%(class)s_unique_local_code",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=sorted(THAI_KINDS), country="TH")
                | Q(kind__in=sorted(JAPANESE_KINDS), country="JP")
                | ~Q(kind__in=sorted(THAI_KINDS | JAPANESE_KINDS)),
                name="%(class)s_kind_matches_country",
                violation_error_message=_("This kind of actor belongs to another country."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="%(class)s_not_own_parent",
                violation_error_message=_("An actor cannot be part of itself."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="%(class)s_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="%(class)s_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(area_km2__isnull=True) | Q(area_km2__gt=0),
                name="%(class)s_area_positive",
            ),
        ]
        indexes = [models.Index(fields=["kind", "country"])]

    def __str__(self) -> str:
        return self.name or self.name_en or self.name_th or self.name_ja or self.slug

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("admin:partners_actor_change", args=[self.pk])

    @property
    def level(self) -> str | None:
        """The locality's standing, derived from its kind; None for organisations."""
        return self.LEVELS.get(self.kind)

    @property
    def is_locality(self) -> bool:
        return self.kind in self.LOCALITY_KINDS

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def ancestors(self) -> list[Actor]:
        """Return the chain of parents, nearest first (one query per level)."""
        chain, node = [], self.parent
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain

    def clean(self) -> None:
        super().clean()
        self._clean_parent()

    def _clean_parent(self) -> None:
        parent = self.parent
        if parent is None:
            return
        if self.pk and (parent.pk == self.pk or self in parent.ancestors()):
            raise ValidationError({"parent": _("An actor cannot be part of itself.")})
        if not (self.is_locality and parent.is_locality):
            return
        if parent.country != self.country:
            raise ValidationError(
                {
                    "parent": _(
                        "%(kind)s cannot lie inside %(parent)s, which is in %(parent_country)s."
                    )
                    % {
                        "kind": self.get_kind_display(),
                        "parent": parent,
                        "parent_country": country_name(parent.country),
                    }
                }
            )
        if self.LEVEL_RANK[self.level] <= self.LEVEL_RANK[parent.level] and not (
            self.kind == self.Kind.SUBDISTRICT and parent.kind == self.Kind.DISTRICT
        ):
            raise ValidationError(
                {
                    "parent": _("%(kind)s cannot lie inside %(parent)s (%(parent_kind)s).")
                    % {
                        "kind": self.get_kind_display(),
                        "parent": parent,
                        "parent_kind": parent.get_kind_display(),
                    }
                }
            )

    def _unique_slug(self) -> str:
        base = slugify(self.iso_code or self.name_en or "") or f"{self.country.lower()}-actor"
        slug, n = base[:110], 2
        while Actor.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base[:110]}-{n}", n + 1
        return slug
