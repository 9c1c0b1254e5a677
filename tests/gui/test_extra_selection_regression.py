"""PySide6 6.12.0 aborts ("none_dealloc") when ExtraSelection.cursor is assigned in a loop.

The editor does not use ExtraSelection, but the pinned PySide6 must survive this, so a version
bump that brings the crash back fails here rather than in a user's session.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QTextEdit
from PySide6.QtGui import QTextCursor
app = QApplication([])
edit = QTextEdit()
edit.setPlainText("word " * 2000)
selections = []
for i in range(5000):
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(edit.document())
    cursor.setPosition(i % 9000)
    cursor.setPosition(i % 9000 + 3, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selections.append(selection)
edit.setExtraSelections(selections)
print("ok", len(edit.extraSelections()))
"""


def test_assigning_extra_selection_cursor_5000_times_exits_cleanly() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["ok", "5000"]
