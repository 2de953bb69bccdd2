"""Collectives ("Các sở, ban, ngành", "UBND các huyện") no longer owe reports.

`duties_from_plan` made duties for them, so they stood "overdue" on the timeliness page and in
reminders although nobody can sign in as a collective. Their duties are removed unless a form
was somehow made for them under that regime (then it is left for a person to look at).
"""

from django.db import migrations


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    duty_model = apps.get_model("reporting", "ReportingDuty")
    form_model = apps.get_model("reporting", "ReportForm")
    with_forms = set(form_model.objects.filter(unit__kind="collective").values_list("regime_id", "unit_id"))
    for duty in duty_model.objects.filter(unit__kind="collective").only("pk", "regime_id", "unit_id"):
        if (duty.regime_id, duty.unit_id) not in with_forms:
            duty.delete()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0004_review_notes_lock_exceptions"), ("accounts", "0001_initial")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
