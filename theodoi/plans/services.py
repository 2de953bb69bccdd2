"""Plan operations on the indicator catalogue: which catalogue indicator a newly read name means.

Reviewing extracted items and publishing them into a plan belong to documents (theodoi/documents/
items.py and publish.py), which depends on plans and never the reverse.
"""

from __future__ import annotations

from theodoi.core.text import fold, similarity
from theodoi.plans.models import Indicator

SUGGEST_THRESHOLD = 0.6


def indicator_suggest(name: str, unit: str = "") -> Indicator | None:
    """The catalogue indicator a newly read name most likely means (diacritics-insensitive).

    Exact folded name or alias first; otherwise the most similar name with the same unit, if it is
    similar enough. The planner confirms or changes the suggestion.
    """
    folded = fold(name)
    if not folded:
        return None
    exact = Indicator.objects.filter(name_folded=folded).first()
    if exact:
        return exact
    best: tuple[float, Indicator | None] = (0.0, None)
    for indicator in Indicator.objects.all():
        names = [indicator.name, *indicator.aliases]
        score = max(similarity(name, other) for other in names)
        if unit and indicator.unit and fold(unit) != fold(indicator.unit):
            score -= 0.2
        if score > best[0]:
            best = (score, indicator)
    return best[1] if best[0] >= SUGGEST_THRESHOLD else None

