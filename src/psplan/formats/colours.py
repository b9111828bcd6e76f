"""The status colours every drawing format shares: strong ones for bars and marks (HTML, the
Word chart), light fills for cells (the heat map, the XLSX status cells)."""

from __future__ import annotations

STATUS_COLOURS = {
    "met": "#2e7d32",
    "on_track": "#0277bd",
    "behind": "#ef6c00",
    "not_met": "#c62828",
    "no_data": "#9e9e9e",
    "needs_review": "#6a1b9a",
}
#: The heat map's lighter fills (the XLSX's too), dark glyphs on them.
STATUS_FILLS = {
    "met": "#c8e6c9",
    "on_track": "#b3e5fc",
    "behind": "#ffe0b2",
    "not_met": "#ffcdd2",
    "no_data": "#eeeeee",
    "needs_review": "#e1bee7",
}
#: A bar without a status, and the time-share line.
NEUTRAL = "#1f77b4"
SHARE = "#c62828"
