"""The scripted review session (bench/review_session.py) meets its input targets on two BBC
articles pre-annotated by the real pipeline: every key and click lands in the real window, and
the script checks in the store that each correction took effect and the rest was accepted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "data" / "review_session"

#: Inputs per correction once its span is in view, reaching it included.
TARGETS = {"relabel": 2, "delete": 2, "resize": 2, "add": 2, "link speaker": 3}


def test_review_session_meets_the_input_targets(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "review_session.py"), str(ARTICLES), "--json",
         "--routes", "click,keys,walk", "--plan-out", str(tmp_path / "plan.json")],
        capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    click, keys, walk = result["click"], result["keys"], result["walk"]
    assert [name for name, _, _ in click["articles"]] == ["001.txt", "002.txt"]
    # Point and fix: a click (or a drag) and the fix keys; the whole article within 15.
    for kind, target in TARGETS.items():
        assert click["in_view"][kind], kind
        assert max(click["in_view"][kind]) <= target, (kind, click["in_view"][kind])
    counts = {name: (fixes, inputs) for name, fixes, inputs in click["articles"]}
    assert counts["001.txt"][0] == 5 and counts["001.txt"][1] <= 15, counts
    assert all(inputs <= 15 for _fixes, inputs in counts.values()), counts
    # The Tab walk still accepts a right suggestion with one key.
    assert set(walk["kinds"]["accept"]) == {1}
    # Keyboard only, by jump hints: J once (the hints stay on), then Shift and a hint letter
    # reach a span; no span costs more than one input over its target once in view (J the first
    # time, or a second hint letter when more than 24 targets are in view), and the article
    # stays within 15 inputs too.
    for kind, target in TARGETS.items():
        assert max(keys["in_view"][kind]) <= target + 1, (kind, keys["in_view"][kind])
    by_keys = {name: (fixes, inputs) for name, fixes, inputs in keys["articles"]}
    assert by_keys["001.txt"][0] == 5 and all(i <= 15 for _f, i in by_keys.values()), by_keys
    for (name, _, typed), (_, _, walked) in zip(keys["articles"], walk["articles"], strict=True):
        assert typed < walked or name != "001.txt", (name, typed, walked)
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert sorted(f["kind"] for f in plan["001.txt"]) == sorted(TARGETS)
