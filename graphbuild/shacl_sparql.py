"""Run the SPARQL-based constraints (``sh:sparql``) of a shapes graph on the store, with Oxigraph.

pySHACL runs such a constraint with rdflib's SPARQL engine, once per focus node, and that is
where nearly all of a validation's time went. Here each constraint runs as one Oxigraph query
per document graph (merged with the ontology graph, as pySHACL sees it), joined with the
shape's focus nodes, and its rows become SHACL results as pySHACL would report them.
A constraint whose SELECT does not project ``$this`` is left to pySHACL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import rdflib
from rdflib.namespace import SH

from .store import Store

__all__ = ["SparqlConstraint", "split_sparql_constraints"]

_PROJECTS_THIS = re.compile(r"(?is)^\s*SELECT\s+(DISTINCT\s+|REDUCED\s+)?[^{]*[$?]this\b")
_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")
_TARGETS = {SH.targetClass: "{ ?this rdf:type/rdfs:subClassOf* <%s> }", SH.targetNode: "{ BIND(<%s> AS ?this) }",
            SH.targetSubjectsOf: "{ ?this <%s> ?any }", SH.targetObjectsOf: "{ ?any <%s> ?this }"}


@dataclass(frozen=True)
class SparqlConstraint:
    """One ``sh:sparql`` constraint of node shape ``shape``: its query, focus nodes and message."""

    shape: str
    query: str  # focus nodes joined with the constraint's SELECT; projects ?this, ?value, ?path
    message: str
    severity: str
    prefixes: tuple[tuple[str, str], ...]

    def results(self, store: Store, graphs: list[str]) -> list[dict]:
        """The constraint's results on the merge of ``graphs``: ``{focus, path, value, message, ...}``."""
        found = []
        for row in store.query(self.query, graphs=graphs, prefixes=dict(self.prefixes)):
            values = {name: _text(row[name]) for name in ("this", "value", "path")}
            found.append({"focus": values["this"], "path": values["path"], "value": values["value"],
                          "message": _TEMPLATE.sub(lambda m: _text(_get(row, m.group(1))) or m.group(0), self.message),
                          "severity": self.severity, "shape": self.shape})
        return found


def split_sparql_constraints(shapes: rdflib.Graph) -> tuple[rdflib.Graph, list[SparqlConstraint]]:
    """``shapes`` without the SPARQL constraints that can run on the store, and those constraints."""
    rest = rdflib.Graph()
    for triple in shapes:
        rest.add(triple)
    constraints = []
    for shape, node in shapes.subject_objects(SH.sparql):
        select = shapes.value(node, SH.select)
        targets = [_TARGETS[kind] % target for kind in _TARGETS for target in shapes.objects(shape, kind)
                   if isinstance(target, rdflib.URIRef)]
        if (select is None or not targets or not _PROJECTS_THIS.match(str(select))
                or shapes.value(node, SH.deactivated) == rdflib.Literal(True)
                or shapes.value(shape, SH.deactivated) == rdflib.Literal(True)):
            continue  # left to pySHACL
        severity = shapes.value(shape, SH.severity) or SH.Violation
        message = shapes.value(node, SH.message) or shapes.value(shape, SH.message) or "does not conform"
        query = ("SELECT ?this ?value ?path WHERE { { SELECT DISTINCT ?this WHERE { "
                 + " UNION ".join(targets) + " } } { " + str(select) + " } }")
        constraints.append(SparqlConstraint(str(shape), query, str(message), str(severity).rsplit("#", 1)[-1],
                                            _prefixes(shapes, node)))
        rest.remove((shape, SH.sparql, node))
    return rest, constraints


def _prefixes(shapes: rdflib.Graph, node: rdflib.term.Node) -> tuple[tuple[str, str], ...]:
    declared = []
    for owner in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(owner, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                declared.append((str(prefix), str(namespace)))
    return tuple(declared)


def _get(row, name: str):
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


def _text(term) -> str | None:
    return None if term is None else term.value

