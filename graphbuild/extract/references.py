"""In-document coreference for references that name nothing themselves: pronouns, collectives
("the two sides") and definite nominals ("the company"), resolved by deterministic sieves in the
manner of Lee et al. (2013), each link naming the sieve that made it.

Sieves, tried in order (the first that decides wins):

- ``collective``: "they", "both countries" -> the last coordinated group of named actors
  ("Pakistan and China ...").
- ``speaker``: "I" and "we" inside a quotation -> the person or body its sentence names as speaker
  ("\"We will appeal,\" Apple said"); unresolved without one.
- ``reporting source``: "..., it added" -> the statement or body last quoted ("the statement said").
- ``pronoun``: he/she/his/her -> the most salient person, it/its -> the most salient organisation
  or country, by agreement (number, gender hint from an honorific, animacy), then salience
  (same sentence before the pronoun, then earlier sentences, subjects first) and recency.
- ``nominal``: "the company", "the carmaker" -> the most salient entity of a compatible class.

A reference no sieve resolves yields no argument at all: a relation with "They" or "the firm" as
its subject is worse than none.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..gazetteer import load_gazetteer
from ..lang import resources
from .factuality import in_quotation, speaker
from .mentions import MentionIndex, is_name_like
from .model import Mention

__all__ = ["ReferenceResolver"]

_ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_NEUTER_LABELS = frozenset({"ORG", "GPE"})  # what "it" can stand for as an actor
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MEMORY = 3  # sentences a pronoun or nominal may reach back
_GROUP_MEMORY = 3  # sentences "they" may reach back to a coordinated group


@dataclass(frozen=True)
class _Candidate:
    mention: Mention
    subject: bool
    gender: str  # m, f or - (from an honorific before the name)
    unlabelled: bool = False  # a proper-noun subject the NER missed ("Arsenal beat Chelsea")
    owned: bool = False  # named with an owner ("EA's Spore"): a product of that owner, not a company


class ReferenceResolver:
    """Remembers what a document has named so far, so later references can be resolved."""

    def __init__(self) -> None:
        self.group: tuple[Mention, ...] = ()
        self._group_age = 0  # sentences since the group was named
        self.source: Mention | None = None  # the last statement or body quoted ("the statement said")
        self._recent: deque[list[_Candidate]] = deque(maxlen=_MEMORY)
        self._genders: dict[str, str] = {}  # a person's name words -> gender hint
        self._full_name_parts: set[str] = set()  # words of multi-word person names
        self._sentences = 0
        self._heads: dict[str, tuple[Mention | None, int]] = {}  # head word -> its named phrase, when
        self._titled: dict[Mention, set[str]] = {}  # a person -> the titles the document gave them
        # a noun a name was described by in apposition ("Volvo, the Swedish carmaker") -> (the name,
        # the description's words, the sentence it was given in); None when two names share it
        self._described: dict[str, tuple[Mention | None, frozenset[str], int]] = {}

    def resolve(self, token: Token, index: MentionIndex | None = None) -> list[Mention] | None:
        """Entities ``token`` refers to; ``[]`` for an unresolvable reference; ``None`` if it is no reference."""
        found = self.resolve_with_sieve(token, index)
        return None if found is None else found[0]

    def resolve_with_sieve(self, token: Token, index: MentionIndex | None = None) -> tuple[list[Mention], str] | None:
        """Like :meth:`resolve`, with the name of the sieve that decided."""
        en = resources("en")
        word = token.text.lower()
        pronoun = en.pronouns.get(word) if token.pos_ == "PRON" or word in ("his", "its", "their", "her") else None
        if pronoun is not None and pronoun.gender == "d":
            return [], "pronoun"  # "This brings the total to 230": an event, not an entity
        if _is_collective(token):  # "the two sides", "both countries": the pair named, however long ago
            self._group_age = 0  # and now talked about again
            return list(self.group), "collective"
        recent = list(self.group) if self._group_age < _GROUP_MEMORY else []  # "they" reaches a few sentences
        plural = pronoun is not None and pronoun.number == "p" and pronoun.person == 3 or word == "both"
        if plural or pronoun is not None and pronoun.person == 1 and pronoun.number == "p" and not in_quotation(token):
            # "we" outside a quotation: the narrator's group
            if recent:
                self._group_age = 0
            return recent, "collective"
        if pronoun is not None and pronoun.person == 1 and in_quotation(token):
            found = _speaker_entity(token, index, "PERSON" if pronoun.number == "s" else "BODY")
            return ([found], "speaker") if found is not None else ([], "speaker")
        if word == "it" and token.dep_ == "nsubj" and token.head.lemma_ in en.words("event-subject-verbs"):
            return [], "pronoun"  # "It also marked the end of an era": the event just told
        if word == "it" and token.dep_ == "nsubj" and token.head.lemma_ in resources("en").reporting["verb"] and self.source is not None:
            return [self.source], "reporting source"
        if pronoun is not None:
            if pronoun.person == 3 and pronoun.number == "s" and pronoun.gender in ("m", "f", "n"):
                if pronoun.gender == "n" and (token.dep_ == "expl" or _is_expletive(token)
                                              or token.dep_ not in ("nsubj", "nsubjpass", "poss")):
                    return [], "pronoun"  # "it" as an object is mostly a thing: "sold it to the EU"
                if pronoun.gender == "n" and token.dep_ != "poss" and _thing_in_reach(token, index):
                    return [], "pronoun"  # "Boeing unveiled the 777. It carries 300 passengers": the 777
                found = self._salient(token, index, _pronoun_fits(pronoun.gender), strict=pronoun.gender != "n")
                return ([found], "pronoun") if found is not None else ([], "pronoun")
            return [], "pronoun"
        named = self._head_match(token)
        if named is not None:  # "the iTunes Music Store ... The store sold 70 million songs"
            return [named], "head match"
        titled = self._role_match(token)
        if titled is not None:  # "Chancellor Olaf Scholz ... the chancellor praised the deal"
            return [titled], "role"
        nominal = _definite_nominal(token, en.nominal_antecedents)
        if nominal is not None:
            found = self._salient(token, index, lambda c: (c.mention.label in nominal or c.unlabelled) and not c.owned)
            if found is None and "ORG" in nominal:
                # last resort: a one-word "person" never given a first name, subject of its sentence,
                # is more likely a body the NER mislabelled ("Moderna ... The drugmaker")
                found = self._salient(token, index, lambda c: c.mention.label == "PERSON" and c.subject
                                      and " " not in c.mention.text and c.mention.text not in self._full_name_parts)
            return ([found], "nominal") if found is not None else None
        return None

    def _head_match(self, token: Token) -> Mention | None:
        """The named phrase a definite description repeats the head of, within a few sentences
        ("Heathrow Airport ... the airport"); ``None`` when none, or two different ones, end so."""
        if token.pos_ != "NOUN" or token.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
            return None
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
        described, words, given = self._described.get(token.lower_, (None, frozenset(), -_MEMORY))
        if described is not None and modifiers <= words and self._sentences - given <= _MEMORY and not any(
                c.dep_ not in ("det", "punct", "compound", "amod") for c in token.children):
            return described  # "Volvo, the Swedish carmaker ... the carmaker": the name so described
        if any(c.dep_ not in ("det", "punct") for c in token.children):
            return None  # "the store in Paris", "the iMac personal computer": described here, not repeated
        found, seen = self._heads.get(token.lower_, (None, -_MEMORY))
        return found if self._sentences - seen <= _MEMORY else None

    def _role_match(self, token: Token) -> Mention | None:
        """The one person the document titled as a definite description says ("the chancellor",
        "the Prime Minister"); ``None`` when nobody or several people hold such a title."""
        if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in resources("en").positions:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
                c.dep_ in ("prep", "poss", "relcl", "acl", "appos") for c in token.children):
            return None  # "the minister of transport", "Apple's chief executive": described here
        words = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod")] + [token.lower_]
        said = " ".join(words)
        holders = [person for person, titles in self._titled.items()
                   if any(title == said or title.endswith(" " + said) for title in titles)]
        return holders[0] if len(holders) == 1 else None

    def _remember_titles(self, sent: Span, index: MentionIndex) -> None:
        """Titles given to people in the sentence: "Chancellor Olaf Scholz", "Tim Cook, Apple's chief
        executive", "the Prime Minister of Singapore, Mr. Lee Hsien Loong"."""
        positions = resources("en").positions
        for token in sent:
            person = index.entity(token)
            if person is None or person.label != "PERSON":
                continue
            titles = [t for t in (token, *token.children, token.head) if t.i != token.i and t.pos_ in ("NOUN", "PROPN")
                      and t.lower_ in positions and index.entity(t) is not person
                      and (t.dep_ == "appos" or token.dep_ == "appos" or t.dep_ == "compound")]
            head = token.head  # "the Prime Minister of Singapore, Mr. Lee Hsien Loong" parsed as a conjunct
            if token.dep_ == "conj" and head.lower_ in positions and not any(
                    t.dep_ == "cc" for t in token.doc[head.i: token.i]):
                titles.append(head)
            for title in titles:
                words = [c.lower_ for c in title.lefts if c.dep_ in ("compound", "amod") and index.entity(c) is None]
                self._titled.setdefault(person, set()).add(" ".join(words + [title.lower_]))
            first = token.doc[token.i - 1] if token.i > 0 else None  # "Chancellor Olaf Scholz": the NER's first word
            if first is not None and first.lower_ in positions and index.entity(first) is not person:
                words = [c.lower_ for c in token.doc[max(first.i - 3, 0): first.i]
                         if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") and index.entity(c) is None]
                self._titled.setdefault(person, set()).add(" ".join(words + [first.lower_]))

    def _remember_descriptions(self, sent: Span, index: MentionIndex) -> None:
        """Common nouns describing a name in apposition: "Volvo, the Swedish carmaker", "iOS 4, its
        latest mobile operating system", "the carmaker, General Motors"."""
        for token in sent:
            if token.pos_ != "NOUN" or index.entity(token) is not None:
                continue
            names = [index.entity(token.head)] if token.dep_ == "appos" else []
            names += [index.entity(c) for c in token.children if c.dep_ == "appos"]
            names = [n for n in names if n is not None]
            if len(names) != 1:
                continue
            words = frozenset(c.lower_ for c in token.subtree if c.i < token.i and c.dep_ in ("compound", "amod"))
            earlier, _, at = self._described.get(token.lower_, (None, frozenset(), -_MEMORY))
            ambiguous = earlier is not None and earlier.text != names[0].text and self._sentences - at <= _MEMORY
            self._described[token.lower_] = (None if ambiguous else names[0], words, self._sentences)

    def _remember_heads(self, sent: Span, index: MentionIndex) -> None:
        """Named phrases of the sentence by their head word: "iTunes Music Store" under "store"."""
        for token in sent:
            if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
                continue
            mention = index.entity(token)
            if mention is None and any(c.dep_ == "compound" and (c.pos_ == "PROPN" or is_name_like(c))
                                       for c in token.lefts):
                mention = index.concept(token)  # "the Windows Phone software"
            if mention is None or " " not in mention.text or mention.text.split()[-1].lower() != token.lower_:
                continue
            earlier, at = self._heads.get(token.lower_, (None, -_MEMORY))
            ambiguous = earlier is not None and earlier.text != mention.text and self._sentences - at <= _MEMORY
            self._heads[token.lower_] = (None if ambiguous else mention, self._sentences)

    def observe_sentence(self, sent: Span, index: MentionIndex) -> None:
        """Remember the sentence's named entities (subjects first) and coordinated named subjects."""
        self._sentences += 1
        self._remember_heads(sent, index)
        self._remember_descriptions(sent, index)
        self._remember_titles(sent, index)
        self._group_age += 1
        self._recent.append(self._candidates(sent, index, len(sent.doc)))
        for token in sent:
            if token.dep_ == "nsubj" and token.head.lemma_ in resources("en").reporting["verb"] and token.lemma_.lower() in resources("en").source_nouns:
                self.source = index.entity(token) or index.concept(token)
            if token.dep_ not in ("nsubj", "nsubjpass") or token.dep_ == "conj":
                continue
            members = [index.entity(t) or (index.concept(t) if is_name_like(t) else None)
                       for t in (token, *token.conjuncts)]  # a proper noun the NER missed still acts
            actors = tuple(dict.fromkeys(m for m in members if m is not None and m.label in _ACTOR_LABELS | {"CONCEPT"}))
            if len(actors) >= 2:
                self.group = actors
                self._group_age = 0

    def _candidates(self, sent: Span, index: MentionIndex, before: int) -> list[_Candidate]:
        """Entity mentions of ``sent`` before token ``before``: subjects first, then in text order."""
        honorifics = resources("en").honorifics
        found: dict[Mention, _Candidate] = {}
        for token in sent:
            if token.i >= before:
                break
            mention = index.entity(token)
            if mention is None and is_name_like(token) and token.dep_ in _SUBJECT_DEPS:
                name = index.concept(token)
                if token.text in self._full_name_parts and name not in found:
                    # "Papermaster had been with Apple, but a judge barred him": a known person's surname
                    found[name] = _Candidate(Mention(name.text, name.start, name.end, "PERSON"), True,
                                             self._genders.get(token.text, "-"))
                elif token.text not in self._genders and name not in found:  # "Mannion said": not a body
                    found[name] = _Candidate(name, True, "-", unlabelled=True, owned=_owned(token, index))
                continue
            if mention is None or mention in found or mention.label not in _ACTOR_LABELS | {"PRODUCT"}:
                continue
            if mention.label == "PERSON" and load_gazetteer().names_a_place(mention.text):
                continue  # "Kyiv" tagged PERSON is still a city: never "she"
            gender = "-"
            if mention.label == "PERSON":
                first = token.doc[max(token.i - 1, 0)]
                hint = honorifics.get(first.text.lower().rstrip("."), "-") if first.i < token.i else "-"
                for part in mention.text.split():
                    gender = self._genders.setdefault(part, hint) if hint == "-" else hint
                    self._genders[part] = gender
                    if " " in mention.text:
                        self._full_name_parts.add(part)
            found[mention] = _Candidate(mention, _is_subject(token, mention, index), gender,
                                        owned=_owned(token, index))
        return sorted(found.values(), key=lambda c: not c.subject)

    def _salient(self, token: Token, index: MentionIndex | None, fits, strict: bool = False) -> Mention | None:
        """The most salient earlier mention that ``fits``: this sentence first, then back in time.
        ``strict``: no answer when two different names fit in this or the previous sentence."""
        pools = list(self._recent)
        if index is not None:
            # binding: "Zelensky praised her" - her is not Zelensky (a possessive may be: "Blair and his wife")
            bound = set() if token.dep_ == "poss" else {
                index.entity(c) for c in token.head.children if c.dep_ in _SUBJECT_DEPS}
            pools.append([c for c in self._candidates(token.sent, index, token.i) if c.mention not in bound])
        if index is not None:  # "The airline also praised Boeing": not Boeing, named in this clause
            # (a clause fronted before the pronoun is another clause: "When Jobs introduced it, he praised it")
            fronted = {c.i for child in token.head.children if child.dep_ == "advcl" and child.i < token.i
                       for c in child.subtree}
            taken = {m.text for c in token.head.subtree
                     if c.i != token.i and c.i not in fronted and (m := index.entity(c)) is not None}
            fits_here = fits
            fits = lambda c: fits_here(c) and c.mention.text not in taken  # noqa: E731
        if strict and index is not None:
            # one fitting subject earlier in the pronoun's own sentence is its antecedent
            # ("When Jobs introduced the phone, he praised it"), whoever the last sentence named
            here = {c.mention for c in pools[-1] if fits(c)}
            if len(here) == 1 and all(c.subject for c in pools[-1] if c.mention in here):
                return next(iter(here))
        if strict:  # he/she: two people in reach and no gender to tell them apart is no answer
            near = {c.mention.text.split()[-1]: c.mention for pool in pools[-2:] for c in pool if fits(c)}
            if len(near) > 1:
                return None
        for age, pool in enumerate(reversed(pools)):  # the latest sentence with a match
            if age == 0 and token.dep_ == "poss" and index is not None:
                # "forced Apple to lower its prices": in its own sentence, the nearest owner
                order = lambda c: (c.unlabelled, -c.mention.start)  # noqa: E731
            else:
                order = lambda c: (not c.subject, c.unlabelled)  # noqa: E731  subjects, then named ones
            matches = sorted((c for c in pool if fits(c)), key=order)
            if matches:
                best = matches[0]
                if strict and not best.subject and any(
                        fits(c) and c.mention.text.split()[-1] != best.mention.text.split()[-1]
                        for other in pools for c in other):
                    return None  # "Jobs returned. The board consulted Gates. He ...": the object or the subject?
                return best.mention
        return None


def _owned(token: Token, index: MentionIndex) -> bool:
    """A name written with a named owner ("EA's Spore"): a product of that owner."""
    own = index.entity(token)
    return any(owner is not None and owner is not own
               for owner in (index.entity(c) for c in token.children if c.dep_ == "poss"))


def _speaker_entity(token: Token, index: MentionIndex | None, kind: str) -> Mention | None:
    """Who "I" (a person) or "we" (a body: organisation, country, people) is in a quotation: the
    speaker its sentence names ("\"We will appeal,\" Apple said")."""
    source = speaker(token)
    mention = index.entity(source) if source is not None and index is not None else None
    if mention is None:
        return None
    wanted = {"PERSON"} if kind == "PERSON" else {"ORG", "GPE", "NORP"}
    return mention if mention.label in wanted else None


def _thing_in_reach(token: Token, index: MentionIndex | None) -> bool:
    """A singular named thing (a product: a proper or numbered name, not "a warehouse") as an object
    in this or the previous sentence ("unveiled the 777", "released the iPod nano"): "it" may be that
    thing as well as the company, so it stays open."""
    if index is None:
        return False
    sent = token.sent
    start = sent.start
    if start > 0:
        start = token.doc[start - 1].sent.start
    for other in token.doc[start: token.i]:
        named = [t for t in (other, *other.children) if t is other or t.dep_ == "compound"]
        model = other.tag_ == "CD" and any(c.dep_ == "det" for c in other.children)  # "unveiled the 777"
        if other.dep_ in ("dobj", "attr", "nsubjpass") and (other.tag_ in ("NN", "NNP") or model) and any(
                t.tag_ == "NNP" or is_name_like(t) or any(c.isdigit() for c in t.text) for t in named):
            mention = index.entity(other)
            if mention is None or mention.label not in ("PERSON", "GPE", "NORP", "ORG"):
                return True
    return False


def _pronoun_fits(gender: str):
    """Agreement: he/she need a person of no contrary gender hint, it an organisation or country."""
    if gender == "n":
        return lambda c: c.mention.label in _NEUTER_LABELS or c.unlabelled
    return lambda c: c.mention.label == "PERSON" and c.gender in ("-", gender)


def _is_subject(token: Token, mention: Mention, index: MentionIndex) -> bool:
    """Whether any token of the mention's phrase is a clause subject."""
    head = token
    while index.entity(head.head) is mention and head.head.i != head.i:
        head = head.head
    return head.dep_ in _SUBJECT_DEPS


def _is_expletive(token: Token) -> bool:
    """"It is expected that ...", "it seems": an "it" that stands for no entity."""
    return token.dep_ in _SUBJECT_DEPS and token.head.lemma_ in resources("en").words("expletive-heads") and any(
        c.dep_ in ("ccomp", "xcomp", "acomp", "attr") for c in token.head.children)


def _definite_nominal(token: Token, nominals: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """NER labels a definite nominal may stand for: "the company", "the US carmaker"; ``None`` otherwise."""
    if token.pos_ != "NOUN" or token.tag_ not in ("NN",) or token.lemma_.lower() not in nominals:
        return None
    if not any(c.dep_ == "det" and c.text.lower() in ("the", "this") for c in token.children):
        return None
    if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in token.children):
        return None  # "the company that makes X", "the company, Nokia": described, not referring back
    return nominals[token.lemma_.lower()]


def _is_collective(token: Token) -> bool:
    """"the two sides", "both countries": a collective noun counted by "two" or "both"."""
    return token.lemma_.lower() in resources("en").words("collective-nouns") and token.tag_ in ("NNS", "NNPS") and any(
        child.text.lower() in resources("en").words("collective-markers") for child in token.children
    )
