"""Every change to periodic reports: the web views, the API and the CLI call these and nothing else.

Each service checks permission, validates, changes the data and writes the audit entry in one
transaction, so no caller can skip a step. One module per entity:

- ``errors``: the refusals (``ReportingError``, ``VersionConflict``, ``FormNotEditable``);
- ``common``: the acting user, the form's audit trail, number parsing, the cached value history;
- ``forms``: opening a form (created on first open, prefilled from the previous period);
- ``values``: saving values and task notes (the autosave), contributions, comments, evidence;
- ``workflow``: submit, return (with notes on single values), approve, accept, lock, lock exceptions;
- ``review``: approve, accept or return many forms at once, each form on its own;
- ``imports``: values from the agency's XLSX or CSV;
- ``reminders``: reminders before and after deadlines and to agency heads;
- ``duties``: the seed regime and the duties a plan creates.

The names below are re-exported so callers keep writing ``services.form_submit(...)``.
"""

from theodoi.reporting.services.duties import (
    duties_from_plan,
    regime_ensure_seed,
)
from theodoi.reporting.services.errors import (
    FormNotEditable,
    ReportingError,
    VersionConflict,
)
from theodoi.reporting.services.forms import (
    form_open_or_create,
)
from theodoi.reporting.services.imports import (
    ImportReport,
    ImportRow,
    values_import_csv,
    values_import_xlsx,
)
from theodoi.reporting.services.reminders import (
    REMIND_AFTER_DAYS,
    REMIND_BEFORE_DAYS,
    reminder_mark_read,
    reminders_send,
)
from theodoi.reporting.services.review import (
    BulkOutcome,
    forms_review_bulk,
)
from theodoi.reporting.services.values import (
    EVIDENCE_EXTENSIONS,
    SaveResult,
    form_save_values,
    task_contribution_add,
    value_comment_add,
    value_evidence_attach,
)
from theodoi.reporting.services.workflow import (
    form_accept,
    form_approve,
    form_lock,
    form_return,
    form_submit,
    forms_lock_overdue,
    lock_exception_grant,
)

__all__ = [
    "BulkOutcome",
    "EVIDENCE_EXTENSIONS",
    "FormNotEditable",
    "ImportReport",
    "ImportRow",
    "REMIND_AFTER_DAYS",
    "REMIND_BEFORE_DAYS",
    "ReportingError",
    "SaveResult",
    "VersionConflict",
    "duties_from_plan",
    "form_accept",
    "form_approve",
    "form_lock",
    "form_open_or_create",
    "form_return",
    "form_save_values",
    "form_submit",
    "forms_lock_overdue",
    "forms_review_bulk",
    "lock_exception_grant",
    "regime_ensure_seed",
    "reminder_mark_read",
    "reminders_send",
    "task_contribution_add",
    "value_comment_add",
    "value_evidence_attach",
    "values_import_csv",
    "values_import_xlsx",
]
