"""A usage error (a mistyped option, a bad value, a missing argument) as psplan's one line.

Click prints a usage error as three English lines (the usage, "Try … --help", the error) with
its own wording and pydantic's ("Input should be a valid integer…"). psplan says every failure
as one line `psplan: error: …` in the command's language, exit 2: `Group` (the app's click
group) does that for click's errors too, worded here from what each error holds (the option,
the value's allowed choices, the bound), with the command's help named at the end. A detail
this module does not recognise stays as click wrote it, still on one line.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from typer.core import TyperCommand, TyperGroup

from psplan.cli import coercion
from psplan.cli.run import stderr_line


def command_language(argv: Sequence[str]) -> str:
    """The command's language where its own handling has not begun or has ended (a usage
    error, an interrupt): --lang, else PSPLAN_LANG, else Chinese, as the command has it. A
    value that is neither zh nor en (the error to say) is read by what it starts with: the
    refusal of `--lang english` or PSPLAN_LANG=english is said in English (a trial's)."""
    for at, arg in enumerate(argv):
        given = None
        if arg.startswith("--lang="):
            given = arg.removeprefix("--lang=")
        elif arg == "--lang" and at + 1 < len(argv):
            given = argv[at + 1]
        if given is not None and given.strip().lower() in ("zh", "en"):
            return given.strip().lower()
        if given is not None and given.strip().lower().startswith("en"):
            return "en"
    return "en" if os.environ.get("PSPLAN_LANG", "").strip().lower().startswith("en") else "zh"


def _help_language(ctx: Any) -> str:
    """The language of a help page: the one `Group.main` found in the arguments, else
    PSPLAN_LANG's (a command run on its own, by a test or an embedding caller)."""
    return getattr(ctx.find_root().command, "help_lang", None) or command_language(())


class _PlainlyRead:
    """A click command whose options, `--help` among them, are read without pydantic where
    typer's reading needs none (`coercion`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:  # type: ignore[attr-defined]
            coercion.read_plainly(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # made on first use, not one of `params`
            coercion.read_plainly(option)
        return option


class Command(_PlainlyRead, TyperCommand):
    """One of psplan's commands: its help page in the command's language (`helptext`)."""

    def get_help(self, ctx: Any) -> str:
        if _help_language(ctx) != "zh":
            return super().get_help(ctx)
        from psplan.cli.helptext import get_help

        return get_help(self, ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        if getattr(self, "help_lang", "en") != "zh" or not self.help:
            return super().get_short_help_str(limit)
        from psplan.cli.helptext import short_help

        return short_help(self.help, limit)


class Group(_PlainlyRead, TyperGroup):
    """psplan's app: click's usage errors said as one line (`usage_line`), exit 2; its help
    page and its commands' in the command's language (`Command`)."""

    #: the language of a help page, from the arguments (`main`)
    help_lang: str | None = None

    def get_help(self, ctx: Any) -> str:
        lang = _help_language(ctx)
        for command in self.commands.values():  # their lines in the list of commands
            command.help_lang = lang  # type: ignore[attr-defined]
        if lang != "zh":
            return super().get_help(ctx)
        from psplan.cli.helptext import get_help

        return get_help(self, ctx)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:  # an embedding caller handles click's exceptions itself
            return super().main(args, prog_name, complete_var, False, **extra)
        from typer import Abort

        argv = list(sys.argv[1:] if args is None else args)
        self.help_lang = command_language(argv)
        swallowed = self._option_as_value(argv)
        if swallowed:  # `-o --lang en`: click would write a file named "--lang"
            stderr_line(f"psplan: error: {swallowed}")
            sys.exit(2)
        try:
            code = super().main(argv, prog_name, complete_var, False, **extra)
        except Abort:  # end of input at a prompt (psplan asks none; click's own case)
            from psplan.words import say

            stderr_line(f"psplan: {say('cli.interrupted', command_language(argv))}")
            sys.exit(1)
        except Exception as exc:
            # click's errors by their classes' names: typer vendors click (typer._click) in
            # its recent releases and uses click itself in older ones
            kinds = _kinds(exc)
            if "ClickException" not in kinds:
                raise
            if "NoArgsIsHelpError" in kinds:  # `psplan` alone: the commands, in one line
                exc = _NoCommand(exc.ctx)  # type: ignore[attr-defined]
            stderr_line(f"psplan: error: {usage_line(exc, command_language(argv))}")
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)

    def _option_as_value(self, argv: Sequence[str]) -> str | None:
        """`-o --lang en`: an option that takes a value followed by another of the command's
        options, said as one line (click takes "--lang" as the file's name); None if none."""
        from psplan.words import say

        command: Any = self
        for at, arg in enumerate(argv):
            if arg == "--":
                return None
            if command is self and arg in self.commands:
                command = self.commands[arg]
                continue
            options = _options(self) | (_options(command) if command is not self else {})
            if options.get(arg) and at + 1 < len(argv) and argv[at + 1] in options:
                lang = command_language(argv)
                said = say("cli.usage.option_as_value", lang, option=arg, next=argv[at + 1])
                path = "psplan" if command is self else f"psplan {command.name}"
                return said + say("cli.usage.help", lang, command=f"{path} --help")
        return None


def _options(command: Any) -> dict[str, bool]:
    """Each name of a command's options, and whether the option takes a value."""
    return {
        name: not (param.is_flag or param.count)
        for param in command.params
        if getattr(param, "param_type_name", "") == "option"
        for name in (*param.opts, *param.secondary_opts)
    }


class _NoCommand(Exception):
    """`psplan` alone: worded by `usage_line` as the commands there are."""

    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self.ctx = ctx


def usage_line(exc: Any, lang: str) -> str:
    """One click error in the command's language, the command's help named after it."""
    from psplan.formats.escape import one_line
    from psplan.words import say

    said = _worded(exc, lang)
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        said += say("cli.usage.help", lang, command=f"{ctx.command_path} --help")
    return one_line(said)


def _kinds(exc: BaseException) -> set[str]:
    return {kind.__name__ for kind in type(exc).__mro__}


def _worded(exc: Any, lang: str) -> str:
    from psplan.words import say

    kinds = _kinds(exc)
    if "_NoCommand" in kinds or (
        "UsageError" in kinds and exc.format_message() == "Missing command."
    ):  # `psplan` alone, `psplan --lang en`
        commands = exc.ctx.command.list_commands(exc.ctx)
        return say("cli.usage.no_command_given", lang, commands=_listed(commands, lang))
    if "NoSuchOption" in kinds:
        said = say("cli.usage.no_option", lang, option=exc.option_name)
        if exc.possibilities:
            said += say("cli.usage.perhaps", lang,
                        options=_listed(sorted(exc.possibilities), lang))  # fmt: skip
        return said
    if "MissingParameter" in kinds:
        kind = "option" if _is_option(exc.param) else "argument"
        return say(f"cli.usage.missing_{kind}", lang, name=_name(exc.param))
    if "BadParameter" in kinds:
        name = _name(exc.param)
        variable = _from_environment(exc)
        if variable:  # PSPLAN_LANG=fr: the option was not typed, the variable was set
            name = say("cli.usage.variable", lang, name=variable)
        return say("cli.usage.bad_value", lang, name=name,
                   detail=_detail(exc.message, lang))  # fmt: skip
    if "BadOptionUsage" in kinds and exc.message.endswith("requires an argument."):
        return say("cli.usage.needs_value", lang, option=exc.option_name)
    message = exc.format_message()
    found = _NO_COMMAND.fullmatch(message)
    if found:
        said = say("cli.usage.no_command", lang, command=found.group(1))
        if found.group(2):
            names = [name.strip("' ") for name in found.group(2).split(",")]
            said += say("cli.usage.perhaps", lang, options=_listed(names, lang))
        return said
    found = _EXTRA.fullmatch(message)
    if found:
        return say("cli.usage.extra", lang, arguments=found.group(1))
    return message


_NO_COMMAND = re.compile(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?")
_EXTRA = re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)")
#: pydantic's and typer's words for a value refused, and the catalogue's key for each
_DETAILS = (
    (re.compile(r"'(?P<value>.*)' is not one of (?P<choices>.*)\."), "choice"),
    (re.compile(r"Input should be a valid integer.*"), "integer"),
    (re.compile(r"Input should be a valid number.*"), "number"),
    (re.compile(r"Input should be greater than or equal to (?P<bound>\S+)"), "at_least"),
    (re.compile(r"Input should be greater than (?P<bound>\S+)"), "above"),
    (re.compile(r"Input should be less than or equal to (?P<bound>\S+)"), "at_most"),
    (re.compile(r"Input should be less than (?P<bound>\S+)"), "below"),
    (re.compile(r"Input should be a finite number"), "finite"),
)


def _detail(message: str, lang: str) -> str:
    from psplan.words import say

    detail = message.strip().removeprefix("Value error, ")  # (a parser's ValueError)
    for pattern, key in _DETAILS:
        found = pattern.fullmatch(detail)
        if found:
            values = found.groupdict()
            if "choices" in values:
                choices = [choice.strip("' ") for choice in values["choices"].split(",")]
                values["choices"] = _listed(choices, lang)
            return say(f"cli.usage.detail.{key}", lang, **values)
    return message


def _from_environment(exc: Any) -> str | None:
    """The environment variable a refused value came from, if it came from one."""
    ctx, param = getattr(exc, "ctx", None), getattr(exc, "param", None)
    if ctx is None or param is None or not getattr(param, "envvar", None):
        return None
    source = ctx.get_parameter_source(param.name)
    if getattr(source, "name", "") != "ENVIRONMENT":
        return None
    envvar = param.envvar
    return envvar if isinstance(envvar, str) else " / ".join(envvar)


def _is_option(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _name(param: Any) -> str:
    """An option by its long name (--format, not '--format' / '-f'), an argument in capitals."""
    if param is None:
        return ""
    if _is_option(param):
        return max(param.opts, key=len)
    return (param.name or "").upper()


def _listed(names: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)
