"""The held-out real document: a provincial document of ../shared/corpus that has no dev gold.

`samples/heldout/*.json` were annotated by hand, blind (before the extractor was run on the
document), to the dev gold's conventions (docs/extractor.md, "Held-out real document"); they
hold facts and offsets only, never the document's sentences. The document is read from
../shared/corpus, so the tests skip where it is absent. Each is scored with ../shared/eval/score.py
itself; the floors are the figures reached (see the docs for the blind ones).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from theodoi_extract import extract_file

HELDOUT = Path(__file__).parent / "samples" / "heldout"
SHARED = next((p / "shared" for p in Path(__file__).resolve().parents[3:5] if (p / "shared" / "eval").is_dir()),
              Path(__file__).resolve().parents[3] / "shared")
NAMES = sorted(p.stem for p in HELDOUT.glob("*.json"))

# Floors: the figures the extractor reaches on the held-out annotation (blind: the same).
FLOORS = {"f1": 1.0, "strict_f1": 1.0, "assignments_f1": 1.0}


def _scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not available")
    spec = importlib.util.spec_from_file_location("theodoi_score_heldout", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load(name: str) -> tuple[dict[str, Any], Path]:
    gold = json.loads((HELDOUT / f"{name}.json").read_text(encoding="utf-8"))
    doc = SHARED / "corpus" / gold["document"]
    if not doc.exists():
        pytest.skip(f"{gold['document']} is not in ../shared/corpus")
    return gold, doc


@pytest.mark.parametrize("name", NAMES)
def test_heldout_annotation_offsets_point_at_their_numbers(name: str) -> None:
    """The annotation's offsets are offsets of the canonical (NFC) text: each anchor and each
    number left out on purpose starts with what it says it is."""
    score = _scorer()
    gold, doc = _load(name)
    text = score.canonical(doc)
    for g in gold["targets"]:
        assert text.startswith(g["number_text"], g["anchor"]), g
    for item in gold.get("notes", {}).get("left_out_numbers", []):
        assert text[item["start"]:item["end"]].startswith(item["text"][:2]), item
    for a in gold["assignments"] + gold.get("notes", {}).get("assignments_left_out", []):
        assert text.startswith(a["ref"], a["start"]), a


@pytest.mark.parametrize("name", NAMES)
def test_heldout_scores_at_least_the_floor(name: str) -> None:
    score = _scorer()
    gold, doc = _load(name)
    pred = extract_file(doc).to_dict()
    s = score.score_document(gold, pred, score.canonical(doc))
    t, a = s["targets"], s["assignments"]
    f1 = score.prf(t["tp"], t["pred"], t["gold"])[2]
    strict = score.prf(t["strict_tp"], t["pred"], t["gold"])[2]
    af1 = score.prf(a["tp"], a["pred"], a["gold"])[2]
    wrong = [(p.get("number_text"), p.get("start")) for p in pred["targets"]]
    assert f1 >= FLOORS["f1"], (f1, wrong)
    assert strict >= FLOORS["strict_f1"], (strict, wrong)
    assert af1 >= FLOORS["assignments_f1"], (af1, [(x.get("ref"), x.get("lead")) for x in pred["assignments"]])


@pytest.mark.parametrize("name", NAMES)
def test_heldout_metadata(name: str) -> None:
    """The scorer does not read the metadata; a held-out document checks it field by field."""
    gold, doc = _load(name)
    got = extract_file(doc).to_dict()["document"]
    for key, value in gold["meta"].items():
        assert got.get(key) == value, (key, got.get(key), value)
