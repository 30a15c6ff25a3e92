"""Validate the store against the SHACL shapes in ``graphbuild/ontologies/shapes.ttl``.

Each document's named graph is checked on its own, together with the ontology graph, so that
an open relation declared in one document cannot excuse its use in another, and each
violation names its document. Each check runs where it is cheapest: SPARQL-based constraints
(``sh:sparql``) on the store itself, with Oxigraph, and the core constraints with pySHACL on the
graph's few hundred triples.

Only graphs changed since the last validation are checked again (unless ``all_graphs``): the
result of each validated graph is recorded in the store summary (:mod:`graphbuild.summary`)
under a key made of the graph's write stamp, the shapes and the ontology, so a change to any of
them, through graphbuild or not, means a fresh check.

>>> import pyoxigraph as ox
>>> store = Store(None)
>>> g, e = ox.NamedNode("https://example.org/doc"), ox.NamedNode("https://example.org/e")
>>> store.replace_graph(g.value, [ox.Quad(e, ox.NamedNode("https://graphbuild.org/ontology#mentionCount"),
...                                        ox.Literal(1), g)])
>>> report = validate_store(store)
>>> report.conforms
False
>>> print(report.text)  # doctest: +NORMALIZE_WHITESPACE
2 violations in 1 graph:
<https://example.org/doc>
  <https://example.org/e> rdf:type: An entity needs a class (rdf:type).
  <https://example.org/e> rdfs:label: An entity needs a label (rdfs:label).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import rdflib

from .errors import E231, InputError
from .shacl_pool import POOL_MIN_GRAPHS, core_results, usable_cores
from .shacl_sparql import split_sparql_constraints
from .store import Store
from .summary import hash_lines
from .vocab import ONTOLOGY_DIR, ONTOLOGY_GRAPH, PREFIXES

__all__ = ["SHAPES_PATH", "ValidationReport", "Violation", "validate_store"]

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which graph, which node, which property, what is wrong."""

    graph: str
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str = "Violation"
    shape: str | None = None

    def line(self) -> str:
        parts = [_short(self.focus)]
        if self.path:
            parts.append(_short(self.path) + ":")
        parts.append(self.message)
        if self.value and self.value not in self.message and self.value != self.focus:
            parts.append(f"(value: {_short(self.value)})")
        return " ".join(parts)


@dataclass
class ValidationReport:
    """``conforms`` is True when no shape is violated; ``text`` lists violations by graph.

    ``graphs`` are every graph the report covers; ``unchanged`` of them were not checked again
    because they had not changed since the last validation (their recorded result counts).
    """

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    unchanged: int = 0

    @property
    def text(self) -> str:
        if self.conforms:
            again = (f" ({self.unchanged} unchanged since the last validation, not checked again)"
                     if self.unchanged else "")
            return (f"conforms: {len(self.graphs)} graph{'s' if len(self.graphs) != 1 else ''} checked{again}, "
                    "no violations")
        graphs = sorted({v.graph for v in self.violations})
        lines = [f"{len(self.violations)} violation{'s' if len(self.violations) != 1 else ''} in "
                 f"{len(graphs)} graph{'s' if len(graphs) != 1 else ''}:"]
        for graph in graphs:
            title = f' "{self.titles[graph]}"' if graph in self.titles else ""
            lines.append((_short(graph) if graph else "(default graph)") + title)
            lines += sorted(f"  {v.line()}" for v in self.violations if v.graph == graph)
        return "\n".join(lines)


def validate_store(store: Store, shapes: str | os.PathLike | None = None, *,
                   all_graphs: bool = False) -> ValidationReport:
    """Check the document graphs of ``store`` (and a non-empty default graph) against ``shapes``.

    Graphs unchanged since their last validation against the same shapes and ontology keep their
    recorded result; ``all_graphs`` checks every graph again.
    """
    shapes_path = Path(shapes) if shapes else SHAPES_PATH
    core_shapes, constraints = split_sparql_constraints(_load_shapes(shapes_path))
    summary = store.summary()
    stamps = summary.graph_stamps()
    ontology = store.graph_ntriples(ONTOLOGY_GRAPH)
    context = hash_lines([_file_hash(shapes_path), hash_lines(sorted(ontology.decode("utf-8").splitlines()))])
    targets = [g for g in store.named_graphs() if g != ONTOLOGY_GRAPH]
    recorded = {} if all_graphs else summary.validated()
    keys = {g: hash_lines([stamps.get(g, ""), context]) for g in targets if g in stamps}
    reuse = {g: json.loads(recorded[g][1]) for g in targets if g in keys and recorded.get(g, ("",))[0] == keys[g]}
    if next(store.graph_quads(None), None) is not None:
        targets.append("")
    report = ValidationReport(conforms=True, graphs=targets, titles=_titles(store), unchanged=len(reuse))
    todo = [g for g in targets if g not in reuse]
    workers = min(usable_cores(), 4) if len(todo) >= POOL_MIN_GRAPHS else 1
    core = core_results(((g, store.graph_ntriples(g or None)) for g in todo),
                        core_shapes.serialize(format="nt", encoding="utf-8"), ontology, workers=workers)
    checked: dict[str, tuple[str, str]] = {}
    for name, conforms, results, error in core:
        if error is not None:
            raise InputError(E231.format(path=shapes_path, cause=error))
        found = [Violation(graph=name, **result) for result in results]
        for constraint in constraints:  # on the store, while the pool checks the next graphs
            for result in constraint.results(store, [name, ONTOLOGY_GRAPH]):
                found.append(Violation(graph=name, **result))
                conforms = conforms and result["severity"] != "Violation"
        if name in keys:
            checked[name] = (keys[name], json.dumps({"conforms": conforms, "violations": [asdict(v) for v in found]}))
        reuse[name] = {"conforms": conforms, "violations": [asdict(v) for v in found]}
    for name in targets:
        report.violations += [Violation(**v) for v in reuse[name]["violations"]]
        report.conforms = report.conforms and reuse[name]["conforms"]
    summary.record_validation(checked)
    return report


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(E231.format(path=path, cause=exc)) from exc


def _titles(store: Store) -> dict[str, str]:
    rows = store.query("SELECT ?g ?t WHERE { GRAPH ?g { ?g a gb:Document ; rdfs:label ?t } }")
    return {row["g"].value: row["t"].value for row in rows}


def _load_shapes(path: Path) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(E231.format(path=path, cause=exc)) from exc


def _short(iri: str) -> str:
    """``prefix:local`` for graphbuild's prefixes, else ``<iri>``."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and "/" not in iri[len(namespace):]:
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>" if "://" in iri else repr(iri) if iri else iri

