"""The console script `psplan`: `psplan --version` answers before the command line loads.

Loading the commands (typer, click and every command's options) takes most of a tenth of a
second; the version needs none of it.

The garbage collector is spared work that buys a process running one command nothing. It is
off while the command line loads (the imports make tens of thousands of objects and hardly any
garbage, and each full collection would walk them all again) and on again, with those objects
frozen out of its reach (`gc.freeze`), once the command starts (`psplan.cli.started`): a
county-scale check still has it. When the command is done, what is alive is frozen too, so the
interpreter's collections at exit do not take apart every class, function and schema of the
libraries loaded just before the process ends (some 35 ms for a check). Nothing of psplan's
relies on a collection: files are closed and temporary files removed where they are used.

duckdb's allocator (jemalloc, on Linux) keeps the pages a query frees, for reuse, seconds
before it gives them back: a county-scale check reads its file into a table it then drops,
and held those pages to the end. The command's process has them given back after 20 ms
(`JEMALLOC_CONF`, unless the environment sets one): `--by-region` at 2,900 counties peaks at
about 300 MB instead of about 390, the full JSON and markdown some 20 MB lower, at no cost
measured in time (an immediate return, 0 ms, cost the full JSON half a second).
"""

from __future__ import annotations

import os
import sys

#: duckdb's allocator settings for the command's process (`DUCKDB_JE_MALLOC_CONF`).
JEMALLOC_CONF = "dirty_decay_ms:20,muzzy_decay_ms:0"


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from psplan import __version__

        sys.stdout.write(f"psplan {__version__}\n")
        return
    import gc

    os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", JEMALLOC_CONF)  # read when duckdb loads
    gc.disable()
    try:
        from psplan.cli import main as run

        run()
    finally:
        gc.freeze()
        gc.enable()
