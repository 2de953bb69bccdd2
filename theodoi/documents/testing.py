"""Test helpers shared by the platform's tests: a small fake extractor and a ready-made world.

The fake extractor reads only the simple sample texts our tests write (one target or one
assignment per numbered line), so platform tests do not depend on the real extractor's
coverage; one test (documents/tests/test_real_extractor.py) runs the real one when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from theodoi.accounts.models import OrgUnit
from theodoi.documents.models import Document, DocumentStatus, ExtractedItem, ItemKind, ItemStatus
from theodoi.plans.models import (
    Assignment,
    Indicator,
    Plan,
    PlanKind,
    PublishStatus,
    Target,
    TargetSource,
    Task,
)
from theodoi.test import Cast

_NUMBER = re.compile(r"^Số:\s*(\S+)", re.MULTILINE)
_YEAR = re.compile(r"năm (\d{4})")
_TARGET = re.compile(
    r"^\s*\d+\.\s*(?:(?P<agency>Sở [^:\n]+):\s*)?(?P<indicator>[^\n]+?)\s+"
    r"(?P<cmp>đạt trên|trên|dưới|khoảng|đạt)\s+(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>%|ha|tỷ đồng|người)",
    re.MULTILINE,
)
_ASSIGNMENT = re.compile(
    r"^\s*[a-z]\)\s*(?P<lead>[^,\n]+?) chủ trì(?:, phối hợp với (?P<partners>[^:\n]+))?:\s*(?P<task>[^\n]+)",
    re.MULTILINE,
)
_CMP = {"đạt trên": ">", "trên": ">", "dưới": "<", "khoảng": "~", "đạt": "="}


def fake_extract(text: str) -> dict[str, Any]:
    """The FORMAT.md dictionary for our sample texts (offsets into `text`)."""
    number = _NUMBER.search(text)
    year = _YEAR.search(text)
    kind = "chuong_trinh" if "CHƯƠNG TRÌNH" in text else "nghi_quyet" if "NGHỊ QUYẾT" in text else "other"
    targets = []
    for m in _TARGET.finditer(text):
        value = float(m["value"].replace(",", "."))
        targets.append({
            "kind": "target", "indicator": m["indicator"].strip(), "comparator": _CMP[m["cmp"]],
            "value": int(value) if value.is_integer() else value, "value_max": None, "unit": m["unit"],
            "period": year[1] if year else None, "agency": m["agency"], "start": m.start("indicator"), "end": m.end(),
        })
    assignments = []
    for m in _ASSIGNMENT.finditer(text):
        partners = [p.strip() for p in (m["partners"] or "").split(" và ") if p.strip()]
        assignments.append({
            "ref": None, "lead": [m["lead"].strip()], "partners": partners, "tasks": 1,
            "start": m.start("lead"), "end": m.end(),
            "items": [{"text": m["task"].strip(), "start": m.start("task"), "end": m.end("task"), "deadline": None}],
        })
    return {
        "document": {"kind": kind, "number": number[1] if number else None, "issuer": None, "date": None,
                     "plan_year": int(year[1]) if year else None},
        "targets": targets, "assignments": assignments, "deadlines": [],
    }


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM
Số: 21/NQ-HĐND

NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2026

I. CÁC CHỈ TIÊU CHỦ YẾU
1. Tốc độ tăng trưởng kinh tế đạt trên 8,5%.
2. Tỷ lệ trạm y tế xã có bác sĩ đạt 95%.
3. Diện tích trồng rừng mới đạt 1200 ha.

II. NHIỆM VỤ
a) Sở Y tế chủ trì, phối hợp với UBND huyện Đắk Hà: nâng cao chất lượng khám chữa bệnh ở tuyến xã.
"""

PROGRAMME = """ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 05/CTr-UBND

CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2026

1. Sở Y tế: Tỷ lệ trạm y tế xã có bác sĩ đạt 95%.
2. Sở Nông nghiệp và Môi trường: Diện tích trồng rừng mới đạt 1200 ha.
"""


@dataclass
class World:
    """Published and draft data every permission test looks at."""

    plan: Plan
    draft_plan: Plan
    published_doc: Document
    review_doc: Document
    target: Target
    health_draft: Target
    district_draft: Target
    assignment: Assignment
    draft_assignment: Assignment
    target_item: ExtractedItem
    assignment_item: ExtractedItem
    indicator: Indicator


def _document(title: str, text: str, status: str, checksum: str) -> Document:
    from django.core.files.base import ContentFile

    from theodoi.core.text import fold

    document = Document(
        title=title, original_name=f"{checksum}.txt", checksum=checksum * 8, size=len(text.encode()),
        format="txt", text=text, text_folded=fold(text), status=status, progress=100, kind="nghi_quyet",
    )
    # The uploaded file itself, as an upload stores it (the download view serves it).
    document.file.save(document.original_name, ContentFile(text.encode()), save=False)
    document.save()
    return document


def make_world(cast: Cast) -> World:
    plan = Plan.objects.create(name="Kế hoạch năm 2026", kind=PlanKind.YEAR, year_start=2026, year_end=2026,
                               unit=cast.province, status=PublishStatus.PUBLISHED)
    draft_plan = Plan.objects.create(name="Kế hoạch năm 2027 (dự thảo)", kind=PlanKind.YEAR, year_start=2027,
                                     year_end=2027, unit=cast.province)
    growth = Indicator.objects.create(name="Tốc độ tăng trưởng kinh tế", unit="%")
    doctors = Indicator.objects.create(name="Tỷ lệ trạm y tế xã có bác sĩ", unit="%", field="society")
    roads = Indicator.objects.create(name="Tỷ lệ xã có đường ô tô đến trung tâm", unit="%")
    published = _document("Nghị quyết kế hoạch 2026", RESOLUTION, DocumentStatus.PUBLISHED, "a1")
    published.number = "21/NQ-HĐND"
    published.plan = plan
    published.save()
    target = Target.objects.create(plan=plan, indicator=growth, comparator=">", value=8.5, unit="%", period="2026",
                                   responsible_unit=cast.planning, status=PublishStatus.PUBLISHED)
    start = RESOLUTION.index("Tốc độ tăng trưởng")
    TargetSource.objects.create(target=target, document=published, start=start, end=RESOLUTION.index("\n", start))
    health_draft = Target.objects.create(plan=draft_plan, indicator=doctors, value=97, unit="%", period="2027",
                                         responsible_unit=cast.health)
    district_draft = Target.objects.create(plan=draft_plan, indicator=roads, value=100, unit="%", period="2027",
                                           responsible_unit=cast.district)
    assignment = Assignment.objects.create(plan=plan, lead_text="Sở Y tế", partner_text="UBND huyện Đắk Hà",
                                           document=published, status=PublishStatus.PUBLISHED)
    assignment.lead_units.set([cast.health])
    assignment.partner_units.set([cast.district])
    Task.objects.create(assignment=assignment, text="Nâng cao chất lượng khám chữa bệnh ở tuyến xã.")
    draft_assignment = Assignment.objects.create(plan=draft_plan, lead_text="Sở Y tế")
    draft_assignment.lead_units.set([cast.health])
    Task.objects.create(assignment=draft_assignment, text="Xây dựng đề án bác sĩ gia đình (dự thảo).")
    review = _document("Chương trình hành động 2026", PROGRAMME, DocumentStatus.REVIEW, "b2")
    data = fake_extract(PROGRAMME)
    t = data["targets"][0]
    target_item = ExtractedItem.objects.create(document=review, kind=ItemKind.TARGET, data=t, start=t["start"],
                                               end=t["end"], indicator=doctors, indicator_suggested=True,
                                               status=ItemStatus.CONFIRMED)
    a = {"ref": "1", "lead": ["Sở Y tế"], "partners": [], "tasks": 1, "start": 0, "end": 30, "items": []}
    assignment_item = ExtractedItem.objects.create(document=review, kind=ItemKind.ASSIGNMENT, data=a, start=0, end=30,
                                                   status=ItemStatus.PENDING)
    return World(plan, draft_plan, published, review, target, health_draft, district_draft, assignment,
                 draft_assignment, target_item, assignment_item, growth)


def unit(code: str) -> OrgUnit:
    return OrgUnit.objects.get(code=code)


# Fixtures, imported by the conftest.py of each platform test package.
import pytest  # noqa: E402

CAST_MEMBERS = ("planner", "health_reporter", "district_reporter", "leader", "anonymous")


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction reads our sample texts with `fake_extract`; reading bytes stays real."""
    monkeypatch.setattr("theodoi.documents.extraction._extract", fake_extract)


@pytest.fixture
def world(cast: Cast) -> World:
    return make_world(cast)


