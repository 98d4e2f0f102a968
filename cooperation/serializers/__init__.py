"""REST representations of issues, pairs, agreements, projects, activities, interests, sources.

Writes validate as the admin does: the model's `full_clean` and the same services
(`agreement_save`, `activity_save`, `pair_refresh`). One module per kind of record, as in
`cooperation.models`; the shared brief forms and references are in `base`.
"""

from cooperation.models import Activity, Agreement, Project, Source
from cooperation.serializers.activities import ActivitySerializer
from cooperation.serializers.agreements import (
    AgreementPartySerializer,
    AgreementSerializer,
    ApprovalStepSerializer,
)
from cooperation.serializers.base import CitationSerializer
from cooperation.serializers.figures import StatedFigureSerializer
from cooperation.serializers.interests import InterestSerializer
from cooperation.serializers.issues import IssueSerializer
from cooperation.serializers.pairs import PairSerializer
from cooperation.serializers.projects import ProjectParticipantSerializer, ProjectSerializer
from cooperation.serializers.sources import SourceSerializer

# Names for the schema's enums (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]): several models
# have a `kind` or a `status` of their own.
AgreementKind, AgreementStatus = Agreement.Kind, Agreement.Status
ActivityKind, SourceKind, ProjectStatus = Activity.Kind, Source.Kind, Project.Status

__all__ = [
    "ActivityKind",
    "ActivitySerializer",
    "AgreementKind",
    "AgreementPartySerializer",
    "AgreementSerializer",
    "AgreementStatus",
    "ApprovalStepSerializer",
    "CitationSerializer",
    "InterestSerializer",
    "IssueSerializer",
    "PairSerializer",
    "ProjectParticipantSerializer",
    "ProjectSerializer",
    "ProjectStatus",
    "SourceKind",
    "SourceSerializer",
    "StatedFigureSerializer",
]
