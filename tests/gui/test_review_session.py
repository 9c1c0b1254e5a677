"""The scripted review session (bench/review_session.py) meets its input targets on a BBC
article pre-annotated by the real pipeline: every key is pressed in the real window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "data" / "review_session"

#: Inputs per correction, reaching the span included (add: select by keyboard, then the key).
TARGETS = {"accept": 1, "relabel": 2, "delete": 2, "resize": 2, "link speaker": 3}


def test_review_session_inputs_per_correction(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "review_session.py"), str(ARTICLES), "--json"],
        capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    for kind, target in TARGETS.items():
        assert result["kinds"][kind], kind
        assert max(result["kinds"][kind]) <= target, (kind, result["kinds"][kind])
    [(_name, corrections, inputs, _without_spaces)] = result["articles"]
    assert corrections >= 4 and inputs <= 15
