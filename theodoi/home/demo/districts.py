"""Demo district plans: each district's own 2021 targets and an INVENTED June figure for each, so
the maps have something to colour.

Three indicators of the province plan (new forest planted, health-insurance coverage, budget
revenue) are set again, district by district, as a district's yearly plan does; the levels and the
June figures are made up (a pace per district, fixed, so that the engine itself judges some on
track, some at risk, some behind). The figures reach the engine as accepted reports of the district
in a regime of their own, so the seed regime's forms, reminders and timeliness are untouched.
The communes of huyện Đắk Hà get their own plans the same way, for the commune map on that district's
page. Keyed on plan names, indicators and the form's unit and period: loading twice gives the same rows.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

from django.utils import timezone

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.core.text import fold
from theodoi.plans.models import Indicator, Plan, PlanKind, PublishStatus, Target

YEAR = 2021
REGIME_NAME = "Báo cáo chỉ tiêu kế hoạch cấp huyện (số liệu minh họa)"
PERIOD_KEY = "2021-06"

# indicator (as in the province plan), comparator, unit; then per district: (level, June pace).
# A pace of 1.0 is exactly on track at mid-year; flows are judged on half the year's level.
INDICATORS: tuple[tuple[str, str, str], ...] = (
    ("Diện tích trồng mới rừng", "=", "ha"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "=", "%"),
    ("Thu ngân sách nhà nước trên địa bàn", "=", "tỷ đồng"),
)
DISTRICTS: dict[str, tuple[tuple[float, float], ...]] = {
    "tp-kon-tum": ((150, 1.05), (95.0, 1.01), (1450, 1.08)),
    "huyen-dak-ha": ((300, 1.02), (93.0, 0.995), (210, 0.97)),
    "huyen-dak-to": ((250, 0.92), (92.5, 0.99), (140, 1.03)),
    "huyen-ngoc-hoi": ((220, 1.04), (92.0, 1.0), (260, 1.06)),
    "huyen-dak-glei": ((400, 0.7), (93.5, 0.96), (75, 0.82)),
    "huyen-tu-mo-rong": ((380, 0.75), (94.0, 0.95), (45, 0.7)),
    "huyen-kon-plong": ((420, 1.1), (93.0, 1.0), (120, 1.12)),
    "huyen-kon-ray": ((330, 0.88), (92.0, 0.985), (60, 0.9)),
    "huyen-sa-thay": ((350, 0.95), (91.5, 0.99), (150, 0.86)),
    "huyen-ia-hdrai": ((200, 0.6), (90.0, 0.94), (55, 0.65)),
}
# The communes of huyện Đắk Hà (the demo's one district with commune outlines), the same way: their
# own plans set again the district's three indicators, with invented levels and June paces.
COMMUNES: dict[str, tuple[tuple[float, float], ...]] = {
    "tt-dak-ha": ((20, 1.08), (96.0, 1.01), (95, 1.05)),
    "xa-dak-hring": ((60, 0.96), (92.0, 0.99), (18, 0.93)),
    "xa-dak-mar": ((45, 1.05), (93.5, 1.0), (22, 1.02)),
    "xa-dak-la": ((55, 0.72), (91.0, 0.95), (15, 0.75)),
    "xa-ha-mon": ((50, 0.9), (92.5, 0.985), (16, 0.88)),
    "xa-ngok-wang": ((70, 0.62), (90.5, 0.94), (12, 0.66)),
}


def _figure(measure: str, level: float, pace: float, unit: str) -> Decimal:
    value = level * pace * (6 / 12 if measure == "flow" else 1)
    if unit == "%":
        value = min(value, 99.5)
    return Decimal(str(round(value, 1)))


def load_demo_district_targets() -> int:
    """Create or refresh the districts' and communes' 2021 plans, targets and June reports; returns the
    targets."""
    from theodoi.evaluation.services import target_statuses_recompute
    from theodoi.reporting.deadlines import SEED_REGIME
    from theodoi.reporting.models import FormStatus, ReportForm, ReportingRegime, ReportValue

    indicators = [Indicator.objects.filter(name_folded=fold(name)).first() for name, _, _ in INDICATORS]
    if any(i is None for i in indicators):
        return 0  # the province plan is not loaded
    regime, _ = ReportingRegime.objects.get_or_create(name=REGIME_NAME, defaults={"config": SEED_REGIME.to_dict()})
    when = timezone.make_aware(datetime.combine(datetime(YEAR, 7, 12).date(), time(10, 0)))
    made: list[int] = []
    for code, specs in {**DISTRICTS, **COMMUNES}.items():
        district = OrgUnit.objects.filter(code=code, kind__in=(UnitKind.DISTRICT, UnitKind.COMMUNE)).first()
        if district is None:
            continue
        plan, _ = Plan.objects.update_or_create(
            name=f"Kế hoạch phát triển KT-XH năm {YEAR} của {district.short_name or district.name} (số liệu minh họa)",
            defaults={"kind": PlanKind.YEAR, "year_start": YEAR, "year_end": YEAR, "unit": district,
                      "parent": None, "status": PublishStatus.PUBLISHED},
        )
        form, _ = ReportForm.objects.get_or_create(
            regime=regime, unit=district, period_key=PERIOD_KEY,
            defaults={"status": FormStatus.ACCEPTED, "submitted_at": when, "approved_at": when, "accepted_at": when},
        )
        for indicator, (_, comparator, unit), (level, pace) in zip(indicators, INDICATORS, specs, strict=True):
            assert indicator is not None
            target, _ = Target.objects.update_or_create(
                plan=plan, indicator=indicator, period=str(YEAR),
                defaults={"comparator": comparator, "value": level, "unit": unit, "responsible_unit": district,
                          "is_main": True, "status": PublishStatus.PUBLISHED},
            )
            ReportValue.objects.update_or_create(
                form=form, target=target, defaults={"value": _figure(indicator.measure, level, pace, unit)},
            )
            made.append(target.pk)
    target_statuses_recompute(target_ids=made)
    return len(made)
