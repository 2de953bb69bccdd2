"""Events that one app's writes send and another app receives, named here on the ground floor so
that the writer does not import the receiver.

`targets_changed`: the figures behind some targets changed (values saved into a form that counts,
a form that starts or stops counting, a target corrected), so whatever is derived from them, the
stored statuses above all, is stale. The write that changes them sends it, inside its transaction;
the evaluation app receives it (connected in `EvaluationConfig.ready`) and recomputes those
targets once, after the commit. Sent explicitly by the write rather than from a `post_save` hook,
so that a reader of the write sees what follows from it, and bulk writes (which send no model
signal) are not forgotten.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.dispatch import Signal

# Keyword arguments of a receiver: target_ids (a set of ints), reason (a short English word for logs:
# "values_saved", "form_status", "target_edited"), form_targets (a set of (form id, target id): the
# values that changed, when the change is one of reported values; their targets are in target_ids
# too), revisions ({(form id, target id): (old, new)}, the figure before and after as decimal text,
# None for no figure: for the values of form_targets whose only change is their figure). A receiver
# that knows which form changed can tell whether the change can reach what it derives (a value in a
# form older than the one a status was judged from cannot), and leave the others alone instead of
# reading every value of every target named; one that knows the figure before and after can judge
# a status whose chosen figure was revised from what it stored, without reading the other values.
targets_changed = Signal()

Figure = Decimal | float | int | str | None


def send_targets_changed(
    *, sender: object, target_ids: Iterable[int], reason: str, form_targets: Iterable[tuple[int, int]] = (),
    revisions: Iterable[tuple[int, int, Figure, Figure]] = (),
) -> None:
    """Tell the receivers that these targets' figures changed; nothing is sent for no target.

    `form_targets`: the (form, target) of each changed value, for the targets whose only change is
    that value; a target named in `target_ids` alone is taken as changed in every way.
    `revisions`: (form, target, figure before, figure after) of values whose figure alone changed
    (the figures as stored: a value the database would round is not one); their pairs are
    `form_targets` too."""
    revised = {(int(f), int(t)): (figure_text(old), figure_text(new)) for f, t, old, new in revisions}
    pairs = {(int(f), int(t)) for f, t in form_targets} | set(revised)
    ids = {int(i) for i in target_ids} | {t for _f, t in pairs}
    if ids:
        targets_changed.send(sender=sender, target_ids=ids, reason=reason, form_targets=pairs, revisions=revised)


def figure_text(figure: Figure) -> str | None:
    """A figure as exact decimal text (it travels through a JSON column): a float by its shortest
    repr, which reads back as the same float."""
    if figure is None:
        return None
    if isinstance(figure, float):
        return repr(figure)
    return str(figure)
