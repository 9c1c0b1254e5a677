"""The blind quote sets: the detector does not fall below their measured scores.

Each of tests/data/quotes_blind3 … quotes_blind20 was drawn at random with a recorded seed,
annotated by hand before the detector ran on it, and scored blind once, at the end of a round of
issue 14's attribution work (the sets' READMEs and bench/README.md hold those results: speaker name
0.773, 0.768, 0.804, 0.886, 0.826, 0.843, 0.846 (0.842 without blind 9's near copy of a blind 7
article), 0.811, 0.822, 0.825, 0.862, 0.844, 0.886, 0.874, 0.865, 0.835, 0.868 and 0.902). Once
scored, a set is development data and later rounds tune on it, so its floor may rise above its
blind result.
The floors are the latest measured scores rounded down to 0.01, to catch regressions; they are not
the targets (quote F1 >= 0.98, speaker name >= 0.90, cue >= 0.90, every multi-paragraph quotation
joined). The development sets quotes_dev7 to quotes_dev11 were drawn and annotated the same way,
read once as unseen news (dev 7 and 8 in the fifth speaker round, dev 9 to 11 in the seventh) and
tuned on after; their floors sit here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.nlp.quote_eval import load_gold_dir
from annotator.ops.quality import score_pipeline

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Floors:
    quotations: int
    f1: float
    speaker_name: float  # over all quotations
    speaker_named: float  # over quotations whose gold names a speaker
    cue: float  # over all quotations
    cue_given: float  # over quotations whose gold has a cue
    multi_paragraph: int
    joined: int


FLOORS = {
    # blind 3: 0.994 F1, 1.000 since a quotation that lost its mark ends before the
    # narrator's next sentence (after blind 16's scoring); speaker 0.966 / 0.981 (0.773
    # blind); cue 0.983 / 0.992; 25/26 joined, 26/26 since
    "quotes_blind3": Floors(177, 1.00, 0.96, 0.98, 0.98, 0.99, 26, 26),
    # blind 4: 1.000 F1; speaker 0.940 / 0.943 (0.768 blind); cue 0.960 / 0.965; 17/17
    "quotes_blind4": Floors(151, 1.00, 0.94, 0.94, 0.96, 0.96, 17, 17),
    # blind 5: 1.000 F1; speaker 0.888 / 0.885 since the twelfth round (0.804 blind), 0.895 /
    # 0.893 since the fourteenth (a first name the model left out, "Rhodri Glyn Thomas"); cue
    # 0.986 / 0.9896; 23/23
    "quotes_blind5": Floors(143, 1.00, 0.89, 0.89, 0.98, 0.98, 23, 23),
    # blind 6: 0.997 F1 (one extra); speaker 0.958 / 0.957 (0.886 / 0.892 blind), 0.952 /
    # 0.9496 since the twelfth round (a firm's short name, "Daiwa", is now the fullest form
    # the article gives, "Daiwa Securities", as later sets annotate bodies); cue 0.976 /
    # 0.975 (0.946 / 0.966 blind), 0.982 / 0.983 since the eighteenth round ("expressed");
    # 16/16
    "quotes_blind6": Floors(166, 0.99, 0.95, 0.94, 0.98, 0.98, 16, 16),
    # blind 7: 1.000 F1; speaker 0.884 / 0.886 (0.826 / 0.829 blind, main at ae7c801);
    # cue 0.935 / 0.929 (0.923 / 0.9196 blind), 0.955 / 0.955 since the fourteenth round
    # ("attacked … as" is a cue); 20/20
    "quotes_blind7": Floors(155, 1.00, 0.88, 0.88, 0.95, 0.95, 20, 20),
    # blind 8: 1.000 F1; speaker 0.933 / 0.967 (0.843 / 0.870 blind, main at cf1dfaf);
    # cue 0.955 / 1.000 (0.933 / 0.971 blind); 23/23
    "quotes_blind8": Floors(134, 1.00, 0.93, 0.96, 0.95, 1.00, 23, 23),
    # blind 9: 1.000 F1; speaker 0.927 / 0.946 (0.846 / 0.857 blind, main at 0a67c97; 0.842
    # on its 24 unseen articles); cue 0.967 / 0.952 (0.951 / 0.928 blind); 12/12
    "quotes_blind9": Floors(123, 1.00, 0.92, 0.94, 0.96, 0.95, 12, 12),
    # blind 10: 0.987 F1 (three missed, one extra); speaker 0.919 / 0.936 (0.811 / 0.821
    # blind, main at 8198513); cue 0.939 / 0.948 (0.912 / 0.914 blind), 0.953 / 0.957 since
    # the fourteenth round ('"…," read a statement'); F1 0.990 since the narrator's sentence
    # ends a quotation that lost its mark; 15/15
    "quotes_blind10": Floors(151, 0.99, 0.91, 0.93, 0.95, 0.95, 15, 15),
    # blind 11: 1.000 F1 (0.987 blind: a statement split at a word in double marks inside
    # it); speaker 0.892 / 0.899 (0.822 / 0.818 blind, main at 6adc2da); cue 0.943 / 0.962
    # (0.924 / 0.933 blind); 17/17 (16/17 blind); speaker 0.899 / 0.906 since the eleventh round
    "quotes_blind11": Floors(158, 0.99, 0.89, 0.90, 0.94, 0.96, 17, 17),
    # blind 12: 0.988 F1 (0.970 blind: quotations that lost or changed a closing mark; the
    # two closed by a single mark are found since); speaker 0.915 / 0.927 since the eleventh
    # round (0.825 / 0.822 blind, main at f34ccf2); cue 0.9695 / 0.974; 24/24
    "quotes_blind12": Floors(167, 0.98, 0.91, 0.92, 0.96, 0.97, 24, 24),
    # blind 13: 1.000 F1; speaker 0.882 / 0.886 after two fixes for name forms, 0.888 / 0.893
    # since the twelfth round (0.862 / 0.864 blind, main at f32e2a9), 0.895 / 0.900 since the
    # fourteenth ("according to a report published by X"); cue 0.974 / 0.964, 0.980 / 0.973
    # since the fourteenth; 17/17
    "quotes_blind13": Floors(152, 1.00, 0.89, 0.90, 0.98, 0.97, 17, 17),
    # blind 14: 1.000 F1; speaker 0.844 / 0.845 (blind, main at 1ed59db), 0.8896 / 0.894 after
    # five fixes of shapes among its errors, 0.896 / 0.901 since the fourteenth round ("he"
    # after a name in apposition to a role), 0.909 / 0.915 since the eighteenth (a club with
    # a plural verb is no "he"); cue 0.929 / 0.917 (blind), 0.942 / 0.936; 24/24
    "quotes_blind14": Floors(154, 1.00, 0.90, 0.91, 0.94, 0.93, 24, 24),
    # blind 15: 0.990 F1; speaker 0.886 / 0.891 (blind, main at fbeb483), 0.946 / 0.957
    # after two fixes on its errors, 0.953 / 0.964 after blind 16's scoring ("Pound
    # continued:"); cue 0.946 / 0.954, 0.953 / 0.963 after them, 0.9597 / 0.972; 12/13
    # joined (politics_016's quotation after one that lost its closing mark), F1 1.000 and
    # 13/13 since the narrator's sentence ("…, it said.") ends that one
    "quotes_blind15": Floors(151, 1.00, 0.95, 0.96, 0.95, 0.97, 13, 13),
    # blind 16: 0.991 F1; speaker 0.874 / 0.882 (blind, main at 1625f4a, the code of d6a6bb1);
    # 0.880 / 0.888 after its scoring ("Moyes continued:"), 0.892 / 0.901 since the sixteenth
    # round (a "who" gives way to the "he" opening its sentence); cue 0.952 / 0.954, 0.958 /
    # 0.963; 28/29 joined (sport_272's quotation that lost its closing mark)
    "quotes_blind16": Floors(168, 0.99, 0.89, 0.90, 0.95, 0.96, 29, 28),
    # blind 17: 0.994 F1; speaker 0.865 / 0.875 (blind, main at bff62e5, the code of d4e1f37),
    # 0.884 / 0.897 since the sixteenth round ("smiles one broker"); cue 0.961 / 0.981, 0.968
    # / 0.991; 14/14 joined
    "quotes_blind17": Floors(156, 0.99, 0.88, 0.89, 0.96, 0.99, 14, 14),
    # blind 18: 0.992 F1; speaker 0.835 / 0.856 (blind, main at f98f3a8, the code of 293c49d),
    # 0.846 / 0.871 since the seventeenth round; cue 0.956 / 0.957; 26/27 joined
    # (politics_267's reopened quotation split in two)
    "quotes_blind18": Floors(183, 0.99, 0.84, 0.87, 0.95, 0.95, 27, 26),
    # blind 19: 0.993 F1; speaker 0.868 / 0.877 (blind, main at 6291811, the code of 477efa0),
    # 0.887 / 0.899 after its scoring (a star named after a show); cue 0.940 / 0.935; 15/15
    # joined
    "quotes_blind19": Floors(152, 0.99, 0.88, 0.89, 0.94, 0.93, 15, 15),
    # blind 20: 1.000 F1; speaker 0.902 / 0.908 (blind, main at 8a6bafb); cue 0.945 / 0.951;
    # 21/21 joined
    "quotes_blind20": Floors(164, 1.00, 0.90, 0.90, 0.94, 0.95, 21, 21),
    # dev 7 (read once unseen at 0.770, then tuned on): 0.988 F1; speaker 0.939 / 0.954
    # (0.945 before the eleventh round: `to ensure it is the "polluter who pays"`, a term to
    # its gold, goes on with the reporter of the sentence before, as five phrases of other
    # sets whose gold names that reporter do); cue 0.952 / 0.958; 25/27 (two quotations in
    # doubled apostrophes)
    "quotes_dev7": Floors(166, 0.98, 0.93, 0.95, 0.95, 0.95, 27, 25),
    # dev 8 (read once unseen at 0.891, then tuned on): 0.992 F1; speaker 0.958 / 0.954;
    # cue 0.983 / 0.989; 12/13 (a closing mark the source left out)
    "quotes_dev8": Floors(120, 0.99, 0.95, 0.95, 0.98, 0.98, 13, 12),
    # dev 9 (read once unseen at 0.915, then tuned on): 0.983 F1; speaker 0.986 / 0.984,
    # 0.993 / 0.992 since the fourteenth round ("ABC", written alone first, is not "ABC Inc");
    # cue 0.965 / 0.960; 25/26 (a quotation that lost its closing mark)
    "quotes_dev9": Floors(144, 0.98, 0.99, 0.99, 0.96, 0.96, 26, 25),
    # dev 10 (read once unseen at 0.877, then tuned on): 1.000 F1; speaker 0.942 / 0.945;
    # cue 0.971 / 0.968; 21/21
    "quotes_dev10": Floors(138, 1.00, 0.94, 0.94, 0.97, 0.96, 21, 21),
    # dev 11 (read once unseen at 0.716, then tuned on): 1.000 F1; speaker 0.843 / 0.8595
    # (its cardinal, typed a body by the model, is a person after his title since the ninth
    # round), 0.851 / 0.8595 since the thirteenth ("so-called" in three tokens is a term);
    # cue 0.933 / 0.955, 0.940 / 0.955 since the thirteenth; speaker 0.873 / 0.876, cue
    # 0.948 since the fourteenth (a "he" is nobody its own quotation names; 'silence' in
    # single marks before a noun is a term), 0.881 / 0.884 after blind 16's scoring; 11/11
    "quotes_dev11": Floors(134, 1.00, 0.88, 0.88, 0.94, 0.95, 11, 11),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_scores_do_not_regress(nlp, name: str) -> None:  # type: ignore[no-untyped-def]
    floors = FLOORS[name]
    report = score_pipeline(load_gold_dir(DATA / name), nlp)
    assert report.gold == floors.quotations
    assert report.f1 >= floors.f1, report.errors
    assert report.speaker_name_accuracy >= floors.speaker_name, report.errors
    assert report.speaker_named_accuracy >= floors.speaker_named, report.errors
    assert report.cue_accuracy >= floors.cue, report.errors
    assert report.cue_given_accuracy >= floors.cue_given, report.errors
    assert report.multi_paragraph == floors.multi_paragraph
    assert report.joined >= floors.joined, report.errors
