"""The lifecycle of an agreement in Thai practice, as typed services permitted by role.

proposed -> submitted (by the province or municipality) -> under review (Interior Ministry) ->
approved, or returned with comments (and then submitted again) -> signed -> in force -> expired or
terminated. Every transition writes an ApprovalStep (dated, by whom, why, with an optional
document) and one history row of the agreement whose change reason is the step's note.

Who may take a step is a permission, not a group name, so that a site can compose its own roles:
`cooperation.submit_agreement` for the locality's side (ministry editors), and
`cooperation.review_agreement` for Interior Ministry reviewers (see cooperation/roles.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.models import Agreement, ApprovalStep
from cooperation.services import agreement_sync_pair
from partners.models import Actor
from portal.dates import PartialDate

Status = Agreement.Status
SUBMIT = "cooperation.submit_agreement"
REVIEW = "cooperation.review_agreement"


@dataclass(frozen=True)
class Transition:
    """One permitted move: from which statuses, to which, and the permission it needs."""

    name: str
    label: Promise
    sources: frozenset[str]
    target: str
    permission: str
    note_required: bool = False
    # The agreement's partial date that the step's date also sets, if any.
    sets_date: str = ""


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "submit",
            gettext_lazy("Submit for approval"),
            frozenset({Status.PROPOSED, Status.RETURNED}),
            Status.SUBMITTED,
            SUBMIT,
        ),
        Transition(
            "start_review",
            gettext_lazy("Start review"),
            frozenset({Status.SUBMITTED}),
            Status.UNDER_REVIEW,
            REVIEW,
        ),
        Transition(
            "approve",
            gettext_lazy("Approve"),
            frozenset({Status.UNDER_REVIEW}),
            Status.APPROVED,
            REVIEW,
        ),
        Transition(
            "return",
            gettext_lazy("Return with comments"),
            frozenset({Status.SUBMITTED, Status.UNDER_REVIEW}),
            Status.RETURNED,
            REVIEW,
            note_required=True,
        ),
        Transition(
            "sign",
            gettext_lazy("Record signing"),
            frozenset({Status.APPROVED}),
            Status.SIGNED,
            SUBMIT,
            sets_date="signed",
        ),
        Transition(
            "activate",
            gettext_lazy("Record entry into force"),
            frozenset({Status.SIGNED}),
            Status.ACTIVE,
            SUBMIT,
            sets_date="valid_from",
        ),
        Transition(
            "expire",
            gettext_lazy("Record expiry"),
            frozenset({Status.SIGNED, Status.ACTIVE}),
            Status.EXPIRED,
            SUBMIT,
            sets_date="valid_until",
        ),
        Transition(
            "terminate",
            gettext_lazy("Record termination"),
            frozenset({Status.SIGNED, Status.ACTIVE}),
            Status.TERMINATED,
            SUBMIT,
            note_required=True,
            sets_date="valid_until",
        ),
    )
}

# Statuses that only a transition may set: an agreement entered by hand may start as proposed, or
# as a record of one signed (or in force, or ended) before the portal existed, but never as
# approved without a review.
WORKFLOW_ONLY_STATUSES = frozenset(
    {Status.SUBMITTED, Status.UNDER_REVIEW, Status.RETURNED, Status.APPROVED}
)
IN_REVIEW_STATUSES = (Status.SUBMITTED, Status.UNDER_REVIEW)


def transitions_for(*, agreement: Agreement, user: AbstractBaseUser) -> list[Transition]:
    """The transitions this user may take on this agreement now."""
    return [
        t
        for t in TRANSITIONS.values()
        if agreement.status in t.sources and user.has_perm(t.permission)
    ]


def _as_partial(on: PartialDate | dt.date) -> PartialDate:
    if isinstance(on, PartialDate):
        return on
    return PartialDate(on.year, on.month, on.day)


@transaction.atomic
def agreement_transition(
    *,
    agreement: Agreement,
    name: str,
    by: AbstractBaseUser,
    on: PartialDate | dt.date,
    note: str = "",
    document: File | None = None,
    body: Actor | None = None,
) -> ApprovalStep:
    """Move the agreement along transition `name`, or refuse and change nothing.

    Refuses with PermissionDenied when `by` lacks the transition's permission, and with
    ValidationError when the agreement is not in a status the transition leaves from, when a
    required note is missing, or when the document is not an accepted file.
    """
    transition = TRANSITIONS[name]
    if not by.has_perm(transition.permission):
        raise PermissionDenied(
            _("You may not “%(action)s”: your role does not allow it.")
            % {"action": transition.label}
        )
    # Hold the row so that two reviewers deciding at once cannot both pass the status check.
    current = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if current.status not in transition.sources:
        raise ValidationError(
            _("An agreement that is “%(status)s” cannot be moved by “%(action)s”.")
            % {"status": current.get_status_display(), "action": transition.label},
            code="transition_not_allowed",
        )
    note = note.strip()
    if transition.note_required and not note:
        raise ValidationError(
            {"note": _("Say why: “%(action)s” needs a note.") % {"action": transition.label}},
            code="note_required",
        )
    day = _as_partial(on)
    step = ApprovalStep(
        agreement=current,
        step=transition.target,
        body=body,
        taken_on=day.first_day(),
        taken_precision=day.precision,
        note=note,
        by=by,
        recorded_at=timezone.now(),
    )
    if document is not None:
        step.document = document
    step.full_clean()
    step._history_user = by
    step.save()

    update_fields = ["status"]
    current.status = transition.target
    if transition.sets_date:
        stored = day.last_day() if transition.sets_date == "valid_until" else day.first_day()
        setattr(current, "%s_on" % transition.sets_date, stored)
        setattr(current, "%s_precision" % transition.sets_date, day.precision)
        update_fields += ["%s_on" % transition.sets_date, "%s_precision" % transition.sets_date]
        if transition.sets_date == "signed":
            current.signed_basis = Agreement.DateBasis.SIGNING
            update_fields.append("signed_basis")
    current.full_clean(exclude=["pair"])
    current._history_user = by
    current._change_reason = note or str(transition.label)
    current.save(update_fields=update_fields)
    if transition.sets_date:
        agreement_sync_pair(current)
    agreement.refresh_from_db()
    return step


def _service(name: str):
    def service(
        *,
        agreement: Agreement,
        by: AbstractBaseUser,
        on: PartialDate | dt.date,
        note: str = "",
        document: File | None = None,
        body: Actor | None = None,
    ) -> ApprovalStep:
        return agreement_transition(
            agreement=agreement, name=name, by=by, on=on, note=note, document=document, body=body
        )

    service.__name__ = "agreement_%s" % name
    service.__doc__ = "Take the “%s” step (see TRANSITIONS)." % name
    return service


agreement_submit = _service("submit")
agreement_start_review = _service("start_review")
agreement_approve = _service("approve")
agreement_return = _service("return")
agreement_sign = _service("sign")
agreement_activate = _service("activate")
agreement_expire = _service("expire")
agreement_terminate = _service("terminate")
