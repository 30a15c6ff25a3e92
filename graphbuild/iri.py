"""Deterministic, always-valid IRIs for entities, documents and statements.

The same name and type give the same IRI in every run and on every machine: names are
normalised (Unicode NFC, whitespace collapsed, case folded) and percent-encoded, so the IRI is
pure ASCII and never contains a character an RDF parser rejects. No ``hash()`` is used.

>>> entity_iri("https://graphbuild.org/id/", "Country", "Pakistan")
'https://graphbuild.org/id/country/pakistan'
>>> entity_iri("https://graphbuild.org/id/", "Person", "Ishaq  Dar")
'https://graphbuild.org/id/person/ishaq_dar'
>>> entity_iri("https://graphbuild.org/id/", "Person", '<a href="x">')
'https://graphbuild.org/id/person/%3Ca_href%3D%22x%22%3E'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from .errors import E010, InputError

__all__ = ["check_base_iri", "document_iri", "entity_iri", "normalise_name", "slug", "statement_iri"]

_SPACE = re.compile(r"\s+")
_BASE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+[/#]$")


def check_base_iri(iri: str) -> str:
    """Return ``iri`` if it can prefix graphbuild's IRIs, else raise :class:`InputError`."""
    if not _BASE.match(iri) or not iri.isascii():
        raise InputError(E010.format(iri=iri))
    return iri


def normalise_name(name: str) -> str:
    """NFC, collapsed whitespace, stripped: the form two spellings of one name share."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", name)).strip()


def slug(name: str) -> str:
    """Case-folded, underscore-joined, percent-encoded form of ``name``; never empty."""
    text = normalise_name(name).casefold().replace(" ", "_")
    return quote(text, safe="-._~") or "_"


def entity_iri(base: str, entity_type: str, name: str) -> str:
    """IRI of the entity called ``name`` of class ``entity_type`` (a local name such as ``Person``)."""
    return f"{base}{slug(entity_type)}/{slug(name)}"


def document_iri(base: str, content_hash: str) -> str:
    """IRI of a document's named graph, from the SHA-256 of its text."""
    return f"{base}doc/{content_hash[:16]}"


def statement_iri(base: str, content_hash: str, *parts: object) -> str:
    """IRI of a statement node: its document plus a digest of what identifies the statement."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return f"{base}statement/{content_hash[:16]}-{digest}"
