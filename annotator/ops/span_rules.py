"""Rules a new or resized span must keep, checked before an edit is made (no Qt, no store).

The store enforces the same overlap rule on write (:meth:`Store.add_span`); checking here first
lets the editor refuse with the words of both spans instead of offsets.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.model import SpanData, is_entity


def quoted(text: str, limit: int = 40) -> str:
    """A short quotation of span text for messages (quote spans keep their own marks)."""
    text = " ".join(text.split())
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return short if text[:1] in "“\"‘'«" else f"“{short}”"


def entity_clash(
    spans: Iterable[SpanData], label: str, start: int, end: int, *, ignore: int | None = None
) -> SpanData | None:
    """The entity that an entity ``label`` at ``start..end`` would overlap, if any."""
    if not is_entity(label):
        return None
    return next(
        (s for s in spans if is_entity(s.label) and s.id != ignore
         and s.start < end and start < s.end),
        None,
    )  # fmt: skip


def refusal(
    text: str, spans: Iterable[SpanData], label: str, start: int, end: int,
    *, ignore: int | None = None,
) -> str | None:  # fmt: skip
    """Why ``label`` cannot cover ``start..end`` (a sentence for the status bar), or None.

    Entities are in-line: one never runs across a paragraph break, and entities never overlap.
    Quotations may cross paragraphs.
    """
    words = quoted(text[start:end])
    if is_entity(label) and "\n" in text[start:end]:
        return f"{label} {words} would run across a paragraph break; entities stay in one line"
    clash = entity_clash(spans, label, start, end, ignore=ignore)
    if clash is not None:
        return (
            f"{label} {words} would overlap {clash.label} "
            f"{quoted(text[clash.start : clash.end])}; entities never overlap"
        )
    return None


def distance(span: SpanData, other: SpanData) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, other.start - span.end, span.start - other.end)


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """The sentence-ish stretch around ``start..end`` on its line, for a list of mentions."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo, hi = max(line_start, start - width), min(line_end, end + width)
    before = ("…" if lo > line_start else "") + " ".join(text[lo:start].split())
    after = " ".join(text[end:hi].split()) + ("…" if hi < line_end else "")
    return f"{before} [{' '.join(text[start:end].split())}] {after}".strip()
