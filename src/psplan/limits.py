"""How much psplan reads from one actuals file before it stops with a message.

A hostile or broken file must end quickly with one clear line, never run for minutes or eat
the machine's memory: a sheet that claims a million rows, a 1 MB workbook that unzips to
gigabytes, `/dev/zero` given as a CSV. Each limit is checked before the work it bounds, is
generous for real data (2,900 counties × 64 indicators × 5 years is 928,000 rows) and can
be raised with an environment variable (or a `Limits` passed to `read_actuals`):

======================== ============= ====================================================
variable                 default       bounds
======================== ============= ====================================================
PSPLAN_MAX_ROWS          2,000,000     rows of a CSV file or of a sheet
PSPLAN_MAX_CELLS         50,000,000    cells of a sheet
PSPLAN_MAX_STRINGS       5,000,000     distinct texts of a workbook (its shared strings)
PSPLAN_MAX_FILE_MB       1,024         size of the file (or what is read from a pipe)
PSPLAN_MAX_UNZIPPED_MB   4,096         unzipped size of each part of an .xlsx psplan reads
PSPLAN_MAX_ZIP_RATIO     100           how much more a part unzips to than it takes zipped
======================== ============= ====================================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from psplan.errors import Message, PsplanError, quoted

#: Environment variable of each limit (the `Limits` field it sets).
VARIABLES = {
    "rows": "PSPLAN_MAX_ROWS",
    "cells": "PSPLAN_MAX_CELLS",
    "strings": "PSPLAN_MAX_STRINGS",
    "file_mb": "PSPLAN_MAX_FILE_MB",
    "unzipped_mb": "PSPLAN_MAX_UNZIPPED_MB",
    "zip_ratio": "PSPLAN_MAX_ZIP_RATIO",
}

#: Parts smaller than this unzipped are not held to the compression ratio (tiny XML parts
#: compress far better than 100 to 1 and cannot hurt).
RATIO_FLOOR = 16 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits one read is held to; `Limits.from_env()` reads the environment."""

    rows: int = 2_000_000
    cells: int = 50_000_000
    strings: int = 5_000_000
    file_mb: int = 1024
    unzipped_mb: int = 4096
    zip_ratio: int = 100

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, with any PSPLAN_MAX_* variable set in the environment applied."""
        environ = os.environ if environ is None else environ
        values = {}
        for field in fields(cls):
            name = VARIABLES[field.name]
            text = environ.get(name, "").strip().replace("_", "").replace(",", "")
            if not text:
                continue
            if not (text.isascii() and text.isdigit()) or int(text) < 1:
                raise PsplanError(
                    "limits.not_whole_number", variable=name, value=quoted(environ[name])
                )
            values[field.name] = int(text)
        return cls(**values)

    @property
    def file_bytes(self) -> int:
        return self.file_mb * 1024 * 1024

    @property
    def unzipped_bytes(self) -> int:
        return self.unzipped_mb * 1024 * 1024


def exceeded(found: Message, field: str, limit: int) -> Message:
    """The message for a limit reached: what was found, the limit and how to raise it."""
    return Message("limits.exceeded", found=found, variable=VARIABLES[field], limit=limit)
