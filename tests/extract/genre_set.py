"""One blind genre set (`samples/genres*/`): its documents, their scores, the checks every set
makes and the per-document table printed when a set's test module runs as a script.

test_genres.py, test_genres2.py and test_genres3.py differ only in their folder, their floors and
the history of their figures; the checks live here once.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from scoring import corpus_totals, score_document

from theodoi_extract.errors import ExtractError


@dataclass
class Floors:
    """Today's measured values rounded down (to 0.05): raised by the lead as the extractor improves."""

    corpus_f1: float = 0.95
    corpus_strict: float = 0.95
    corpus_assignments: float = 0.9
    document_f1: float = 0.9


@dataclass
class GenreSet:
    folder: Path
    floors: Floors = field(default_factory=Floors)
    # PDFs and scans (text columns break anchors across lines): whitespace-insensitive anchors, a
    # garbled anchor a miss (`scoring.score`)
    layout_anchors: bool = False
    _scores: dict[str, dict[str, Any]] = field(default_factory=dict)

    @cached_property
    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.json"))

    def score(self, name: str) -> dict[str, Any]:
        """Target scores plus assignment, deadline and metadata checks of one document (cached)."""
        if name not in self._scores:
            self._scores[name] = score_document(self.folder, name, layout_anchors=self.layout_anchors)
        return self._scores[name]

    def readable(self, name: str) -> dict[str, Any]:
        """The score, or a skip when this machine cannot read the file (a scan without Tesseract)."""
        try:
            return self.score(name)
        except ExtractError as exc:
            pytest.skip(f"{name}: this machine cannot read the file ({exc.message_vi})")

    def totals(self) -> dict[str, float]:
        """Over the documents this machine can read."""
        readable = []
        for name in self.names:
            try:
                readable.append(self.score(name))
            except ExtractError:
                continue
        return corpus_totals(readable)

    def suffix(self, name: str) -> str:
        return str(self._gold(name)["document"]).rsplit(".", 1)[-1]

    def _gold(self, name: str) -> dict[str, Any]:
        return dict(json.loads((self.folder / f"{name}.json").read_text(encoding="utf-8")))

    # -- the checks ------------------------------------------------------------------------------
    def check_document(self, name: str, *, exact_meta_and_deadlines: bool = True) -> None:
        s = self.readable(name)
        assert s["f1"] >= self.floors.document_f1, "\n".join(s["problems"])
        if exact_meta_and_deadlines:
            assert not s["meta_wrong"], s["meta_wrong"]
            done, want = s["deadlines"].split("/")
            assert done == want, s["deadlines"]

    def check_corpus(self) -> None:
        t = self.totals()
        assert t["f1"] >= self.floors.corpus_f1, t
        assert t["strict_f1"] >= self.floors.corpus_strict, t
        assert t["assign_f1"] >= self.floors.corpus_assignments, t

    def check_expected_files(self) -> None:
        """The hand-made files stay consistent: each names its document and expects a target."""
        for name in self.names:
            gold = self._gold(name)
            assert (self.folder / gold["document"]).exists(), name
            assert gold["targets"], name

    # -- the table -------------------------------------------------------------------------------
    def print_table(self, argv: list[str] | None = None) -> int:
        verbose = "-v" in (sys.argv if argv is None else argv)
        print(f"{'document':44} {'type':4} {'F1':>6} {'strict':>7}  {'tp/gold/pred':13} {'assign':10} {'deadl':6} meta")
        for name in self.names:
            try:
                s = self.score(name)
            except ExtractError as exc:
                print(f"{name:44} {self.suffix(name):4} skipped: {exc.message_vi}")
                continue
            counts = f"{s['tp']}/{s['gold']}/{s['pred']}"
            print(f"{name:44} {self.suffix(name):4} {s['f1']:6.3f} {s['strict_f1']:7.3f}  {counts:13} "
                  f"{s['assign']:10} {s['deadlines']:6} {','.join(s['meta_wrong']) or 'ok'}")
            if verbose:
                for problem in s["problems"]:
                    print("    " + problem)
        t = self.totals()
        print(f"{'ALL':49} {t['f1']:6.3f} {t['strict_f1']:7.3f}  {t['tp']}/{t['gold']}/{t['pred']}  "
              f"assignments F1 {t['assign_f1']:.3f}")
        print("floors today:", {k: math.floor(t[k] * 20) / 20 for k in ("f1", "strict_f1", "assign_f1")})
        return 0
