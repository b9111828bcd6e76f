"""psplan — track the indicators of China's five-year public-service plans.

The Python API (see docs/api.md)::

    import psplan
    plan = psplan.load_plan("national")
    result = psplan.check(plan, "examples/national-2023.csv")
    result.to_dict()  # what `psplan check --format json` prints

`load_plan`, `read_actuals`, `check`, `lint`, `compare`, `validate` and their result types live in
`psplan.api` and are imported from there on first use (a module `__getattr__`), so
`import psplan` and `psplan --version` stay fast: no rich, openpyxl, pydantic, yaml or typer.

The package is laid out as the data's path: `plan/` (model, targets, loading, validation),
`actuals/` (readers and value parsing), `assess/` (judging, trends, the one `Assessment`),
`comparison/` (plan against plan), `views/` (objects -> tables of typed cells), `formats/`
(one module per output) and `cli.py` (options -> API -> view -> format).
"""

#: `typing.TYPE_CHECKING` without importing typing (8 ms); type checkers read it as true.
TYPE_CHECKING = False

__version__ = "0.1.0"

__all__ = [
    "Actuals",
    "Checked",
    "Compared",
    "Problems",
    "PsplanError",
    "__version__",
    "check",
    "compare",
    "draft_next_period",
    "lint",
    "load_plan",
    "read_actuals",
    "validate",
]
#: The API: each name is imported from psplan.api when first used.
_API = frozenset(__all__) - {"__version__"}

if TYPE_CHECKING:  # for editors and type checkers; at run time `__getattr__` imports them
    from psplan.api import (
        Actuals,
        Checked,
        Compared,
        Problems,
        PsplanError,
        check,
        compare,
        draft_next_period,
        lint,
        load_plan,
        read_actuals,
        validate,
    )


def __getattr__(name: str) -> object:
    if name in _API:
        from importlib import import_module

        value = getattr(import_module("psplan.api"), name)
        globals()[name] = value  # found directly from now on
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API} - {"TYPE_CHECKING"})
