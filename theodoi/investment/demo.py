"""Demo public-investment data (and, see the end, the 2020 year-end evaluation): 12 invented projects in Kon Tum's districts, 2021 capital plans and
cumulative disbursement from January to September, chosen so that each seed rule fires at least
once (and most projects pass). Keyed on project codes: loading twice gives the same rows.
"""

from __future__ import annotations

from decimal import Decimal

from theodoi.accounts.models import OrgUnit
from theodoi.investment.models import CapitalPlan, CapitalSource, Disbursement, Project, ProjectStage

YEAR = 2021

# code, name, investor code, district code, stage, preparation done, {source: plan}, (June, September) cumulative
PROJECTS: tuple[tuple[str, str, str, str, str, bool, dict[str, int], tuple[float, float]], ...] = (
    ("KT-2021-01", "Đường giao thông liên xã Đắk Pxi – Đắk Long", "huyen-dak-ha", "huyen-dak-ha",
     ProjectStage.ONGOING, True, {CapitalSource.PROVINCE: 42000}, (11800, 21500)),
    ("KT-2021-02", "Kè chống sạt lở bờ sông Đắk Bla đoạn qua thành phố Kon Tum", "so-nnptnt", "tp-kon-tum",
     ProjectStage.ONGOING, True, {CapitalSource.CENTRAL: 60000}, (27600, 39000)),
    ("KT-2021-03", "Trường THPT Ngọc Hồi (mở rộng)", "so-gddt", "huyen-ngoc-hoi",
     ProjectStage.ONGOING, True, {CapitalSource.PROVINCE: 18500}, (9800, 15400)),
    ("KT-2021-04", "Bệnh viện Đa khoa huyện Sa Thầy – khối điều trị nội trú", "so-yte", "huyen-sa-thay",
     ProjectStage.ONGOING, True, {CapitalSource.PROVINCE: 25000}, (8750, 18000)),
    ("KT-2021-05", "Hệ thống cấp nước sinh hoạt xã Đắk Tờ Re", "huyen-kon-ray", "huyen-kon-ray",
     ProjectStage.NEW, False, {CapitalSource.PROVINCE: 9000}, (0, 0)),
    ("KT-2021-06", "Đường Trường Sơn Đông đoạn qua huyện Kon Plông", "so-gtvt", "huyen-kon-plong",
     ProjectStage.ONGOING, True, {CapitalSource.CENTRAL: 80000, CapitalSource.PROVINCE: 40000}, (54000, 90000)),
    ("KT-2021-07", "Trung tâm Y tế huyện Tu Mơ Rông", "so-yte", "huyen-tu-mo-rong",
     ProjectStage.NEW, True, {CapitalSource.PROVINCE: 15000}, (2000, 6500)),
    ("KT-2021-08", "Cầu qua sông Pô Kô, huyện Đắk Tô", "so-gtvt", "huyen-dak-to",
     ProjectStage.ONGOING, True, {CapitalSource.PROVINCE: 35000}, (17500, 26600)),
    ("KT-2021-09", "Nâng cấp tỉnh lộ 675A đoạn qua huyện Ia H'Drai", "so-gtvt", "huyen-ia-hdrai",
     ProjectStage.ONGOING, True, {CapitalSource.CENTRAL: 50000}, (12500, 30000)),
    ("KT-2021-10", "Trụ sở làm việc các cơ quan huyện Đắk Glei", "huyen-dak-glei", "huyen-dak-glei",
     ProjectStage.NEW, False, {CapitalSource.PROVINCE: 12000}, (0, 0)),
    ("KT-2021-11", "Khu tái định cư thị trấn Đắk Hà", "huyen-dak-ha", "huyen-dak-ha",
     ProjectStage.ONGOING, True, {CapitalSource.PROVINCE: 8000}, (4400, 6000)),
    ("KT-2021-12", "Hạ tầng Khu công nghiệp Hòa Bình giai đoạn 2", "bql-kkt", "tp-kon-tum",
     ProjectStage.ONGOING, True, {CapitalSource.CENTRAL: 30000}, (13200, 19800)),
)


def monthly_cumulative(june: float, september: float) -> dict[int, Decimal]:
    """January to September: slow start (disbursement picks up after Tết), then steady to September."""
    out: dict[int, Decimal] = {}
    if june <= 0 and september <= 0:
        return out
    for month in range(1, 10):
        value = june * (month / 6) ** 1.4 if month <= 6 else june + (september - june) * (month - 6) / 3
        out[month] = Decimal(str(round(value, 1)))
    return out


def load_demo_investment() -> int:
    """Create or refresh the demo projects; returns how many were loaded (0 if the units are missing)."""
    units = {u.code: u for u in OrgUnit.objects.filter(code__in={p[2] for p in PROJECTS} | {p[3] for p in PROJECTS})}
    loaded = 0
    for code, name, investor, district, stage, prepared, plans, (june, september) in PROJECTS:
        if investor not in units:
            continue
        project, _ = Project.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "investor": units[investor], "district": units.get(district), "stage": stage,
                "preparation_done": prepared, "under_construction": stage == ProjectStage.ONGOING,
            },
        )
        for source, amount in plans.items():
            CapitalPlan.objects.update_or_create(
                project=project, year=YEAR, source=source, defaults={"amount": Decimal(amount)}
            )
        project.capital_plans.filter(year=YEAR).exclude(source__in=list(plans)).delete()
        months = monthly_cumulative(june, september)
        for month, value in months.items():
            Disbursement.objects.update_or_create(
                project=project, year=YEAR, month=month, defaults={"cumulative_amount": value}
            )
        project.disbursements.filter(year=YEAR).exclude(month__in=list(months)).delete()
        loaded += 1
    return loaded
