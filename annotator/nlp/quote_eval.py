"""Score predicted quotations against a hand-made gold set (pure Python, no spaCy).

Definitions, so numbers from different runs and tools compare:

* **overlap** of two spans = characters in common / length of the *longer* span. A predicted
  quotation matches a gold one when the overlap is at least 0.8; matching is one-to-one, best
  overlaps first. Dividing by the longer span means a prediction that swallows two quotations,
  or keeps only half of one, does not match.
* **precision / recall / F1** count matched quotations over predicted / gold ones.
* **speaker-name accuracy** over matched pairs: the two ``speaker_name`` values are equal after
  casefolding, collapsing spaces and dropping a leading "the" (both missing counts as equal).
* **cue accuracy** over matched pairs: both cues missing, or both present and overlapping.
  **mention accuracy** is the same for the speaker mention.
* both accuracies are also given over the matched pairs whose gold *has* a speaker name / a cue
  (``speaker_named_accuracy``, ``cue_given_accuracy``): there an empty prediction is simply
  wrong, so a detector cannot score by leaving hard quotations unattributed.
* a gold quotation is **multi-paragraph** when a paragraph inside it reopens with a quote mark
  (after a newline, or after a sentence end on the same line as in the BBC 2005 files); it is
  **joined** when one matched prediction runs from its first to its last paragraph.

The gold format is quotes-jsonl (docs/design.md §5): ``<name>.txt`` holds the exact text and
``<stem>.quotes.jsonl`` one quotation per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.model import CUE, QUOTE, SPEAKER, RelationData, SpanData

MATCH_THRESHOLD = 0.8
Span = tuple[int, int]
_REOPEN = r"(?:\n\s*|[.?!…:;][\"”’')\]]*\s+){mark}\S"


@dataclass(frozen=True)
class QuoteRecord:
    """One quotation, gold or predicted, as the scorer sees it."""

    document: str
    start: int
    end: int
    speaker: Span | None = None
    cue: Span | None = None
    speaker_name: str | None = None


@dataclass
class GoldDocument:
    name: str
    text: str
    quotes: list[QuoteRecord]


@dataclass
class QuoteReport:
    """Scores of one run over a gold set, totals and per document."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_name_correct: int = 0
    mention_correct: int = 0
    cue_correct: int = 0
    #: Matched pairs whose gold names a speaker / has a cue, and how many of those are right.
    speaker_named: int = 0
    speaker_named_correct: int = 0
    cue_given: int = 0
    cue_given_correct: int = 0
    multi_paragraph: int = 0
    joined: int = 0
    documents: dict[str, QuoteReport] = field(default_factory=dict)
    #: Human-readable lines about each miss, false alarm and wrong attribution.
    errors: list[str] = field(default_factory=list)
    #: One line per document the pipeline could not annotate (scored as finding nothing).
    warnings: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_name_accuracy(self) -> float:
        return self.speaker_name_correct / self.matched if self.matched else 0.0

    @property
    def mention_accuracy(self) -> float:
        return self.mention_correct / self.matched if self.matched else 0.0

    @property
    def cue_accuracy(self) -> float:
        return self.cue_correct / self.matched if self.matched else 0.0

    @property
    def speaker_named_accuracy(self) -> float:
        """Speaker-name accuracy over matched quotations whose gold names a speaker."""
        return self.speaker_named_correct / self.speaker_named if self.speaker_named else 0.0

    @property
    def cue_given_accuracy(self) -> float:
        """Cue accuracy over matched quotations whose gold has a cue."""
        return self.cue_given_correct / self.cue_given if self.cue_given else 0.0

    def add(self, other: QuoteReport) -> None:
        for name in (
            "gold", "predicted", "matched", "speaker_name_correct", "mention_correct",
            "cue_correct", "speaker_named", "speaker_named_correct", "cue_given",
            "cue_given_correct", "multi_paragraph", "joined",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def overlap(a: Span, b: Span) -> float:
    """Characters in common divided by the length of the longer span."""
    common = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    return max(common, 0) / longest if longest > 0 else 0.0


def normalise_name(name: str | None) -> str | None:
    if not name:
        return None
    words = re.sub(r"[^\w\s'’-]", " ", name.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) or None


def is_multi_paragraph(text: str, quote: Span) -> bool:
    """Does a paragraph inside the quotation reopen with its opening mark?"""
    body = text[quote[0] : quote[1]]
    if len(body) < 3:
        return False
    return re.search(_REOPEN.format(mark=re.escape(body[0])), body[1:]) is not None


def match_quotes(
    gold: Sequence[QuoteRecord], predicted: Sequence[QuoteRecord]
) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, predicted index)`` pairs with overlap >= the threshold."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            score = overlap((g.start, g.end), (p.start, p.end))
            if score >= MATCH_THRESHOLD:
                candidates.append((-score, i, j))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _same_span(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return min(a[1], b[1]) > max(a[0], b[0])


def score_document(
    text: str, gold: Sequence[QuoteRecord], predicted: Sequence[QuoteRecord], name: str = ""
) -> QuoteReport:
    """Scores of one document (see the module docstring)."""
    report = QuoteReport(gold=len(gold), predicted=len(predicted))
    pairs = match_quotes(gold, predicted)
    report.matched = len(pairs)
    matched_gold = {i: j for i, j in pairs}
    matched_pred = set(matched_gold.values())

    def show(q: QuoteRecord) -> str:
        body = text[q.start : q.end].replace("\n", "⏎")
        return f"{name}@{q.start}: {body[:60]!r}{'…' if len(body) > 60 else ''}"

    for i, g in enumerate(gold):
        multi = is_multi_paragraph(text, (g.start, g.end))
        report.multi_paragraph += multi
        if i not in matched_gold:
            report.errors.append(f"missed  {show(g)}")
            continue
        p = predicted[matched_gold[i]]
        if multi and p.start <= g.start + 1 and p.end >= g.end - 1:
            report.joined += 1
        named = normalise_name(g.speaker_name) is not None
        report.speaker_named += named
        if normalise_name(g.speaker_name) == normalise_name(p.speaker_name):
            report.speaker_name_correct += 1
            report.speaker_named_correct += named
        else:
            report.errors.append(
                f"speaker {show(g)} gold {g.speaker_name!r}, predicted {p.speaker_name!r}"
            )
        report.mention_correct += _same_span(g.speaker, p.speaker)
        report.cue_given += g.cue is not None
        if _same_span(g.cue, p.cue):
            report.cue_correct += 1
            report.cue_given_correct += g.cue is not None
        else:
            gc = text[g.cue[0] : g.cue[1]] if g.cue else None
            pc = text[p.cue[0] : p.cue[1]] if p.cue else None
            report.errors.append(f"cue     {show(g)} gold {gc!r}, predicted {pc!r}")
    for j, p in enumerate(predicted):
        if j not in matched_pred:
            report.errors.append(f"extra   {show(p)}")
    return report


def score(
    documents: Iterable[GoldDocument], predictions: Mapping[str, Sequence[QuoteRecord]]
) -> QuoteReport:
    """Scores over a gold set; ``predictions`` maps document names to predicted quotations."""
    total = QuoteReport()
    for doc in documents:
        report = score_document(doc.text, doc.quotes, predictions.get(doc.name, ()), doc.name)
        total.documents[doc.name] = report
        total.add(report)
    return total


# -- reading gold and predictions ---------------------------------------------------------------


def _span(obj: object, where: str) -> Span | None:
    if obj is None:
        return None
    if not isinstance(obj, dict) or not {"start", "end"} <= obj.keys():
        raise InputError(f"{where}: expected null or an object with start and end")
    return int(obj["start"]), int(obj["end"])


def read_quotes_jsonl(path: Path, text: str) -> list[QuoteRecord]:
    """Quotations of one quotes-jsonl file, checked against the document text."""
    records = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                start, end = int(obj["start"]), int(obj["end"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    f"not a quotes-jsonl record ({exc})", path=str(path), line=n
                ) from None
            if (
                not 0 <= start < end <= len(text)
                or obj.get("text", text[start:end]) != text[start:end]
            ):
                raise InputError("quote offsets do not fit the text", path=str(path), line=n)
            where = f"{path}:{n}"
            records.append(
                QuoteRecord(
                    str(obj.get("document", path.name)),
                    start,
                    end,
                    _span(obj.get("speaker"), where),
                    _span(obj.get("cue"), where),
                    obj.get("speaker_name"),
                )
            )
    return records


def load_gold_dir(gold_dir: Path) -> list[GoldDocument]:
    """Every ``<stem>.quotes.jsonl`` of a folder with its ``<stem>.txt``, sorted by name."""
    if not gold_dir.is_dir():
        raise InputError("not a folder of gold quotations", path=str(gold_dir))
    docs = []
    for jsonl in sorted(gold_dir.glob("*.quotes.jsonl")):
        stem = jsonl.name[: -len(".quotes.jsonl")]
        txt = jsonl.with_name(stem + ".txt")
        if not txt.is_file():
            raise InputError(f"no text file {txt.name} beside it", path=str(jsonl))
        text = txt.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        docs.append(GoldDocument(txt.name, text, read_quotes_jsonl(jsonl, text)))
    if not docs:
        raise InputError("no *.quotes.jsonl files", path=str(gold_dir))
    return docs


def quotes_from_annotations(
    document: str, spans: Sequence[SpanData], relations: Sequence[RelationData]
) -> list[QuoteRecord]:
    """The QUOTE spans of a pipeline result, with their linked speaker and cue spans."""
    links: dict[int, dict[str, SpanData]] = {}
    for rel in relations:
        links.setdefault(rel.head, {})[rel.label] = spans[rel.child]
    out = []
    for i, span in enumerate(spans):
        if span.label != QUOTE:
            continue
        linked = links.get(i, {})
        speaker, cue = linked.get(SPEAKER), linked.get(CUE)
        out.append(
            QuoteRecord(
                document,
                span.start,
                span.end,
                (speaker.start, speaker.end) if speaker else None,
                (cue.start, cue.end) if cue else None,
                span.attrs.get("speaker_name"),
            )
        )
    return sorted(out, key=lambda q: (q.start, q.end))
