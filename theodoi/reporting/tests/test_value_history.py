"""Every change is versioned (who, when, before, after) and shown per value, with comments."""

from __future__ import annotations

import pytest

from theodoi.reporting.selectors import value_history
from theodoi.reporting.services import (
    form_approve,
    form_open_or_create,
    form_save_values,
    form_submit,
    value_comment_add,
)

pytestmark = pytest.mark.django_db


def test_each_change_and_step_is_in_the_values_history_with_before_and_after(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30"}, {"target": world.insured.pk, "value": "90"}])
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "3.500,5", "comment": "Gồm cả y tế tư nhân"}])
    form_submit(user=c.health_reporter, form=form)
    form_approve(user=c.health_head, form=form)
    value = form.values.get(target=world.beds)
    rows = [(v.action, v.user, (v.before or {}).get("value"), (v.after or {}).get("value")) for v in value_history(value)]
    assert rows == [
        ("save", c.health_reporter, None, "30"),
        ("save", c.health_reporter, "30", "3500.5"),
        ("submit", c.health_reporter, None, None),
        ("approve", c.health_head, None, None),
    ]
    assert all(v.at for v in value_history(value))


def test_saving_the_same_value_again_adds_no_version(world):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    for _ in range(2):
        form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                         values=[{"target": world.beds.pk, "value": "30"}])
    assert form.values.get(target=world.beds).versions.count() == 1


def test_the_planner_comments_on_a_value_and_the_district_cannot(world):
    from django.core.exceptions import PermissionDenied

    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    value = form.values.get(target=world.beds)
    value_comment_add(user=c.planner, value=value, text="Đề nghị giải trình mức tăng")
    with pytest.raises(PermissionDenied):
        value_comment_add(user=c.district_reporter, value=value, text="x")
    assert [cm.text for cm in value.comments.all()] == ["Đề nghị giải trình mức tăng"]


def test_the_history_page_shows_names_in_vietnamese_order(world, client):
    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "1.234,5"}])
    client.force_login(c.health_head)
    html = client.get(f"/bao-cao-dinh-ky/gia-tri/{form.values.get(target=world.beds).pk}/lich-su/").content.decode()
    assert "Trần Thị Y" in html and "1.234,5" in html
    client.force_login(c.district_reporter)
    assert client.get(f"/bao-cao-dinh-ky/gia-tri/{form.values.get(target=world.beds).pk}/lich-su/").status_code == 403
