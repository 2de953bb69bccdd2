"""Pluggable gateways for short messages (SMS, chat apps), chosen like Django's EMAIL_BACKEND.

A province buys SMS from a telecom or runs a chat-app bot; what they share is "send this text to
this address". ``THEODOI_MESSAGE_GATEWAY`` names the class (empty: no messages are sent):

- ``theodoi.notifications.gateways.ConsoleGateway``: prints each message (development);
- ``theodoi.notifications.gateways.FileGateway``: appends JSON lines to ``THEODOI_MESSAGE_FILE``
  (tests, or a spool another program sends from);
- ``theodoi.notifications.gateways.WebhookGateway``: POSTs ``{"to", "text"}`` as JSON to
  ``THEODOI_MESSAGE_WEBHOOK_URL`` (the shape most SMS brand-name and chat-bot relays accept),
  with ``THEODOI_MESSAGE_WEBHOOK_TOKEN`` as a bearer token when set.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class GatewayError(Exception):
    """A message could not be handed over; the caller logs it and carries on."""


class MessageGateway(Protocol):
    def send(self, *, to: str, text: str) -> None: ...


class ConsoleGateway:
    def __init__(self, stream=None) -> None:  # type: ignore[no-untyped-def]
        self.stream = stream or sys.stdout

    def send(self, *, to: str, text: str) -> None:
        self.stream.write(f"[message to {to}] {text}\n")
        self.stream.flush()


class FileGateway:
    def __init__(self, path: str | Path | None = None) -> None:
        chosen = path or getattr(settings, "THEODOI_MESSAGE_FILE", "")
        if not chosen:
            raise GatewayError("FileGateway needs THEODOI_MESSAGE_FILE")
        self.path = Path(chosen)

    def send(self, *, to: str, text: str) -> None:
        line = json.dumps({"at": datetime.now(UTC).isoformat(), "to": to, "text": text}, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


class WebhookGateway:
    def __init__(self, url: str | None = None, token: str | None = None, timeout: float = 10.0) -> None:
        self.url: str = url or str(getattr(settings, "THEODOI_MESSAGE_WEBHOOK_URL", ""))
        if not self.url.startswith(("http://", "https://")):
            raise GatewayError("WebhookGateway needs THEODOI_MESSAGE_WEBHOOK_URL (http or https)")
        self.token = token if token is not None else getattr(settings, "THEODOI_MESSAGE_WEBHOOK_TOKEN", "")
        self.timeout = timeout

    def send(self, *, to: str, text: str) -> None:
        body = json.dumps({"to": to, "text": text}, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                if response.status >= 300:
                    raise GatewayError(f"webhook answered {response.status}")
        except OSError as exc:  # URLError, HTTPError, timeouts
            raise GatewayError(f"webhook failed: {exc}") from exc


def configured_gateway() -> MessageGateway | None:
    """The gateway named in settings, or None when short messages are switched off."""
    path = getattr(settings, "THEODOI_MESSAGE_GATEWAY", "")
    if not path:
        return None
    gateway: MessageGateway = import_string(path)()
    return gateway
