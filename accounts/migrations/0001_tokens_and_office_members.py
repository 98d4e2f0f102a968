"""Move ApiToken and OfficeMember (and its history) from partners to accounts, keeping every row.

The models' state is created here on the tables partners made, then each table is renamed to
accounts' name, and the content types (and with them the permissions that groups hold) are
relabelled, so that a database migrated before the move keeps its tokens and office members.
partners.0004 removes the models from partners' state only.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ("apitoken", "historicalofficemember", "officemember")


def relabel_content_types(apps, schema_editor, *, source="partners", target="accounts"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def relabel_content_types_back(apps, schema_editor):
    relabel_content_types(apps, schema_editor, source="accounts", target="partners")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0003_office_members_and_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ApiToken',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('label', models.CharField(blank=True, help_text='What the token is for.', max_length=100, verbose_name='label')),
                        ('read_only', models.BooleanField(default=False, help_text='The token may read but never write.', verbose_name='read only')),
                        ('prefix', models.CharField(editable=False, max_length=16, unique=True, verbose_name='prefix')),
                        ('key_hash', models.CharField(editable=False, max_length=64, verbose_name='key hash')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('expires_at', models.DateTimeField(blank=True, null=True, verbose_name='expires')),
                        ('last_used_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last used')),
                        ('organisation', models.ForeignKey(blank=True, help_text='For a partner office: the token may create and edit only the projects, activities and interests in which this organisation, or one under it, takes part.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='api_tokens', to='partners.actor', verbose_name='partner organisation')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='api_tokens', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                    ],
                    options={
                        'verbose_name': 'API token',
                        'db_table': 'partners_apitoken',
                        'verbose_name_plural': 'API tokens',
                        'ordering': ['user', '-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalOfficeMember',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.actor', verbose_name='organisation')),
                        ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                    ],
                    options={
                        'verbose_name': 'historical office member',
                        'db_table': 'partners_historicalofficemember',
                        'verbose_name_plural': 'historical office members',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='OfficeMember',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='office_members', to='partners.actor', verbose_name='organisation')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='office_membership', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                    ],
                    options={
                        'verbose_name': 'office member',
                        'db_table': 'partners_officemember',
                        'verbose_name_plural': 'office members',
                        'ordering': ['organisation', 'user'],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="apitoken", table=None),
        migrations.AlterModelTable(name="historicalofficemember", table=None),
        migrations.AlterModelTable(name="officemember", table=None),
        migrations.RunPython(relabel_content_types, relabel_content_types_back),
    ]
