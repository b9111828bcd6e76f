"""`python -m psplan` runs the command line."""

from psplan.entry import main

main()
