"""Span inserts: plain ``execute`` against sqlite-utils' ``Table.insert`` and ``insert_all``.

    python bench/store_writes.py [--spans 50000]

A model run or an import writes spans one document at a time and needs each new span's id (the
relations refer to it). Three ways, each in one transaction on a fresh project file:

* ``execute``: one ``INSERT`` per span through the connection (what ``Store`` does);
* ``Table.insert``: sqlite-utils, one call per span, its ``last_pk`` giving the id;
* ``insert_all``: sqlite-utils in batches; it returns no ids, so it only fits rows nothing
  refers to (shown as the floor).

The baseline is the first row, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from machine import machine

from annotator.store import Store


def rows(n: int, document_id: int, layer_id: int) -> list[dict[str, object]]:
    stamp = "2026-01-01T00:00:00.000+00:00"
    return [
        {"document_id": document_id, "layer_id": layer_id, "label": "PERSON", "start": i,
         "end": i + 1, "source": "model", "reviewed": 0, "attrs": json.dumps({}),
         "created_at": stamp, "updated_at": stamp}
        for i in range(n)
    ]  # fmt: skip


def with_execute(store: Store, spans: list[dict[str, object]]) -> None:
    sql = (
        'INSERT INTO spans (document_id, layer_id, label, start, "end", source, reviewed, attrs,'
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    for row in spans:
        _ = store.db.execute(sql, list(row.values())).lastrowid


def with_table_insert(store: Store, spans: list[dict[str, object]]) -> None:
    table = store.db.table("spans")
    for row in spans:
        _ = table.insert(row).last_pk


def with_insert_all(store: Store, spans: list[dict[str, object]]) -> None:
    store.db.table("spans").insert_all(spans, batch_size=500)


WAYS: list[tuple[str, Callable[[Store, list[dict[str, object]]], None]]] = [
    ("execute (baseline)", with_execute),
    ("Table.insert", with_table_insert),
    ("insert_all (no ids)", with_insert_all),
]


def measure(n: int, way: Callable[[Store, list[dict[str, object]]], None]) -> float:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.db") as store:
        document_id, _ = store.add_document("d.txt", "x" * (n + 1))
        layer_id = store.layer_id("model:bench@1")
        spans = rows(n, document_id, layer_id)
        start = time.perf_counter()
        with store.transaction():
            way(store, spans)
        seconds = time.perf_counter() - start
        count = store.db.execute("SELECT count(*) FROM spans").fetchone()[0]
        assert count == n, count
        return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spans", type=int, default=50_000)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"{'way':<22} {'spans':>8} {'seconds':>8} {'spans/s':>9} {'vs baseline':>12}")
    baseline = 0.0
    for name, way in WAYS:
        seconds = min(measure(args.spans, way) for _ in range(3))
        baseline = baseline or seconds
        print(
            f"{name:<22} {args.spans:>8,} {seconds:>8.2f} {args.spans / seconds:>9,.0f} "
            f"{seconds / baseline:>11.2f}x"
        )


if __name__ == "__main__":
    main()
