import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 is imported anywhere

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "resources" / "samples" / "示例-汇报发言.txt"


def shared(*parts) -> pathlib.Path:
    """A path under ../shared, or skip the test when the folder is not beside the repo."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available (the project must also stand alone)")
    return path


@pytest.fixture(scope="session")
def rules():
    from reviewer.core.rules import load_rules

    return load_rules()
