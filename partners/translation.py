"""Content fields kept in Thai, English and Japanese (django-modeltranslation), then history.

History is registered after translation on purpose: django-simple-history copies a model's fields
when it is registered, and must see the `_th`/`_en`/`_ja` columns that modeltranslation adds, or
the first save crashes (DESIGN.md §8).
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from partners.models import Actor, Tag
from portal.history import history_excluded_fields


@register(Actor)
class ActorTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


for model in (Actor, Tag):
    register_history(model, excluded_fields=history_excluded_fields(model))
