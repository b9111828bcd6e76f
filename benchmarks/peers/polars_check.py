"""The same analyst's script in polars (see pandas_check.py)."""

import json
import sys
from pathlib import Path

import polars as pl

figures, targets, out = sys.argv[1:4]
goals = pl.read_csv(targets)
latest = (
    pl.scan_csv(figures, schema_overrides={"数值": pl.String})
    .with_columns(
        pl.col("数值").str.strip_chars_end("%").cast(pl.Float64, strict=False).alias("value")
    )
    .drop_nulls("value")
    .join(goals.lazy(), left_on="指标", right_on="name")
    .sort("年份")
    .group_by(["地区", "id"])
    .last()
    .collect()
)
met = latest.filter(
    ((pl.col("op") == ">=") & (pl.col("value") >= pl.col("target")))
    | ((pl.col("op") == "<=") & (pl.col("value") <= pl.col("target")))
).height
Path(out).write_text(json.dumps({"results": latest.height, "met": met}))
