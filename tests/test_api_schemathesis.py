"""schemathesis over the published OpenAPI: every operation, as a planner and as a reporter (token),
with generated inputs: no server error (5xx) anywhere. Bounded examples keep it to seconds."""

from __future__ import annotations

import warnings
from collections import Counter
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.mark.parametrize("who", ["planner", "health_reporter"])
def test_no_operation_answers_a_server_error(cast: Any, who: str) -> None:
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings
    from schemathesis.checks import response_schema_conformance

    from theodoi.accounts.testing import bearer_key
    from theodoi.reporting.tests.conftest import make_world
    from theodoi.wsgi import application

    make_world(cast)
    key = bearer_key(getattr(cast, who))
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    codes: Counter[int] = Counter()
    errors: list[tuple[str, int, Any, Any]] = []
    mismatches: list[tuple[str, int, str]] = []
    for operation in operations:

        @hypothesis_settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(operation.as_strategy())
        def call(case: Any) -> None:
            response = case.call(headers={"Authorization": f"Bearer {key}"})
            codes[response.status_code] += 1
            if response.status_code >= 500:
                errors.append((case.operation.label, response.status_code, case.path_parameters, case.query))
            try:  # a documented answer must match its published schema
                case.validate_response(response, checks=[response_schema_conformance])
            except Exception as exc:  # schemathesis raises a group of its check failures
                mismatches.append((case.operation.label, response.status_code, str(exc)[:300]))

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            call()
    assert len(operations) > 40
    assert codes[200] > 0 and codes[401] == 0, codes  # the token was accepted: the calls got past auth
    assert errors == [], errors[:20]
    assert mismatches == [], mismatches[:10]
