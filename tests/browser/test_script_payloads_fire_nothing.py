"""Names that carry script payloads run nothing, on any page that shows them.

Indicator and agency names come from uploaded documents, so a hostile document could name an
indicator `<img src=x onerror=alert(1)>`. Django's templates escape them; the charts' tooltips are
HTML built in JavaScript, so charts.js escapes them too, and the Content-Security-Policy refuses
inline script should an escaping mistake slip in. Every chart is hovered so its tooltips render.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMG = '<img src=x onerror="alert(document.domain)">'
SVG = "<svg/onload=alert(document.cookie)>"
SCRIPT = '"><script>alert(`x`)</script>'

DOCUMENT = f"""NGHỊ QUYẾT
về nhiệm vụ phát triển kinh tế - xã hội năm 2026 của tỉnh Sông Mây

I. CÁC CHỈ TIÊU CHỦ YẾU
1. Tỷ lệ trẻ em {IMG} được tiêm chủng đầy đủ đạt 98%.
2. Trồng mới 2.000 ha rừng {SCRIPT} tập trung.
II. TỔ CHỨC THỰC HIỆN
1. Giao Sở Y tế {SVG} chủ trì, phối hợp với UBND các huyện nâng tỷ lệ bao phủ bảo hiểm y tế lên 95%.
"""


def _watch(page: Any) -> tuple[list[str], list[str]]:
    dialogs: list[str] = []
    refused: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return dialogs, refused


TOOLTIPS = """el => Array.from(el.querySelectorAll('div'))
  .filter(d => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent)
  .map(d => d.textContent).join(' | ')"""


def _hover_charts(page: Any) -> set[str]:
    """Move the mouse over every rendered chart on a grid of points, so every tooltip is drawn;
    the texts of the tooltips seen."""
    seen: set[str] = set()
    for chart in page.locator("[data-rendered='1']").all():
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        if not box:
            continue
        for i in range(1, 12):
            for j in range(1, 8):
                page.mouse.move(box["x"] + box["width"] * i / 12, box["y"] + box["height"] * j / 8)
                page.wait_for_timeout(15)
                seen.add(chart.evaluate(TOOLTIPS))
    return seen


def _payload_data() -> Any:
    """The drill-down year with its indicator and agency names replaced by payloads."""
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.evaluation.tests.conftest import make_plan_2021
    from theodoi.test import make_cast

    plan = make_plan_2021(make_cast())
    c = plan.cast
    plan.report(c.planning, plan.growth, "2021", 10.6)
    plan.report(c.health, plan.beds, "2021-06", 30.5)
    plan.report(c.district, plan.rice, "2021", 40000)
    for target, payload in ((plan.growth, IMG), (plan.beds, SCRIPT), (plan.rice, SVG)):
        target.indicator.name = f"Chỉ tiêu {payload}"
        target.indicator.save()
    c.health.name = f"Sở Y tế {IMG}"
    c.health.save()
    c.district.name = f"Huyện Đăk Hà {SCRIPT}"
    c.district.save()
    _district_outline(c.district)  # the dashboards' district maps carry the payload name too
    target_statuses_recompute()
    return plan


def _district_outline(district: Any) -> None:
    import json

    from theodoi.geo.services import boundaries_import

    ring = [[107.8, 14.4], [108.0, 14.4], [108.0, 14.6], [107.8, 14.6], [107.8, 14.4]]
    feature = {"type": "Feature", "properties": {"code": district.code, "name": district.name},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}
    boundaries_import(user=None, data=json.dumps({"type": "FeatureCollection", "features": [feature]}), source="t")


def test_an_uploaded_document_with_script_names_fires_nothing_on_its_pages(
    live_server: Any, page_as: Any, shot: Any, sign_in: Any
) -> None:
    from theodoi.documents.models import Document
    from theodoi.test import make_cast

    make_cast()
    page = page_as()
    dialogs, refused = _watch(page)
    sign_in(page, "planner")
    page.goto(live_server.url + "/van-ban/tai-len/")
    page.set_input_files("#id_file", files=[{"name": "nq-song-may.txt", "mimeType": "text/plain",
                                             "buffer": DOCUMENT.encode()}])
    page.fill("#id_title", f"Nghị quyết {SVG}")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("text=Chờ rà soát")
    document = Document.objects.get()
    page.goto(f"{live_server.url}/van-ban/{document.pk}/ra-soat/")
    page.wait_for_selector(".doctext mark")
    assert "onerror" in page.locator("body").inner_text()  # the payload is on the page, as text
    page.get_by_role("button", name="Xác nhận tất cả").click()
    page.wait_for_load_state()
    page.locator(".publish-form").get_by_role("button", name="Công bố").click()
    page.wait_for_selector(".msg.success")
    shot(page, "xss-review")
    for path in (f"/van-ban/{document.pk}/", f"/van-ban/{document.pk}/noi-dung/", "/van-ban/",
                 "/ke-hoach/chi-tieu/", "/ke-hoach/nhiem-vu/", "/ke-hoach/don-vi/", "/tim-kiem/?q=onerror",
                 "/danh-gia/", "/danh-gia/chi-tieu/", "/danh-gia/cong-khai/", "/danh-gia/cong-khai/chi-tieu/",
                 "/api/docs", "/admin/login/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        _hover_charts(page)
    assert dialogs == [] and refused == []


def test_chart_tooltips_show_script_names_as_text(live_server: Any, page_as: Any, shot: Any) -> None:
    plan = _payload_data()
    for who, path in ((plan.cast.leader, "/danh-gia/?nam=2021"), (None, "/danh-gia/cong-khai/?nam=2021"),
                      (plan.cast.leader, f"/danh-gia/chi-tieu/{plan.growth.pk}/"),
                      (plan.cast.leader, "/danh-gia/chi-tieu/?nam=2021"),
                      (plan.cast.leader, "/bao-cao-dinh-ky/dung-han/")):
        page = page_as(who)
        dialogs, refused = _watch(page)
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        tooltips = " ".join(_hover_charts(page))
        assert dialogs == [], (path, dialogs)
        assert refused == [], (path, refused)
        if path.startswith("/danh-gia/?"):
            shot(page, "xss-dashboard")
            # the payload names reached the tooltips, as visible text
            assert IMG in tooltips and SVG in tooltips, tooltips
