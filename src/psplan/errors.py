"""The tool's own error type and the plain problem record every checker reports.

A `Problem` is a value (file, line, column, message), like yamllint's LintProblem: checkers
produce them, formatters render them. `PsplanError` is raised for input a user can fix and is
caught by the CLI, which prints its one line and exits 2.

Neither holds a sentence: both hold a `Message`, a key of the catalogue (`psplan.words`, the
section `words/errors.py`) and its arguments, worded only when shown, in the language of that
moment (`psplan.words.use_lang`; Chinese unless told otherwise). So the same error reads in
Chinese on the command line by default and in English under `--lang en`, and a program can
tell errors apart by `key` whatever the language::

    raise PsplanError("actuals.bad_year", Location(file, line, column), text=quoted(cell))

A user's value in a message is passed as a `Shown` (see `quoted`): 'text' in English (as
Python's repr shows it), “text” in Chinese.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from psplan.words import catalogue, current_lang, words


@dataclass(frozen=True, slots=True)
class Location:
    """Where in a user's file something is: 1-based line and column (0 = unknown)."""

    file: str = ""
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)


#: The arguments of a message that has none (shared: a checker may report a million).
_NO_ARGS: Mapping[str, Any] = MappingProxyType({})


def _rendered(value: Any, lang: str) -> Any:
    """An argument as the message's language shows it (a `Message`, `Shown` or `Cut` is
    worded)."""
    return value.render(lang) if isinstance(value, _WORDED) else value


class Message:
    """Words to show, worded when shown: a key of the catalogue and its arguments, or (for a
    library's own words, such as PyYAML's description of a syntax error) a text as it is.

    Arguments that are themselves a `Message` or a `Shown` are worded in the same language.
    """

    __slots__ = ("_hash", "args", "key", "text")

    def __init__(self, key: str, /, **args: Any) -> None:
        if key not in catalogue():
            raise KeyError(f"no message {key!r} in the catalogue")
        self.key: str | None = key
        self.args: Mapping[str, Any] = args or _NO_ARGS
        self.text: str | None = None
        self._hash: int | None = None

    @classmethod
    def literal(cls, text: str) -> Message:
        """A text that is already words (not psplan's own: a library's message)."""
        message = cls.__new__(cls)
        message.key, message.args, message.text, message._hash = None, _NO_ARGS, text, None
        return message

    def render(self, lang: str | None = None) -> str:
        """The words in `lang` (default: the current language)."""
        if self.key is None:
            return self.text or ""
        lang = lang or current_lang()
        if not self.args:
            return words(self.key, lang).format()
        args = {name: _rendered(value, lang) for name, value in self.args.items()}
        return words(self.key, lang).format(**args)

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(self.render(), spec)

    def _identity(self) -> tuple[Any, ...]:
        return (self.key, self.text, tuple(sorted(self.args.items(), key=lambda kv: kv[0])))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        if self._hash is None:
            try:
                self._hash = hash(self._identity())
            except TypeError:  # an argument that cannot be hashed (a list)
                self._hash = hash((self.key, self.text))
        return self._hash

    def __repr__(self) -> str:
        if self.key is None:
            return f"Message.literal({self.text!r})"
        args = "".join(f", {name}={value!r}" for name, value in self.args.items())
        return f"Message({self.key!r}{args})"


def as_message(message: str | Message, args: Mapping[str, Any] | None = None) -> Message:
    """`message` as a `Message`: a key of the catalogue (with `args`), else a literal text."""
    if isinstance(message, Message):
        if args:
            raise TypeError("arguments are given with the Message, not beside it")
        return message
    if args:
        return Message(message, **args)
    return Message(message) if message in catalogue() else Message.literal(message)


#: The system's errors psplan words itself (the OS's own text is English whatever the
#: command's language), by errno name.
_OS_ERRORS = (
    "ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "ENAMETOOLONG",
    "EEXIST", "EBUSY", "EDQUOT", "EFBIG", "EINVAL",
)  # fmt: skip


def os_reason(exc: OSError) -> Message | str:
    """Why the system refused a file, in the message's language for the common errors (no
    such file, no permission, disk full…), else as the system says it."""
    import errno

    name = errno.errorcode.get(exc.errno or 0)
    if name in _OS_ERRORS:
        return Message(f"os.{name.lower()}")
    return exc.strerror or str(exc)


@dataclass(frozen=True, slots=True)
class Shown:
    """A value in a message as each language shows it: in English as Python's repr ('text',
    as psplan always quoted values), in Chinese between “ ” (`quoted`)."""

    en: str
    zh: str

    def render(self, lang: str | None = None) -> str:
        return self.zh if (lang or current_lang()) == "zh" else self.en

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(self.render(), spec)


def quoted(value: object, *, en: str | None = None, more: Message | None = None) -> Shown:
    """A user's value quoted for a message: `'text'` in English, `“text”` in Chinese.

    Characters a terminal would act on (controls, invisible characters) are escaped in both,
    as repr escapes them. `en` replaces the English form (a value quoted as psplan always
    quoted it); `more` follows the quoted value in both (how much of it was cut off).
    """
    if isinstance(value, str):
        text = value if value.isprintable() else repr(value)[1:-1]
        zh = f"“{text}”"
    else:
        zh = f"“{value!r}”"
    english = repr(value) if en is None else en
    if more is not None:
        return Shown(english + more.render("en"), zh + more.render("zh"))
    return Shown(english, zh)


def plain(value: object) -> Shown:
    """A value shown as it is in both languages (a file name, a number written out)."""
    text = str(value)
    return Shown(text, text)


@dataclass(frozen=True, slots=True)
class Cut:
    """A message as an argument of another, cut to `limit` characters in either language (a
    value quoted in it may be long)."""

    message: Message
    limit: int

    def render(self, lang: str | None = None) -> str:
        text = self.message.render(lang)
        return text if len(text) <= self.limit else text[: self.limit - 1] + "…"

    def __str__(self) -> str:
        return self.render()


_WORDED = (Message, Shown, Cut)


@dataclass(frozen=True, init=False, slots=True)
class Problem:
    """One finding of `validate` (or of reading actuals): where, what (a `Message`, worded
    when shown) and its `code`, a stable slug for programs (JSON and GitHub output)."""

    location: Location
    words: Message
    code: str = "error"
    level: Literal["error", "warning"] = "error"

    def __init__(
        self,
        location: Location,
        message: str | Message | None = None,
        code: str = "error",
        level: Literal["error", "warning"] = "error",
        **args: Any,
    ) -> None:
        if message is None:  # dataclasses.replace passes the field: words=
            message = args.pop("words")
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "words", as_message(message, args))
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "level", level)

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self.words.render()

    @property
    def key(self) -> str | None:
        """The message's key in the catalogue (None for a library's own words)."""
        return self.words.key

    def __str__(self) -> str:
        # The level and code stay as they are in every language: editors and CI scripts parse
        # `file:line:col: error: … [code]`.
        return f"{self.location}: {self.level}: {self.message} [{self.code}]"

    def __repr__(self) -> str:
        # what a notebook shows of `result.warnings`: the line the command prints, not the
        # Location(…) and Message(…) it is made of (a trial)
        return f"<Problem {self}>"


class PsplanError(Exception):
    """A problem with the user's input; the message is one line, ready to print.

    `PsplanError(key, location, **args)` with a key of the catalogue; a plain text (a
    library's own message) is still taken as it is.
    """

    #: Every problem found, for an error that stands for several (bad rows of an actuals file,
    #: an invalid plan: `ActualsError`, `InvalidPlanError`); empty for a single one.
    problems: list[Problem] = []  # noqa: RUF012 - never mutated; subclasses set their own

    def __init__(
        self, message: str | Message, location: Location | None = None, /, **args: Any
    ) -> None:
        words = as_message(message, args)
        super().__init__(words)
        self.words = words
        self.location = location

    @property
    def message(self) -> str:
        """The message in the current language (without the location)."""
        return self.words.render()

    @property
    def key(self) -> str | None:
        """The message's key in the catalogue (None for a library's own words)."""
        return self.words.key

    def at(self, location: Location) -> PsplanError:
        """The same error, placed in a file (keeps a more precise location if it has one)."""
        return PsplanError(self.words, self.location or location)

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class ProblemsError(PsplanError):
    """An error standing for several problems (bad rows of an actuals file, an invalid plan):
    its message is the first one and how many more (`MORE`, a catalogue key), its `problems`
    all of them, each printed on its own line by the command."""

    MORE = ""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0]
        message = first.words
        if len(problems) > 1:
            message = Message(self.MORE, message=message, count=len(problems) - 1)
        super().__init__(message, first.location)


class InvalidValue(ValueError):
    """A model validator's refusal, worded like a `PsplanError`: pydantic turns a ValueError
    into one of its errors, and `psplan.plan.plans.schema_message` takes back these words."""

    def __init__(self, message: str | Message, /, **args: Any) -> None:
        self.words = as_message(message, args)
        super().__init__(self.words)

    def __str__(self) -> str:
        return self.words.render()
