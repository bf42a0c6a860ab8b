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
            message = " ".join(f"reviewer：内部错误：{e}（详情已写入 {path}）".split())
            sys.stderr.write(message.encode("utf-8", "replace").decode("utf-8") + "\n")
            return 2
    _clean_litter_soon([a for a in argv if not a.startswith("-")])
    if "--self-test" in argv:
        from .gui.main import self_test

        return self_test([a for a in argv if a != "--self-test"])
    from .gui.main import run

    return run(argv)


def _clean_litter_soon(files) -> None:
    """Remove temporary files of interrupted saves/exports and conversion folders of killed
    runs, in the background so the window opens at once.  Never raises."""
    import os
    import threading

    def work():
        try:
            from .core.export.atomic import clean_litter

            clean_litter([os.path.dirname(os.path.abspath(f)) for f in files])
        except Exception:
            pass

    try:
        threading.Thread(target=work, name="clean-litter", daemon=True).start()
    except RuntimeError:
        pass


def _log_exception() -> str:
    from .errorlog import log_exception  # one place for the log (the CLI uses it too)

    return log_exception()
