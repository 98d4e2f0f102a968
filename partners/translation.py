"""Content fields kept in Thai, English and Japanese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from partners.models import Actor, Tag


@register(Actor)
class ActorTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()
