"""Writing results: to stdout, or atomically to a file that is never an input."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from psplan.errors import Location, PsplanError


def write_output(text: str | bytes, output: Path | None, inputs: Iterable[Path] = ()) -> None:
    """Print to stdout, or write `output` via a temp file and rename, refusing to hit an input.

    A failure part-way leaves any existing file untouched: the rename is the only step that
    replaces it.
    """
    if output is None or str(output) == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        sys.stdout.flush()
        return
    target = output.resolve()
    for given in inputs:
        try:
            same = given.resolve() == target or (target.exists() and target.samefile(given))
        except OSError:
            same = False
        if same:
            raise PsplanError(
                "refusing to overwrite an input file with the report", Location(str(output))
            )
    if target.is_dir():
        raise PsplanError("is a directory; give a file name for the output", Location(str(output)))
    data = (
        text if isinstance(text, bytes) else (text if text.endswith("\n") else text + "\n").encode()
    )
    folder = target.parent
    if not folder.is_dir():
        raise PsplanError(f"folder {str(folder)!r} does not exist", Location(str(output)))
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PsplanError(f"cannot write here: {exc.strerror}", Location(str(output))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if target.exists():
            os.chmod(temp_name, target.stat().st_mode & 0o777)
        else:
            os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, target)
    except BaseException as exc:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise PsplanError(f"cannot write: {exc.strerror}", Location(str(output))) from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
