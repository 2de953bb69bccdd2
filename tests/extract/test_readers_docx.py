"""Word reader: block order, tables, notes, and hostile zips. Documents are built at run time."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from theodoi_extract.errors import CorruptFileError, EmptyDocumentError
from theodoi_extract.readers import docx as docx_reader
from theodoi_extract.readers import read_bytes

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _plan_document() -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026")
    document.add_paragraph("I. Các chỉ tiêu chủ yếu")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Chỉ tiêu"
    table.cell(0, 2).text = "Năm 2026"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Kinh tế"
    table.cell(1, 1).text = "GRDP"
    table.cell(1, 2).text = "8%"
    table.cell(2, 1).text = "Thu ngân sách"
    table.cell(2, 2).text = "5.000 tỷ đồng"
    document.add_paragraph("II. Nhiệm vụ và giải pháp")
    return document


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    """Copy a .docx zip adding one member (python-docx cannot write footnotes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr(name, content)
    return out.getvalue()


def test_paragraphs_and_tables_in_reading_order() -> None:
    result = read_bytes(_save(_plan_document()), filename="ke-hoach.docx")
    assert result.format == "docx"
    assert result.text.split("\n") == [
        "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",
        "I. Các chỉ tiêu chủ yếu",
        "Chỉ tiêu | Chỉ tiêu | Năm 2026",  # a merged header cell heads each column it covers
        "Kinh tế | GRDP | 8%",
        " | Thu ngân sách | 5.000 tỷ đồng",  # a vertically merged body cell is not repeated, column kept
        "II. Nhiệm vụ và giải pháp",
    ]


def test_cell_with_several_paragraphs_stays_on_one_line() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    cell.text = "Dòng một"
    cell.add_paragraph("Dòng   hai")
    document.tables[0].cell(0, 1).text = "x"
    assert read_bytes(_save(document), filename="a.docx").text == "Dòng một Dòng hai | x"


def test_nested_table_text_is_kept_in_its_cell() -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Ngoài"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Trong 1"
    inner.cell(0, 1).text = "Trong 2"
    assert read_bytes(_save(document), filename="a.docx").text == "Ngoài | Trong 1 | Trong 2"


def test_empty_table_rows_are_skipped() -> None:
    document = docx.Document()
    document.add_paragraph("Trước")
    document.add_table(rows=2, cols=2).cell(1, 1).text = "z"
    assert read_bytes(_save(document), filename="a.docx").text == "Trước\n | z"


def test_runs_hyperlinks_insertions_tabs_breaks_and_deletions() -> None:
    document = docx.Document()
    paragraph = parse_xml(
        f'<w:p {W_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<w:r><w:t>Mục</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">tiêu </w:t></w:r>"
        '<w:hyperlink r:id="rId99"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>'
        "<w:ins><w:r><w:t> thêm</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText> bỏ</w:delText></w:r></w:del>"
        "<w:r><w:br/><w:t>dòng mới</w:t></w:r>"
        "<w:r><w:fldChar/><w:instrText> PAGE </w:instrText></w:r>"
        "</w:p>"
    )
    document.element.body.insert(0, paragraph)
    assert read_bytes(_save(document), filename="a.docx").text == "Mục\ttiêu liên kết thêm\ndòng mới"


def test_text_box_is_read_once_not_from_its_fallback_copy() -> None:
    document = docx.Document()
    box = "<w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent>"
    paragraph = parse_xml(
        f'<w:p {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<w:r><w:t>Trước</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>Sau</w:t></w:r></w:p>"
    )
    document.element.body.insert(0, paragraph)
    assert read_bytes(_save(document), filename="a.docx").text.split("\n") == ["Trước", "Hộp chữ", "Sau"]


def test_content_controls_are_read_in_place() -> None:
    document = docx.Document()
    document.add_paragraph("Đầu")
    document.add_paragraph("Cuối")
    sdt = parse_xml(
        f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Giữa</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(1, sdt)
    assert read_bytes(_save(document), filename="a.docx").text == "Đầu\nGiữa\nCuối"


def test_rows_and_cells_inside_content_controls_are_read() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "A"
    table.cell(0, 1).text = "B"
    row = table.rows[0]._tr
    wrapped_row = parse_xml(
        f"<w:sdt {W_NS}><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc>"
        "<w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>D</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>"
        "</w:tr></w:sdtContent></w:sdt>"
    )
    row.addnext(wrapped_row)
    assert read_bytes(_save(document), filename="a.docx").text == "A | B\nC | D"


def test_footnotes_and_endnotes_come_last() -> None:
    footnotes = (
        f'<w:footnotes {W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Theo Nghị quyết số 12/NQ-HĐND.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    endnotes = (
        f'<w:endnotes {W_NS}><w:endnote w:id="1"><w:p><w:r><w:t>Số liệu ước.</w:t></w:r></w:p></w:endnote>'
        "</w:endnotes>"
    ).encode()
    data = _with_member(_save(_plan_document()), "word/footnotes.xml", footnotes)
    data = _with_member(data, "word/endnotes.xml", endnotes)
    lines = read_bytes(data, filename="a.docx").text.split("\n")
    assert lines[-3:] == ["II. Nhiệm vụ và giải pháp", "[1] Theo Nghị quyết số 12/NQ-HĐND.", "[2] Số liệu ước."]


def test_broken_footnotes_part_does_not_lose_the_body() -> None:
    data = _with_member(_save(_plan_document()), "word/footnotes.xml", b"<w:footnotes not xml")
    assert read_bytes(data, filename="a.docx").text.endswith("II. Nhiệm vụ và giải pháp")


def test_document_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError) as info:
        read_bytes(_save(docx.Document()), filename="trong.docx")
    assert "Word" in info.value.message_vi


def test_not_a_zip_is_corrupt_with_the_word_message() -> None:
    with pytest.raises(CorruptFileError) as info:
        docx_reader.read(b"PK\x03\x04 truncated")
    assert info.value.message_vi == "Tệp .docx không phải là tệp Word hợp lệ (không phải định dạng zip)."


def test_zip_without_document_part_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(CorruptFileError) as info:
        read_bytes(buffer.getvalue(), filename="a.docx")
    assert "word/document.xml" in info.value.message_vi


def test_broken_document_xml_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    with pytest.raises(CorruptFileError) as info:
        read_bytes(buffer.getvalue(), filename="a.docx")
    assert "hỏng" in info.value.message_vi


def test_truncated_docx_is_corrupt() -> None:
    data = _save(_plan_document())
    with pytest.raises(CorruptFileError):
        read_bytes(data[: len(data) // 2], filename="a.docx")


def test_zip_bomb_by_compression_ratio_is_refused_before_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))  # ~30 KB compressed
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(CorruptFileError) as info:
        read_bytes(buffer.getvalue(), filename="bom.docx")
    assert "bom nén" in info.value.message_vi


def test_zip_declaring_too_much_in_total_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(CorruptFileError) as info:
        read_bytes(_save(_plan_document()), filename="a.docx")
    assert "bom nén" in info.value.message_vi


def test_zip_with_too_many_members_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_MEMBERS", 3)
    with pytest.raises(CorruptFileError):
        read_bytes(_save(_plan_document()), filename="a.docx")


def test_member_read_is_capped_while_streaming() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/footnotes.xml", b"x" * 200_000)
    with zipfile.ZipFile(buffer) as archive, pytest.raises(CorruptFileError):
        docx_reader.read_member(archive, "word/footnotes.xml", limit=100_000)
    with zipfile.ZipFile(buffer) as archive:
        assert docx_reader.read_member(archive, "word/missing.xml", limit=10) is None


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info.filename))
    return out.getvalue()


def test_macro_enabled_document_is_read() -> None:
    data = _save(_plan_document())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
    macro = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    assert macro != types
    result = read_bytes(_replace_member(data, "[Content_Types].xml", macro), filename="a.docm")
    assert result.text.startswith("KẾ HOẠCH")


def test_oversized_document_part_is_refused_while_streaming(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_PART_BYTES", 1000)
    with pytest.raises(CorruptFileError) as info:
        read_bytes(_save(_plan_document()), filename="a.docx")
    assert "word/document.xml" in info.value.message_vi


def test_damaged_compressed_data_is_corrupt() -> None:
    document = _plan_document()
    for i in range(200):
        document.add_paragraph(f"Đoạn {i}: thực hiện nhiệm vụ phát triển kinh tế - xã hội.")
    data = bytearray(_save(document))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 100, start + 140):
        data[offset] ^= 0xFF
    with pytest.raises(CorruptFileError):
        read_bytes(bytes(data), filename="a.docx")


def test_docx_without_extension_is_detected_by_content() -> None:
    assert read_bytes(_save(_plan_document())).format == "docx"
