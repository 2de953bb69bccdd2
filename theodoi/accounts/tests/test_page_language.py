"""The pages follow the language a person's account saved, from sign-in, on any computer.

Before, the saved language reached only e-mails and messages: an English-reading official who had
chosen English signed in on a colleague's computer and read Vietnamese pages until they found the
EN/VI switch again.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from theodoi.accounts.services import language_set
from theodoi.test import PASSWORD

pytestmark = pytest.mark.django_db


def _sign_in(client: Client, username: str) -> None:
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def test_an_account_that_saved_english_reads_english_pages_after_signing_in(cast) -> None:
    language_set(user=cast.planner, language="en")
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"  # the last person on this computer read Vietnamese
    _sign_in(client, "planner")
    page = client.get(reverse("accounts:profile"))
    assert page.headers["Content-Language"] == "en"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    # the EN/VI switch still decides afterwards
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert client.get(reverse("accounts:profile")).headers["Content-Language"] == "vi"


def test_without_a_saved_language_the_switch_of_this_browser_stays(cast) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _sign_in(client, "planner")
    assert client.get(reverse("accounts:profile")).headers["Content-Language"] == "en"
    other = Client()
    _sign_in(other, "planner")
    assert other.get(reverse("accounts:profile")).headers["Content-Language"] == "vi"


def test_saving_a_language_turns_the_pages_to_it(cast) -> None:
    client = Client()
    _sign_in(client, "planner")
    response = client.post(reverse("notifications:preferences"),
                           {"email_mode": "immediate", "language": "en"}, follow=True)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
