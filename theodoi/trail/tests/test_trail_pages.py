"""The trail pages: a dashboard number back to its source, the filtered list, who may read what."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from theodoi.documents.testing import fake_extractor  # noqa: F401  (fixture)
from theodoi.trail.testing import REASON, TracedNumber, make_traced_number

pytestmark = pytest.mark.django_db


def _rows(page: Any) -> str:
    """The trail table only (the filter's options name every action too)."""
    html = page.content.decode()
    start = html.index('data-testid="trail-rows"')
    return html[start:html.index("</table>", start)]


@pytest.fixture
def traced(cast: Any, fake_extractor: None) -> TracedNumber:  # noqa: F811
    return make_traced_number(cast)


def test_a_target_trail_goes_from_the_value_to_the_source_sentence(traced: TracedNumber, client_for: Any) -> None:
    page = client_for("leader").get(reverse("trail:target", args=[traced.target.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    # the value and who reported it, the approval and the acceptance
    assert "96,5" in html and "Sở Y tế" in html
    assert "Gửi báo cáo" in html and "Phê duyệt" in html and "Tiếp nhận" in html
    assert "Lê Văn Giám" in html  # the head who approved
    # the correction with its reason, before → after
    assert "Sửa chỉ tiêu" in html and REASON in html
    # the source sentence, the reviewed item and the publication
    assert "Tỷ lệ trạm y tế xã có bác sĩ đạt 95%" in html
    assert "Sửa mục trích xuất" in html and "Công bố vào kế hoạch" in html


def test_a_value_trail_shows_each_change_and_the_form_steps(traced: TracedNumber, client_for: Any) -> None:
    page = client_for("planner").get(reverse("trail:value", args=[traced.value.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Lưu số liệu" in html and "96,5" in html and "Trần Thị Y" in html
    # the changed field in the page's words, not its code name
    assert "Số liệu: " in html and "<code>value</code>" not in html
    assert reverse("reporting:form", args=[traced.form.pk]) in html
    assert reverse("trail:target", args=[traced.target.pk]) in html


def test_a_unit_sees_its_own_trail_and_no_other(traced: TracedNumber, client_for: Any) -> None:
    assert client_for("health_reporter").get(reverse("trail:target", args=[traced.target.pk])).status_code == 200
    assert client_for("district_reporter").get(reverse("trail:target", args=[traced.target.pk])).status_code == 404
    assert client_for("district_reporter").get(reverse("trail:value", args=[traced.value.pk])).status_code == 404
    listed = _rows(client_for("district_reporter").get(reverse("trail:list")))
    assert "Sở Y tế · Tháng 6/2026" not in listed and "Sửa chỉ tiêu" not in listed
    own = _rows(client_for("health_reporter").get(reverse("trail:list")))
    assert "Phê duyệt" in own
    anonymous = client_for("anonymous").get(reverse("trail:list"))
    assert anonymous.status_code == 302


def test_the_list_filters_by_subject_person_action_and_dates(traced: TracedNumber, client_for: Any) -> None:
    client = client_for("leader")
    url = reverse("trail:list")
    by_target = _rows(client.get(url, {"loai": "target", "ma": traced.target.pk}))
    assert REASON in by_target and "Phê duyệt" not in by_target
    by_head = _rows(client.get(url, {"nguoi": traced.cast.health_head.pk}))
    assert "Phê duyệt" in by_head and "Tiếp nhận" not in by_head and REASON not in by_head
    by_action = _rows(client.get(url, {"thao_tac": "accept"}))
    assert "Tiếp nhận" in by_action and "Gửi báo cáo" not in by_action
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "Chưa có thao tác nào." in _rows(client.get(url, {"tu": tomorrow}))
    values = _rows(client.get(url, {"loai": "value", "ma": traced.value.pk}))
    assert "Lưu số liệu" in values


def test_dashboard_numbers_link_to_their_trail_for_readers_only(traced: TracedNumber, client_for: Any) -> None:
    trail = reverse("trail:target", args=[traced.target.pk])
    page = client_for("leader").get(reverse("evaluation:target", args=[traced.target.pk])).content.decode()
    assert f'href="{trail}"' in page
    assert reverse("trail:value", args=[traced.value.pk]) in page
    # the dashboards' year switcher caches its years for a minute: an earlier test's are not 2026's
    cache.delete_many(["evaluation:plan_years:0", "evaluation:plan_years:1"])
    listing = client_for("leader").get(reverse("evaluation:target_list"), {"nam": 2026}).content.decode()
    assert "Tỷ lệ trạm y tế xã có bác sĩ" in listing
    assert f'href="{trail}"' in listing
    public = client_for("anonymous").get(reverse("evaluation:public_target", args=[traced.target.pk])).content.decode()
    assert trail not in public
