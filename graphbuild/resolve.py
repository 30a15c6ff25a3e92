"""Turn mentions into canonical entities: one node per real-world thing, with a stable IRI.

Within a document, a person's name part ("Dar") joins the full name ("Ishaq Dar"). Countries are
looked up in the ISO 3166 gazetteer (pycountry) so that "Pakistan" is a ``schema:Country`` with
its code wherever it appears. Entities of incompatible classes never merge: the class is part of
the key and of the IRI.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from .extract.model import Mention
from .iri import entity_iri, normalise_name

__all__ = ["Entity", "resolve_mentions"]

# spaCy NER label -> class local name (schema.org unless noted in rdf.CLASS_IRIS)
_CLASS_BY_LABEL = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "PRODUCT": "Product",
    "WORK_OF_ART": "CreativeWork",
    "LAW": "Legislation",
    "CONCEPT": "Concept",
}


@dataclass
class Entity:
    """A canonical entity of one document, before it becomes RDF."""

    iri: str
    cls: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    country_code: str | None = None


@functools.lru_cache(maxsize=4096)
def country(name: str) -> tuple[str, str] | None:
    """``(name, ISO 3166 alpha-2)`` if ``name`` is a country name or code, else ``None``.

    >>> country("Pakistan")
    ('Pakistan', 'PK')
    >>> country("Beijing") is None
    True
    """
    import pycountry

    if len(name) < 2:
        return None
    try:
        found = pycountry.countries.lookup(name)
    except LookupError:
        return None
    return getattr(found, "common_name", None) or found.name, found.alpha_2


def resolve_mentions(mentions: list[Mention], base_iri: str) -> dict[Mention, Entity]:
    """Map every mention of one document to its entity (shared objects for coreferent mentions)."""
    keys = {m: _key(m) for m in mentions}
    full_person_names = [k[1] for k in keys.values() if k[0] == "Person" and " " in k[1]]
    entities: dict[tuple[str, str], Entity] = {}
    surface: dict[tuple[str, str], Counter] = {}
    resolved: dict[Mention, Entity] = {}
    for mention, key in keys.items():
        if key[0] == "Person" and " " not in key[1]:
            key = ("Person", _full_name(key[1], full_person_names))
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = Entity(entity_iri(base_iri, key[0], key[1]), key[0], key[1])
            code = country(key[1])[1] if key[0] == "Country" else None
            entity.country_code = code
        entity.mentions += 1
        surface.setdefault(key, Counter())[normalise_name(mention.text)] += 1
        resolved[mention] = entity
    for key, entity in entities.items():
        entity.aliases = {name for name in surface[key] if name != entity.label}
    return resolved


def _key(mention: Mention) -> tuple[str, str]:
    """(class, canonical name) of a mention: the identity of its entity."""
    name = normalise_name(mention.text)
    cls = _CLASS_BY_LABEL.get(mention.label, "Thing")
    if mention.label in ("GPE", "LOC"):
        found = country(name)
        if found is not None:
            return "Country", found[0]
    return cls, name


def _full_name(part: str, full_names: list[str]) -> str:
    """"Dar" -> "Ishaq Dar" when exactly one full name in the document ends or starts with it."""
    matches = {n for n in full_names if n.split()[-1] == part or n.split()[0] == part}
    return matches.pop() if len(matches) == 1 else part
