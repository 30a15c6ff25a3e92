"""Language resources: the word lists rules read, one folder per language (``lang/en/``).

Rules never hold English words as module literals; they ask :func:`resources` for them, so
another language is another folder of the same files, not a rewrite of the rules.

>>> en = resources("en")
>>> en.honorifics["mrs"], "he" in en.pronouns, "have" in en.light_verbs
('f', True, True)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

__all__ = ["LanguageResources", "Pronoun", "resources"]


@dataclass(frozen=True)
class Pronoun:
    """Agreement features of a pronoun: number s/p/-, gender m/f/n/-, grammatical person 1/2/3."""

    number: str
    gender: str
    person: int


@dataclass(frozen=True)
class LanguageResources:
    """Every word list of one language, read once."""

    honorifics: dict[str, str]  # honorific -> gender hint (m, f, -)
    pronouns: dict[str, Pronoun]
    light_verbs: frozenset[str]
    generic_nouns: frozenset[str]
    nominal_antecedents: dict[str, frozenset[str]]  # "the company" -> NER labels it stands for
    positions: frozenset[str]  # head words of a title: "minister", "chief executive" -> "executive"
    relational_nouns: frozenset[str]  # "Boeing's rival" names someone else, not a thing Boeing owns
    adjunct_prepositions: frozenset[str]  # "due (to)", "because (of)": a cause, never an object
    source_nouns: frozenset[str]  # "the statement said": a document speaking for its parties
    units: frozenset[str]  # "6GB", "99 cents": an amount, not a thing
    former_modifiers: frozenset[str]  # "Former chief executive": a post not held now
    partitive_nouns: frozenset[str]  # "the first generation of X": named only with its "of" phrase
    complement_nouns: frozenset[str]  # "the purchase" of what: says little without its complement
    event_nouns: dict[str, str]  # "acquisition" -> "acquire": a noun naming the act a verb states
    modality: dict[tuple[str, str], str]  # (aux|verb|noun|adjective, lemma) -> future/hedged/demanded
    negation: dict[str, frozenset[str]]  # failing-verb, preventing-verb, adjective, determiner -> lemmas
    reporting: dict[str, frozenset[str]]  # verb, noun, hedge -> lemmas making a clause a claim
    lists: dict[str, frozenset[str]]  # the small named lists of lists.tsv ("collective-nouns", ...)

    def words(self, name: str) -> frozenset[str]:
        """The word list called ``name`` in ``lists.tsv``.

        >>> "side" in resources("en").words("collective-nouns")
        True
        """
        found = self.lists.get(name)
        if found is None:
            raise KeyError(f"no word list {name!r} in lists.tsv; there are: {', '.join(sorted(self.lists))}")
        return found

    def modality_of(self, kind: str, word: str) -> str | None:
        """The modality a governing word gives its complement, if it gives one."""
        return self.modality.get((kind, word))


def _rows(lang: str, name: str) -> list[list[str]]:
    text = (files(__package__) / lang / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _grouped(rows: list[list[str]]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for kind, word in rows:
        groups.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in groups.items()}


@functools.lru_cache(maxsize=None)
def resources(lang: str = "en") -> LanguageResources:
    """The word lists of ``lang`` (a folder under ``graphbuild/lang``)."""
    return LanguageResources(
        honorifics={word: gender for word, gender in _rows(lang, "honorifics.txt")},
        pronouns={w: Pronoun(n, g, int(p)) for w, n, g, p in _rows(lang, "pronouns.txt")},
        light_verbs=frozenset(row[0] for row in _rows(lang, "light_verbs.txt")),
        generic_nouns=frozenset(row[0] for row in _rows(lang, "generic_nouns.txt")),
        nominal_antecedents={noun: frozenset(labels.split(",")) for noun, labels in _rows(lang, "nominal_antecedents.txt")},
        positions=frozenset(row[0] for row in _rows(lang, "positions.txt")),
        relational_nouns=frozenset(row[0] for row in _rows(lang, "relational_nouns.txt")),
        adjunct_prepositions=frozenset(row[0] for row in _rows(lang, "adjunct_prepositions.txt")),
        source_nouns=frozenset(row[0] for row in _rows(lang, "source_nouns.txt")),
        units=frozenset(row[0] for row in _rows(lang, "units.txt")),
        former_modifiers=frozenset(row[0] for row in _rows(lang, "former_modifiers.txt")),
        partitive_nouns=frozenset(row[0] for row in _rows(lang, "partitive_nouns.txt")),
        complement_nouns=frozenset(row[0] for row in _rows(lang, "complement_nouns.txt")),
        event_nouns={noun: verb for noun, verb in _rows(lang, "event_nouns.tsv")},
        modality={(kind, word): value for kind, word, value in _rows(lang, "modality.tsv")},
        negation=_grouped(_rows(lang, "negation.tsv")),
        reporting=_grouped(_rows(lang, "reporting.tsv")),
        lists=_grouped(_rows(lang, "lists.tsv")),
    )
