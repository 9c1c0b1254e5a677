"""The command line through click's runner, and as a real process for the entry points."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import main
from annotator.cli.common import ProgressBar

from ..conftest import SEEDS


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
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
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
    assert out.returncode == 1 and "no such project; import some articles first" in out.stderr
    assert not db_path.exists()  # a read-only command never creates a project


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("total", [0, 3])
def test_progress_on_a_terminal_with_and_without_a_total(total: int) -> None:
    """Exports report no total; that once crashed the bar on a real terminal."""
    out = _Terminal()
    bar = ProgressBar("Exporting", stream=out)
    for done in (1, 2, 3):
        bar(done, total, f"doc{done}")
    bar.close()
    assert "Exporting" in out.getvalue()
    assert ("3 documents" in out.getvalue()) if total == 0 else ("3/3" in out.getvalue())


def test_a_damaged_project_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    code, _, _ = run("--db", str(db), "import", str(SEEDS))
    assert code == 0
    data = bytearray(db.read_bytes())
    page = 4096
    for n in range(2, len(data) // page):  # scribble over every page after the schema
        data[n * page + 100 : n * page + 400] = bytes(range(256)) + bytes(44)
    db.write_bytes(bytes(data))
    for wal in (tmp_path / "damaged.db-wal", tmp_path / "damaged.db-shm"):
        wal.unlink(missing_ok=True)
    code, _, err = run("--db", str(db), "export", "--format", "quotes-jsonl", "--layer", "gold",
                       "--status", "all", "--out", str(tmp_path / "q.jsonl"))  # fmt: skip
    assert code == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_empty_db_option_is_refused(tmp_path: Path) -> None:
    code, _, err = run("--db", "", "import", str(SEEDS))
    assert code == 2 and "--db" in err and "empty" in err


def test_export_never_overwrites_the_project(db_path: Path) -> None:
    run("--db", str(db_path), "import", str(SEEDS))
    before = db_path.read_bytes()
    for target in (db_path, Path(f"{db_path}-wal")):
        code, _, err = run("--db", str(db_path), "export", "--format", "prodigy", "--status", "all",
                           "--out", str(target))  # fmt: skip
        assert code == 1 and "is the project database itself" in err
    assert db_path.read_bytes() == before


def test_export_of_an_unknown_layer_names_the_layers(db_path: Path, tmp_path: Path) -> None:
    run("--db", str(db_path), "import", str(SEEDS))
    run("--db", str(db_path), "import", "--layer", "alice", str(_prodigy_file(tmp_path)))
    code, _, err = run("--db", str(db_path), "export", "--format", "prodigy", "--layer", "alcie",
                       "--out", str(tmp_path / "x.jsonl"))  # fmt: skip
    assert code == 1 and "no layer named 'alcie'; the project's layers: alice" in err
    code, out, err = run("--db", str(db_path), "export", "--format", "prodigy", "--status",
                         "in_progress", "--out", str(tmp_path / "y.jsonl"))  # fmt: skip
    assert code == 0 and "Exported 0 documents" in out
    assert "no document matched layer gold with status in_progress" in err


def test_jsonl_is_still_accepted_as_the_old_name_of_prodigy(db_path: Path, tmp_path: Path) -> None:
    run("--db", str(db_path), "import", "--layer", "alice", str(_prodigy_file(tmp_path)))
    outputs = []
    for name in ("prodigy", "jsonl"):
        out = tmp_path / f"{name}-out.jsonl"
        code, _, err = run("--db", str(db_path), "export", "--format", name, "--layer", "alice",
                           "--status", "all", "--out", str(out))  # fmt: skip
        assert code == 0, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b'"spans"' in outputs[0]
    code, out, _ = run("export", "--help")
    assert "jsonl is the old name of prodigy" in " ".join(out.split())


def test_a_bad_setting_is_named_by_its_option(db_path: Path, tmp_path: Path) -> None:
    """ops names the setting (``split``); the command line says which option that is."""
    run("--db", str(db_path), "import", str(SEEDS))
    code, _, err = run("--db", str(db_path), "export", "--format", "prodigy", "--status", "all",
                       "--split", "train=0.5", "--out", str(tmp_path / "x.jsonl"))  # fmt: skip
    assert code == 1 and "--split: the ratios add up to 0.5, not 1" in err


def test_spacy_export_to_a_folder_of_shards(db_path: Path, tmp_path: Path) -> None:
    run("--db", str(db_path), "import", "--layer", "alice", str(_prodigy_file(tmp_path)))
    out = tmp_path / "train"
    code, stdout, err = run("--db", str(db_path), "export", "--format", "spacy", "--layer",
                            "alice", "--status", "all", "--docs-per-file", "1",
                            "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert f"to {out}" in stdout and [p.name for p in out.iterdir()] == ["00000.spacy"]
    back = tmp_path / "back.db"  # the folder imports back whole, spans and all
    code, stdout, err = run("--db", str(back), "import", "--layer", "bob", str(out))
    assert code == 0 and stdout.startswith("Imported 1 document (0 duplicates, 0 failed, 1 spans)")
    code, _, err = run("--db", str(db_path), "export", "--format", "conll", "--docs-per-file",
                       "1", "--out", str(tmp_path / "x.conll"))  # fmt: skip
    assert code == 2 and "only the spacy format writes a folder" in err


def _prodigy_file(tmp_path: Path) -> Path:
    path = tmp_path / "tasks.jsonl"
    path.write_text(
        '{"text": "Angela Merkel spoke.", "spans": [{"start": 0, "end": 13, "label": "PERSON"}]}\n'
    )
    return path


def test_layer_names_with_another_meaning_are_refused(db_path: Path, tmp_path: Path) -> None:
    for layer in ("model", "   "):
        code, _, err = run("--db", str(db_path), "import", "--layer", layer,
                           str(_prodigy_file(tmp_path)))  # fmt: skip
        assert code == 1 and "layer" in err


def test_paths_globs_and_folders_that_give_nothing_say_so(db_path: Path, tmp_path: Path) -> None:
    literal = tmp_path / "data[2005].txt"
    literal.write_text("A story from 2005.")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("# not an article")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, out, err = run("--db", str(db_path), "import", str(literal), str(tmp_path / "*.nomatch"),
                         str(tmp_path / "docs"), str(fifo))  # fmt: skip
    assert code == 1
    assert "Imported 1 document" in out
    assert f"{tmp_path / '*.nomatch'}: no files match" in err
    assert f"{tmp_path / 'docs'}: no files of a type import reads" in err
    assert f"{fifo}: not a regular file" in err


def test_a_failed_record_is_not_counted_as_imported(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(
        '{"text": "Good record."}\n'
        '{"text": "Bad link.", "spans": [{"start": 0, "end": 3, "label": "PERSON"},'
        ' {"start": 4, "end": 8, "label": "ORG"}],'
        ' "relations": [{"head_span": {"start": 0, "end": 3, "label": "PERSON"},'
        ' "child_span": {"start": 4, "end": 8, "label": "ORG"}, "label": "SPEAKER"}]}\n'
    )
    code, out, err = run("--db", str(db_path), "import", str(path))
    assert code == 1
    assert "Imported 1 document (0 duplicates, 1 failed)" in out
    assert "SPEAKER must link a QUOTE to a SPEAKER span" in err
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM documents").fetchone()[0] == 1
