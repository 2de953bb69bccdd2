"""Each person reads reminders, digests and short messages in the language they chose, whatever
the language of the job or page that wrote them (Vietnamese unless they chose English)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import translation

from theodoi.accounts.models import AccountPreference
from theodoi.accounts.selectors import language_of
from theodoi.core.models import AuditEvent
from theodoi.notifications.models import EmailMode
from theodoi.notifications.services import PreferenceError, digests_send, preference_update
from theodoi.reporting.i18n import period_name
from theodoi.reporting.models import Reminder
from theodoi.reporting.services import reminders_send

pytestmark = pytest.mark.django_db


def _choose(user, *, language, email_mode=EmailMode.DIGEST, address=""):
    preference_update(user=user, email_mode=email_mode, message_enabled=bool(address), message_address=address,
                      language=language)


def test_a_digest_is_written_in_each_readers_language(world):
    c = world.cast
    _choose(c.health_reporter, language="en")
    _choose(c.district_reporter, language="vi")
    due = world.regime.rule.unit_due(world.period)
    with translation.override("vi"):  # the job's own language must not leak into the mail
        reminders_send(today=due - timedelta(days=3))
        assert digests_send(today=due - timedelta(days=3)) == 2
    by_reader = {m.to[0]: m for m in mail.outbox}
    english, vietnamese = by_reader["yte_reporter@example.vn"], by_reader["dakha_reporter@example.vn"]

    with translation.override("en"):
        month_en = period_name(world.period)
    assert english.subject.startswith("[theodoi] Digest of ") and "1 notification" in english.subject
    assert "New notifications:" in english.body and "Reports due in the next 7 days:" in english.body
    assert f"Reminder: report {month_en} of Sở Y tế is due by" in english.body and "(3 days left)" in english.body
    assert f"{due:%d/%m/%Y}: {month_en} — Sở Y tế" in english.body
    assert "Thông báo" not in english.body and "hạn" not in english.body

    assert vietnamese.subject.startswith("[theodoi] Tóm tắt ngày ") and "1 thông báo" in vietnamese.subject
    assert "Thông báo mới:" in vietnamese.body and "còn 3 ngày" in vietnamese.body
    assert f"{due:%d/%m/%Y}: {world.period.label} — UBND huyện Đắk Hà" in vietnamese.body


def test_an_english_page_does_not_make_a_vietnamese_readers_digest_english(world):
    _choose(world.cast.health_reporter, language="vi")
    due = world.regime.rule.unit_due(world.period)
    with translation.override("en"):
        reminders_send(today=due - timedelta(days=1))
        digests_send(today=due - timedelta(days=1))
    (digest,) = [m for m in mail.outbox if m.to == ["yte_reporter@example.vn"]]
    assert "Tóm tắt ngày" in digest.subject and "còn 1 ngày" in digest.body


def test_immediate_mail_and_the_in_app_reminder_are_in_the_readers_language(world):
    _choose(world.cast.health_reporter, language="en", email_mode=EmailMode.IMMEDIATE)
    due = world.regime.rule.unit_due(world.period)
    reminders_send(today=due + timedelta(days=3))
    (sent,) = [m for m in mail.outbox if m.to == ["yte_reporter@example.vn"]]
    assert "is 3 days overdue" in sent.subject and "please send it now" in sent.body
    assert "quá hạn 3 ngày" in Reminder.objects.get(user=world.cast.district_reporter).message


def test_file_gateway_messages_follow_each_readers_language(world, settings, tmp_path):
    spool = tmp_path / "messages.jsonl"
    settings.THEODOI_MESSAGE_GATEWAY = "theodoi.notifications.gateways.FileGateway"
    settings.THEODOI_MESSAGE_FILE = str(spool)
    _choose(world.cast.health_reporter, language="en", email_mode=EmailMode.OFF, address="0912 000 001")
    _choose(world.cast.district_reporter, language="vi", email_mode=EmailMode.OFF, address="0912 000 002")
    reminders_send(today=world.regime.rule.unit_due(world.period))
    sent = {m["to"]: m["text"] for m in map(json.loads, spool.read_text(encoding="utf-8").splitlines())}
    assert sent["0912 000 001"].startswith("Today (") and "is the deadline for report" in sent["0912 000 001"]
    assert sent["0912 000 002"].startswith("Hôm nay (") and "UBND huyện Đắk Hà" in sent["0912 000 002"]


def test_console_gateway_messages_follow_the_readers_language(world, settings, capsys):
    settings.THEODOI_MESSAGE_GATEWAY = "theodoi.notifications.gateways.ConsoleGateway"
    _choose(world.cast.health_reporter, language="en", email_mode=EmailMode.OFF, address="0912 000 111")
    reminders_send(today=world.regime.rule.unit_due(world.period))
    out = capsys.readouterr().out
    assert "[message to 0912 000 111] Today (" in out


def test_a_return_notice_is_in_the_reporters_language(world):
    from theodoi.reporting.services import form_open_or_create, form_return, form_save_values, form_submit

    c = world.cast
    _choose(c.health_reporter, language="en", email_mode=EmailMode.IMMEDIATE)
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health,
                               period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version,
                     values=[{"target": world.beds.pk, "value": "30,5"}, {"target": world.insured.pk, "value": "93,2"}])
    form_submit(user=c.health_reporter, form=form)
    mail.outbox.clear()
    form_return(user=c.health_head, form=form, reason="Cần xem lại", value_notes={world.beds.pk: "Kiểm tra lại"})
    (sent,) = [m for m in mail.outbox if m.to == ["yte_reporter@example.vn"]]
    assert "was returned: Cần xem lại — comments on: Số giường bệnh/vạn dân" in sent.body


def test_the_language_is_kept_on_the_account_audited_and_defaults_to_vietnamese(cast):
    assert language_of(cast.health_reporter) == "vi"
    _choose(cast.health_reporter, language="en", email_mode=EmailMode.OFF)
    assert language_of(cast.health_reporter) == "en"
    assert AuditEvent.objects.filter(action="account.language").count() == 1
    _choose(cast.health_reporter, language="en", email_mode=EmailMode.OFF)  # unchanged: no second event
    assert AuditEvent.objects.filter(action="account.language").count() == 1
    with pytest.raises(PreferenceError, match="Ngôn ngữ không hợp lệ"):
        _choose(cast.health_reporter, language="fr", email_mode=EmailMode.OFF)
    assert AccountPreference.objects.get(user=cast.health_reporter).language == "en"


def test_the_settings_page_offers_and_saves_the_language(world, client_for):
    client = client_for("health_reporter")
    page = client.get("/thong-bao/cai-dat/").content.decode()
    assert "Ngôn ngữ của thư và tin nhắn" in page
    assert 'name="language" value="vi" checked' in page and 'name="language" value="en"' in page
    saved = client.post("/thong-bao/cai-dat/", {"email_mode": EmailMode.DIGEST, "language": "en"})
    assert saved.status_code == 302
    assert language_of(world.cast.health_reporter) == "en"
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/thong-bao/cai-dat/").content.decode()
    assert "Language of e-mails and messages" in english and 'name="language" value="en" checked' in english
