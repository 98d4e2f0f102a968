from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert out.getvalue() == "No changes detected\n"


# The migrations as they stood before ApiToken and OfficeMember moved from partners to accounts.
BEFORE_THE_MOVE = [
    ("partners", "0003_office_members_and_history"),
    ("cooperation", "0004_roles"),
]


@pytest.mark.django_db(transaction=True)
def test_tokens_and_office_members_keep_their_rows_when_they_move_to_accounts():
    from django.contrib.auth.models import User
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from accounts.models import ApiToken, OfficeMember, token_hash

    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", None)])
    old = MigrationExecutor(connection).loader.project_state(BEFORE_THE_MOVE).apps
    user = old.get_model("auth", "User").objects.create(username="tokyo-office", is_staff=True)
    toyama = old.get_model("partners", "Actor").objects.create(
        kind="prefecture", country="JP", slug="toyama", name_en="Toyama", iso_code="JP-16"
    )
    key = "abcd1234.secret-part"
    old.get_model("partners", "ApiToken").objects.create(
        user=user,
        organisation=toyama,
        label="Toyama office",
        prefix="abcd1234",
        key_hash=token_hash(key),
        read_only=True,
    )
    old.get_model("partners", "OfficeMember").objects.create(user=user, organisation=toyama)
    old.get_model("partners", "HistoricalOfficeMember").objects.create(
        id=1,
        user=user,
        organisation=toyama,
        history_date="2026-12-01T00:00:00Z",
        history_type="+",
    )
    view_token = old.get_model("auth", "Permission").objects.get(
        content_type__app_label="partners", codename="view_apitoken"
    )
    user.user_permissions.add(view_token)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    token = ApiToken.objects.authenticate(key)
    assert (token.label, token.read_only, token.organisation.slug, token.user.username) == (
        "Toyama office",
        True,
        "toyama",
        "tokyo-office",
    )
    member = OfficeMember.objects.get()
    assert (member.user.username, member.organisation.slug) == ("tokyo-office", "toyama")
    assert [row.history_type for row in member.history.all()] == ["+"]
    assert ApiToken._meta.db_table == "accounts_apitoken"
    assert sorted(
        ContentType.objects.filter(model__in=["apitoken", "officemember"]).values_list(
            "app_label", "model"
        )
    ) == [("accounts", "apitoken"), ("accounts", "officemember")]
    assert User.objects.get(username="tokyo-office").has_perm("accounts.view_apitoken")
