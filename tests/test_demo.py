"""`theodoi loaddemo`: the Kon Tum demo loads, loads again to the same rows, and has every role."""

from __future__ import annotations

import importlib.util
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from theodoi.core.text import similarity
from theodoi.home.demo.load import ACCOUNTS, DEMO_PASSWORD, demo_data

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _loaddemo(sample_dir: Path, *args: str) -> str:
    out = StringIO()
    call_command("loaddemo", "--sample-dir", str(sample_dir), *args, stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    """Rows per model of the project's apps (and users), the measure of "the same data"."""
    models = [m for m in apps.get_models() if m.__module__.startswith("theodoi.") or m is get_user_model()]
    return {m._meta.label: m._default_manager.count() for m in models}


def test_loaddemo_twice_gives_the_same_rows(db: Any, tmp_path: Path) -> None:
    first_output = _loaddemo(tmp_path, "--no-extras")
    first = _counts()
    _loaddemo(tmp_path, "--no-extras")
    assert _counts() == first
    assert first["accounts.OrgUnit"] >= 45
    assert first["plans.Plan"] == 2
    assert first["plans.Target"] == len(demo_data()["targets"]) >= 50
    assert first["plans.Assignment"] == len(demo_data()["assignments"]) >= 45
    assert first["documents.Document"] == 0  # the sample is offered, not pre-ingested
    assert DEMO_PASSWORD in first_output
    assert "Tài khoản thử" in first_output


def test_every_role_has_a_demo_account(db: Any, tmp_path: Path) -> None:
    from theodoi.accounts.models import Membership, Role

    output = _loaddemo(tmp_path, "--no-extras")
    user_model = get_user_model()
    assert {account.role for account in ACCOUNTS} == set(Role.values)
    for account in ACCOUNTS:
        user = user_model.objects.get(username=account.username)
        assert user.check_password(DEMO_PASSWORD), account.username
        assert Membership.objects.filter(user=user, role=account.role, unit__code=account.unit_code).exists()
        assert account.username in output
    assert user_model.objects.get(username="admin").is_superuser
    planner = Membership.objects.get(user__username="planner")
    assert planner.unit.name == "Sở Kế hoạch và Đầu tư"
    assert Membership.objects.get(user__username="yte_head").role == Role.APPROVER
    assert Membership.objects.get(user__username="dakha_reporter").unit.name == "UBND huyện Đắk Hà"


def test_demo_unit_tree_and_plan(db: Any, tmp_path: Path) -> None:
    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.accounts.services import unit_find
    from theodoi.plans.models import Assignment, Plan, PlanKind, Target

    _loaddemo(tmp_path, "--no-extras")
    province = OrgUnit.objects.get(kind=UnitKind.PROVINCE)
    assert province.code == "ubnd-tinh"
    districts = OrgUnit.objects.filter(kind=UnitKind.DISTRICT)
    assert districts.count() == 10 and all(d.parent_id == province.pk for d in districts)
    assert all(d.name.startswith("UBND ") for d in districts)
    # Abbreviations and spelling variants the documents use find the same unit.
    assert unit_find("Sở KH&ĐT") == unit_find("Sở Kế hoạch và Đầu tư") == OrgUnit.objects.get(code="so-khdt")
    assert unit_find("Sở Lao động, Thương binh và Xã hội") == OrgUnit.objects.get(code="so-ldtbxh")
    assert unit_find("huyện Đăk Hà") == OrgUnit.objects.get(code="huyen-dak-ha")

    term = Plan.objects.get(kind=PlanKind.TERM)
    year = Plan.objects.get(kind=PlanKind.YEAR)
    assert (term.year_start, term.year_end, year.year_start, year.parent_id) == (2021, 2025, 2021, term.pk)
    targets = Target.objects.filter(plan=year).select_related("indicator", "responsible_unit")
    assert all(t.responsible_unit_id for t in targets)
    grdp = targets.get(indicator__name="Tốc độ tăng trưởng GRDP")
    assert (grdp.comparator, grdp.value, grdp.unit) == (">=", 10, "%")
    assert grdp.responsible_unit.name == "Sở Kế hoạch và Đầu tư"  # type: ignore[union-attr]
    forest = targets.get(indicator__name="Diện tích trồng mới rừng")
    assert forest.responsible_unit.name == "Sở Nông nghiệp và Phát triển nông thôn"  # type: ignore[union-attr]
    assert forest.indicator.measure == "flow"
    stunting = targets.get(indicator__name="Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi")
    assert (stunting.comparator, stunting.indicator.direction) == ("<", "lower")
    assert {t.indicator.field for t in targets} == {"economy", "society", "defence", "party"}
    health = Assignment.objects.get(plan=year, ref="7.2")
    assert [u.name for u in health.lead_units.all()] == ["Sở Y tế"]
    assert health.tasks.count() >= 2
    assert all(a.lead_units.exists() for a in Assignment.objects.filter(plan=year))


def test_loaddemo_reset_wipes_first(transactional_db: Any, tmp_path: Path) -> None:
    # --reset flushes with TRUNCATE, which PostgreSQL refuses inside a test's open transaction.
    from theodoi.plans.models import Indicator

    _loaddemo(tmp_path, "--no-extras")
    before = _counts()
    Indicator.objects.create(name="Chỉ tiêu thêm tay")
    output = _loaddemo(tmp_path, "--no-extras", "--reset")
    assert "Xóa toàn bộ dữ liệu cũ" in output
    assert _counts() == before


def test_sample_document_is_copied_for_the_user(db: Any, tmp_path: Path) -> None:
    output = _loaddemo(tmp_path, "--no-extras")
    copied = tmp_path / "nghi-quyet-mau.txt"
    assert copied.is_file() and str(copied) in output
    text = copied.read_text(encoding="utf-8")
    assert "Mẫu Sơn" in text
    assert "năm 2022" in text


def test_loaddemo_runs_the_other_apps_demo_loaders_when_present(db: Any, tmp_path: Path) -> None:
    present = [
        name for name in ("theodoi.reporting.demo", "theodoi.investment.demo") if importlib.util.find_spec(name)
    ]
    output = _loaddemo(tmp_path)
    if not present:
        assert output.count("bỏ qua") == 2
        pytest.skip("no other app ships a demo loader yet")
    first = _counts()
    _loaddemo(tmp_path)
    assert _counts() == first, "an app's demo loader is not idempotent"


def test_demo_facts_agree_with_the_gold_annotations() -> None:
    """The figures are the resolution's and the owners the programme's (where ../shared is here)."""
    gold_dir = SHARED / "gold"
    if not gold_dir.is_dir():
        pytest.skip("../shared/gold is not here")
    resolution = json.loads((gold_dir / "kontum-2020-nghiquyet-01-tinhuy.json").read_text(encoding="utf-8"))
    programme = json.loads((gold_dir / "kontum-2021-chuongtrinh-hanhdong-ubnd.json").read_text(encoding="utf-8"))
    data = demo_data()
    gold_targets = {g["indicator"]: g for g in resolution["targets"] if g["kind"] == "target"}
    assert {t["indicator"] for t in data["targets"]} == set(gold_targets)
    for target in data["targets"]:
        gold = gold_targets[target["indicator"]]
        assert (target["comparator"], target["value"], target["value_max"], target["unit"], target["period"]) == (
            gold["comparator"], gold["value"], gold["value_max"], gold["unit"], gold["period"]
        ), target["indicator"]
    assigned = [g for g in programme["targets"] if g.get("agency") and g["period"] == "2021"]
    scale = {"nghìn": 1000}
    for target in data["targets"]:
        same_figure = [
            g for g in assigned
            if g["value"] * scale.get(g["unit"].split()[0], 1) == target["value"] and g["value_max"] == target["value_max"]
        ]
        names = [target["indicator"], *target["aliases"]]
        best = max(same_figure, key=lambda g: max(similarity(g["indicator"], n) for n in names), default=None)
        if best is not None and max(similarity(best["indicator"], n) for n in names) >= 0.5:
            assert (target["agency"], target["agency_source"]) == (best["agency"], "programme"), target["indicator"]
        else:
            assert target["agency_source"] == "demo", target["indicator"]
    gold_blocks = {g["ref"]: g for g in programme["assignments"]}
    assert [b["ref"] for b in data["assignments"]] == list(gold_blocks)
    for block in data["assignments"]:
        assert len(block["lead"]) == len(gold_blocks[block["ref"]]["lead"]), block["ref"]
        assert block["tasks"], block["ref"]


def test_loaddemo_adopts_units_an_earlier_ingest_created(db: Any, tmp_path: Path) -> None:
    from theodoi.accounts.models import OrgUnit, UnitKind
    from theodoi.accounts.services import unit_resolve

    early = unit_resolve("UBND tỉnh")  # what publishing before loaddemo leaves behind
    health = unit_resolve("Sở Y tế")
    _loaddemo(tmp_path, "--no-extras")
    early.refresh_from_db()
    assert (early.code, early.kind, early.name) == ("ubnd-tinh", UnitKind.PROVINCE, "UBND tỉnh Kon Tum")
    assert OrgUnit.objects.get(code="so-yte").pk == health.pk
    assert OrgUnit.objects.filter(kind=UnitKind.PROVINCE).count() == 1


@pytest.mark.slow
def test_seed_documents_published_into_the_demo_merge_with_its_targets(
    db: Any, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    """The demo's facts and the real documents name the same units and the same targets."""
    corpus = SHARED / "corpus"
    names = ("kontum-2020-nghiquyet-01-tinhuy.txt", "kontum-2021-chuongtrinh-hanhdong-ubnd.txt")
    if not all((corpus / name).is_file() for name in names):
        pytest.skip("../shared/corpus is not here")
    from django.db.models import Count

    from theodoi.accounts.models import OrgUnit
    from theodoi.documents.items import document_confirm_all
    from theodoi.documents.publish import document_publish
    from theodoi.documents.services import document_upload
    from theodoi.plans.models import Plan, PlanKind

    _loaddemo(tmp_path, "--no-extras")
    units = OrgUnit.objects.count()
    planner = get_user_model().objects.get(username="planner")
    year = Plan.objects.get(kind=PlanKind.YEAR, year_start=2021)
    demo_targets = set(year.targets.values_list("pk", flat=True))
    for name in names:
        with django_capture_on_commit_callbacks(execute=True):
            document = document_upload(user=planner, name=name, data=(corpus / name).read_bytes()).document
        document.refresh_from_db()
        document_confirm_all(user=planner, document=document)
        assert document_publish(user=planner, document=document) == year
    assert OrgUnit.objects.count() == units, "a seed agency did not resolve to a demo unit"
    sourced = year.targets.filter(pk__in=demo_targets).annotate(n=Count("sources")).filter(n__gt=0)
    assert sourced.count() >= len(demo_targets) - 2
    assert year.targets.count() <= len(demo_targets) + 6


def test_loaddemo_leaves_no_job_behind_and_the_dashboard_has_its_figures(
    transactional_db: Any, tmp_path: Path, settings: Any
) -> None:
    """`make demo` runs the server right after loaddemo: thread jobs of the command's own process
    would die with it, and the first dashboard would say "no figures yet" for the whole year.
    (transactional_db: the status refreshes are requested after commit, as in production.)"""
    from theodoi.evaluation.models import TargetStatus
    from theodoi.jobs.models import ACTIVE_STATES, Job

    settings.BACKGROUND_JOBS = "thread"  # what `make demo` runs with
    _loaddemo(tmp_path)
    assert not Job.objects.filter(state__in=ACTIVE_STATES).exists()
    assert settings.BACKGROUND_JOBS == "thread"
    judged = TargetStatus.objects.filter(target__plan__year_start=2021, as_of__isnull=False)
    assert judged.exists()
