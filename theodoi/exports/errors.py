"""The one exception the report renderers raise (a refusal: see theodoi.core.refusals)."""

from theodoi.core.refusals import Unavailable


class ReportRenderError(Unavailable):
    """A report could not be produced; the message is meant for the planner (Vietnamese).

    503 because the usual cause is a missing or failing outside tool (LibreOffice, a template).
    """

    code = "render_failed"
