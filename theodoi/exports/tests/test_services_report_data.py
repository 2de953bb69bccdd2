"""report_data_build: what a consolidated report says, read from the database."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from theodoi.exports.services import period_parse, period_phrase, report_data_build, scope_resolve
from theodoi.exports.testing import HEALTH_COMMENT, TARGETS

# Fixtures shared by the report tests (exports/tests/conftest.py belongs to the renderer's tests).

pytestmark = pytest.mark.django_db


def test_the_province_report_has_every_published_target_and_no_draft(rworld):
    data = report_data_build("2021-06", "province", "")
    assert len(data.targets) == len(TARGETS)
    assert "Chỉ tiêu dự thảo chưa công bố" not in {t.name for t in data.targets}
    assert data.summary.targets_total == len(TARGETS)


def test_the_header_names_the_province_and_the_period(rworld, settings):
    settings.PROVINCE_NAME = "Kon Tum"
    data = report_data_build("2021-H1", "province", "")
    assert data.header.issuing_body == "ỦY BAN NHÂN DÂN\nTỈNH KON TUM"
    assert data.header.number_symbol == "/BC-UBND"
    assert data.header.title_summary.endswith("6 tháng đầu năm 2021")
    assert data.period_label == "6 tháng đầu năm 2021"
    assert data.scope_label == "toàn tỉnh"


def test_targets_carry_plan_actual_percent_status_and_responsible_unit(rworld):
    rows = {t.name: t for t in report_data_build("2021-06", "province", "").targets}
    insured = rows["Tỷ lệ dân số tham gia bảo hiểm y tế"]
    assert insured.plan_value == 95
    assert insured.actual_value == pytest.approx(86.5)
    assert insured.pct_of_plan == pytest.approx(86.5 / 95 * 100, rel=1e-3)
    assert insured.responsible_unit == "Sở Y tế"
    assert insured.status_label
    assert rows["Tỷ lệ hộ nghèo"].status_label == "Chưa có số liệu"
    assert rows["Tỷ lệ hộ nghèo"].actual_value is None


def test_the_reason_for_a_target_behind_is_the_responsible_units_own_comment(rworld):
    data = report_data_build("2021-06", "province", "")
    doctors = next(t for t in data.targets if t.name == "Tỷ lệ trạm y tế xã có bác sĩ")
    assert doctors.explanation == HEALTH_COMMENT
    assert doctors in data.at_risk


def test_an_agency_report_has_only_the_agencys_targets_and_its_own_header(rworld):
    data = report_data_build("2021-06", "agency", "so-yte")
    assert {t.responsible_unit for t in data.targets} == {"Sở Y tế"}
    assert len(data.targets) == len(rworld.health_targets)
    assert data.header.issuing_body == "SỞ Y TẾ"
    assert (data.header.parent_body or "").startswith("UBND TỈNH")
    assert data.header.number_symbol == "/BC-SYT"


def test_a_district_report_is_issued_by_the_district(rworld):
    data = report_data_build("2021-06", "district", "huyen-dak-ha")
    assert len(data.targets) == len(rworld.district_targets)
    assert data.header.issuing_body == "ỦY BAN NHÂN DÂN\nHUYỆN ĐẮK HÀ"
    assert data.header.place == "Đắk Hà"
    assert data.scope_label == "huyện Đắk Hà"


def test_a_field_report_has_only_that_fields_targets(rworld):
    data = report_data_build("2021-06", "field", "society")
    assert {t.field for t in data.targets} == {"Văn hóa - xã hội - môi trường"}
    assert len(data.targets) == sum(1 for t in TARGETS if t[2] == "society")


def test_late_and_missing_reports_are_counted_per_agency(rworld):
    late = {a.agency: a for a in report_data_build("2021-06", "province", "").late_agencies}
    assert "Sở Y tế" not in late
    assert late["Sở Kế hoạch và Đầu tư"].late_reports == 1
    assert late["Sở Kế hoạch và Đầu tư"].max_days_late == 3
    assert late["UBND huyện Đắk Hà"].missing_reports == 1


def test_tasks_are_counted_by_the_four_states_as_of_the_period_end(rworld):
    data = report_data_build("2021-06", "province", "")
    assert data.tasks_by_state == {
        "Đã hoàn thành đúng hạn": 1,
        "Chưa hoàn thành, còn trong hạn": 1,
        "Chưa hoàn thành, đã quá hạn": 1,
    }
    assert [t.title for t in data.overdue_tasks] == ["Hoàn thành bệnh viện đa khoa tuyến huyện"]
    assert data.summary.tasks_completed == 1 and data.summary.tasks_overdue == 1


@pytest.mark.parametrize("raw", ["2021-13", "21-06", "2021-H2", "tháng 6", ""])
def test_a_bad_period_is_refused_in_vietnamese(raw):
    with pytest.raises(ValidationError) as caught:
        period_parse(raw)
    assert "Kỳ báo cáo" in caught.value.messages[0]
    assert "2021-Q2 (quý)" in caught.value.messages[0]


@pytest.mark.parametrize(
    ("key", "phrase"),
    [("2021-06", "tháng 6 năm 2021"), ("2021-Q2", "quý II năm 2021"), ("2021-H1", "6 tháng đầu năm 2021"),
     ("2021-9M", "9 tháng năm 2021"), ("2021", "năm 2021")],
)
def test_each_period_reads_as_a_report_names_it(key, phrase):
    assert period_phrase(period_parse(key)) == phrase


@pytest.mark.parametrize(
    ("scope", "key", "message"),
    [("tinh", "", "Phạm vi «tinh» không hợp lệ"), ("field", "y-te", "Lĩnh vực «y-te» không hợp lệ"),
     ("agency", "khong-co", "Không tìm thấy sở, ngành"), ("district", "so-yte", "không phải là huyện")],
)
def test_a_bad_scope_is_refused_in_vietnamese(rworld, scope, key, message):
    with pytest.raises(ValidationError, match=message):
        scope_resolve(scope, key)


def test_the_headline_counts_the_main_targets_when_the_scope_has_any(rworld):
    """The dashboard's "X/Y chỉ tiêu chủ yếu" and the report's must be the same Y."""
    from theodoi.plans.models import Target

    published = Target.objects.filter(period="2021", status="published").order_by("pk")
    published.update(is_main=False)
    every = report_data_build("2021", "province", "")
    assert every.summary.main_only is False and every.summary.target_noun == "chỉ tiêu"
    assert every.summary.targets_total == len(TARGETS)
    main_ids = list(published.values_list("pk", flat=True)[:3])
    Target.objects.filter(pk__in=main_ids).update(is_main=True)
    Target.objects.exclude(pk__in=main_ids).update(is_main=False)
    data = report_data_build("2021", "province", "")
    assert data.summary.main_only is True and data.summary.target_noun == "chỉ tiêu chủ yếu"
    assert data.summary.targets_total == 3
    assert len(data.targets) == len(every.targets)  # the annex still lists every target


def test_a_report_before_the_years_end_is_judged_on_pace(rworld):
    assert report_data_build("2021-H1", "province", "").summary.in_year is True
    assert report_data_build("2021-06", "province", "").summary.in_year is True
    assert report_data_build("2021", "province", "").summary.in_year is False


def test_a_districts_own_plan_is_in_the_districts_report_not_the_provinces(rworld):
    """The dashboard keeps a district's own plan out of the province's headline; so does the report."""
    from theodoi.plans.models import Plan, Target

    target = Target.objects.get(pk=rworld.district_targets[0].pk)
    own = Plan.objects.create(
        name="Kế hoạch của huyện năm 2021", year_start=2021, year_end=2021,
        unit=rworld.cast.district, status="published",
    )
    Target.objects.filter(pk=target.pk).update(plan=own)
    names = [t.name for t in report_data_build("2021-06", "province", "").targets]
    assert target.indicator.name not in names and len(names) == len(TARGETS) - 1
    district = report_data_build("2021-06", "district", rworld.cast.district.code)
    assert target.indicator.name in [t.name for t in district.targets]
