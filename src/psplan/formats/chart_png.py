"""A progress chart drawn as a PNG (the Word report's figure), with matplotlib.

Horizontal bars, one per label (a domain, an indicator), as long as the progress made and
coloured by status, each with its percentage; the time share at the year judged is a dashed
line (or a mark per bar where the shares differ). Drawn with matplotlib's object API on the
Agg canvas — no pyplot, no global state, no display — and imported only when a chart is drawn
(`import matplotlib` costs most of a second).

The labels are Chinese: the chart is drawn only when a font that has the characters is
installed (`cjk_font`); without one `progress_png` returns None and the report keeps the
chart's table alone, rather than a picture of empty boxes. The PNG carries no software
version or date, so the same chart is the same bytes.
"""

from __future__ import annotations

import io
from functools import cache
from typing import TYPE_CHECKING

from psplan.formats.colours import NEUTRAL, SHARE, STATUS_COLOURS
from psplan.views.model import Chart

if TYPE_CHECKING:
    from psplan.errors import Problem

#: Fonts with the Chinese characters, in order of preference (sans-serif reads best in a
#: chart): Noto / Source Han (Linux, the Debian package fonts-noto-cjk), then Windows' and
#: macOS's own, then the serif faces.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
)
#: Width of the picture in inches (the Word page's text width is about 6.3 in portrait) and
#: its resolution.
WIDTH_INCHES = 6.3
DPI = 150
#: Longest label drawn whole.
LABEL_CHARACTERS = 16
#: Most bars drawn: a chart of every result of five regions (155 bars) would be a picture
#: taller than a page; the chart's table under it holds them all.
MAX_BARS = 40


@cache
def cjk_font() -> str | None:
    """The first installed font of `CJK_FONTS`, or None (or when matplotlib is missing)."""
    try:
        from matplotlib import font_manager
    except ImportError:
        return None
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def charts_left_out(output: str) -> Problem | None:
    """The warning that a Word document written to `output` has no charts (no font with the
    Chinese characters), or None: the command prints it, the API's `write_report` warns
    with it and keeps it in the result's warnings (it was silent there: trial 18)."""
    if cjk_font() is not None:
        return None
    from psplan.errors import Location, Message, Problem

    return Problem(Location(output), Message("docx.no_cjk_font"), "chart", "warning")


def progress_png(chart: Chart, value_label: str, line_label: str) -> bytes | None:
    """The chart as PNG bytes, or None when it cannot be drawn legibly (no bars, more than
    `MAX_BARS`, no font with the Chinese characters)."""
    font = cjk_font()
    if font is None or not chart.bars or len(chart.bars) > MAX_BARS:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    bars = chart.bars
    labels = [_cut(bar.label) for bar in bars]
    progress = [max(0.0, bar.progress or 0.0) * 100 for bar in bars]
    height = 0.9 + 0.32 * len(bars)
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    rows = list(range(len(bars)))
    colours = [STATUS_COLOURS.get(bar.status, NEUTRAL) for bar in bars]
    axes.barh(rows, progress, color=colours, height=0.62, label=value_label, zorder=2)
    top = max([120.0, *(p + 15 for p in progress)])
    for row, bar, length in zip(rows, bars, progress, strict=True):
        text = "—" if bar.progress is None else f"{bar.progress:.0%}"
        axes.text(length + top * 0.01, row, text, va="center", fontsize=8, family=font)
    shares = {bar.share for bar in bars if bar.share is not None}
    if len(shares) == 1:
        axes.axvline(shares.pop() * 100, color=SHARE, linestyle="--", linewidth=1.2,
                     label=line_label, zorder=3)  # fmt: skip
    elif shares:
        marks = [(row, bar.share * 100) for row, bar in zip(rows, bars, strict=True)
                 if bar.share is not None]  # fmt: skip
        axes.scatter([x for _, x in marks], [r for r, _ in marks], marker="|", s=120,
                     color=SHARE, label=line_label, zorder=3)  # fmt: skip
    axes.set_yticks(rows, labels, family=font, fontsize=9)
    axes.invert_yaxis()  # the first bar on top, as the table lists it
    axes.set_xlim(0, top)
    axes.xaxis.set_major_formatter("{x:.0f}%")
    axes.tick_params(axis="x", labelsize=8)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(prop={"family": font, "size": 8}, loc="lower center", ncols=2, frameon=False,
                bbox_to_anchor=(0.5, 1.0))  # above the bars, never over one  # fmt: skip
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"
