"""Formerly created the portal's roles; that migration now lives in accounts (0002_roles).

Kept, empty, so that databases which ran it and later migrations that depend on it stay
consistent.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0003_office_members_and_history"),
        ("cooperation", "0003_record_history"),
    ]

    operations = []
