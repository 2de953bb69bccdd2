"""Every API input is bounded by its schema: out-of-range integers, years, days, over-long strings
and NUL characters get 422 before any query runs; the OpenAPI publishes the bounds and names each
schema once."""

from __future__ import annotations

import inspect
import sys
from collections import defaultdict
from typing import Any

import ninja
import pytest
from django.test import Client

from theodoi.core.api_inputs import MAX_DAYS_BACK, NUL_MESSAGE

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.mark.parametrize("url", [
    f"/api/plans/targets/{HUGE}",
    "/api/plans/targets/0",
    f"/api/plans/targets?plan={HUGE}",
    f"/api/plans/assignments?unit={HUGE}",
    f"/api/documents/{HUGE}",
    "/api/evaluation/summary?year=20000",
    "/api/evaluation/statuses?year=1800",
    f"/api/evaluation/targets/{HUGE}",
    f"/api/plans/targets?offset={HUGE}",
    "/api/plans/indicators?q=" + "a" * 501,
    "/api/plans/indicators?q=a%00b",
    "/api/plans/units/a%00b",
    "/api/evaluation/statuses?unit=x%00",
])
def test_public_reads_refuse_unbounded_input_with_422(url: str) -> None:
    assert Client().get(url).status_code == 422


@pytest.mark.parametrize("url", [
    f"/api/reporting/overdue?days_back={MAX_DAYS_BACK + 1}",
    "/api/reporting/overdue?days_back=700000",
    f"/api/reporting/forms?unit={HUGE}",
    "/api/reporting/forms?period=2021%0005",
    f"/api/reporting/forms/{HUGE}",
    "/api/investment/projects?year=99999",
    "/api/investment/projects?as_of=9999-12-31",
    f"/api/exports/reports/{HUGE}",
    "/api/exports/reports?status=%00",
])
def test_signed_in_reads_refuse_unbounded_input_with_422(cast: Any, client_for: Any, url: str) -> None:
    assert client_for("planner").get(url).status_code == 422


def test_the_overdue_list_within_bounds_still_answers(cast: Any, client_for: Any) -> None:
    response = client_for("planner").get(f"/api/reporting/overdue?days_back={MAX_DAYS_BACK}")
    assert response.status_code == 200


def test_a_nul_in_a_json_body_is_422_with_a_vietnamese_reason(cast: Any, client_for: Any) -> None:
    client = client_for("planner")
    response = client.post("/api/reporting/values/1/comments", {"text": "ý kiến\u0000"}, content_type="application/json")
    assert response.status_code == 422
    assert NUL_MESSAGE in response.content.decode("unicode_escape") or "NUL" in response.content.decode()
    nested = client.patch("/api/documents/items/1", {"changes": {"name": {"deep": "a\u0000"}}},
                          content_type="application/json")
    assert nested.status_code == 422
    too_big = client.put("/api/reporting/forms/1/values", {"expected_version": 2**40}, content_type="application/json")
    assert too_big.status_code == 422
    disbursement = client.post("/api/investment/projects/X/disbursements",
                               {"year": 2021, "month": 13, "cumulative_amount": "1"}, content_type="application/json")
    assert disbursement.status_code == 422


def _walk(node: Any, found: list[tuple[str, dict[str, Any]]], where: str = "") -> None:
    if isinstance(node, dict):
        if node.get("type") in {"integer", "string"} and "format" not in node and "enum" not in node:
            found.append((where, node))
        for key, child in node.items():
            _walk(child, found, f"{where}/{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            _walk(child, found, f"{where}/{i}")


def test_every_request_integer_and_string_is_bounded_in_the_openapi() -> None:
    from theodoi.api import api

    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]
    inputs: list[tuple[str, dict[str, Any]]] = []
    referenced: set[str] = set()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for param in op.get("parameters", []):
                _walk(param.get("schema", {}), inputs, f"{method} {path} ?{param['name']}")
            body = op.get("requestBody", {})
            _walk(body, inputs, f"{method} {path} body")
            text = repr(body)
            referenced |= {name for name in components if f"#/components/schemas/{name}'" in text}
    # Schemas used by request bodies (and the schemas they contain), walked once each.
    pending = list(referenced)
    while pending:
        name = pending.pop()
        _walk(components[name], inputs, f"schema {name}")
        for other in components:
            if other not in referenced and f"#/components/schemas/{other}'" in repr(components[name]):
                referenced.add(other)
                pending.append(other)
    unbounded = [
        where for where, node in inputs
        if (node["type"] == "integer" and ("maximum" not in node or "minimum" not in node))
        or (node["type"] == "string" and "maxLength" not in node)
    ]
    assert inputs and not unbounded, unbounded


def test_schema_class_names_are_unique_across_api_modules() -> None:
    import theodoi.api  # noqa: F401  (imports every router)

    names: dict[str, set[str]] = defaultdict(set)
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if not (name.startswith("theodoi.") and name.endswith(".api")):
            continue
        for attr, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, ninja.Schema) and obj.__module__ == name:
                names[attr].add(name)
    assert {n: m for n, m in names.items() if len(m) > 1} == {}
