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

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SH

from .errors import E231, InputError
from .shacl_sparql import SparqlConstraint, split_sparql_constraints
from .store import Store
from .summary import hash_lines
from .vocab import ONTOLOGY_DIR, ONTOLOGY_GRAPH, PREFIXES

__all__ = ["SHAPES_PATH", "ValidationReport", "Violation", "validate_store"]

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
_XSD_STRING = PREFIXES["xsd"] + "string"


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
    shapes_graph = _load_shapes(shapes_path)
    core_shapes, constraints = split_sparql_constraints(shapes_graph)
    summary = store.summary()
    stamps = summary.graph_stamps()
    ontology = _graph(store, ONTOLOGY_GRAPH)
    context = hash_lines([_file_hash(shapes_path), hash_lines(sorted(" ".join(term.n3() for term in triple) for triple in ontology))])
    targets = [g for g in store.named_graphs() if g != ONTOLOGY_GRAPH]
    recorded = {} if all_graphs else summary.validated()
    keys = {g: hash_lines([stamps.get(g, ""), context]) for g in targets if g in stamps}
    reuse = {g: json.loads(recorded[g][1]) for g in targets if g in keys and recorded.get(g, ("",))[0] == keys[g]}
    if next(store.graph_quads(None), None) is not None:
        targets.append("")
    report = ValidationReport(conforms=True, graphs=targets, titles=_titles(store), unchanged=len(reuse))
    checked: dict[str, tuple[str, str]] = {}
    for name in targets:
        if name in reuse:
            conforms, found = reuse[name]["conforms"], [Violation(**v) for v in reuse[name]["violations"]]
        else:
            conforms, found = _check(store, name, core_shapes, constraints, ontology, shapes_path)
            if name in keys:
                checked[name] = (keys[name], json.dumps({"conforms": conforms,
                                                         "violations": [asdict(v) for v in found]}))
        report.violations += found
        report.conforms = report.conforms and conforms
    summary.record_validation(checked)
    return report


def _check(store: Store, name: str, core_shapes: rdflib.Graph, constraints: list[SparqlConstraint],
           ontology: rdflib.Graph, shapes_path: Path) -> tuple[bool, list[Violation]]:
    """Check one graph: SPARQL constraints on the store, the rest with pySHACL."""
    import pyshacl

    data = _graph(store, name or None)
    data += ontology
    conforms, results, text = pyshacl.validate(data, shacl_graph=core_shapes, inference="none", allow_warnings=True)
    if not isinstance(results, rdflib.Graph):  # pySHACL could not use the shapes themselves
        raise InputError(E231.format(path=shapes_path, cause=text.strip()))
    found = _violations(results, name)
    for constraint in constraints:
        for result in constraint.results(store, [name, ONTOLOGY_GRAPH]):
            found.append(Violation(graph=name, **result))
            conforms = conforms and result["severity"] != "Violation"
    return conforms, found


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


def _graph(store: Store, graph: str | None) -> rdflib.Graph:
    """The triples of one graph as an rdflib graph, term by term (no serialising and re-parsing)."""
    data = rdflib.Graph()
    terms: dict = {}
    for quad in store.graph_quads(graph):
        data.add((_term(quad.subject, terms), _term(quad.predicate, terms), _term(quad.object, terms)))
    return data


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal, seen: dict):
    found = seen.get(term)
    if found is None:
        if isinstance(term, ox.NamedNode):
            found = rdflib.URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            found = rdflib.BNode(term.value)
        elif term.language:
            found = rdflib.Literal(term.value, lang=term.language)
        elif term.datatype.value == _XSD_STRING:
            found = rdflib.Literal(term.value)  # as rdflib reads a plain literal
        else:
            found = rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
        seen[term] = found
    return found


def _violations(results: rdflib.Graph, graph: str) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(prop):
            value = results.value(result, prop)
            return str(value) if value is not None else None

        found.append(Violation(
            graph=graph, focus=one(SH.focusNode), path=one(SH.resultPath), value=one(SH.value),
            message=one(SH.resultMessage) or "does not conform",
            severity=(one(SH.resultSeverity) or str(SH.Violation)).rsplit("#", 1)[-1],
            shape=one(SH.sourceShape),
        ))
    return found


def _short(iri: str) -> str:
    """``prefix:local`` for graphbuild's prefixes, else ``<iri>``."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and "/" not in iri[len(namespace):]:
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>" if "://" in iri else repr(iri) if iri else iri

