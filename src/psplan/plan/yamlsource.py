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
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from psplan.errors import Location, Message, PsplanError, Shown, os_reason, quoted

try:  # libyaml scans and parses in C, five times faster; we compose in Python either way
    from yaml.cyaml import CParser as _FastParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _FastParser = None

Path_ = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

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

#: Characters YAML does not allow in a file (C0/C1 controls but tab and line breaks, lone
#: surrogates, U+FFFE/U+FFFF): found first, so the message has a line and a column.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_BOOL_WORDS = {"true": True, "false": False}


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
        raise PsplanError("file.not_utf8", Location(name, line), byte=raw[exc.start]) from None


class _Refused(Exception):
    """Composing stopped at `mark`: an alias, or a limit reached."""

    def __init__(self, message: Message, mark: yaml.Mark) -> None:
        self.message = message
        self.mark = mark


class _BoundedComposer(Composer):
    """The composer, refusing aliases and counting nodes and depth before it builds them.

    It replaces PyYAML's `compose_node` (same nodes, without anchors, which are useless once
    aliases are refused, and without path resolvers, which the safe loader has none of).
    """

    def _bound(self, max_nodes: int, max_depth: int) -> None:
        self.max_nodes, self.max_depth = max_nodes, max_depth
        self.nodes, self.depth = 0, 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(Message("yaml.alias"), event.start_mark)
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise _Refused(Message("yaml.too_many_nodes", most=self.max_nodes), event.start_mark)
        self.get_event()
        tag = event.tag
        if isinstance(event, yaml.ScalarEvent):
            if tag is None or tag == "!":
                tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
            return yaml.ScalarNode(
                tag, event.value, event.start_mark, event.end_mark, style=event.style
            )
        if self.depth >= self.max_depth:
            raise _Refused(Message("yaml.too_deep", most=self.max_depth), event.start_mark)
        self.depth += 1
        node: yaml.Node
        if isinstance(event, yaml.SequenceStartEvent):
            if tag is None or tag == "!":
                tag = self.resolve(yaml.SequenceNode, None, event.implicit)
            items: list[yaml.Node] = []
            node = yaml.SequenceNode(tag, items, event.start_mark, None, event.flow_style)
            while not self.check_event(yaml.SequenceEndEvent):
                items.append(self.compose_node(node, None))
        else:  # MappingStartEvent: the parser allows nothing else here
            if tag is None or tag == "!":
                tag = self.resolve(yaml.MappingNode, None, event.implicit)
            pairs: list[tuple[yaml.Node, yaml.Node]] = []
            node = yaml.MappingNode(tag, pairs, event.start_mark, None, event.flow_style)
            while not self.check_event(yaml.MappingEndEvent):
                key = self.compose_node(node, None)
                pairs.append((key, self.compose_node(node, None)))
        node.end_mark = self.get_event().end_mark
        self.depth -= 1
        return node


class _PyLoader(  # type: ignore[misc]
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _BoundedComposer,
    SafeConstructor,
    Resolver,
):
    """Pure-Python scanning and parsing, for a PyYAML built without libyaml."""

    def __init__(self, text: str, max_nodes: int, max_depth: int) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._bound(max_nodes, max_depth)


_Loader: type = _PyLoader
if _FastParser is not None:

    class _CLoader(_BoundedComposer, _FastParser, SafeConstructor, Resolver):  # type: ignore[misc, valid-type]
        """libyaml's scanner and parser under our composer."""

        def __init__(self, text: str, max_nodes: int, max_depth: int) -> None:
            _FastParser.__init__(self, text)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._bound(max_nodes, max_depth)

    _Loader = _CLoader


def load_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document into plain data with positions; PsplanError on any problem."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PsplanError("yaml.nul_byte", Location(file, line))
    bad = _NOT_YAML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise PsplanError("yaml.bad_character", Location(file, line, column), code=ord(bad.group()))
    max_nodes, max_depth = limit("PSPLAN_MAX_PLAN_NODES"), limit("PSPLAN_MAX_PLAN_DEPTH")
    loader = None
    try:
        loader = _Loader(text, max_nodes, max_depth)
        root = loader.get_single_node()
    except _Refused as refused:
        where = Location(file, refused.mark.line + 1, refused.mark.column + 1)
        raise PsplanError(refused.message, where) from None
    except RecursionError:
        raise PsplanError("yaml.nested_too_deeply", Location(file)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context
        shown = _problem(problem, text, mark) if problem else Message("yaml.invalid")
        where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        raise PsplanError("yaml.syntax", where, problem=shown) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise PsplanError("yaml.error", Location(file), problem=shorten(message, 200)) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        raise PsplanError("file.empty", Location(file, 1))
    builder = _Builder(file, loader)
    try:
        data = builder.build(root, ())
    except RecursionError:
        raise PsplanError("yaml.nested_too_deeply", Location(file)) from None
    return YamlDocument(data=data, file=file, positions=builder.positions)


class _Builder:
    def __init__(self, file: str, loader: SafeConstructor) -> None:
        self.file = file
        self.loader = loader
        self.positions: dict[Path_, tuple[int, int]] = {}

    def _where(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, "tag:yaml.org,2002:map")
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, (*path, "<key>"))
                if isinstance(key, bool):
                    key = key_node.value  # `true:` is the word, not a boolean
                if not isinstance(key, (str, int)):
                    raise PsplanError("yaml.key_not_text", self._where(key_node))
                if key in result:
                    raise PsplanError("yaml.duplicate_key", self._where(key_node), key=quote(key))
                result[key] = self.build(value_node, (*path, key))
            self.positions.pop((*path, "<key>"), None)
            return result
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq")
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag not in _PLAIN_TAGS:
            raise PsplanError("yaml.tag_not_allowed", self._where(node), tag=quote(node.tag))
        return _scalar(node)

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise PsplanError("yaml.tag_not_allowed", self._where(node), tag=quote(node.tag))


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar's value, as YAML 1.2's core schema would read it: anything YAML 1.1 reads in
    a surprising way (`yes`, `010`, `1:30`, `.nan`, 1e999) stays the text written."""
    text = node.value
    tag = node.tag
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return _BOOL_WORDS.get(text.lower(), text)
    if tag == "tag:yaml.org,2002:int":
        digits = text.replace("_", "")
        if _DECIMAL_INT.fullmatch(text) and len(digits) <= 4000:
            return int(digits)
        return text
    if tag == "tag:yaml.org,2002:float":
        if ":" in text:
            return text
        try:
            number = float(text.replace("_", "").lower().replace(".inf", "inf"))
        except ValueError:
            return text
        return number if math.isfinite(number) else text
    return text  # str, and a date-looking timestamp stays the text the user wrote


#: PyYAML's descriptions of a syntax error (as its C library and its Python parser word
#: them), each with the catalogue's entry that says it in the reader's words.
_PROBLEMS = (
    (re.compile(r"(?:did not find )?expected ',' or '\]'.*"), "flow_sequence"),
    (re.compile(r"(?:did not find )?expected ',' or '\}'.*"), "flow_mapping"),
    (re.compile(r"mapping values are not allowed (?:here|in this context)"), "mapping_here"),
    (re.compile(r"found a tab character .*"), "tab"),
    (re.compile(r"found character (?:'.*' )?that cannot start any token"), "cannot_start"),
    (re.compile(r"found unexpected end of stream"), "end_of_stream"),
    (re.compile(r"found unknown escape character.*"), "escape"),
    (re.compile(r"expected <block end>, but found .*"), "indentation"),
    (re.compile(r"did not find expected (?:key|'-' indicator)"), "indentation"),
    (re.compile(r"but found another document|did not find expected <document start>"),
     "documents"),
    (re.compile(r"could not find expected ':'"), "colon"),
)  # fmt: skip


def _problem(problem: str, text: str, mark: Any) -> Shown:
    """PyYAML's description of a syntax error in the reader's words; as PyYAML wrote it
    (shortened) where the catalogue has no entry for it. The character a token cannot start
    with is read off the text at the error's mark (the C library does not name it)."""
    for pattern, key in _PROBLEMS:
        if pattern.fullmatch(problem):
            if key != "cannot_start":
                return Message(f"yaml.problem.{key}")
            lines = text.split("\n")
            line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
            char = line[mark.column : mark.column + 1] if mark is not None else ""
            if char == "\t":
                return Message("yaml.problem.tab")
            if char.strip():
                return Message("yaml.problem.cannot_start", char=quoted(char))
    return shorten(problem, 200)
