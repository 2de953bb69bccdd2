"""The planner confirms, rejects, edits and merges items one at a time, with htmx posts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import ItemStatus

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def _act(client, item, action, **data):  # type: ignore[no-untyped-def]
    return client.post(reverse("documents:item_action", args=[item.pk, action]),
                       {"version": item.version, **data}, **HX)


def test_confirming_an_item_returns_its_updated_card(world, client_for) -> None:
    item = world.assignment_item
    response = _act(client_for("planner"), item, "confirm")
    item.refresh_from_db()
    assert item.status == ItemStatus.CONFIRMED
    assert item.version == 2
    assert f'id="item-{item.pk}"' in response.content.decode()
    assert "<html" not in response.content.decode()


def test_rejecting_an_item_keeps_it_out_of_the_publication(world, client_for) -> None:
    _act(client_for("planner"), world.target_item, "reject")
    world.target_item.refresh_from_db()
    assert world.target_item.status == ItemStatus.REJECTED


def test_editing_a_target_reads_vietnamese_numbers_and_confirms_it(world, client_for) -> None:
    item = world.target_item
    prefix = f"i{item.pk}-"
    fields = {"indicator": "Tỷ lệ trạm y tế xã có bác sĩ", "comparator": ">=", "value": "96,5", "value_max": "",
              "unit": "%", "period": "2026", "agency": "Sở Y tế", "kind": "target"}
    _act(client_for("planner"), item, "edit", **{prefix + k: v for k, v in fields.items()})
    item.refresh_from_db()
    assert item.data["value"] == 96.5
    assert item.data["comparator"] == ">="
    assert item.status == ItemStatus.CONFIRMED


def test_a_bad_number_gets_a_vietnamese_message_and_changes_nothing(world, client_for) -> None:
    item = world.target_item
    prefix = f"i{item.pk}-"
    fields = {"indicator": "X", "comparator": "=", "value": "chín mươi", "unit": "%", "kind": "target"}
    response = _act(client_for("planner"), item, "edit", **{prefix + k: v for k, v in fields.items()})
    item.refresh_from_db()
    assert "không phải là số hợp lệ" in response.content.decode()
    assert item.data["value"] == 95
    assert item.version == 1


def test_an_edit_made_on_a_stale_version_is_refused(world, client_for) -> None:
    item = world.target_item
    client = client_for("planner")
    _act(client, item, "reject")  # someone else changes it: version 2
    response = _act(client, item, "confirm")  # the page still shows version 1
    item.refresh_from_db()
    assert "vừa được người khác sửa" in response.content.decode()
    assert item.status == ItemStatus.REJECTED


def test_merging_into_an_existing_indicator_works_without_diacritics(world, client_for) -> None:
    item = world.target_item
    _act(client_for("planner"), item, "merge", indicator_name="toc do tang truong kinh te")
    item.refresh_from_db()
    assert item.indicator == world.indicator
    assert not item.indicator_suggested


def test_merging_into_an_unknown_indicator_is_refused(world, client_for) -> None:
    response = _act(client_for("planner"), world.target_item, "merge", indicator_name="Không có chỉ tiêu này")
    assert "trong danh mục" in response.content.decode()


def test_the_suggestion_shows_when_the_names_match(world, client_for) -> None:
    page = client_for("planner").get(reverse("documents:review", args=[world.review_doc.pk])).content.decode()
    assert "gợi ý: trùng tên" in page


def test_confirm_all_confirms_every_pending_item(world, client_for) -> None:
    response = client_for("planner").post(reverse("documents:confirm_all", args=[world.review_doc.pk]), follow=True)
    assert not world.review_doc.items.filter(status=ItemStatus.PENDING).exists()
    assert "Đã xác nhận 1 mục" in response.content.decode()


def test_without_htmx_an_operation_redirects_back_to_the_review(world, client_for) -> None:
    item = world.assignment_item
    response = client_for("planner").post(reverse("documents:item_action", args=[item.pk, "confirm"]),
                                          {"version": 1})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{item.pk}")
