import json

from theodoi.exports.data import ReportData, Section
from theodoi.exports.docx_report import render_docx
from theodoi.exports.drafting import draft_sections
from theodoi.exports.samples import sample_report


def test_a_snapshot_survives_json_unchanged():
    data = sample_report(5)
    data = ReportData(**{**data.__dict__, "sections": draft_sections(data)})
    restored = ReportData.from_dict(json.loads(json.dumps(data.to_dict(), ensure_ascii=False)))
    assert restored == data


def test_nested_sections_survive_json():
    section = Section("II. KẾT QUẢ", ["a"], [Section("1. Kinh tế", ["b"])])
    data = ReportData(**{**sample_report(1).__dict__, "sections": [section]})
    assert ReportData.from_dict(json.loads(json.dumps(data.to_dict()))).sections == [section]


def test_a_restored_snapshot_renders_the_same_text():
    data = sample_report(5)
    restored = ReportData.from_dict(json.loads(json.dumps(data.to_dict())))
    assert _text(render_docx(restored)) == _text(render_docx(data))


def _text(docx: bytes) -> str:
    import io

    from docx import Document

    doc = Document(io.BytesIO(docx))
    return "\n".join(p.text for p in doc.paragraphs)
