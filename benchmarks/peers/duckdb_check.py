"""The same analyst's script in duckdb (see pandas_check.py)."""

import json
import sys
from pathlib import Path

import duckdb

figures, targets, out = sys.argv[1:4]
results, met = duckdb.sql(f"""
    WITH f AS (
        SELECT 地区 AS region, 指标 AS name, 年份 AS year,
               TRY_CAST(rtrim(CAST(数值 AS VARCHAR), '%') AS DOUBLE) AS value
        FROM read_csv('{figures}', all_varchar = true)
    ), latest AS (
        SELECT region, g.id, g.op, g.target, arg_max(value, CAST(year AS INTEGER)) AS value
        FROM f JOIN read_csv('{targets}') g USING (name)
        WHERE value IS NOT NULL
        GROUP BY region, g.id, g.op, g.target
    )
    SELECT count(*), count(*) FILTER (WHERE (op = '>=' AND value >= target)
                                        OR (op = '<=' AND value <= target))
    FROM latest
""").fetchall()[0]
Path(out).write_text(json.dumps({"results": results, "met": met}))
