"""Content negotiation and the row cap for query results.

The front asks Oxigraph for line-based formats (TSV for solutions, N-Triples for graphs: one
row or triple per line, newlines inside literals escaped), reads at most ``max_rows`` lines,
and re-serialises them with pyoxigraph in the format the client asked for. A truncated answer
says so in the ``X-Graphbuild-Truncated`` header and, where the format has room for it, in the
body: a ``link`` in the head of JSON and XML results, a comment in Turtle and N-Triples.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from ..vocab import PREFIXES

__all__ = ["SOLUTION_TYPES", "GRAPH_TYPES", "negotiate", "truncation_link", "render_solutions", "render_graph"]

# media type -> format, in the order used when the client accepts anything
SOLUTION_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
}


def _accepted(accept: str | None) -> list[tuple[float, int, str]]:
    """``(q, position, media range)`` for each entry of an Accept header, best first."""
    entries = []
    for position, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            entries.append((-q, position, media))
    return [(-q, pos, media) for q, pos, media in sorted(entries)]


def negotiate(accept: str | None, table: dict) -> tuple[str, object] | None:
    """The best ``(media type, format)`` of ``table`` for an Accept header, or None (406).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_TYPES)[0]
    'application/sparql-results+xml'
    >>> negotiate("text/html,*/*;q=0.8", GRAPH_TYPES)[0]
    'text/turtle'
    >>> negotiate("image/png", SOLUTION_TYPES) is None
    True
    """
    for _q, _pos, media in _accepted(accept):
        if media in table:
            return media, table[media]
        kind = media.split("/")[0]
        for candidate, fmt in table.items():
            if media == "*/*" or (media.endswith("/*") and candidate.startswith(kind + "/")):
                return fmt.media_type, fmt
    return None


def truncation_link(max_rows: int) -> str:
    return f"urn:graphbuild:truncated:max-rows={max_rows}"


def render_solutions(tsv: bytes, fmt: ox.QueryResultsFormat, truncated_at: int | None) -> bytes:
    """Re-serialise TSV solutions (or a boolean) as ``fmt``; mark a truncation in the head."""
    results = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    body = results.serialize(format=fmt)
    if truncated_at is None:
        return body
    link = truncation_link(truncated_at)
    if fmt == ox.QueryResultsFormat.JSON:
        document = json.loads(body)
        document["head"]["link"] = [link]
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == ox.QueryResultsFormat.XML:
        return body.replace(b"</head>", f'<link href="{link}"/></head>'.encode(), 1)
    return body


def render_graph(ntriples: bytes, fmt: ox.RdfFormat, truncated_at: int | None) -> bytes:
    """Re-serialise N-Triples as ``fmt``; Turtle and N-Triples get a comment when truncated."""
    triples = list(ox.parse(ntriples, ox.RdfFormat.N_TRIPLES))
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    body = ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
    if truncated_at is not None and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        body = f"# graphbuild: truncated after {truncated_at} triples\n".encode() + body
    return body
