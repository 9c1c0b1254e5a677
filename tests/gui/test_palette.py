"""The label palette: every label distinguishable, also under simulated colour-vision
deficiencies; one channel for the label (colour), another for the review state (an overline);
overlapping spans stay visible together."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from colorspacious import cspace_convert
from PySide6.QtGui import QColor

from annotator.gui.highlight import SpanStyles
from annotator.gui.main_window import MainWindow
from annotator.model import SPAN_KINDS, SpanData
from annotator.resources import default_labels

from .conftest import char_format, find

#: Full-severity simulations of the three anomalous trichromacies (Machado et al. 2009).
VISIONS = [None] + [
    {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}
    for kind in ("deuteranomaly", "protanomaly", "tritanomaly")
]
#: Smallest CAM02-UCS distance between any two label colours, in every vision: a difference
#: seen at a glance side by side (about 2-3 just noticeable differences), never a near-twin.
MIN_DISTANCE = 7.0


def _ucs(hex_color: str, vision: dict | None) -> np.ndarray:  # type: ignore[type-arg]
    rgb = np.array(QColor(hex_color).getRgbF()[:3])
    if vision is not None:
        rgb = np.clip(cspace_convert(rgb, vision, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def _distance(a: str, b: str) -> float:
    """The smallest distance between two colours over normal and simulated vision."""
    return min(float(np.linalg.norm(_ucs(a, v) - _ucs(b, v))) for v in VISIONS)


@pytest.mark.parametrize("kind", ["entity", "mark"])
def test_every_label_is_distinguishable_under_colour_vision_deficiencies(kind: str) -> None:
    labels = [
        label for label in default_labels()
        if (label.kind == "entity") == (kind == "entity") and label.kind != "boilerplate"
        and label.kind in SPAN_KINDS
    ]  # fmt: skip
    closest = min(
        ((_distance(a.color, b.color), a.name, b.name) for a, b in combinations(labels, 2)),
        key=lambda row: row[0],
    )
    assert closest[0] >= MIN_DISTANCE, closest


def test_the_old_palette_fails_the_same_check() -> None:
    """The check can fail: ORG, LAW, LANGUAGE, QUANTITY and MONEY were five look-alike blues."""
    old = {"ORG": "#8ecae6", "LAW": "#a2d2ff", "LANGUAGE": "#bde0fe", "MONEY": "#9bf6ff"}
    assert min(_distance(a, b) for a, b in combinations(old.values(), 2)) < MIN_DISTANCE


def test_speaker_text_reads_on_a_person_background() -> None:
    """The SPEAKER's bold underlined text stands out on the PERSON background it sits on."""
    styles = SpanStyles({lb.name: lb for lb in default_labels() if lb.kind in SPAN_KINDS})
    text = styles.format(SpanData(0, 1, "SPEAKER", reviewed=True)).foreground().color().name()
    assert _distance(text, styles.color("PERSON").name()) >= 3 * MIN_DISTANCE


def test_review_state_and_label_use_separate_channels() -> None:
    styles = SpanStyles({lb.name: lb for lb in default_labels() if lb.kind in SPAN_KINDS})
    for label in default_labels():
        reviewed = styles.format(SpanData(0, 1, label.name, source="human", reviewed=True))
        suggested = styles.format(SpanData(0, 1, label.name, source="model"))
        assert suggested.fontOverline() and not reviewed.fontOverline()
        # The colours are the same in both states: colour tells the label only.
        assert suggested.background() == reviewed.background()
        assert suggested.foreground() == reviewed.foreground()
        assert not suggested.fontItalic()


def test_a_speaker_over_a_person_leaves_both_visible(window: MainWindow) -> None:
    from .conftest import TEXT

    start, end = find(TEXT, "Hussain")
    quote = next(s for s in window.view.spans if s.label == "QUOTE")
    window.editor.linker.link(quote.id, "SPEAKER", start, end)
    fmt = char_format(window.view, start + 2)
    assert fmt.background().color().name() == window.styles.color("PERSON").name()
    assert fmt.fontUnderline() and fmt.underlineColor() == window.styles.color("SPEAKER")
    assert fmt.fontWeight() >= 700
    tip = window.editor.describe(window.view.spans_at(start + 2))
    assert "PERSON" in tip and "SPEAKER" in tip  # hovering names both labels


def test_the_side_lists_mark_suggestions_as_the_article_does(window: MainWindow) -> None:
    model = window.side.entities
    fonts = [model.data(model.index(row, 1), 6) for row in range(model.rowCount())]
    assert fonts and all(f is not None and f.overline() and not f.italic() for f in fonts)
    window.editor.accept_suggestions()
    assert all(model.data(model.index(r, 1), 6) is None for r in range(model.rowCount()))
