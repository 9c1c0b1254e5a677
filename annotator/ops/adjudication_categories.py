"""Story categories (document labels) in adjudication.

For a document two or more annotators finished, the categories they all agree on go into
``gold`` when it is prepared (:func:`agreed_categories`): in a multi-label set each category all
of them accepted; in a single-label set the label all of them chose. Where they differ, a
:class:`CategoryDisagreement` names the set (and, for a multi-label set, the category) and each
annotator's choice; ``adjudicate --list`` prints them and the adjudicator sets gold's categories
with the story-label panel of the adjudication window, or ``adjudicate --prefer`` takes the first
preferred annotator's choice (:func:`settle_by_preference`). They do not hold gold's status back:
a category left unset in gold is simply not accepted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.ops.doc_labels import DEFAULT_SET, category_sets
from annotator.store import Store

ACCEPT = "accept"


@dataclass(frozen=True)
class CategoryDisagreement:
    """Annotators differ on one category of a multi-label set (``category`` set) or on the
    label of a single-label set (``category == ""``); ``versions`` maps each annotator to the
    labels of the set they accepted (several only in a multi-label set); ``gold`` likewise."""

    document_id: int
    set: str
    category: str
    versions: tuple[tuple[str, tuple[str, ...]], ...]
    gold: tuple[str, ...]


def _chosen(labels: Mapping[str, str], names: Sequence[str]) -> tuple[str, ...]:
    return tuple(n for n in names if labels.get(n) == ACCEPT)


def compare(
    store: Store, document_id: int, annotators: Sequence[str], gold_layer: str
) -> tuple[list[str], list[CategoryDisagreement]]:
    """The categories every annotator accepted (as gold should get them) and the disagreements."""
    layers = {a: store.document_labels(document_id, a) for a in annotators}
    gold = store.document_labels(document_id, gold_layer)
    agreed: list[str] = []
    found: list[CategoryDisagreement] = []
    for set_name, members in category_sets(store.labels("category")).items():
        names = [m.name for m in members]
        multi = members[0].multi
        units = [(n, [n]) for n in names] if multi else [("", names)]
        for category, scope in units:
            choices = {a: _chosen(labels, scope) for a, labels in layers.items()}
            if len(set(choices.values())) == 1:
                agreed += next(iter(choices.values()))
            else:
                found.append(
                    CategoryDisagreement(
                        document_id, set_name or DEFAULT_SET, category,
                        tuple(choices.items()), _chosen(gold, scope),
                    )
                )  # fmt: skip
    return agreed, found


def agreed_categories(store: Store, document_id: int, annotators: Sequence[str], gold: str) -> int:
    """Accept in ``gold`` every category all ``annotators`` agree on; return how many."""
    agreed, _found = compare(store, document_id, annotators, gold)
    for name in agreed:
        store.set_document_label(document_id, gold, name, ACCEPT)
    return len(agreed)


def settle_by_preference(
    store: Store, document_id: int, annotators: Sequence[str], gold_layer: str,
    prefer: Sequence[str],
) -> list[list[str]]:  # fmt: skip
    """Give gold the choice of the first annotator of ``prefer`` who finished the document, in
    every category disagreement gold has not decided yet (no label of its scope set in gold).

    The preferred choice is written whole: its labels accepted and the scope's other labels
    rejected, so the decision is on record and a later run leaves it alone. Returns
    ``[set, category, annotator]`` for each one settled."""
    chosen_by = next((a for a in prefer if a in annotators), None)
    if chosen_by is None:
        return []
    _agreed, found = compare(store, document_id, annotators, gold_layer)
    gold = store.document_labels(document_id, gold_layer)
    sets = category_sets(store.labels("category"))
    settled: list[list[str]] = []
    for one in found:
        scope = [one.category] if one.category else [m.name for m in sets[one.set]]
        if any(name in gold for name in scope):
            continue  # the adjudicator decided it already
        picked = set(dict(one.versions)[chosen_by])
        for name in scope:
            store.set_document_label(
                document_id, gold_layer, name, ACCEPT if name in picked else "reject"
            )
        settled.append([one.set, one.category, chosen_by])
    return settled
