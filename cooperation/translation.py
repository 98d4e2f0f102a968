"""Content fields kept in Thai, English and Japanese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from cooperation.models import Activity, Agreement, Interest, Issue, Pair, Project, Tie


@register(Issue)
class IssueTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(Pair)
class PairTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Interest)
class InterestTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Tie)
class TieTranslationOptions(TranslationOptions):
    fields = ("description",)
