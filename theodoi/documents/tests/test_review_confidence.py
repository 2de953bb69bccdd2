"""The review screen puts doubtful items first, says why each attribute was decided, and confirms
the items the extractor is sure of in one click, for one section or the whole document."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from theodoi.documents.models import ExtractedItem, ItemKind, ItemStatus

pytestmark = pytest.mark.django_db


def _item(document: Any, name: str, confidence: float, section: str, start: int) -> ExtractedItem:
    data = {"indicator": name, "value": 1, "unit": "%", "kind": "target", "comparator": ">=", "period": "2026",
            "agency": None, "confidence": confidence, "path": [section, "1. Kinh tế"],
            "decided_by": {"period": {"value": "2026", "source": "heading", "evidence": section},
                           "kind": {"value": "target", "source": "column", "evidence": "Kế hoạch năm 2026"}}}
    return ExtractedItem.objects.create(document=document, kind=ItemKind.TARGET, data=data, start=start,
                                        end=start + 5, status=ItemStatus.PENDING)


@pytest.fixture
def doubtful(world: Any) -> Any:
    doc = world.review_doc
    return {
        "sure_a": _item(doc, "Tỷ lệ hộ nghèo giảm", 0.95, "II. KẾ HOẠCH NĂM 2026", 10),
        "sure_b": _item(doc, "Tỷ lệ che phủ rừng", 0.9, "III. NHIỆM VỤ KHÁC", 20),
        "doubt": _item(doc, "Số xã đạt chuẩn nông thôn mới", 0.4, "II. KẾ HOẠCH NĂM 2026", 30),
    }


def test_least_certain_first_with_reasons_in_vietnamese(world: Any, doubtful: Any, client_for: Any) -> None:
    page = client_for("planner").get(reverse("documents:review", args=[world.review_doc.pk])).content.decode()
    page = page.split('id="items"', 1)[1]
    assert page.index("Số xã đạt chuẩn nông thôn mới") < page.index("Tỷ lệ che phủ rừng") < page.index("Tỷ lệ hộ nghèo giảm")
    assert "tin cậy 40%" in page and "c-low" in page and "c-high" in page
    assert "Kỳ: 2026 — theo đề mục «II. KẾ HOẠCH NĂM 2026»" in page
    assert "Loại: chỉ tiêu — theo tiêu đề cột của bảng «Kế hoạch năm 2026»" in page
    in_order = client_for("planner").get(reverse("documents:review", args=[world.review_doc.pk]) + "?thu-tu=van-ban")
    text = in_order.content.decode().split('id="items"', 1)[1]
    assert text.index("Tỷ lệ hộ nghèo giảm") < text.index("Tỷ lệ che phủ rừng") < text.index("Số xã đạt chuẩn")


def test_confirm_the_sure_items_of_one_section(world: Any, doubtful: Any, client_for: Any) -> None:
    url = reverse("documents:confirm_confident", args=[world.review_doc.pk])
    response = client_for("planner").post(url, {"block": "II. KẾ HOẠCH NĂM 2026"}, follow=True)
    assert "Đã xác nhận 1 mục có độ tin cậy cao" in response.content.decode()
    status = {k: ExtractedItem.objects.get(pk=v.pk).status for k, v in doubtful.items()}
    assert status == {"sure_a": "confirmed", "sure_b": "pending", "doubt": "pending"}
    client_for("planner").post(url, {"block": "*"})
    status = {k: ExtractedItem.objects.get(pk=v.pk).status for k, v in doubtful.items()}
    assert status == {"sure_a": "confirmed", "sure_b": "confirmed", "doubt": "pending"}
    from theodoi.core import audit

    events = [e for e in audit.trail(world.review_doc) if e.action == "document.confirm_confident"]
    assert [(e.after or {}).get("confirmed") for e in events] == [1, 1]


def test_only_planners_confirm(world: Any, doubtful: Any, client_for: Any) -> None:
    url = reverse("documents:confirm_confident", args=[world.review_doc.pk])
    for who in ("health_reporter", "leader"):
        client_for(who).post(url, {"block": "*"})
    assert ExtractedItem.objects.filter(pk=doubtful["sure_a"].pk, status=ItemStatus.PENDING).exists()
