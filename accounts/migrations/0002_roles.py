"""Create the portal's roles as groups with their permissions (names in cooperation/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECORDS = {
    "partners": ["actor", "tag"],
    "cooperation": [
        "source",
        "citation",
        "issue",
        "pair",
        "agreement",
        "agreementparty",
        "project",
        "projectparticipant",
        "activity",
        "interest",
        "tie",
    ],
}
EVERYTHING_READABLE = {
    "partners": RECORDS["partners"],
    "cooperation": [*RECORDS["cooperation"], "approvalstep", "agreementinreview"],
}


def codenames(actions, models):
    return [(app, "%s_%s" % (action, model)) for app, names in models.items()
            for model in names for action in actions]


ROLES = {
    # Enters and maintains records, imports spreadsheets, submits agreements and records their
    # signing and end. Approval steps are written by the workflow, never edited by hand.
    "Ministry editor": [
        *codenames(["add", "change", "delete", "view"], RECORDS),
        ("cooperation", "view_approvalstep"),
        ("cooperation", "submit_agreement"),
    ],
    # Reads everything; starts reviews, approves, returns with comments.
    "Interior Ministry reviewer": [
        *codenames(["view"], EVERYTHING_READABLE),
        ("cooperation", "review_agreement"),
    ],
    # Reads and exports everything; writes nothing.
    "Researcher": codenames(["view"], EVERYTHING_READABLE),
    # Reads the context; writes its own organisation's projects, activities and interests (the
    # admin narrows the rows to the organisation of the user's OfficeMember).
    "Partner office": [
        *codenames(["view"], {"partners": ["actor"], "cooperation": ["issue", "pair",
                                                                         "agreement", "source"]}),
        *codenames(["add", "change", "view"], {"cooperation": [
            "project", "projectparticipant", "activity", "interest"]}),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        # A migration's app configs have no models module, which create_permissions requires.
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in wanted
        ]
        group.permissions.set(permissions)


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0004_move_tokens_and_office_members_to_accounts"),
        ("cooperation", "0004_roles"),
        ("accounts", "0001_tokens_and_office_members"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
