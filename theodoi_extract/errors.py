"""One exception base for everything the extractor refuses.

Each error carries an English message (str(exc), for logs) and a Vietnamese one
(`exc.message_vi`, for people): the CLI prints the Vietnamese one and exits with code 2,
the web app shows it on the upload form.
"""

from __future__ import annotations


class ExtractError(Exception):
    """Base class: the input cannot be read or understood."""

    default_vi = "Không đọc được tài liệu."

    def __init__(self, message: str, message_vi: str | None = None) -> None:
        super().__init__(message)
        self.message_vi = message_vi or self.default_vi


class EmptyDocumentError(ExtractError):
    default_vi = "Tài liệu trống: không có nội dung để đọc."


class FileTooLargeError(ExtractError):
    default_vi = "Tệp quá lớn so với giới hạn cho phép."


class UnsupportedFormatError(ExtractError):
    default_vi = "Định dạng tệp không được hỗ trợ (chỉ nhận .txt, .docx, .pdf)."


class CorruptFileError(ExtractError):
    default_vi = "Tệp bị hỏng hoặc không đúng định dạng."


class EncryptedFileError(ExtractError):
    default_vi = "Tệp PDF được đặt mật khẩu; hãy gửi bản không khóa."


class EncodingError(ExtractError):
    default_vi = "Không nhận ra bảng mã của văn bản; hãy lưu lại dưới dạng Unicode (UTF-8)."


class OcrUnavailableError(ExtractError):
    """A scanned PDF (no text layer on any page) while Tesseract with Vietnamese data is missing."""

    default_vi = (
        "Tệp PDF là bản quét (chỉ có hình ảnh, không có lớp chữ) và máy chủ chưa cài OCR "
        "(Tesseract với dữ liệu tiếng Việt), nên không đọc được nội dung."
    )
