"""Bulk import of actors, agreements, projects and activities from CSV and XLSX files.

Built on django-import-export. What ministry spreadsheets hold is names, not ids, so every
relation is a natural key: an actor by slug, ISO 3166-2 code, local-government code, or its name in
any language or an alias (normalised as search normalises it); an issue by slug or name; a choice
by its code or its label in Thai, English or Japanese. Dates are partial and read in C.E., B.E.
or a Japanese era, in any digits. Amounts carry their currency ("1,200,000 THB", "¥5,000,000").

A dry run validates every row and saves nothing (so a 10,000-row preview is quick); the real
import saves row by row through the same services as the admin, each save leaving a history row,
inside one transaction: a file is imported whole or not at all. Each bad row's errors are in the
language of the person importing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.instance_loaders import CachedInstanceLoader

from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    Currency,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
)
from cooperation.services import PartySpec, activity_save, agreement_check_parties, agreement_save
from partners.forms import interface_era
from partners.models import COUNTRY_NAMES, Actor
from partners.partial_dates import PartialDate, format_partial_date, parse_partial_date
from partners.text import search_key

LIST_SEPARATOR = re.compile(r"\s*[;\n]\s*")
IMPORT_REASON = "bulk import"


def split_list(text: str) -> list[str]:
    return [part for part in LIST_SEPARATOR.split(text or "") if part]


class NaturalKeys:
    """Resolves what a spreadsheet calls a record to that record, loaded once per import."""

    def __init__(self, model: type[models.Model], key_columns: list[str], text_columns: list[str]):
        self.model = model
        self.keys: dict[str, set[int]] = {}
        rows = model.objects.values("pk", *key_columns, *text_columns)
        self.by_pk = {}
        for row in rows:
            self.by_pk[row["pk"]] = row
            for column in key_columns:
                if row[column]:
                    self.keys.setdefault(search_key(row[column]), set()).add(row["pk"])
            for column in text_columns:
                for text in (row[column] or "").splitlines():
                    if text.strip():
                        self.keys.setdefault(search_key(text), set()).add(row["pk"])
        self.objects: dict[int, models.Model] = {}

    def resolve(self, text: str, unknown: str) -> models.Model:
        """The one record `text` names; `unknown` is the message when none is known by it."""
        pks = self.keys.get(search_key(text), set())
        if not pks:
            raise ValidationError(unknown % {"name": text})
        if len(pks) > 1:
            raise ValidationError(
                _("“%(name)s” names %(count)d records; use a code or a slug.")
                % {"name": text, "count": len(pks)}
            )
        (pk,) = pks
        if pk not in self.objects:
            self.objects[pk] = self.model.objects.get(pk=pk)
        return self.objects[pk]


def actor_keys() -> NaturalKeys:
    return NaturalKeys(
        Actor,
        ["slug", "iso_code", "local_code"],
        ["name_th", "name_en", "name_ja", "aliases"],
    )


def issue_keys() -> NaturalKeys:
    return NaturalKeys(Issue, ["slug"], ["name_th", "name_en", "name_ja"])


@functools.cache
def choice_reader(choices: type[models.TextChoices]) -> dict[str, str]:
    """Map each choice's code and its label in every language to the code."""
    found = {search_key(value): value for value in choices.values}
    for language in ("th", "en", "ja"):
        with translation.override(language):
            found.update({search_key(str(label)): value for value, label in choices.choices})
    return found


def read_choice(text: str, choices: type[models.TextChoices], what: str) -> str:
    value = choice_reader(choices).get(search_key(text))
    if value is None:
        raise ValidationError(
            _("“%(value)s” is not a %(what)s; use one of: %(choices)s.")
            % {"value": text, "what": what, "choices": ", ".join(str(c.label) for c in choices)}
        )
    return value


THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
CURRENCY_WORDS = {
    "฿": "THB",
    "บาท": "THB",
    "¥": "JPY",
    "円": "JPY",
    "เยน": "JPY",
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "元": "CNY",
    "人民元": "CNY",
}
AMOUNT = re.compile(r"^(?P<before>[^\d.,-]*)(?P<number>-?[\d.,]+)(?P<after>[^\d.,]*)$")


def read_amount(text: str) -> tuple[Decimal, str]:
    """Read "1,200,000 THB", "฿1,200,000", "¥ 5000000" or "๑๒๐๐ บาท" as (amount, currency)."""
    cleaned = unicodedata.normalize("NFKC", text).translate(THAI_DIGITS).casefold()
    match = AMOUNT.match("".join(cleaned.split()))
    if not match:
        raise ValidationError(
            _("“%(value)s” is not an amount with its currency, such as 1,200,000 THB.")
            % {"value": text}
        )
    marker = (match["before"] or match["after"]).strip()
    currency = marker.upper() if marker.upper() in Currency.values else CURRENCY_WORDS.get(marker)
    if currency is None:
        raise ValidationError(
            _("“%(value)s” has no known currency; write THB, JPY, USD, EUR or CNY.")
            % {"value": text}
        )
    try:
        amount = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:
        raise ValidationError(_("“%(value)s” is not a number.") % {"value": text}) from None
    if amount < 0:
        raise ValidationError(_("An amount cannot be negative."))
    if amount.as_tuple().exponent < -2 or amount >= Decimal(10) ** 14:
        raise ValidationError(_("“%(value)s” is too large or too precise.") % {"value": text})
    return amount, currency


def write_partial(instance, prefix: str, text: str, *, end: bool = False) -> None:
    """Set `<prefix>_on` and `<prefix>_precision` from a partial date in any calendar."""
    if not text.strip():
        setattr(instance, "%s_on" % prefix, None)
        setattr(instance, "%s_precision" % prefix, "")
        return
    value = parse_partial_date(text, era=interface_era())
    setattr(instance, "%s_on" % prefix, value.last_day() if end else value.first_day())
    setattr(instance, "%s_precision" % prefix, value.precision)


def show_partial(instance, prefix: str) -> str:
    value = instance.partial_date(prefix)
    if value is None:
        return ""
    # Exports and templates use C.E. so that a file reads the same in every language.
    return format_partial_date(PartialDate(value.year, value.month, value.day), language="en")


class PortalResource(resources.ModelResource):
    """What every import shares: natural keys, per-column errors, duplicates, dry runs."""

    # Columns parsed by `read_<column>(instance, text)`; exported by `dehydrate_<column>`.
    special_columns: tuple[str, ...] = ()
    identity = "ref"
    # (start, end) partial dates of the model; None: validate with the database (full_clean).
    periods: tuple[tuple[str, str], ...] | None = None

    class Meta:
        abstract = True
        clean_model_instances = True
        instance_loader_class = CachedInstanceLoader
        skip_html_diff = True
        use_transactions = True

    def import_data(self, dataset, dry_run=False, *args, **kwargs):
        # before_import() is not told whether the run is dry; save_instance() must know.
        self.dry_run = dry_run
        return super().import_data(dataset, dry_run, *args, **kwargs)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.actors = actor_keys()
        self.issues = issue_keys()
        self.seen_identity: dict[str, int] = {}
        self.seen_signature: dict[tuple, int] = {}
        self.recorded: dict[tuple, tuple[str, str]] | None = None
        self.reason = IMPORT_REASON

    def before_import_row(self, row, **kwargs):
        self.row_number = kwargs.get("row_number")
        super().before_import_row(row, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for column in self.special_columns:
            if column not in row:
                continue
            try:
                getattr(self, "read_%s" % column)(instance, str(row[column] or "").strip())
            except ValidationError as error:
                errors.setdefault(column, []).extend(error.messages)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        key = getattr(instance, self.identity)
        first = self.seen_identity.get(key)
        if key and first is not None and first != self.row_number:
            # A repeated row is reported as that alone: checking it against the database would
            # only find the earlier row's record (when the run is not dry) under other words.
            errors["__all__"] = [
                _("Row %(row)s repeats “%(key)s” of row %(first)s.")
                % {"row": self.row_number, "key": key, "first": first}
            ]
            raise ValidationError(errors)
        try:
            if self.periods is None:
                super().validate_instance(instance, None, validate_unique)
            else:
                self.validate_in_python(instance)
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                errors.setdefault(key, messages)
        try:
            self.check_duplicates(instance)
        except ValidationError as error:
            errors.setdefault("__all__", []).extend(error.messages)
        # modeltranslation reports a per-language column's error under the bare name too.
        for key in [k for k in errors if any(o.startswith(k + "_") for o in errors)]:
            del errors[key]
        if errors:
            raise ValidationError(errors)

    def validate_in_python(self, instance) -> None:
        """full_clean() without the database: the row's constraints, checked in Python.

        Django validates each CheckConstraint with a query, five per agreement row, which made a
        10,000-row preview take minutes. The resources that set `periods` hold every one of their
        model's constraints here instead: a partial date's day and precision are always written
        together (write_partial), an amount with its currency and basis (read_amount), a
        reference is unique because a known one updates its record and a repeated one is refused
        (check_duplicates), and `periods` lists the (start, end) pairs an end may not precede.
        """
        errors = {}
        try:
            instance.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for start, end in self.periods:
            first, last = getattr(instance, "%s_on" % start), getattr(instance, "%s_on" % end)
            if first and last and last < first:
                errors.setdefault("__all__", []).append(_("The end cannot come before the start."))
        if errors:
            raise ValidationError(errors)

    def check_duplicates(self, instance) -> None:
        key = getattr(instance, self.identity)
        if not key:
            raise ValidationError(
                _("Give the row its “%(column)s”: it is how the record is found again.")
                % {"column": self.identity}
            )
        first = self.seen_identity.setdefault(key, self.row_number)
        if first != self.row_number:
            raise ValidationError(
                _("Row %(row)s repeats “%(key)s” of row %(first)s.")
                % {"row": self.row_number, "key": key, "first": first}
            )
        signature = self.signature(instance)
        if signature is None:
            return
        if self.recorded is None:
            self.recorded = self.recorded_signatures()
        twin = self.recorded.get(signature)
        if twin is not None and twin[0] != key:
            raise ValidationError(
                _("This row duplicates “%(record)s” (%(key)s), already recorded.")
                % {"record": twin[1], "key": twin[0]}
            )
        earlier = self.seen_signature.setdefault(signature, self.row_number)
        if earlier != self.row_number:
            raise ValidationError(
                _("Row %(row)s describes the same record as row %(first)s.")
                % {"row": self.row_number, "first": earlier}
            )

    def signature(self, instance) -> tuple | None:
        """What makes two rows with different identities the same record, if anything does."""
        return None

    def recorded_signatures(self) -> dict[tuple, tuple[str, str]]:
        """The signature of each record already stored -> (its identity, its name)."""
        return {}

    def save_instance(self, instance, is_create, row, **kwargs):
        # A dry run has validated everything a save would; saving and rolling back 10,000 rows
        # would only make the preview slow.
        if self.dry_run:
            return
        instance._change_reason = self.reason
        super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        if not self.dry_run:
            self.save_relations(instance, row)

    def save_relations(self, instance, row) -> None:
        """Write what the row says about the instance's related rows (after it is saved)."""

    def read_issues(self, instance, text: str) -> None:
        found, errors = [], []
        for name in split_list(text):
            try:
                found.append(self.issues.resolve(name, _("No issue is known as “%(name)s”.")))
            except ValidationError as error:
                errors += error.messages
        if errors:
            raise ValidationError(errors)
        instance._import_issues = found

    def dehydrate_issues(self, instance) -> str:
        return "; ".join(i.slug for i in instance.issues.all()) if instance.pk else ""

    def write_issues(self, instance) -> None:
        issues = getattr(instance, "_import_issues", None)
        if issues is not None:
            instance.issues.set(issues)


def translated(name: str) -> list[str]:
    return ["%s_%s" % (name, language) for language in ("th", "en", "ja")]


class ActorResource(PortalResource):
    """Actors keyed by slug; the parent by any natural key."""

    identity = "slug"
    special_columns = ("kind", "parent")
    kind = fields.Field(column_name="kind")
    parent = fields.Field(column_name="parent")

    class Meta(PortalResource.Meta):
        model = Actor
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "kind",
            "country",
            *translated("name"),
            "aliases",
            "parent",
            "iso_code",
            "local_code",
        )

    def read_kind(self, actor, text):
        actor.kind = read_choice(text, Actor.Kind, _("kind of actor"))

    def read_parent(self, actor, text):
        actor.parent = (
            self.actors.resolve(text, _("No actor is known as “%(name)s”.")) if text else None
        )

    def dehydrate_kind(self, actor):
        return actor.kind

    def dehydrate_parent(self, actor):
        return actor.parent.slug if actor.parent_id else ""

    def check_duplicates(self, actor):
        super().check_duplicates(actor)
        if actor.country and actor.country not in COUNTRY_NAMES:
            raise ValidationError(_("“%(code)s” is not a country code.") % {"code": actor.country})

    def signature(self, actor):
        name = actor.name_en or actor.name_th or actor.name_ja
        return (actor.country, actor.kind, search_key(name)) if name else None

    def recorded_signatures(self):
        found = {}
        for actor in Actor.objects.only(*translated("name"), "slug", "country", "kind"):
            for name in filter(None, (actor.name_th, actor.name_en, actor.name_ja)):
                found[(actor.country, actor.kind, search_key(name))] = (actor.slug, str(actor))
        return found


class AgreementResource(PortalResource):
    """Agreements keyed by reference; signatories and witnesses by any actor's natural key."""

    periods = (("valid_from", "valid_until"),)
    special_columns = ("kind", "status", "signed", "valid_from", "valid_until", "signatories",
                       "witnesses", "issues")  # fmt: skip
    kind = fields.Field(column_name="kind")
    status = fields.Field(column_name="status")
    signed = fields.Field(column_name="signed")
    valid_from = fields.Field(column_name="valid_from")
    valid_until = fields.Field(column_name="valid_until")
    signatories = fields.Field(column_name="signatories")
    witnesses = fields.Field(column_name="witnesses")
    issues = fields.Field(column_name="issues")

    class Meta(PortalResource.Meta):
        model = Agreement
        import_id_fields = ("ref",)
        fields = ("ref", "kind", "status", *translated("title"), "signed", "valid_from",
                  "valid_until", "signatories", "witnesses", "issues")  # fmt: skip

    def read_kind(self, agreement, text):
        agreement.kind = read_choice(text, Agreement.Kind, _("kind of agreement"))

    def read_status(self, agreement, text):
        status = read_choice(text or "proposed", Agreement.Status, _("status"))
        if status in ("submitted", "under_review", "returned", "approved"):
            raise ValidationError(
                _(
                    "An import cannot put an agreement into review: import it as proposed, "
                    "then submit it."
                )
            )
        agreement.status = status

    def read_signed(self, agreement, text):
        write_partial(agreement, "signed", text)

    def read_valid_from(self, agreement, text):
        write_partial(agreement, "valid_from", text)

    def read_valid_until(self, agreement, text):
        write_partial(agreement, "valid_until", text, end=True)

    def _parties(self, text, role):
        found, errors = [], []
        for name in split_list(text):
            try:
                found.append(
                    PartySpec(
                        self.actors.resolve(name, _("No actor is known as “%(name)s”.")), role
                    )
                )
            except ValidationError as error:
                errors += error.messages
        if errors:
            raise ValidationError(errors)
        return found

    def read_signatories(self, agreement, text):
        if not text:
            raise ValidationError(_("Name the signatories."))
        agreement._import_parties = self._parties(text, AgreementParty.Role.SIGNATORY)

    def read_witnesses(self, agreement, text):
        agreement._import_witnesses = self._parties(text, AgreementParty.Role.WITNESS)

    def parties(self, agreement) -> list[PartySpec]:
        return [*getattr(agreement, "_import_parties", []),
                *getattr(agreement, "_import_witnesses", [])]  # fmt: skip

    def validate_instance(self, agreement, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if "signatories" not in errors and "kind" not in errors:
            try:
                agreement_check_parties(kind=agreement.kind, parties=self.parties(agreement))
            except ValidationError as error:
                errors["signatories"] = error.messages
        super().validate_instance(agreement, errors, validate_unique)

    def signature(self, agreement):
        signatories = getattr(agreement, "_import_parties", None)
        if agreement.signed_on is None or not signatories:
            return None
        actors = frozenset(p.actor.pk for p in signatories)
        return (agreement.kind, agreement.signed_on.year, actors)

    def recorded_signatures(self):
        signatories: dict[int, set[int]] = {}
        for agreement_id, actor_id in AgreementParty.objects.filter(
            role=AgreementParty.Role.SIGNATORY
        ).values_list("agreement_id", "actor_id"):
            signatories.setdefault(agreement_id, set()).add(actor_id)
        return {
            (a.kind, a.signed_on.year, frozenset(signatories.get(a.pk, ()))): (a.ref, str(a))
            for a in Agreement.objects.filter(signed_on__isnull=False)
        }

    def do_instance_save(self, agreement, is_create):
        agreement_save(agreement=agreement, parties=self.parties(agreement))

    def save_relations(self, agreement, row):
        self.write_issues(agreement)

    def dehydrate_kind(self, agreement):
        return agreement.kind

    def dehydrate_status(self, agreement):
        return agreement.status

    def dehydrate_signed(self, agreement):
        return show_partial(agreement, "signed")

    def dehydrate_valid_from(self, agreement):
        return show_partial(agreement, "valid_from")

    def dehydrate_valid_until(self, agreement):
        return show_partial(agreement, "valid_until")

    def _dehydrate_role(self, agreement, role):
        if not agreement.pk:
            return ""
        return "; ".join(p.actor.slug for p in agreement.party_set.all() if p.role == role)

    def dehydrate_signatories(self, agreement):
        return self._dehydrate_role(agreement, AgreementParty.Role.SIGNATORY)

    def dehydrate_witnesses(self, agreement):
        return self._dehydrate_role(agreement, AgreementParty.Role.WITNESS)


class ProjectResource(PortalResource):
    """Projects keyed by reference; participants as "role: actor", the amount with its currency."""

    periods = (("starts", "ends"),)
    special_columns = ("status", "starts", "ends", "amount", "amount_basis", "participants",
                       "issues")  # fmt: skip
    status = fields.Field(column_name="status")
    starts = fields.Field(column_name="starts")
    ends = fields.Field(column_name="ends")
    amount = fields.Field(column_name="amount")
    amount_basis = fields.Field(column_name="amount_basis")
    participants = fields.Field(column_name="participants")
    issues = fields.Field(column_name="issues")

    class Meta(PortalResource.Meta):
        model = Project
        import_id_fields = ("ref",)
        fields = ("ref", "status", *translated("title"), "starts", "ends", "amount",
                  "amount_basis", "participants", "issues")  # fmt: skip

    def read_status(self, project, text):
        project.status = read_choice(text or "planned", Project.Status, _("status"))

    def read_starts(self, project, text):
        write_partial(project, "starts", text)

    def read_ends(self, project, text):
        write_partial(project, "ends", text, end=True)

    def read_amount(self, project, text):
        if not text:
            project.amount, project.currency = None, ""
            return
        try:
            project.amount, project.currency = read_amount(text)
        except ValidationError:
            project._amount_unread = True
            raise
        project.amount_basis = project.amount_basis or Project.AmountBasis.TOTAL

    def read_amount_basis(self, project, text):
        if getattr(project, "_amount_unread", False):
            return
        if project.amount is None:
            project.amount_basis = ""
            if text:
                raise ValidationError(_("A basis without an amount means nothing."))
            return
        project.amount_basis = read_choice(text or "total", Project.AmountBasis, _("basis"))

    def read_participants(self, project, text):
        found, errors = [], []
        for part in split_list(text):
            role, separator, name = part.partition(":")
            if not separator:
                errors.append(
                    _("Write each participant as “role: actor”, not “%(value)s”.") % {"value": part}
                )
                continue
            try:
                role = read_choice(role.strip(), ProjectParticipant.Role, _("role"))
                found.append(
                    (self.actors.resolve(name.strip(), _("No actor is known as “%(name)s”.")), role)
                )
            except ValidationError as error:
                errors += error.messages
        if errors:
            raise ValidationError(errors)
        project._import_participants = found

    def signature(self, project):
        title = project.title_en or project.title_th or project.title_ja
        return (search_key(title), project.starts_on) if title else None

    def recorded_signatures(self):
        found = {}
        for project in Project.objects.only("ref", "starts_on", *translated("title")):
            for title in filter(None, (project.title_th, project.title_en, project.title_ja)):
                found[(search_key(title), project.starts_on)] = (project.ref, str(project))
        return found

    def save_relations(self, project, row):
        participants = getattr(project, "_import_participants", None)
        if participants is not None:
            project.participant_set.all().delete()
            for actor, role in participants:
                ProjectParticipant.objects.create(project=project, actor=actor, role=role)
        self.write_issues(project)

    def dehydrate_status(self, project):
        return project.status

    def dehydrate_starts(self, project):
        return show_partial(project, "starts")

    def dehydrate_ends(self, project):
        return show_partial(project, "ends")

    def dehydrate_amount(self, project):
        return "%s %s" % (project.amount, project.currency) if project.amount is not None else ""

    def dehydrate_amount_basis(self, project):
        return project.amount_basis

    def dehydrate_participants(self, project):
        if not project.pk:
            return ""
        return "; ".join("%s: %s" % (p.role, p.actor.slug) for p in project.participant_set.all())


class ActivityResource(PortalResource):
    """Activities keyed by reference; the pair named by its two sides, "Thai side / other side"."""

    periods = ()
    special_columns = ("kind", "occurred", "pair", "actors", "issues")
    kind = fields.Field(column_name="kind")
    occurred = fields.Field(column_name="occurred")
    pair = fields.Field(column_name="pair")
    actors = fields.Field(column_name="actors")
    issues = fields.Field(column_name="issues")

    class Meta(PortalResource.Meta):
        model = Activity
        import_id_fields = ("ref",)
        fields = ("ref", "kind", *translated("title"), "occurred", "pair", "actors", "issues")

    def read_kind(self, activity, text):
        activity.kind = read_choice(text, Activity.Kind, _("kind of activity"))

    def read_occurred(self, activity, text):
        write_partial(activity, "occurred", text)

    def read_pair(self, activity, text):
        if not text:
            activity.pair = None
            return
        sides = [side.strip() for side in text.split("/")]
        if len(sides) != 2:
            raise ValidationError(
                _("Name a pair as “Thai side / other side”, not “%(value)s”.") % {"value": text}
            )
        thai = self.actors.resolve(sides[0], _("No actor is known as “%(name)s”."))
        foreign = self.actors.resolve(sides[1], _("No actor is known as “%(name)s”."))
        pair = Pair.objects.filter(thai=thai, foreign=foreign).first()
        if pair is None:
            raise ValidationError(
                _("%(thai)s and %(foreign)s are not a recorded pair.")
                % {"thai": thai, "foreign": foreign}
            )
        activity.pair = pair

    def read_actors(self, activity, text):
        found, errors = [], []
        for name in split_list(text):
            try:
                found.append(self.actors.resolve(name, _("No actor is known as “%(name)s”.")))
            except ValidationError as error:
                errors += error.messages
        if errors:
            raise ValidationError(errors)
        activity._import_actors = found

    def signature(self, activity):
        title = activity.title_en or activity.title_th or activity.title_ja
        if not title or activity.occurred_on is None:
            return None
        return (activity.kind, activity.occurred_on, search_key(title))

    def recorded_signatures(self):
        found = {}
        for activity in Activity.objects.filter(occurred_on__isnull=False).only(
            "ref", "kind", "occurred_on", *translated("title")
        ):
            for title in filter(None, (activity.title_th, activity.title_en, activity.title_ja)):
                key = (activity.kind, activity.occurred_on, search_key(title))
                found[key] = (activity.ref, str(activity))
        return found

    def do_instance_save(self, activity, is_create):
        activity_save(activity=activity, actors=getattr(activity, "_import_actors", ()))

    def save_relations(self, activity, row):
        self.write_issues(activity)

    def dehydrate_kind(self, activity):
        return activity.kind

    def dehydrate_occurred(self, activity):
        return show_partial(activity, "occurred")

    def dehydrate_pair(self, activity):
        if not activity.pair_id:
            return ""
        return "%s / %s" % (activity.pair.thai.slug, activity.pair.foreign.slug)

    def dehydrate_actors(self, activity):
        return "; ".join(a.slug for a in activity.actors.all()) if activity.pk else ""
