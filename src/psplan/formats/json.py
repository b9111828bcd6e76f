"""JSON: the view's data, which is the library object's `to_dict()` (the JSON contract)."""

from __future__ import annotations

from typing import Any

from psplan.formats.escape import to_json


def render(view: Any, *, color: bool = False, width: int | None = None) -> str:
    return to_json(view.data)
