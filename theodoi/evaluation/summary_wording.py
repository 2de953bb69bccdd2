"""Summary sentences ("11/13 chỉ tiêu chủ yếu đạt và vượt; ...") in the page's language.

summaries.py writes each sentence in Vietnamese, the wording the consolidated report (a Vietnamese
state document) and the API quote. Pages write it again from the counts in the active language, in
the same order and with the same punctuation; in Vietnamese they show summaries.py's own sentence,
so nothing there changes (tests/test_wording.py checks that these msgids, untranslated, rebuild
summaries.py's sentences byte for byte).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext, gettext_noop

from theodoi.core.vnformat import percent
from theodoi.evaluation import summaries
from theodoi.evaluation.summaries import (
    LATE,
    ON_TIME,
    OVERDUE,
    PENDING,
    STATUS_ORDER,
    TASK_STATES,
    TargetSummary,
    TaskSummary,
    TimelinessSummary,
)

_COUNTED: dict[str, str] = {  # "<n> <phrase>" after the first part of a target summary
    "not_achieved": gettext_noop("%(n)s không đạt"),
    "on_track": gettext_noop("%(n)s đúng tiến độ"),
    "at_risk": gettext_noop("%(n)s có nguy cơ không đạt"),
    "off_track": gettext_noop("%(n)s chậm tiến độ"),
    "no_data": gettext_noop("%(n)s chưa có số liệu"),
}
_TASK_STATES: dict[str, str] = {
    summaries.DONE_ON_TIME: gettext_noop("đã hoàn thành đúng hạn %(n)s"),
    summaries.DONE_LATE: gettext_noop("đã hoàn thành nhưng quá hạn %(n)s"),
    summaries.NOT_DONE_IN_TIME: gettext_noop("chưa hoàn thành, còn trong hạn %(n)s"),
    summaries.NOT_DONE_OVERDUE: gettext_noop("chưa hoàn thành, đã quá hạn %(n)s"),
}
_TIMELINESS: dict[str, str] = {
    LATE: gettext_noop("%(n)s trễ hạn"),
    OVERDUE: gettext_noop("%(n)s quá hạn, chưa gửi"),
    PENDING: gettext_noop("%(n)s chưa đến hạn"),
}


def target_sentence(summary: TargetSummary) -> str:
    """summaries._target_sentence (default noun) in the active language."""
    counts, total, good = summary.counts, summary.total, summary.achieved_or_exceeded
    if total == 0:
        return gettext("Không có chỉ tiêu chủ yếu để đánh giá.")
    if good or not any(counts[s] for s in ("on_track", "at_risk", "off_track")):
        if good:
            first = gettext("%(good)s/%(total)s chỉ tiêu chủ yếu đạt và vượt (vượt %(exceeded)s, đạt %(achieved)s)")
        else:
            first = gettext("%(good)s/%(total)s chỉ tiêu chủ yếu đạt và vượt")
        parts = [first % {"good": good, "total": total, "exceeded": counts["exceeded"], "achieved": counts["achieved"]}]
        rest = [s for s in STATUS_ORDER if s not in ("exceeded", "achieved", "forecast")]
    else:
        parts = [gettext("%(n)s/%(total)s chỉ tiêu chủ yếu đúng tiến độ") % {"n": counts["on_track"], "total": total}]
        rest = [s for s in STATUS_ORDER if s not in ("on_track", "forecast", "exceeded", "achieved")]
    parts += [gettext(_COUNTED[s]) % {"n": counts[s]} for s in rest if counts.get(s)]
    parts += [f"{counts[s]} {s}" for s in counts if s not in STATUS_ORDER and counts[s]]
    return "; ".join(parts) + "."


def task_sentence(summary: TaskSummary) -> str:
    """summaries.summarize_tasks's sentence (default noun) in the active language."""
    states = ", ".join(gettext(_TASK_STATES[s]) % {"n": summary.counts[s]} for s in TASK_STATES)
    text = gettext("Tổng số %(total)s nhiệm vụ: %(states)s") % {"total": summary.total, "states": states}
    if not summary.due:
        return text + "."
    done = gettext("%(pct)s nhiệm vụ đến hạn đã hoàn thành") % {"pct": percent(summary.done_of_due_pct)}
    return f"{text}; {done}."


def timeliness_sentence(summary: TimelinessSummary) -> str:
    """summaries.summarize_timeliness's sentence in the active language."""
    counts = summary.counts
    parts = [gettext("%(n)s/%(due)s báo cáo đúng hạn") % {"n": counts[ON_TIME], "due": summary.due}]
    parts += [gettext(_TIMELINESS[s]) % {"n": counts[s]} for s in (LATE, OVERDUE, PENDING) if counts[s]]
    return "; ".join(parts) + "."


def summary_sentence(summary: Any) -> str:
    """A target, task or timeliness summary's sentence for the page: as summaries.py wrote it in
    Vietnamese, written again from its counts in any other language."""
    if (get_language() or "vi").startswith("vi"):
        return str(summary.sentence_vi)
    if isinstance(summary, TargetSummary):
        return target_sentence(summary)
    if isinstance(summary, TaskSummary):
        return task_sentence(summary)
    if isinstance(summary, TimelinessSummary):
        return timeliness_sentence(summary)
    return str(summary.sentence_vi)
