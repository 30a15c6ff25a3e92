"""Open information extraction: the clauses the graph rules read, as text spans (CaRB format).

This is the argument-span variant of :mod:`.relations`: the same clause finder
(:func:`.relations.clause_subjects`: own subject, shared by coordinated and controlled verbs,
relative pronouns replaced by their noun) gives each verb its subjects; instead of mapping the
arguments to entities, each argument is the full phrase of the sentence. One tuple per verb:

- "Pakistan and China urged stronger measures" -> (urged; Pakistan and China; stronger measures)
- a copula with its complement: "Taiwan is part of China" -> (is; Taiwan; part of China)
- a passive agent: "It was attacked by the TTP" -> (was attacked by; It; the TTP)
- without an object, the first prepositional phrase joins the relation: (was held in; the talks; Beijing)
- further prepositional phrases and time phrases follow as extra arguments.

>>> OpenTuple("China supports Pakistan .", 0.9, "supports", ("China", "Pakistan")).carb()
'China supports Pakistan .\\t0.9\\tsupports\\tChina\\tPakistan'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .relations import clause_subjects

__all__ = ["OpenTuple", "open_tuples"]

_VERB_POS = ("VERB", "AUX")
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "acomp", "dative"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
_DROP_FROM_ARGS = frozenset({"relcl", "punct", "appos", "advcl", "acl"})
_RELATIVE = frozenset({"which", "that", "who", "whom"})
_AUX_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})


@dataclass(frozen=True)
class OpenTuple:
    """One open-IE extraction: sentence, confidence, relation phrase, arguments (arg1 first)."""

    sentence: str
    confidence: float
    relation: str
    arguments: tuple[str, ...]

    def carb(self) -> str:
        """The tab-separated line CaRB's scorer reads."""
        return "\t".join((self.sentence, f"{self.confidence:g}", self.relation, *self.arguments))


def open_tuples(doc: Doc) -> Iterator[OpenTuple]:
    """Every open-IE tuple of a parsed document, sentence by sentence."""
    for sent in doc.sents:
        text = sent.text.strip()
        for verb in sent:
            if verb.pos_ not in _VERB_POS or verb.dep_ in ("aux", "auxpass"):
                continue
            found = _verb_tuple(verb, text)
            if found is not None:
                yield found


def _verb_tuple(verb: Token, sentence: str) -> OpenTuple | None:
    subjects, passive = clause_subjects(verb)
    if not subjects:
        return None
    subject = subjects[0]
    arg1 = _phrase(subject)
    if not arg1 or verb.dep_ == "xcomp":
        return None  # "agreed to maintain coordination" is read once, from the governing verb
    relation = _verb_words(verb)
    args: list[str] = []
    confidence = 0.7
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and any(p.dep_ in ("pobj", "pcomp") for p in c.children)]
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    if objects:
        obj = objects[0]
        if verb.dep_ == "relcl" and obj.text.lower() in _RELATIVE:
            obj = verb.head  # "the Dialogue, which Dar attended": Dar attended the Dialogue
        args.append(_phrase(obj))
    elif preps:
        first = preps.pop(0)
        relation = relation + [first]
        args.append(" ".join(_phrase(p) for p in first.children if p.dep_ in ("pobj", "pcomp")))
        confidence -= 0.05
    elif clauses:
        clause = clauses.pop(0)
        if clause.dep_ == "xcomp":
            relation = relation + [t for t in clause.lefts if t.dep_ in ("aux", "neg")] + [clause]
            inner = [c for c in clause.children if c.dep_ in _OBJECT_DEPS]
            if not inner:
                return None
            args.append(_phrase(inner[0]))
        else:
            args.append(_span_text(clause.subtree, drop_mark=True))
        confidence -= 0.1
    else:
        return None
    for prep in preps[:2]:
        args.append(_phrase(prep))
    if passive:
        confidence -= 0.05
    if subject.pos_ == "PRON":
        confidence -= 0.15
    relation_text = " ".join(t.text for t in sorted(set(relation), key=lambda t: t.i))
    args = [a for a in args if a]
    if not args:
        return None
    return OpenTuple(sentence, round(confidence, 2), relation_text, (arg1, *args))


def _verb_words(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, negation and particle: "has not been used", "set up"."""
    return [c for c in verb.children if c.dep_ in _AUX_DEPS] + [verb]


def _phrase(token: Token) -> str:
    """The token's phrase without relative clauses, appositions and trailing punctuation."""
    return _span_text(token.subtree, skip_root=token)


def _span_text(tokens: Iterator[Token], skip_root: Token | None = None, drop_mark: bool = False) -> str:
    tokens = list(tokens)
    dropped: set[int] = set()
    if skip_root is not None:
        for child in skip_root.children:
            if child.dep_ in _DROP_FROM_ARGS:
                dropped.update(t.i for t in child.subtree)
    kept = [t for t in tokens if t.i not in dropped and not (drop_mark and t.dep_ == "mark")]
    while kept and kept[-1].is_punct:
        kept.pop()
    while kept and kept[0].is_punct:
        kept.pop(0)
    return " ".join(t.text for t in kept)

