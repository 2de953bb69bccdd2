"""The attribute precedence, written once: sentence, then table column, then headings, then metadata.

Why one place: a figure's kind, period and agency can be said by the sentence that holds it ("năm
2023 đạt 6,8%"), by its table column ("Kế hoạch 2025"), by the heading it stands under ("II.
PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "1. Sở Y tế:") or only by the document (its plan year). Prose
targets, table targets and every reader go through `decide`, so the order is the same for all of
them, and every decision keeps the words that made it, for `--explain` and for review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from theodoi_extract.model import SOURCES, ColumnContext, Decision, Target

# How much an attribute read from each source is to be trusted: the sentence says it of this very
# figure, a column header of a whole column, a heading of a whole section, the metadata of the
# whole document; "default" is a guess (the document's kind). An agency no context names is most
# often right (most targets have none), so "none" costs little.
WEIGHT = {"sentence": 1.0, "column": 0.95, "heading": 0.9, "metadata": 0.7, "default": 0.5}
_NO_AGENCY_WEIGHT = 0.95
_SYNTHETIC_INDICATOR_WEIGHT = 0.8

Candidate = tuple[str, str | None, str]  # (source, value, evidence)


def decide(attribute: str, candidates: Iterable[Candidate]) -> Decision:
    """The first candidate, in `SOURCES` order, that has a value; a "default" decision of None if none has.

    >>> decide("period", [("metadata", "2025", "plan year 2025"), ("heading", "2024", "I. KẾT QUẢ NĂM 2024")]).value
    '2024'
    """
    rank = {s: i for i, s in enumerate(SOURCES)}
    best: Decision | None = None
    for source, value, evidence in candidates:
        if value is None:
            continue
        if best is None or rank[source] < rank[best.source]:
            best = Decision(attribute, value, source, evidence)
    return best or Decision(attribute, None, "default", "")


def confidence(decisions: Iterable[Decision], *, synthetic_indicator: bool = False) -> tuple[float, str]:
    """A 0..1 confidence and its reason: the product of the weights of where each attribute came
    from; the reason names every attribute not written in the sentence itself, weakest first."""
    score = _SYNTHETIC_INDICATOR_WEIGHT if synthetic_indicator else 1.0
    weak: list[tuple[float, str]] = []
    for d in decisions:
        if d.attribute == "agency" and d.value is None:
            w = _NO_AGENCY_WEIGHT
        else:
            w = WEIGHT[d.source]
            if d.source != "sentence":
                weak.append((w, d.reason()))
        score *= w
    if synthetic_indicator:
        weak.append((_SYNTHETIC_INDICATOR_WEIGHT, "indicator named from the unit (no words before the number)"))
    weak.sort(key=lambda x: x[0])
    reason = "; ".join(r for _, r in weak) or "kind, period and agency written in the sentence"
    return round(score, 3), reason


def with_decisions(target: Target, decisions: Iterable[Decision], *, synthetic_indicator: bool = False) -> Target:
    """The target with these decisions applied (their values win), its confidence and reason."""
    ds = tuple(decisions)
    values = {d.attribute: d.value for d in ds}
    kind = values.get("kind") or target.kind
    score, reason = confidence(ds, synthetic_indicator=synthetic_indicator)
    return replace(target, kind=kind, period=values.get("period", target.period),
                   agency=values.get("agency", target.agency), decisions=ds, confidence=score, reason=reason)


def apply_column_context(target: Target, column: ColumnContext | None, *, heading_kind: Candidate | None = None,
                         heading_period: Candidate | None = None, heading_agency: Candidate | None = None,
                         metadata_kind: Candidate | None = None, metadata_period: Candidate | None = None) -> Target:
    """A table figure: its column (kind and year from the header path, agency from the row's agency
    cell) outranks the headings it stands under, which outrank the document's metadata.

    Without a column context (the table reader did not say), the figure's own values stand as
    the column's: the table reader read them from its header or its default.
    """
    if column is None:
        column = ColumnContext(target.kind, target.period, target.agency, "table")
    head = column.header or "table"
    kind = decide("kind", [c for c in (("column", column.kind, head), heading_kind, metadata_kind) if c])
    period = decide("period", [c for c in (("column", column.period, head), heading_period, metadata_period) if c])
    agency = Decision("agency", None, "column", head) if column.no_agency else \
        decide("agency", [c for c in (("column", column.agency, head), heading_agency) if c])
    if kind.value is None:
        kind = Decision("kind", target.kind, "default", "")
    return with_decisions(target, (kind, period, agency))
