"""Every word psplan shows, in Chinese and English: the one catalogue.

Each section module (`reasons`, `labels`, `errors`, …) holds a `WORDS` dict of
``key -> {"zh": template, "en": template}``; `say` looks a key up and fills it in. No key is
defined in two sections (`catalogue()` refuses it), and no label twice: a section that shows a
label another defines names that key instead (``"trend.column.region": "actuals.role.region"``,
an alias); tests check both, and that no other module of psplan holds a label of its own.

The language is the caller's (`lang=`), else the one set for this context with `use_lang`
(the command line sets it from `--lang`), else Chinese: the people reading the reports think
in Chinese.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

LANGS = ("zh", "en")
SECTIONS = (
    "labels", "reasons", "errors", "plan", "assessment", "trend", "comparison", "problems",
    "template", "cli", "evaluation",
)  # fmt: skip

Reason = tuple[str, Mapping[str, Any]]

_lang: ContextVar[str | None] = ContextVar("psplan_lang", default=None)
#: A section's entry: the words in each language, or the key of the entry it shows (an alias).
Entry = dict[str, str] | str
_catalogue: dict[str, Entry] | None = None


def current_lang() -> str:
    """The language set for this context (`use_lang`), else PSPLAN_LANG's, else Chinese: a
    notebook with PSPLAN_LANG=en set gets English, as the command does (a trial's finding)."""
    chosen = _lang.get()
    if chosen is not None:
        return chosen
    return "en" if os.environ.get("PSPLAN_LANG", "").strip().lower() == "en" else "zh"


def resolve_lang(lang: str | None) -> str:
    """A caller's `lang=`: zh or en as given, the current language for None; ValueError
    naming the choices for anything else (a KeyError from the catalogue before)."""
    if lang is None:
        return current_lang()
    if lang not in LANGS:
        raise ValueError(f"lang: give 'zh' or 'en', not {lang!r}")
    return lang


@contextmanager
def use_lang(lang: str) -> Iterator[None]:
    """Words said inside the block (errors raised, labels looked up without `lang=`) are in
    `lang`."""
    token = _lang.set(lang if lang in LANGS else "zh")
    try:
        yield
    finally:
        _lang.reset(token)


def catalogue() -> dict[str, Entry]:
    """All sections merged; a key defined twice is a programming error."""
    global _catalogue
    if _catalogue is None:
        from importlib import import_module

        merged: dict[str, Entry] = {}
        for section in SECTIONS:
            words = import_module(f"psplan.words.{section}").WORDS
            twice = merged.keys() & words.keys()
            if twice:
                raise RuntimeError(f"defined twice in the catalogue: {sorted(twice)}")
            merged.update(words)
        _catalogue = merged
    return _catalogue


def entry(key: str) -> dict[str, str]:
    """The words of `key` in every language (an alias followed to the entry it names)."""
    found = catalogue()[key]
    while isinstance(found, str):
        found = catalogue()[found]
    return found


def say(key: str, lang: str | None = None, /, **args: Any) -> str:
    """The words for `key` in `lang` (default: the current language), filled with `args`."""
    template = entry(key)[lang or current_lang()]
    return template.format(**args) if args else template


def words(key: str, lang: str | None = None) -> str:
    """The template for `key` unfilled (for labels that hold braces of their own)."""
    return entry(key)[lang or current_lang()]


def explain(reasons: Iterable[Reason], lang: str | None = None) -> str:
    """Reasons worded and joined, as a report prints them."""
    lang = lang or current_lang()
    separator = "；" if lang == "zh" else "; "
    return separator.join(say(code, lang, **args) for code, args in reasons)
