"""The SQL of `views.vectorised_cells` writes each figure as `views.numbers` writes it.

The property test (test_columnar.py) holds whole CSVs of random files to the per-row path's;
these hold each helper to its Python counterpart on the values where the two could part:
ties at every rounding place (1.005, 2.675, 0.125: binary values just below or at a half),
negative zeros, values that print with an exponent, and a spread of generated ones.
"""

from __future__ import annotations

import random

import pytest

from psplan.views import numbers
from psplan.views import vectorised_cells as cells

duckdb = pytest.importorskip("duckdb")

_TIES = [0.0, -0.0, 1.005, 2.675, 0.125, 0.375, 0.625, 1.5, 2.5, -2.5, 0.0005, 0.00005,
         -0.00004, 0.955, 0.995, 99.995, 12.345, 62.5, 0.285, 1.115, 1e-05, 1e-07,
         123456.789, -1234.5, 1e15, 1e16, 0.05, 0.0095, 0.00949, -0.0005]  # fmt: skip
_RANDOM = random.Random(7)
VALUES = _TIES + [round(_RANDOM.uniform(-200, 200), _RANDOM.randint(0, 7)) for _ in range(3000)]
FRACTIONS = _TIES + [round(_RANDOM.uniform(-1, 1.5), _RANDOM.randint(1, 8)) for _ in range(3000)]


def _sql(expression: str, values: list[float], **columns: object) -> list[object]:
    extra = "".join(f", {value} AS {name}" for name, value in columns.items())
    query = f"SELECT {expression} FROM (SELECT unnest(?::DOUBLE[]) AS v{extra})"
    return [row[0] for row in duckdb.connect().execute(query, [values]).fetchall()]


def test_a_share_reads_as_numbers_writes_it() -> None:
    assert _sql(cells._percent("v"), FRACTIONS) == [numbers.percent(v) for v in FRACTIONS]
    for places in (1, 2):
        expected = [numbers.share(v, places).shown for v in FRACTIONS]  # type: ignore[union-attr]
        assert _sql(cells._share_at("v", places), FRACTIONS) == expected, places


def test_a_figure_has_the_decimals_numbers_counts() -> None:
    assert _sql(cells._decimals("v"), VALUES) == [numbers.decimals(v) for v in VALUES]


@pytest.mark.parametrize("places", range(numbers.MAX_DECIMALS + 1))
def test_a_figure_is_shown_and_rounded_as_numbers_does(places: int) -> None:
    # (`_signed` reads a column where the views use it; an expression reads the same)
    assert _sql(cells._signed(cells._digits("v", str(places))), VALUES) == [
        numbers._show(v, places) for v in VALUES
    ]
    assert _sql(cells._signed(cells._digits("(v * 100)", str(places), "%")), FRACTIONS) == [
        numbers._show(v, places, True) for v in FRACTIONS
    ]
    assert _sql(cells._rounded("v", str(places)), VALUES) == [round(v, places) for v in VALUES]
    for percent in (True, False):
        measured = cells._signed(cells._measured("v", str(places)))
        shown = _sql(measured, VALUES, pct=str(percent).lower())
        assert shown == [numbers._measured(v, 0, percent, True, places).shown for v in VALUES]
