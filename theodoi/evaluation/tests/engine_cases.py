"""What the engine's table tests share: the plan year, the usual dates and two short hands."""

from __future__ import annotations

from datetime import date

from theodoi.evaluation.engine import Evaluation, Observation, TargetSpec, evaluate

Y = 2021
MID = date(Y, 7, 5)  # after the 6-month report
YEAR_END = date(Y + 1, 1, 10)
JUNE = date(Y, 6, 30)
DEC = date(Y, 12, 31)


def obs(value: float, when: date = JUNE, **kw: object) -> Observation:
    return Observation(when, value, **kw)  # type: ignore[arg-type]


def run(spec: TargetSpec, values: list[Observation], as_of: date = MID, **kw: object) -> Evaluation:
    return evaluate(spec, values, year=Y, as_of=as_of, **kw)  # type: ignore[arg-type]
