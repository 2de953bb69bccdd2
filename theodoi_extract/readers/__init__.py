"""Document readers: one module per file shape, each exposing `read(data: bytes) -> ReadResult`.

Owned by the readers work; see docs/extractor.md. `read_path(path)` picks a reader by content
and extension, enforces the size limit and returns canonical (NFC) text.
"""
