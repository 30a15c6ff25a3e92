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

import csv
import functools
from collections import Counter
from dataclasses import dataclass, field, replace

from .cities import city
from .extract import DocumentFacts
from .extract.model import Mention, Relation
from .gazetteer import load_gazetteer
from .iri import entity_iri, normalise_name
from .lang import resources
from .vocab import ONTOLOGY_DIR

__all__ = ["Entity", "ResolvedFacts", "city_country", "organisation_aliases", "resolve_document", "resolve_mentions"]

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
    located_in: tuple[str, str] | None = None  # a city's country (name, ISO code), from the city gazetteer


@functools.lru_cache(maxsize=None)
def organisation_aliases() -> dict[str, str]:
    """The reviewed alias table of organisations and parties: alias -> canonical name.

    >>> organisation_aliases()["Lib Dems"], organisation_aliases()["Tories"]
    ('Liberal Democrats', 'Conservative Party')
    """
    with open(ONTOLOGY_DIR / "organisation_aliases.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["alias"]: row["canonical"] for row in rows}


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


@dataclass(frozen=True)
class ResolvedFacts:
    """The resolve stage's result: the relations as resolution reads them (a capital acting for its
    country) and the entity of every mention they and the document name."""

    relations: tuple[Relation, ...]
    entities: dict[Mention, Entity]


def resolve_document(facts: DocumentFacts, base_iri: str, scope: str = "") -> ResolvedFacts:
    """Resolve one document's facts: capitals acting as their countries, then every mention
    (arguments, claimants, places, named entities) to its canonical entity (see :func:`resolve_mentions`)."""
    relations = tuple(_capital_actors(r) for r in facts.relations)
    entities = resolve_mentions(
        [*facts.mentions, *(arg.mention for r in relations for arg in (r.subject, r.object))]
        + [r.attribution for r in relations if r.attribution is not None]
        + [r.place for r in relations if r.place is not None],
        base_iri,
        {short: (full, label) for short, full, label in facts.acronyms},
        scope=scope,
    )
    relations = tuple(_agreeing(r, entities) for r in relations)
    return ResolvedFacts(relations, entities)


def _agreeing(relation: Relation, entities: dict[Mention, Entity]) -> Relation:
    """A pronoun must agree with the class its entity was voted: "it" is never a person, "he"
    and "she" are never anything else ("Schiller said ... It also adds": not Schiller)."""
    if relation.vague:
        return relation
    for role, arg in (("subject", relation.subject), ("object", relation.object)):
        pronoun = resources("en").pronouns.get(arg.text.lower()) if arg.sieve == "pronoun" else None
        entity = entities.get(arg.mention)
        if pronoun is None or entity is None or pronoun.gender not in ("m", "f", "n"):
            continue
        if (entity.cls == "Person") != (pronoun.gender in ("m", "f")):
            return replace(relation, vague=f"pronoun {role} disagrees with {entity.label}")
    return relation


def _capital_actors(relation: Relation) -> Relation:
    """"Islamabad also praised ...": a capital as the subject of an active verb is its country."""
    subject = relation.subject
    if not subject.actor or subject.mention.label != "GPE":
        return relation
    gazetteer = load_gazetteer()
    found = gazetteer.by_capital(subject.mention.text)
    if found is None or gazetteer.country(subject.mention.text) is not None:
        return relation
    mention = Mention(found.name, subject.mention.start, subject.mention.end, "GPE")
    return replace(relation, subject=replace(subject, mention=mention))


def resolve_mentions(mentions: list[Mention], base_iri: str,
                     acronyms: dict[str, tuple[str, str]] | None = None, scope: str = "") -> dict[Mention, Entity]:
    """Map every mention of one document to its entity (shared objects for coreferent mentions).

    ``acronyms`` maps an acronym defined in the document to ``(full name, NER label)``. ``scope``
    (the document's id) keeps a person known only by one name ("Blair") inside its document: a
    bare surname is never merged across documents.
    """
    acronyms = acronyms or {}
    voted = _vote_labels(mentions)
    keys = {m: _key(Mention(m.text, m.start, m.end, voted.get(normalise_name(m.text), m.label)), acronyms)
            for m in mentions}
    # exact name match: a concept spelled like a named entity of the document is that entity
    # ("Airbus" the NER missed in one sentence and found in another)
    named = {k[1]: k for k in keys.values() if k[0] not in ("Concept", "Position")}
    keys = {m: named.get(k[1], k) if k[0] == "Concept" else k for m, k in keys.items()}
    full_person_names = _longest_first({k[1] for k in keys.values() if k[0] == "Person" and " " in k[1]})
    full_person_names += _unlabelled_full_names(keys, full_person_names)
    seen_at: dict[str, list[int]] = {}
    for mention, key in keys.items():
        seen_at.setdefault(key[1], []).append(mention.start)
    entities: dict[tuple[str, str], Entity] = {}
    surface: dict[tuple[str, str], Counter] = {}
    resolved: dict[Mention, Entity] = {}
    for mention, key in keys.items():
        if key[1] in full_person_names:
            # "Theresa May" the NER missed, named "Mrs May" later; "Steve Jobs Apple Computer", a name
            # run into the next one, is "Steve Jobs"
            key = ("Person", _prefix_name(key[1], full_person_names))
        elif key[0] in ("Person", "Organization", "Group", "Place", "Product") and " " not in key[1]:
            # name parts: "Blair" -> "Tony Blair", even where the NER called the surname something else
            full = _full_name(key[1], full_person_names, mention.start, seen_at)
            key = ("Person", full) if full != key[1] or key[0] == "Person" else key
        elif key[0] == "Concept" and key[1].istitle() and " " not in key[1]:
            # a surname the NER missed ("Dar meets ..."): untyped, so it may join the one person it names
            full = _full_name(key[1], full_person_names, mention.start, seen_at)
            key = ("Person", full) if full != key[1] else key
        entity = entities.get(key)
        if entity is None:
            local = key[0] == "Person" and " " not in key[1] and scope
            iri = entity_iri(base_iri, key[0], f"{key[1]} {scope}" if local else key[1])
            entity = entities[key] = Entity(iri, key[0], key[1])
            code = country(key[1])[1] if key[0] == "Country" else None
            entity.country_code = code
            entity.located_in = city_country(key[1]) if key[0] == "Place" else None
        entity.mentions += 1
        surface.setdefault(key, Counter())[normalise_name(mention.text)] += 1
        resolved[mention] = entity
    for key, entity in entities.items():
        entity.aliases = {name for name in surface[key] if name != entity.label}
    return resolved


_PLACE_OVER_PERSON = 300_000  # population above which a one-word PERSON named like a city is the city
_VOTING_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def _vote_labels(mentions: list[Mention]) -> dict[str, str]:
    """Each name's NER label by majority over its mentions in the document (the first seen wins a
    tie): "Labour" tagged ORG twice and PERSON once is one organisation, not two nodes."""
    votes: dict[str, Counter] = {}
    for mention in mentions:
        if mention.label in _VOTING_LABELS:
            votes.setdefault(normalise_name(mention.text), Counter())[mention.label] += 1
    return {name: counter.most_common(1)[0][0] for name, counter in votes.items()}


def _unlabelled_full_names(keys: dict, full_names: list[str]) -> list[str]:
    """Title-case concepts of two or three words that complete a lone person name ("Theresa May"
    for "May", whose honorific made it a person) when no labelled full name does."""
    lone = {k[1] for k in keys.values() if k[0] == "Person" and " " not in k[1]}
    lone = {name for name in lone if _full_name(name, full_names) == name}
    found = []
    for cls, name in set(keys.values()):
        words = name.split()
        if cls == "Concept" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[-1] in lone:
            found.append(name)
    return [n for n in found if sum(1 for m in found if m.split()[-1] == n.split()[-1]) == 1]


def _key(mention: Mention, acronyms: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """(class, canonical name) of a mention: the identity of its entity."""
    name = normalise_name(mention.text)
    label = mention.label
    if name in acronyms and label != "CONCEPT":
        name, label = normalise_name(acronyms[name][0]), acronyms[name][1]
    elif label in ("ORG", "NORP") and name in organisation_aliases():
        return "Organization", organisation_aliases()[name]  # "Tories", "Lib Dems": one party everywhere
    cls = _CLASS_BY_LABEL.get(label, "Thing")
    if label == "PERSON" and (load_gazetteer().names_a_place(name) or " " not in name and _big_city(name)):
        label, cls = "GPE", "Place"  # "Kyiv", "Manchester" tagged PERSON: a gazetteer place is a place
    if label in ("GPE", "LOC", "NORP", "ORG"):
        found = country(name) if label != "NORP" else None
        found = found or (demonym_country(name) if label in ("NORP", "GPE") else None)
        if found is not None:
            return "Country", found[0]
    return cls, name


def _longest_first(names: set[str]) -> list[str]:
    return sorted(names, key=lambda n: (-len(n.split()), n))


def _prefix_name(name: str, full_names: list[str]) -> str:
    """The shortest full name ``name`` begins with, word by word ("Steve Jobs Apple Computer" is
    "Steve Jobs"), else the one longer name it ends, else ``name`` itself."""
    words = name.split()
    shorter = [n for n in full_names if len(n.split()) < len(words) and words[: len(n.split())] == n.split()]
    if shorter:
        return min(shorter, key=lambda n: len(n.split()))
    # "App Store" in a document that names the "Mac App Store": the one longer name it ends
    longer = [n for n in full_names if len(n.split()) > len(words) and n.split()[-len(words):] == words]
    return longer[0] if len(longer) == 1 else name


def city_country(name: str) -> tuple[str, str] | None:
    """``(country name, ISO code)`` of the city called ``name`` (see :mod:`graphbuild.cities`)."""
    found = city(name)
    if found is None or country(name) is not None:
        return None
    home = load_gazetteer().by_code(found.country_code)
    return (home.name, home.code) if home is not None else None


def _big_city(name: str) -> bool:
    """A city large enough that a one-word "person" of that name is the city ("Manchester")."""
    found = city(name)
    return found is not None and found.population >= _PLACE_OVER_PERSON


def _full_name(part: str, full_names: list[str], at: int = 0, seen_at: dict[str, list[int]] | None = None) -> str:
    """"Dar" -> "Ishaq Dar": the full name of the document that ends or starts with ``part``; of
    several ("Steve": Jobs or Ballmer), the one named last before ``at``, else the first named after."""
    matches = sorted({n for n in full_names if n.split()[-1] == part or n.split()[0] == part})
    if len(matches) <= 1 or seen_at is None:
        return matches[0] if len(matches) == 1 else part
    before = [(max(p for p in seen_at.get(n, []) if p < at), n) for n in matches
              if any(p < at for p in seen_at.get(n, []))]
    if before:
        return max(before)[1]
    return min((min(seen_at.get(n, [at])), n) for n in matches)[1]
