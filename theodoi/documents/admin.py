from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.admin import AuditedAdmin, ReadOnlyAdmin
from theodoi.documents.models import Document, ExtractedItem


@admin.register(Document)
class DocumentAdmin(AuditedAdmin):
    """Documents are ingested through the upload screen; the admin corrects their metadata, audited
    (``document.update``; the status, file and text stay the pipeline's)."""

    list_display = ("title", "number", "kind", "status", "uploaded_at", "published_at")
    list_filter = ("status", "kind")
    search_fields = ("title", "number", "original_name")
    readonly_fields = ("checksum", "size", "format", "original_name", "file_link", "text", "status", "progress",
                       "uploaded_by", "uploaded_at", "published_at", "warnings", "ocr_pages", "ocr_spans", "error_message")
    exclude = ("text_folded", "file")
    raw_id_fields = ("previous_version", "plan")

    @admin.display(description=_("tệp"))
    def file_link(self, obj: Document) -> str:
        """The stored file through the permission-checked download view (there is no /media/)."""
        if not obj.file:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("documents:file", args=[obj.pk]), obj.original_name)


@admin.register(ExtractedItem)
class ExtractedItemAdmin(ReadOnlyAdmin):
    """Read-only: items are reviewed on the document's review screen (``documents.review``), which
    keeps each correction's version and audit; an edit here would skip both."""

    list_display = ("__str__", "document", "kind", "status", "start", "end", "version")
    list_filter = ("kind", "status")
    raw_id_fields = ("document", "indicator")
