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


def exit_now(code) -> None:
    """End a finished command-line run at once: its output written and flushed, nothing
    left to do.  Tearing the interpreter down -- freeing every rule, index and dictionary
    one object at a time, and a last collection of cycles over them all -- took ~70 ms of
    the ~0.6 s a check of a short draft takes from start to end (issue 11).  Returns (for
    the usual exit) when anything could still be pending: output that does not flush
    (a closed pipe: the usual exit reports it as before), another thread running."""
    import os
    import threading

    if threading.active_count() > 1:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    status = 0 if code is None else code
    if not isinstance(status, int):
        return
    logging = sys.modules.get("logging")
    if logging is not None:  # an error log written meanwhile (errorlog.py): its handlers flushed
        try:
            logging.shutdown()
        except Exception:  # noqa: BLE001 - then the usual exit
            return
    os._exit(status & 0xFF)


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
