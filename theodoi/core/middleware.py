"""Vietnamese unless the person chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
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

from theodoi.core.refusals import Refused

log = logging.getLogger(__name__)


class LanguageChoiceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
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
