"""Words of the errors view."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {}
