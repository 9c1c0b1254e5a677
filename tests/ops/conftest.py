"""A tiny project whose documents one annotator finished: gold data for training tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.model import SpanData
from annotator.store import Store

PEOPLE = ["Maria Lopez", "John Baker", "Aiko Tanaka", "Peter Novak", "Sara Olsen", "Omar Haddad",
          "Lena Fischer", "David Osei", "Nina Rossi", "Tom Walsh"]  # fmt: skip
CITIES = ["Paris", "Lagos", "Tokyo", "Prague", "Oslo", "Cairo", "Berlin", "Accra", "Rome", "Dublin"]
TEAMS = ["Red Kites", "Blue Herons", "Iron Owls", "Sea Wolves", "Sky Larks"]


def gold_documents() -> list[tuple[str, str, list[SpanData]]]:
    """Ten short articles with PERSON, GPE and a label the base model lacks (TEAM)."""
    docs = []
    for i, (person, city) in enumerate(zip(PEOPLE, CITIES)):
        team = TEAMS[i % len(TEAMS)]
        text = f"{person} flew to {city} on Monday. The {team} signed {person.split()[1]} there."
        spans = [
            SpanData(0, len(person), "PERSON", source="human", reviewed=True),
            SpanData(
                text.index(city), text.index(city) + len(city), "GPE", source="human", reviewed=True
            ),
            SpanData(
                text.index(team),
                text.index(team) + len(team),
                "TEAM",
                source="human",
                reviewed=True,
            ),
        ]
        docs.append((f"doc{i:02}.txt", text, spans))
    return docs


def make_project(path: Path, annotator: str = "alice") -> Path:
    with Store(path) as store:
        for name, text, spans in gold_documents():
            doc_id, _ = store.add_document(name, text)
            store.replace_annotations(doc_id, annotator, spans)
            store.set_status(doc_id, annotator, "done")
    return path


@pytest.fixture
def gold_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "gold.db")
