"""The records' data version: a token that changes whenever a record is written.

Whatever is derived from many records and costly to rebuild (matching profiles, the home page's
aggregates) is cached under a key holding this token, so a write makes the old entry unreachable
instead of having to find and delete it. The token lives in the cache, so with Redis every worker
shares it; it is a timestamp rather than a counter so that a cache emptied by a restart never hands
out a token an older entry was stored under.

Writes through the ORM's save() and delete() (admin, API, imports, loaddata) bump it by signal once
their transaction commits; code that writes with `bulk_create` or `QuerySet.update()` must call
`bump_data_version()` itself.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "portal:data-version"
VERSIONED_APPS = frozenset({"cooperation", "partners"})


def data_version() -> int:
    """The current token; the first call after the cache was emptied starts a new one."""
    cache.add(VERSION_KEY, time.time_ns(), timeout=None)
    return cache.get(VERSION_KEY) or 0


def bump_data_version() -> None:
    """Give the records a new token once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), timeout=None))


def _bump_on_write(sender, **_kwargs) -> None:
    if sender._meta.app_label in VERSIONED_APPS:
        bump_data_version()


def connect_signals() -> None:
    post_save.connect(_bump_on_write, dispatch_uid="data-version-save")
    post_delete.connect(_bump_on_write, dispatch_uid="data-version-delete")
    m2m_changed.connect(_bump_on_write, dispatch_uid="data-version-m2m")
