"""Find and load plan files: by path, or by the name of a plan bundled with psplan.

The bundled plans are the files in the repository's `data/`, shipped in the wheel as
`psplan/data/`. In a source checkout (editable install) they are read from `data/` directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from psplan.errors import Problem, PsplanError
from psplan.plan.model import Plan
from psplan.plan.yamlsource import YamlDocument, load_yaml, quote, read_text, shorten


@dataclass(frozen=True)
class LoadedPlan:
    """A plan together with the file and YAML positions it came from."""

    plan: Plan
    document: YamlDocument

    @property
    def file(self) -> str:
        return self.document.file


def bundled_dir() -> Path | None:
    """The folder holding the bundled plan files, wherever this install keeps it."""
    package_data = Path(__file__).parents[1] / "data"
    if package_data.is_dir():
        return package_data
    checkout_data = Path(__file__).resolve().parents[3] / "data"
    if checkout_data.is_dir():
        return checkout_data
    return None


def bundled_plans() -> dict[str, Path]:
    """Plan name → file, for every plan bundled with psplan."""
    folder = bundled_dir()
    if folder is None:
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def resolve_plan(name_or_path: str | Path) -> Path:
    """A path as given if it exists or looks like a path; else the bundled plan of that name."""
    text = str(name_or_path)
    path = Path(text)
    if "/" in text or "\\" in text or path.suffix in (".yaml", ".yml") or _exists(path):
        return path
    plans = bundled_plans()
    if text in plans:
        return plans[text]
    known = ", ".join(plans) or "none"
    raise PsplanError(f"no plan file or bundled plan named {quote(text)} (bundled plans: {known})")


def _exists(path: Path) -> bool:
    """Whether something is at `path` (a name too long to be a file is not one)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


#: The longest message a problem carries: a value quoted in it may be megabytes long.
MAX_MESSAGE = 300


def schema_problems(
    error: ValidationError, document: YamlDocument, max_problems: int | None = None
) -> list[Problem]:
    """Turn pydantic's errors into located, readable problems (at most `max_problems`)."""
    problems = []
    items = error.errors(include_url=False, include_input=False, include_context=False)
    for item in items[:max_problems] if max_problems is not None else items:
        loc = tuple(item["loc"])
        message = item["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        if item["type"] == "extra_forbidden":
            message = f"unknown key {quote(loc[-1])}"
        elif item["type"] == "missing":
            message = f"missing key {quote(loc[-1])}"
        field = ".".join([shorten(str(part), 40) for part in loc])
        text = f"{field}: {message}" if field else message
        problems.append(Problem(document.locate(loc), shorten(text, MAX_MESSAGE), "schema"))
    return problems


def read_document(path: Path) -> YamlDocument:
    document = load_yaml(read_text(path), str(path))
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__
        kind = {"list": "a list", "str": "a text", "int": "a number"}.get(kind, kind)
        raise PsplanError(f"a plan file must be a mapping of keys, not {kind}", document.locate(()))
    return document


def parse_plan(document: YamlDocument) -> Plan:
    """Validate a plan document; PsplanError carrying the first problem if it is invalid."""
    try:
        return Plan.model_validate(document.data)
    except ValidationError as exc:
        first = schema_problems(exc, document, max_problems=1)[0]
        count = exc.error_count()
        more = f" (and {count - 1:,} more; run `psplan validate`)" if count > 1 else ""
        raise PsplanError(first.message + more, first.location) from None


def load_plan(name_or_path: str | Path) -> LoadedPlan:
    """Load a plan by path or bundled name; PsplanError for anything wrong with it."""
    document = read_document(resolve_plan(name_or_path))
    return LoadedPlan(parse_plan(document), document)


@cache
def _bundled(name: str) -> LoadedPlan | None:
    plans = bundled_plans()
    return load_plan(plans[name]) if name in plans else None


def find_parent(plan_id: str | None, given: LoadedPlan | None = None) -> LoadedPlan | None:
    """The parent plan: the one given explicitly, else the bundled plan of that id."""
    if given is not None:
        return given
    if not plan_id:
        return None
    try:
        return _bundled(plan_id)
    except PsplanError:
        return None
