"""`theodoi extract FILE [--json]`: print what the extractor finds in one document.

Errors the user can fix (missing file, unreadable format) print `Lỗi: ...` in Vietnamese and exit
with code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from theodoi_extract.core import extract_file
from theodoi_extract.errors import ExtractError
from theodoi_extract.model import Extraction
from theodoi_extract.numbers import format_vi

_KIND_VI = {"nghi_quyet": "Nghị quyết", "chuong_trinh": "Chương trình", "ket_luan": "Kết luận", "bao_cao": "Báo cáo",
            "ke_hoach": "Kế hoạch", "quyet_dinh": "Quyết định", "other": "Khác"}
_RULE_VI = {"monthly": "hằng tháng", "quarterly": "hằng quý", "semiannual": "6 tháng", "yearly": "hằng năm",
            "once": "một lần", "nine_months": "9 tháng"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="theodoi extract",
                                     description="Trích xuất chỉ tiêu, phân công và thời hạn từ một văn bản.")
    parser.add_argument("file", help="tệp .txt, .docx hoặc .pdf")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--explain", action="store_true",
                        help="in từng chỉ tiêu với ngữ cảnh đã quyết định loại, kỳ, cơ quan và độ tin cậy")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        result = extract_file(args.file)
    except ExtractError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Lỗi: Không đọc được tệp ({exc.strerror or exc}).", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    elif args.explain:
        print(explain(result))
    else:
        print(summary(result))
    return 0


def _value(value: float, value_max: float | None) -> str:
    text = format_vi(value)
    return f"{text}–{format_vi(value_max)}" if value_max is not None else text


def summary(result: Extraction) -> str:
    """A readable Vietnamese summary: metadata, a table of targets, assignments, deadlines."""
    d = result.document
    lines = [
        f"Loại văn bản: {_KIND_VI.get(d.kind, d.kind)}",
        f"Số, ký hiệu: {d.number or '—'}",
        f"Cơ quan ban hành: {d.issuer or '—'}",
        f"Ngày ký: {d.date or '—'}",
        f"Năm kế hoạch: {d.plan_year or '—'}",
        "",
        f"CHỈ TIÊU ({len(result.targets)})",
    ]
    rows = [("Loại", "Chỉ tiêu", "So sánh", "Giá trị", "Đơn vị", "Kỳ", "Đơn vị chủ trì")]
    for t in result.targets:
        rows.append(("Mục tiêu" if t.kind == "target" else "Thực hiện", t.indicator[:60], t.comparator,
                     _value(t.value, t.value_max), t.unit, t.period or "—", t.agency or "—"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines += ["", f"PHÂN CÔNG ({len(result.assignments)})"]
    for a in result.assignments:
        partners = f"; phối hợp: {', '.join(a.partners)}" if a.partners else ""
        lines.append(f"{a.ref or '—'}. Chủ trì: {', '.join(a.lead)}{partners} ({a.tasks} nhiệm vụ)")
    lines += ["", f"THỜI HẠN ({len(result.deadlines)})"]
    for dl in result.deadlines:
        when = dl.date or (f"ngày {dl.day}" if dl.day else "")
        lines.append(f"- {_RULE_VI.get(dl.rule, dl.rule)} {when}: {dl.what}".rstrip())
    return "\n".join(lines)


_SOURCE_VI = {"sentence": "câu chứa số liệu", "column": "tiêu đề cột", "heading": "đề mục",
              "metadata": "thông tin văn bản", "default": "mặc định"}
_ATTR_VI = {"kind": "Loại", "period": "Kỳ", "agency": "Cơ quan"}


def explain(result: Extraction) -> str:
    """Every item with the context that decided each attribute, lowest confidence first, so that
    a reviewer reads the doubtful ones before the sure ones."""
    lines = [f"Trang {page} đọc bằng OCR, độ tin cậy {conf:.0f}/100: các số liệu của trang có độ tin cậy thấp hơn"
             for page, _, _, conf in result.ocr_spans]
    lines.append(f"CHỈ TIÊU ({len(result.targets)}), độ tin cậy thấp trước")
    order = sorted(range(len(result.targets)), key=lambda i: (result.targets[i].confidence, i))
    for n, i in enumerate(order, 1):
        t = result.targets[i]
        excerpt = " ".join(result.text[t.start:t.end].split())[:120] if result.text else ""
        lines.append(f"{n}. {t.indicator[:80]}: {t.comparator} {_value(t.value, t.value_max)} {t.unit}"
                     f"  [độ tin cậy {format_vi(round(t.confidence, 2))}]")
        lines.append(f"   Nguồn [{t.start}:{t.end}]: «{excerpt}»")
        if t.path:
            lines.append(f"   Vị trí: {' › '.join(t.path)}")
        for d in t.decisions:
            value = d.value if d.value is not None else "—"
            if d.attribute == "kind":
                value = "Mục tiêu" if d.value == "target" else "Thực hiện" if d.value == "actual" else value
            evidence = f": «{d.evidence}»" if d.evidence else ""
            lines.append(f"   {_ATTR_VI.get(d.attribute, d.attribute)} = {value} (theo {_SOURCE_VI[d.source]}{evidence})")
        if t.reason:
            lines.append(f"   Lý do: {t.reason}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
