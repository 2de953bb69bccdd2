"""The scorer's own matching on the dev gold (../shared), when it is there."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from theodoi_extract import extract_file

# ../shared beside the checkout; a helper's worktree (/work/wt/NAME) has it one level further up.
SHARED = next((p / "shared" for p in Path(__file__).resolve().parents[3:5] if (p / "shared" / "eval").is_dir()),
              Path(__file__).resolve().parents[3] / "shared")


def _scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared is not available")
    spec = importlib.util.spec_from_file_location("theodoi_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_gold_f1() -> None:
    score = _scorer()
    totals = {"gold": 0, "pred": 0, "tp": 0, "strict_tp": 0, "agold": 0, "apred": 0, "atp": 0, "lead": 0}
    for gf in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        doc = SHARED / "corpus" / gold["document"]
        pred = extract_file(doc).to_dict()
        s = score.score_document(gold, pred, score.canonical(doc))
        for k in ("gold", "pred", "tp", "strict_tp"):
            totals[k] += s["targets"][k]
        totals["agold"] += s["assignments"]["gold"]
        totals["apred"] += s["assignments"]["pred"]
        totals["atp"] += s["assignments"]["tp"]
        totals["lead"] += s["assignments"]["lead_ok"]
    f1 = score.prf(totals["tp"], totals["pred"], totals["gold"])[2]
    strict = score.prf(totals["strict_tp"], totals["pred"], totals["gold"])[2]
    af1 = score.prf(totals["atp"], totals["apred"], totals["agold"])[2]
    assert f1 >= 0.95
    assert strict >= 0.95
    assert af1 >= 0.95
    assert totals["lead"] >= 0.95 * totals["atp"]
