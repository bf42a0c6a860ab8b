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


def console(argv=None) -> int:
    """``reviewer ...`` (the console script) and ``python -m reviewer``: main(), and a
    command-line run (check, export) ends as soon as its result is out (exit_now)."""
    args = sys.argv[1:] if argv is None else list(argv)
    command = bool(args) and args[0] in SUBCOMMANDS
    if command:
        # A command-line run is short and keeps what it makes to the end (the rules, the
        # report): the cycle collector, run over all of it after the review, found nothing
        # to free (~30-45 ms of a 10k check).  Between two files the CLI collects
        # (cli.run_check).
        import gc

        gc.disable()
    code = main(args)
    if command:
        exit_now(code)  # the result is out: no teardown of the interpreter
    return code


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
    """Remove temporary files of interrupted saves/exports, conversion folders of killed
    runs and dictionary copies of an older format in the cache, in the background so the
    window opens at once.  Never raises."""
    import os
    import threading

    def work():
        try:
            from .core.export.atomic import clean_litter

            clean_litter([os.path.dirname(os.path.abspath(f)) for f in files])
        except Exception:
            pass
        try:
            from .core.segment import cache_dir, remove_older_copies

            remove_older_copies(cache_dir())
        except Exception:
            pass

    try:
        threading.Thread(target=work, name="clean-litter", daemon=True).start()
    except RuntimeError:
        pass


def _log_exception() -> str:
    from .errorlog import log_exception  # one place for the log (the CLI uses it too)

    return log_exception()
