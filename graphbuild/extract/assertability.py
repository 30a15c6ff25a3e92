"""Precision first: is a relation specific enough to become a plain triple?

A relation whose argument names nothing ("it", "Mr", "%", "people", "the store" left
unresolved) or whose predicate is a bare light verb ("have", "take place") stays a statement
node. Each check returns the reason, or ``""`` when the relation may be asserted; the reason is
kept on the relation, so a user can see why a statement was not asserted.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..lang import resources
from .model import Argument, Mention

__all__ = ["argument_problem", "clause_problem", "names_nothing", "predicate_problem"]

_COMPLEMENT_PREPOSITIONS = frozenset({"of", "for", "to", "on", "about"})

_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
# "$1bn", "40,000", "8.5", "€20m": an amount ("7th" and "A380" are not)
_AMOUNT = re.compile(r"^[$€£¥]?[\d.,]+(bn|m|k|tn|billion|million|thousand)?$")
_PARTICLES = frozenset({"up", "out", "over", "off", "down", "back", "away"})
_NOTHING = frozenset({"fragment", "pronoun", "honorific"})  # argument problems that drop the argument


def names_nothing(mention: Mention) -> bool:
    """A would-be argument that can never name an entity: a pronoun, an honorific alone, a
    punctuation mark, a single character or a short lower-case fragment ("co", "m", "%").

    >>> [names_nothing(Mention(t, 0, 1, "CONCEPT")) for t in ("%", "co", "they", "Mr", "tax", "EU")]
    [True, True, True, True, False, False]
    """
    return argument_problem(Argument(mention.text, mention), "argument").split(" ")[0] in _NOTHING


def argument_problem(arg: Argument, role: str) -> str:
    """Why ``arg`` cannot be a plain triple's ``role`` ("subject" or "object"), or ``""``.

    >>> from graphbuild.extract.model import Mention
    >>> argument_problem(Argument("he", Mention("he", 0, 2, "PERSON")), "subject")
    'pronoun subject'
    >>> argument_problem(Argument("the store", Mention("store", 4, 9, "CONCEPT")), "subject")
    'bare noun subject'
    >>> argument_problem(Argument("songs", Mention("songs", 4, 9, "CONCEPT")), "object")
    ''
    """
    en = resources("en")
    text = arg.mention.text.strip()
    words = text.lower().split()
    if len(words) == 1 and words[0] in en.pronouns:
        return f"pronoun {role}"
    if not words or not _WORD.search(text) or len(text.replace(".", "")) < 2 or (
            len(words) == 1 and len(text) < 3 and text.islower()):
        return f"fragment {role}"
    if all(w.rstrip(".") in en.honorifics or w in en.honorifics for w in words):
        return f"honorific {role}"
    if arg.mention.label != "CONCEPT":
        return ""
    if text.endswith("%") or words[-1] == "percent" or words[-1:] == ["cent"] or words[-1] in en.generic_nouns and all(
            w in en.words("quantifiers") for w in words[:-1]):
        return f"generic {role}"  # "people", "more people", "many officials", "8.5%" ("a 10% stake" is a thing)
    if words[0] in ("more", "fewer", "less") and len(words) > 1:
        return f"comparative {role}"  # "won more orders than Airbus": the comparison is the content
    if all(_AMOUNT.match(w) for w in words) or words[-1] in en.units:
        return f"number {role}"  # "invest $1bn", "70 million", "6GB": an amount, not a thing ("2,000 jobs" is)
    head = text.lower().split(" of ")[0].split()[-1]  # "role of chief executive": the head is "role"
    if head.rstrip(".") in en.positions and not any("'" in w for w in words):
        return f"unresolved title {role}"  # "the Prime Minister applauded": a post, not the person holding it
    if words[-1] in en.nominal_antecedents and text[:1].islower():
        return f"unresolved description {role}"  # "US company", "European aircraft manufacturer"
    if role == "subject" and len(words) == 1 and text.islower():
        return "bare noun subject"  # "the store sells songs": a reference left unresolved
    return ""


def predicate_problem(predicate: str, kind: str, subject: Argument, obj: Argument | None = None) -> str:
    """Why ``predicate`` says too little to assert, or ``""``: a bare light verb ("have",
    "take place", "be in"), or a possessive whose concept names its owner already.

    >>> from graphbuild.extract.model import Mention
    >>> predicate_problem("take place", "verb", Argument("talks", Mention("talks", 0, 5, "CONCEPT")))
    'light verb'
    """
    if kind == "link":
        # "Pakistan's sovereignty" belongs to Pakistan: its label says so already; and "Boeing's
        # rival" is not Boeing's at all
        restated = predicate == "possessive" and subject.mention.label == "CONCEPT"
        return "possessive restating its label" if restated else ""
    if kind != "verb":
        return ""
    words = predicate.split()
    en = resources("en")
    performance = words == ["give"] and obj is not None and obj.mention.label == "CONCEPT" \
        and obj.mention.text.lower().split()[-1] in en.words("performance-nouns")  # "gave a speech"
    if words[0] in en.light_verbs and not (len(words) > 1 and words[1] in _PARTICLES) and not performance:
        return "light verb"  # "take place", "have a plan"; but "take over", "set up" say something
    return ""


def clause_problem(verb: Token, arguments: tuple[Argument, Argument], kind: str, offset: int,
                   in_lexicon: bool = False) -> str:
    """Why a clause's relation leaves out what makes it true, or ``""``: a verb whose object
    has a predicate of its own ("called the software 'the best'", "named Cook chief executive"),
    or an argument whose complement the parse left outside it ("negotiated the purchase" of 22
    jets, "announced plans" to shift production). ``offset``: the piece's place in its document.
    """
    if kind == "verb" and any(child.dep_ == "oprd" for child in verb.children):
        return "object complement left out"
    # "described the range as ...", "attributes success to ...": the parser may hang it on the object
    near = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.children)]
    if kind == "verb" and any(child.dep_ == "prep" and f"{verb.lemma_}:{child.lower_}" in resources("en").words(
            "two-complement-verbs") for child in near):
        return "object complement left out"
    spans = [verb.doc.char_span(arg.mention.start - offset, arg.mention.end - offset, alignment_mode="expand")
             for arg in arguments]
    if kind == "verb" and not in_lexicon and _object_made_to_act(verb, spans[1]):
        return "what the object is made to do left out"
    for arg, span, role in zip(arguments, spans, ("subject", "object")):
        if arg.sieve or span is None:
            continue
        cut = _cut_from_its_phrase(span, arg.mention.text)
        if cut:
            return f"{role} {cut}"
        if arg.mention.label == "CONCEPT" and _complement_left_out(span, arg.mention.text):
            return f"{role} without its complement"
    return ""


def _complement_left_out(span, label: str) -> bool:
    """A noun that says little alone ("purchase", "plans") whose "of"/"for"/"to" phrase or
    to-infinitive the parse left outside ``label`` (a label may carry its "of" phrase)."""
    if span.root.lemma_.lower() not in resources("en").complement_nouns:
        return False
    written = set(label.split())
    for child in span.root.children:
        if child.i < span.end:
            continue
        if child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPOSITIONS:
            complement = [t for t in child.children if t.dep_ in ("pobj", "pcomp")]
        elif child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            complement = [child]  # "plans to shift production"
        else:
            continue
        if not any(t.text in written for t in complement):
            return True
    return False


def _object_made_to_act(verb: Token, span) -> bool:
    """"forced Apple to lower its prices", "enabled users to share photos": the verb's object
    (``span``) is only half of what it says; the relation with the object alone says too little."""
    if span is None or span.root.head.i != verb.i or span.root.dep_ != "dobj":
        return False
    if verb.lemma_ not in resources("en").words("object-control-verbs"):
        return False  # "defeated Boeing to win the order": the subject wins; Boeing was defeated
    return any(child.dep_ in ("xcomp", "ccomp") and child.i > span.root.i for child in verb.children)


def _cut_from_its_phrase(span, label: str) -> str:
    """Why the words of ``span`` are a piece of a longer word or phrase, or ``""``: a part of a
    hyphenated word ("non" of "non-programmers", "like features" of "desktop-like features"),
    or the place in "Los Angeles-based Northrop" (the argument is the company, not the city)."""
    doc = span.doc
    words = label.split()
    starts = [t.i for t in span.root.subtree if t.i <= span.root.i and words and t.text == words[0]]
    first, last = (starts[0] if starts else span.start), max(span.end - 1, span.root.i)
    if first > 1 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_:
        return "cut from a hyphenated word"
    after = doc[last + 1: last + 3]
    if len(after) and after[0].text == "-" and not doc[last].whitespace_ and not after[0].whitespace_:
        if len(after) > 1 and after[1].lower_ == "based":  # "Los Angeles-based Northrop"
            return "is where the next name is based"
        return "cut from a hyphenated word"
    if len(after) > 1 and after[0].lower_ == "based" and after[1].pos_ in ("PROPN", "NOUN"):
        return "is where the next name is based"  # not "organisations based in Afghanistan"
    return ""
