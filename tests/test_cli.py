"""The command line through click's runner, and as a real process for the entry points."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import main

from .conftest import SEEDS


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_then_stats_shows_one_document(db_path: Path) -> None:
    code, out, _ = run("--db", str(db_path), "import", str(SEEDS))
    assert code == 0
    assert out.startswith("Imported 1 document (0 duplicates, 0 failed)")
    code, out, _ = run("--db", str(db_path), "stats")
    assert code == 0
    assert "Documents: 1" in out
    code, out, _ = run("--db", str(db_path), "import", str(SEEDS))
    assert out.startswith("Imported 0 documents (1 duplicate, 0 failed)")


def test_annotator_db_environment_variable(tmp_path: Path) -> None:
    db = tmp_path / "from-env.db"
    code, out, _ = run("import", str(SEEDS), env={"ANNOTATOR_DB": str(db)})
    assert code == 0 and str(db) in out
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_failures_give_exit_code_1_and_name_the_file(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Good\n\nText.")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    code, out, err = run("--db", str(db_path), "import", str(tmp_path / "in"))
    assert code == 1
    assert "Imported 1 document (0 duplicates, 1 failed)" in out
    assert f"error: {tmp_path / 'in' / 'bad.txt'}: binary file" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"garbage, not sqlite" * 200, "not a SQLite database, or it is corrupt"),
        (None, "a SQLite database, but not an Annotator project"),
    ],
)
def test_bad_database_file_is_one_line(tmp_path: Path, content: bytes | None, message: str) -> None:
    db = tmp_path / "bad.db"
    if content is None:
        sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    else:
        db.write_bytes(content)
    code, _, err = run("--db", str(db), "stats")
    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_folder_as_database_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("--db", str(tmp_path), "import", str(SEEDS))
    assert code == 1 and "is a folder, not a database file" in err


def test_version_and_help_of_every_command() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        code, out, _ = run(name, "--help")
        assert code == 0 and "Usage:" in out


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"annotator {name}" in readme or f"`{name}`" in readme, f"{name} not in README"


def test_python_dash_m_and_console_script(db_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout
    script = Path(sys.executable).parent / "annotator"
    out = subprocess.run(
        [str(script), "--db", str(db_path), "stats"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "Documents: 0" in out.stdout
