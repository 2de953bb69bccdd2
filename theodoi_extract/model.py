"""Frozen result types of the extractor and their JSON form (the contract in FORMAT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its unit; `value_max` is set for ranges ("21-22%")."""

    value: float
    unit: str
    value_max: float | None = None
    comparator: str = "="
    start: int = 0
    end: int = 0
    number_text: str = ""


@dataclass(frozen=True)
class DocumentMeta:
    kind: str = "other"
    number: str | None = None
    issuer: str | None = None
    date: str | None = None
    plan_year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "number": self.number, "issuer": self.issuer,
                "date": self.date, "plan_year": self.plan_year}


@dataclass(frozen=True)
class ColumnContext:
    """What a table says about one value cell, for the attribute precedence of target building.

    The precedence is: the sentence itself, then this (the column header and the row's agency
    cell), then the enclosing headings, then the document's metadata. `header` is the column's full
    header path as printed by the readers ("Năm 2024 / Ước thực hiện"); `kind` and `period` are read
    from it (None where the header does not say); `agency` is the row's agency cell, canonical.
    `start`/`end` are the value cell's offsets in the canonical text.
    """

    kind: str | None
    period: str | None
    agency: str | None
    header: str = ""
    start: int = 0
    end: int = 0
    # a sum row ("Tổng cộng") of a table of agencies: the table says the figure is no one's, so no
    # enclosing agency block lends it one
    no_agency: bool = False


# Where an attribute was read, strongest first: `context.decide` takes the first source that says.
SOURCES = ("sentence", "column", "heading", "metadata", "default")


@dataclass(frozen=True)
class Decision:
    """Which context decided one attribute of a target, and the words that did ("heading",
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"): shown by `--explain` and the review screen."""

    attribute: str
    value: str | None
    source: str
    evidence: str = ""

    def reason(self) -> str:
        """"period from heading 'Kế hoạch năm 2023'" (English, like the logs; the UI translates)."""
        where = {"sentence": "the sentence", "column": "column header", "heading": "heading",
                 "metadata": "document metadata", "default": "default"}[self.source]
        evidence = f" '{self.evidence}'" if self.evidence else ""
        return f"{self.attribute} from {where}{evidence}"

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "evidence": self.evidence}


@dataclass(frozen=True)
class Target:
    """A goal ("target") or a reported result ("actual") with its evidence span.

    `path` is the chain of headings the item stands under, outermost first, as printed;
    `decisions` say which context gave kind, period and agency; `confidence` (0..1) and `reason`
    summarise them for review (low confidence first).
    """

    kind: str
    indicator: str
    comparator: str
    value: float
    value_max: float | None
    unit: str
    period: str | None
    agency: str | None
    start: int
    end: int
    number_text: str = ""
    path: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    confidence: float = 1.0
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The FORMAT.md fields, then extra keys the scorer ignores: path, confidence, reason,
        decided_by (attribute -> value, source, evidence)."""
        return {"kind": self.kind, "indicator": self.indicator, "comparator": self.comparator,
                "value": _num(self.value), "value_max": _num(self.value_max), "unit": self.unit,
                "period": self.period, "agency": self.agency, "start": self.start, "end": self.end,
                "path": list(self.path), "confidence": round(self.confidence, 2), "reason": self.reason,
                "decided_by": {d.attribute: d.to_dict() for d in self.decisions}}

    def decision(self, attribute: str) -> Decision | None:
        return next((d for d in self.decisions if d.attribute == attribute), None)


@dataclass(frozen=True)
class Deadline:
    """A reporting duty or a dated rule: `rule` is monthly/quarterly/semiannual/yearly/once."""

    what: str
    rule: str
    day: int | None = None
    date: str | None = None
    start: int = 0
    end: int = 0
    threshold: float | None = None
    comparator: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"what": self.what, "rule": self.rule, "day": self.day, "date": self.date,
                               "start": self.start, "end": self.end}
        if self.threshold is not None:
            out["threshold"] = _num(self.threshold)
            out["comparator"] = self.comparator
        return out


@dataclass(frozen=True)
class TaskItem:
    """One bullet (or the single paragraph) of an assignment block."""

    text: str
    start: int
    end: int
    deadline: str | None = None


@dataclass(frozen=True)
class Assignment:
    ref: str | None
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    tasks: int
    start: int
    end: int
    items: tuple[TaskItem, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "lead": list(self.lead), "partners": list(self.partners), "tasks": self.tasks,
                "start": self.start, "end": self.end,
                "items": [{"text": i.text, "start": i.start, "end": i.end, "deadline": i.deadline} for i in self.items]}


@dataclass(frozen=True)
class Extraction:
    document: DocumentMeta
    targets: tuple[Target, ...]
    assignments: tuple[Assignment, ...]
    deadlines: tuple[Deadline, ...]
    text: str = ""
    format: str = "txt"
    ocr_pages: tuple[int, ...] = ()
    ocr_spans: tuple[tuple[int, int, int, float], ...] = ()  # (page, start, end, OCR confidence 0-100)

    def to_dict(self) -> dict[str, Any]:
        """The FORMAT.md object; the canonical text is included for non-.txt input, and the
        OCR'd pages with their span in it and Tesseract's mean word confidence."""
        out: dict[str, Any] = {"document": self.document.to_dict()}
        if self.format != "txt":
            out["text"] = self.text
        if self.ocr_spans:
            out["ocr_pages"] = [{"page": p, "start": a, "end": b, "confidence": round(c, 1)}
                                for p, a, b, c in self.ocr_spans]
        out["targets"] = [t.to_dict() for t in self.targets]
        out["assignments"] = [a.to_dict() for a in self.assignments]
        out["deadlines"] = [d.to_dict() for d in self.deadlines]
        return out


def _num(value: float | None) -> float | int | None:
    """Whole numbers print as ints ("3500", not "3500.0")."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
