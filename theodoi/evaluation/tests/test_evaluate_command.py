"""`theodoi evaluate` recomputes every status."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from theodoi.evaluation.models import TargetStatus

pytestmark = pytest.mark.django_db


def test_evaluate_recomputes_everything(plan2021: Any) -> None:
    plan2021.report(plan2021.cast.planning, plan2021.growth, "2021-06", 10.4)
    out = StringIO()
    call_command("evaluate", stdout=out)
    assert "Đã tính lại 8 kết quả đánh giá (4 chỉ tiêu)" in out.getvalue()
    assert TargetStatus.objects.get(target=plan2021.growth, public=False, period="2021").status == "on_track"


def test_evaluate_takes_a_review_period(plan2021: Any) -> None:
    call_command("evaluate", "--period", "2021-H1", stdout=StringIO())
    assert set(TargetStatus.objects.values_list("period", flat=True)) == {"2021-H1"}


def test_the_theodoi_cli_runs_evaluate(plan2021: Any, capsys: Any) -> None:
    from theodoi.cli import main

    assert main(["evaluate"]) == 0
    assert "Đã tính lại" in capsys.readouterr().out
