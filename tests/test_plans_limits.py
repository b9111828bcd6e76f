"""Plan files: what reading one may cost is bounded, impossible references and years are
errors, YAML 1.1 surprises are not misread, and no plan file makes psplan fail inside."""

from __future__ import annotations

import copy
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from psplan.cli import app
from psplan.errors import PsplanError
from psplan.plan import yamlcompose, yamlsource
from psplan.plan.plans import load_plan, parse_plan, read_document, resolve_plan
from psplan.plan.validate import TOO_MANY, InvalidPlanError, load_valid_plan, validate_document
from psplan.plan.validate import validate_file as validate
from psplan.plan.yamlsource import YamlDocument, load_yaml, read_text
from psplan.views.template import parse_years, template_rows

from conftest import DATA

#: These tests read the library's messages in English (Chinese is the default).
pytestmark = pytest.mark.usefixtures("english")

PLAN = """\
id: p
name: 测试规划
level: city
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [幼有所育]
indicators:
  - {id: a, domain: 幼有所育, name: 托位数, baseline: '1.8', target: '4.5', attribute: 预期性}
"""


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path, **kwargs) -> list[str]:
    return [str(problem) for problem in validate(path, **kwargs)]


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml's parser and with PyYAML's pure-Python one."""
    if request.param == "python":
        monkeypatch.setattr(yamlcompose, "_Loader", yamlcompose._PyLoader)
    return request.param


# 1. Limits: bytes before reading, nodes and depth while composing.


def test_nodes_are_counted_while_composing(loader: str, monkeypatch) -> None:
    # Past the limit, nothing after it is even parsed: the syntax error at the end is not met.
    monkeypatch.setenv("PSPLAN_MAX_PLAN_NODES", "1000")
    text = "a: [" + "1, " * 2000 + "1]\nb: [unclosed\n"
    with pytest.raises(PsplanError) as raised:
        load_yaml(text, "big.yaml")
    assert str(raised.value) == (
        "big.yaml:1:2996: more than 1,000 YAML nodes, over the limit "
        "(set PSPLAN_MAX_PLAN_NODES to raise it)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: [" + "1, " * 2000 + "1]\nb: [unclosed\n",  # over the limit, then broken
        "a: &x [1, 2]\nb: *x\nc: [" + "1, " * 2000 + "1]\n",  # an alias first
        "a: " + "[" * 80 + "1" + "]" * 80 + "\nb: [" + "1, " * 2000 + "1]\n",  # too deep first
        "a: [1, 2\nb: [" + "1, " * 2000 + "1]\n",  # broken first
        "a: {b: [" + "1, " * 900 + "1], c: x}\n",  # within the limit
    ],
)
def test_a_large_text_counted_first_is_refused_as_when_composed(
    loader: str, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """A text over `COUNT_FIRST` has its nodes counted from the parser's events before any
    is built (3,000,000 took 9 s to refuse): the same message at the same node, and what
    the composer refuses first (an alias, a nesting too deep, a syntax error) said by it."""
    monkeypatch.setenv("PSPLAN_MAX_PLAN_NODES", "1000")

    def outcome() -> str:
        try:
            return repr(load_yaml(text, "big.yaml").data)[:80]
        except PsplanError as exc:
            return str(exc)

    composed = outcome()
    monkeypatch.setattr(yamlcompose, "COUNT_FIRST", 0)
    assert outcome() == composed


def test_the_node_limit_allows_a_real_plan_many_times_over(monkeypatch) -> None:
    assert yamlsource.MAX_NODES >= 100 * 7200  # ankang.yaml, the largest bundled plan
    monkeypatch.setenv("PSPLAN_MAX_PLAN_NODES", "4000")
    with pytest.raises(PsplanError, match="more than 4,000 YAML nodes"):
        load_plan(DATA / "ankang.yaml")
    monkeypatch.setenv("PSPLAN_MAX_PLAN_NODES", "7200")
    load_plan(DATA / "ankang.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 100_000 + "]" * 100_000,
        "a: " + "{a: " * 5_000 + "}" * 5_000,
        "a:\n" + "".join(" " * n + "- \n" for n in range(1, 3000)),
    ],
    ids=["brackets", "braces", "blocks"],
)
def test_deep_nesting_is_refused_not_a_recursion_error(loader: str, text: str) -> None:
    with pytest.raises(PsplanError, match="nest"):
        load_yaml(text, "deep.yaml")


def test_depth_limit_and_its_variable(loader: str, monkeypatch) -> None:
    text = "a:\n" + "".join(" " * n + "- \n" for n in range(1, 70))
    with pytest.raises(PsplanError) as raised:
        load_yaml(text, "deep.yaml")
    assert str(raised.value) == (
        "deep.yaml:65:65: YAML nested more than 64 levels deep, over the limit "
        "(set PSPLAN_MAX_PLAN_DEPTH to raise it)"
    )
    monkeypatch.setenv("PSPLAN_MAX_PLAN_DEPTH", "100")
    data = load_yaml(text, "deep.yaml").data["a"]
    for _ in range(68):
        (data,) = data
    assert data == [None]


def test_bytes_are_bounded_before_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as file:
        file.truncate(yamlsource.MAX_BYTES + 1)

    def never(self: Path) -> bytes:
        raise AssertionError("read a file over the limit")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(PsplanError) as raised:
        read_text(path)
    assert str(raised.value) == (
        f"{path}: the file is 20,000,001 bytes, over the limit of 20,000,000 bytes "
        "(set PSPLAN_MAX_PLAN_BYTES to raise it)"
    )


def test_byte_limit_variable(monkeypatch) -> None:
    monkeypatch.setenv("PSPLAN_MAX_PLAN_BYTES", "1000")
    with pytest.raises(PsplanError, match="over the limit of 1,000 bytes"):
        load_plan("national")
    monkeypatch.setenv("PSPLAN_MAX_PLAN_BYTES", "1_000_000")
    assert load_plan("national").plan.id == "national"


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1e6"])
def test_a_bad_limit_variable_is_named(monkeypatch, value: str) -> None:
    monkeypatch.setenv("PSPLAN_MAX_PLAN_NODES", value)
    with pytest.raises(PsplanError) as raised:
        load_plan("national")
    assert str(raised.value) == f"PSPLAN_MAX_PLAN_NODES={value!r}: expected a whole number ≥ 1"


def test_devices_are_not_read() -> None:
    with pytest.raises(PsplanError) as raised:
        read_text(Path("/dev/zero"))
    assert str(raised.value) == "/dev/zero: is a character device, not a regular file; give a file"
    problems = messages(Path("/dev/null"))
    assert problems == [
        "/dev/null: error: is a character device, not a regular file; give a file [read]"
    ]


def test_a_fifo_is_not_opened(tmp_path: Path) -> None:
    import os

    path = tmp_path / "plan.yaml"
    os.mkfifo(path)
    with pytest.raises(PsplanError, match=r"is a pipe \(FIFO\), not a regular file"):
        read_text(path)  # opening it would wait for a writer for ever


def test_names_too_long_for_the_file_system() -> None:
    with pytest.raises(PsplanError, match="no plan file or bundled plan named 'aaa"):
        resolve_plan("a" * 5000)
    problems = validate("a" * 5000 + ".yaml")
    assert problems[0].message == "file name too long"
    assert len(str(problems[0])) < 300


# 2. References to itself.


def test_a_plan_cannot_be_its_own_parent(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN.replace("level: city", "level: city\nparent: p"))
    assert messages(path) == [
        f"{path}:4:9: error: parent: the plan 'p' cannot be its own parent [schema]"
    ]


def test_the_given_parent_cannot_be_the_plan_itself(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN)
    problems = validate(path, load_plan(path))
    assert [(p.code, p.message) for p in problems] == [
        ("parent-is-self", f"the parent plan given ({path}) is this plan 'p' itself")
    ]


# 3. Template years and regions.


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0-40", "--years '0-40': 0 is not a year between 1949 and 2100"),
        ("99999", "--years '99999': 99999 is not a year between 1949 and 2100"),
        ("2021-99999", "--years '2021-99999': 99999 is not a year between 1949 and 2100"),
        ("2000-2040", "--years '2000-2040': more than 20 years; a template covers one plan period"),
        ("2001-2015,2030-2040", "more than 20 years"),
        ("2025-2021", "--years '2025-2021': 2025-2021 ends before it starts"),
        (",", "--years ',': no years given"),
        ("abc", "--years 'abc': expected years like 2021-2025 or 2021,2022"),
        ("9" * 5000, "expected years like 2021-2025"),
    ],
)
def test_template_years_must_be_sensible(text: str, message: str) -> None:
    with pytest.raises(PsplanError) as raised:
        parse_years(text)
    assert message in str(raised.value)
    assert len(str(raised.value)) < 200


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2021-2025", [2021, 2022, 2023, 2024, 2025]),
        ("2021,2023", [2021, 2023]),
        ("2021—2023", [2021, 2022, 2023]),
        ("2021～2022，2025", [2021, 2022, 2025]),
        ("2005-2024", list(range(2005, 2025))),
    ],
)
def test_template_years_that_are_fine(text: str, years: list[int]) -> None:
    assert parse_years(text) == years


def test_template_regions_twice_or_too_many() -> None:
    plan = load_plan("national").plan
    with pytest.raises(PsplanError, match="--regions: '汉台区' is listed twice"):
        template_rows(plan, [2021], ["汉台区", "南郑区", "汉台区"])
    with pytest.raises(PsplanError, match="more than a template's 100,000"):
        template_rows(plan, [2021], [f"区{n}" for n in range(10_000)])


# 4. Years that cannot be.


def test_plan_baseline_year_at_or_after_the_end(tmp_path: Path) -> None:
    for year in (2025, 2030):
        path = write(tmp_path, PLAN.replace("baseline_year: 2020", f"baseline_year: {year}"))
        assert messages(path) == [
            f"{path}:5:16: error: baseline year {year} is not before the period's end 2025 "
            "[baseline-year]"
        ]


def test_plan_baseline_year_checked_without_indicators(tmp_path: Path) -> None:
    text = PLAN.replace("baseline_year: 2020", "baseline_year: 2025").split("indicators:")[0]
    path = write(tmp_path, text + "indicators: []\n")
    assert [p.code for p in validate(path)] == ["baseline-year"]


def test_indicator_baseline_year_at_the_end(tmp_path: Path) -> None:
    path = write(
        tmp_path, PLAN.replace("attribute: 预期性}", "attribute: 预期性, baseline_year: 2025}")
    )
    assert messages(path) == [
        f"{path}:8:101: error: indicator 'a': baseline year 2025 is not before the period's end "
        "2025 [baseline-year]"
    ]


PREVIOUS = """\
previous_plan:
  name: 十三五
  period: {start: 2016, end: 2020}
  indicators:
    - {id: q, name: 入园率, baseline: '75', baseline_year: 2015, target: '85', actual: '88', actual_year: 2020}
"""


def test_previous_plan_years(tmp_path: Path) -> None:
    assert validate(write(tmp_path, PLAN + PREVIOUS)) == []
    path = write(tmp_path, PLAN + PREVIOUS.replace("baseline_year: 2015", "baseline_year: 2020"))
    assert [p.message for p in validate(path)] == [
        "previous-plan row 'q': baseline year 2020 is not before the previous period's end 2020",
        "previous-plan row 'q': actual year 2020 is not after the baseline year 2020",
    ]
    path = write(tmp_path, PLAN + PREVIOUS.replace("actual_year: 2020", "actual_year: 2015"))
    assert [p.code for p in validate(path)] == ["actual-year"]
    path = write(tmp_path, PLAN + PREVIOUS.replace("end: 2020}", "end: 2022}"))
    [problem] = validate(path)
    assert (problem.level, problem.code) == ("warning", "previous-period")
    assert problem.message == (
        "previous_plan period ends in 2022, not before this plan's period starts (2021)"
    )


def test_judging_refuses_a_baseline_year_at_the_end(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN + PREVIOUS.replace("baseline_year: 2015", "baseline_year: 2020"))
    with pytest.raises(InvalidPlanError, match="baseline year 2020 is not before"):
        load_valid_plan(path)


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            "{start: 1949, end: 2100}",
            "period 1949–2100 spans 152 years; a plan's period is at most 20",
        ),
        ("{start: 1949, end: 2200}", "period.end: Input should be less than or equal to 2100"),
        ("{start: 1900, end: 1905}", "period.start: Input should be greater than or equal to 1949"),
    ],
)
def test_absurd_periods(tmp_path: Path, period: str, message: str) -> None:
    path = write(tmp_path, PLAN.replace("{start: 2021, end: 2025}", period))
    assert message in validate(path)[0].message


def test_a_long_range_plan_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN.replace("end: 2025", "end: 2035"))
    assert validate(path) == []


@pytest.mark.parametrize("year", ["99999", "-1", "0", "9" * 5000])
def test_impossible_baseline_years_are_schema_errors(tmp_path: Path, year: str) -> None:
    path = write(tmp_path, PLAN.replace("baseline_year: 2020", f"baseline_year: {year}"))
    problems = validate(path)
    assert [(p.code, p.location.line) for p in problems] == [("schema", 5)]
    assert len(problems[0].message) < 300


# 5. Many problems: collected in linear time, and collection can stop.


def _many_problems(count: int) -> YamlDocument:
    data = yaml.safe_load(PLAN)
    data["indicators"] = [1] * count
    return YamlDocument(data=data, file="many.yaml")


@pytest.mark.slow
def test_a_hundred_thousand_problems_are_collected_in_linear_time() -> None:
    """A guard against quadratic collecting (10^10 steps at this size), not a benchmark: the
    bound is ten times what it takes."""
    document = _many_problems(100_000)
    started = time.perf_counter()
    problems = validate_document(document)
    assert len(problems) == 100_000
    assert time.perf_counter() - started < 20


@pytest.mark.slow
def test_max_problems_stops_collecting() -> None:
    problems = validate_document(_many_problems(300_000), max_problems=100)
    assert len(problems) == 101
    assert problems[-1].code == TOO_MANY
    assert problems[-1].message == "stopped after 100 problems; there are more (fix these first)"
    assert (
        problems[0].message
        == "indicators.0: Input should be a valid dictionary or instance of Indicator"
    )


def test_max_problems_counts_the_semantic_checks_too(tmp_path: Path) -> None:
    rows = "".join(
        f"  - {{id: x, domain: 无, name: n{n}, target: '1', attribute: 约束性}}\n"
        for n in range(50)
    )
    path = write(tmp_path, PLAN + rows)
    everything = validate(path)
    assert len(everything) == 99  # 49 duplicate ids, 50 unknown domains
    assert validate(path, max_problems=99) == everything
    first = validate(path, max_problems=10)
    assert first[:10] == everything[:10] and first[-1].code == TOO_MANY


def test_judging_collects_at_most_a_thousand_problems() -> None:
    document = _many_problems(5000)
    assert len(validate_document(document, max_problems=1000)) == 1001


# 6. YAML 1.1 surprises, values too long to quote, characters YAML refuses.


def test_yaml_1_1_surprises_stay_the_text_written(loader: str) -> None:
    text = (
        "a: 1:30\nb: 010\nc: yes\nd: .nan\ne: 1.0e+400\nf: 0x1A\ng: true\nh: 12\ni: 1.5\n"
        "j: ~\nk: 2021-01-01\nl: -.inf\nm: 0b101\nn: 190:20:30.15\no: 1_000\np: off\n"
        "on: 1\n"
    )
    assert load_yaml(text, "x.yaml").data == {
        "a": "1:30",
        "b": "010",
        "c": "yes",
        "d": ".nan",
        "e": "1.0e+400",
        "f": "0x1A",
        "g": True,
        "h": 12,
        "i": 1.5,
        "j": None,
        "k": "2021-01-01",
        "l": "-.inf",
        "m": "0b101",
        "n": "190:20:30.15",
        "o": 1000,
        "p": "off",
        "on": 1,
    }


def test_an_integer_too_long_for_python_stays_text(loader: str) -> None:
    data = load_yaml("a: " + "9" * 5000 + "\nb: " + "9" * 4000, "x.yaml").data
    assert data["a"] == "9" * 5000
    assert data["b"] == int("9" * 4000)


def test_a_sexagesimal_target_is_not_read_as_90(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN.replace("target: '4.5'", "target: 1:30"))
    [problem] = validate(path)
    assert "cannot read '1:30' as a target" in problem.message


@pytest.mark.parametrize(
    ("character", "name"),
    [("\x1b", "U+001B"), ("\x07", "U+0007"), ("\x7f", "U+007F"), ("\ud800", "U+D800")],
)
def test_characters_yaml_refuses_are_located(loader: str, character: str, name: str) -> None:
    with pytest.raises(PsplanError) as raised:
        load_yaml(f"id: p\nname: 测试{character}规划\n", "x.yaml")
    assert str(raised.value) == (
        f"x.yaml:2:9: contains the character {name}, which YAML does not allow; remove it"
    )


@pytest.mark.parametrize(
    "text",
    [
        PLAN.replace("attribute: 预期性", "attribute: " + "约" * 100_000),
        PLAN.replace("target: '4.5'", "target: '" + "x" * 100_000 + "'"),
        PLAN + "? " + "k" * 100_000 + "\n: 1\n",
        PLAN.replace(
            "domains: [幼有所育]", "domains: [" + "域" * 100_000 + ", " + "域" * 100_000 + "]"
        ),
        PLAN.replace("domain: 幼有所育", "domain: " + "域" * 100_000),
        PLAN + ("? " + "k" * 100_000 + "\n: 1\n") * 2,
    ],
    ids=["attribute", "target", "key", "domain-twice", "unknown-domain", "duplicate-key"],
)
def test_long_values_are_quoted_short(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    problems = validate(path)
    assert problems
    assert all(len(problem.message) <= 300 for problem in problems), problems
    try:
        parse_plan(read_document(path))
    except PsplanError as exc:
        assert len(str(exc)) < 500


def test_pure_python_and_libyaml_agree(monkeypatch) -> None:
    texts = [
        (DATA / f"{name}.yaml").read_text(encoding="utf-8") for name in ("national", "hanzhong")
    ]
    fast = [load_yaml(text, "x.yaml") for text in texts]
    monkeypatch.setattr(yamlcompose, "_Loader", yamlcompose._PyLoader)
    slow = [load_yaml(text, "x.yaml") for text in texts]
    for one, other in zip(fast, slow, strict=True):
        assert one.data == other.data
        assert one.positions == other.positions


# A small fuzz: plan documents with keys of wrong types, huge numbers and odd text in every
# position, through `validate` and `show` in-process.

BASE: dict = yaml.safe_load(PLAN)
BASE["source"] = {"file": "a.txt", "line": 3}
BASE["catalogue"] = [{"id": "c", "domain": "幼有所育", "name": "接种", "maps_to": ["x"]}]
BASE["previous_plan"] = yaml.safe_load(PREVIOUS)["previous_plan"]


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


PATHS = _paths(BASE)
ODD = st.sampled_from(
    ["", "\u200b", "\ufeff", "\u202e", "💥", "a\u0301", "\u2028", "１２３", "٣", "NaN", "1e309",
     "9" * 5000, "x" * 20_000, "[1]", "【】", ">>", "yes", "1:30", "010", "p"]
)  # fmt: skip
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(),
    ODD,
    st.text(max_size=20),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    st.just([[[[]]]]),
)
KEYS = st.one_of(st.integers(), st.text(max_size=6), st.sampled_from(["on", "010", "id", "1:2"]))


@st.composite
def hostile_plans(draw: st.DrawFn) -> str:
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        try:
            parent = document
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["set", "set", "add", "drop"]))
            if not path:
                document = draw(VALUES)
            elif action == "set":
                parent[path[-1]] = draw(VALUES)
            elif action == "drop":
                del parent[path[-1]]
            elif isinstance(parent[path[-1]], dict):
                parent[path[-1]][draw(KEYS)] = draw(VALUES)
        except (KeyError, IndexError, TypeError):
            pass
    flow = draw(st.booleans())
    return yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow, width=10**9)


@settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile_plans())
def test_hostile_plan_documents_never_fail_inside(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    runner = CliRunner()
    for args in (["validate", str(path)], ["show", str(path), "--format", "json"]):
        result = runner.invoke(app, args, catch_exceptions=True)
        if not isinstance(result.exception, SystemExit):
            assert result.exception is None, (args, text[:500])
        assert result.exit_code in (0, 2), (args, result.stdout[-500:], result.stderr[-500:])
        lines = (result.stdout + result.stderr).splitlines() if result.exit_code == 2 else []
        assert all(len(line) < 1000 for line in lines if "error" in line)
