"""Which path `check` reads files by: row by row, or columnar (duckdb) at county scale.

Both give the same assessment (tests/test_columnar.py); the per-row path starts faster, the
columnar one reads a million rows in a second. Kept apart from `assess.columnar` so that
choosing costs no import.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

#: Files smaller than this (in bytes, all together) are read row by row: it starts faster
#: (benchmarks/run.py: a 0.6 MB file 0.35 s by rows, 0.39 s columnar; 1.7 MB: 0.51, 0.44 s).
COLUMNAR_FROM_BYTES = 2**20
#: "auto" (columnar from COLUMNAR_FROM_BYTES), "columnar" (whenever the files allow), "rows".
ENGINES = ("auto", "columnar", "rows")
#: The environment variable that chooses, for the command line (and the API's default).
ENGINE_VARIABLE = "PSPLAN_ENGINE"


def engine_from_env() -> str:
    """PSPLAN_ENGINE ("auto" when unset or set empty, as `PSPLAN_ENGINE= psplan …` and a
    CI's blank variable leave it); PsplanError naming the choices for another value."""
    return _engine(os.environ.get(ENGINE_VARIABLE, "").strip() or "auto", ENGINE_VARIABLE)


def _engine(given: str, name: str) -> str:
    chosen = given.strip().lower()
    if chosen not in ENGINES:
        from psplan.errors import PsplanError, quoted

        raise PsplanError("check.unknown_engine", name=name, engine=quoted(given),
                          engines=" / ".join(ENGINES))  # fmt: skip
    return chosen


def use_columnar(paths: Sequence[str | Path], engine: str = "auto") -> bool:
    """Whether to try the columnar path: asked for, or files large enough to gain by it —
    and duckdb installed (without it, every file is read row by row)."""
    engine = _engine(engine, "engine")
    if engine == "rows" or not paths or importlib.util.find_spec("duckdb") is None:
        return False
    if engine == "columnar":
        return True
    try:
        size = sum(Path(path).stat().st_size for path in paths)
    except OSError:
        return False
    return size >= COLUMNAR_FROM_BYTES
