"""The `theodoi` command.

`theodoi extract FILE` needs no Django and no database: it calls the pure extractor package.
Every other sub-command is a Django management command of the same name (ingest, remind,
evaluate, report, loaddemo, ...), so the CLI, the web views and the API share one service layer.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["--version"], ["version"]):
        from theodoi import version

        print(f"theodoi {version()}")
        return 0
    if args and args[0] == "extract":
        from theodoi_extract.cli import main as extract_main

        return extract_main(args[1:])
    if args[:2] == ["audit", "verify"]:
        args = ["audit_verify", *args[2:]]  # `theodoi audit verify`: the audit_verify management command
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["theodoi", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
