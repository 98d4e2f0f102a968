"""ApiToken and OfficeMember now live in accounts (accounts.0001 keeps their tables and rows)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_office_members_and_history"),
        ("accounts", "0001_tokens_and_office_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ApiToken"),
                migrations.DeleteModel(name="HistoricalOfficeMember"),
                migrations.DeleteModel(name="OfficeMember"),
            ],
        ),
    ]
