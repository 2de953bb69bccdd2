"""A planner opens a corrective task from a target judged behind, through the target page's
button and form; the task shows on the target page, and the consolidated report drafted next
carries it in section III of the DOCX (opened here with python-docx). Screenshots: /tmp/shots/."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

ACTION = "Đẩy nhanh xây dựng khối điều trị nội trú Bệnh viện huyện Sa Thầy"


def _behind() -> Any:
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.evaluation.tests.conftest import make_plan_2021
    from theodoi.test import make_cast

    plan = make_plan_2021(make_cast())
    plan.report(plan.cast.health, plan.beds, "2021-06", 20)  # 20 of 32 beds in June: behind
    target_statuses_recompute()
    return plan


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_corrective_task_opened_from_a_status_appears_in_the_report_docx(
    page_as: Any, shot: Any, live_server: Any
) -> None:
    from docx import Document as Docx

    plan = _behind()
    page = page_as(plan.cast.planner)
    page.goto(f"{live_server.url}/danh-gia/chi-tieu/{plan.beds.pk}/")
    page.get_by_role("link", name="Mở nhiệm vụ khắc phục").click()
    form = page.get_by_test_id("corrective-form")
    form.get_by_label("Tồn tại, hạn chế").fill("Đến tháng 6 mới đạt 20 giường bệnh/vạn dân")
    form.get_by_label("Nguyên nhân").fill("Bệnh viện huyện chậm khởi công do vướng giải phóng mặt bằng")
    form.get_by_label("Giải pháp khắc phục").fill(ACTION)
    form.get_by_label("Cơ quan chủ trì").select_option(label="Sở Y tế")
    form.get_by_label("Thời hạn").fill("2099-10-31")
    shot(page, "corrective-form")
    form.get_by_role("button", name="Mở nhiệm vụ khắc phục").click()
    page.wait_for_url(f"{live_server.url}/danh-gia/chi-tieu/{plan.beds.pk}/")
    assert ACTION in page.get_by_test_id("corrective").inner_text()

    page.goto(f"{live_server.url}/ke-hoach/nhiem-vu/?unit={plan.cast.health.pk}")
    assert ACTION in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/bao-cao/moi/?period=2021-H1&scope=province")
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.wait_for_selector("text=Tải về")
    with page.expect_download() as caught:
        page.get_by_role("link", name="DOCX", exact=True).click()
    data = Path(caught.value.path()).read_bytes()
    Path("/tmp/shots/corrective-report.docx").write_bytes(data)  # rendered to PNG and looked at
    paragraphs = [p.text for p in Docx(io.BytesIO(data)).paragraphs]
    section = next(i for i, text in enumerate(paragraphs) if text.startswith("III."))
    following = next(i for i, text in enumerate(paragraphs) if text.startswith("IV."))
    line = next(text for text in paragraphs[section:following] if ACTION in text)
    assert "vướng giải phóng mặt bằng" in line and "Sở Y tế" in line and "31/10/2099" in line
