"""Fixtures shared by every test folder: a project file, the sample and the BBC corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.store import Store

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ARTICLE = SEEDS / "000_9294787340d87288.txt"
BBC = REPO.parent / "shared" / "corpora" / "bbc-news-2005"
if not BBC.is_dir():  # a clean clone beside ../shared, or CI's copy of it
    BBC = REPO.parent.parent / "shared" / "corpora" / "bbc-news-2005"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as s:
        yield s


@pytest.fixture
def bbc() -> Path:
    if not BBC.is_dir():
        pytest.skip("needs ../shared/corpora/bbc-news-2005 beside the repository")
    return BBC


@pytest.fixture(autouse=True, scope="session")
def _own_state_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Projects' clean-close records go to a test folder, not the user's (also for subprocesses)."""
    import os

    from annotator.store.integrity import STATE_ENV

    before = os.environ.get(STATE_ENV)
    os.environ[STATE_ENV] = str(tmp_path_factory.mktemp("state"))
    yield
    if before is None:
        os.environ.pop(STATE_ENV, None)
    else:
        os.environ[STATE_ENV] = before
