"""The cache of composed plan documents (psplan.plan.cache): a repeated load of an unchanged
plan skips YAML composition, gives exactly what composing gives, and never changes what a
load reports: errors, warnings and locations all come from the real loader and validator."""

from __future__ import annotations

import marshal
import os
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import psplan
from psplan.errors import PsplanError
from psplan.plan import cache, plans, yamlcompose, yamlsource
from psplan.plan.plans import load_plan, parse_plan, read_document

from conftest import DATA, PLANS, run_psplan

WARNED = """\
id: p
name: 测试规划
level: city
period: {start: 2021, end: 2025}
baseline_year: 2020
domains: [幼有所育]
indicators:
  - {id: a, domain: 幼有所育, name: 托位数, baseline: '1.8', target: '累计降低10%', attribute: 预期性}
  - {id: b, domain: 幼有所育, name: 托育率, baseline: '1.8', target: '4.5', attribute: 预期性, x: 1}
"""


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its cache in a folder of its own, never in ~/.cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PSPLAN_CACHE_DIR", str(folder))
    monkeypatch.delenv("PSPLAN_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The files composed from their YAML (not found in the cache), in order."""
    calls: list[str] = []
    real = plans.load_yaml

    def counting(text: str, file: str) -> yamlsource.YamlDocument:
        calls.append(file)
        return real(text, file)

    monkeypatch.setattr(plans, "load_yaml", counting)
    yield calls


def entries(folder: Path) -> list[Path]:
    plans_folder = folder / cache.FOLDER
    return sorted(plans_folder.glob(f"*{cache.SUFFIX}")) if plans_folder.is_dir() else []


def copy_plan(tmp_path: Path, name: str = "ankang") -> Path:
    path = tmp_path / f"{name}.yaml"
    shutil.copyfile(DATA / f"{name}.yaml", path)
    return path


# --- the same plan, composed or cached --------------------------------------------------------


@pytest.mark.parametrize("name", PLANS)
def test_a_cached_load_equals_a_composed_one(
    name: str, composed: list[str], cache_folder: Path
) -> None:
    path = DATA / f"{name}.yaml"
    cold = read_document(path)
    assert composed == [str(path)] and len(entries(cache_folder)) == 1
    warm = read_document(path)
    assert composed == [str(path)]  # the second load was not composed
    assert warm.data == cold.data and warm.positions == cold.positions
    assert warm.file == cold.file == str(path)
    assert parse_plan(warm) == parse_plan(cold)
    assert parse_plan(warm).model_dump() == parse_plan(cold).model_dump()


@pytest.mark.parametrize("name", PLANS)
def test_the_api_loads_the_same_plan_with_and_without_the_cache(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold, warm = psplan.load_plan(name), psplan.load_plan(name)
    monkeypatch.setenv("PSPLAN_NO_CACHE", "1")
    uncached = psplan.load_plan(name)
    assert cold == warm == uncached
    assert warm.model_dump(mode="json") == uncached.model_dump(mode="json")


def test_check_prints_the_same_with_a_warm_cache(cache_folder: Path) -> None:
    args = ("check", "national", "examples/national-2023.csv", "-f", "json", "--lang", "en")
    cold = run_psplan(*args)
    assert entries(cache_folder)
    warm = run_psplan(*args)
    assert (warm.returncode, warm.stdout, warm.stderr) == (
        cold.returncode,
        cold.stdout,
        cold.stderr,
    )


def test_a_changed_byte_misses_the_cache(tmp_path: Path, composed: list[str]) -> None:
    path = copy_plan(tmp_path, "national")
    before = load_plan(path).plan
    text = path.read_bytes()
    at = text.index(b"\nid: national") + len(b"\nid: ")
    path.write_bytes(text[:at] + b"N" + text[at + 1 :])  # one byte: national → National
    after = load_plan(path).plan
    assert composed == [str(path), str(path)]
    assert (before.id, after.id) == ("national", "National")
    assert after.model_dump() == {**before.model_dump(), "id": "National"}


def test_the_same_text_elsewhere_is_found_and_placed_at_its_own_file(
    tmp_path: Path, composed: list[str]
) -> None:
    first = copy_plan(tmp_path)
    (tmp_path / "other").mkdir()
    second = shutil.copyfile(first, tmp_path / "other" / "plan.yaml")
    read_document(first)
    document = read_document(Path(second))
    assert composed == [str(first)]
    assert document.file == str(second)
    assert document.locate(("indicators", 3, "target")).file == str(second)


# --- errors and warnings come from the real loader --------------------------------------------


def test_warnings_and_errors_are_the_same_on_a_cached_load(
    tmp_path: Path, cache_folder: Path, composed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(WARNED, encoding="utf-8")

    def problems() -> list[tuple[str, str, str]]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            found = [(p.level, p.code, str(p)) for p in psplan.validate(path)]
        assert caught == []  # loading a plan warns through its problems, not Python warnings
        return found

    first, second = problems(), problems()
    assert len(composed) == 1 and entries(cache_folder)  # composed once, then cached
    monkeypatch.setenv("PSPLAN_NO_CACHE", "1")
    uncached = problems()
    assert first == second == uncached
    assert {level for level, _, _ in first} == {"warning", "error"}
    with pytest.raises(PsplanError) as cold:
        psplan.load_plan(path)
    monkeypatch.delenv("PSPLAN_NO_CACHE")
    with pytest.raises(PsplanError) as warm:
        psplan.load_plan(path)
    assert str(warm.value) == str(cold.value)
    assert [str(p) for p in warm.value.problems] == [str(p) for p in cold.value.problems]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("a: 1\na: 2\n", "a.yaml:2:1"),  # a duplicate key: composing fails
        ("- 1\n- 2\n", "a.yaml:1:1"),  # a list, not a mapping: composed, then refused
        ("a: [1\n", "a.yaml:2:1"),  # a syntax error
    ],
)
def test_a_failing_load_is_never_cached(
    tmp_path: Path, cache_folder: Path, composed: list[str], text: str, error: str
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(PsplanError) as raised:
            read_document(path)
        messages.append(str(raised.value))
    assert messages[0] == messages[1] and error in messages[0]
    assert len(composed) == 2 and entries(cache_folder) == []


def test_a_tighter_limit_is_not_escaped_by_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_plan(tmp_path, "national")
    read_document(path)
    read_document(path)  # cached under the default limits
    monkeypatch.setenv("PSPLAN_MAX_PLAN_NODES", "100")
    with pytest.raises(PsplanError, match="PSPLAN_MAX_PLAN_NODES"):
        read_document(path)
    monkeypatch.setenv("PSPLAN_MAX_PLAN_NODES", "lots")
    with pytest.raises(PsplanError, match="PSPLAN_MAX_PLAN_NODES"):
        read_document(path)


def test_each_parser_has_its_own_entries(
    tmp_path: Path, composed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that run PyYAML's pure-Python parser are not answered by libyaml's entries."""
    path = copy_plan(tmp_path, "national")
    fast = read_document(path)
    monkeypatch.setattr(yamlcompose, "_Loader", yamlcompose._PyLoader)
    slow = read_document(path)
    assert len(composed) == 2 and slow.data == fast.data and slow.positions == fast.positions


# --- a cache that cannot help never hurts -----------------------------------------------------


def _only_entry(folder: Path) -> Path:
    (entry,) = entries(folder)
    return entry


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: b"not marshal at all" * 10, id="garbage"),
        pytest.param(lambda raw: raw[:-10] + bytes([raw[-10] ^ 1]) + raw[-9:], id="one-bit"),
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_replaced(
    damage, tmp_path: Path, cache_folder: Path, composed: list[str]
) -> None:
    path = copy_plan(tmp_path, "suzhou")
    expected = read_document(path)
    entry = _only_entry(cache_folder)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    document = read_document(path)
    assert (document.data, document.positions) == (expected.data, expected.positions)
    assert len(composed) == 2
    assert entry.read_bytes() == good  # replaced by a whole one
    read_document(path)
    assert len(composed) == 2


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(("another-key", ({"id": "x"}, {})), id="another key"),
        pytest.param(None, id="not a pair"),
        pytest.param(("KEY", ["data", "positions"]), id="another shape"),
        pytest.param(("KEY", ([1], {})), id="not a mapping"),
    ],
)
def test_a_foreign_entry_is_a_miss(
    value, tmp_path: Path, cache_folder: Path, composed: list[str]
) -> None:
    """An entry written by another version of psplan, or of something else, with a valid
    checksum: still not taken for the document."""
    import hashlib

    path = copy_plan(tmp_path, "suzhou")
    expected = read_document(path)
    entry = _only_entry(cache_folder)
    key = entry.name.removesuffix(cache.SUFFIX)
    if isinstance(value, tuple) and value[0] == "KEY":
        value = (key, value[1])
    body = marshal.dumps(value)
    entry.write_bytes(hashlib.blake2b(body, digest_size=16).digest() + body)
    document = read_document(path)
    assert document.data == expected.data and len(composed) == 2


def test_an_unusable_folder_loads_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, composed: list[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PSPLAN_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    path = copy_plan(tmp_path, "national")
    assert read_document(path).data == read_document(path).data
    assert len(composed) == 2


def test_a_failing_write_leaves_nothing_behind(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(cache.os, "replace", refuse)
    path = copy_plan(tmp_path, "national")
    assert load_plan(path).plan == load_plan(path).plan
    assert list((cache_folder / cache.FOLDER).iterdir()) == []  # no entry, no temporary file


def test_an_unreadable_entry_loads_as_before(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_plan(tmp_path, "national")
    expected = read_document(path)
    real = Path.read_bytes

    def unreadable(self: Path) -> bytes:
        if self.suffix == cache.SUFFIX:
            raise PermissionError("no")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    assert read_document(path).data == expected.data


@pytest.mark.parametrize("value", ["1", "yes", "true"])
def test_psplan_no_cache_turns_it_off(
    value: str, tmp_path: Path, cache_folder: Path, composed: list[str], monkeypatch
) -> None:
    monkeypatch.setenv("PSPLAN_NO_CACHE", value)
    path = copy_plan(tmp_path, "national")
    read_document(path)
    read_document(path)
    assert len(composed) == 2 and not cache_folder.exists()


def test_where_the_cache_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSPLAN_CACHE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "mine" / cache.FOLDER
    monkeypatch.delenv("PSPLAN_CACHE_DIR")
    assert cache.cache_dir() == tmp_path / "xdg" / "psplan" / cache.FOLDER
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "psplan" / cache.FOLDER
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "psplan" / cache.FOLDER
    monkeypatch.setenv("PSPLAN_NO_CACHE", "0")
    assert cache.cache_dir() is not None
    monkeypatch.setenv("PSPLAN_NO_CACHE", "1")
    assert cache.cache_dir() is None


def test_the_key_follows_the_text_the_context_and_the_code(monkeypatch) -> None:
    key = cache.entry_key("a: 1\n", ("plan-document", 10, 5, "L"))
    assert key == cache.entry_key("a: 1\n", ("plan-document", 10, 5, "L"))
    assert key != cache.entry_key("a: 2\n", ("plan-document", 10, 5, "L"))
    assert key != cache.entry_key("a: 1\n", ("plan-document", 11, 5, "L"))
    monkeypatch.setattr(psplan, "__version__", "0.0.0-other")
    cache.code_tag.cache_clear()
    try:
        assert key != cache.entry_key("a: 1\n", ("plan-document", 10, 5, "L"))
    finally:
        monkeypatch.undo()
        cache.code_tag.cache_clear()
    assert key == cache.entry_key("a: 1\n", ("plan-document", 10, 5, "L"))


# --- bounded, and written whole ---------------------------------------------------------------


def test_the_cache_keeps_the_most_recently_used_entries(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    folder = cache_folder / cache.FOLDER
    keys = [cache.entry_key(f"n: {n}\n") for n in range(5)]
    for age, key in enumerate(keys[:3]):
        cache.put(key, {"n": age})
        past = time.time() - 1000 + age  # written in this order, long ago
        os.utime(folder / f"{key}{cache.SUFFIX}", (past, past))
    assert cache.get(keys[0]) == {"n": 0}  # used now: the most recent
    stale = folder / ".left-by-a-dead-writer.tmp"
    stale.write_bytes(b"partial")
    os.utime(stale, (0, 0))
    cache.put(keys[3], {"n": 3})
    cache.put(keys[4], {"n": 4})
    kept = {path.name.removesuffix(cache.SUFFIX) for path in entries(cache_folder)}
    assert kept == {keys[0], keys[3], keys[4]}
    assert not stale.exists()
    assert [p for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_value_marshal_cannot_write_is_not_cached(cache_folder: Path) -> None:
    cache.put("k", {"x": object()})
    assert cache.get("k") is None and entries(cache_folder) == []


def test_the_cache_folder_and_entries_are_private(tmp_path: Path, cache_folder: Path) -> None:
    read_document(copy_plan(tmp_path, "national"))
    folder = cache_folder / cache.FOLDER
    assert folder.stat().st_mode & 0o777 == 0o700
    assert _only_entry(cache_folder).stat().st_mode & 0o777 == 0o600


# ------------------------------------------------------------------ the validated plan


def test_a_validated_plan_is_read_back_not_validated_again(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan that validated (schema and the checks beyond it, against its bundled parent)
    is kept: loading it again for judging reads it back, equal, and validates nothing."""
    from psplan.plan import validate

    first = validate.load_valid_plan("ankang").plan
    assert any(path.name.endswith(cache.SUFFIX) and "-valid-" in path.name
               for path in entries(cache_folder))  # fmt: skip

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(validate, "_validate", refused)
    again = validate.load_valid_plan("ankang")
    assert again.plan == first and again.plan is not first
    assert again.file.endswith("ankang.yaml")  # its document, for locations
    assert again.plan.indicators[0].target == first.indicators[0].target


def test_a_validated_plan_follows_its_bundled_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks compare a plan with its bundled parent (maps_to): a changed parent file
    is another entry, so a plan is validated again against it."""
    parents = tmp_path / "data"
    parents.mkdir()
    shutil.copy(DATA / "national.yaml", parents / "national.yaml")
    monkeypatch.setattr(plans, "bundled_dir", lambda: parents)
    document, key = plans.read_keyed_document(DATA / "ankang.yaml")
    before = plans.valid_plan_key(document, key)
    with (parents / "national.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a comment\n")
    after = plans.valid_plan_key(document, key)
    assert before and after and before != after
    (parents / "national.yaml").unlink()  # no such parent bundled: no parent checks
    assert plans.valid_plan_key(document, key) == f"{key}-valid"


def test_an_invalid_plan_is_never_kept_validated(tmp_path: Path, cache_folder: Path) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text(WARNED.replace("baseline_year: 2020", "baseline_year: 2030"), encoding="utf-8")
    from psplan.plan.validate import load_valid_plan

    for _ in range(2):  # the same errors both times, found by validating
        with pytest.raises(PsplanError):
            load_valid_plan(plan)
    assert not any("-valid" in path.name for path in entries(cache_folder))


def test_an_entry_that_would_make_anything_but_a_plan_is_a_miss(cache_folder: Path) -> None:
    """The validated plan is pickled: the unpickler makes only the plan package's classes,
    so an entry written to run code (here: os.system) is refused, and nothing runs."""
    import pickle

    class Evil:
        def __reduce__(self):
            return (os.system, ("touch " + str(cache_folder / "ran"),))

    cache.put("k", (cache._pydantic(), pickle.dumps(Evil())))
    assert cache.get("k") is not None  # stored as any entry
    from psplan.plan.model import Plan

    assert cache.get_object("k", Plan) is None
    assert not (cache_folder / "ran").exists()
