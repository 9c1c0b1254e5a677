"""The first run in a fresh process, as a new user starts the app: spaCy is not imported yet when
the window's tokenizer warm-up and the first-run pre-annotation job both need it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    assert "spacy" not in sys.modules
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.gui import messages
    from annotator.gui.main_window import MainWindow
    from annotator.store import Store

    import logging

    errors = []

    class Record(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())

    messages.log.addHandler(Record())
    messages.boxes_enabled = False
    app = QApplication([])
    store = Store(Path(sys.argv[1]))
    window = MainWindow(store=store, annotator="reader", is_default=True, poll_ms=100)
    window.show()

    def check():
        if errors or len(window.view.spans) > 20:
            app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    app.exec()
    print("errors:", errors)
    print("spans:", len(window.view.spans))
    window.close()
    store.close()
    """
)


def test_first_run_in_a_fresh_process_preannotates_without_error(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "default" / "annotator.db")],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "errors: []" in done.stdout, done.stdout + done.stderr
    assert "partially initialized" not in done.stderr, done.stderr
    spans = int(done.stdout.split("spans:")[1].split()[0])
    assert spans > 20
