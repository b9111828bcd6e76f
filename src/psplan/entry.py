"""The console script `psplan`: `psplan --version` answers before the command line loads.

Loading the commands (typer, click and every command's options) takes most of a tenth of a
second; the version needs none of it.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from psplan import __version__

        sys.stdout.write(f"psplan {__version__}\n")
        return
    from psplan.cli import main as run

    run()
