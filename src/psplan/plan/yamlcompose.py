"""Compose a YAML text into plain data with the position of every value: the part of
`yamlsource` that needs PyYAML, imported when a text is composed (a plan read back from the
cache, as a one-region check reads its plan, imports none of it).

See `yamlsource` for what is refused and bounded, and how scalars are read.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from psplan.errors import Location, Message, PsplanError, Shown, quoted
from psplan.plan.yamlsource import Path_, YamlDocument, quote, shorten

try:  # libyaml scans and parses in C, five times faster; we compose in Python either way
    from yaml.cyaml import CParser as _FastParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _FastParser = None

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_BOOL_WORDS = {"true": True, "false": False}


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


#: A text longer than this (a plan is about 100 KB) has its nodes counted before any is
#: built: 3,000,000 of them took 9 s to refuse, composed one by one up to the limit.
COUNT_FIRST = 1 << 20


def _counted(text: str, max_nodes: int, max_depth: int) -> None:
    """Refuse a text of more than `max_nodes` nodes as the composer would, at the same node,
    from the parser's events alone; stop at what the composer refuses first (an alias, a
    nesting too deep), which it then says itself."""
    parser = _FastParser(text) if _FastParser is not None else _PyLoader(text, 0, 0)
    nodes = depth = 0
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                return
            if isinstance(event, ends):
                depth -= 1
                continue
            if not isinstance(event, (yaml.ScalarEvent, *starts)):
                continue
            nodes += 1
            if nodes > max_nodes:
                raise _Refused(Message("yaml.too_many_nodes", most=max_nodes), event.start_mark)
            if isinstance(event, starts):
                if depth >= max_depth:
                    return
                depth += 1
    except yaml.YAMLError:
        return  # (the composer's parse says it, at its place)
    finally:
        parser.dispose()


def compose(text: str, file: str, max_nodes: int, max_depth: int) -> YamlDocument:
    """`yamlsource.load_yaml` of a text it has checked: composed, bounded, built."""
    loader = None
    try:
        if len(text) > COUNT_FIRST:
            _counted(text, max_nodes, max_depth)
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
        if isinstance(shown, Message) and shown.key == "yaml.problem.quote_open":
            where = Location(file, shown.args["line"])  # the quote's line, not the next
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
    return YamlDocument(data=data, file=file, positions=builder.positions, keys=builder.keys)


class _Builder:
    def __init__(self, file: str, loader: SafeConstructor) -> None:
        self.file = file
        self.loader = loader
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}

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
                mark = key_node.start_mark
                self.keys[(*path, key)] = (mark.line + 1, mark.column + 1)
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


def _quote_left_open(text: str, mark: Any) -> int | None:
    """The line (1-based) before the error's whose quotes do not pair, where it is the last
    line written before it; else None."""
    if mark is None:
        return None
    lines = text.split("\n")[: mark.line]
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return None
    last = lines[-1].split(" #", 1)[0]
    odd = last.replace('\\"', "").count('"') % 2 or last.replace("''", "").count("'") % 2
    return len(lines) if odd else None


def _problem(problem: str, text: str, mark: Any) -> Shown:
    """PyYAML's description of a syntax error in the reader's words; as PyYAML wrote it
    (shortened) where the catalogue has no entry for it. The character a token cannot start
    with is read off the text at the error's mark (the C library does not name it)."""
    for pattern, key in _PROBLEMS:
        if pattern.fullmatch(problem):
            if key == "indentation" and (opened := _quote_left_open(text, mark)):
                # a quote never closed runs into the next line, whose key then looks out
                # of place: the quote is the mistake (a trial's: "缩进不一致" at the line after)
                return Message("yaml.problem.quote_open", line=opened)
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
