"""Words of the problems view."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {}
