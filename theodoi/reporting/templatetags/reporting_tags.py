"""Template filters of periodic reporting: ``{{ form.period|period_label }}`` names a period (or a
period key) in the page's language (see ``theodoi.reporting.i18n``)."""

from __future__ import annotations

from django import template

from theodoi.reporting.i18n import period_name

register = template.Library()
register.filter("period_label", period_name)
