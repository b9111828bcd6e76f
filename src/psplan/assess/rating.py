"""The words of an evaluation report (年度监测、中期评估、终期评估), derived from a verdict.

Commissions class each indicator in a fixed vocabulary (the national mid-term evaluation of the
十四五 纲要, December 2023: 提前实现 4, 快于预期 5, 基本符合预期 7, 滞后 4). It is a reading of
the verdict psplan already made, never a second judgement:

- before the end year: a target already met is 提前实现 (`achieved_early`); a result on track
  whose progress is at least `AHEAD_MARGIN` (10 percentage points) past the time share is
  快于预期 (`ahead`); any other result on track is 基本符合预期 (`as_expected`); behind or not
  met is 滞后 (`behind`);
- in the end year (or after it): met is 完成 (`completed`), anything else judged is 未完成
  (`not_completed`);
- no data, or a result that needs review, has no rating: nothing is claimed for it.

Pure functions; the thresholds are stated in docs/assessment.md with a worked example.
"""

from __future__ import annotations

from typing import Literal

from psplan.assess.evaluate import Verdict

Rating = Literal["achieved_early", "ahead", "as_expected", "behind", "completed", "not_completed"]
#: Every rating, in the order reports list them.
RATINGS: tuple[Rating, ...] = (
    "achieved_early", "ahead", "as_expected", "behind", "completed", "not_completed",
)  # fmt: skip
#: How far progress must be past the time share for 快于预期 (a fraction: 10 points).
AHEAD_MARGIN = 0.10


def rate(verdict: Verdict, year: int, end_year: int) -> Rating | None:
    """The evaluation word for `verdict`, judged in `year` of a plan ending in `end_year`."""
    return rate_values(verdict.status, verdict.progress, verdict.share, year, end_year)


def rate_values(
    status: str, progress: float | None, share: float | None, year: int, end_year: int
) -> Rating | None:
    """`rate` from a verdict's status, progress and time share (the columnar path's columns)."""
    if status in ("no_data", "needs_review"):
        return None
    if year >= end_year:
        return "completed" if status == "met" else "not_completed"
    if status == "met":
        return "achieved_early"
    if status != "on_track":
        return "behind"
    if progress is not None and share is not None and progress - share >= AHEAD_MARGIN - 1e-9:
        return "ahead"
    return "as_expected"
