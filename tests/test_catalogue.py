"""The one catalogue (src/psplan/words): every label, status and message in both languages,
each defined once, and none defined outside it in the modules that show things."""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest

from psplan.words import LANGS, catalogue, entry, say, use_lang

SRC = Path(__file__).resolve().parents[1] / "src" / "psplan"
#: The modules that show things: their words must all come from the catalogue.
SHOWING = ("views", "formats", "cli")
#: Chinese words (ideographs); full-width punctuation in code is input parsing or line
#: breaking, not a label.
CJK = re.compile(r"[\u4e00-\u9fff]")
#: Entries whose placeholders differ by language, on purpose: the CSV code column is named
#: after the Chinese label but after the English key; a reason carries each language's word
#: (the years a five-year total lacks: 2021、2022 and 2021, 2022).
OWN_PLACEHOLDERS = {"format.csv.code", "kinds", "override", "sum_short"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_entry_has_both_languages_and_the_same_placeholders(key: str) -> None:
    words = entry(key)
    assert set(words) == set(LANGS), key
    assert words["zh"].strip() and words["en"].strip(), key
    if key not in OWN_PLACEHOLDERS:
        assert fields(words["zh"]) == fields(words["en"]), key


def test_an_alias_names_an_entry_and_reads_as_it() -> None:
    aliases = {key: target for key, target in catalogue().items() if isinstance(target, str)}
    assert aliases, "the catalogue shares labels through aliases"
    for key, target in aliases.items():
        assert isinstance(catalogue()[target], dict), (key, target)  # one step, no chains
        for lang in LANGS:
            assert say(key, lang) == say(target, lang)


def test_no_label_is_defined_twice() -> None:
    """The same words in both languages under two keys are one label defined twice: the
    second key must be an alias of the first."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, words in catalogue().items():
        if isinstance(words, dict):
            found[words["zh"], words["en"]].append(key)
    twice = {pair: keys for pair, keys in found.items() if len(keys) > 1}
    assert not twice, twice


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings nor typer's help texts."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skipped.add(id(first.value))
        if isinstance(node, ast.keyword) and node.arg == "help":
            skipped.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Typer":
            skipped.update(id(n) for k in node.keywords for n in ast.walk(k.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in skipped
    ]  # fmt: skip


@pytest.mark.parametrize(
    "path",
    sorted(p for folder in SHOWING for p in (SRC / folder).rglob("*.py")),
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_modules_that_show_things_hold_no_chinese_words_of_their_own(path: Path) -> None:
    """Views, formats and the command line take every Chinese word from the catalogue (the
    English ones too, which this cannot tell from code; the keys are checked above)."""
    own = [(line, text) for line, text in _strings(path) if CJK.search(text)]
    assert not own, own


def test_the_language_follows_the_context() -> None:
    assert say("status.behind") == "进度滞后"  # Chinese by default
    with use_lang("en"):
        assert say("status.behind") == "behind"
    assert say("status.behind", "en") == "behind"
