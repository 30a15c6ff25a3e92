"""Plain, frozen records that extraction produces; no spaCy object survives past extraction."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Argument", "Mention", "Provenance", "Relation"]


@dataclass(frozen=True)
class Mention:
    """A named entity (or a concept) as written in the text, with its document offsets."""

    text: str
    start: int
    end: int
    label: str  # spaCy NER label (GPE, PERSON, ORG, ...) or CONCEPT


@dataclass(frozen=True)
class Provenance:
    """Where a relation was read: the sentence, its offsets in the document, the rule that fired."""

    sentence: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Argument:
    """The subject or object of a relation: the words in the text and the mention they name."""

    text: str
    mention: Mention
    sieve: str = ""  # the coreference sieve that resolved a reference ("pronoun", "nominal"), if any
    actor: bool = False  # the subject of an active verb: a capital acts for its country


@dataclass(frozen=True)
class Relation:
    """One extracted relation with its factuality and provenance.

    ``predicate`` is the lemma key looked up in the lexicon ("support", "call for", "hold in").
    ``kind`` selects the lexicon column: "verb", "noun", or "link" for structural relations that no
    verb states (a title, a possessive: "Pakistani Foreign Minister Ishaq Dar", "China's Xinjiang").
    ``asserted`` is derived: the text states it as a fact (not negated, hedged, or attributed) between
    arguments that name something, with a predicate that means something (``vague`` is empty).
    """

    subject: Argument
    predicate: str
    predicate_text: str
    object: Argument
    provenance: Provenance
    kind: str = "verb"  # "verb", "noun" (a nominal predicate after a light verb) or "link"
    negated: bool = False
    modality: str = "asserted"  # asserted, hedged, future, demanded, conditional
    attribution: Mention | None = None
    times: tuple[str, ...] = field(default_factory=tuple)
    confidence: float = 0.5
    place: Mention | None = None  # where the related event took place ("held talks in Beijing")
    vague: str = ""  # why the fact is too vague to assert ("pronoun subject", "light verb"), if it is

    @property
    def asserted(self) -> bool:
        return not self.negated and self.modality == "asserted" and self.attribution is None and not self.vague
