"""One refusal type for every service: a Vietnamese message, a short code and an HTTP status.

A service that will not do what it is asked raises a ``Refused`` (or one of the subclasses
below); the API (the handler registered on the NinjaAPI in ``theodoi/api.py``) and the web views
(``theodoi.core.middleware.RefusalMiddleware``) turn it into the same answer: the status, and the
message shown as is. Before this, refusals used four unrelated exception types translated to
HTTP in three places, each a little differently.

This module imports nothing from Django on purpose: the report renderers (``exports/``) raise
refusals and must stay importable without Django.
"""

from __future__ import annotations

from typing import Any


class Refused(Exception):
    """A refused operation; ``message`` is Vietnamese and is shown to the person as is.

    ``status_code`` and ``code`` are class defaults that one raise may override.
    """

    status_code: int = 400
    code: str = "refused"

    def __init__(self, message: str, *, code: str | None = None, status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status_code is not None:
            self.status_code = status_code

    def as_dict(self) -> dict[str, Any]:
        """The body both handlers answer with (``detail`` is the name the API has always used)."""
        return {"detail": self.message, "code": self.code}


class Invalid(Refused):
    """The input cannot be accepted as given (a number that is not one, a missing reason)."""

    status_code = 400
    code = "invalid"


class NotAllowed(Refused):
    """The person may not do this (role, unit, separation of duties)."""

    status_code = 403
    code = "not_allowed"


class NotFound(Refused):
    """What the request names does not exist or is not visible to this person."""

    status_code = 404
    code = "not_found"


class Conflict(Refused):
    """The thing changed or is in a state that forbids this (someone saved first, already issued)."""

    status_code = 409
    code = "conflict"


class Unavailable(Refused):
    """A needed outside tool is missing or failed (e.g. LibreOffice for PDF); retrying later may work."""

    status_code = 503
    code = "unavailable"
