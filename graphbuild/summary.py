"""The store summary: a small derived index of what every document graph contributes.

Reading a whole-store fact from the union of document graphs (total mentions of an entity, its
classes, the distinct asserted relations) costs a join over every document that mentions it, so
it grows with the square of the corpus. Instead each document graph's contribution (its
entities' mentions, labels, classes and aliases, its statements by ``(subject, property,
object)``, its asserted triples and its open relations) is kept in SQLite beside the store, and
whole-store answers are small SQL aggregates over it.

The store's own write paths (:meth:`Store.load_nquads`, :meth:`Store.replace_graph`,
:meth:`Store.drop_graphs`) keep it up to date. It also cannot go stale behind their back: each
graph's row carries the graph's version (its ``gb:contentHash`` and ``prov:generatedAtTime``),
and every read first compares those with the store (one small query), recomputing what differs.
A store built before the summary existed gets one once, on its first read, with a message.

>>> from graphbuild import KnowledgeGraph
>>> kg = KnowledgeGraph.in_memory()
>>> _ = kg.build(["China supports Pakistan."])
>>> kg.store.summary().relation_count()
1
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .vocab import ONTOLOGY_GRAPH

if TYPE_CHECKING:
    from .store import Store

__all__ = ["SUMMARY_FILE", "Summary"]

SUMMARY_FILE = "graphbuild-summary.sqlite"
_SCHEMA_VERSION = "2"
_BULK = 50  # graphs to (re)compute above which one query over the whole store beats one per graph
_log = logging.getLogger(__name__)

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS graphs (graph TEXT PRIMARY KEY, version TEXT NOT NULL, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (graph TEXT NOT NULL, entity TEXT NOT NULL, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS facts (graph TEXT NOT NULL, entity TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS statements (graph TEXT NOT NULL, s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL,
                                       n INTEGER NOT NULL, asserted INTEGER NOT NULL, negated INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS relations (graph TEXT NOT NULL, s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS validated (graph TEXT PRIMARY KEY, key TEXT NOT NULL, violations TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS mentions_graph ON mentions (graph);
CREATE INDEX IF NOT EXISTS facts_graph ON facts (graph);
CREATE INDEX IF NOT EXISTS statements_graph ON statements (graph);
CREATE INDEX IF NOT EXISTS relations_graph ON relations (graph);
"""
_PER_GRAPH = ("mentions", "facts", "statements", "relations")

# Each document graph's contribution, one row per fact, tagged by ?kind.
_CONTRIBUTION = f"""
SELECT ?g ?kind ?a ?b ?c ?n ?x WHERE {{
  {{ GRAPH ?g {{ ?a gb:mentionCount ?n }} BIND("m" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?a gb:mentionCount ?m ; rdfs:label ?b }} BIND("label" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?a gb:mentionCount ?m ; a ?b }} BIND("type" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?a gb:mentionCount ?m ; skos:altLabel ?b }} BIND("alias" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?a a gb:Document }} BIND("document" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?a a gb:Relation . OPTIONAL {{ ?a rdfs:label ?b }} }} BIND("property" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?st a gb:Statement ; rdf:subject ?a ; rdf:predicate ?b ; rdf:object ?c .
                      OPTIONAL {{ ?st gb:asserted ?n }} OPTIONAL {{ ?st gb:negated ?x }} }} BIND("s" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?b a gb:Relation . ?a ?b ?c }} FILTER(isIRI(?c) && ?b != gb:relatedTo) BIND("r" AS ?kind) }}
  UNION {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?b a gb:Relation }} GRAPH ?g {{ ?a ?b ?c }}
           FILTER(isIRI(?c) && ?b != gb:relatedTo) BIND("r" AS ?kind) }}
  FILTER(?g != <{ONTOLOGY_GRAPH}>)
}}
"""

_VERSIONS = "SELECT ?g ?h ?t WHERE { GRAPH ?g { ?g gb:contentHash ?h OPTIONAL { ?g prov:generatedAtTime ?t } } }"
_ONTOLOGY_RELATIONS = f"SELECT ?p WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?p a gb:Relation }} }} ORDER BY ?p"


class Summary:
    """The summary of ``store``, kept in ``path`` (``None``: in memory). Use :meth:`Store.summary`."""

    def __init__(self, store: Store, path: Path | None) -> None:
        self._store = store
        self._lock = threading.RLock()
        self._raw = False  # True once someone had the raw pyoxigraph store: recompute everything on reads
        self._in_step = False  # checked against the store since it was opened (only we can write it now)
        self._db = _connect(path)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # ------------------------------------------------------------------ writing (the store's write paths)
    def graphs_written(self, graphs: Iterable[str]) -> None:
        """Recompute the contributions of ``graphs`` after the store wrote them."""
        graphs = list(dict.fromkeys(graphs))
        with self._lock, self._db:
            if ONTOLOGY_GRAPH in graphs:  # which properties are relations may have changed
                graphs.remove(ONTOLOGY_GRAPH)
                ontology = self._ontology_fingerprint()
                if self._meta("ontology") != ontology:
                    if self._db.execute("SELECT 1 FROM graphs LIMIT 1").fetchone() is None:
                        self._set_meta("ontology", ontology)  # a new store: nothing recorded depends on it
                    else:
                        self._in_step = False  # recompute every graph on the next read
            self._compute(graphs)

    def graphs_dropped(self, graphs: Iterable[str]) -> None:
        """Forget ``graphs`` after the store dropped them."""
        with self._lock, self._db:
            self._forget(list(dict.fromkeys(graphs)))

    def raw_access(self) -> None:
        """The caller has the raw pyoxigraph store and may write anything: trust nothing recorded."""
        with self._lock, self._db:
            self._raw = True
            for table in (*_PER_GRAPH, "graphs", "validated"):
                self._db.execute(f"DELETE FROM {table}")

    # ------------------------------------------------------------------ keeping in step with the store
    def refresh(self) -> Summary:
        """Bring the summary in step with the store (cheap when it already is); returns ``self``.

        Checked once per opening: while the store is open, the store lock keeps other writers
        out and this process's writes go through the write paths (or :meth:`raw_access`).
        """
        if self._in_step and not self._raw:
            return self
        with self._lock, self._db:
            current = self._store_versions()
            ontology = self._ontology_fingerprint()
            recorded = dict(self._db.execute("SELECT graph, version FROM graphs"))
            if self._raw or self._meta("ontology") != ontology:
                stale = list(current)
                self._set_meta("ontology", ontology)
            else:
                stale = [g for g, version in current.items() if recorded.get(g) != version]
            gone = [g for g in recorded if g not in current]
            if stale and (not recorded or len(stale) > _BULK):
                _log.warning("graphbuild: building the store summary for %d document graphs (once; later "
                             "reads and builds keep it up to date)", len(stale))
            self._forget(gone)
            self._compute(stale, current)
        self._in_step = True
        return self

    def _store_versions(self) -> dict[str, str]:
        versions = {g: "" for g in self._store.named_graphs() if g != ONTOLOGY_GRAPH}
        for row in self._store.query(_VERSIONS):
            versions[row["g"].value] = _version(row["h"], row["t"])
        return versions

    def _ontology_fingerprint(self) -> str:
        rows = self._store.query(_ONTOLOGY_RELATIONS)
        return f"{_SCHEMA_VERSION}:" + str(hash_lines(row["p"].value for row in rows))

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _forget(self, graphs: list[str]) -> None:
        for table in (*_PER_GRAPH, "graphs"):
            self._db.executemany(f"DELETE FROM {table} WHERE graph = ?", [(g,) for g in graphs])

    def _compute(self, graphs: list[str], versions: dict[str, str] | None = None) -> None:
        """Replace the rows of ``graphs`` by their contributions, read from the store."""
        if not graphs:
            return
        self._forget(graphs)
        wanted = set(graphs)
        if len(graphs) > _BULK:
            rows = self._store.query(_CONTRIBUTION)
        else:
            rows = (row for g in graphs for row in self._store.query(_CONTRIBUTION, {"g": ox.NamedNode(g)}))
        contributions = {g: _Contribution() for g in graphs}
        for row in rows:
            graph = row["g"].value
            if graph in wanted:
                contributions[graph].add(row)
        if versions is None:
            versions = {g: "" for g in graphs}
            for g in graphs:
                for row in self._store.query(_VERSIONS, {"g": ox.NamedNode(g)}):
                    versions[g] = _version(row["h"], row["t"])
        present = {g for g in graphs if self._store.has_graph(g)}
        for graph in present:
            contributions[graph].save(self._db, graph)
        self._db.executemany("INSERT INTO graphs VALUES (?, ?, ?)",
                             [(g, versions.get(g, ""), uuid.uuid4().hex) for g in present])

    # ------------------------------------------------------------------ reading
    def _rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def graph_stamps(self) -> dict[str, str]:
        """Each summarised graph's write stamp, new whenever the graph was (re)computed."""
        return dict(self._rows("SELECT graph, stamp FROM graphs"))

    def documents(self) -> int:
        return self._rows("SELECT COUNT(DISTINCT entity) FROM facts WHERE kind = 'document'")[0][0]

    def entities(self) -> list[tuple[str, int, str, tuple[str, ...], tuple[str, ...]]]:
        """``(iri, total mentions, label, class IRIs, aliases)`` of every entity, by IRI."""
        totals = self._rows("SELECT entity, SUM(n) FROM mentions GROUP BY entity ORDER BY entity")
        labels: dict[str, Counter] = {}
        types: dict[str, set[str]] = {}
        aliases: dict[str, set[str]] = {}
        for entity, kind, value in self._rows("SELECT entity, kind, value FROM facts "
                                              "WHERE kind IN ('label', 'type', 'alias')"):
            if kind == "label":
                labels.setdefault(entity, Counter())[value] += 1
            else:
                (types if kind == "type" else aliases).setdefault(entity, set()).add(value)
        return [(e, n, _most_common(labels.get(e)), tuple(sorted(types.get(e, ()))),
                 tuple(sorted(aliases.get(e, ())))) for e, n in totals]

    def open_relations(self) -> dict[str, str]:
        """Relation properties declared in document graphs (open relations), with a label if any."""
        found: dict[str, str] = {}
        for prop, label in self._rows("SELECT entity, value FROM facts WHERE kind = 'property' ORDER BY value"):
            if label or prop not in found:
                found[prop] = label
        return found

    def asserted_relations(self) -> set[tuple[str, str, str]]:
        return set(self._rows("SELECT DISTINCT s, p, o FROM relations"))

    def relation_count(self) -> int:
        """How many distinct asserted ``(subject, property, object)`` triples the store holds."""
        return self._rows("SELECT COUNT(*) FROM (SELECT DISTINCT s, p, o FROM relations)")[0][0]

    def statement_counts(self) -> dict[tuple[str, str, str], int]:
        return {(s, p, o): n for s, p, o, n in self._rows("SELECT s, p, o, SUM(n) FROM statements GROUP BY s, p, o")}

    def statement_factuality(self) -> dict[tuple[str, str, str], tuple[int, int, int]]:
        """``(statements, asserted ones, negated ones)`` behind each ``(subject, property, object)``."""
        return {(s, p, o): (n, yes, no) for s, p, o, n, yes, no in self._rows(
            "SELECT s, p, o, SUM(n), SUM(asserted), SUM(negated) FROM statements GROUP BY s, p, o")}

    def class_counts(self) -> list[tuple[str, int]]:
        """Distinct entities per class IRI, most first."""
        return self._rows("SELECT value, COUNT(DISTINCT entity) AS n FROM facts WHERE kind = 'type' "
                          "GROUP BY value ORDER BY n DESC, value")

    def property_counts(self) -> list[tuple[str, int, int]]:
        """``(property, statements, asserted statements)``, most statements first."""
        return self._rows("SELECT p, SUM(n) AS total, SUM(asserted) FROM statements GROUP BY p "
                          "ORDER BY total DESC, p")

    def degrees(self) -> dict[str, int]:
        """How many other entities each entity has an asserted relation with (either direction)."""
        rows = self._rows("SELECT a, COUNT(DISTINCT b) FROM (SELECT s AS a, o AS b FROM relations UNION "
                          "SELECT o AS a, s AS b FROM relations) WHERE a != b GROUP BY a")
        return dict(rows)

    # ------------------------------------------------------------------ the validation record
    def validated(self) -> dict[str, tuple[str, str]]:
        """Graph -> (key, violations as JSON) of graphs validated before."""
        return {g: (key, found) for g, key, found in self._rows("SELECT graph, key, violations FROM validated")}

    def record_validation(self, results: dict[str, tuple[str, str]]) -> None:
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO validated VALUES (?, ?, ?)",
                                 [(g, key, found) for g, (key, found) in results.items()])
            self._db.execute("DELETE FROM validated WHERE graph NOT IN (SELECT graph FROM graphs)")


class _Contribution:
    """What one document graph contributes, gathered from the rows of :data:`_CONTRIBUTION`."""

    def __init__(self) -> None:
        self.mentions: dict[str, int] = {}
        self.facts: set[tuple[str, str, str]] = set()
        self.statements: dict[tuple[str, str, str], list[int]] = {}
        self.relations: set[tuple[str, str, str]] = set()

    def add(self, row) -> None:
        kind = row["kind"].value
        a = row["a"].value
        if kind == "m":
            self.mentions[a] = self.mentions.get(a, 0) + int(float(row["n"].value))
        elif kind == "s":
            counts = self.statements.setdefault((a, row["b"].value, row["c"].value), [0, 0, 0])
            counts[0] += 1
            counts[1] += row["n"] is not None and row["n"].value == "true"
            counts[2] += row["x"] is not None and row["x"].value == "true"
        elif kind == "r":
            self.relations.add((a, row["b"].value, row["c"].value))
        else:
            self.facts.add((a, kind, "" if row["b"] is None else row["b"].value))

    def save(self, db: sqlite3.Connection, graph: str) -> None:
        db.executemany("INSERT INTO mentions VALUES (?, ?, ?)", [(graph, e, n) for e, n in self.mentions.items()])
        db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)", [(graph, *fact) for fact in self.facts])
        db.executemany("INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [(graph, *key, *counts) for key, counts in self.statements.items()])
        db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?)", [(graph, *t) for t in self.relations])


def hash_lines(lines: Iterable[str]) -> str:
    """A SHA-256 of ``lines``, one per line."""
    import hashlib

    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _version(content_hash: ox.Literal | None, built: ox.Literal | None) -> str:
    return f"{'' if content_hash is None else content_hash.value}@{'' if built is None else built.value}"


def _most_common(counts: Counter | None) -> str:
    if not counts:
        return ""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def _connect(path: Path | None) -> sqlite3.Connection:
    """SQLite at ``path``; in memory when there is no path or the file cannot be written."""
    if path is not None:
        try:
            db = sqlite3.connect(path, timeout=60, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # derived data: a lost last commit is recomputed
            return _ready(db)
        except sqlite3.Error as exc:
            _log.warning("graphbuild: cannot keep the store summary in %s (%s); keeping it in memory", path, exc)
    return _ready(sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None))


def _ready(db: sqlite3.Connection) -> sqlite3.Connection:
    """Create the tables; a summary written by another version of graphbuild starts again."""
    db.isolation_level = ""  # ``with db`` commits a transaction
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    if (db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() or [None])[0] != _SCHEMA_VERSION:
        for table in (*_PER_GRAPH, "graphs", "validated", "meta"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        db.executescript(_TABLES)
        db.execute("INSERT INTO meta VALUES ('schema', ?)", (_SCHEMA_VERSION,))
        db.commit()
    return db
