"""JSON: the view's data, which is the library object's `to_dict()` (the JSON contract).

A view whose contract is costly to build (an assessment at county scale: every result worded,
every trend computed) holds a function that builds it, called only here; a list in it too
long to hold (the results) may be a lazy one — any sized iterable that is not a list or a
tuple, as a value of the top-level object — whose items are made, encoded and dropped one at
a time as `chunks` writes them.

Indentation: the JSON is indented for people (two spaces), and compact (the C encoder,
several times faster) when its compact form is longer than `INDENT_UP_TO` characters — the
same rule for every view. A streamed one holds back its compact text until it is past that
length (about 1,700 results), or has ended: past it, the text is written compact as it is
made; ended below it, the held data is written indented, exactly as the whole would be. So
no output changes, and no more than about `INDENT_UP_TO` characters' worth is ever held.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sized
from typing import Any

from psplan.formats.escape import to_json

#: Above this many characters written compact, the JSON stays compact.
INDENT_UP_TO = 2_000_000


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    """The view's data as one JSON text (`chunks`, joined)."""
    return "".join(chunks(view, color=color, width=width))


def chunks(view: Any, *, color: bool = False, width: int | None = None) -> Iterator[str]:
    """The view's data as JSON text, in pieces to write as they come."""
    data = view.data() if callable(view.data) else view.data
    if not _streams(data):
        compact = to_json(data, indent=None)
        yield compact if len(compact) > INDENT_UP_TO else to_json(data)
        return
    lazy = {key for key, value in data.items() if _lazy(value)}
    held: list[str] = []  # the compact text, until it is known to stay compact
    length = 0
    kept: dict[str, Any] | None = {key: [] for key in lazy}  # the data, to indent if short
    for piece, key, value in _compact(data):
        if kept is None:
            yield piece
            continue
        if key is not None:
            if key in lazy:
                kept[key].append(value)
            else:
                kept[key] = value
        held.append(piece)
        length += len(piece)
        if length > INDENT_UP_TO:  # compact from here on: write what was held, keep nothing
            yield "".join(held)
            held, kept = [], None
    if kept is not None:
        kept = {key: [_data(item) for item in items] if key in lazy else items
                for key, items in kept.items()}  # fmt: skip
        yield to_json({key: kept[key] for key in data})


def _compact_json(data: Any) -> str:
    return to_json(data, indent=None)


class _Encoded:
    """An item held as its JSON text (read back only if the whole is written indented)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _data(item: Any) -> Any:
    return json.loads(item.text) if isinstance(item, _Encoded) else item


def _lazy(value: object) -> bool:
    """Whether `value` is a list made as it is written (a sized iterable JSON cannot write)."""
    return (
        isinstance(value, Sized)
        and isinstance(value, Iterable)
        and not isinstance(value, str | bytes | bytearray | list | tuple | dict)
    )


def _streams(data: object) -> bool:
    return (
        isinstance(data, dict)
        and all(isinstance(key, str) for key in data)
        and any(_lazy(value) for value in data.values())
    )


def _compact(data: dict[str, Any]) -> Iterator[tuple[str, str | None, Any]]:
    """The compact JSON of `data` in pieces, each with the key and the value (a whole value,
    or one item of a lazy list) it writes; None for punctuation. Joined, the pieces are
    `to_json(data, indent=None)` of the same data with the lazy lists made lists."""
    yield "{", None, None
    for index, (key, value) in enumerate(data.items()):
        name = ", " if index else ""
        if not _lazy(value):
            yield f"{name}{to_json(key, indent=None)}: {to_json(value, indent=None)}", key, value
            continue
        yield f"{name}{to_json(key, indent=None)}: [", None, None
        encoded = getattr(value, "encoded", None)
        if encoded is not None:  # the items' text, some made without their data
            for index, text in enumerate(encoded(_compact_json)):
                yield ("" if index == 0 else ", ") + text, key, _Encoded(text)
        else:
            for index, item in enumerate(value):
                yield ("" if index == 0 else ", ") + to_json(item, indent=None), key, item
        yield "]", None, None
    yield "}", None, None
