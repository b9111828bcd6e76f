"""Generate a realistic long-format actuals file at national county scale.

About 2,900 county-level regions × every indicator of a plan × 5 years: for a 64-indicator
plan that is 928,000 rows. Values follow each indicator's baseline and target with noise, so
every status occurs; qualitative targets get 应保尽保/是/否, cumulative ones yearly amounts.

    python benchmarks/generate.py ankang -o benchmarks/out/ankang-counties.csv [--encoding gb18030]

With `--region-names 全市,汉台区 --years 2021-2023` it makes the small generated example the
README uses (examples/generated/).
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from psplan.assess.trends import RATE_WORDS
from psplan.plan.plans import load_plan

PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新"


def regions(count: int) -> list[str]:
    names = []
    for index in range(count):
        province = PROVINCES[index % len(PROVINCES)]
        names.append(f"{province}{index // len(PROVINCES) + 1:03d}县")
    return names


def yearly_value(
    indicator, year: int, start: int, end: int, rng: random.Random, pace: float = 1.0
) -> str:
    target = indicator.target
    if target.form == "qualitative":
        return rng.choice(["应保尽保", "应保尽保", "是", "否"])
    base = indicator.baseline.value
    goal = target.value if target.value is not None else (base or 100.0)
    if indicator.effective_kind == "cumulative":
        share = goal / (end - start + 1)
        return f"{share * rng.uniform(0.6, 1.3):.2f}"
    if base is None:
        base = goal * 0.9
    fraction = (year - start + 1) / (end - start + 1)
    # each region keeps its own pace (from half the plan's to 1.4 times it), with a little
    # noise each year: series as smooth as real ones, so that lint finds only what is planted
    value = base + (goal - base) * fraction * pace * rng.uniform(0.97, 1.03)
    if indicator.unit == "%" and any(word in indicator.name for word in RATE_WORDS):
        value = min(value, 100.0)  # a share cannot pass 100 %
    text = f"{value:.2f}"
    return text + "%" if (indicator.unit == "%" and rng.random() < 0.3) else text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--regions", type=int, default=2900)
    parser.add_argument("--encoding", default="utf-8")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--region-names", help="Comma-separated region names instead of counts.")
    parser.add_argument("--years", help="First-last year (default: the plan period).")
    args = parser.parse_args()

    plan = load_plan(args.plan).plan
    rng = random.Random(args.seed)
    start, end = plan.period.start, plan.period.end
    years = range(start, start + 5)
    if args.years:
        first, _, last = args.years.partition("-")
        years = range(int(first), int(last or first) + 1)
    names = args.region_names.split(",") if args.region_names else regions(args.regions)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding=args.encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["地区", "指标", "年份", "数值"])
        for region in names:
            for indicator in plan.indicators:
                pace = rng.uniform(0.5, 1.4)  # the region's own, for every year
                for year in years:
                    value = yearly_value(indicator, year, start, end, rng, pace)
                    writer.writerow([region, indicator.name, year, value])
    rows = len(names) * len(plan.indicators) * len(years)
    print(f"{args.output}: {rows:,} rows ({args.encoding})")


if __name__ == "__main__":
    main()
