"""Read-only folders and interrupted exports (issue 9, defects 9 and 13): each says what is true,
with real processes and real file permissions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.ops.importing import import_paths
from annotator.store import Store

from ..conftest import SEEDS

#: As root, permissions bind only once the capabilities that override them are dropped.
WITHOUT_OVERRIDES = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A read-only folder holding a project whose file itself may be written."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: folder permissions cannot bind")
    folder = tmp_path / "ro"
    folder.mkdir()
    with Store(folder / "project.db") as store:
        import_paths(store, [SEEDS])
    os.chmod(folder / "project.db", 0o666)
    os.chmod(folder, 0o555)
    yield folder
    os.chmod(folder, 0o755)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    prefix = WITHOUT_OVERRIDES if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "annotator", *args],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_stats_reads_a_project_in_a_read_only_folder(locked: Path) -> None:
    folder = locked
    run = _cli("--db", str(folder / "project.db"), "stats")
    assert run.returncode == 0, run.stderr
    assert "Documents: 1" in run.stdout


def test_export_reads_the_project_and_names_the_read_only_output_folder(
    locked: Path,
) -> None:
    folder = locked
    out = folder / "out.jsonl"
    run = _cli("--db", str(folder / "project.db"), "export", "--format", "jsonl",
               "--status", "all", "--out", str(out))  # fmt: skip
    assert run.returncode == 1
    assert f"{folder}: the folder is read-only" in run.stderr, run.stderr
    assert "not an Annotator project" not in run.stderr and "Traceback" not in run.stderr


def test_import_names_the_read_only_folder_not_the_file(
    locked: Path,
) -> None:
    folder = locked
    run = _cli("--db", str(folder / "project.db"), "import", str(SEEDS))
    assert run.returncode == 1
    assert f"{folder}: the folder is read-only" in run.stderr, run.stderr
    assert "database file is read-only" not in run.stderr


def test_a_new_project_in_a_read_only_folder_says_so(locked: Path) -> None:
    folder = locked
    run = _cli("--db", str(folder / "new.db"), "import", str(SEEDS))
    assert run.returncode == 1
    assert f"{folder}: the folder is read-only" in run.stderr, run.stderr
    assert "cannot create a project" in run.stderr
    assert "not an Annotator project" not in run.stderr
    assert not (folder / "new.db").exists()


# Interrupted exports.

_HOLD_AN_EXPORT_OPEN = """
import sys
from pathlib import Path
from annotator.formats.selection import atomic_output
with atomic_output(Path(sys.argv[1])) as f:
    f.write("half an export")
    f.flush()
    print("writing", flush=True)
    sys.stdin.read()
"""


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_killed_export_leaves_a_part_file_that_the_next_run_removes(tmp_path: Path) -> None:
    db = tmp_path / "project.db"
    with Store(db) as store:
        import_paths(store, [SEEDS])
    out = tmp_path / "out" / "gold.jsonl"
    killed = subprocess.Popen(
        [sys.executable, "-c", _HOLD_AN_EXPORT_OPEN, str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert killed.stdout is not None and killed.stdout.readline() == "writing\n"
    running = subprocess.Popen(  # another export of the same file, still writing
        [sys.executable, "-c", _HOLD_AN_EXPORT_OPEN, str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert running.stdout is not None and running.stdout.readline() == "writing\n"
    killed.kill()
    killed.wait()
    assert len(_parts(out.parent)) == 2
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "export", "--format", "jsonl",
         "--status", "all", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert len(_parts(out.parent)) == 1  # the live one is left alone
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["text"]
    running.communicate("")
    assert _parts(out.parent) == []


def test_ctrl_c_during_an_export_says_what_is_true(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "project.db"
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"a{n}.txt").write_text(f"Article {n} text.", encoding="utf-8")
    with Store(db) as store:
        import_paths(store, [folder])
    out = tmp_path / "gold.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")

    import annotator.cli.export as export_cli

    class CtrlCAtTheThirdDocument:
        def __enter__(self) -> CtrlCAtTheThirdDocument:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def __call__(self, done: int, total: int, name: str) -> None:
            if done == 3:
                raise KeyboardInterrupt  # what SIGINT raises in the main thread

    monkeypatch.setattr(export_cli, "progress_bar", lambda label: CtrlCAtTheThirdDocument())
    result = CliRunner().invoke(
        main, ["--db", str(db), "export", "--format", "jsonl", "--status", "all", "--out", str(out)]
    )
    assert result.exit_code == 130
    assert "committed" not in result.output
    assert "not written" in result.output and str(out) in result.output
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert _parts(tmp_path) == []
