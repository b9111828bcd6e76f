"""Signals while a file is written: SIGINT, SIGTERM and SIGHUP end the writing cleanly.

While `raising()` is on, such a signal raises `Interrupted` where the program is, so every
temp file and folder of the write is removed on the way out; `held()` holds them back for
the few steps that must not be cut in two (creating a temp file and knowing its name,
removing a folder, the final rename): they arrive when it ends.

A handler's exception can be lost where it lands (in a `__del__`, or replaced by the error
of a library's cleanup, a zip file closed with a member half written): `raising()` gives the
signals received, so the writer can still honour one (`psplan.output`)."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator

#: The signals that clean up a write in progress before the process ends.
SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(BaseException):
    """A signal arrived while a file was being written; its temp file has been removed.

    A BaseException, like KeyboardInterrupt: nothing may catch it on the way out. The command
    line prints one line and ends the process by the same signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.output: str | None = None  # the -o being written, and whether it was
        self.written = False

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"


def _main_thread() -> bool:
    """Signal handlers and masks are the main thread's (a notebook's worker cannot set them)."""
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def raising(signums: tuple[int, ...] = SIGNALS) -> Iterator[list[int]]:
    """SIGNALS (or some of them) raise `Interrupted` instead of ending the process on the
    spot. A signal someone chose to ignore (nohup) or to handle stays as it was. Gives the
    signals received, in order."""
    received: list[int] = []
    if not _main_thread():
        yield received
        return
    previous = {}
    unraisable = sys.unraisablehook

    def handler(signum: int, _frame: object) -> None:
        received.append(signum)
        # what is left half made fails again when it is collected ("Exception ignored in
        # __del__", a traceback on stderr): the process is ending, and says why in one line
        sys.unraisablehook = _ignored
        raise Interrupted(signum)

    for signum in signums:
        current = signal.getsignal(signum)
        default = signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
        if current is default:
            previous[signum] = signal.signal(signum, handler)
    try:
        yield received
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
        sys.unraisablehook = unraisable


def _ignored(_unraisable: object) -> None:
    """An unraisable exception after a signal: not said (`raising`)."""


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Hold SIGNALS back for a moment (they arrive when it ends); nothing where unsupported."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or not _main_thread():
        yield
        return
    old = mask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)
