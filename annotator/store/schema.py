"""The project schema and its forward migrations (docs/design.md §2-4).

``PRAGMA user_version`` holds the schema version; the ``project`` table marks the file as an
Annotator project. Each migration runs in one transaction and takes version N-1 to N.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

APP_MARKER = "annotator-project"


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO project (key, value) VALUES ('app', ?)", [APP_MARKER])
    db.execute(
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            title TEXT,
            text TEXT NOT NULL,
            length INTEGER NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            meta TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_documents_name ON documents(name)")
    db.execute(
        """CREATE TABLE layers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('model', 'human', 'gold')),
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE document_status (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator)
        )"""
    )
    db.execute("CREATE INDEX idx_status_annotator ON document_status(annotator, status)")
    # Which documents a layer has been filled for (model runs resume by skipping these).
    db.execute(
        """CREATE TABLE layer_documents (
            layer_id INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            filled_at TEXT NOT NULL,
            PRIMARY KEY (layer_id, document_id)
        )"""
    )
    db.execute(
        """CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer_id INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('model', 'human')),
            reviewed INTEGER NOT NULL DEFAULT 0,
            attrs TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        )"""
    )
    db.execute("CREATE INDEX idx_spans_doc_layer ON spans(document_id, layer_id, start)")
    db.execute("CREATE INDEX idx_spans_label ON spans(label)")
    db.execute(
        """CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer_id INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
            head_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            child_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (label IN ('SPEAKER', 'CUE')),
            UNIQUE (head_id, child_id, label)
        )"""
    )
    db.execute("CREATE INDEX idx_relations_doc_layer ON relations(document_id, layer_id)")
    db.execute("CREATE INDEX idx_relations_child ON relations(child_id)")
    db.execute(
        """CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            color TEXT NOT NULL,
            key TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE edit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL,
            document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT,
            action TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute("CREATE INDEX idx_edit_log_doc ON edit_log(document_id, at)")
    db.execute("CREATE INDEX idx_edit_log_annotator ON edit_log(annotator, at)")
    # Full-text search over title and text (FTS5, external content), kept in step by the
    # triggers documents_ai/_ad/_au. Projects made before sqlite-utils wrote this had the
    # same table and triggers written out by hand.
    db.table("documents").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)


def _v2_never_reuse_ids(db: sqlite_utils.Database) -> None:
    """Spans and relations get AUTOINCREMENT ids: an undone delete restores a span under its old
    id, which must never have been handed to another span in between."""
    db.execute("PRAGMA defer_foreign_keys = ON")
    db.execute(
        """CREATE TABLE spans_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer_id INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('model', 'human')),
            reviewed INTEGER NOT NULL DEFAULT 0,
            attrs TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        )"""
    )
    db.execute("INSERT INTO spans_v2 SELECT * FROM spans")
    db.execute(
        """CREATE TABLE relations_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer_id INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
            head_id INTEGER NOT NULL REFERENCES spans_v2(id) ON DELETE CASCADE,
            child_id INTEGER NOT NULL REFERENCES spans_v2(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (label IN ('SPEAKER', 'CUE')),
            UNIQUE (head_id, child_id, label)
        )"""
    )
    db.execute("INSERT INTO relations_v2 SELECT * FROM relations")
    db.execute("DROP TABLE relations")
    db.execute("DROP TABLE spans")
    db.execute("ALTER TABLE spans_v2 RENAME TO spans")  # also renames relations_v2's references
    db.execute("ALTER TABLE relations_v2 RENAME TO relations")
    db.execute("CREATE INDEX idx_spans_doc_layer ON spans(document_id, layer_id, start)")
    db.execute("CREATE INDEX idx_spans_label ON spans(label)")
    db.execute("CREATE INDEX idx_relations_doc_layer ON relations(document_id, layer_id)")
    db.execute("CREATE INDEX idx_relations_child ON relations(child_id)")


def _v3_adjudications(db: sqlite_utils.Database) -> None:
    """How each disagreement between annotators was settled into the gold layer.

    A disagreement is a stretch of text (``start``..``end``) in one tier of labels (``entity``
    or a quote label); ``decision`` is ``picked:<annotator>`` or ``rejected``.
    """
    db.execute(
        """CREATE TABLE adjudications (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tier TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            decision TEXT NOT NULL,
            adjudicator TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (document_id, tier, start, "end")
        )"""
    )


#: Read-only views for people who query a project from outside (sqlite-utils, Datasette,
#: pandas) without learning the schema; their columns are documented in docs/design.md §4.
#: ``substr`` counts characters as Python does, so ``text`` is ``document_text[start:end]``.
VIEWS = {
    "quotes": """
        SELECT q.id AS quote_id, d.id AS document_id, d.name AS document, l.name AS layer,
            q.start, q."end", substr(d.text, q.start + 1, q."end" - q.start) AS text,
            json_extract(q.attrs, '$.speaker_name') AS speaker_name,
            sp.start AS speaker_start, sp."end" AS speaker_end,
            substr(d.text, sp.start + 1, sp."end" - sp.start) AS speaker,
            cu.start AS cue_start, cu."end" AS cue_end,
            substr(d.text, cu.start + 1, cu."end" - cu.start) AS cue,
            q.source, q.reviewed
        FROM spans q
        JOIN documents d ON d.id = q.document_id
        JOIN layers l ON l.id = q.layer_id
        LEFT JOIN spans sp ON sp.id = (SELECT child_id FROM relations
            WHERE head_id = q.id AND label = 'SPEAKER' ORDER BY id LIMIT 1)
        LEFT JOIN spans cu ON cu.id = (SELECT child_id FROM relations
            WHERE head_id = q.id AND label = 'CUE' ORDER BY id LIMIT 1)
        WHERE q.label = 'QUOTE'
    """,
    "entities": """
        SELECT s.id AS span_id, d.id AS document_id, d.name AS document, l.name AS layer,
            s.label, s.start, s."end", substr(d.text, s.start + 1, s."end" - s.start) AS text,
            s.source, s.reviewed
        FROM spans s
        JOIN documents d ON d.id = s.document_id
        JOIN layers l ON l.id = s.layer_id
        WHERE s.label NOT IN ('QUOTE', 'SPEAKER', 'CUE', 'BOILERPLATE')
    """,
    "documents_status": """
        SELECT d.id AS document_id, d.name AS document, d.title, s.annotator,
            coalesce(s.status, 'new') AS status, coalesce(s.note, '') AS note, s.updated_at,
            (SELECT count(*) FROM spans x JOIN layers l ON l.id = x.layer_id
             WHERE x.document_id = d.id AND l.name = s.annotator) AS spans
        FROM documents d
        LEFT JOIN document_status s ON s.document_id = d.id
    """,
}


def _v4_views(db: sqlite_utils.Database) -> None:
    """Views ``quotes``, ``entities`` and ``documents_status`` for reading from outside."""
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def _v5_label_schemes(db: sqlite_utils.Database) -> None:
    """The label scheme becomes data (docs/design.md §3): span categories, relation types of any
    name, span attributes and document categories.

    - ``labels``: a label is keyed by (kind, name), since a relation may share its name with a
      span label (SPEAKER); new columns hold what each kind needs: the span group or category
      set (``grp``), a relation's allowed head and child labels, an attribute's allowed
      values, whether a category set takes several labels at once (``multi``).
    - ``spans.span_group``: '' for the flat layer (entities, quotes, ...), else the name of the
      span group (spaCy ``doc.spans[key]``) whose spans may overlap and nest.
    - ``relations``: any label (the CHECK to SPEAKER/CUE goes; the store checks the scheme's
      rules instead) and attributes of their own (notes, brat equivalences).
    - ``document_labels``: document categories per layer, accepted or rejected.
    - ``layer_documents.partial``: a layer's annotation of a document is partial (binary
      answers): unannotated tokens are unknown, not outside every entity.
    The outside views are dropped while ``relations`` is rebuilt and made again; ``entities``
    now leaves out span categories (spans of a span group).
    """
    for name in VIEWS:
        db.execute(f"DROP VIEW IF EXISTS {name}")
    labels = db.table("labels")
    labels.add_column("grp", str, not_null_default="")
    labels.add_column("heads", str, not_null_default="[]")
    labels.add_column("children", str, not_null_default="[]")
    labels.add_column("allowed", str, not_null_default="[]")
    labels.add_column("multi", int, not_null_default=0)
    labels.transform(pk=("kind", "name"), not_null={"name"})
    db.table("spans").add_column("span_group", str, not_null_default="")
    relations = db.table("relations")
    relations.add_column("attrs", str, not_null_default="{}")
    # The label column owns the CHECK: replacing the column drops it (and the UNIQUE built on
    # it, recreated as an index); transform keeps the other indexes.
    relations.add_column("any_label", str, not_null_default="")
    db.execute("UPDATE relations SET any_label = label")
    relations.transform(
        drop={"label"},
        rename={"any_label": "label"},
        column_order=["id", "document_id", "layer_id", "head_id", "child_id", "label", "attrs"],
    )
    db.execute("CREATE UNIQUE INDEX idx_relations_link ON relations(head_id, child_id, label)")
    db.execute(
        """CREATE TABLE document_labels (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer_id INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('accept', 'reject')),
            source TEXT NOT NULL CHECK (source IN ('model', 'human')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, layer_id, label)
        )"""
    )
    db.execute("CREATE INDEX idx_document_labels_label ON document_labels(layer_id, label)")
    db.table("layer_documents").add_column("partial", int, not_null_default=0)
    for name, sql in VIEWS_V5.items():
        db.create_view(name, sql.strip(), replace=True)


#: The views from schema 5 on: entities are spans of the flat layer only.
VIEWS_V5 = {
    **VIEWS,
    "entities": VIEWS["entities"].replace(
        "WHERE s.label NOT IN", "WHERE s.span_group = '' AND s.label NOT IN"
    ),
}


def _v6_edit_changes(db: sqlite_utils.Database) -> None:
    """``edit_log.change``: the rows an edit changed, before and after (JSON, see
    ``store/changes.py``), so that a later session can undo and redo it exactly. Kept beside the
    payload so that reading a document's log (on every open) does not parse them; NULL for the
    rows of earlier versions, which undo from their payload as before."""
    db.execute("ALTER TABLE edit_log ADD COLUMN change TEXT")


#: Forward migrations; index + 1 is the version each produces.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial,
    _v2_never_reuse_ids,
    _v3_adjudications,
    _v4_views,
    _v5_label_schemes,
    _v6_edit_changes,
]
SCHEMA_VERSION = len(MIGRATIONS)
