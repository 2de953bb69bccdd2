"""The project's own middleware: the language, the body-size limit, and refusals as answers.

Vietnamese unless the person chose otherwise (their account's language, or the EN/VI switch): Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
an official whose browser happens to be English. theodoi's default is Vietnamese; the EN/VI
switch (Django's set_language view) stores the choice in the language cookie.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from theodoi.core.refusals import Refused

log = logging.getLogger(__name__)


# Set in the session when a person signs in (or saves their language): the language their account
# chose, which the next page applies and moves into the language cookie.
ACCOUNT_LANGUAGE_SESSION_KEY = "theodoi_account_language"


class LanguageChoiceMiddleware:
    """The page's language: the one the account chose, once, at sign-in; then the EN/VI switch's
    cookie; else Vietnamese.

    The account's choice is handed over through the session (``ACCOUNT_LANGUAGE_SESSION_KEY``) and
    written into the cookie on that response, so the switch keeps working afterwards, and a shared
    computer shows the next person their own language when they sign in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        handed_over = self._account_language(request)
        chosen = handed_over or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        handed_over = handed_over or self._account_language(request)  # signed in by this request
        if handed_over:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, handed_over, max_age=settings.LANGUAGE_COOKIE_AGE,
                                samesite="Lax")
        translation.deactivate()
        return response

    def _account_language(self, request: HttpRequest) -> str:
        """The language handed over by a sign-in, taken out of the session ("" when none). Only a
        request that carries a session cookie can hold one, so others never load a session."""
        session = getattr(request, "session", None)
        if session is None or (settings.SESSION_COOKIE_NAME not in request.COOKIES and not session.modified):
            return ""
        language = session.pop(ACCOUNT_LANGUAGE_SESSION_KEY, "")
        return language if language in self.supported else ""


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body exceeds REQUEST_BODY_MAX_BYTES, before reading it.

    Django's own limits act while the body is being parsed, and files under the upload limit are
    still written out whole; a 200 MB upload would be read in full only to be refused. This looks
    at Content-Length alone, so an oversized upload costs nothing but the refusal: 413 with a JSON
    `detail` for the API, a Vietnamese page otherwise. A body without Content-Length (chunked) is
    capped by the WSGI server and Django's DATA_UPLOAD_MAX_MEMORY_SIZE as before.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.REQUEST_BODY_MAX_BYTES
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            # A body of unknown length could only be measured by reading it: ask for its length.
            return self._refuse(request, 411, _("Yêu cầu cần ghi rõ độ dài nội dung (Content-Length)."), "chunked")
        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            return self._refuse(request, 400, _("Độ dài nội dung yêu cầu không hợp lệ."), raw)
        if length > limit:
            message = _("Nội dung gửi lên quá lớn (%(size)s MB); tối đa %(limit)s MB.") % {
                "size": f"{length / 1024 / 1024:.1f}".replace(".", ","),
                "limit": f"{limit / 1024 / 1024:.0f}",
            }
            return self._refuse(request, 413, message, raw)
        return self.get_response(request)

    def _refuse(self, request: HttpRequest, status: int, message: str, raw: str) -> HttpResponse:
        log.info("refused %s %s with Content-Length %s: status %d", request.method, request.path, raw[:40], status)
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": message}, status=status)
        else:
            response = render(request, "413.html", {"detail": message}, status=status)
        # The unread body must not be taken for the next request on a kept-alive connection.
        response["Connection"] = "close"
        return response


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept or request.headers.get("X-Requested-With") == "XMLHttpRequest"


def refusal_response(request: HttpRequest, exc: Refused) -> HttpResponse:
    """The web answer to a refusal: JSON for scripts (autosave), else a page with the message.

    JSON carries ``error`` (the name the page scripts read) besides the API's ``detail``/``code``.
    """
    log.info("web %s %s %s: %s", exc.status_code, request.method, request.path, exc.code)
    if _wants_json(request):
        return JsonResponse({"error": exc.message, **exc.as_dict()}, status=exc.status_code)
    template = "403.html" if exc.status_code == 403 else "refused.html"
    return render(request, template, {"exception": exc.message, "refusal": exc}, status=exc.status_code)


class RefusalMiddleware:
    """A view that lets a service's ``Refused`` escape gets the same answer everywhere.

    Views that want to stay on their page (a form showing the message beside the field) still
    catch the refusal themselves; this is the floor, so no refusal ever becomes a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Refused):
            return refusal_response(request, exception)
        return None
