"""Every transition of the agreement lifecycle, allowed and refused, for each role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts import roles
from cooperation import workflow
from cooperation.models import Agreement, ApprovalStep
from portal.dates import PartialDate, Precision

pytestmark = pytest.mark.django_db
S = Agreement.Status

# Written out here, not read from the code: the roles the issue asks for.
ALLOWED = {
    roles.MINISTRY_EDITOR: {"submit", "sign", "activate", "expire", "terminate"},
    roles.INTERIOR_REVIEWER: {"start_review", "approve", "return"},
    roles.RESEARCHER: set(),
    roles.PARTNER_OFFICE: set(),
}
# transition -> (a status it leaves from, the status it reaches)
MOVES = {
    "submit": (S.PROPOSED, S.SUBMITTED),
    "start_review": (S.SUBMITTED, S.UNDER_REVIEW),
    "approve": (S.UNDER_REVIEW, S.APPROVED),
    "return": (S.UNDER_REVIEW, S.RETURNED),
    "sign": (S.APPROVED, S.SIGNED),
    "activate": (S.SIGNED, S.ACTIVE),
    "expire": (S.ACTIVE, S.EXPIRED),
    "terminate": (S.ACTIVE, S.TERMINATED),
}
SOURCES = {
    "submit": {S.PROPOSED, S.RETURNED},
    "start_review": {S.SUBMITTED},
    "approve": {S.UNDER_REVIEW},
    "return": {S.SUBMITTED, S.UNDER_REVIEW},
    "sign": {S.APPROVED},
    "activate": {S.SIGNED},
    "expire": {S.SIGNED, S.ACTIVE},
    "terminate": {S.SIGNED, S.ACTIVE},
}
ON = PartialDate(2024, 3, 15)


def set_status(agreement: Agreement, status: str) -> None:
    Agreement.objects.filter(pk=agreement.pk).update(status=status)
    agreement.refresh_from_db()


@pytest.mark.parametrize("role", roles.ROLES)
@pytest.mark.parametrize("name", list(MOVES))
def test_each_role_may_take_exactly_its_transitions(proposed, role_users, role, name):
    source, target = MOVES[name]
    set_status(proposed, source)
    user = role_users[role]
    call = getattr(workflow, "agreement_%s" % name)

    if name in ALLOWED[role]:
        step = call(agreement=proposed, by=user, on=ON, note="เหตุผลของขั้นตอนนี้")
        proposed.refresh_from_db()
        assert proposed.status == target
        assert (step.step, step.by, step.taken_on, step.taken_precision, step.note) == (
            target,
            user,
            dt.date(2024, 3, 15),
            Precision.DAY,
            "เหตุผลของขั้นตอนนี้",
        )
        assert step.recorded_at is not None
    else:
        with pytest.raises(PermissionDenied):
            call(agreement=proposed, by=user, on=ON, note="x")
        proposed.refresh_from_db()
        assert proposed.status == source
        assert not ApprovalStep.objects.exists()


@pytest.mark.parametrize("name", list(MOVES))
def test_a_transition_from_a_status_it_does_not_leave_is_refused(
    proposed, role_users, name, in_language
):
    in_language("en")
    user = next(u for role, u in role_users.items() if name in ALLOWED[role])
    for status in sorted(set(S.values) - SOURCES[name]):
        set_status(proposed, status)
        with pytest.raises(ValidationError) as refused:
            workflow.agreement_transition(agreement=proposed, name=name, by=user, on=ON, note="x")
        assert refused.value.messages == [
            "An agreement that is “%s” cannot be moved by “%s”."
            % (S(status).label, workflow.TRANSITIONS[name].label)
        ]
        proposed.refresh_from_db()
        assert proposed.status == status
    assert not ApprovalStep.objects.exists()


def test_refusal_in_thai(proposed, editor, in_language):
    in_language("th")
    set_status(proposed, S.SIGNED)
    with pytest.raises(ValidationError) as refused:
        workflow.agreement_submit(agreement=proposed, by=editor, on=ON)
    assert refused.value.messages == [
        "ข้อตกลงที่อยู่ในสถานะ “ลงนามแล้ว” ไม่สามารถดำเนินการ “ยื่นขอความเห็นชอบ” ได้"
    ]


@pytest.mark.parametrize("name", ["return", "terminate"])
def test_returning_and_terminating_need_a_reason(proposed, role_users, name, in_language):
    in_language("en")
    set_status(proposed, MOVES[name][0])
    user = next(u for role, u in role_users.items() if name in ALLOWED[role])
    with pytest.raises(ValidationError) as refused:
        workflow.agreement_transition(agreement=proposed, name=name, by=user, on=ON, note="  ")
    assert refused.value.message_dict == {
        "note": ["Say why: “%s” needs a note." % workflow.TRANSITIONS[name].label]
    }
    assert not ApprovalStep.objects.exists()


def test_the_whole_thai_path_with_a_return_and_resubmission(
    proposed, editor, reviewer, in_language
):
    in_language("en")
    workflow.agreement_submit(agreement=proposed, by=editor, on=PartialDate(2016))
    workflow.agreement_start_review(agreement=proposed, by=reviewer, on=PartialDate(2016, 5))
    workflow.agreement_return(
        agreement=proposed, by=reviewer, on=PartialDate(2016, 6, 1), note="ขาดมติสภา"
    )
    workflow.agreement_submit(agreement=proposed, by=editor, on=PartialDate(2017, 1, 10))
    workflow.agreement_start_review(agreement=proposed, by=reviewer, on=PartialDate(2017, 1, 11))
    workflow.agreement_approve(agreement=proposed, by=reviewer, on=PartialDate(2017, 2, 1))
    workflow.agreement_sign(agreement=proposed, by=editor, on=PartialDate(2017, 4, 20))
    workflow.agreement_activate(agreement=proposed, by=editor, on=PartialDate(2017, 5))
    workflow.agreement_expire(agreement=proposed, by=editor, on=PartialDate(2022))

    proposed.refresh_from_db()
    steps = list(proposed.approval_steps.order_by("pk").values_list("step", "by__username"))
    assert steps == [
        ("submitted", "ministry-editor"),
        ("under_review", "interior-ministry-reviewer"),
        ("returned", "interior-ministry-reviewer"),
        ("submitted", "ministry-editor"),
        ("under_review", "interior-ministry-reviewer"),
        ("approved", "interior-ministry-reviewer"),
        ("signed", "ministry-editor"),
        ("active", "ministry-editor"),
        ("expired", "ministry-editor"),
    ]
    # Signing, entry into force and expiry set the agreement's own dates, at their precision.
    assert (proposed.signed_on, proposed.signed_precision) == (dt.date(2017, 4, 20), "day")
    assert (proposed.valid_from_on, proposed.valid_from_precision) == (dt.date(2017, 5, 1), "month")
    assert (proposed.valid_until_on, proposed.valid_until_precision) == (
        dt.date(2022, 12, 31),
        "year",
    )
    # The pair derives its dates from signed agreements.
    proposed.pair.refresh_from_db()
    assert proposed.pair.first_signed_on == dt.date(2017, 4, 20)
    assert proposed.pair.ended_on == dt.date(2022, 12, 31)
    # One history row per transition, with the note (or the step's name) as its reason.
    reasons = list(
        proposed.history.order_by("history_id").values_list("history_change_reason", flat=True)
    )
    assert reasons[-9:] == [
        "Submit for approval",
        "Start review",
        "ขาดมติสภา",
        "Submit for approval",
        "Start review",
        "Approve",
        "Record signing",
        "Record entry into force",
        "Record expiry",
    ]


def test_transitions_offered_follow_role_and_status(proposed, editor, reviewer):
    assert [t.name for t in workflow.transitions_for(agreement=proposed, user=editor)] == ["submit"]
    assert workflow.transitions_for(agreement=proposed, user=reviewer) == []
    set_status(proposed, S.SUBMITTED)
    assert [t.name for t in workflow.transitions_for(agreement=proposed, user=reviewer)] == [
        "start_review",
        "return",
    ]
