"""The kinds of background job: a name, the model it works on, its body and what a failure shows.

Each app registers its kinds in its own `jobs` module (loaded by JobsConfig.ready), so the
launcher, the runner and the sweeper know nothing about documents or reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class Progress(Protocol):
    def __call__(self, percent: int, message: str = "") -> None: ...


class JobFailed(Exception):
    """A failure that another attempt would not fix (unreadable file, bad template): no retry.

    `message_vi` is shown to the person waiting on the job.
    """

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


@dataclass(frozen=True)
class JobKind:
    name: str
    label: str  # Vietnamese, for the jobs list: "Trích xuất văn bản"
    model: str  # "documents.Document": the subject's app_label.ModelName
    # body(subject_id, progress): the work itself. It must be idempotent: a job killed half-way is
    # run again from the start, so the body starts clean and keeps what people already reviewed.
    body: Callable[[int, Progress], None]
    # on_failed(subject_id, message_vi): the subject shows "failed, retry" instead of a spinner.
    on_failed: Callable[[int, str], None]
    # on_queued(subject_id): the subject shows "waiting" again (retry, re-queue by the sweeper).
    on_queued: Callable[[int], None] | None = None
    max_attempts: int = 3


_KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> JobKind:
    """Register a kind; registering the same name again replaces it (module reloads in tests)."""
    _KINDS[kind.name] = kind
    return kind


def get(name: str) -> JobKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise LookupError(f"unknown job kind {name!r}; registered: {sorted(_KINDS)}") from None


def kinds() -> dict[str, JobKind]:
    return dict(_KINDS)
