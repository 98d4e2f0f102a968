"""Content fields kept in Thai, English and Japanese (django-modeltranslation), then history."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    ApprovalStep,
    Citation,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
    Source,
    Tie,
)


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


# After the translations above: history must copy the per-language columns (DESIGN.md §8).
# search_text is derived from the other columns on every save: it would only repeat their changes.
for model in (
    Source,
    Citation,
    Issue,
    Pair,
    Agreement,
    AgreementParty,
    ApprovalStep,
    Project,
    ProjectParticipant,
    Activity,
    Interest,
    Tie,
):
    searchable = any(f.name == "search_text" for f in model._meta.fields)
    register_history(model, excluded_fields=["search_text"] if searchable else [])
