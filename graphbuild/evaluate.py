"""Score a built graph against gold facts (``graphbuild eval GOLD.jsonl``). Reads the store only.

Gold file: one JSON object a line, ``{"subject": ..., "relation": ..., "object": ...}`` with
labels as a reader would write them, and optionally ``"negative": true`` for a fact that must NOT
be asserted (e.g. a claim the text only attributes to someone). Lines starting with ``#`` and
blank lines are skipped.

What is compared: the graph's *asserted* facts, i.e. its plain triples ``?s ?p ?o`` whose ``?p``
is a declared ``gb:Relation`` (lexicon properties and open relations named after a verb).

- Labels match leniently: case, a leading "the", quotes and apostrophe styles are ignored; a gold
  label matches an entity's ``rdfs:label`` or any ``skos:altLabel``, or a longer label with the
  same head word that contains every gold word ("sovereignty" matches "Pakistan's sovereignty";
  a label with a complement has two heads: "purchase" matches "purchase of 22 jets", "agreement"
  matches "agreement with Sukhoi").
- A relation matches a property whose local name or ``rdfs:label`` equals it ("supports",
  "concerned about", "pursue").
- **Recall** = positive gold facts matched by at least one asserted triple / positive gold facts.
- **Precision** is measured where the gold file claims to be complete: over the asserted triples
  whose subject matches the subject of some gold fact (positive or negative) *and* whose relation
  is that fact's relation. Such a triple is correct when it matches a positive gold fact; it is
  wrong otherwise (including when it matches a negative fact). So a gold file is expected to list
  every true fact for each (subject, relation) pair it uses.
- ``unresolved`` lists asserted triples (anywhere in the graph) with a pronoun or an unresolved
  collective ("they", "the two sides") as subject or object: there should be none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import read_model
from .errors import E301, E302, InputError
from .lang import resources
from .store import Store

__all__ = ["EvalReport", "GoldFact", "evaluate", "read_gold"]

_LABELS = """
SELECT DISTINCT ?e ?label WHERE {
  { ?e rdfs:label ?label } UNION { ?e skos:altLabel ?label }
  FILTER NOT EXISTS { ?e a gb:Statement }
}
"""
_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "us", "our", "he", "she", "him", "her",
                       "his", "which", "who", "that", "this", "these", "those", "both", "sides", "two sides",
                       "both sides", "both countries", "two countries", "both nations", "two nations"})
_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class GoldFact:
    """One gold fact: labels of subject and object, relation name, and whether it must be absent."""

    subject: str
    relation: str
    object: str
    negative: bool = False

    def __str__(self) -> str:
        return f"{'NOT ' if self.negative else ''}{self.subject} | {self.relation} | {self.object}"


@dataclass
class EvalReport:
    """Precision, recall and F1 with the facts behind them (see the module docstring)."""

    precision: float
    recall: float
    f1: float
    gold: int  # positive gold facts
    found: int  # positive gold facts matched
    scored: int  # asserted triples in the precision scope
    correct: int  # of which matched a positive gold fact
    misses: list[GoldFact] = field(default_factory=list)
    wrong: list[tuple[str, str, str]] = field(default_factory=list)
    negatives_asserted: list[GoldFact] = field(default_factory=list)
    unresolved: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """Lines for the terminal: the figures, then each miss and each wrong triple."""
        lines = [f"precision: {self.precision:.3f} ({self.correct}/{self.scored})  "
                 f"recall: {self.recall:.3f} ({self.found}/{self.gold})  F1: {self.f1:.3f}"]
        lines += [f"miss: {fact}" for fact in self.misses]
        lines += [f"asserted but negative: {fact}" for fact in self.negatives_asserted]
        lines += [f"wrong: {s} | {p} | {o}" for s, p, o in self.wrong]
        lines += [f"unresolved reference: {s} | {p} | {o}" for s, p, o in self.unresolved]
        return "\n".join(lines)


def read_gold(path: str | Path) -> list[GoldFact]:
    """Parse a gold JSON Lines file; raise :class:`InputError` naming the file and the bad line."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(E302.format(path=path, cause=exc.strerror or exc)) from exc
    facts = []
    for number, raw in enumerate(data.splitlines(), 1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            cause = f"not UTF-8 text at column {exc.start + 1}; re-save the file as UTF-8"
            raise InputError(E301.format(path=path, line=number, cause=cause)) from exc
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            facts.append(_gold_fact(line))
        except ValueError as exc:
            raise InputError(E301.format(path=path, line=number, cause=exc)) from exc
    return facts


def _gold_fact(line: str) -> GoldFact:
    """The fact on one line; ``ValueError`` saying why there is none (never a label "None")."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg}") from exc
    if not isinstance(row, dict):
        raise ValueError("not a JSON object")
    for key in ("subject", "relation", "object"):
        if key not in row:
            raise ValueError(f'no "{key}"')
        if not isinstance(row[key], str) or not row[key].strip():
            raise ValueError(f'"{key}" must be a non-empty string, not {json.dumps(row[key])[:40]}')
    negative = row.get("negative", False)
    if not isinstance(negative, bool):  # "negative": "false" must not mean true
        raise ValueError(f'"negative" must be true or false, not {json.dumps(negative)[:40]}')
    return GoldFact(row["subject"], row["relation"], row["object"], negative)


def normalise_label(text: str) -> str:
    """"The  ‘Pakistan’s’ sovereignty" -> "pakistan's sovereignty"."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').casefold()
    text = re.sub(r"[\"“”()\[\],.:;!?]", " ", text)
    words = text.split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(w.strip("'") if w not in ("'s",) else w for w in words)


def label_matches(gold: str, labels: set[str]) -> bool:
    """Lenient label match: equal after normalising, or same head word and every gold word present."""
    want = normalise_label(gold)
    if want in labels:
        return True
    gold_words = _WORD.findall(want)
    if not gold_words:
        return False
    for label in labels:
        words = _WORD.findall(label)
        if words and gold_words[-1] in _heads(label, words) and set(gold_words) <= set(words):
            return True
    return False


def _heads(label: str, words: list[str]) -> set[str]:
    """A label's head words: its last word, and the word before a complement ("purchase of 22
    jets", "first generation of laptops", "agreement with Sukhoi" have either head)."""
    restricting = resources("en").words("restricting-prepositions")
    before = next((words[i - 1] for i, word in enumerate(words) if i and word in restricting), None)
    return {words[-1], *([before] if before else [])}


def relation_matches(gold: str, prop: str, label: str | None) -> bool:
    """"supports" matches gb:supports; "concerned about" matches gb:concernedAbout by its label."""
    want = " ".join(gold.replace("gb:", "").replace("gbr:", "").casefold().split())
    local = re.split(r"[#/]", prop)[-1].casefold()
    if local in (want.replace(" ", ""), want.replace(" ", "_")):
        return True
    return label is not None and want == " ".join(label.casefold().split())


def evaluate(store: Store, gold_path: str | Path) -> EvalReport:
    """Score ``store``'s asserted relations against the gold file at ``gold_path``."""
    gold = read_gold(gold_path)
    labels: dict[str, set[str]] = {}
    for row in store.query(_LABELS):
        labels.setdefault(row["e"].value, set()).add(normalise_label(row["label"].value))
    properties = read_model.relation_properties(store)
    triples = [(s, p, o, properties[p][0]) for s, p, o in sorted(read_model.asserted_relations(store))]

    def matches(fact: GoldFact, s: str, p: str, o: str, plabel: str | None) -> bool:
        return (relation_matches(fact.relation, p, plabel) and label_matches(fact.subject, labels.get(s, set()))
                and label_matches(fact.object, labels.get(o, set())))

    positives = [f for f in gold if not f.negative]
    misses = [f for f in positives if not any(matches(f, *t) for t in triples)]
    negatives_asserted = [f for f in gold if f.negative and any(matches(f, *t) for t in triples)]
    scored = correct = 0
    wrong: list[tuple[str, str, str]] = []
    for s, p, o, plabel in triples:
        in_scope = any(relation_matches(f.relation, p, plabel) and label_matches(f.subject, labels.get(s, set()))
                       for f in gold)
        if not in_scope:
            continue
        scored += 1
        if any(matches(f, s, p, o, plabel) for f in positives):
            correct += 1
        else:
            wrong.append((_show(s, labels), plabel or p, _show(o, labels)))
    unresolved = [(_show(s, labels), plabel or p, _show(o, labels)) for s, p, o, plabel in triples
                  if _is_reference(labels.get(s, set())) or _is_reference(labels.get(o, set()))]
    found = len(positives) - len(misses)
    precision = correct / scored if scored else 0.0
    recall = found / len(positives) if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EvalReport(round(precision, 3), round(recall, 3), round(f1, 3), len(positives), found, scored, correct,
                      misses, sorted(wrong), negatives_asserted, sorted(unresolved))


def _show(iri: str, labels: dict[str, set[str]]) -> str:
    names = labels.get(iri)
    return min(names, key=len) if names else iri


def _is_reference(names: set[str]) -> bool:
    return bool(names) and all(name in _PRONOUNS for name in names)
