"""Find and load plan files: by path, or by the name of a plan bundled with psplan.

The bundled plans are the files in the repository's `data/`, shipped in the wheel as
`psplan/data/`. In a source checkout (editable install) they are read from `data/` directly.

Composing a plan's YAML is most of what loading it costs, so the composed document of an
unchanged file comes from an on-disk cache (`psplan.plan.cache`); validating it never does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from psplan.errors import Cut, Message, Problem, PsplanError, Shown, plain
from psplan.plan import cache as store
from psplan.plan import yamlsource
from psplan.plan.model import IDENTIFIER_PATTERN, Plan
from psplan.plan.yamlsource import YamlDocument, limit, load_yaml, quote, read_text, shorten


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
    """A path as given if it is a file or looks like a path; else the bundled plan of that
    name; else the path, if something else is there (a folder: said as one)."""
    text = str(name_or_path)
    path = Path(text)
    if "/" in text or "\\" in text or path.suffix in (".yaml", ".yml") or _exists(path, file=True):
        return path
    plans = bundled_plans()
    if text in plans:  # (`psplan check chuzhou` run beside a folder chuzhou: a trial's finding)
        return plans[text]
    if _exists(path):
        return path
    none = Message("common.none")
    known = Shown(", ".join(plans) or none.render("en"), "、".join(plans) or none.render("zh"))
    meant = _meant_plan(text, plans)
    hint = Message("validate.perhaps", name=meant) if meant else ""
    raise PsplanError("plan.not_found", name=quote(text), known=known, hint=hint)


def _meant_plan(text: str, plans: Mapping[str, Path]) -> str | None:
    """The bundled plan a name in Chinese means (安康, 安康市, 汉中市“十四五”公共服务规划, 全国):
    the one whose printed name or region holds it, the longest such field first (宿州市“十四五”…
    is not the national “十四五”公共服务规划 it holds); None where none or several do."""
    text = text.strip()
    if len(text) < 2:
        return None
    found: dict[str, int] = {}  # plan → how long a field it matched
    for plan_id, path in plans.items():
        try:
            plan = load_plan(path).plan  # (the cached plans `psplan list` reads too)
        except PsplanError:
            continue
        lengths = [(1 << 20) if field == text else len(field)  # (its very name first)
                   for field in (plan.name, plan.region or "")
                   if field and (text in field or field in text)]  # fmt: skip
        if lengths:
            found[plan_id] = max(lengths)
    best = sorted(found.items(), key=lambda item: -item[1])
    if not best or (len(best) > 1 and best[0][1] == best[1][1]):
        return None
    return best[0][0]


def _exists(path: Path, *, file: bool = False) -> bool:
    """Whether something (with `file`, a file) is at `path` (a name too long to be a file
    is not one)."""
    try:
        return path.is_file() if file else path.exists()
    except (OSError, ValueError):
        return False


#: The longest message a problem carries: a value quoted in it may be megabytes long.
MAX_MESSAGE = 300


#: pydantic's own errors that psplan words (`schema.<type>` in words/errors.py), and the
#: context each message takes; any other keeps pydantic's English.
_SCHEMA_TYPES: dict[str, tuple[str, ...]] = {
    "string_type": (),
    "int_type": (),
    "int_parsing": (),
    "int_from_float": (),
    "float_type": (),
    "float_parsing": (),
    "bool_type": (),
    "bool_parsing": (),
    "list_type": (),
    "dict_type": (),
    "model_type": ("class_name",),
    "model_attributes_type": (),
    "greater_than_equal": ("ge",),
    "less_than_equal": ("le",),
    "string_pattern_mismatch": ("pattern",),
    "string_too_long": ("max_length",),
}


def schema_message(item: Any) -> Message:
    """The words for one of pydantic's errors (an item of `ValidationError.errors()`, with its
    context): psplan's own for a refusal of its validators, a missing or unknown key and the
    common checks; pydantic's English for anything else."""
    kind = item["type"]
    context = item.get("ctx") or {}
    loc = tuple(item["loc"])
    words = getattr(context.get("error"), "words", None)
    if isinstance(words, Message):
        return words
    if kind == "extra_forbidden" and loc:
        return Message("schema.unknown_key", key=quote(loc[-1]))
    if kind == "missing" and loc:
        return Message("schema.missing_key", key=quote(loc[-1]))
    if kind == "string_pattern_mismatch" and context.get("pattern") == IDENTIFIER_PATTERN:
        return Message("schema.identifier")  # a regular expression is no answer for a planner
    if kind in _SCHEMA_TYPES and all(name in context for name in _SCHEMA_TYPES[kind]):
        return Message(f"schema.{kind}", **{name: context[name] for name in _SCHEMA_TYPES[kind]})
    if kind == "literal_error" and "expected" in context:
        expected = str(context["expected"])
        listed = expected.replace(" or ", "、").replace(", ", "、")
        return Message("schema.literal_error", expected=Shown(expected, listed))
    if kind == "string_too_short" and context.get("min_length") == 1:
        return Message("schema.empty_text")
    if kind == "too_short" and context.get("min_length") == 1 and not context.get("actual_length"):
        return Message("schema.empty_list")
    message = item["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return Message.literal(shorten(message, MAX_MESSAGE))


def schema_problems(
    error: ValidationError, document: YamlDocument, max_problems: int | None = None
) -> list[Problem]:
    """Turn pydantic's errors into located, readable problems (at most `max_problems`)."""
    problems = []
    items = error.errors(include_url=False, include_input=False, include_context=True)
    for item in items[:max_problems] if max_problems is not None else items:
        loc = tuple(item["loc"])
        message = schema_message(item)
        field = ".".join([shorten(str(part), 40) for part in loc])
        if field:
            # the whole line at most MAX_MESSAGE long: a validator's words may quote a long value
            most = MAX_MESSAGE - len(field) - 2
            cut = "error" in (item.get("ctx") or ()) or len(message.text or "") > most
            shown = Cut(message, most) if cut else message
            message = Message("schema.at_field", field=field, message=shown)
        problems.append(Problem(document.locate(loc), message, "schema"))
    return problems


def read_document(path: Path) -> YamlDocument:
    """A plan file's data and positions; PsplanError if it is not a readable YAML mapping.

    An unchanged file is read from the cache (`psplan.plan.cache`) instead of composed
    again. The file itself is always read and checked, and only a document that loaded
    without error is ever cached, so every error comes from reading and composing."""
    return read_keyed_document(path)[0]


def read_keyed_document(path: Path) -> tuple[YamlDocument, str | None]:
    """`read_document`, and the document's cache key (None: caching is off)."""
    text = read_text(path)
    context = _compose_context()
    key = None if context is None else _cache_key(text, context)
    if key is not None:
        cached = _cached_document(key, str(path))
        if cached is not None:
            return cached, key
    document = load_yaml(text, str(path))
    if not isinstance(document.data, dict):
        name = type(document.data).__name__
        kinds = {"list": "plan.kind.list", "str": "plan.kind.text", "int": "plan.kind.number"}
        kind = Message(kinds[name]) if name in kinds else plain(name)
        raise PsplanError("plan.not_mapping", document.locate(()), kind=kind)
    if key is not None:
        store.put(key, (document.data, document.positions))
    return document, key


def valid_plan_key(document: YamlDocument, key: str | None) -> str | None:
    """The cache key of the plan `document` (of cache key `key`) makes once validated: its
    document's and its bundled parent's text, whose plan the checks compare it with; None
    where it is not to be cached."""
    if key is None:
        return None
    parent_id = document.data.get("parent")
    path = bundled_plans().get(parent_id) if isinstance(parent_id, str) else None
    if path is None:
        return f"{key}-valid"
    try:
        return f"{key}-valid-{store.entry_key(read_text(path), ('parent',))}"
    except Exception:  # the parent unreadable: validating says so
        return None


def _compose_context() -> tuple[int, int, str] | None:
    """What composing depends on besides the text: the node and depth limits (a document
    composed under generous limits must not be found under tighter ones) and the parser
    (libyaml's or PyYAML's own). None when a limit is set wrongly: composing then reports
    it, at the point it always has."""
    try:
        nodes, depth = limit("PSPLAN_MAX_PLAN_NODES"), limit("PSPLAN_MAX_PLAN_DEPTH")
    except PsplanError:
        return None
    return nodes, depth, yamlsource.parser_name()


def _cache_key(text: str, context: tuple[int, int, str]) -> str | None:
    """The cache entry for `text`, or None when caching is off."""
    if store.cache_dir() is None:
        return None
    try:
        return store.entry_key(text, ("plan-document", *context))
    except Exception:  # the cache never stops a load
        return None


def _cached_document(key: str, file: str) -> YamlDocument | None:
    """The document cached under `key`, placed at `file`; None if there is none usable."""
    value = store.get(key)
    if not (isinstance(value, tuple) and len(value) == 2):
        return None
    data, positions = value
    if type(data) is not dict or type(positions) is not dict:
        return None
    return YamlDocument(data=data, file=file, positions=positions)


def parse_plan(document: YamlDocument) -> Plan:
    """Validate a plan document; PsplanError carrying the first problem if it is invalid."""
    try:
        return Plan.model_validate(document.data)
    except ValidationError as exc:
        first = schema_problems(exc, document, max_problems=1)[0]
        count = exc.error_count()
        message = first.words
        if count > 1:
            message = Message("plan.and_more", message=message, count=count - 1)
        raise PsplanError(message, first.location) from None


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
