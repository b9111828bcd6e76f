"""A small on-disk cache of composed plan documents, so an unchanged plan skips YAML composition.

Composing a plan's YAML with a position for every value is done in Python and is most of what
loading a plan costs (about 22 of ankang's 28 ms); reading the same data back from `marshal`
takes under 2 ms. An entry is keyed by a hash of the file's text together with everything
else that decides what composing it gives (`code_tag`: psplan's version, Python's, PyYAML's,
the source of this package, and the caller's own context such as the YAML limits), so a stale
entry is never found: it is only left to be pruned.

`marshal`, not `pickle`: the cached values are plain data (dicts, lists, text, numbers), which
marshal reads back faster, and reading an entry can never run code. Each entry carries a hash
of its contents, so a damaged entry is a miss, never wrong data. A plan that validated is kept
too (`put_object`), pickled inside such an entry and read back by an unpickler that makes
only the plan's own classes (`get_object`).

The cache only ever speeds loading up: with no usable folder, a read-only one, a damaged or
foreign entry, or any error at all, it answers "not cached" and the caller loads as before.

Where: `$PSPLAN_CACHE_DIR`, else `$XDG_CACHE_HOME/psplan`, else `~/.cache/psplan` (entries in
its `plans/` folder); `PSPLAN_NO_CACHE=1` turns it off. At most `MAX_ENTRIES` entries and
`MAX_TOTAL_BYTES` are kept: the least recently used go first.
"""

from __future__ import annotations

import contextlib
import io
import marshal
import os
import pickle
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

#: The entries kept, and their total size; the least recently used are removed beyond either.
MAX_ENTRIES = 64
MAX_TOTAL_BYTES = 256_000_000
#: A temporary file older than this (seconds) is left by a writer that died: removed on pruning.
STALE_TEMPORARY = 3600
#: The folder inside the cache folder, and the ending of an entry's file name.
FOLDER = "plans"
SUFFIX = ".marshal"
#: Bumped when what an entry holds changes shape.
FORMAT = 1
_DIGEST = 16
_OFF = frozenset({"", "0", "false", "no", "off"})


def cache_dir() -> Path | None:
    """The folder entries are kept in, or None when caching is turned off or has no home."""
    if os.environ.get("PSPLAN_NO_CACHE", "").strip().lower() not in _OFF:
        return None
    given = os.environ.get("PSPLAN_CACHE_DIR", "")
    if given:
        return Path(given) / FOLDER
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative value is ignored
        return Path(xdg) / "psplan" / FOLDER
    try:
        return Path.home() / ".cache" / "psplan" / FOLDER
    except (RuntimeError, KeyError, OSError):  # no home directory to be found
        return None


@cache
def code_tag() -> bytes:
    """A hash of what, besides a file's text, decides what composing it gives: the versions
    of psplan and Python, the PyYAML installed (its files, read without importing it: a plan
    read back needs none of it), and this package's source (so an edit in a checkout counts)."""
    import hashlib

    from psplan import __version__
    from psplan.plan.yamlsource import yaml_files

    parts = (
        FORMAT,
        __version__,
        sys.version,
        sys.implementation.cache_tag,
        marshal.version,
        yaml_files(),
    )
    tag = hashlib.blake2b(repr(parts).encode(), digest_size=_DIGEST)
    folder = os.path.dirname(os.path.abspath(__file__))
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".py"))
        for name in names:
            with open(os.path.join(folder, name), "rb") as source:
                tag.update(name.encode() + b"\0" + source.read() + b"\0")
    except OSError:  # no readable source (a frozen install): the versions alone key it
        pass
    return tag.digest()


def entry_key(text: str, context: tuple[Any, ...] = ()) -> str:
    """The name of the entry for `text` composed under `context` (a repr-able tuple)."""
    import hashlib

    key = hashlib.blake2b(code_tag(), digest_size=_DIGEST)
    key.update(repr(context).encode())
    key.update(b"\0")
    key.update(text.encode("utf-8", "surrogatepass"))
    return key.hexdigest()


def get(key: str) -> Any | None:
    """The value stored under `key`, or None: not cached, caching off, or any problem."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{key}{SUFFIX}"
    try:
        raw = path.read_bytes()
    except (OSError, ValueError):
        return None
    try:
        import hashlib

        digest, body = raw[:_DIGEST], raw[_DIGEST:]
        if hashlib.blake2b(body, digest_size=_DIGEST).digest() != digest:
            return None  # damaged: the next store replaces it
        stored_key, value = marshal.loads(body)
    except Exception:  # marshal's EOFError, ValueError, TypeError… or not a pair
        return None
    if stored_key != key:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return value


def put(key: str, value: Any) -> None:
    """Store `value` (plain data marshal can write) under `key`; any problem is ignored."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        import hashlib

        body = marshal.dumps((key, value))
        if len(body) + _DIGEST > MAX_TOTAL_BYTES // 4:
            return
        digest = hashlib.blake2b(body, digest_size=_DIGEST).digest()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_atomically(folder / f"{key}{SUFFIX}", digest + body)
        prune(folder)
    except Exception:  # a read-only folder, a full disk, a value marshal cannot write…
        return


def get_object(key: str, kind: type) -> Any | None:
    """The object of class `kind` stored under `key` by `put_object`, or None. It is read
    by an unpickler that makes nothing but the classes of psplan's plan package (a plan's
    models) and plain values: an entry can still run no code of its choosing."""
    value = get(key)
    if not (isinstance(value, tuple) and len(value) == 2 and value[0] == _pydantic()):
        return None
    try:
        found = _PlanUnpickler(io.BytesIO(value[1])).load()
    except Exception:  # refused, damaged, or a model that changed shape
        return None
    return found if type(found) is kind else None


def put_object(key: str, value: Any) -> None:
    """Store a validated model (a plan) under `key`, pickled; any problem is ignored."""
    try:
        put(key, (_pydantic(), pickle.dumps(value, protocol=5)))
    except Exception:
        return


def _pydantic() -> str:
    """The version of pydantic, whose models' pickled state is theirs to define."""
    import pydantic

    return str(pydantic.VERSION)


class _PlanUnpickler(pickle.Unpickler):
    """Finds only the classes of psplan's plan package (`psplan.plan.model`, `.targets`)."""

    def find_class(self, module: str, name: str) -> Any:
        if not module.startswith("psplan.plan."):
            raise pickle.UnpicklingError(f"{module}.{name} is not a plan's")
        return super().find_class(module, name)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write a temporary file beside `path`, then rename it over `path`: a reader sees the
    old entry or the whole new one, never part of it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def prune(folder: Path) -> None:
    """Remove the least recently used entries beyond `MAX_ENTRIES` or `MAX_TOTAL_BYTES`, and
    temporary files a writer that died left behind."""
    entries = []
    now = time.time()
    with os.scandir(folder) as found:
        for item in found:
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if item.name.endswith(SUFFIX):
                entries.append((info.st_mtime, item.name, info.st_size))
            elif item.name.endswith(".tmp") and now - info.st_mtime > STALE_TEMPORARY:
                _remove(folder / item.name)
    entries.sort(reverse=True)  # newest first
    total = 0
    for count, (_, name, size) in enumerate(entries, start=1):
        total += size
        if count > MAX_ENTRIES or total > MAX_TOTAL_BYTES:
            _remove(folder / name)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # gone already: another process pruned it
        path.unlink()
