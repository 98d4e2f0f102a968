"""What history keeps of a record: every column except those that only repeat others."""

from __future__ import annotations

from django.db import models
from modeltranslation.translator import NotRegistered, translator


def history_excluded_fields(model: type[models.Model]) -> list[str]:
    """Columns left out of the model's history.

    modeltranslation's bare column (`title`) holds a copy of one of the per-language columns
    (`title_en`), which history keeps; `search_text` is derived from the names on every save.
    Both would only repeat changes already recorded, and show them twice in every diff.
    """
    excluded = [f.name for f in model._meta.concrete_fields if f.name == "search_text"]
    try:
        excluded += list(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        pass
    return excluded
