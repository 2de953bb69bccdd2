"""The reporting refusals: a Vietnamese message shown as is, a code and an HTTP status."""

from __future__ import annotations

from theodoi.core.refusals import Refused


class ReportingError(Refused):
    """A refused operation; ``message`` is Vietnamese and is shown as is (see theodoi.core.refusals)."""

    status_code = 400
    code = "reporting"


class VersionConflict(ReportingError):
    """Someone else saved the form since this editor loaded it."""

    status_code = 409
    code = "version_conflict"


class FormNotEditable(ReportingError):
    status_code = 409
    code = "form_not_editable"
