"""psplan's plain reading of option values (`psplan.cli.coercion`) against typer's own.

Every option and argument of every command, `--help` among them, is read here both ways — the
plain reading psplan gives it and the pydantic `TypeAdapter` typer would build — over the
values a user types (good and bad numbers, choices in any case, paths that exist or not, a
file where a folder is wanted) and over each default: the same value of the same type, or the
same refusal in the same words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, ROOT

typer_coercion = pytest.importorskip("typer._coercion")  # typer 0.29 on reads by pydantic

from psplan.cli import coercion, make_app  # noqa: E402

#: What a user types, whatever the option's type: the readings must agree on each.
TYPED = (
    "5", "-3", "007", "+5", " 5", "5 ", "5_0", "1e3", "2.5", "٣", "", " ", "x", "-",
    "zh", "ZH", "En", "json", "Json", "html", "xlsx", "docx", "final", "weekly", "true",
    str(DATA / "ankang.yaml"), "ankang", "no/such/file.csv", str(ROOT), "a\udcffb",
)  # fmt: skip


def _commands() -> list[Any]:
    import typer

    group = typer.main.get_command(make_app())
    return [group, *group.commands.values()]  # type: ignore[attr-defined]


def _params() -> list[tuple[str, Any, Any]]:
    found = []
    for command in _commands():
        ctx = command.make_context(command.name, [], resilient_parsing=True)
        for param in command.get_params(ctx):
            found.append((f"{command.name} {param.name}", param, ctx))
    return found


PARAMS = _params()


def _read(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return "value", _as_compared(runtime.coerce(value, param=param, ctx=ctx))
    except Exception as exc:  # the refusal, in its words
        return type(exc).__name__, getattr(exc, "message", str(exc))


def _as_compared(value: Any) -> Any:
    if isinstance(value, list):
        return ("list", [_as_compared(item) for item in value])
    return (type(value), value)


@pytest.mark.parametrize(("name", "param", "ctx"), PARAMS, ids=[p[0] for p in PARAMS])
def test_a_plain_reading_gives_what_typers_own_gives(name: str, param: Any, ctx: Any) -> None:
    """The plain reading alone, where it reads a value, reads typer's value; where it does
    not, the parameter's reading (then typer's) gives typer's value or typer's refusal."""
    plain = param.get_runtime_param()
    typers = typer_coercion.build_runtime_param(param.type_descriptor)
    defaults = [param.default] if param.default is not None else []
    values: list[Any] = [*TYPED, *defaults, True, False, None]
    many = param.multiple or param.nargs == -1
    if many:
        values += [list(TYPED[:3]), [str(DATA / "ankang.yaml"), "no/such.csv"], ("5",)]
    read_plainly = 0
    for value in values:
        expected = _read(typers, value, param, ctx)
        if value is not None and not (many and isinstance(value, str)):  # (refused before)
            try:
                alone = "value", _as_compared(plain.reader(value, param, ctx))
            except Exception:  # not read plainly: typer's reading is asked
                pass
            else:
                assert alone == expected, (name, value)
                read_plainly += 1
        assert _read(plain, value, param, ctx) == expected, (name, value)
    assert read_plainly > 0, name  # some value of each type is read without typer's


def test_what_a_user_types_is_read_without_typers_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check with the options users give, in the forms they give them (a choice in
    capitals, a year, a bound), is read with no TypeAdapter made: no fallback at all."""
    from conftest import EXAMPLES, run_psplan

    asked: list[Any] = []
    typers = coercion.build_runtime_param
    monkeypatch.setattr(coercion, "build_runtime_param", lambda d: asked.append(d) or typers(d))
    out = tmp_path / "out.json"
    ran = run_psplan(
        "--lang", "EN", "check", "national", str(EXAMPLES / "national-2023.csv"),
        "--format", "json", "--year", "2023", "--stage", "final", "--max-problems", "3",
        "--reference-region", "全国", "--allow-outside-period", "-o", str(out),
    )  # fmt: skip
    assert ran.returncode in (0, 1), ran.stderr
    assert out.stat().st_size > 0
    assert asked == []
    ran = run_psplan("check", "national", str(EXAMPLES / "national-2023.csv"), "--year", "20x")
    assert ran.returncode == 2
    assert [d.annotation for d in asked] == [int]  # the refusal is typer's


def test_every_option_of_every_command_is_read_plainly() -> None:
    """No option of psplan's builds a TypeAdapter when it is read: the point of the module.
    A new option of a type not read plainly fails here, to be added to `plain_reader` (or
    left to typer, knowingly, by changing this test)."""
    left = [name for name, param, _ in PARAMS
            if not isinstance(param.get_runtime_param(), coercion.PlainRuntimeParam)]  # fmt: skip
    assert left == []
    assert len(PARAMS) > 12 * 5  # every command's options, not a few


def test_an_unreadable_file_is_refused_in_typers_words(tmp_path: Path) -> None:
    """A path that exists but cannot be read goes to typer's reading, which refuses it."""
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    secret = tmp_path / "secret.csv"
    secret.write_text("x")
    secret.chmod(0)
    _, param, ctx = next(p for p in PARAMS if p[0] == "check actuals")
    plain = param.get_runtime_param()
    typers = typer_coercion.build_runtime_param(param.type_descriptor)
    assert _read(plain, [str(secret)], param, ctx) == _read(typers, [str(secret)], param, ctx)


def test_a_typer_without_these_internals_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a typer that reads options with click alone (before 0.29: no `typer._coercion`),
    the module loads and changes nothing."""
    import importlib.util
    import sys

    monkeypatch.setitem(sys.modules, "typer._coercion", None)  # (import fails)
    spec = importlib.util.spec_from_file_location("old_typer_coercion", coercion.__file__)
    assert spec is not None and spec.loader is not None
    fresh = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, fresh)  # (as an import has it, for dataclass)
    spec.loader.exec_module(fresh)
    _, param, _ = next(p for p in PARAMS if p[0] == "check year")

    class Untouched:
        type_descriptor = param.type_descriptor
        _runtime_param = None

    untouched = Untouched()
    fresh.read_plainly(untouched)
    assert untouched._runtime_param is None
