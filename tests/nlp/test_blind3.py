"""The third quote set: well-formed, and the detector does not fall below its measured scores.

tests/data/quotes_blind3/ was drawn at random with a recorded seed, annotated by hand before
issue 14's attribution work and scored blind once when that work was final (see its README and
bench/README.md); since then it is development data, tuned on like the other sets. The floors are
the latest measured scores rounded down to 0.01, to catch regressions; they are not the targets
(quote F1 >= 0.98, speaker name >= 0.90, cue >= 0.90, every multi-paragraph quotation joined).
"""

from __future__ import annotations

from pathlib import Path

from annotator.nlp.quote_eval import load_gold_dir
from annotator.ops.quality import score_pipeline

BLIND3 = Path(__file__).resolve().parents[1] / "data" / "quotes_blind3"

F1_FLOOR = 0.99  # measured 0.994 (176/177 found, 1 extra)
# Blind scoring (05:16 UTC): speaker name 0.773 (0.776 named), cue 0.966 (0.977 given). Since then
# development data; the floors hold the measurements after the second speaker round:
SPEAKER_NAME_FLOOR = 0.94  # measured 0.949 (168/177); target 0.90
SPEAKER_NAMED_FLOOR = 0.96  # measured 0.963 over quotations whose gold names a speaker
CUE_FLOOR = 0.97  # measured 0.972; target 0.90
CUE_GIVEN_FLOOR = 0.98  # measured 0.985 over quotations whose gold has a cue
MULTI_PARAGRAPH = 26
JOINED_FLOOR = 25  # measured 25/26 joined; target all joined


def test_blind3_scores_do_not_regress(nlp) -> None:  # type: ignore[no-untyped-def]
    report = score_pipeline(load_gold_dir(BLIND3), nlp)
    assert report.gold == 177
    assert report.f1 >= F1_FLOOR, report.errors
    assert report.speaker_name_accuracy >= SPEAKER_NAME_FLOOR, report.errors
    assert report.speaker_named_accuracy >= SPEAKER_NAMED_FLOOR, report.errors
    assert report.cue_accuracy >= CUE_FLOOR, report.errors
    assert report.cue_given_accuracy >= CUE_GIVEN_FLOOR, report.errors
    assert report.multi_paragraph == MULTI_PARAGRAPH
    assert report.joined >= JOINED_FLOOR, report.errors
