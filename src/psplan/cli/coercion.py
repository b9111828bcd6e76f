"""Option values read without pydantic, where typer's reading of them needs none.

typer (0.29 on) reads every option's value through a pydantic `TypeAdapter`, built when the
option is first read — a value given or its default. The first one imports pydantic's core
schema, its validators and `annotated_types`: some 90 ms of a 0.25 s one-region check, for
options that are a path, a word, a number or one of a few choices. psplan's options are of
those plain types, read here as typer reads them; anything else — a value they do not read
plainly, a refusal, an annotation not listed — goes to typer's own reading, so every value
typer takes reads the same and every refusal is typer's, word for word.

This holds on to two of typer's internals, a parameter's `type_descriptor` and its lazily
made `_runtime_param` (typer's `RuntimeParam`); a typer without them is left as it is
(`read_plainly` changes nothing), and `tests/test_cli_coercion.py` holds the readings here to
typer's own over every option of every command.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

try:  # typer 0.29 and later; an older typer reads its options with click alone
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
except ImportError:  # pragma: no cover - depends on the typer installed
    RuntimeParam = TypeDescriptor = None  # type: ignore[assignment,misc]

#: A plain reading: (value, parameter, context) → the value read, or any exception where
#: typer's own reading is to decide.
Reader = Callable[[Any, Any, Any], Any]

#: A whole number as typed: pydantic reads others too (`+5`, ` 5`, `5.0`), left to it.
_WHOLE = re.compile(r"-?[0-9]+")


class NotPlain(Exception):
    """A value a plain reading does not read: typer's own reading is asked."""


def read_plainly(param: Any) -> None:
    """Give `param` a plain reading if it is of a plain type (see the module); else leave it."""
    if RuntimeParam is None:  # pragma: no cover - depends on the typer installed
        return
    descriptor = getattr(param, "type_descriptor", None)
    if not isinstance(descriptor, TypeDescriptor) or getattr(param, "_runtime_param", 0):
        return
    reader = plain_reader(descriptor.annotation, descriptor.parameter_info)
    if reader is not None and descriptor.file_annotation is None:
        param._runtime_param = PlainRuntimeParam(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
            reader=reader,
        )


def plain_reader(annotation: Any, info: Any) -> Reader | None:
    """How a value of `annotation` is read plainly, or None where typer's reading is kept."""
    if get_origin(annotation) is list:
        (item,) = get_args(annotation) or (None,)
        each = plain_reader(item, info)
        return None if each is None else _each(each)
    if get_origin(annotation) is not None or getattr(info, "clamp", False):
        return None
    if info.parser is not None:
        return _parsed(info.parser)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(tuple(annotation), info.case_sensitive)
    if annotation is bool:
        return _bool
    if annotation is int:
        return _whole(info.min, info.max)
    if annotation is str:
        return _str
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return _path(info.path_type or annotation, info)
    return None


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam or object):  # type: ignore[misc]
    """A parameter's reading: the plain one, else typer's (made only then)."""

    descriptor: Any
    reader: Reader

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return self.reader(value, param, ctx)
        except Exception:  # typer's reading takes it, and says any refusal in its words
            typers = build_runtime_param(self.descriptor)
            return typers._coerce_value(value, param=param, ctx=ctx)


def _each(read: Reader) -> Reader:
    def each(value: Any, param: Any, ctx: Any) -> list[Any]:
        items = value if isinstance(value, (list, tuple)) else [value]
        return [read(item, param, ctx) for item in items]

    return each


def _parsed(parser: Callable[[Any], Any]) -> Reader:
    return lambda value, param, ctx: parser(value)


def _choice(choices: tuple[Any, ...], case_sensitive: bool) -> Reader:
    def choice(value: Any, param: Any, ctx: Any) -> Any:
        return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)

    return choice


def _bool(value: Any, param: Any, ctx: Any) -> bool:
    if type(value) is not bool:
        raise NotPlain
    return value


def _whole(least: float | None, most: float | None) -> Reader:
    def whole(value: Any, param: Any, ctx: Any) -> int:
        if type(value) is int:
            number = value
        elif type(value) is str and _WHOLE.fullmatch(value):
            number = int(value)
        else:
            raise NotPlain
        if (least is not None and number < least) or (most is not None and number > most):
            raise NotPlain  # refused: in typer's words
        return number

    return whole


def _str(value: Any, param: Any, ctx: Any) -> str:
    if not isinstance(value, str):
        raise NotPlain
    return str(value)


def _path(path_type: type[Path], info: Any) -> Reader:
    def path(value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is str and value and "\0" not in value:
            value = path_type(value)
        elif not isinstance(value, path_type):
            raise NotPlain
        return coerce_cli_path(value, info, path_type=path_type, param=param, ctx=ctx)

    return path
