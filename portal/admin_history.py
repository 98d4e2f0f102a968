"""Admin pieces every record shares: its history (diff and revert) and a check against lost edits.

Every write to a record leaves a history row (django-simple-history), so the id of a record's
latest history row is its version. A change form carries that id in a hidden field; saving the
form holds the record's row, compares, and refuses a form opened before someone else's save,
listing what they changed meanwhile. Nothing of the refused form is saved.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

VERSION_FIELD = "record_version"


def record_version(obj: models.Model) -> str:
    """The id of the record's latest history row, as text ("" for a record without history)."""
    if obj.pk is None:
        return ""
    latest = obj.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return "" if latest is None else str(latest)


def _shown(value) -> str:
    return "—" if value in (None, "") else str(value)


def changes_since(obj: models.Model, version: str) -> list[str]:
    """One line per save of `obj` after history row `version`: who, when, which fields, how."""
    rows = list(obj.history.filter(history_id__gt=int(version or 0)).order_by("history_id"))
    lines = []
    for row in rows:
        who = row.history_user or _("someone")
        when = date_format(localtime(row.history_date), "DATETIME_FORMAT")
        previous = row.prev_record
        if previous is None:
            changed = _("created the record")
        else:
            delta = row.diff_against(previous)
            changed = "; ".join(
                "%s: %s → %s"
                % (
                    obj._meta.get_field(change.field).verbose_name,
                    _shown(change.old),
                    _shown(change.new),
                )
                for change in delta.changes
                if _shown(change.old) != _shown(change.new)
            ) or _("saved it without changing a field")
        lines.append(
            _("%(who)s, %(when)s: %(changes)s") % {"who": who, "when": when, "changes": changed}
        )
    return lines


class VersionCheckedAdmin(SimpleHistoryAdmin):
    """A model admin with history (diff, revert) whose change form refuses stale saves."""

    change_form_template = "admin/versioned_change_form.html"
    # Reverting to an old version is a save like any other, and is checked the same way.
    object_history_form_template = "admin/versioned_history_form.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form

        class VersionCheckedForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields[VERSION_FIELD] = forms.CharField(
                    widget=forms.HiddenInput, required=False, initial=record_version(self.instance)
                )

            def clean(self):
                cleaned = super().clean()
                model = type(self.instance)
                # Hold the row until the admin's transaction ends, so a save that passes this
                # check cannot be overtaken before it writes.
                model._default_manager.select_for_update().filter(pk=self.instance.pk).exists()
                sent = self.data.get(VERSION_FIELD, "")
                current = record_version(self.instance)
                if sent != current:
                    raise ValidationError(
                        [
                            _(
                                "Someone else saved this record after you opened it, so your "
                                "changes were not saved. Open the record again to see its "
                                "current values, then make your change. Changed meanwhile:"
                            ),
                            *changes_since(self.instance, sent if sent.isdigit() else "0"),
                        ],
                        code="stale_version",
                    )
                return cleaned

        VersionCheckedForm.__name__ = form.__name__
        return VersionCheckedForm
