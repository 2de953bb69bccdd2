"""The reporting pages: who sees what, and the actions each role is offered."""

from __future__ import annotations

import pytest

from theodoi.reporting.services import form_open_or_create, form_save_values, form_submit

pytestmark = pytest.mark.django_db


def _form(world):
    c = world.cast
    return form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health, period_key=world.period.key)


def test_the_reporter_gets_an_editable_grid_with_vietnamese_numbers(world, client):
    form = _form(world)
    form_save_values(user=world.cast.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "3.500,5"}])
    client.force_login(world.cast.health_reporter)
    html = client.get(f"/bao-cao-dinh-ky/bieu/{form.pk}/").content.decode()
    assert 'value="3.500,5"' in html and 'data-editable="1"' in html and "Gửi báo cáo" in html
    assert "Phê duyệt" not in html


def test_the_head_sees_approve_after_submission_and_the_district_sees_nothing(world, client):
    c = world.cast
    form = _form(world)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30"}, {"target": world.insured.pk, "value": "90"}])
    form_submit(user=c.health_reporter, form=form)
    client.force_login(c.health_head)
    html = client.get(f"/bao-cao-dinh-ky/bieu/{form.pk}/").content.decode()
    assert 'id="btn-approve"' in html and 'data-editable="0"' in html
    client.force_login(c.district_reporter)
    assert client.get(f"/bao-cao-dinh-ky/bieu/{form.pk}/").status_code == 403


def test_an_action_refused_by_the_service_comes_back_as_a_message(world, client):
    form = _form(world)
    client.force_login(world.cast.health_reporter)
    response = client.post(f"/bao-cao-dinh-ky/bieu/{form.pk}/submit/", follow=True)
    assert "Chưa gửi được báo cáo" in response.content.decode()


def test_anonymous_visitors_are_sent_to_login(world, client):
    form = _form(world)
    assert client.get(f"/bao-cao-dinh-ky/bieu/{form.pk}/").status_code == 302
    assert client.get("/bao-cao-dinh-ky/").status_code == 302


@pytest.mark.parametrize("path", ["/bao-cao-dinh-ky/", "/bao-cao-dinh-ky/dung-han/", "/bao-cao-dinh-ky/tong-hop/",
                                  "/bao-cao-dinh-ky/thong-bao/"])
def test_the_planners_pages_render(world, client, path):
    _form(world)
    client.force_login(world.cast.planner)
    assert client.get(path).status_code == 200


def test_the_reporters_index_offers_to_open_a_form(world, client):
    client.force_login(world.cast.health_reporter)
    html = client.get("/bao-cao-dinh-ky/").content.decode()
    assert "Mở biểu báo cáo" in html and "Sở Y tế" in html
