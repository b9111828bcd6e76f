"""An analyst's pandas script, the peer psplan is measured against: read the long file, join
the indicator names to the plan's targets, take each region × indicator's latest figure and
count those that reach their target. `python pandas_check.py FIGURES.csv TARGETS.csv OUT.json`"""

import json
import sys
from pathlib import Path

import pandas as pd

figures, targets, out = sys.argv[1:4]
data = pd.read_csv(figures, dtype={"数值": "string"})
goals = pd.read_csv(targets)
data["value"] = pd.to_numeric(data["数值"].str.rstrip("%"), errors="coerce")
data = data.dropna(subset=["value"]).merge(goals, left_on="指标", right_on="name")
latest = data.sort_values("年份").groupby(["地区", "id"], sort=False).tail(1)
met = (latest["op"] == ">=") & (latest["value"] >= latest["target"]) | (latest["op"] == "<=") & (
    latest["value"] <= latest["target"]
)
Path(out).write_text(json.dumps({"results": len(latest), "met": int(met.sum())}))
