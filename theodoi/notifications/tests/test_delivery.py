"""Reminders reach people by the channel each chose: e-mail now, a daily digest, short messages."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.core.management import call_command

from theodoi.notifications.gateways import FileGateway, GatewayError, WebhookGateway
from theodoi.notifications.models import EmailMode, NotificationPreference
from theodoi.notifications.services import PreferenceError, digests_send, preference_update
from theodoi.reporting.models import Reminder
from theodoi.reporting.services import reminders_send

pytestmark = pytest.mark.django_db


def test_by_default_each_reminder_is_emailed_at_once(world):
    due = world.regime.rule.unit_due(world.period)
    assert reminders_send(today=due - timedelta(days=1)) == 2
    assert len(mail.outbox) == 2
    assert Reminder.objects.filter(emailed=True).count() == 2


def test_a_digest_reader_gets_one_mail_a_day_listing_reminders_and_reports_due(world):
    reporter = world.cast.health_reporter
    preference_update(user=reporter, email_mode=EmailMode.DIGEST, message_enabled=False, message_address="")
    due = world.regime.rule.unit_due(world.period)
    reminders_send(today=due - timedelta(days=3))
    assert [m.to for m in mail.outbox] == [["dakha_reporter@example.vn"]]  # the digest reader: nothing yet
    mail.outbox.clear()

    assert digests_send(today=due - timedelta(days=3)) == 1
    (digest,) = mail.outbox
    assert digest.to == ["yte_reporter@example.vn"]
    assert "1 thông báo" in digest.subject and "còn 3 ngày" in digest.body
    assert f"{due:%d/%m/%Y}: {world.period.label} — Sở Y tế" in digest.body
    assert Reminder.objects.get(user=reporter).emailed

    assert digests_send(today=due - timedelta(days=3)) == 0  # the job ran twice that day
    assert len(mail.outbox) == 1


def test_the_digest_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("send_digests", "--date", "06/12/2026")


def test_short_messages_go_through_the_configured_gateway(world, settings, tmp_path):
    spool = tmp_path / "messages.jsonl"
    settings.THEODOI_MESSAGE_GATEWAY = "theodoi.notifications.gateways.FileGateway"
    settings.THEODOI_MESSAGE_FILE = str(spool)
    preference_update(user=world.cast.district_reporter, email_mode=EmailMode.OFF, message_enabled=True,
                      message_address="0912 345 678")
    due = world.regime.rule.unit_due(world.period)
    reminders_send(today=due)
    sent = [json.loads(line) for line in spool.read_text(encoding="utf-8").splitlines()]
    assert [m["to"] for m in sent] == ["0912 345 678"]
    assert "Hôm nay" in sent[0]["text"] and "UBND huyện Đắk Hà" in sent[0]["text"]
    assert [m.to for m in mail.outbox] == [["yte_reporter@example.vn"]]  # e-mail off for the district


def test_a_failing_gateway_keeps_the_reminder_and_the_email(world, settings):
    settings.THEODOI_MESSAGE_GATEWAY = "theodoi.notifications.gateways.WebhookGateway"
    settings.THEODOI_MESSAGE_WEBHOOK_URL = "http://127.0.0.1:9/"  # discard port: nothing listens
    preference_update(user=world.cast.health_reporter, email_mode=EmailMode.IMMEDIATE, message_enabled=True,
                      message_address="0987")
    due = world.regime.rule.unit_due(world.period)
    assert reminders_send(today=due) == 2
    assert Reminder.objects.count() == 2 and len(mail.outbox) == 2


def test_preferences_refuse_a_channel_without_an_address(cast):
    with pytest.raises(PreferenceError, match="Cần nhập số điện thoại"):
        preference_update(user=cast.health_reporter, email_mode=EmailMode.IMMEDIATE, message_enabled=True,
                          message_address="  ")
    assert not NotificationPreference.objects.exists()


def test_preferences_refuse_email_for_an_account_without_an_address(cast):
    cast.leader.email = ""
    cast.leader.save()
    with pytest.raises(PreferenceError, match="chưa có địa chỉ thư điện tử"):
        preference_update(user=cast.leader, email_mode=EmailMode.DIGEST, message_enabled=False, message_address="")


def test_file_gateway_needs_a_path(settings):
    settings.THEODOI_MESSAGE_FILE = ""
    with pytest.raises(GatewayError):
        FileGateway()


def test_webhook_gateway_posts_json_with_the_bearer_token():
    received: list[tuple[str, dict]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.headers["Authorization"], json.loads(body)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    try:
        WebhookGateway(url=f"http://127.0.0.1:{server.server_port}/sms", token="s3cret").send(
            to="0912", text="Hạn báo cáo tháng 12")
        thread.join(5)
    finally:
        server.server_close()
    assert received == [("Bearer s3cret", {"to": "0912", "text": "Hạn báo cáo tháng 12"})]


def test_webhook_gateway_refuses_a_missing_url(settings):
    settings.THEODOI_MESSAGE_WEBHOOK_URL = ""
    with pytest.raises(GatewayError):
        WebhookGateway()


def test_the_console_gateway_prints_each_message(world, settings, capsys):
    settings.THEODOI_MESSAGE_GATEWAY = "theodoi.notifications.gateways.ConsoleGateway"
    preference_update(user=world.cast.health_reporter, email_mode=EmailMode.OFF, message_enabled=True,
                      message_address="0912 000 111")
    reminders_send(today=world.regime.rule.unit_due(world.period))
    out = capsys.readouterr().out
    assert "[message to 0912 000 111]" in out and "Sở Y tế" in out


def test_a_return_with_a_note_on_a_value_tells_the_reporter_which_value(world):
    from theodoi.reporting.services import form_open_or_create, form_return, form_save_values, form_submit

    c = world.cast
    form = form_open_or_create(user=c.health_reporter, regime=world.regime, unit=c.health,
                               period_key=world.period.key)
    form_save_values(user=c.health_reporter, form=form, expected_version=form.version, values=[
        {"target": world.beds.pk, "value": "30,5"}, {"target": world.insured.pk, "value": "93,2"}])
    form_submit(user=c.health_reporter, form=form)
    mail.outbox.clear()
    form_return(user=c.health_head, form=form, reason="Cần xem lại", value_notes={world.beds.pk: "Kiểm tra lại"})
    (sent,) = [m for m in mail.outbox if m.to == ["yte_reporter@example.vn"]]
    assert "bị trả lại: Cần xem lại — có ý kiến về: Số giường bệnh/vạn dân" in sent.body
