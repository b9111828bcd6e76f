"""The tool's own error type and the plain problem record every checker reports.

A `Problem` is a value (file, line, column, message), like yamllint's LintProblem: checkers
produce them, formatters render them. `PsplanError` is raised for input a user can fix and is
caught by the CLI, which prints its one line and exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Problem:
    """One finding of `validate` (or of reading actuals)."""

    location: Location
    message: str
    code: str = "error"
    level: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message} [{self.code}]"


class PsplanError(Exception):
    """A problem with the user's input; the message is one line, ready to print."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def at(self, location: Location) -> PsplanError:
        """The same error, placed in a file (keeps a more precise location if it has one)."""
        return PsplanError(self.message, self.location or location)

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"
