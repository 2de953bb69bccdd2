"""An index for the dashboards' question "this unit's (and its communes') targets of a year".

The evaluation dashboards filter targets by responsible unit and period (evaluation/views.py,
`_overview_context`); without an index that is a scan of every target, which at national scale
(hundreds of thousands of targets) is most of a dashboard request.

Raw SQL rather than `AddIndex`, so that the model state (plans/models.py) stays as it is; to move
it into `Target.Meta.indexes` later, replace this operation with `AddIndex` under the same name.
"""

from django.db import migrations

INDEX = "plans_target_unit_period_idx"


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON plans_target (responsible_unit_id, period)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
