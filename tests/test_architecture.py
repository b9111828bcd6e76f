"""The architecture, checked on the source: data flows one way, and commands do not know formats.

psplan is a pipeline: plan → actuals → assess → comparison → views → formats → api → cli. A
module may import its own stage and earlier ones, never a later one (a view that imported a
format would be a report that knows how it is printed). The modules at the package's top level
(errors, limits, output, progress) and the catalogue of words are shared by every stage and
import none, but for the entry points: `python -m psplan` runs the command line, and the
package's `__init__` offers the library's api (lazily, so importing psplan stays cheap). Formats
see of the views only what every format renders: the model of a view and its numbers.

And every format renders any view: no command and no view asks which format it is writing
(a comparison with "csv", "xlsx"… in them would be a format special-cased outside formats/).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "psplan"
#: The stages of the pipeline, in the order data flows through them.
STAGES = {
    "plan": 1,
    "actuals": 2,
    "assess": 3,
    "comparison": 4,
    "views": 5,
    "formats": 6,
    "api": 7,
    "cli": 8,
}
#: What a shared module (rank 0) may import all the same: module → the stage, and whether it
#: must import it lazily (in a function, or for type checkers only), never when it loads.
ENTRY_POINTS = {
    "psplan.__main__": ("cli", False),
    "psplan.entry": ("cli", True),
    "psplan": ("api", True),
}
#: The only modules of views/ a format may import.
VIEWS_FOR_FORMATS = frozenset({"psplan.views.model", "psplan.views.numbers"})
#: The names of the formats (psplan.formats.FORMATS).
FORMAT_NAMES = frozenset({"table", "markdown", "json", "csv", "html", "xlsx", "github", "text"})
#: The command modules: each builds views and writes them in the format chosen.
COMMANDS = ("plans", "judge", "trend", "compare", "periods")


def module_name(path: Path) -> str:
    parts = ["psplan", *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def rank(name: str) -> int:
    """The stage a module of psplan belongs to; 0 for the shared ones."""
    parts = name.split(".")
    return STAGES.get(parts[1], 0) if len(parts) > 1 else 0


def stage(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else "shared"


def imports(name: str) -> Iterator[tuple[str, int, bool]]:
    path = MODULES[name]
    return imports_in(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")


def imports_in(source: str, name: str, package: bool = False) -> Iterator[tuple[str, int, bool]]:
    """Every psplan module the module `name` imports: (module, line, whether lazily), at any
    depth. Lazily is inside a function or under `if TYPE_CHECKING:` (never when the module
    loads). `from psplan.x import y` imports psplan.x.y when that is a module, else psplan.x;
    relative imports are resolved; `import_module("psplan.x")` with a literal name counts."""
    tree = ast.parse(source)
    lazy: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            lazy.update(id(inner) for inner in ast.walk(node) if inner is not node)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            lazy.update(id(inner) for body in node.body for inner in ast.walk(body))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name.split(".") if package else name.split(".")[:-1]
                anchor = here[: len(here) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        elif (
            isinstance(node, ast.Call)
            and ast.unparse(node.func).split(".")[-1] in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            targets = [node.args[0].value]
        else:
            continue
        for target in targets:
            if target == "psplan" or target.startswith("psplan."):
                yield target, node.lineno, id(node) in lazy


def test_the_modules_are_found() -> None:
    assert {"psplan", "psplan.__main__", "psplan.api", "psplan.views.template"} <= set(MODULES)
    assert {stage(name) for name in MODULES} == {*STAGES, "shared"}
    found = {target for name in MODULES for target, _, _ in imports(name)}
    assert {"psplan.views.model", "psplan.formats", "psplan.words", "psplan.api"} <= found
    assert found <= set(MODULES) | {"psplan"}, found - set(MODULES)


def wrong_imports(name: str, found: Iterator[tuple[str, int, bool]]) -> list[str]:
    """The imports of module `name` that go against the pipeline."""
    wrong = []
    for target, line, lazy in found:
        where = f"{name}:{line} imports {target}"
        if rank(name) == 0:
            allowed, must_be_lazy = ENTRY_POINTS.get(name, (None, False))
            if rank(target) and (stage(target) != allowed or (must_be_lazy and not lazy)):
                wrong.append(f"{where}: a shared module imports no stage")
        elif rank(target) > rank(name):
            wrong.append(f"{where}: {stage(name)} comes before {stage(target)}")
        if (
            stage(name) == "formats"
            and stage(target) == "views"
            and target not in VIEWS_FOR_FORMATS
        ):
            wrong.append(f"{where}: a format sees only {sorted(VIEWS_FOR_FORMATS)}")
    return wrong


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_follow_the_pipeline(name: str) -> None:
    assert wrong_imports(name, imports(name)) == []


def format_literals(node: ast.expr) -> Iterator[str]:
    """The format names written as literals on one side of a comparison (alone, or in a
    tuple, list or set of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value in FORMAT_NAMES:
            yield node.value
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for element in node.elts:
            yield from format_literals(element)


NO_FORMAT_CHOICES = sorted(
    name
    for name in MODULES
    if name in {f"psplan.cli.{command}" for command in COMMANDS} or stage(name) == "views"
)


def format_comparisons(source: str) -> list[tuple[int, str]]:
    """Each comparison with a format name in a module: (line, the name)."""
    return [
        (node.lineno, literal)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Compare)
        for side in (node.left, *node.comparators)
        for literal in format_literals(side)
    ]


@pytest.mark.parametrize("name", NO_FORMAT_CHOICES)
def test_commands_and_views_do_not_ask_for_a_format(name: str) -> None:
    assert format_comparisons(MODULES[name].read_text(encoding="utf-8")) == []


def test_the_checks_catch_what_they_are_for() -> None:
    """A view importing a format inside a function, relatively too; a format importing a
    view other than the model; a shared module importing a stage; the package's `__init__`
    importing the api when it loads; a format name compared alone or in a tuple."""
    view = "def f():\n    from psplan.formats import render\n    from ..formats import csv\n"
    assert list(imports_in(view, "psplan.views.fake")) == [
        ("psplan.formats", 2, True),
        ("psplan.formats.csv", 3, True),
    ]
    assert len(wrong_imports("psplan.views.fake", imports_in(view, "psplan.views.fake"))) == 2
    fmt = "from psplan.views.template import template_view\nfrom psplan.views import model\n"
    assert wrong_imports("psplan.formats.fake", imports_in(fmt, "psplan.formats.fake")) == [
        "psplan.formats.fake:1 imports psplan.views.template: a format sees only "
        "['psplan.views.model', 'psplan.views.numbers']"
    ]
    assert wrong_imports("psplan.errors", imports_in("import psplan.plan.model\n", "")) != []
    eager = imports_in("from psplan import api\n", "psplan", package=True)
    assert wrong_imports("psplan", eager) != []
    lazy = imports_in("def __getattr__(n):\n    from . import api\n", "psplan", package=True)
    assert wrong_imports("psplan", lazy) == []
    typing = "if TYPE_CHECKING:\n    from psplan.api import check\n"
    assert wrong_imports("psplan", imports_in(typing, "psplan", package=True)) == []
    dynamic = "def f():\n    return import_module('psplan.formats.xlsx')\n"
    assert list(imports_in(dynamic, "psplan.views.fake")) == [("psplan.formats.xlsx", 2, True)]
    source = "if fmt == 'csv' or kind in ('x', 'xlsx') or 'text' != name or a < 'b':\n    pass\n"
    assert format_comparisons(source) == [(1, "csv"), (1, "xlsx"), (1, "text")]
