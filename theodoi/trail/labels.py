"""What the trail pages call each action and each kind of subject (Vietnamese, translated to en)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# The subject kinds of the filter: slug → (app label, model name) of core.AuditEvent's subject.
# "form" and "value" are the report forms' own trail (reporting.AuditEntry and ValueVersion).
SUBJECT_KINDS: dict[str, tuple[str, str]] = {
    "target": ("plans", "target"),
    "plan": ("plans", "plan"),
    "document": ("documents", "document"),
    "item": ("documents", "extracteditem"),
    "report": ("exports", "issuedreport"),
    "project": ("investment", "project"),
    "capital": ("investment", "capitalplan"),
    "disbursement": ("investment", "disbursement"),
    "job": ("jobs", "job"),
    "token": ("accounts", "apitoken"),
    "regime": ("reporting", "reportingregime"),
    "user": ("auth", "user"),
    "unit": ("accounts", "orgunit"),
    "membership": ("accounts", "membership"),
}
FORM, VALUE = "form", "value"

# The fields a before → after names, in the words of the pages (a key not listed is shown as code).
FIELD_LABELS = {
    "value": _("Số liệu"),
    "value_max": _("Giá trị tối đa"),
    "target_max": _("Giá trị tối đa"),
    "unit": _("Đơn vị tính"),
    "period": _("Kỳ"),
    "responsible_unit": _("Đơn vị chịu trách nhiệm"),
    "lead_unit": _("Đơn vị chủ trì"),
    "status": _("Trạng thái"),
    "comment": _("Ghi chú"),
    "note": _("Ghi chú"),
    "text": _("Nội dung"),
    "due": _("Thời hạn"),
    "deadline": _("Thời hạn"),
    "plan_year": _("Năm kế hoạch"),
    "name": _("Tên"),
}

SUBJECT_LABELS = {
    "target": _("Chỉ tiêu"),
    "plan": _("Kế hoạch"),
    "document": _("Văn bản"),
    "item": _("Mục trích xuất"),
    "report": _("Báo cáo tổng hợp"),
    "project": _("Dự án đầu tư công"),
    "capital": _("Kế hoạch vốn"),
    "disbursement": _("Giải ngân"),
    "job": _("Việc nền"),
    "token": _("Mã truy cập API"),
    "regime": _("Chế độ báo cáo"),
    "user": _("Tài khoản"),
    "unit": _("Đơn vị"),
    "membership": _("Vai trò của người dùng"),
    FORM: _("Báo cáo định kỳ"),
    VALUE: _("Số liệu báo cáo"),
    "other": _("Khác"),
}

ACTION_LABELS = {
    # general events (core.audit.record)
    "target.correct": _("Sửa chỉ tiêu"),
    "document.upload": _("Tải lên văn bản"),
    "document.extraction_retry": _("Trích xuất lại"),
    "document.set_plan_year": _("Sửa năm kế hoạch"),
    "document.confirm_all": _("Xác nhận tất cả"),
    "document.confirm_confident": _("Xác nhận mục tin cậy cao"),
    "plan.publish": _("Công bố vào kế hoạch"),
    "item.edit": _("Sửa mục trích xuất"),
    "item.accept": _("Xác nhận mục"),
    "item.reject": _("Loại bỏ mục"),
    "item.reopen": _("Mở lại mục"),
    "item.merge": _("Gộp vào chỉ tiêu có sẵn"),
    "report.draft_create": _("Lập dự thảo báo cáo"),
    "report.sections_update": _("Sửa nội dung báo cáo"),
    "report.issue": _("Ban hành báo cáo"),
    "report.pdf_start": _("Tạo tệp PDF"),
    "capital_plan.set": _("Giao kế hoạch vốn"),
    "disbursement.record": _("Nhập giải ngân"),
    "project.import": _("Nhập dự án từ tệp"),
    "job.retry": _("Thử lại việc nền"),
    "job.reset": _("Đặt lại việc nền"),
    "token.create": _("Tạo mã truy cập"),
    "token.revoke": _("Thu hồi mã truy cập"),
    "preference.update": _("Đổi cách nhận thông báo"),
    "reminder.read": _("Đọc nhắc việc"),
    "regime.duties_from_plan": _("Giao nhiệm vụ báo cáo theo kế hoạch"),
    "statuses.recompute": _("Tính lại đánh giá"),
    "user.create": _("Tạo tài khoản"),
    "user.update": _("Sửa tài khoản"),
    "user.delete": _("Xóa tài khoản"),
    "unit.create": _("Thêm đơn vị"),
    "unit.update": _("Sửa đơn vị"),
    "unit.delete": _("Xóa đơn vị"),
    "membership.create": _("Giao vai trò"),
    "membership.update": _("Đổi vai trò"),
    "membership.delete": _("Bỏ vai trò"),
    # the report forms' trail (reporting.AuditEntry, ValueVersion)
    "create": _("Lập báo cáo"),
    "save": _("Lưu số liệu"),
    "import": _("Nhập số liệu từ tệp"),
    "submit": _("Gửi báo cáo"),
    "approve": _("Phê duyệt"),
    "accept": _("Tiếp nhận"),
    "return": _("Trả lại"),
    "lock": _("Khóa báo cáo"),
    "lock_exception": _("Cho phép sửa sau hạn"),
    "unlock": _("Mở khóa"),
    "comment": _("Góp ý"),
    "evidence": _("Đính kèm minh chứng"),
    "contribution": _("Ý kiến phối hợp"),
}

# Steps of a form's workflow, shown as the "approval" part of a value's trail.
WORKFLOW_ACTIONS = ("submit", "approve", "accept", "return", "lock", "lock_exception", "unlock")


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))
