"""psplan — track the indicators of China's five-year public-service plans.

The Python API (see docs/api.md)::

    import psplan
    plan = psplan.load_plan("national")
    result = psplan.check(plan, "examples/national-2023.csv")
    result.to_dict()  # what `psplan check --format json` prints

`load_plan`, `read_actuals`, `check`, `compare`, `validate` and their result types live in
`psplan.api` and are imported from there on first use (a module `__getattr__`), so
`import psplan` and `psplan --version` stay fast: no rich, openpyxl, pydantic, yaml or typer.

`check`, `compare` and `validate` are also the names of submodules. As attributes of the
package they are always the API functions (see `_Package`); the submodules are imported by
their full names as before (`from psplan.check import IndicatorMatcher`).
"""

import sys as _sys

#: `typing.TYPE_CHECKING` without importing typing (8 ms); type checkers read it as true.
TYPE_CHECKING = False
_ModuleType = type(_sys)

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


class _Package(_ModuleType):
    """The package module, keeping its API names for the API.

    Importing a submodule sets it as an attribute of its package: the first
    `from psplan.check import …` anywhere would make `psplan.check` the module, for good
    (`__getattr__` runs only for names not found). The names that are both a function and a
    submodule (`check`, `compare`, `validate`) are therefore never set to a module here. The
    submodules stay in `sys.modules` under their full names, where `from psplan.check import
    X` finds them; only `import psplan.check as m`, which reads the package attribute, now
    binds the function.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _API and isinstance(value, _ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
