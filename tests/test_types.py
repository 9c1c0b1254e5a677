"""The core packages type-check under the ``[tool.mypy]`` settings of pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: Everything but the GUI and the CLI: the packages ``disallow_untyped_defs`` applies to.
CHECKED = [
    "annotator/model.py",
    "annotator/errors.py",
    "annotator/config.py",
    "annotator/resources.py",
    "annotator/store",
    "annotator/ops",
    "annotator/formats",
    "annotator/nlp",
]


def _mypy() -> str | None:
    beside = Path(sys.executable).parent / "mypy"
    return str(beside) if beside.exists() else shutil.which("mypy")


def test_core_packages_type_check() -> None:
    mypy = _mypy()
    assert mypy is not None, "mypy is not installed (it is part of the test extra)"
    out = subprocess.run(
        [mypy, "--config-file", "pyproject.toml", *CHECKED],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
