"""Scoring helpers shared by test_unseen.py, genre_set.py (the genre sets) and test_genres_pdf.py.

Targets are matched the way `../shared/eval/score.py` matches them: the same number after scale
words, and a predicted span that holds the anchor (the gold `context` located once in the
extracted text, plus the offset of `number_text` inside it); a strict match also needs kind,
comparator, unit, period and agency right.

`score(..., layout_anchors=True)` is for PDFs and scans: any whitespace run of an anchor matches
any other (a PDF line break where the sample had a space: whitespace is layout, not content), and
an anchor that is not in the text exactly once (OCR garbled it) counts as a miss instead of
failing, so a scan is measured rather than crashing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from theodoi_extract import extract_file

SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}


def _magnitude(value: float | None, unit: str | None) -> float | None:
    if value is None:
        return None
    scale = 1.0
    for w in (unit or "").lower().split():
        scale *= SCALE.get(w, 1.0)
    return float(value) * scale


def _base_unit(unit: str | None) -> str:
    u = re.sub(r"\s*/\s*", "/", unicodedata.normalize("NFC", unit or "").lower())
    u = re.sub(r"(/người)?(/năm)?$", "", u.strip())
    return " ".join(w for w in u.split() if w not in SCALE)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _agency(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "").lower()
    s = re.sub(r"\b(giám đốc|trưởng ban|chánh|cục trưởng|chủ tịch|thủ trưởng|chỉ huy trưởng)\b", "", s)
    return " ".join(re.findall(r"\w+", s))


def _prf(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _anchor(text: str, item: dict[str, Any]) -> int:
    ctx = item["context"]
    assert text.count(ctx) == 1, f"context {ctx!r} must occur once"
    return text.index(ctx) + ctx.index(item["number_text"])


_SIGNS = {"≥", "≤", ">", "<", ">=", "<="}


def _layout_anchor(text: str, item: dict[str, Any]) -> int | None:
    """Offset of the expected number in `text`: its context found once, any whitespace run matching
    any other; None when it is not there exactly once."""
    parts = item["context"].split()
    # whitespace is layout, and so is the space after a comparator sign ("≥ 13", OCR'd "≥13")
    pattern = "".join(re.escape(p) + ("" if i == len(parts) - 1 else r"\s*" if p in _SIGNS else r"\s+")
                      for i, p in enumerate(parts))
    found = [m.start() for m in re.finditer(pattern, text)]
    if len(found) != 1:
        return None
    m = re.compile(pattern).match(text, found[0])
    assert m is not None
    inner = re.search(r"\s+".join(re.escape(p) for p in item["number_text"].split()), m.group(0))
    return found[0] + (inner.start() if inner else 0)


def score(folder: Path, name: str, *, layout_anchors: bool = False) -> dict[str, Any]:
    """Scores of one hand-annotated document `folder/name.json`: F1, strict F1, recall, misses,
    wrong attributes (`layout_anchors`: see the module docstring)."""
    gold = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    ex = extract_file(folder / gold["document"])
    pred = [t.to_dict() if hasattr(t, "to_dict") else t for t in ex.to_dict()["targets"]]
    used: set[int] = set()
    tp = strict = 0
    problems: list[str] = []
    for g in gold["targets"]:
        anchor = _layout_anchor(ex.text, g) if layout_anchors else _anchor(ex.text, g)
        if anchor is None:
            problems.append(f"{g['context']!r}: anchor not in text")
            continue
        gm, gx = _magnitude(g["value"], g["unit"]), _magnitude(g.get("value_max"), g["unit"])
        for j, p in enumerate(pred):
            if j in used or not _close(gm, _magnitude(p["value"], p["unit"])):
                continue
            if gx is not None and not _close(gx, _magnitude(p.get("value_max"), p["unit"])):
                continue
            if not p["start"] <= anchor < p["end"]:
                continue
            used.add(j)
            tp += 1
            wrong = [k for k in ("kind", "comparator", "period") if str(g[k]) != str(p[k])]
            wrong += ["unit"] * (_base_unit(g["unit"]) != _base_unit(p["unit"]))
            wrong += ["agency"] * (_agency(g["agency"]) != _agency(p["agency"]))
            strict += not wrong
            if wrong:
                problems.append(f"{g['context']!r}: " + ", ".join(f"{k} {g[k]!r}≠{p[k]!r}" for k in wrong))
            break
        else:
            problems.append(f"{g['context']!r}: missed")
    for j, p in enumerate(pred):
        if j not in used:
            problems.append(f"extra {p['value']} {p['unit']} at {ex.text[p['start']:p['end']][:60]!r}")
    n_pred, n_gold = len(pred), len(gold["targets"])
    return {"f1": _prf(tp, n_pred, n_gold), "strict_f1": _prf(strict, n_pred, n_gold),
            "recall": tp / n_gold if n_gold else 1.0, "tp": tp, "strict": strict,
            "gold": n_gold, "pred": n_pred, "problems": problems, "expected": gold, "extraction": ex}


def score_document(folder: Path, name: str, *, layout_anchors: bool = False) -> dict[str, Any]:
    """`score` plus the checks of assignments (ref, span, lead and task count), deadlines and metadata
    of one hand-annotated document, as `test_genres.py` and `test_genres2.py` report them. With
    `layout_anchors` (scans), a block whose head OCR garbled is a miss rather than an error."""
    s = score(folder, name, layout_anchors=layout_anchors)
    ex = s["extraction"]
    gold = s["expected"]
    used: set[int] = set()
    a_tp = a_lead = 0
    for g in gold["assignments"]:
        lo = ex.text.find(g["head"])
        if lo < 0 and layout_anchors:
            s["problems"].append(f"assignment {g['ref']} {g['head']!r}: head not in the text")
            continue
        lo = ex.text.index(g["head"])
        hi = lo + len(g["head"])
        for j, a in enumerate(ex.assignments):
            if j not in used and a.ref == g["ref"] and a.start < hi and lo < a.end:
                used.add(j)
                a_tp += 1
                a_lead += sorted(map(_agency, a.lead)) == sorted(map(_agency, g["lead"])) and a.tasks == g["tasks"]
                break
        else:
            s["problems"].append(f"assignment {g['ref']} {g['head']!r}: missed")
    s["assign_f1"] = _prf(a_tp, len(ex.assignments), len(gold["assignments"]))
    s["assign"] = f"{a_tp}({a_lead})/{len(gold['assignments'])}/{len(ex.assignments)}"
    got = {(d.rule, d.date, d.day) for d in ex.deadlines}
    want = [(d["rule"], d["date"], d["day"]) for d in gold["deadlines"]]
    s["deadlines"] = f"{sum(d in got for d in want)}/{len(want)}"
    doc = ex.document
    s["meta_wrong"] = [k for k, v in gold.get("meta", {}).items() if getattr(doc, k) != v]
    return s


def corpus_totals(scores: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Micro-averaged F1 (loose, strict, assignments) over the documents' `score_document` results:
    one corpus figure per genre set, summed the same way for every set."""
    tp = strict = n_gold = n_pred = a_tp = a_gold = a_pred = 0
    for s in scores:
        tp, strict, n_gold, n_pred = tp + s["tp"], strict + s["strict"], n_gold + s["gold"], n_pred + s["pred"]
        found, gold_n, pred_n = (int(x.split("(")[0]) for x in s["assign"].split("/"))
        a_tp, a_gold, a_pred = a_tp + found, a_gold + gold_n, a_pred + pred_n
    return {"f1": _prf(tp, n_pred, n_gold), "strict_f1": _prf(strict, n_pred, n_gold),
            "assign_f1": _prf(a_tp, a_pred, a_gold), "tp": tp, "strict": strict, "gold": n_gold, "pred": n_pred}
