"""Fixtures of the NLP tests: the real default pipeline, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from annotator.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_9294787340d87288.txt"
GOLD_DIR = ROOT / "tests" / "data" / "quotes_gold"
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-news-2005"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp: Language, seed_text: str):
    return nlp(seed_text)
