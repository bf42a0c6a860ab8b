import sys

from .app import SUBCOMMANDS, exit_now, main

command = len(sys.argv) > 1 and sys.argv[1] in SUBCOMMANDS
if command:
    # A command-line run is short and keeps what it makes to the end (the rules, the
    # report): the cycle collector, run over all of it after the review, found nothing to
    # free (~30-45 ms of a 10k check).  Between two files the CLI collects (cli.run_check).
    import gc

    gc.disable()
code = main()
if command:
    exit_now(code)  # the command line's result is out: no teardown of the interpreter
sys.exit(code)
