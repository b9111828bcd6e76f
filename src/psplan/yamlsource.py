"""Read YAML safely and remember where every value came from.

`yaml.safe_load` loses line numbers, and silently lets a duplicated key win. Plan files are
written by people, so errors must point at `file:line:col`: we compose the node tree with the
safe loader, build plain Python values ourselves and keep a map from each value's path
(`("indicators", 3, "target")`) to its position. Only the standard YAML tags are allowed,
duplicate keys are errors, and aliases are refused where they are used (plan files never need
them, and expanding them is how a "billion laughs" file eats memory).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from psplan.errors import Location, PsplanError

Path_ = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

#: A plan with more nodes than this is not a plan someone wrote; refuse it before it costs memory.
MAX_NODES = 2_000_000


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


def read_text(path: Path) -> str:
    """Read a user's text file as UTF-8 (BOM allowed) with a clear error otherwise."""
    name = str(path)
    if path.is_dir():
        raise PsplanError("is a directory, not a file", Location(name))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PsplanError("no such file", Location(name)) from None
    except PermissionError:
        raise PsplanError("permission denied", Location(name)) from None
    except OSError as exc:
        raise PsplanError(f"cannot read: {exc.strerror or exc}", Location(name)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PsplanError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            Location(name, line),
        ) from None


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _NoAliasLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases where they are used, before anything is expanded."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        return super().compose_node(parent, index)


def load_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document into plain data with positions; PsplanError on any problem."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PsplanError("contains a NUL byte; this is not a text file", Location(file, line))
    loader = None
    try:
        loader = _NoAliasLoader(text)
        root = loader.get_single_node()
    except _AliasFound as found:
        where = Location(file, found.mark.line + 1, found.mark.column + 1)
        raise PsplanError("YAML aliases (*name) are not allowed in plan files", where) from None
    except RecursionError:
        raise PsplanError("YAML nested too deeply", Location(file)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        raise PsplanError(f"YAML syntax error: {problem}", where) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise PsplanError(f"YAML error: {message}", Location(file)) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        raise PsplanError("the file is empty", Location(file, 1))
    builder = _Builder(file, loader)
    try:
        data = builder.build(root, ())
    except RecursionError:
        raise PsplanError("YAML nested too deeply", Location(file)) from None
    return YamlDocument(data=data, file=file, positions=builder.positions)


class _Builder:
    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.count = 0

    def _where(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise PsplanError(f"more than {MAX_NODES:,} YAML nodes; refusing", self._where(node))
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, "tag:yaml.org,2002:map")
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, (*path, "<key>"))
                if not isinstance(key, (str, int)):
                    raise PsplanError("mapping keys must be plain text", self._where(key_node))
                if key in result:
                    raise PsplanError(f"duplicate key {key!r}", self._where(key_node))
                result[key] = self.build(value_node, (*path, key))
            self.positions.pop((*path, "<key>"), None)
            return result
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq")
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag not in _PLAIN_TAGS:
            raise PsplanError(f"YAML tag {node.tag!r} is not allowed", self._where(node))
        value = self.loader.construct_object(node, deep=True)
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # a date-looking string stays the text the user wrote
        return value

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise PsplanError(f"YAML tag {node.tag!r} is not allowed", self._where(node))
