"""Review at scale: many forms approved or returned together (each on its own, audited, refusals
reported per form), notes on single values, a form's changes since its last approval, and a
planner's exception that reopens one unit's form, with its reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from theodoi.accounts.models import Membership, Role
from theodoi.reporting.models import FormStatus, LockException, ReportForm
from theodoi.reporting.review import form_diff, review_queue
from theodoi.reporting.services import (
    ReportingError,
    form_approve,
    form_lock,
    form_open_or_create,
    form_return,
    form_save_values,
    form_submit,
    forms_review_bulk,
    lock_exception_grant,
)

pytestmark = pytest.mark.django_db


def _submitted(world, period, beds="30,5", user=None):
    c = world.cast
    user = user or c.health_reporter
    form = form_open_or_create(user=user, regime=world.regime, unit=c.health, period_key=period.key)
    form_save_values(user=user, form=form, expected_version=form.version, values=[
        {"target": world.beds.pk, "value": beds}, {"target": world.insured.pk, "value": "93,2"},
    ])
    form_submit(user=user, form=form)
    return form


def _months(world, n):
    out, p = [], world.period
    for _ in range(n):
        out.append(p)
        p = p.previous()
    return out


def test_bulk_approve_moves_each_form_with_its_own_audit_entry(world):
    forms = [_submitted(world, p) for p in _months(world, 3)]
    outcomes = forms_review_bulk(user=world.cast.health_head, form_ids=[f.pk for f in forms], action="approve")
    assert [o.ok for o in outcomes] == [True, True, True]
    for f in forms:
        f.refresh_from_db()
        assert f.status == FormStatus.APPROVED and f.approved_by == world.cast.health_head
        assert f.audit.filter(action="approve", user=world.cast.health_head).count() == 1


def test_one_refused_form_is_reported_and_the_others_still_go_through(world):
    c = world.cast
    Membership.objects.create(user=c.health_reporter, unit=c.health, role=Role.APPROVER)
    own = _submitted(world, world.period)  # submitted by the reporter, who is now also an approver
    draft = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health,
                                period_key=world.period.previous().key)
    outcomes = forms_review_bulk(user=c.health_reporter, form_ids=[own.pk, draft.pk, 987654], action="approve")
    by_form = {o.form_id: o for o in outcomes}
    assert not by_form[own.pk].ok and "không được tự phê duyệt" in by_form[own.pk].message
    assert not by_form[draft.pk].ok and "Đang nhập" in by_form[draft.pk].message
    assert not by_form[987654].ok and "Không tìm thấy" in by_form[987654].message
    own.refresh_from_db()
    assert own.status == FormStatus.SUBMITTED and not own.audit.filter(action="approve").exists()


def test_separation_of_duties_holds_in_a_batch_and_a_good_form_still_passes(world):
    c = world.cast
    Membership.objects.create(user=c.health_reporter, unit=c.health, role=Role.APPROVER)
    Membership.objects.create(user=c.health_head, unit=c.health, role=Role.REPORTER)
    own = _submitted(world, world.period)
    theirs = _submitted(world, world.period.previous(), user=c.health_head)  # the head submitted this one
    outcomes = forms_review_bulk(user=c.health_reporter, form_ids=[own.pk, theirs.pk], action="approve")
    assert [(o.form_id, o.ok) for o in outcomes] == [(own.pk, False), (theirs.pk, True)]
    assert ReportForm.objects.get(pk=theirs.pk).status == FormStatus.APPROVED


def test_an_outsider_gets_a_refusal_per_form_and_nothing_moves(world):
    form = _submitted(world, world.period)
    (outcome,) = forms_review_bulk(user=world.cast.district_reporter, form_ids=[form.pk], action="approve")
    assert not outcome.ok and "quyền" in outcome.message
    form.refresh_from_db()
    assert form.status == FormStatus.SUBMITTED


def test_the_batch_itself_is_refused_when_it_makes_no_sense(world):
    form = _submitted(world, world.period)
    head = world.cast.health_head
    with pytest.raises(ReportingError, match="lý do"):
        forms_review_bulk(user=head, form_ids=[form.pk], action="return", reason="  ")
    with pytest.raises(ReportingError, match="Chưa chọn"):
        forms_review_bulk(user=head, form_ids=[], action="approve")
    with pytest.raises(ReportingError, match="không hợp lệ"):
        forms_review_bulk(user=head, form_ids=[form.pk], action="delete")
    form.refresh_from_db()
    assert form.status == FormStatus.SUBMITTED


def test_bulk_return_gives_every_form_the_reason(world):
    forms = [_submitted(world, p) for p in _months(world, 2)]
    outcomes = forms_review_bulk(user=world.cast.health_head, form_ids=[f.pk for f in forms], action="return",
                                 reason="Thiếu giải trình")
    assert all(o.ok for o in outcomes)
    assert set(ReportForm.objects.filter(pk__in=[f.pk for f in forms]).values_list("status", "return_reason")) == {
        (FormStatus.RETURNED, "Thiếu giải trình")}


def test_a_note_on_one_value_stays_beside_it_until_the_form_is_sent_again(world, client_for):
    c = world.cast
    form = _submitted(world, world.period)
    form_return(user=c.health_head, form=form, reason="Xem lại số giường",
                value_notes={world.beds.pk: "Số giường tăng đột biến, kiểm tra lại", world.insured.pk: " "})
    beds = form.values.get(target=world.beds)
    assert beds.review_note == "Số giường tăng đột biến, kiểm tra lại"
    assert form.values.get(target=world.insured).review_note == ""
    assert beds.comments.get().text == "Số giường tăng đột biến, kiểm tra lại"
    entry = form.audit.get(action="return")
    assert entry.after["value_notes"] == {str(world.beds.pk): "Số giường tăng đột biến, kiểm tra lại"}

    page = client_for("health_reporter").get(f"/bao-cao-dinh-ky/bieu/{form.pk}/").content.decode()
    assert f'id="note-{world.beds.pk}"' in page and "Số giường tăng đột biến" in page

    form_submit(user=c.health_reporter, form=form)
    assert form.values.get(target=world.beds).review_note == ""


def test_a_note_on_a_value_the_form_lacks_refuses_the_whole_return(world):
    form = _submitted(world, world.period)
    with pytest.raises(ReportingError, match="không thuộc báo cáo"):
        form_return(user=world.cast.health_head, form=form, reason="Sai", value_notes={world.rice.pk: "?"})
    form.refresh_from_db()
    assert form.status == FormStatus.SUBMITTED and not form.values.exclude(review_note="").exists()


def test_the_form_page_sends_value_notes_with_the_return(world, client_for):
    form = _submitted(world, world.period)
    client = client_for("health_head")
    page = client.get(f"/bao-cao-dinh-ky/bieu/{form.pk}/").content.decode()
    assert f'form="return-form" name="note-{world.beds.pk}"' in page
    client.post(f"/bao-cao-dinh-ky/bieu/{form.pk}/return/",
                {"reason": "Xem lại", f"note-{world.beds.pk}": "Nguồn số liệu?"})
    assert form.values.get(target=world.beds).review_note == "Nguồn số liệu?"


def test_the_diff_shows_values_before_and_after_since_the_last_approval(world, client_for):
    c = world.cast
    form = _submitted(world, world.period, beds="30,5")
    assert form_diff(form).approved_at is None
    form_approve(user=c.health_head, form=form)
    form_return(user=c.planner, form=form, reason="Số giường chưa khớp thống kê")
    form.refresh_from_db()
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "31", "comment": "Theo Cục Thống kê"}])
    diff = form_diff(form)
    assert diff.approved_at is not None
    (changed,) = diff.changed
    assert changed.value.target_id == world.beds.pk
    assert (changed.before["value"], changed.after["value"]) == ("30.5", "31")
    assert changed.changed_fields == ["value", "comment"]

    form.refresh_from_db()
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version, values=[],
                     tasks=[{"task": world.task.pk, "state": "done_on_time", "note": "Đã khám lưu động 3 xã"}])
    (task,) = form_diff(form).changed_tasks
    assert task.changed_fields == ["state", "note"] and task.after["note"] == "Đã khám lưu động 3 xã"
    page = client_for("planner").get(f"/bao-cao-dinh-ky/bieu/{form.pk}/so-sanh/").content.decode()
    assert "<ins>Đã khám lưu động 3 xã</ins>" in page
    assert "<del>30,5</del> → <ins>31</ins>" in page and "<ins>Theo Cục Thống kê</ins>" in page
    assert client_for("district_reporter").get(f"/bao-cao-dinh-ky/bieu/{form.pk}/so-sanh/").status_code == 403


def test_the_queue_holds_what_each_reviewer_can_decide(world, client_for):
    c = world.cast
    first, second = (_submitted(world, p) for p in _months(world, 2))
    form_approve(user=c.health_head, form=second)
    head_forms, _ = review_queue(c.health_head)
    assert [f.pk for f in head_forms] == [first.pk]
    planner_forms, total = review_queue(c.planner, status=FormStatus.APPROVED)
    assert [f.pk for f in planner_forms] == [second.pk] and total == 1
    assert review_queue(c.district_reporter)[0] == []

    client = client_for("health_head")
    assert f'name="form" value="{first.pk}" id="pick-{first.pk}" aria' in client.get("/bao-cao-dinh-ky/duyet/").content.decode()
    picked = client.get("/bao-cao-dinh-ky/duyet/?trang_thai=submitted&chon=tat-ca").content.decode()
    assert f'id="pick-{first.pk}" checked' in picked and 'href="?trang_thai=submitted" id="pick-none"' in picked
    page = client.post("/bao-cao-dinh-ky/duyet/", {"form": [first.pk, second.pk], "action": "approve"},
                       follow=True).content.decode()
    assert 'class="outcome ok"' in page and 'class="outcome failed"' in page
    assert ReportForm.objects.get(pk=first.pk).status == FormStatus.APPROVED


def test_an_exception_reopens_one_units_form_with_its_reason_and_leaves_the_rest_locked(world):
    c = world.cast
    health = _submitted(world, world.period)
    district = form_open_or_create(user=c.district_reporter, regime=world.regime, unit=c.district,
                                   period_key=world.period.key)
    for f in (health, district):
        form_lock(user=c.planner, form=f)
    until = timezone.localdate() + timedelta(days=3)
    with pytest.raises(ReportingError, match="lý do"):
        lock_exception_grant(user=c.planner, form=health, until=until, reason=" ")
    with pytest.raises(PermissionDenied):
        lock_exception_grant(user=c.health_head, form=health, until=until, reason="Bổ sung")
    assert not LockException.objects.exists()
    lock_exception_grant(user=c.planner, form=health, until=until, reason="Bổ sung số liệu quý")
    (exc,) = LockException.objects.all()
    assert (exc.form_id, exc.granted_by, exc.until, exc.reason) == (health.pk, c.planner, until, "Bổ sung số liệu quý")
    assert health.audit.filter(action="lock_exception", note="Bổ sung số liệu quý").exists()
    district.refresh_from_db()
    assert health.status == FormStatus.DRAFT and district.status == FormStatus.LOCKED


def test_the_review_pages_in_english_show_no_vietnamese_chrome(world, client_for):
    from theodoi.core.tests.test_english_complete import _data_strings, vietnamese_chrome

    c = world.cast
    first, second = (_submitted(world, p) for p in _months(world, 2))
    form_approve(user=c.health_head, form=first)
    form_return(user=c.planner, form=first, reason="Xem lại", value_notes={world.beds.pk: "Nguồn?"})
    client = client_for("planner")
    client.cookies["django_language"] = "en"
    data = _data_strings()
    for path in ("/bao-cao-dinh-ky/duyet/", f"/bao-cao-dinh-ky/bieu/{first.pk}/", f"/bao-cao-dinh-ky/bieu/{second.pk}/",
                 f"/bao-cao-dinh-ky/bieu/{first.pk}/so-sanh/"):
        html = client.get(path).content.decode()
        assert vietnamese_chrome(html, data) == [], path
    assert "Reviewer's note:" in client.get(f"/bao-cao-dinh-ky/bieu/{first.pk}/").content.decode()
    done = client.post("/bao-cao-dinh-ky/duyet/", {"form": [second.pk], "action": "accept"}, follow=True)
    page = done.content.decode()
    assert "1 of 1 reports done." not in page  # submitted, not approved: the planner cannot accept it yet
    assert "1 report could not be processed" in page
    head = client_for("health_head")
    head.cookies["django_language"] = "en"
    page = head.post("/bao-cao-dinh-ky/duyet/", {"form": [second.pk], "action": "approve"}, follow=True).content.decode()
    assert "1 of 1 reports done." in page and "Approved." in page


def test_bulk_review_and_value_notes_over_the_api(world, client):
    from theodoi.accounts.testing import bearer_key

    def post(who, path, data):
        key = bearer_key(getattr(world.cast, who))
        return client.post(f"/api/reporting{path}", data, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {key}")

    first, second = (_submitted(world, p) for p in _months(world, 2))
    r = post("health_head", f"/forms/{first.pk}/return",
             {"reason": "Xem lại", "value_notes": {str(world.beds.pk): "Nguồn số liệu?"}})
    assert r.status_code == 200 and r.json()["status"] == "returned"
    assert first.values.get(target=world.beds).review_note == "Nguồn số liệu?"
    r = post("health_head", "/review/bulk", {"forms": [first.pk, second.pk], "action": "approve"})
    assert r.status_code == 200
    assert [(o["form_id"], o["ok"]) for o in r.json()] == [(first.pk, False), (second.pk, True)]
    assert post("health_head", "/review/bulk", {"forms": [second.pk], "action": "delete"}).status_code == 422
