"""How a candidate looks in the API."""

from __future__ import annotations

from matching.candidates import Candidate
from partners.models import Actor


def actor_brief(actor: Actor) -> dict:
    return {
        "id": actor.pk,
        "slug": actor.slug,
        "name": str(actor),
        "name_th": actor.name_th,
        "name_en": actor.name_en,
        "name_ja": actor.name_ja,
        "kind": actor.kind,
        "country": actor.country,
        "iso_code": actor.iso_code,
        "local_code": actor.local_code,
    }


def candidate_data(candidate: Candidate, actor: Actor) -> dict:
    return {
        "rank": candidate.rank,
        "actor": actor_brief(actor),
        "total": round(candidate.total, 4),
        "equal_status": candidate.equal_status,
        "criteria": [
            {
                "name": c.name,
                "score": round(c.score, 4),
                "weight": round(c.weight, 4),
                "contribution": round(c.contribution, 4),
                "explanation": c.explanation,
            }
            for c in candidate.criteria
        ],
    }
