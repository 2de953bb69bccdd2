"""Bounded input types for every API schema and parameter (422 before any query runs).

Unbounded inputs reached the database and failed there as server errors: an id above 2**63
("Python int too large to convert to SQLite INTEGER", bigint out of range), a year 20000 or a date
whose arithmetic overflows, `?days_back=700000` walking two millennia of periods (33 s), and NUL
characters, which PostgreSQL cannot store in text or jsonb. Each API module declares its inputs
with these types, so a bad value is refused by the schema with 422 and the published OpenAPI
says what is accepted (minimum, maximum, maxLength).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

# Primary keys are BigAutoField: SQLite INTEGER and PostgreSQL bigint stop at 2**63 - 1.
MAX_ID = 2**63 - 1
# Counters stored in PositiveIntegerField (PostgreSQL integer).
MAX_INT32 = 2**31 - 1
MIN_YEAR, MAX_YEAR = 1900, 2100
# About ten years of overdue reports; more is a request for everything, not a working list.
MAX_DAYS_BACK = 3660
# One save or import request carries at most this many rows (a unit's form has dozens).
MAX_ITEMS = 5000
# Nesting allowed in free-form JSON objects (an item's corrected fields, a report header).
MAX_JSON_DEPTH = 8

NUL_MESSAGE = "Dữ liệu không được chứa ký tự NUL (\\x00)."


def refuse_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError(NUL_MESSAGE)
    return value


def _year_bounds(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"Ngày phải nằm trong các năm {MIN_YEAR}–{MAX_YEAR}.")
    return value


def _clean_json(value: Any, depth: int = 0) -> Any:
    """Free-form JSON: no NUL in keys or strings, integers within bigint, limited nesting."""
    if depth > MAX_JSON_DEPTH:
        raise ValueError(f"Dữ liệu lồng nhau quá {MAX_JSON_DEPTH} cấp.")
    if isinstance(value, str):
        return refuse_nul(value)
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        if not -MAX_ID - 1 <= value <= MAX_ID:
            raise ValueError("Số nguyên quá lớn.")
        return value
    if isinstance(value, dict):
        for key, item in value.items():
            refuse_nul(str(key))
            _clean_json(item, depth + 1)
        return value
    if isinstance(value, list):
        for item in value:
            _clean_json(item, depth + 1)
        return value
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Count = Annotated[int, Field(ge=0, le=MAX_INT32)]
Version = Annotated[int, Field(ge=0, le=MAX_INT32)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
Month = Annotated[int, Field(ge=1, le=12)]
DaysBack = Annotated[int, Field(ge=0, le=MAX_DAYS_BACK)]
Day = Annotated[date, AfterValidator(_year_bounds)]

_NoNul = AfterValidator(refuse_nul)
# Codes and choices (status, kind, field, period keys, unit and project codes, formats).
Code = Annotated[str, StringConstraints(max_length=100), _NoNul]
# Search words, titles, report numbers.
Short = Annotated[str, StringConstraints(max_length=500), _NoNul]
# Comments, reasons, contributions, paragraphs.
Long = Annotated[str, StringConstraints(max_length=20_000), _NoNul]
# A figure as typed ("3.500,5").
Number = Annotated[str, StringConstraints(max_length=50), _NoNul]
# A comma-separated list of period keys (?periods=2021-05,2021-06).
PeriodList = Annotated[str, StringConstraints(max_length=2000), _NoNul]
JsonObject = Annotated[dict[str, Any], AfterValidator(_clean_json)]
