"""JSON-LD with an ``@context`` of graphbuild's prefixes, one ``@graph`` object per named graph.

Oxigraph writes expanded JSON-LD (every key a full IRI); this shortens keys, ``@id`` and
``@type`` values to compact IRIs (``rdfs:label``, ``gb:supports``) that the context expands
again, so any JSON-LD processor reads back exactly the same quads.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

__all__ = ["write_jsonld"]


def write_jsonld(quads, out, prefixes: dict[str, str]) -> None:
    """Write ``quads`` (named graphs kept) to the binary stream ``out`` as compacted JSON-LD."""
    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD))
    by_length = sorted(prefixes.items(), key=lambda item: -len(item[1]))  # the longest namespace wins

    def compact(iri: str) -> str:
        for prefix, namespace in by_length:
            rest = iri[len(namespace):]
            if iri.startswith(namespace) and rest and not rest.startswith("//"):
                return f"{prefix}:{rest}"
        return iri

    def shorten(value):
        if isinstance(value, list):
            return [shorten(item) for item in value]
        if not isinstance(value, dict):
            return value
        result = {}
        for key, item in value.items():
            if key in ("@id", "@type") and isinstance(item, str) and not item.startswith("_:"):
                result[key] = compact(item)
            elif key.startswith("@"):
                result[key] = shorten(item)
            else:
                result[compact(key)] = shorten(item)
        return result

    document = {"@context": dict(prefixes), "@graph": shorten(expanded)}
    out.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
    out.write(b"\n")
