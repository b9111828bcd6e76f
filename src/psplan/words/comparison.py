"""Words of the comparison view."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {}
