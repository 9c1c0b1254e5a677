"""The project as a whole: README and CI agree, lint and layer contracts hold, data ships."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def readme_commands() -> list[str]:
    """The commands of the README's fenced ``sh`` blocks under "Set up, run, test"."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up, run, test", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_readme_has_install_run_and_test_lines() -> None:
    install, run, test = readme_commands()
    assert "pip install" in install
    assert run.endswith("annotator")
    assert "pytest" in test


def test_ci_runs_exactly_the_readme_install_and_test_lines() -> None:
    install, _, test = readme_commands()
    ci = [
        line.strip()
        for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    commands = [line for line in ci if not line.startswith(("set ", "cd ", "export "))]
    assert commands == [install, test]


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_ruff_lint_and_format() -> None:
    lint = subprocess.run([_tool("ruff"), "check", "."], cwd=REPO, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = subprocess.run(
        [_tool("ruff"), "format", "--check", "."], cwd=REPO, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_import_layer_contracts() -> None:
    out = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=REPO, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_wheel_ships_seeds_and_resources(tmp_path: Path) -> None:
    """A normal (non-editable) install must find seeds/ and resources/ too."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True,
    )  # fmt: skip
    if build.returncode != 0 and "No matching distribution found for hatchling" in build.stderr:
        pytest.fail("cannot build the wheel: hatchling is not reachable")
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "annotator/_data/seeds/000_9294787340d87288.txt" in names
    assert "annotator/_data/resources/labels.json" in names


def test_design_citations_point_at_sections_that_exist() -> None:
    """Code, tests and config cite docs/design.md by section; each cited section is there."""
    design = (REPO / "docs" / "design.md").read_text(encoding="utf-8")
    sections = {int(n) for n in re.findall(r"^## (\d+)\. ", design, flags=re.MULTILINE)}
    cited: dict[str, set[int]] = {}
    old = "DESIGN" + ".md"  # the design file's former name, outside the repository
    files = [REPO / "pyproject.toml", REPO / "README.md"]
    for folder, pattern in [("annotator", "*.py"), ("tests", "*.py"), ("tests", "*.md"),
                            ("bench", "*.py"), ("bench", "*.md")]:  # fmt: skip
        files += sorted((REPO / folder).rglob(pattern))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert old not in text, f"{path} cites {old}, which the repository does not hold"
        for first, last in re.findall(r"docs/design\.md (?:§|section )(\d+)(?:-(\d+))?", text):
            numbers = range(int(first), int(last or first) + 1)
            cited.setdefault(str(path.relative_to(REPO)), set()).update(numbers)
    assert cited, "nothing cites docs/design.md any more"
    missing = {path: sorted(n - sections) for path, n in cited.items() if n - sections}
    assert not missing, f"sections cited but absent from docs/design.md: {missing}"


def test_files_docs_design_names_exist() -> None:
    """Every module or data file docs/design.md points at is in the repository."""
    design = (REPO / "docs" / "design.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_][\w/]*\.(?:py|json|txt|md|cfg))`", design))
    assert len(named) > 20
    missing = sorted(
        name
        for name in named
        if not (REPO / name).exists() and not (REPO / "annotator" / name).exists()
    )
    assert not missing, f"docs/design.md names files that do not exist: {missing}"
