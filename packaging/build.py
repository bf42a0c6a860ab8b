"""make package: prebuild the bundled data, run PyInstaller, pack a tar.gz, report the size."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NAME = "文稿审校助手"
DIST = ROOT / "dist"


def prebuild() -> None:
    from PySide6.QtCore import QLibraryInfo

    from reviewer.core import segment

    data = ROOT / "build" / "bundle-data"
    (data / "jieba").mkdir(parents=True, exist_ok=True)
    (data / "i18n").mkdir(parents=True, exist_ok=True)
    segment.build_dictionary_file(data / "jieba" / segment.dictionary_name())
    tr = Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))
    for name in ("qtbase_zh_CN.qm", "qt_zh_CN.qm"):
        if (tr / name).exists():
            shutil.copy2(tr / name, data / "i18n" / name)


def size_of(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    from reviewer import __version__

    prebuild()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "reviewer.spec")], check=True)
    app = DIST / NAME
    if sys.platform.startswith("linux"):
        shutil.copy2(ROOT / "packaging" / "linux" / f"{NAME}.desktop", app / f"{NAME}.desktop")
        shutil.copy2(ROOT / "resources" / "icons" / "app.png", app / "icon.png")
        tar = DIST / f"draft-reviewer-{__version__}-linux-x86_64.tar.gz"
        with tarfile.open(tar, "w:gz") as tf:
            tf.add(app, arcname=NAME)
        print(f"archive: {tar} ({tar.stat().st_size / 1e6:.0f} MB)")
    print(f"bundle: {app} ({size_of(app) / 1e6:.0f} MB unpacked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
