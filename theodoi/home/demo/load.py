"""Load the Kon Tum demo: unit tree, one account per role, the 2021 plan as structured facts.

Everything is keyed on natural keys (unit code, username, plan kind and years, indicator name,
assignment ref, task position), so loading twice gives the same rows: `make demo` can run again
on an existing database without piling up copies. The facts live in `kontum_2021.json`
beside this module; the sample document the demo user may upload lives in `samples/`.
"""

from __future__ import annotations

import importlib
import json
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings

from theodoi.accounts.models import Membership, OrgUnit, Role, UnitKind
from theodoi.accounts.services import unit_find
from theodoi.core.text import fold
from theodoi.plans.models import Assignment, Indicator, Plan, PlanKind, PublishStatus, Target, Task

DEMO_DIR = Path(__file__).resolve().parent
DATA_FILE = DEMO_DIR / "kontum_2021.json"
SAMPLE_FILE = DEMO_DIR / "samples" / "nghi-quyet-mau.txt"
REVIEW_SAMPLE_FILE = DEMO_DIR / "samples" / "chuong-trinh-mau.txt"
DEMO_PASSWORD = "theodoi2021"
#: The demo province's district outlines (schematic, drawn for the demo), imported for the maps.
BOUNDARIES_FILE = Path(__file__).resolve().parents[2] / "geo" / "data" / "kontum_districts.geojson"
#: The communes of huyện Đắk Hà, cut from that district's schematic outline (the commune map's demo).
COMMUNE_BOUNDARIES_FILE = Path(__file__).resolve().parents[2] / "geo" / "data" / "kontum_dakha_communes.geojson"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    unit_code: str
    role: str
    what_vi: str
    superuser: bool = False


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", "Quản Trị Viên", "ubnd-tinh", Role.ADMIN, "quản trị hệ thống", superuser=True),
    DemoAccount("planner", "Nguyễn Văn Kế", "so-khdt", Role.PLANNER,
                "chuyên viên kế hoạch, Sở KH&ĐT: tải văn bản, rà soát, công bố, tổng hợp"),
    DemoAccount("yte_reporter", "Trần Thị Y", "so-yte", Role.REPORTER, "cán bộ báo cáo, Sở Y tế"),
    DemoAccount("yte_head", "Lê Văn Giám", "so-yte", Role.APPROVER, "Giám đốc Sở Y tế: phê duyệt báo cáo"),
    DemoAccount("dakha_reporter", "Phạm Văn Huyện", "huyen-dak-ha", Role.REPORTER,
                "cán bộ báo cáo, UBND huyện Đắk Hà"),
    DemoAccount("leader", "Hoàng Văn Lãnh", "ubnd-tinh", Role.LEADER, "lãnh đạo UBND tỉnh: xem toàn bộ"),
)

#: Loaders other apps may provide; each is optional and idempotent itself.
OPTIONAL_LOADERS: tuple[tuple[str, str, str], ...] = (
    ("theodoi.reporting.demo", "load_demo_reports", "báo cáo tiến độ mẫu"),
    ("theodoi.investment.demo", "load_demo_investment", "dự án đầu tư công mẫu"),
    ("theodoi.evaluation.demo", "load_demo_evaluation", "đánh giá cuối năm 2020 (minh họa)"),
    ("theodoi.home.demo.districts", "load_demo_district_targets", "chỉ tiêu cấp huyện năm 2021 (minh họa)"),
)


@dataclass
class DemoSummary:
    units: Counter[str] = field(default_factory=Counter)
    accounts: list[DemoAccount] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    indicators: int = 0
    targets: int = 0
    targets_with_owner: int = 0
    assignments: int = 0
    tasks: int = 0
    boundaries: int = 0
    sample_path: Path | None = None
    optional: list[tuple[str, str]] = field(default_factory=list)  # (label, "loaded" / reason skipped)


@cache
def demo_data() -> dict[str, Any]:
    """The structured facts of the Kon Tum 2021 plan (read once per process)."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _merge_aliases(existing: list[str], extra: list[str], name: str) -> list[str]:
    """Existing aliases first, then the new ones; no duplicates (folded), never the name itself."""
    seen = {fold(name)}
    merged: list[str] = []
    for alias in [*existing, *extra]:
        key = fold(alias)
        if key and key not in seen:
            seen.add(key)
            merged.append(alias)
    return merged


def _adoptable(spec: dict[str, Any], claimed: dict[str, OrgUnit]) -> OrgUnit | None:
    """A unit an earlier ingest created under this name or an alias ("UBND tỉnh"): the demo adopts it."""
    taken = {unit.pk for unit in claimed.values()}
    for name in [spec["name"], *spec.get("aliases", [])]:
        unit = unit_find(name)
        if unit is not None and unit.pk not in taken:
            return unit
    return None


def load_units(data: dict[str, Any]) -> dict[str, OrgUnit]:
    """The unit tree: province, departments and agencies, party bodies, collectives, districts."""
    by_code: dict[str, OrgUnit] = {}
    for spec in data["units"]:
        unit = OrgUnit.objects.filter(code=spec["code"]).first() or _adoptable(spec, by_code)
        if unit is None:
            unit = OrgUnit(code=spec["code"])
        elif unit.code != spec["code"] and not OrgUnit.objects.filter(code=spec["code"]).exists():
            unit.code = spec["code"]  # a unit an earlier ingest created gets its demo code
        parent_code = spec.get("parent")
        unit.name = spec["name"]
        unit.short_name = spec.get("short_name", "")
        unit.kind = spec["kind"]
        unit.head_title = spec.get("head_title", "")
        unit.parent = by_code[parent_code] if parent_code else None
        unit.aliases = _merge_aliases(list(unit.aliases or []), spec.get("aliases", []), unit.name)
        unit.save()
        by_code[spec["code"]] = unit
    return by_code


def load_accounts(units: dict[str, OrgUnit]) -> list[DemoAccount]:
    """One account per role, all with the demo password (reset on every load)."""
    user_model = get_user_model()
    for account in ACCOUNTS:
        last, _, first = account.full_name.rpartition(" ")
        user, _ = user_model.objects.get_or_create(username=account.username)
        user.first_name, user.last_name = first, last
        user.email = f"{account.username}@demo.theodoi.vn"
        user.is_staff = user.is_superuser = account.superuser
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        Membership.objects.get_or_create(user=user, unit=units[account.unit_code], role=account.role)
    return list(ACCOUNTS)


def load_plans(data: dict[str, Any], province: OrgUnit) -> tuple[Plan, Plan]:
    """The term plan 2021-2025 and, under it, the yearly plan 2021 (both published)."""
    term_spec, year_spec = data["plans"]["term"], data["plans"]["year"]
    term, _ = Plan.objects.update_or_create(
        kind=PlanKind.TERM, year_start=term_spec["year_start"], year_end=term_spec["year_end"], unit=province,
        defaults={"name": term_spec["name"], "status": PublishStatus.PUBLISHED, "parent": None},
    )
    year = Plan.objects.filter(kind=PlanKind.YEAR, year_start=year_spec["year_start"], unit=province).first()
    if year is None:
        year = Plan(kind=PlanKind.YEAR, year_start=year_spec["year_start"], unit=province)
    year.name, year.year_end, year.parent, year.status = (
        year_spec["name"], year_spec["year_end"], term, PublishStatus.PUBLISHED,
    )
    year.save()
    return term, year


def _unit_named(name: str, units_by_name: dict[str, OrgUnit]) -> OrgUnit:
    unit = units_by_name.get(fold(name)) or unit_find(name)
    if unit is None:
        raise ValueError(f"demo data names an unknown unit: {name!r}")
    return unit


def load_targets(data: dict[str, Any], plan: Plan, units_by_name: dict[str, OrgUnit]) -> tuple[int, int, int]:
    """The resolution's targets, each with its catalogue indicator and (where known) its owner."""
    indicators = targets = owned = 0
    for spec in data["targets"]:
        indicator = Indicator.objects.filter(name_folded=fold(spec["indicator"])).first()
        if indicator is None:
            indicator = Indicator(name=spec["indicator"])
        indicator.unit = spec["unit"]
        indicator.direction = spec["direction"]
        indicator.measure = spec["measure"]
        indicator.field = spec["field"]
        indicator.allows_over_100 = spec.get("allows_over_100", False)
        indicator.aliases = _merge_aliases(list(indicator.aliases or []), spec.get("aliases", []), indicator.name)
        indicator.save()
        indicators += 1
        owner = _unit_named(spec["agency"], units_by_name) if spec.get("agency") else None
        Target.objects.update_or_create(
            plan=plan, indicator=indicator, period=spec["period"],
            defaults={
                "comparator": spec["comparator"], "value": spec["value"], "value_max": spec.get("value_max"),
                "unit": spec["unit"], "responsible_unit": owner, "is_change": spec.get("is_change", False),
                "forecast_only": spec.get("forecast_only", False), "is_main": spec.get("is_main", True),
                "status": PublishStatus.PUBLISHED,
            },
        )
        targets += 1
        owned += owner is not None
    return indicators, targets, owned


def load_assignments(data: dict[str, Any], plan: Plan, units_by_name: dict[str, OrgUnit]) -> tuple[int, int]:
    """The programme's task blocks: lead and partner agencies, tasks in short words.

    Tasks are updated in place by position (never deleted and re-created), so progress that other
    apps recorded against a task survives a second load.
    """
    blocks = tasks = 0
    for spec in data["assignments"]:
        assignment = Assignment.objects.filter(plan=plan, ref=spec["ref"], document__isnull=True).first()
        if assignment is None:
            assignment = Assignment(plan=plan, ref=spec["ref"])
        assignment.lead_text = "; ".join(spec["lead"])
        assignment.partner_text = "; ".join(spec["partners"])
        assignment.status = PublishStatus.PUBLISHED
        assignment.save()
        assignment.lead_units.set([_unit_named(name, units_by_name) for name in spec["lead"]])
        assignment.partner_units.set([_unit_named(name, units_by_name) for name in spec["partners"]])
        for position, task_spec in enumerate(spec["tasks"]):
            Task.objects.update_or_create(
                assignment=assignment, position=position,
                defaults={"text": task_spec["text"], "deadline": task_spec.get("deadline")},
            )
            tasks += 1
        assignment.tasks.filter(position__gte=len(spec["tasks"])).delete()
        blocks += 1
    return blocks, tasks


def load_boundaries() -> int:
    """The districts' and Đắk Hà's communes' outlines for the maps (the same files again write nothing)."""
    from theodoi.geo.services import boundaries_import

    total = 0
    for path in (BOUNDARIES_FILE, COMMUNE_BOUNDARIES_FILE):
        total += boundaries_import(user=None, data=path.read_bytes(), source=path.name).total
    return total


def copy_sample(target_dir: Path | None = None) -> Path:
    """Copy the sample resolution (huyện Mẫu Sơn, 2022) where the demo user can pick it to upload."""
    directory = Path(target_dir) if target_dir is not None else Path(settings.VAR_DIR) / "demo"
    directory.mkdir(parents=True, exist_ok=True)
    destination = directory / SAMPLE_FILE.name
    shutil.copyfile(SAMPLE_FILE, destination)
    return destination


def _run_optional_loaders(summary: DemoSummary) -> None:
    """The other apps' demo loaders: progress reports, investment projects, a year-end evaluation."""
    for module_name, function_name, label in OPTIONAL_LOADERS:
        loader: Callable[[], object] = getattr(importlib.import_module(module_name), function_name)
        with transaction.atomic():
            result = loader()
        made = f" ({result})" if isinstance(result, int) and not isinstance(result, bool) else ""
        summary.optional.append((label, "đã nạp" + made))


def load_review_document(summary: DemoSummary) -> None:
    """Ingest one sample programme and leave it awaiting review, so the review screen has work.

    Uploading the same bytes again is a no-op, which keeps loaddemo idempotent.
    """
    from theodoi.documents.services import document_upload

    planner = get_user_model().objects.get(username="planner")
    data = REVIEW_SAMPLE_FILE.read_bytes()
    with override_settings(BACKGROUND_JOBS="inline"):
        result = document_upload(
            user=planner, name=REVIEW_SAMPLE_FILE.name, data=data,
            title="Chương trình hành động năm 2022 của huyện Mẫu Sơn (văn bản mẫu)",
        )
    summary.optional.append(("văn bản mẫu chờ rà soát", "đã nạp" if result.created else "đã có"))


def load_demo(*, sample_dir: Path | None = None, with_optional: bool = True) -> DemoSummary:
    """Load (or refresh) the whole demo; safe to run again."""
    data = demo_data()
    summary = DemoSummary()
    with transaction.atomic():
        units = load_units(data)
        units_by_name = {fold(unit.name): unit for unit in units.values()}
        summary.units = Counter(unit.kind for unit in units.values())
        summary.accounts = load_accounts(units)
        province = units["ubnd-tinh"]
        if province.kind != UnitKind.PROVINCE:  # pragma: no cover - the data file says so
            raise ValueError("the demo province must be of kind 'province'")
        term, year = load_plans(data, province)
        summary.plans = [term, year]
        summary.indicators, summary.targets, summary.targets_with_owner = load_targets(data, year, units_by_name)
        summary.assignments, summary.tasks = load_assignments(data, year, units_by_name)
        summary.boundaries = load_boundaries()
    summary.sample_path = copy_sample(sample_dir)
    if with_optional:
        _run_optional_loaders(summary)
        load_review_document(summary)
    return summary
