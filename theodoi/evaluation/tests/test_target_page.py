"""A target's page: status and explanation, the time series with the target line, the submissions
behind it and the source sentence."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from theodoi.evaluation.services import target_statuses_recompute

pytestmark = pytest.mark.django_db


def series_of(page: str) -> dict[str, Any]:
    match = re.search(r'<script id="data-series" type="application/json">(.*?)</script>', page, re.S)
    assert match, "the chart's JSON is embedded in the page"
    return json.loads(match.group(1))


def test_a_flow_target_plots_its_year_to_date_figures_with_the_pace_line(plan2021: Any) -> None:
    d = plan2021.cast.district
    plan2021.report(d, plan2021.rice, "2021-03", 9000)
    plan2021.report(d, plan2021.rice, "2021-06", 21000, status="submitted")
    target_statuses_recompute()
    client = Client()
    client.force_login(plan2021.cast.leader)
    page = client.get(reverse("evaluation:target", args=[plan2021.rice.pk])).content.decode()
    series = series_of(page)
    assert series["points"] == [["2021-03-31", 9000.0], ["2021-06-30", 21000.0]]
    assert series["target"] == 40000 and series["flow"] is True and series["years"] == [2021, 2021]
    assert series["pace"] == [["2021-01-01", 0], ["2021-12-31", 40000]]
    assert "Đúng tiến độ" in page and "21.000/40.000 tấn" in page
    assert "Quý" not in page and "Tháng 6/2021" in page and "Đã gửi" in page
    public = Client().get(reverse("evaluation:public_target", args=[plan2021.rice.pk])).content.decode()
    assert series_of(public)["points"] == [["2021-03-31", 9000.0]]


def test_the_source_sentence_is_shown_with_a_link_into_the_document(plan2021: Any) -> None:
    target_statuses_recompute()
    page = Client().get(reverse("evaluation:public_target", args=[plan2021.growth.pk])).content.decode()
    assert "Tốc độ tăng trưởng kinh tế (GRDP) đạt từ 10% trở lên" in page
    assert reverse("documents:viewer", args=[plan2021.document.pk]) in page
    assert reverse("plans:target_detail", args=[plan2021.growth.pk]) in page
