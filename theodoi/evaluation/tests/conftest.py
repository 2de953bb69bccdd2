"""A small 2021 plan with reported values, for the evaluation tests (the named cast, theodoi/test.py).

Targets: GRDP growth (Sở KH&ĐT, stock, >= 10%), hospital beds (Sở Y tế, stock, >= 32), rice output
(Đắk Hà, flow, 40,000 tấn), and a forecast-only population figure. `report()` files a value in a
form of a given status, as the reporting workflow would have left it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest


@dataclass
class Plan2021:
    cast: Any
    regime: Any
    plan: Any
    growth: Any
    beds: Any
    rice: Any
    population: Any
    document: Any

    def report(self, unit: Any, target: Any, period_key: str, value: float | None, status: str = "accepted") -> Any:
        from theodoi.reporting.models import ReportForm, ReportValue

        form, _ = ReportForm.objects.get_or_create(
            regime=self.regime, unit=unit, period_key=period_key, defaults={"status": status}
        )
        if form.status != status:
            form.status = status
            form.save()
        rv, _ = ReportValue.objects.update_or_create(
            form=form, target=target, defaults={"value": None if value is None else Decimal(str(value))}
        )
        return rv


SENTENCE = "Tốc độ tăng trưởng kinh tế (GRDP) đạt từ 10% trở lên; số giường bệnh đạt 32 giường/vạn dân."


def make_plan_2021(cast: Any) -> Plan2021:
    from theodoi.documents.models import Document
    from theodoi.plans.models import Indicator, Plan, PublishStatus, Target, TargetSource
    from theodoi.reporting.services import regime_ensure_seed

    plan = Plan.objects.create(
        name="Kế hoạch phát triển KT-XH năm 2021", year_start=2021, year_end=2021, unit=cast.province,
        status=PublishStatus.PUBLISHED,
    )

    def target(name: str, unit: str, value: float, owner: Any, *, field: str = "economy",
               measure: str = "stock", comparator: str = ">=", **kw: Any) -> Any:
        ind = Indicator.objects.create(name=name, unit=unit, field=field, measure=measure)
        return Target.objects.create(
            plan=plan, indicator=ind, value=value, unit=unit, period="2021", comparator=comparator,
            responsible_unit=owner, status=PublishStatus.PUBLISHED, **kw,
        )

    growth = target("Tốc độ tăng trưởng GRDP", "%", 10, cast.planning)
    beds = target("Số giường bệnh/vạn dân", "giường", 32, cast.health, field="society")
    rice = target("Sản lượng lúa", "tấn", 40000, cast.district, measure="flow", comparator="=")
    population = target("Dân số trung bình", "nghìn người", 567, cast.planning, field="society",
                        comparator="~", forecast_only=True)
    document = Document.objects.create(
        title="Nghị quyết 01-NQ/TU về kế hoạch năm 2021", original_name="nq.txt", checksum="e" * 64,
        file="documents/nq.txt", text="Mở đầu. " + SENTENCE + " Kết thúc.",
    )
    start = document.text.index("Tốc độ")
    TargetSource.objects.create(target=growth, document=document, start=start, end=start + len(SENTENCE.split(";")[0]))
    return Plan2021(cast, regime_ensure_seed(), plan, growth, beds, rice, population, document)


@pytest.fixture
def plan2021(cast: Any) -> Plan2021:
    return make_plan_2021(cast)
