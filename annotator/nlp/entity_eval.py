"""Score predicted entities against gold entities (pure Python, no spaCy).

* **exact**: a predicted entity is right when a gold entity has the same start, end and label.
* **partial**: a predicted entity is right when it overlaps (by at least one character) a gold
  entity of the same label; matching is one-to-one, largest overlaps first, so one long
  prediction over two gold entities counts once.
* precision / recall / F1 per label and micro-averaged over all labels. As in
  :mod:`annotator.nlp.quote_eval`, precision with nothing predicted and recall with nothing to
  find are 1.0; F1 is 0.0 when both precision and recall are 0.
* **confusions**: same offsets, different label, counted as ``(gold label, predicted label)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Entity = tuple[int, int, str]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
            "recall": self.recall, "f1": self.f1, "support": self.tp + self.fn,
        }  # fmt: skip


@dataclass
class EntityReport:
    """Exact and partial counts per label, and label confusions."""

    exact: dict[str, Counts] = field(default_factory=dict)
    partial: dict[str, Counts] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def total(self, variant: str = "exact") -> Counts:
        out = Counts()
        for counts in getattr(self, variant).values():
            out.add(counts)
        return out

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.exact) | set(self.partial))

    def add(self, other: EntityReport) -> None:
        for variant in ("exact", "partial"):
            mine = getattr(self, variant)
            for label, counts in getattr(other, variant).items():
                mine.setdefault(label, Counts()).add(counts)
        self.confusions.update(other.confusions)

    def as_dict(self) -> dict[str, Any]:
        return {
            variant: {
                "overall": self.total(variant).as_dict(),
                "per_label": {
                    label: getattr(self, variant).get(label, Counts()).as_dict()
                    for label in self.labels
                },
            }
            for variant in ("exact", "partial")
        } | {
            "confusions": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in self.confusions.most_common()
            ]
        }


def _common(a: Entity, b: Entity) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_entities(gold: Iterable[Entity], predicted: Iterable[Entity]) -> EntityReport:
    """Scores of one document's entities (see the module docstring)."""
    gold_set, pred_set = set(gold), set(predicted)
    report = EntityReport()
    for label in {e[2] for e in gold_set | pred_set}:
        report.exact[label] = Counts()
        report.partial[label] = Counts()
    for entity in pred_set:
        report.exact[entity[2]].tp += entity in gold_set
        report.exact[entity[2]].fp += entity not in gold_set
    for entity in gold_set - pred_set:
        report.exact[entity[2]].fn += 1
    candidates = sorted(
        (-_common(g, p), g, p)
        for g in gold_set
        for p in pred_set
        if g[2] == p[2] and _common(g, p) > 0
    )
    used_gold: set[Entity] = set()
    used_pred: set[Entity] = set()
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            report.partial[g[2]].tp += 1
    for p in pred_set - used_pred:
        report.partial[p[2]].fp += 1
    for g in gold_set - used_gold:
        report.partial[g[2]].fn += 1
    gold_by_offsets = {(s, e): label for s, e, label in gold_set}
    for s, e, label in pred_set:
        gold_label = gold_by_offsets.get((s, e))
        if gold_label is not None and gold_label != label:
            report.confusions[(gold_label, label)] += 1
    return report
