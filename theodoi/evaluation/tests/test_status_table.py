"""The dashboards' status table, built in Python (templatetags.status_rows_html), and the index
the dashboards' target query uses."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from theodoi.evaluation import selectors
from theodoi.evaluation.services import target_statuses_recompute
from theodoi.evaluation.templatetags.evaluation_tags import status_rows_html
from theodoi.plans.models import Target

pytestmark = pytest.mark.django_db


def test_the_rows_escape_what_users_typed_and_link_each_target(plan2021: Any) -> None:
    indicator = plan2021.growth.indicator
    indicator.name = 'GRDP <script>alert("x")</script> & co'
    indicator.save()
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-06", 9.5)
    target_statuses_recompute()
    rows = selectors.status_rows(public=False, targets=Target.objects.all())
    html = status_rows_html(rows, "/danh-gia/chi-tieu/")
    assert "<script>" not in html
    assert "GRDP &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert f'<a href="/danh-gia/chi-tieu/{plan2021.growth.pk}/">' in html
    assert '<td class="num">9,5%</td>' in html and '<span class="badge b-warn">Có nguy cơ</span>' in html
    assert '<div class="small muted">Sở Kế hoạch và Đầu tư</div>' in html
    assert html.count("<tr>") == len(rows)


def test_targets_not_yet_evaluated_say_so_and_an_empty_table_says_it_is_empty(plan2021: Any) -> None:
    rows = selectors.status_rows(public=False, targets=Target.objects.all())
    html = status_rows_html(rows, "/danh-gia/chi-tieu/")
    assert html.count("Chưa đánh giá (chạy “theodoi evaluate”).") == len(rows) > 0
    assert "Không có chỉ tiêu nào." in status_rows_html([], "/danh-gia/chi-tieu/")


def test_targets_are_indexed_by_responsible_unit_and_period() -> None:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Target._meta.db_table)
    assert any(c["index"] and c["columns"] == ["responsible_unit_id", "period"] for c in constraints.values())
