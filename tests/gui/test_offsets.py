"""Code points vs UTF-16: the one conversion module, and spans landing on the right characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.gui.highlight import SpanStyles
from annotator.gui.main_window import MainWindow
from annotator.gui.offsets import OffsetMap
from annotator.gui.text_view import TextView
from annotator.model import SpanData
from annotator.ops.importing import import_paths
from annotator.resources import default_labels
from annotator.store import Store

from .conftest import ME, db_spans

ASTRAL = "Start 😀 Keir 𝕏 Starmer 𠀀 said “hi 👋🏽 there” in 𝕏ondon 🇬🇧 end."


def test_offset_map_round_trips_astral_characters() -> None:
    offsets = OffsetMap(ASTRAL)
    assert offsets.qt_length == len(ASTRAL.encode("utf-16-le")) // 2
    for i in range(len(ASTRAL) + 1):
        q = offsets.to_qt(i)
        assert q == len(ASTRAL[:i].encode("utf-16-le")) // 2
        assert offsets.from_qt(q) == i
    emoji = ASTRAL.index("😀")
    # A position inside the surrogate pair belongs to its character.
    assert offsets.from_qt(offsets.to_qt(emoji) + 1) == emoji
    assert offsets.span_from_qt(offsets.to_qt(emoji), offsets.to_qt(emoji) + 1) == (
        emoji,
        emoji + 1,
    )


@given(st.text(alphabet=st.sampled_from("ab \n😀𝕏𠀀é中"), max_size=40))
def test_offset_map_matches_utf16_for_any_text(text: str) -> None:
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.to_qt(i) == len(text[:i].encode("utf-16-le")) // 2
        assert offsets.from_qt(offsets.to_qt(i)) == i


@pytest.mark.parametrize("part", ["Keir", "Starmer", "“hi 👋🏽 there”", "𝕏ondon", "😀", "𠀀 said"])
def test_highlight_and_selection_land_on_the_same_characters(qtbot, part: str) -> None:  # type: ignore[no-untyped-def]
    styles = SpanStyles({label.name: label for label in default_labels()})
    view = TextView(styles=styles)
    qtbot.addWidget(view)
    start = ASTRAL.index(part)
    end = start + len(part)
    view.load(ASTRAL, [SpanData(start, end, "ORG", source="human", reviewed=True, id=1)])
    org = styles.color("ORG").name()
    qt_start, qt_end = view.offsets.span_to_qt(start, end)

    def background(qt_pos: int) -> str:
        cursor = view.textCursor()
        cursor.setPosition(qt_pos + 1)
        return cursor.charFormat().background().color().name()

    assert background(qt_start) == org
    assert background(qt_end - 1) == org
    if qt_start > 0:
        assert background(qt_start - 1) != org
    if qt_end < view.offsets.qt_length:
        assert background(qt_end) != org
    view.select_text(start, end)
    assert view.selection() == (start, end)
    assert view.textCursor().selectedText() == part


def test_new_span_on_astral_text_is_stored_on_the_selected_characters(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.db"
    with Store(path) as store:
        store.add_document("astral.txt", ASTRAL)
    store = Store(path)
    window = MainWindow(store=store, annotator=ME, poll_ms=50)
    qtbot.addWidget(window)
    for part, key in (("Starmer", "PERSON"), ("𝕏ondon", "GPE"), ("“hi 👋🏽 there”", "QUOTE")):
        start = ASTRAL.index(part)
        window.view.select_text(start, start + len(part))
        window.actions[f"label:{key}"].trigger()
    stored = {(s.label, ASTRAL[s.start : s.end]) for s in db_spans(path)}
    assert stored == {("PERSON", "Starmer"), ("GPE", "𝕏ondon"), ("QUOTE", "“hi 👋🏽 there”")}
    window.close()
    store.close()


def test_crlf_import_keeps_offsets_exact(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "crlf.txt"
    source.write_bytes("Headline 😀\r\nMr Hussain said 𝕏 “no”.\r\nLast line.\r\n".encode())
    path = tmp_path / "p.db"
    with Store(path) as store:
        report = import_paths(store, [source])
        assert report.imported == 1
        text = store.document_text(1)
    assert "\r" not in text
    store = Store(path)
    window = MainWindow(store=store, annotator=ME, poll_ms=50)
    qtbot.addWidget(window)
    assert window.view.toPlainText() == text
    start = text.index("Hussain")
    # A sloppy selection from inside the word to past the next space snaps to the word.
    window.view.select_text(start + 2, start + len("Hussain") + 1)
    window.actions["label:PERSON"].trigger()
    start = text.index("“no”")
    window.view.select_text(start, start + 4)
    window.actions["label:QUOTE"].trigger()
    assert sorted((s.label, text[s.start : s.end]) for s in db_spans(path)) == [
        ("PERSON", "Hussain"),
        ("QUOTE", "“no”"),
    ]
    window.close()
    store.close()
