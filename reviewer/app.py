"""Entry point: a subcommand runs the CLI; no arguments (or only a file) opens the window."""
from __future__ import annotations

import sys

SUBCOMMANDS = {"check", "export"}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("--version", "-h", "--help")):
        from .cli import main as cli_main

        try:
            return cli_main(argv)
        except SystemExit as e:
            return e.code if isinstance(e.code, int) else 2
        except Exception as e:  # never a traceback for the user
            path = _log_exception()
            sys.stderr.write(f"reviewer：内部错误：{e}（详情已写入 {path}）\n")
            return 2
    if "--self-test" in argv:
        from .gui.main import self_test

        return self_test([a for a in argv if a != "--self-test"])
    from .gui.main import run

    return run(argv)


def _log_exception() -> str:
    import tempfile
    import traceback
    from pathlib import Path

    path = Path(tempfile.gettempdir()) / "reviewer-error.log"
    try:
        with open(path, "a", encoding="utf-8") as fh:
            traceback.print_exc(file=fh)
    except OSError:
        pass
    return str(path)
