"""An index for the dashboards' question "this unit's (and its communes') targets of a year".

The evaluation dashboards filter targets by responsible unit and period (evaluation/views.py,
`_overview_context`); without an index that is a scan of every target, which at national scale
(hundreds of thousands of targets) is most of a dashboard request.

Built CONCURRENTLY on PostgreSQL (theodoi/core/migration_ops.py): plans_target is written to by
every report, and a plain CREATE INDEX would block those writes while it builds. The model state
(plans/models.py) stays as it is; to move the index into `Target.Meta.indexes` later, replace this
operation with `AddIndexConcurrently` under the same name. Databases that ran the earlier plain
version already have the index (IF NOT EXISTS).
"""

from django.db import migrations

from theodoi.core.migration_ops import CreateIndexConcurrently

INDEX = "plans_target_unit_period_idx"


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("plans", "0001_initial")]

    operations = [
        CreateIndexConcurrently(table="plans_target", name=INDEX, columns=["responsible_unit_id", "period"]),
    ]
