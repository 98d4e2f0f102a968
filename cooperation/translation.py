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
    StatedFigure,
    Tie,
)
from portal.history import history_excluded_fields


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


@register(StatedFigure)
class StatedFigureTranslationOptions(TranslationOptions):
    fields = ("what", "unit", "note")
    required_languages = ()


# After the translations above: history must copy the per-language columns (DESIGN.md §8).
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
    StatedFigure,
):
    register_history(model, excluded_fields=history_excluded_fields(model))
