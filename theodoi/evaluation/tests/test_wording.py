"""The engine's and the summaries' Vietnamese sentences, shown in English on English pages.

For every form the engine writes (a grid over comparators, change targets, flows and stocks, in-year
and year-end, forecasts, no data, bad values): the grammar in wording.py reads it back, its
Vietnamese msgids rebuild the stored sentence byte for byte (so the grammar says what the engine
says), and the English has no Vietnamese letter left. The same for the summary sentences, which
pages write again from their counts.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from django.utils import translation

from theodoi.evaluation import summaries
from theodoi.evaluation.engine import TargetSpec
from theodoi.evaluation.summary_wording import (
    summary_sentence,
    target_sentence,
    task_sentence,
    timeliness_sentence,
)
from theodoi.evaluation.tests.engine_cases import DEC, JUNE, MID, YEAR_END, obs, run
from theodoi.evaluation.wording import _translated, in_page_language, read_back
from theodoi.investment import rules

VIETNAMESE = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)


def _specs() -> list[TargetSpec]:
    specs = []
    for comparator, measure, unit in itertools.product((">=", ">", "<", "<=", "=", "~", "between"), ("flow", "stock"), ("ha", "%", "")):
        specs.append(TargetSpec(comparator, 100.0, 120.0 if comparator == "between" else None, measure=measure, unit=unit))
    specs += [
        TargetSpec(">=", 5.0, change=True, baseline=200.0, unit="ha"),
        TargetSpec("<=", 2.0, change=True, baseline=10.0, direction="lower", unit="%"),
        TargetSpec(">=", 8.0, change=True, baseline=300.0, change_mode="relative", unit="ha", measure="flow"),
        TargetSpec(">=", 8.0, change=True, baseline=None, unit="ha"),  # no base year
        TargetSpec(">=", 8.0, change=True, baseline=0.0, change_mode="relative", unit="ha"),  # base 0
        TargetSpec(">=", 100.0, forecast_only=True, unit="ha"),
        TargetSpec(">=", float("nan"), unit="ha"),
    ]
    return specs


def _sentences() -> set[str]:
    found = set()
    profile = [2, 5, 10, 20, 30, 45, 55, 65, 75, 85, 95, 100]
    for spec in _specs():
        for values, as_of, kw in (
            ([], MID, {}),
            ([obs(40)], MID, {}),
            ([obs(40, date(2021, 7, 15))], date(2021, 7, 20), {}),
            ([obs(90)], MID, {"seasonal_profile": profile}),
            ([obs(60, JUNE)], YEAR_END, {}),
            ([obs(130, DEC)], YEAR_END, {}),
            ([obs(float("inf"), JUNE)], MID, {}),
        ):
            found.add(run(spec, values, as_of, **kw).explanation_vi)
    return found


def test_the_grid_reaches_every_kind_of_sentence() -> None:
    forms = {read_back(text)[0] for text in _sentences() if read_back(text)}  # type: ignore[index]
    assert len(forms) >= 12


@pytest.mark.parametrize("text", sorted(_sentences()))
def test_each_engine_sentence_reads_back_and_rebuilds_in_vietnamese(text: str) -> None:
    assert read_back(text) is not None, text
    with translation.override("vi"):
        assert _translated(text) == text
        assert in_page_language(text) == text
    with translation.override("en"):
        english = in_page_language(text)
    assert not VIETNAMESE.search(english), english


def test_units_are_data_and_stay_as_the_plan_writes_them() -> None:
    text = run(TargetSpec(">=", 567.0, unit="nghìn người"), [obs(300)]).explanation_vi
    with translation.override("en"):
        english = in_page_language(text)
    assert english == (
        "The latest figure 300 nghìn người (to 30/06/2021) against the target of at least 567 nghìn người"
        " → behind schedule, unlikely to be achieved."
    )


def test_a_sentence_no_form_knows_is_shown_as_stored() -> None:
    with translation.override("en"):
        assert in_page_language("Một câu lạ.") == "Một câu lạ."
    assert read_back("Một câu lạ; khác lạ nữa") is None


def test_disbursement_reasons_and_rules_read_back() -> None:
    facts = rules.ProjectFacts(code="P1", name="Đường", kind="ongoing", capital_plan=100.0, plan_year=2021,
                               investor="Sở X", district="Huyện Y", preparation_done=False, under_construction=True)
    texts = set()
    for disbursed, as_of in ((10.0, date(2021, 6, 30)), (10.0, date(2021, 10, 5)), (50.0, date(2021, 9, 30))):
        for flag in rules.flag_project(facts, disbursed, as_of):
            texts |= {flag.reason_vi, flag.action_vi}
    new = rules.ProjectFacts(code="P2", name="Cầu", kind="new", capital_plan=100.0, plan_year=2021, investor="Sở X",
                             district="Huyện Y", preparation_done=False, under_construction=False)
    texts |= {f.reason_vi for f in rules.flag_project(new, 0.0, date(2021, 7, 1))}
    from theodoi.investment.selectors import RULE_LABELS_VI

    texts |= set(RULE_LABELS_VI.values())
    assert len(texts) >= 6
    for text in texts:
        with translation.override("vi"):
            assert _translated(text) == text
        with translation.override("en"):
            assert not VIETNAMESE.search(in_page_language(text)), text


_STATUS_MIXES = [
    [], ["exceeded", "achieved", "not_achieved", "no_data", "forecast"], ["on_track", "at_risk", "off_track", "no_data"],
    ["not_achieved", "no_data"], ["on_track"], ["achieved", "at_risk", "strange"], ["forecast"],
]


@pytest.mark.parametrize("statuses", _STATUS_MIXES)
def test_target_summaries_rebuild_in_vietnamese_and_read_in_english(statuses: list[str]) -> None:
    summary = summaries.summarize_statuses(statuses)
    with translation.override("vi"):
        assert target_sentence(summary) == summary.sentence_vi
        assert summary_sentence(summary) == summary.sentence_vi
    with translation.override("en"):
        english = summary_sentence(summary)
    assert not VIETNAMESE.search(english), english


def test_task_and_timeliness_summaries_rebuild_and_translate() -> None:
    today = date(2021, 7, 1)
    tasks = [(date(2021, 3, 1), date(2021, 2, 1)), (date(2021, 3, 1), date(2021, 4, 1)), (date(2021, 3, 1), None),
             (date(2021, 9, 1), None), (None, None)]
    rows = [(date(2021, 1, 10), date(2021, 1, 9)), (date(2021, 2, 10), date(2021, 2, 12)), (date(2021, 3, 10), None),
            (date(2021, 8, 10), None)]
    made: list[summaries.TaskSummary | summaries.TimelinessSummary] = [
        summaries.summarize_tasks(tasks, today), summaries.summarize_tasks([(None, None)], today)]
    made += list(summaries.summarize_timeliness(rows, key=lambda r: 1, due_on=lambda r: r[0], submitted_on=lambda r: r[1],
                                                today=today).values())
    for summary in made:
        with translation.override("vi"):
            rebuilt = task_sentence(summary) if isinstance(summary, summaries.TaskSummary) else timeliness_sentence(summary)  # type: ignore[arg-type]
            assert rebuilt == summary.sentence_vi
        with translation.override("en"):
            english = summary_sentence(summary)
        assert not VIETNAMESE.search(english), english


def test_the_forecast_methods_stored_beside_the_sentence_translate() -> None:
    from theodoi.evaluation.explain import FORECAST_METHODS_VI

    for text in FORECAST_METHODS_VI.values():
        with translation.override("en"):
            english = in_page_language(text)
        assert english != text and not VIETNAMESE.search(english), text
