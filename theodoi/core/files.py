"""Stored files: handed out only by permission-checked views, read locally through a temporary copy.

Every uploaded or generated file (a plan document, a report's evidence, a report's PDF) lives in
Django's default storage, which is the local disk by default or an S3-compatible bucket
(THEODOI_STORAGE=s3). Nothing is served under a public /media/ route: a view first checks the
same permission as the page the file belongs to, then calls `protected_file_response`, which
hands the bytes over in the way THEODOI_PROTECTED_DOWNLOADS says:

- ``stream`` (default): Django streams the file from the storage (works with any storage);
- ``x-accel``: nginx serves it; the response carries ``X-Accel-Redirect`` to
  THEODOI_PROTECTED_DOWNLOADS_PREFIX + the stored name, an ``internal`` nginx location;
- ``x-sendfile``: Apache's mod_xsendfile serves it from THEODOI_X_SENDFILE_ROOT + the stored name
  (local storage only: the web server must see the files). Both headers are percent-encoded.

Code that needs a real file on disk (pdfplumber, tesseract, LibreOffice) asks for
`local_copy(field_file)` instead of ``field_file.path``, which a bucket does not have.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

log = logging.getLogger(__name__)

MODES = ("stream", "x-accel", "x-sendfile")
# Types a browser may show in its own tab without running anything from the file; everything else
# (HTML, SVG, unknown types) is always sent as an attachment so an uploaded file cannot script our origin.
INLINE_SAFE_TYPES = frozenset({
    "application/pdf", "text/plain", "image/png", "image/jpeg", "image/gif", "image/webp",
})
_CHUNK = 1024 * 1024


def download_mode() -> str:
    mode = str(getattr(settings, "THEODOI_PROTECTED_DOWNLOADS", "stream") or "stream")
    if mode not in MODES:
        raise ImproperlyConfigured(f"THEODOI_PROTECTED_DOWNLOADS must be one of {', '.join(MODES)}, got {mode!r}")
    return mode


def _content_type(filename: str) -> str:
    guessed, _encoding = mimetypes.guess_type(filename)
    return guessed or "application/octet-stream"


def protected_file_response(
    field_file: FieldFile, *, filename: str, as_attachment: bool = True
) -> HttpResponseBase:
    """The response that hands over a stored file whose permission the caller has already checked.

    ``filename`` is the name the person sees (the original upload name, a report's file name);
    the stored name never reaches the browser except inside the proxy-only header. An empty or
    missing file is a 404, not a 500: a row may outlive its file (a restore without files).
    """
    if not field_file or not field_file.name:
        raise Http404("no file stored")
    name = field_file.name
    content_type = _content_type(filename)
    if content_type not in INLINE_SAFE_TYPES:
        as_attachment = True
    mode = download_mode()
    if mode == "stream":
        response: HttpResponseBase = _stream(field_file, name, filename=filename, as_attachment=as_attachment,
                                         content_type=content_type)
    else:
        response = HttpResponse(content_type=content_type)
        if mode == "x-accel":
            prefix = str(getattr(settings, "THEODOI_PROTECTED_DOWNLOADS_PREFIX", "/protected-files/"))
            response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(_clean(name))
        else:
            root = str(getattr(settings, "THEODOI_X_SENDFILE_ROOT", "") or settings.MEDIA_ROOT)
            try:
                # Percent-encoded like the nginx header: a header is Latin-1, stored names are
                # Unicode (mod_xsendfile url-decodes the value).
                response["X-Sendfile"] = quote(safe_join(root, _clean(name)))
            except Exception as exc:  # SuspiciousFileOperation: a stored name that leaves the root
                log.warning("refused to serve stored file %r outside %s", name, root)
                raise Http404("bad stored name") from exc
        disposition = content_disposition_header(as_attachment, filename)
        if disposition:
            response["Content-Disposition"] = disposition
    # The file was handed out after a permission check: no shared cache may keep it for others.
    patch_cache_control(response, private=True, max_age=0)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _clean(name: str) -> str:
    """A stored name as a relative POSIX path, refusing any part that climbs out of the storage."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not parts or any(p in ("..", "") for p in parts) or parts[0] == "/":
        raise Http404("bad stored name")
    return "/".join(parts)


def _stream(field_file: FieldFile, name: str, *, filename: str, as_attachment: bool, content_type: str) -> FileResponse:
    storage = field_file.storage
    try:
        if not storage.exists(name):
            raise FileNotFoundError(name)
        handle = storage.open(name, "rb")
    except OSError as exc:
        log.warning("stored file %s is missing", name)
        raise Http404("stored file missing") from exc
    return FileResponse(handle, as_attachment=as_attachment, filename=filename, content_type=content_type)


@contextmanager
def local_copy(field_file: FieldFile) -> Iterator[Path]:
    """A temporary file on the local disk with the stored file's bytes, removed on leaving the block.

    For readers that need a path (pdfplumber, tesseract, LibreOffice) whatever the storage is: a
    bucket has no path, and the local disk's path must not be relied on either, so one code path
    serves both. The copy keeps the stored name's extension, which some readers look at.
    """
    if not field_file or not field_file.name:
        raise FileNotFoundError("no file stored")
    suffix = PurePosixPath(field_file.name).suffix
    fd, tmp = tempfile.mkstemp(prefix="theodoi-", suffix=suffix)
    path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as out, field_file.storage.open(field_file.name, "rb") as src:
            shutil.copyfileobj(src, out, _CHUNK)
        yield path
    finally:
        path.unlink(missing_ok=True)
