"""Writes that span several models; the admin, the loader and the API all go through these."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from cooperation.models import Activity, Agreement, AgreementParty, Citation, Pair, Source
from partners.models import Actor
from portal.languages import country_name


@dataclass(frozen=True)
class PartySpec:
    """An actor and its role, before they are saved as an AgreementParty."""

    actor: Actor
    role: str = AgreementParty.Role.SIGNATORY


def agreement_check_parties(*, kind: str, parties: Sequence[PartySpec]) -> None:
    """Refuse a set of parties that the agreement's kind does not allow.

    A sister, friendship or cultural twin-city agreement binds exactly two localities of different
    countries as signatories; other parties may only witness or coordinate.
    """
    actors = [p.actor for p in parties]
    if len({a.pk for a in actors}) != len(actors):
        raise ValidationError(_("The same actor is listed twice as a party."), code="duplicate")
    if kind not in Agreement.CITY_KINDS:
        return
    kind_label = str(Agreement.Kind(kind).label).lower()
    signatories = [p.actor for p in parties if p.role == AgreementParty.Role.SIGNATORY]
    localities = [a for a in signatories if a.is_locality]
    if len(signatories) != 2 or len(localities) != 2:
        raise ValidationError(
            _(
                "A %(kind)s agreement is signed by exactly two localities; "
                "this one has %(count)d locality signatories among %(total)d."
            )
            % {"kind": kind_label, "count": len(localities), "total": len(signatories)},
            code="city_needs_two_localities",
        )
    first, second = localities
    if first.country == second.country:
        raise ValidationError(
            _(
                "A %(kind)s agreement joins localities of two countries; "
                "%(first)s and %(second)s are both in %(country)s."
            )
            % {
                "kind": kind_label,
                "first": first,
                "second": second,
                "country": country_name(first.country),
            },
            code="city_needs_two_countries",
        )


def pair_for(*, thai: Actor, foreign: Actor) -> Pair:
    """Return the pair of these two actors, creating it if it does not exist yet."""
    pair = Pair.objects.filter(thai=thai, foreign=foreign).first()
    if pair is None:
        pair = Pair(thai=thai, foreign=foreign)
        pair.full_clean()
        pair.save()
    return pair


def pair_of_parties(parties: Sequence[PartySpec]) -> Pair | None:
    """The pair a bilateral agreement belongs to: one Thai and one foreign signatory, else none."""
    signatories = [p.actor for p in parties if p.role == AgreementParty.Role.SIGNATORY]
    thai = [a for a in signatories if a.country == "TH"]
    foreign = [a for a in signatories if a.country != "TH"]
    if len(signatories) == 2 and len(thai) == 1 and len(foreign) == 1:
        return pair_for(thai=thai[0], foreign=foreign[0])
    return None


@transaction.atomic
def agreement_save(*, agreement: Agreement, parties: Sequence[PartySpec]) -> Agreement:
    """Validate and save an agreement with exactly these parties, and attach it to its pair."""
    agreement_check_parties(kind=agreement.kind, parties=parties)
    agreement.full_clean(exclude=["pair"])
    agreement.save()
    keep = []
    for spec in parties:
        party, _created = AgreementParty.objects.update_or_create(
            agreement=agreement, actor=spec.actor, defaults={"role": spec.role}
        )
        keep.append(party.pk)
    agreement.party_set.exclude(pk__in=keep).delete()
    agreement_sync_pair(agreement)
    return agreement


def agreement_sync_pair(agreement: Agreement) -> None:
    """Attach the agreement to the pair its saved parties make, and refresh the pairs touched."""
    parties = [PartySpec(p.actor, p.role) for p in agreement.party_set.select_related("actor")]
    old_pair_id = agreement.pair_id
    agreement.pair = pair_of_parties(parties)
    if agreement.pair_id != old_pair_id:
        agreement.save(update_fields=["pair"])
    for pair_id in {old_pair_id, agreement.pair_id} - {None}:
        pair_refresh(Pair.objects.get(pk=pair_id))


SIGNED_STATUSES = (
    Agreement.Status.SIGNED,
    Agreement.Status.ACTIVE,
    Agreement.Status.EXPIRED,
    Agreement.Status.TERMINATED,
)
ENDED_STATUSES = (Agreement.Status.EXPIRED, Agreement.Status.TERMINATED)


def pair_refresh(pair: Pair) -> Pair:
    """Recompute the facts a pair derives from its agreements and activities, and save them."""
    signed = pair.agreements.filter(status__in=SIGNED_STATUSES)
    first_signed = signed.aggregate(first=Min("signed_on"))["first"]
    dates = [
        pair.activities.aggregate(last=Max("occurred_on"))["last"],
        signed.aggregate(last=Max("signed_on"))["last"],
    ]
    ended_on = None
    if signed.exists() and not signed.exclude(status__in=ENDED_STATUSES).exists():
        ended_on = signed.aggregate(end=Max("valid_until_on"))["end"]
    pair.first_signed_on = first_signed
    pair.last_activity_on = max((d for d in dates if d), default=None)
    pair.ended_on = ended_on
    pair.save(update_fields=["first_signed_on", "last_activity_on", "ended_on"])
    return pair


@transaction.atomic
def activity_save(*, activity: Activity, actors: Iterable[Actor] = ()) -> Activity:
    """Validate and save an activity, and refresh the pair whose history it extends."""
    activity.full_clean()
    activity.save()
    if actors:
        activity.actors.set(actors)
    if activity.pair_id:
        pair_refresh(activity.pair)
    return activity


def citation_add(
    *,
    record: models.Model,
    source: Source,
    locator: str = "",
    field: str = "",
    value: str = "",
    quote: str = "",
    note: str = "",
    basis: str = Citation.Basis.STATED,
) -> Citation:
    """Cite `source` for `record` (or for one value of one of its fields), once."""
    citation = Citation(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=source,
        field=field,
        value=value,
        locator=locator[:300],
        quote=quote,
        note=note,
        basis=basis,
    )
    citation.clean_fields(exclude=["content_type", "object_id", "source"])
    citation, _created = Citation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=source,
        field=field,
        value=value,
        locator=locator[:300],
        defaults={"quote": quote, "note": note, "basis": basis},
    )
    return citation
