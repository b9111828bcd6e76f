"""Writing results: to stdout, or atomically to a regular file that is never an input.

Where `-o` may point:

- `-`, `/dev/stdout` (and `/dev/fd/1`) print to stdout, `/dev/stderr` (`/dev/fd/2`) to
  stderr, and `/dev/null` — or any other name for the process's own stdout, stderr or the
  null device — to that stream;
- a regular file, new or existing: written to a temp file beside it, then renamed over it, so
  a failure part-way or a signal (SIGINT, SIGTERM, SIGHUP) leaves any existing file untouched
  and no temp file behind;
- never an input of the command (compared after resolving symbolic links, and by inode),
  a directory, or any other file that is not a regular file — a device, a FIFO, a socket:
  replacing it would destroy it (as root, /dev/sda would become a report), and opening a
  FIFO nobody reads blocks forever.

Text printed to a stream its encoding cannot hold (an ASCII terminal) is written with
\\uXXXX escapes for what does not fit, after one warning line, rather than crash.

The content may come whole (str or bytes) or in pieces (an iterable of them, as the JSON, CSV
and markdown formats make a large report): the pieces are written as they are made, gathered
into `BATCH`-sized writes, so a report is never held whole; to a file, into its temp file,
with every guarantee above (a failure or a signal while the report is still being made leaves
the existing file as it was and no temp file).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from psplan import signals
from psplan.errors import Location, Message, PsplanError, os_reason, quoted
from psplan.signals import Interrupted

#: Names that always mean the process's own stdout / stderr, whatever they point to.
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
STDERR_NAMES = frozenset({"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"})
#: Characters (or bytes) gathered from the pieces of a streamed content into one write.
BATCH = 1 << 16
#: What may be written: text or bytes, whole or in pieces.
Content = str | bytes | Iterable[str] | Iterable[bytes]
_KINDS = (
    (stat.S_ISCHR, "output.kind.character_device"),
    (stat.S_ISBLK, "output.kind.block_device"),
    (stat.S_ISFIFO, "output.kind.fifo"),
    (stat.S_ISSOCK, "output.kind.socket"),
)


@dataclass(frozen=True)
class Target:
    """Where output goes: a stream ("stdout", "stderr" or "null"), or a regular file."""

    given: str
    stream: str | None = None
    path: Path | None = None


def resolve_output(output: Path | str, inputs: Iterable[Path | str] = ()) -> Target:
    """Check `-o` before any work is done: the target it names, or a one-line PsplanError."""
    given = str(output)
    if given in STDOUT_NAMES:
        return Target(given, stream="stdout")
    if given in STDERR_NAMES:
        return Target(given, stream="stderr")
    where = Location(given)
    try:
        # the kernel follows links (/dev/stdout → this process's pipe) better than resolve()
        info: os.stat_result | None = os.stat(given)
    except FileNotFoundError:
        info = None
    except (OSError, RuntimeError, ValueError) as exc:  # ValueError: a NUL in the name
        raise PsplanError(_path_problem(exc), where) from None
    try:
        target = Path(given).resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop before Python 3.13
        raise PsplanError(_path_problem(exc), where) from None
    for name in inputs:
        if _same_file(Path(name), target, info):
            raise PsplanError("output.is_input", where)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise PsplanError("output.is_directory", where)
    if info is not None and not stat.S_ISREG(info.st_mode):
        stream = _standard_stream(info)
        if stream:
            return Target(given, stream=stream)
        kind = next((key for test, key in _KINDS if test(info.st_mode)), "output.kind.other")
        raise PsplanError("output.not_regular", where, kind=Message(kind))
    folder = target.parent
    if not folder.is_dir():
        raise PsplanError("output.no_folder", where, folder=quoted(str(folder)))
    return Target(given, path=target)


def write_output(
    content: Content, output: Path | str | None, inputs: Iterable[Path | str] = ()
) -> None:
    """Print to stdout (no `output`, or `-`), or write the file `output` names, refusing to
    hit an input or anything but a regular file (see the module's description)."""
    target = Target("-", stream="stdout") if output is None else resolve_output(output, inputs)
    if target.stream is not None:
        _write_stream(content, target)
    else:
        assert target.path is not None
        _write_file(content, target.path, target.given)


def is_stream(output: Path | str | None) -> bool:
    """Whether `-o` names a stream (stdout, stderr, the null device), not a file to create."""
    if output is None:
        return True
    try:
        return resolve_output(output).stream is not None
    except PsplanError:
        return False


# ------------------------------------------------------------------------------- streams


def _write_stream(content: Content, target: Target) -> None:
    if not isinstance(content, str | bytes):
        _write_pieces(_batched(content), target)
        return
    if target.stream == "null":
        return
    handle = sys.stdout if target.stream == "stdout" else sys.stderr
    if isinstance(content, bytes):
        if _isatty(handle):
            raise PsplanError("output.binary_on_terminal", Location(target.given))
        handle.flush()
        handle.buffer.write(content)
        handle.buffer.flush()
        return
    text = content if content.endswith("\n") or not content else content + "\n"
    handle.write(_encodable(text, handle, target.stream))
    handle.flush()


def _write_pieces(pieces: Iterator[str | bytes], target: Target) -> None:
    """Write each piece as it comes (made, for /dev/null too, so it fails as it would
    elsewhere), then a final line break after text that lacks one, as for whole text."""
    handle = sys.stdout if target.stream == "stdout" else sys.stderr
    last: str | bytes = ""
    for piece in pieces:
        if target.stream == "null":
            continue
        if isinstance(piece, bytes):
            if not last and _isatty(handle):
                raise PsplanError("output.binary_on_terminal", Location(target.given))
            handle.flush()
            handle.buffer.write(piece)
        else:
            handle.write(_encodable(piece, handle, target.stream or "stdout"))
        last = piece or last
    if target.stream == "null":
        return
    if isinstance(last, str) and last and not last.endswith("\n"):
        handle.write("\n")
    handle.flush()
    if isinstance(last, bytes):
        handle.buffer.flush()


def _batched(pieces: Iterable[str] | Iterable[bytes]) -> Iterator[str | bytes]:
    """The pieces joined into writes of about `BATCH` characters or bytes (many small writes
    to a stream cost more than the text)."""
    held: list = []
    size = 0
    for piece in pieces:
        if held and type(piece) is not type(held[0]):
            yield _joined(held)
            held, size = [], 0
        held.append(piece)
        size += len(piece)
        if size >= BATCH:
            yield _joined(held)
            held, size = [], 0
    if held:
        yield _joined(held)


def _joined(held: list) -> str | bytes:
    return b"".join(held) if isinstance(held[0], bytes) else "".join(held)


def _isatty(handle: TextIO) -> bool:
    try:
        return handle.isatty()
    except (AttributeError, ValueError):
        return False


_warned_encoding: set[str] = set()


def _encodable(text: str, handle: TextIO, name: str = "stdout") -> str:
    """The text, with what the stream's encoding cannot hold written as \\uXXXX escapes, and
    one warning saying so (an ASCII terminal: LANG=C, PYTHONIOENCODING=ascii)."""
    encoding = getattr(handle, "encoding", None) or "utf-8"
    try:
        codecs.lookup(encoding)
        text.encode(encoding)
        return text
    except LookupError:
        return text
    except UnicodeEncodeError:
        pass
    if encoding not in _warned_encoding:
        _warned_encoding.add(encoding)
        message = Message("output.unencodable", stream=name, encoding=encoding)
        line = f"psplan: warning: {message}\n"
        if not _fits(line, sys.stderr):  # no Chinese on a terminal that cannot show it
            line = f"psplan: warning: {message.render('en')}\n"
        sys.stderr.write(line)
        sys.stderr.flush()
    return text.encode(encoding, "backslashreplace").decode(encoding)


def _standard_stream(info: os.stat_result) -> str | None:
    """ "stdout", "stderr" or "null" when `info` is that file of this process."""
    candidates: list[tuple[str, int | str]] = [("stdout", 1), ("stderr", 2), ("null", os.devnull)]
    for name, file in candidates:
        try:
            other = os.fstat(file) if isinstance(file, int) else os.stat(file)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return name
    return None


# --------------------------------------------------------------------------------- files


def _write_file(content: Content, target: Path, given: str) -> None:
    """Write via a temp file beside the target and rename: the rename is the only step that
    replaces an existing file; a failure or a signal before it — also while the content is
    still being made, piece by piece — removes the temp file. An error making the content is
    raised as it is; an OSError writing the file is a one-line `output.cannot_write`."""
    temp_name: str | None = None
    replaced = False
    making = False  # whether an exception came from making the content, not writing it
    with signals.raising() as received:
        try:
            with signals.held():  # a signal between creating the file and knowing its name
                fd, temp_name = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
                )
            with os.fdopen(fd, "wb") as handle:
                pieces = _file_bytes(content)
                while True:
                    making = True
                    data = next(pieces, None)
                    making = False
                    if data is None:
                        break
                    handle.write(data)
            with signals.held():  # a signal at the rename comes after it: written, then said
                if received:  # its exception was lost where it landed (a __del__)
                    raise Interrupted(received[-1])
                if target.exists():
                    os.chmod(temp_name, target.stat().st_mode & 0o777)
                else:
                    os.chmod(temp_name, 0o666 & ~_umask())
                os.replace(temp_name, target)
                replaced = True
        except BaseException as exc:
            if temp_name is not None and not replaced:
                with contextlib.suppress(OSError):
                    os.unlink(temp_name)
            if received and not isinstance(exc, Interrupted):
                # what came of the signal instead of its exception: duckdb ends a query and
                # raises its own interrupt; a library's cleanup fails on the half-made part
                # (a zip member still open, a temp file already removed)
                interrupted = Interrupted(received[-1])
                interrupted.output, interrupted.written = given, replaced
                raise interrupted from None
            if isinstance(exc, Interrupted):
                exc.output, exc.written = given, replaced
            if isinstance(exc, OSError) and not making:
                raise PsplanError(
                    "output.cannot_write", Location(given), reason=os_reason(exc)
                ) from None
            raise


def _file_bytes(content: Content) -> Iterator[bytes]:
    """The bytes of a file: bytes as they are; text as UTF-8 (what cannot be encoded, a lone
    surrogate, as \\uXXXX), ending in a line break."""
    if isinstance(content, bytes):
        yield content
        return
    last: str | bytes = ""
    for piece in _batched([content] if isinstance(content, str) else content):
        yield piece if isinstance(piece, bytes) else piece.encode("utf-8", "backslashreplace")
        last = piece or last
    if isinstance(last, str) and not last.endswith("\n"):
        yield b"\n"


def _same_file(given: Path, target: Path, info: os.stat_result | None) -> bool:
    """Whether the input `given` is the output `target` (symlinks resolved, hard links too)."""
    try:
        if given.resolve() == target:
            return True
        if info is None:
            return False
        other = given.stat()
    except (OSError, RuntimeError):
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)


def _path_problem(exc: BaseException) -> Message:
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return Message("output.symlink_loop")
    if isinstance(exc, OSError) and exc.strerror:
        return Message("output.bad_path", reason=os_reason(exc))
    return Message("output.bad_path", reason=str(exc))


def _fits(text: str, handle: TextIO) -> bool:
    """Whether the stream's encoding can hold `text`."""
    try:
        text.encode(getattr(handle, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
