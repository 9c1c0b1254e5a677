"""``annotator evaluate`` on hand-computed cases, a layer already in the project, the chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.errors import SettingError
from annotator.model import CUE, QUOTE, SPEAKER, RelationData, SpanData
from annotator.ops.evaluate import evaluate, saved_evaluation
from annotator.store import Store

LAYER = "model:en_test@1.0"
TEXT = 'Ann Lee met Bob Ray in Rome. "We won," Ann Lee said.'


def _span(
    text: str, part: str, label: str, *, nth: int = 0, source: str = "model", **attrs: str
) -> SpanData:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return SpanData(start, start + len(part), label, source=source, attrs=attrs)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Gold: PERSON Ann Lee, PERSON Bob Ray, GPE Rome, a quote by Ann Lee.
    Model layer: Ann Lee exact, "Bob" only (partial), Rome as ORG (confusion), the quote with
    the right speaker name."""
    path = tmp_path / "p.db"
    quote = '"We won,"'
    with Store(path) as store:
        doc_id, _ = store.add_document("a.txt", TEXT)
        gold = [
            _span(TEXT, "Ann Lee", "PERSON", source="human"),
            _span(TEXT, "Bob Ray", "PERSON", source="human"),
            _span(TEXT, "Rome", "GPE", source="human"),
            _span(TEXT, quote, QUOTE, source="human", speaker_name="Ann Lee"),
            _span(TEXT, "Ann Lee", SPEAKER, nth=1, source="human"),
            _span(TEXT, "said", CUE, source="human"),
        ]
        relations = [RelationData(3, 4, SPEAKER), RelationData(3, 5, CUE)]
        store.replace_annotations(doc_id, "alice", gold, relations)
        store.set_status(doc_id, "alice", "done")
        predicted = [
            _span(TEXT, "Ann Lee", "PERSON"),
            _span(TEXT, "Bob", "PERSON"),
            _span(TEXT, "Rome", "ORG"),
            _span(TEXT, quote, QUOTE, speaker_name="ann lee"),
        ]
        store.replace_annotations(doc_id, LAYER, predicted)
    return path


def test_layer_scores_are_the_hand_computed_ones(project: Path) -> None:
    with Store(project) as store:
        report = evaluate(store, layer="model")
        saved = saved_evaluation(store, LAYER)
    assert report.source == LAYER and report.split == "all" and report.documents == 1
    exact, partial = report.entities.total("exact"), report.entities.total("partial")
    # exact: Ann Lee right; Bob wrong, Rome/ORG wrong; Bob Ray and Rome/GPE missed
    assert (exact.tp, exact.fp, exact.fn) == (1, 2, 2)
    assert exact.precision == pytest.approx(1 / 3) and exact.recall == pytest.approx(1 / 3)
    # partial: "Bob" overlaps "Bob Ray" with the same label
    assert (partial.tp, partial.fp, partial.fn) == (2, 1, 1)
    assert report.entities.exact["PERSON"].f1 == pytest.approx(0.5)
    assert report.entities.partial["PERSON"].f1 == 1.0
    assert report.entities.confusions == {("GPE", "ORG"): 1}
    quotes = report.quotes
    assert (quotes.gold, quotes.predicted, quotes.matched) == (1, 1, 1)
    assert quotes.speaker_name_accuracy == 1.0  # names compare case-insensitively
    assert saved is not None and saved["entities"]["exact"]["overall"]["tp"] == 1


def test_cli_table_json_and_plot(project: Path, tmp_path: Path) -> None:
    out_json, out_png = tmp_path / "e.json", tmp_path / "e.png"
    args = ["--db", str(project), "evaluate", "--layer", LAYER]
    result = CliRunner().invoke(main, [*args, "--json", str(out_json), "--plot", str(out_png)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    person = next(line for line in lines if line.startswith("PERSON"))
    assert person.split() == ["PERSON", "2", "0.500", "0.500", "0.500", "1.000", "1.000", "1.000"]
    overall = next(line for line in lines if line.startswith("OVERALL"))
    assert overall.split()[1:5] == ["3", "0.333", "0.333", "0.333"]
    assert "GPE→ORG 1" in result.output
    data = json.loads(out_json.read_text())
    assert data["quotes"]["f1"] == 1.0 and data["entities"]["partial"]["overall"]["tp"] == 2
    assert out_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_empty_model_layer_scores_zero_recall(project: Path) -> None:
    with Store(project) as store:
        doc_id = store.document_ids()[0]
        store.replace_annotations(doc_id, LAYER, [])
        report = evaluate(store, layer=LAYER)
    total = report.entities.total()
    assert (total.tp, total.fp, total.fn, total.recall, total.f1) == (0, 0, 3, 0.0, 0.0)
    assert report.quotes.recall == 0.0


def test_gold_against_itself_is_perfect(project: Path) -> None:
    with Store(project) as store:
        report = evaluate(store, layer="alice")
    assert report.entities.total().f1 == 1.0 and report.entities.total("partial").f1 == 1.0
    assert report.quotes.f1 == 1.0 and report.quotes.speaker_name_accuracy == 1.0


def test_an_empty_test_split_says_what_to_do(project: Path) -> None:
    with Store(project) as store, pytest.raises(SettingError, match="score split all") as info:
        evaluate(store, split="dev")
    assert info.value.setting == "split"  # the CLI says --split


def test_bad_plot_name_is_one_line(project: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(project), "evaluate", "--layer", LAYER,
                                       "--plot", str(tmp_path / "chart.txt")])  # fmt: skip
    assert result.exit_code == 1 and "use a .png, .svg or .pdf" in result.output
