"""Limit/offset pagination for the API's list endpoints: `?limit=&offset=` → `{"items": [...], "count": N}`.

Lists such as /api/plans/targets or /api/reporting/forms grow with the country's data, so each
answer is one page. `count` is the full total after the endpoint's filters and permission checks,
so a client knows when to stop. The page size defaults to NINJA_PAGINATION_PER_PAGE and a larger
`limit` than NINJA_PAGINATION_MAX_LIMIT is capped rather than refused: ninja's own
LimitOffsetPagination answers 422 there, which would break a client that simply asks for "all".
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, get_type_hints

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import LimitOffsetPagination, paginate

from theodoi.core.api_inputs import MAX_INT32

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

_UNIQUE_LAST = {"pk", "-pk", "id", "-id"}


def max_limit() -> int:
    """Read per request (not at import) so that the setting, and tests overriding it, take effect."""
    return int(ninja_settings.PAGINATION_MAX_LIMIT)


@dataclass(frozen=True)
class Rows(Generic[T]):
    """Source rows, and how to turn one page of them into output rows.

    The paginator slices and counts `source` (in the database when it is a queryset) and calls
    `build` on that page only, so costly output (a form's due date, a project's rule checks) is
    built for the rows returned, not for every row there is.
    """

    source: QuerySet[Any] | Sequence[T]
    build: Callable[[Sequence[T]], list[Any]]

    @classmethod
    def each(cls, source: QuerySet[Any] | Sequence[T], fn: Callable[[T], Any]) -> Rows[T]:
        """Output rows built one by one from the source rows."""
        return cls(source, lambda page: [fn(row) for row in page])


def _require_stable_order(source: Any) -> None:
    """A page boundary is only stable if the order is total: demand an explicit order ending in pk."""
    if isinstance(source, QuerySet):
        order = source.query.order_by
        if not order or str(order[-1]) not in _UNIQUE_LAST:
            raise ImproperlyConfigured(
                f"A paginated {source.model.__name__} list needs an explicit order_by ending in pk, "
                f"or pages may overlap or skip rows (got {list(order)!r})."
            )


def _count(source: Any, offset: int, limit: int, got: int) -> int:
    """The total; a short, non-empty page (or a short first page) is the last one, so no COUNT query."""
    if got < limit and (got or not offset):
        return offset + got
    return source.count() if isinstance(source, QuerySet) else len(source)


class Pagination(LimitOffsetPagination):
    """LimitOffsetPagination whose `limit` is capped at NINJA_PAGINATION_MAX_LIMIT instead of refused."""

    class Input(Schema):
        limit: int = Field(
            ninja_settings.PAGINATION_PER_PAGE, ge=1, le=MAX_INT32,
            description=(
                f"Số dòng mỗi trang (mặc định {ninja_settings.PAGINATION_PER_PAGE}; "
                f"lớn hơn {ninja_settings.PAGINATION_MAX_LIMIT} thì chỉ lấy {ninja_settings.PAGINATION_MAX_LIMIT})."
            ),
        )
        # Bounded so the database's OFFSET/LIMIT never overflows (a 422, not a server error).
        offset: int = Field(0, ge=0, le=MAX_INT32, description="Bỏ qua bao nhiêu dòng đầu (0: trang đầu).")

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        limit = min(pagination.limit, max_limit())
        offset = pagination.offset
        rows = queryset if isinstance(queryset, Rows) else Rows(queryset, list)
        _require_stable_order(rows.source)
        page = list(rows.source[offset : offset + limit])
        return {
            self.items_attribute: rows.build(page),
            "count": _count(rows.source, offset, limit, len(page)),
        }


def paged(func: F) -> F:
    """``@paginate(Pagination)`` for our API modules, which use ``from __future__ import annotations``.

    ninja resolves the paginated wrapper's string annotations in ninja.pagination's globals, where
    names such as ``date`` or a ``Query[...]`` schema are unknown; resolve them here, in the view's
    own module, first.
    """
    view = inspect.unwrap(func)  # ninja reads the signature of the innermost function
    view.__annotations__.update(get_type_hints(view, include_extras=True))
    return paginate(Pagination)(func)  # type: ignore[no-any-return]
