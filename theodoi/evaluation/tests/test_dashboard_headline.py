"""The dashboard's first number is the one the six-month report writes, and each number opens on
the targets it counts.

In June nothing of a yearly plan is "achieved": the engine judges on pace. The headline used to read
"0/51 chỉ tiêu chủ yếu đạt và vượt" on a plan half on track, while the report of the same period
said "23/51 ... đạt và vượt tiến độ kế hoạch"; and clicking a number listed the districts' own plans
as well (40 targets behind "23").
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command

from theodoi.evaluation.summaries import summarize_statuses


def test_on_pace_statuses_make_the_headline_count_on_track_targets() -> None:
    june = summarize_statuses(["on_track", "on_track", "at_risk", "off_track", "no_data"])
    assert june.judged_on_pace and june.on_pace == 2 and june.achieved_or_exceeded == 0
    assert june.on_pace_pct == 40.0
    december = summarize_statuses(["achieved", "exceeded", "not_achieved"])
    assert not december.judged_on_pace and december.on_pace == 2


def _listed(client: Any, url: str) -> int:
    body = client.get(url).content.decode()
    found = re.search(r"(\d+) chỉ tiêu\.", body)
    assert found, url
    return int(found.group(1))


def test_each_dashboard_number_opens_on_the_targets_it_counts(
    db: Any, tmp_path: Path, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the status refresh runs after commit
        call_command("loaddemo", "--sample-dir", str(tmp_path), stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="leader"))
    response = client.get("/danh-gia/?nam=2021")
    summary = response.context["summary"]
    assert summary.judged_on_pace, "the demo's figures run to June"
    body = response.content.decode()
    headline = re.search(r'data-testid="kpi-good">\s*<div class="num">(\d+)/(\d+)</div>', body)
    assert headline, "the headline card"
    assert (int(headline.group(1)), int(headline.group(2))) == (summary.on_pace, summary.total)
    assert summary.on_pace > 0
    assert "chỉ tiêu chủ yếu đạt, vượt hoặc đúng tiến độ" in body
    assert _listed(client, "/danh-gia/chi-tieu/?trang_thai=on_pace&nam=2021") == summary.on_pace
    for count in response.context["counts"]:
        listed = _listed(client, f"/danh-gia/chi-tieu/?trang_thai={count['status']}&nam=2021")
        assert listed == count["count"], count["status"]


def test_the_long_dashboard_links_every_section_it_shows(
    db: Any, tmp_path: Path, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddemo", "--sample-dir", str(tmp_path), stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="leader"))
    body = client.get("/danh-gia/?nam=2021").content.decode()
    nav = body[body.index('id="muc-luc"'):body.index("</nav>", body.index('id="muc-luc"'))]
    anchors = re.findall(r'href="#([\w-]+)"', nav)
    assert {"tong-quan", "map-status-section", "co-quan", "nhiem-vu", "gui-bao-cao", "dau-tu-cong",
            "chi-tieu"} <= set(anchors)
    for anchor in anchors:
        assert f'id="{anchor}"' in body, anchor
