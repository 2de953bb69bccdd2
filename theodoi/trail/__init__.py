"""The audit pages (nhật ký): who did what, when, before → after, for any subject, and the trail of
a dashboard number from the reported value back to the sentence of the document that set the target.

It only reads: the general audit table (core.AuditEvent), the report forms' own trail
(reporting.AuditEntry, ValueVersion), and the plan and documents they point to. Nothing imports it
but the URL map and the template context.
"""
