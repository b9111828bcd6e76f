"""JSON: the view's data, which is the library object's `to_dict()` (the JSON contract).

A view whose contract is costly to build (an assessment at county scale: every result worded,
every trend computed) holds a function that builds it, called only here. The JSON is indented
for people, and compact (the C encoder, several times faster) when it is large.
"""

from __future__ import annotations

from typing import Any

from psplan.formats.escape import to_json

#: Above this many characters written compact, the JSON stays compact.
INDENT_UP_TO = 2_000_000


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    data = view.data() if callable(view.data) else view.data
    compact = to_json(data, indent=None)
    return compact if len(compact) > INDENT_UP_TO else to_json(data)
