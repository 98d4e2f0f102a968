"""The admin side of the workflow: stale edits refused, documents for staff only, the queue."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts import roles
from accounts.models import OfficeMember
from cooperation import workflow
from cooperation.models import Agreement, ApprovalStep, Project
from portal.dates import PartialDate
from tests.admin_forms import admin_form_data
from tests.factories import ActorFactory, JapanesePrefectureFactory
from tests.workflow.conftest import make_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def errors_of(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    return list(response.context["adminform"].form.non_field_errors())


def test_second_of_two_concurrent_admin_edits_is_refused_with_what_changed(
    client, proposed, editor, role_users
):
    other = make_user("second-editor", roles.MINISTRY_EDITOR)
    change = url("admin:cooperation_agreement_change", proposed.pk)
    client.force_login(editor)
    mine = admin_form_data(client, change, title_en="Chiang Mai–Uozu sister cities")
    client.force_login(other)
    theirs = admin_form_data(client, change, title_en="Sister cities: Chiang Mai and Uozu")

    client.force_login(editor)
    assert client.post(change, mine).status_code == 302
    saved = proposed.history.count()
    client.force_login(other)
    with translation.override("en"):
        refused = client.post(change, theirs)

    errors = errors_of(refused)
    assert errors[0] == (
        "Someone else saved this record after you opened it, so your changes were not saved. "
        "Open the record again to see its current values, then make your change. "
        "Changed meanwhile:"
    )
    assert len(errors) == 2
    assert errors[1].startswith("ministry-editor, ")
    assert errors[1].endswith(
        ": title [en]: Chiang Mai–Uozu sister-city agreement → Chiang Mai–Uozu sister cities"
    )
    proposed.refresh_from_db()
    assert proposed.title_en == "Chiang Mai–Uozu sister cities"
    assert proposed.history.count() == saved  # nothing of the refused save

    # Opened again, the form carries the new version and saves.
    fresh = admin_form_data(client, change, title_en="Sister cities: Chiang Mai and Uozu")
    assert client.post(change, fresh).status_code == 302


def test_a_step_document_is_stored_and_served_only_to_staff_who_may_see_steps(
    client, proposed, editor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    submit = url("admin:cooperation_agreement_transition", proposed.pk, "submit")
    response = client.post(
        submit,
        {
            "on": "15/03/2024",
            "note": "มติสภาเทศบาล",
            "document": SimpleUploadedFile("council.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302, response.content
    step = ApprovalStep.objects.get()
    assert (step.step, step.by, step.note) == ("submitted", editor, "มติสภาเทศบาล")
    assert (tmp_path / step.document.name).read_bytes() == PDF

    served = client.get(step.get_document_url())
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content) == PDF

    client.logout()
    assert client.get(step.get_document_url()).status_code == 302  # to the login page
    client.force_login(make_user("staff-without-role", None))
    assert client.get(step.get_document_url()).status_code == 403
    # MEDIA_ROOT has no URL of its own.
    assert client.get("/" + step.document.name).status_code == 404
    assert client.get("/media/" + step.document.name).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("minutes.docx", b"PK\x03\x04", "Only PDF, PNG, JPEG or WebP documents are accepted, not “minutes.docx”."),
        ("minutes.pdf", b"<html>not a pdf</html>", "“minutes.pdf” is not a PDF file: its content does not match its name."),
        ("photo.png", b"\xff\xd8\xff\xe0 jpeg bytes", "“photo.png” is not a PNG file: its content does not match its name."),
        ("huge.pdf", b"%PDF-" + b"0" * 2048, "The document is 2.0\xa0KB; the largest accepted is 1.0\xa0KB."),
    ],
)  # fmt: skip
def test_a_bad_document_is_refused_and_nothing_changes(
    client, proposed, editor, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    settings.PORTAL_DOCUMENT_MAX_BYTES = 1024
    client.force_login(editor)
    submit = url("admin:cooperation_agreement_transition", proposed.pk, "submit")
    with translation.override("en"):
        response = client.post(
            submit, {"on": "2024", "document": SimpleUploadedFile(name, content)}
        )
    assert response.status_code == 200
    assert response.context["form"].errors == {"document": [message]}
    proposed.refresh_from_db()
    assert proposed.status == Agreement.Status.PROPOSED
    assert not ApprovalStep.objects.exists()
    assert list(tmp_path.iterdir()) == []


def test_transition_pages_are_refused_to_roles_without_the_permission(client, proposed, role_users):
    client.force_login(role_users[roles.RESEARCHER])
    submit = url("admin:cooperation_agreement_transition", proposed.pk, "submit")
    assert client.get(submit).status_code == 403
    assert client.post(submit, {"on": "2024"}).status_code == 403
    proposed.refresh_from_db()
    assert proposed.status == Agreement.Status.PROPOSED


def test_review_queue_lists_only_agreements_awaiting_review(client, proposed, editor, reviewer):
    signed = Agreement.objects.create(kind="mou", title_en="Already signed", status="signed")
    queue = url("admin:cooperation_agreementinreview_changelist")
    client.force_login(reviewer)
    assert list(client.get(queue).context["cl"].result_list) == []
    workflow.agreement_submit(agreement=proposed, by=editor, on=PartialDate(2024))
    listed = list(client.get(queue).context["cl"].result_list)
    assert [a.pk for a in listed] == [proposed.pk]
    assert signed.pk not in [a.pk for a in listed]
    client.force_login(editor)
    assert client.get(queue).status_code == 403


def test_roles_exist_with_their_permissions(role_users):
    editor = role_users[roles.MINISTRY_EDITOR]
    reviewer = role_users[roles.INTERIOR_REVIEWER]
    researcher = role_users[roles.RESEARCHER]
    office = role_users[roles.PARTNER_OFFICE]
    assert editor.has_perms(["cooperation.submit_agreement", "cooperation.add_agreement",
                             "partners.change_actor", "cooperation.view_approvalstep"])  # fmt: skip
    assert not editor.has_perm("cooperation.review_agreement")
    assert not editor.has_perm("cooperation.change_approvalstep")
    assert reviewer.has_perms(["cooperation.review_agreement", "cooperation.view_agreement"])
    assert not reviewer.has_perm("cooperation.change_agreement")
    assert researcher.has_perms(["cooperation.view_project", "partners.view_actor"])
    assert not any(p.split(".")[1].startswith(("add_", "change_", "delete_"))
                   for p in researcher.get_all_permissions())  # fmt: skip
    assert office.has_perms(["cooperation.change_project", "cooperation.add_activity",
                             "cooperation.change_interest"])  # fmt: skip
    assert not office.has_perm("cooperation.change_agreement")


def test_a_partner_office_sees_only_its_organisations_projects(client, role_users):
    toyama = JapanesePrefectureFactory(name_en="Toyama", slug="toyama")
    bangkok_office = ActorFactory(kind="office_abroad", country="JP", parent=toyama, slug="tbo")
    saitama = JapanesePrefectureFactory(name_en="Saitama", slug="saitama")
    own = Project.objects.create(title_en="Toyama project")
    own.participant_set.create(actor=bangkok_office, role="funder")
    other = Project.objects.create(title_en="Saitama project")
    other.participant_set.create(actor=saitama, role="funder")
    office_user = role_users[roles.PARTNER_OFFICE]
    OfficeMember.objects.create(user=office_user, organisation=toyama)

    client.force_login(office_user)
    listed = client.get(url("admin:cooperation_project_changelist")).context["cl"].result_list
    assert [p.title_en for p in listed] == ["Toyama project"]
    assert client.get(url("admin:cooperation_project_change", other.pk)).status_code == 302
