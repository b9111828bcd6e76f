"""`python -m psplan` runs the command line."""

from psplan.cli import main

main()
