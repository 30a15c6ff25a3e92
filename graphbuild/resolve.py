"""Turn mentions into canonical entities: one node per real-world thing, with a stable IRI.

Within a document, a person's name part ("Dar") joins the full name ("Ishaq Dar"). Countries are
looked up in the country gazetteer (:mod:`graphbuild.gazetteer`, generated from countryinfo and
pycountry) so that "Pakistan", "Islamic Republic of Pakistan" and the demonym "Pakistani" are one
``schema:Country`` with its ISO 3166 code wherever they appear. Acronyms defined in the text
("China-Pakistan Economic Corridor (CPEC)") join their full name. Entities of incompatible
classes never merge: the class is part of the key and of the IRI, so a person and an
organisation that share a name stay apart.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from .extract.model import Mention
from .gazetteer import load_gazetteer
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
    "POSITION": "Position",
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
    >>> country("People's Republic of China")
    ('China', 'CN')
    >>> country("Beijing") is None
    True
    """
    found = load_gazetteer().country(name)
    return (found.name, found.code) if found is not None else None


@functools.lru_cache(maxsize=4096)
def demonym_country(word: str) -> tuple[str, str] | None:
    """``(country name, code)`` for a demonym: "Pakistani" -> ('Pakistan', 'PK')."""
    found = load_gazetteer().by_demonym(word)
    return (found.name, found.code) if found is not None else None


def resolve_mentions(mentions: list[Mention], base_iri: str,
                     acronyms: dict[str, tuple[str, str]] | None = None) -> dict[Mention, Entity]:
    """Map every mention of one document to its entity (shared objects for coreferent mentions).

    ``acronyms`` maps an acronym defined in the document to ``(full name, NER label)``.
    """
    acronyms = acronyms or {}
    keys = {m: _key(m, acronyms) for m in mentions}
    full_person_names = [k[1] for k in keys.values() if k[0] == "Person" and " " in k[1]]
    entities: dict[tuple[str, str], Entity] = {}
    surface: dict[tuple[str, str], Counter] = {}
    resolved: dict[Mention, Entity] = {}
    for mention, key in keys.items():
        if key[0] == "Person" and " " not in key[1]:
            key = ("Person", _full_name(key[1], full_person_names))
        elif key[0] == "Concept" and key[1].istitle() and " " not in key[1]:
            # a surname the NER missed ("Dar meets ..."): untyped, so it may join the one person it names
            full = _full_name(key[1], full_person_names)
            key = ("Person", full) if full != key[1] else key
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


def _key(mention: Mention, acronyms: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """(class, canonical name) of a mention: the identity of its entity."""
    name = normalise_name(mention.text)
    label = mention.label
    if name in acronyms and label != "CONCEPT":
        name, label = normalise_name(acronyms[name][0]), acronyms[name][1]
    cls = _CLASS_BY_LABEL.get(label, "Thing")
    if label in ("GPE", "LOC", "NORP", "ORG"):
        found = country(name) if label != "NORP" else None
        found = found or (demonym_country(name) if label in ("NORP", "GPE") else None)
        if found is not None:
            return "Country", found[0]
    return cls, name


def _full_name(part: str, full_names: list[str]) -> str:
    """"Dar" -> "Ishaq Dar" when exactly one full name in the document ends or starts with it."""
    matches = {n for n in full_names if n.split()[-1] == part or n.split()[0] == part}
    return matches.pop() if len(matches) == 1 else part
