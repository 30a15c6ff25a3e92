"""CSV files for ``neo4j-admin database import full``: ``nodes.csv`` and ``relationships.csv``.

Headers follow the import tool's format: ``iri:ID`` (the entity IRI is the node id),
``:LABEL`` (``Entity`` plus the class, e.g. ``Entity;Country``), ``:START_ID``, ``:END_ID``,
``:TYPE`` (the relation in Neo4j's UPPER_SNAKE style: ``gb:cooperatesWith`` ->
``COOPERATES_WITH``). Aliases are a ``string[]`` split on ``;``. Import with::

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..atomic import atomic_write
from ..vocab import local_name
from . import Exporter

NODE_HEADER = ["iri:ID", "name", "class", "aliases:string[]", "mentions:int", ":LABEL"]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "property", "name", "category", "statements:int"]
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")


def relationship_type(label: str) -> str:
    """Neo4j's relationship type for a property local name or label.

    >>> relationship_type("cooperatesWith"), relationship_type("call on"), relationship_type("1st-strike")
    ('COOPERATES_WITH', 'CALL_ON', 'R_1ST_STRIKE')
    """
    text = _NOT_WORD.sub("_", _CAMEL.sub("_", label)).strip("_").upper() or "RELATED_TO"
    return text if text[0].isalpha() else "R_" + text


def _clean(text: str) -> str:
    """One line of text: the import tool reads multi-line fields only when told to."""
    return " ".join(str(text).split())


def node_rows(graph):
    for node, data in sorted(graph.nodes(data=True)):
        aliases = ";".join(_clean(a).replace(";", ",") for a in data.get("aliases", []))
        labels = "Entity" + (f";{data['type']}" if data.get("type") else "")
        yield [node, _clean(data["label"]), data.get("type", ""), aliases, data.get("mentions", 0), labels]


def relationship_rows(graph):
    for source, target, key, data in sorted(graph.edges(keys=True, data=True)):
        local = local_name(key)
        yield [source, target, relationship_type(local), key, _clean(data["label"]), data.get("category") or "",
               data.get("statements", 0)]


def write_neo4j(store, folder: Path) -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` for the entity graph of ``store`` into ``folder``."""
    from ..networkx_view import entity_graph

    graph = entity_graph(store)
    for name, header, rows in (("nodes.csv", NODE_HEADER, node_rows(graph)),
                               ("relationships.csv", RELATIONSHIP_HEADER, relationship_rows(graph))):
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        with atomic_write(Path(folder) / name, "w", encoding="utf-8") as handle:
            handle.write(text.getvalue())


EXPORTERS = [Exporter("neo4j", write_neo4j, "", directory=True,
                      description="nodes.csv and relationships.csv for neo4j-admin database import")]
