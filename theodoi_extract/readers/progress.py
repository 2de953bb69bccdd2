"""Page progress of a slow read (OCR of scanned pages), for a caller that shows it.

A context variable rather than a parameter: the readers' signatures stay as they are, and only
the caller that wants progress (the web app's extraction job) sets a callback around its read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PageCallback = Callable[[int, int], None]  # (pages done, pages in all)
_callback: ContextVar[PageCallback | None] = ContextVar("theodoi_extract_page_progress", default=None)


@contextmanager
def page_progress(callback: PageCallback) -> Iterator[None]:
    """Call `callback(done, total)` after each page OCR'd by reads inside this block."""
    token = _callback.set(callback)
    try:
        yield
    finally:
        _callback.reset(token)


def page_done(done: int, total: int) -> None:
    callback = _callback.get()
    if callback is not None:
        callback(done, total)
