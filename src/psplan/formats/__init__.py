"""Output formats: one module per format, each rendering any `psplan.views.model.View`.

A format module has one function, ``render(view, *, color=False, width=None) -> str | bytes``
(bytes for the binary ones). Adding a format is adding a module and a line below; no command
changes. The modules are imported when used, so a command pays only for the format it writes.
"""

from __future__ import annotations

import datetime as _dt
from importlib import import_module
from typing import Any

#: Every format: name -> the suffixes of a file holding it (the first is the one named in
#: messages). A table written to a file is plain text (.txt).
FORMATS: dict[str, tuple[str, ...]] = {
    "table": (".txt",),
    "markdown": (".md", ".markdown"),
    "csv": (".csv",),
    "json": (".json",),
    "xlsx": (".xlsx",),
    "html": (".html", ".htm"),
    "docx": (".docx",),
    "github": (),
    "text": (),
}
#: The formats a report is written in (`psplan report`, `Checked.write_report`).
REPORT_FORMATS = ("html", "xlsx", "markdown", "docx")
#: The formats that are bytes, not text.
BINARY = frozenset({"xlsx", "docx"})
#: The date a binary format's properties carry (no timestamp in the file: the same view gives
#: the same bytes, which a script comparing this year's report with last year's relies on).
FIXED_DATE = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)


def format_for_suffix(suffix: str) -> str | None:
    """The format a file name's suffix holds (matched without regard to case)."""
    suffix = suffix.lower()
    return next((name for name, found in FORMATS.items() if suffix in found), None)


def suffix_of(name: str) -> str:
    """The suffix a file in format `name` is given."""
    found = FORMATS.get(name, ())
    return found[0] if found else ""


def render(view: Any, name: str, *, color: bool = False, width: int | None = None) -> str | bytes:
    """`view` in the format `name`."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return import_module(f"psplan.formats.{name}").render(view, color=color, width=width)
