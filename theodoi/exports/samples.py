"""A synthetic report for demos, tests and benchmarks (no database)."""

from __future__ import annotations

from datetime import date

from theodoi.exports.data import LateAgency, ReportData, ReportHeader, ReportSummary, TargetRow, TaskRow
from theodoi.exports.drafting import is_achieved

_FIELDS = ["Kinh tế", "Văn hóa - xã hội", "Tài nguyên và môi trường", "Quốc phòng, an ninh"]
_TARGETS = [
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", 7.5, "Sở Kế hoạch và Đầu tư"),
    ("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 3150.0, "Sở Tài chính"),
    ("Tỷ lệ hộ nghèo giảm so với đầu năm", "%", 3.0, "Sở Lao động - Thương binh và Xã hội"),
    ("Tỷ lệ che phủ rừng", "%", 63.0, "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Số xã đạt chuẩn nông thôn mới", "xã", 52.0, "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 95.0, "Bảo hiểm xã hội tỉnh"),
    ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", 14200.0, "Sở Kế hoạch và Đầu tư"),
    ("Số lượt khách du lịch", "nghìn lượt", 1250.0, "Sở Văn hóa, Thể thao và Du lịch"),
]
_LABELS = ["Vượt", "Đạt", "Không đạt", "Có nguy cơ không đạt"]


def sample_report(n_targets: int = 16, *, day: date = date(2021, 1, 5)) -> ReportData:
    """A plausible six-month report for Kon Tum with `n_targets` targets."""
    targets = [_target(i) for i in range(n_targets)]
    achieved = sum(1 for t in targets if is_achieved(t))
    header = ReportHeader(
        parent_body=None,
        issuing_body="ỦY BAN NHÂN DÂN\nTỈNH KON TUM",
        number_symbol="/BC-UBND",
        place="Kon Tum",
        date=day,
        title_summary="Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 6 tháng đầu năm 2021",
        signer_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn An",
        recipients=[
            "Bộ Kế hoạch và Đầu tư (b/c)",
            "Thường trực Tỉnh ủy (b/c)",
            "Thường trực HĐND tỉnh (b/c)",
            "Chủ tịch, các PCT UBND tỉnh",
            "Các sở, ban, ngành thuộc tỉnh",
            "UBND các huyện, thành phố",
        ],
        archive="Lưu: VT, KTTH.",
    )
    return ReportData(
        header=header,
        period_label="6 tháng đầu năm 2021",
        scope_label="toàn tỉnh",
        summary=ReportSummary(
            targets_total=n_targets,
            targets_achieved=achieved,
            targets_not_achieved=n_targets - achieved,
            tasks_total=40,
            tasks_completed=25,
            tasks_overdue=5,
            agencies_total=30,
            agencies_late=2,
            main_only=True,
            in_year=True,  # a six-month report
        ),
        targets=targets,
        tasks_by_state={"Hoàn thành": 25, "Đang thực hiện": 10, "Quá hạn": 5},
        late_agencies=[LateAgency("Sở Y tế", 2, 0, 5), LateAgency("UBND huyện Đăk Hà", 1, 1, 3)],
        at_risk=[t for t in targets if t.status_label == "Có nguy cơ không đạt"],
        overdue_tasks=[
            TaskRow(
                "NV01",
                "Hoàn thành lập Quy hoạch tỉnh thời kỳ 2021 - 2030",
                "Sở Kế hoạch và Đầu tư",
                date(2021, 3, 31),
                "Quá hạn",
            )
        ],
        proposals=[
            "Đề nghị Bộ Kế hoạch và Đầu tư sớm thông báo kế hoạch vốn đầu tư công năm 2021",
            "Đề nghị các bộ, ngành Trung ương hỗ trợ tỉnh tiêu thụ nông sản chủ lực",
        ],
    )


def _target(i: int) -> TargetRow:
    name, unit, plan, unit_in_charge = _TARGETS[i % len(_TARGETS)]
    pct = 80.0 + (i * 7) % 40
    label = _LABELS[i % len(_LABELS)]
    return TargetRow(
        code=f"CT{i + 1:03d}",
        field=_FIELDS[(i // 2) % len(_FIELDS)],
        name=name if i < len(_TARGETS) else f"{name} (chỉ tiêu {i + 1})",
        unit=unit,
        plan_value=plan,
        actual_value=round(plan * pct / 100, 2),
        pct_of_plan=pct,
        status_label=label,
        responsible_unit=unit_in_charge,
        explanation="Giá nông sản giảm, sản xuất bị ảnh hưởng bởi dịch Covid-19"
        if label.startswith("Có")
        else "",
    )
