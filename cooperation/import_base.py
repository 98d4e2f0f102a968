"""What every bulk import shares: natural keys, choices, amounts, partial dates, a base resource.

See cooperation/imports.py for the resources themselves and what a file may hold.
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
from import_export.declarative import ModelDeclarativeMetaclass
from import_export.instance_loaders import CachedInstanceLoader

from cooperation.models import (
    Currency,
    Issue,
)
from partners.models import Actor
from portal.dates import PartialDate, format_partial_date, parse_partial_date
from portal.forms import interface_era
from portal.text import search_key

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


class ColumnsMetaclass(ModelDeclarativeMetaclass):
    """Lets a resource name its columns once, in `Meta.fields`.

    A column that the resource reads itself, with a `read_<column>(instance, text)` method (and
    writes with `dehydrate_<column>`), gets its import-export `Field` and its place in
    `special_columns` here; every other column is a model field that import-export handles.
    """

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        columns = getattr(meta, "fields", None) or ()

        def reads_itself(column: str) -> bool:
            reader = "read_%s" % column
            return reader in attrs or any(hasattr(base, reader) for base in bases)

        attrs["special_columns"] = tuple(c for c in columns if reads_itself(c))
        for column in attrs["special_columns"]:
            attrs.setdefault(column, fields.Field(column_name=column))
        return super().__new__(mcs, name, bases, attrs)


class PortalResource(resources.ModelResource, metaclass=ColumnsMetaclass):
    """What every import shares: natural keys, per-column errors, duplicates, dry runs."""

    #: Columns parsed by `read_<column>`; derived from `Meta.fields` by ColumnsMetaclass.
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
