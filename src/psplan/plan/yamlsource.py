"""Read YAML safely and remember where every value came from.

`yaml.safe_load` loses line numbers, and silently lets a duplicated key win. Plan files are
written by people, so errors must point at `file:line:col`: we compose the node tree with the
safe loader, build plain Python values ourselves and keep a map from each value's path
(`("indicators", 3, "target")`) to its position. Only the standard YAML tags are allowed,
duplicate keys are errors, and aliases are refused where they are used (plan files never need
them, and expanding them is how a "billion laughs" file eats memory).

A plan file is a few hundred KB with a few thousand nodes nested five deep. What a hostile or
mistaken file could cost is bounded before it is spent: the file's size before it is read
(only regular files are read: not a device, pipe or socket), and the number of nodes and the
nesting depth while the node tree is composed, not after. Each limit is generous and can be
raised with an environment variable (`LIMITS`).

Scalars that YAML 1.1 reads in a way nobody writing a plan means stay the text written:
`yes`/`no`/`on`/`off` (only `true`/`false` are booleans), `010` (octal 8), `1:30` (base 60,
90), `0x1A`, `.inf`/`.nan` and numbers too large for a float or for Python's int parsing.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psplan.errors import Location, Message, PsplanError, Shown, os_reason, quoted

Path_ = tuple[str | int, ...]

#: Limits on a YAML file psplan reads (plans, overrides, waivers): default and the
#: environment variable that raises it.
MAX_BYTES = 20_000_000
MAX_NODES = 1_000_000
MAX_DEPTH = 64
LIMITS = {
    "PSPLAN_MAX_PLAN_BYTES": MAX_BYTES,
    "PSPLAN_MAX_PLAN_NODES": MAX_NODES,
    "PSPLAN_MAX_PLAN_DEPTH": MAX_DEPTH,
}

#: How much of a value a message quotes.
QUOTE_LIMIT = 80


@functools.cache
def _not_yaml() -> re.Pattern[str]:
    """Characters YAML does not allow in a file (C0/C1 controls but tab and line breaks, lone
    surrogates, U+FFFE/U+FFFF): found first, so the message has a line and a column.
    Compiled when a text is first checked: its ranges take 7 ms to compile, which a plan
    read back from the cache never needs."""
    return re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def limit(variable: str) -> int:
    """The limit named by `variable`: its environment value if set, else the default."""
    raw = os.environ.get(variable, "")
    text = raw.strip().replace("_", "").replace(",", "")
    if not text:
        return LIMITS[variable]
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise PsplanError("limits.not_whole_number", variable=variable, value=quoted(shorten(raw)))
    return int(text)


def shorten(text: str, length: int = QUOTE_LIMIT) -> str:
    """`text`, cut to `length` characters with an ellipsis: a message quotes, never floods."""
    return text if len(text) <= length else text[: length - 1] + "…"


def quote(value: Any) -> Shown:
    """`value` quoted for a message ('text' in English, “text” in Chinese), cut to a readable
    length (a value may be megabytes)."""
    if isinstance(value, str):
        return quoted(shorten(value))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**QUOTE_LIMIT:
        too_long = Message("common.number_too_long")
        return Shown(too_long.render("en"), too_long.render("zh"))
    return quoted(value, en=shorten(repr(value)))


@dataclass
class YamlDocument:
    """Plain data plus the position of every mapping key, list item and scalar in it."""

    data: Any
    file: str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    #: the position of the key a mapping's value is under, by the value's path (composed
    #: documents only: a cached plan has none, and `locate_key` falls back to `locate`)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate_key(self, path: Path_) -> Location:
        """Position of the key `path` ends in (`名称:` above its nested mapping), else of
        its value."""
        found = self.keys.get(tuple(path))
        return Location(self.file, *found) if found else self.locate(path)

    def locate(self, path: Path_) -> Location:
        """Position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                line, col = self.positions[path]
                return Location(self.file, line, col)
            path = path[:-1]
        line, col = self.positions.get((), (1, 1))
        return Location(self.file, line, col)


_KINDS = (
    (stat.S_ISCHR, "file.kind.character_device"),
    (stat.S_ISBLK, "file.kind.block_device"),
    (stat.S_ISFIFO, "file.kind.fifo"),
    (stat.S_ISSOCK, "file.kind.socket"),
)


def _too_big(name: str, size: int, most: int) -> PsplanError:
    return PsplanError("file.too_big", Location(name), size=size, most=most)


def read_text(path: Path, max_bytes: int | None = None) -> str:
    """Read a user's text file as UTF-8 (BOM allowed) with a clear error otherwise.

    Only a regular file is read (a device or pipe could be endless or never end), and only if
    it is at most `max_bytes` (default: PSPLAN_MAX_PLAN_BYTES, 20 MB).
    """
    name = str(path)
    most = limit("PSPLAN_MAX_PLAN_BYTES") if max_bytes is None else max_bytes
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PsplanError("file.not_found", Location(name)) from None
    except PermissionError:
        raise PsplanError("file.permission_denied", Location(name)) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise PsplanError("file.name_too_long", Location(shorten(name, 200))) from None
        raise PsplanError("file.cannot_read", Location(name), reason=os_reason(exc)) from None
    except ValueError:  # a NUL in the name
        shown = shorten(name.replace("\x00", "\\0"), 200)
        raise PsplanError("file.nul_in_name", Location(shown)) from None
    if stat.S_ISDIR(info.st_mode):
        raise PsplanError("file.is_directory", Location(name))
    if not stat.S_ISREG(info.st_mode):
        kind = next((kind for test, kind in _KINDS if test(info.st_mode)), "file.kind.special")
        raise PsplanError("file.not_regular", Location(name), kind=Message(kind))
    if info.st_size > most:
        raise _too_big(name, info.st_size, most)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PsplanError("file.not_found", Location(name)) from None
    except PermissionError:
        raise PsplanError("file.permission_denied", Location(name)) from None
    except OSError as exc:
        raise PsplanError("file.cannot_read", Location(name), reason=os_reason(exc)) from None
    if len(raw) > most:  # it grew after we looked
        raise _too_big(name, len(raw), most)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if _reads_as_gb18030(raw):  # saved by a Chinese Windows editor: say which it is
            raise PsplanError("file.gb18030_not_utf8", Location(name, line)) from None
        raise PsplanError("file.not_utf8", Location(name, line), byte=raw[exc.start]) from None


def _reads_as_gb18030(raw: bytes) -> bool:
    """Whether text that is not UTF-8 reads as GB18030 (GBK's superset) with Chinese in it."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def load_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document into plain data with positions; PsplanError on any problem."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PsplanError("yaml.nul_byte", Location(file, line))
    bad = _not_yaml().search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise PsplanError("yaml.bad_character", Location(file, line, column), code=ord(bad.group()))
    max_nodes, max_depth = limit("PSPLAN_MAX_PLAN_NODES"), limit("PSPLAN_MAX_PLAN_DEPTH")
    from psplan.plan.yamlcompose import compose

    return compose(text, file, max_nodes, max_depth)


def parser_name() -> str:
    """The loader composing uses (`yamlcompose._Loader`: libyaml's parser where PyYAML has
    it, else its own), named without importing PyYAML where composing has not: a plan read
    back from the cache needs none of it (about 15 ms of a one-region check)."""
    composer = sys.modules.get("psplan.plan.yamlcompose")
    if composer is not None:
        return composer._Loader.__name__  # type: ignore[no-any-return]
    return "_CLoader" if _has_libyaml() else "_PyLoader"


def _has_libyaml() -> bool:
    """Whether PyYAML's C extension is installed beside it (what `yaml.__with_libyaml__` says
    once imported). Were it there but not loadable, composing would use PyYAML's own parser
    under this name: both compose a document alike (tests/test_plan_cache.py)."""
    from importlib.machinery import EXTENSION_SUFFIXES

    extensions = {f"_yaml{suffix}" for suffix in EXTENSION_SUFFIXES}
    return any(name in extensions for name, _, _ in yaml_files())


@functools.cache
def yaml_files() -> tuple[tuple[str, int, int], ...]:
    """PyYAML's package files (name, size, time), found without importing it: they tell its
    version and whether it has libyaml (the plan cache's key), read once."""
    from importlib.util import find_spec

    spec = find_spec("yaml")
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        return ()
    try:
        found = [(e.name, e.stat().st_size, e.stat().st_mtime_ns)
                 for e in os.scandir(locations[0]) if e.is_file()]  # fmt: skip
    except OSError:
        return ()
    return tuple(sorted(found))
