"""The launcher sends jobs by task name and the runner re-queues through the launcher it was given.

Both replace imports that closed a circle (launcher -> tasks -> runner -> launcher): a renamed
task or a missing hand-off would lose every job silently, so both are pinned here.
"""

from __future__ import annotations

import pytest

from theodoi.jobs import launcher, runner, tasks


def test_the_name_the_launcher_sends_is_the_task_a_worker_runs() -> None:
    from theodoi.celery import app

    assert tasks.run_job.name == launcher.RUN_TASK
    app.loader.import_default_modules()
    assert launcher.RUN_TASK in app.tasks


def test_the_runner_re_queues_through_the_launcher() -> None:
    assert runner._sender == [launcher.enqueue]


def test_a_runner_without_a_sender_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_sender", [])
    with pytest.raises(RuntimeError, match="no sender"):
        runner._send(1)
