"""What ties actors together: issues, pairs, agreements, projects, activities, interests."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation.documents import validate_document
from partners.models import Actor, Searchable, SearchableQuerySet
from partners.partial_dates import PartialDate, Precision, format_partial_date


def ref_field() -> models.SlugField:
    return models.SlugField(
        _("reference"),
        max_length=80,
        blank=True,
        help_text=_("A stable identifier from the dataset the record came from."),
    )


def unique_ref() -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["ref"], condition=~Q(ref=""), name="%(class)s_unique_ref"
    )


def precision_field(verbose_name: str) -> models.CharField:
    return models.CharField(verbose_name, max_length=5, choices=Precision.choices, blank=True)


def partial_date_constraints(prefix: str) -> list[models.CheckConstraint]:
    """A partial date's day and its precision are set together or not at all."""
    on, precision = f"{prefix}_on", f"{prefix}_precision"
    return [
        models.CheckConstraint(
            condition=Q(**{f"{on}__isnull": True, precision: ""})
            | Q(**{f"{on}__isnull": False}) & ~Q(**{precision: ""}),
            name=f"%(class)s_{prefix}_precision_set",
        )
    ]


def end_not_before_start(start: str, end: str) -> models.CheckConstraint:
    """An end date is stored as the last day of its period, so this holds for any precisions."""
    return models.CheckConstraint(
        condition=Q(**{f"{start}_on__isnull": True})
        | Q(**{f"{end}_on__isnull": True})
        | Q(**{f"{end}_on__gte": F(f"{start}_on")}),
        name=f"%(class)s_{end}_not_before_{start}",
        violation_error_message=_("The end cannot come before the start."),
    )


class PartialDateMixin:
    """Read `<prefix>_on` + `<prefix>_precision` pairs as PartialDate values."""

    def partial_date(self, prefix: str) -> PartialDate | None:
        day = getattr(self, f"{prefix}_on")
        precision = getattr(self, f"{prefix}_precision")
        return PartialDate.from_date(day, Precision(precision)) if day else None

    def partial_date_display(self, prefix: str, language: str | None = None) -> str:
        from django.utils.translation import get_language

        value = self.partial_date(prefix)
        return format_partial_date(value, language=language or get_language()) if value else ""


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
    author = models.CharField(_("author or publisher"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = models.URLField(_("URL"), blank=True)
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
    `field` naming the field and `value` the competing value as the source states it.
    """

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
            )
        ]

    def __str__(self) -> str:
        where = ", ".join(filter(None, [str(self.source), self.locator]))
        if self.field:
            return "%s = %s (%s)" % (self.field, self.value, where)
        return where


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


def dormancy_threshold(today: dt.date | None = None) -> dt.date:
    """The day before which a pair's last activity makes it dormant."""
    today = today or timezone.localdate()
    return today.replace(year=today.year - settings.PORTAL_DORMANT_AFTER_YEARS, day=1)


class PairQuerySet(models.QuerySet):
    def search(self, query: str) -> models.QuerySet:
        """Pairs either of whose sides matches `query` in any language or alias."""
        sides = Actor.objects.search(query).values("pk")
        return self.filter(Q(thai__in=sides) | Q(foreign__in=sides))

    def with_status(self, *, today: dt.date | None = None) -> models.QuerySet:
        """Annotate `status`: ended, dormant (no activity for the configured years) or active."""
        threshold = dormancy_threshold(today)
        return self.annotate(
            status=models.Case(
                models.When(ended_on__isnull=False, then=models.Value(Pair.Status.ENDED)),
                models.When(
                    Q(last_activity_on__lt=threshold)
                    | Q(last_activity_on__isnull=True, first_signed_on__lt=threshold),
                    then=models.Value(Pair.Status.DORMANT),
                ),
                default=models.Value(Pair.Status.ACTIVE),
                output_field=models.CharField(),
            )
        )


class Pair(models.Model):
    """A relationship between one Thai actor and one foreign actor, whatever their kinds."""

    class SuccessLevel(models.TextChoices):
        """The three levels at which a friendship-city relation succeeds (seed 000)."""

        SYMBOLIC = "symbolic", _("Symbolic: friendship and goodwill")
        CULTURAL = "cultural", _("Cultural and educational exchange")
        ECONOMIC = "economic", _("Economic linkage")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DORMANT = "dormant", _("Dormant")
        ENDED = "ended", _("Ended")

    thai = models.ForeignKey(
        Actor, verbose_name=_("Thai side"), on_delete=models.PROTECT, related_name="pairs_as_thai"
    )
    foreign = models.ForeignKey(
        Actor,
        verbose_name=_("foreign side"),
        on_delete=models.PROTECT,
        related_name="pairs_as_foreign",
    )
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="pairs"
    )
    success_level = models.CharField(
        _("success level"), max_length=10, choices=SuccessLevel.choices, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    # Derived from the pair's agreements and activities by services.pair_refresh().
    first_signed_on = models.DateField(_("first signed"), null=True, blank=True, editable=False)
    last_activity_on = models.DateField(_("last activity"), null=True, blank=True, editable=False)
    ended_on = models.DateField(_("ended"), null=True, blank=True, editable=False)

    objects = PairQuerySet.as_manager()

    class Meta:
        ordering = ["first_signed_on", "pk"]
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")
        constraints = [
            models.UniqueConstraint(
                fields=["thai", "foreign"],
                name="%(class)s_unique_sides",
                violation_error_message=_("These two actors are already a pair."),
            ),
            models.CheckConstraint(
                condition=~Q(thai=F("foreign")),
                name="%(class)s_two_different_actors",
                violation_error_message=_("An actor cannot be paired with itself."),
            ),
        ]

    def __str__(self) -> str:
        return "%s – %s" % (self.thai, self.foreign)

    def get_absolute_url(self) -> str:
        return reverse("admin:cooperation_pair_change", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        thai, foreign = getattr(self, "thai", None), getattr(self, "foreign", None)
        if thai is None or foreign is None:
            return
        if thai.pk == foreign.pk:
            raise ValidationError(_("An actor cannot be paired with itself."))
        if thai.country != "TH":
            raise ValidationError(
                {
                    "thai": _("%(actor)s is not Thai: the Thai side must be a Thai actor.")
                    % {"actor": thai}
                }
            )
        if foreign.country == "TH":
            raise ValidationError(
                {
                    "foreign": _("%(actor)s is Thai: the other side must be from another country.")
                    % {"actor": foreign}
                }
            )

    def status_on(self, today: dt.date | None = None) -> str:
        """The same rule as PairQuerySet.with_status(), for one pair already in memory."""
        if self.ended_on:
            return self.Status.ENDED
        last = self.last_activity_on or self.first_signed_on
        if last and last < dormancy_threshold(today):
            return self.Status.DORMANT
        return self.Status.ACTIVE


class Agreement(PartialDateMixin, Searchable):
    """A signed or proposed instrument between two or more parties."""

    class Kind(models.TextChoices):
        SISTER_CITY = "sister_city", _("Sister city")
        FRIENDSHIP_CITY = "friendship_city", _("Friendship city")
        CULTURAL_TWIN_CITY = "twin_city", _("Cultural twin city")
        MOU = "mou", _("Memorandum of understanding")
        LOI = "loi", _("Letter of intent")
        JOINT_MINUTES = "joint_minutes", _("Joint minutes")
        AGREEMENT = "agreement", _("Agreement")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SUBMITTED = "submitted", _("Submitted for approval")
        UNDER_REVIEW = "under_review", _("Under review")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")
        SIGNED = "signed", _("Signed")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    class DateBasis(models.TextChoices):
        SIGNING = "signing", _("Signing")
        APPROVAL = "approval", _("Approval")
        ENTRY_INTO_FORCE = "entry_into_force", _("Entry into force")
        REPORTED = "reported", _("As reported (event not stated)")

    CITY_KINDS = frozenset({Kind.SISTER_CITY, Kind.FRIENDSHIP_CITY, Kind.CULTURAL_TWIN_CITY})

    search_sources = ("title",)
    required_translation = "title"

    ref = ref_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("pair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("Set for a bilateral agreement; empty for one with three or more parties."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SIGNED
    )
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    signed_precision = precision_field(_("precision of signing date"))
    signed_basis = models.CharField(
        _("the date marks"), max_length=20, choices=DateBasis.choices, default=DateBasis.SIGNING
    )
    valid_from_on = models.DateField(_("valid from"), null=True, blank=True)
    valid_from_precision = precision_field(_("precision of start"))
    valid_until_on = models.DateField(_("valid until"), null=True, blank=True)
    valid_until_precision = precision_field(_("precision of end"))
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="agreements"
    )
    parties = models.ManyToManyField(
        Actor, through="AgreementParty", verbose_name=_("parties"), related_name="agreements"
    )
    citations = GenericRelation(Citation)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        ordering = ["signed_on", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        # Who may move an agreement along its lifecycle (cooperation/workflow.py).
        permissions = [
            ("submit_agreement", _("Can submit agreements and record their signing and end")),
            ("review_agreement", _("Can review, approve or return submitted agreements")),
        ]
        constraints = [
            unique_ref(),
            *partial_date_constraints("signed"),
            *partial_date_constraints("valid_from"),
            *partial_date_constraints("valid_until"),
            end_not_before_start("valid_from", "valid_until"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:cooperation_agreement_change", args=[self.pk])


class AgreementParty(models.Model):
    """One actor's part in an agreement."""

    class Role(models.TextChoices):
        SIGNATORY = "signatory", _("Signatory")
        WITNESS = "witness", _("Witness")
        COORDINATOR = "coordinator", _("Coordinator")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="party_set"
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.PROTECT, related_name="agreement_parts"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SIGNATORY)

    class Meta:
        ordering = ["agreement", "pk"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "actor"],
                name="%(class)s_unique_actor",
                violation_error_message=_("This actor is already a party to the agreement."),
            )
        ]

    def __str__(self) -> str:
        return "%s (%s)" % (self.actor, self.get_role_display())


class ApprovalStep(PartialDateMixin, models.Model):
    """One step of an agreement's lifecycle: which status it entered, when, by whom, and why.

    Steps written by cooperation.workflow carry the user who took them and when; steps entered by
    hand or loaded from the report may name only the body that decided and a partial date.
    """

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned with comments")
        REFUSED = "refused", _("Refused")
        SIGNED = "signed", _("Signed")
        ACTIVE = "active", _("In force")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="approval_steps",
    )
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    body = models.ForeignKey(
        Actor,
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approval_steps",
        help_text=_("The body that received or decided, e.g. the Ministry of Interior."),
    )
    taken_on = models.DateField(_("date"), null=True, blank=True)
    taken_precision = precision_field(_("precision of date"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approval_steps",
    )
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True, editable=False)
    document = models.FileField(
        _("document"),
        upload_to="approval-documents/%Y/%m/",
        blank=True,
        validators=[validate_document],
        help_text=_("A PDF or an image (PNG, JPEG, WebP); visible to staff only."),
    )

    class Meta:
        ordering = ["agreement", "taken_on", "pk"]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        constraints = [*partial_date_constraints("taken")]

    def __str__(self) -> str:
        return "%s: %s" % (self.get_step_display(), self.partial_date_display("taken"))

    def get_document_url(self) -> str:
        """The staff-only address of the step's document ("" without one)."""
        if not self.document:
            return ""
        return reverse("cooperation:approval_document", args=[self.pk])


class AgreementInReview(Agreement):
    """An agreement seen from the Interior Ministry reviewers' queue (submitted or under review)."""

    class Meta:
        proxy = True
        verbose_name = _("agreement awaiting review")
        verbose_name_plural = _("review queue")


class Currency(models.TextChoices):
    THB = "THB", _("Thai baht")
    JPY = "JPY", _("Japanese yen")
    USD = "USD", _("US dollar")
    EUR = "EUR", _("Euro")
    CNY = "CNY", _("Chinese yuan")


class Project(PartialDateMixin, Searchable):
    """A funded or organised undertaking with participants, a period and perhaps an amount."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        SUSPENDED = "suspended", _("Suspended")

    class AmountBasis(models.TextChoices):
        TOTAL = "total", _("Total")
        PER_YEAR = "per_year", _("Per year")

    search_sources = ("title",)
    required_translation = "title"

    ref = ref_field()
    title = models.CharField(_("title"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.COMPLETED
    )
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("pair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    starts_precision = precision_field(_("precision of start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    ends_precision = precision_field(_("precision of end"))
    amount = models.DecimalField(
        _("amount"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    amount_basis = models.CharField(
        _("amount basis"), max_length=10, choices=AmountBasis.choices, blank=True
    )
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="projects"
    )
    participants = models.ManyToManyField(
        Actor, through="ProjectParticipant", verbose_name=_("participants"), related_name="projects"
    )
    citations = GenericRelation(Citation)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            unique_ref(),
            *partial_date_constraints("starts"),
            *partial_date_constraints("ends"),
            end_not_before_start("starts", "ends"),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="%(class)s_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True, currency="", amount_basis="")
                | Q(amount__isnull=False, currency__in=Currency.values) & ~Q(amount_basis=""),
                name="%(class)s_amount_has_currency_and_basis",
                violation_error_message=_("An amount needs its currency and basis."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:cooperation_project_change", args=[self.pk])


class ProjectParticipant(models.Model):
    """One actor's role in a project."""

    class Role(models.TextChoices):
        FUNDER = "funder", _("Funder")
        IMPLEMENTER = "implementer", _("Implementer")
        BENEFICIARY = "beneficiary", _("Beneficiary")
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="participant_set",
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.PROTECT, related_name="project_parts"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "actor", "role"], name="%(class)s_unique_role"
            )
        ]

    def __str__(self) -> str:
        return "%s (%s)" % (self.actor, self.get_role_display())


class Activity(PartialDateMixin, Searchable):
    """A dated event in a relationship: a visit, an exchange, a festival, a training…"""

    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        EXCHANGE = "exchange", _("Exchange")
        FESTIVAL = "festival", _("Festival")
        TRAINING = "training", _("Training")
        FORUM = "forum", _("Forum or seminar")
        GRANT = "grant", _("Grant or donation")
        TRADE_FAIR = "trade_fair", _("Trade fair or business matching")
        MEETING = "meeting", _("Meeting")
        OPENING = "opening", _("Opening")
        OTHER = "other", _("Other")

    search_sources = ("title",)
    required_translation = "title"

    ref = ref_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("pair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    occurred_precision = precision_field(_("precision of date"))
    actors = models.ManyToManyField(
        Actor, verbose_name=_("actors"), blank=True, related_name="activities"
    )
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="activities"
    )
    citations = GenericRelation(Citation)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_on", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [unique_ref(), *partial_date_constraints("occurred")]

    def __str__(self) -> str:
        return self.title


class Interest(models.Model):
    """What an actor seeks or offers on an issue, as a survey or interview records it."""

    class Direction(models.TextChoices):
        SEEKS = "seeks", _("Seeks")
        OFFERS = "offers", _("Offers")

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="interests"
    )
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.PROTECT, related_name="interests"
    )
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    note = models.TextField(_("note"), blank=True)
    citations = GenericRelation(Citation)

    class Meta:
        ordering = ["actor", "issue", "direction"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "issue", "direction"],
                name="%(class)s_unique",
                violation_error_message=_("This interest is already recorded."),
            )
        ]

    def __str__(self) -> str:
        return "%s %s %s" % (self.actor, self.get_direction_display().lower(), self.issue)


class Tie(PartialDateMixin, models.Model):
    """A link between two actors other than an agreement: history, investment, office, route."""

    class Kind(models.TextChoices):
        HISTORICAL = "historical", _("Historical or cultural")
        INVESTMENT = "investment", _("Investment and firms")
        OFFICE = "office", _("Office or representation")
        TRANSPORT = "transport", _("Transport link")
        OTHER = "other", _("Other")

    ref = ref_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_actor = models.ForeignKey(
        Actor, verbose_name=_("from"), on_delete=models.CASCADE, related_name="ties_from"
    )
    to_actor = models.ForeignKey(
        Actor, verbose_name=_("to"), on_delete=models.CASCADE, related_name="ties_to"
    )
    description = models.TextField(_("description"), blank=True)
    figure = models.PositiveIntegerField(
        _("figure"), null=True, blank=True, help_text=_("A count the source gives, e.g. firms.")
    )
    since_on = models.DateField(_("since"), null=True, blank=True)
    since_precision = precision_field(_("precision of date"))
    citations = GenericRelation(Citation)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("tie")
        verbose_name_plural = _("ties")
        constraints = [
            unique_ref(),
            *partial_date_constraints("since"),
            models.CheckConstraint(
                condition=~Q(from_actor=F("to_actor")), name="%(class)s_two_different_actors"
            ),
        ]

    def __str__(self) -> str:
        return "%s – %s (%s)" % (self.from_actor, self.to_actor, self.get_kind_display())
