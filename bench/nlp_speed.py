"""Pre-annotation throughput: bare ``nlp.pipe`` of the model against our pipeline.

Usage: python bench/nlp_speed.py CORPUS_DIR [--limit 500] [--chunk 50]
CORPUS_DIR is searched for *.txt (e.g. ../shared/corpora/bbc-news-2005).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from annotator.nlp.pipeline import annotate_texts, default_model_name, load_pipeline


def _texts(root: Path, limit: int) -> list[str]:
    texts = []
    for path in sorted(root.rglob("*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
        if len(texts) >= limit:
            break
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--chunk", type=int, default=50)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    texts = _texts(args.corpus, args.limit)
    model = args.model or default_model_name()
    words = sum(len(t.split()) for t in texts)
    # Variants run on the same chunks in turn, so a busy machine slows each of them alike.
    variants = {
        "bare spacy.load (all components)": spacy.load(model),
        "load_pipeline without our components": _without_ours(model),
        "load_pipeline (ours, full, to spans)": load_pipeline(model),
    }
    elapsed = dict.fromkeys(variants, 0.0)
    for nlp in variants.values():
        nlp("warm up")
    for k in range(0, len(texts), args.chunk):
        chunk = texts[k : k + args.chunk]
        for label, nlp in variants.items():
            start = time.perf_counter()
            if "ours" in label and "without" not in label:
                for _ in annotate_texts(nlp, ((t, i) for i, t in enumerate(chunk))):
                    pass
            else:
                for _ in nlp.pipe(chunk):
                    pass
            elapsed[label] += time.perf_counter() - start
    print(f"{len(texts)} documents, {words} words, model {model}, 1 process")
    base = elapsed["bare spacy.load (all components)"]
    for label, seconds in elapsed.items():
        print(
            f"{label:40} {len(texts) / seconds:7.1f} docs/s {words / seconds:8.0f} words/s "
            f"{base / seconds:6.2f} x bare"
        )


def _without_ours(model: str) -> spacy.Language:
    nlp = load_pipeline(model)
    nlp.remove_pipe("annotator_quotes")
    nlp.remove_pipe("annotator_boilerplate")
    return nlp


if __name__ == "__main__":
    main()
