"""Corrections the entity guideline rules save per BBC article.

    python bench/entity_rules.py BBC_CORPUS_DIR [--docs 500]

Runs the model (the components annotate keeps) over the first articles of each topic, then
applies ``annotator.nlp.entities.normalise_entities`` to the same docs. Every entity the rules
change is one correction a person following the guidelines would otherwise make by hand
(trim "Mr" from "Mr Starmer", add "£" to "15.8m", relabel the Today programme, drop "'s").
Baseline: the model's own suggestions, 0 corrections saved by definition.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from machine import machine


def kind(before: tuple[int, int, str], after: set[tuple[int, int, str]], text: str) -> str:
    start, end, label = before
    if "\n" in text[start:end]:
        return 'cut at a line break ("Blair⏎⏎Tony Blair")'
    overlapping = [a for a in after if a[0] < end and start < a[1]]
    if label != "PERSON" and any(a[2] == "PERSON" for a in overlapping):
        return "name after an honorific made PERSON"
    if label == "PERSON":
        return "title out of PERSON"
    if label in ("MONEY", "CARDINAL"):
        return "currency into MONEY"
    if label == "DATE" and any(a[:2] == (start, end) for a in after):
        return "programme not DATE"
    return "possessive trimmed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()

    import spacy

    from annotator.nlp.entities import normalise_entities
    from annotator.nlp.pipeline import UNUSED_COMPONENTS, default_model_name

    topics = sorted(p for p in args.corpus.iterdir() if p.is_dir())
    per_topic = -(-args.docs // len(topics))
    texts = []
    for topic in topics:
        for path in sorted(topic.glob("*.txt"))[:per_topic]:
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
    model = default_model_name()
    nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    kinds: Counter[str] = Counter()
    touched = entities = 0
    for doc in nlp.pipe(texts, batch_size=32):
        before = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        entities += len(before)
        changed = normalise_entities(doc)
        after = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        touched += bool(changed)
        for ent in sorted(before - after):
            kinds[kind(ent, after, doc.text)] += 1
    n = len(texts)
    print(f"machine: {machine()}\nmodel: {model}; {n} BBC articles ({per_topic} per topic)")
    print(f"model entities: {entities:,} ({entities / n:.1f} per article)\n")
    print("| correction saved | total | per article |\n|---|---:|---:|")
    for name, count in kinds.most_common():
        print(f"| {name} | {count:,} | {count / n:.2f} |")
    total = sum(kinds.values())
    print(f"| **all** | {total:,} | {total / n:.2f} |")
    print(f"\nArticles with at least one correction saved: {touched} of {n} ({touched / n:.0%}).")


if __name__ == "__main__":
    main()
