"""The one exception the report renderers raise."""


class ReportRenderError(Exception):
    """A report could not be produced; the message is meant for the planner (Vietnamese)."""
