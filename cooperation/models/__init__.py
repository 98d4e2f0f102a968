"""What ties actors together, one module per sub-domain.

Everything is re-exported here, so `from cooperation.models import Agreement` reads as before.
"""

from cooperation.models.activities import Activity
from cooperation.models.agreements import Agreement, AgreementInReview, AgreementParty, ApprovalStep
from cooperation.models.base import PartialDateMixin
from cooperation.models.figures import StatedFigure
from cooperation.models.interests import Interest, Tie
from cooperation.models.issues import Issue
from cooperation.models.pairs import Pair, PairQuerySet, dormancy_threshold
from cooperation.models.projects import Currency, Project, ProjectParticipant
from cooperation.models.sources import Citation, CitationQuerySet, Source, unstated_values

__all__ = [
    "Activity",
    "Agreement",
    "AgreementInReview",
    "AgreementParty",
    "ApprovalStep",
    "Citation",
    "CitationQuerySet",
    "Currency",
    "Interest",
    "Issue",
    "Pair",
    "PairQuerySet",
    "PartialDateMixin",
    "Project",
    "ProjectParticipant",
    "Source",
    "StatedFigure",
    "Tie",
    "dormancy_threshold",
    "unstated_values",
]
