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

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cooperation.import_base import (
    IMPORT_REASON,
    PortalResource,
    read_amount,
    read_choice,
    show_partial,
    split_list,
    translated,
    write_partial,
)
from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    Pair,
    Project,
    ProjectParticipant,
)
from cooperation.services import PartySpec, activity_save, agreement_check_parties, agreement_save
from partners.models import Actor
from portal.languages import COUNTRY_NAMES
from portal.text import search_key

__all__ = ["IMPORT_REASON", "ActivityResource", "ActorResource", "AgreementResource",
           "ProjectResource"]  # fmt: skip


class ActorResource(PortalResource):
    """Actors keyed by slug; the parent by any natural key."""

    identity = "slug"

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
