"""Noun-phrase rules: relations that a noun phrase states without a verb.

"Pakistani Foreign Minister Ishaq Dar" (a title and an affiliation), "a delegation from China
Minmetals Corporation led by Vice President Xu Jiqing" (the leader belongs to the company),
"China's Xinjiang region" (a part of a country), "Pakistan's sovereignty" (an attribute of an
entity), "talks between Dar and Wang Yi in Beijing" (a meeting). Each rule yields
:class:`Link` records; :mod:`.relations` turns them into :class:`~.model.Relation` objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..gazetteer import load_gazetteer
from ..lang import resources
from ..lexicon import load_lexicon
from .mentions import MentionIndex, based_company, possessor
from .model import Argument, Mention
from .registry import noun_rule

__all__ = ["Link", "is_position"]

_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "conj", "cc"})
_AFFILIATION_LABELS = frozenset({"NORP", "GPE", "ORG"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PART_LABELS = frozenset({"GPE", "LOC", "FAC", "PRODUCT"})  # NER often calls a port or a region PRODUCT


@dataclass(frozen=True)
class Link:
    """A relation read from a noun phrase: lexicon key (kind "link" or "verb"), arguments, anchor."""

    predicate: str
    subject: Argument
    object: Argument
    text: str
    anchor: Token  # the token whose clause gives factuality and time
    kind: str = "link"
    place: Mention | None = None
    vague: str = ""  # why the link is not asserted ("former post"), if it is not


def _arg(mention: Mention, token: Token | None = None) -> Argument:
    return Argument(token.text if token is not None else mention.text, mention)


@noun_rule(confidence=0.85)
def title_of_person(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"Pakistani Foreign Minister Ishaq Dar": Dar holds the position Foreign Minister and belongs to
    Pakistan; "CIDCA Chairman Chen Xiaodong", "Deputy Prime Minister and Foreign Minister Ishaq Dar"."""
    for start, end in index.persons:
        if not sent.start <= start < sent.end:
            continue
        ent = sent.doc[start:end]
        person = index.entity(ent.root)
        if person is None:
            continue
        modifiers = _left_modifiers(ent)
        former = any(t.lower_ in resources("en").former_modifiers for t in modifiers)
        vague = "former post" if former else ""  # "Former Microsoft chief executive": not held now
        titled = False
        in_titles: set[int] = set()  # "Deputy Defense Secretary": "Defense" is part of the post, no body
        for title in _titles(modifiers):
            title = _trim_title(title, index)
            if title is None or not is_position(title.text):
                continue  # "Mr Blunkett", "Employee Phil Schiller": an honorific or a word, not a post
            titled = True
            in_titles.update(range(title.start, title.end))
            position = Mention(title.text, title.start_char + index.offset, title.end_char + index.offset, "POSITION")
            yield Link("title", _arg(person), _arg(position), title.text, ent.root, vague=vague)
        bodies: dict[str, Mention] = {}
        for token in modifiers if titled else ():  # "U.S. retailer Best Buy" is no membership
            body = index.entity(token)
            if _affiliation(body) and body is not person and token.i not in in_titles:
                body = _without_title_words(body)
                bodies.setdefault(body.text, body)
        for body in bodies.values():
            yield Link("member", _arg(person), _arg(body), f"{body.text} {ent.text}", ent.root, vague=vague)


def _without_title_words(body: Mention) -> Mention:
    """"Siemens Executive" (the NER ran the name into the title "Executive Vice President"): "Siemens"."""
    words = body.text.split()
    while len(words) > 1 and words[-1].lower() in resources("en").positions:
        words.pop()
    text = " ".join(words)
    return body if text == body.text else Mention(text, body.start, body.start + len(text), body.label)


def _affiliation(body: Mention | None) -> bool:
    """A body a titled person belongs to: an organisation, a nationality or a country; not a
    state or city ("Kansas Senator Sam Brownback" represents Kansas, he is no member of it)."""
    if body is None or body.label not in _AFFILIATION_LABELS:
        return False
    gazetteer = load_gazetteer()
    return body.label != "GPE" or gazetteer.country(body.text) is not None


def is_position(title: str) -> bool:
    """A title naming a post: its last word is a position head word and no word is an honorific.

    >>> is_position("Foreign Minister"), is_position("chief executive"), is_position("Mr")
    (True, True, False)
    """
    en = resources("en")
    words = title.lower().replace(".", "").replace(" - ", "-").split()
    last = words[-1].rsplit("-", 1)[-1] if words else ""
    return bool(words) and last in en.positions and not any(w in en.honorifics for w in words)


def _trim_title(title: Span, index: MentionIndex) -> Span | None:
    """The post itself: "Apple CEO" -> "CEO" and "Pakistani Foreign Minister" -> "Foreign Minister"
    (the body is its own link), "company CEO" -> "CEO", "Former chief executive" -> "chief
    executive", "Siemens Executive Vice President" -> "Executive Vice President"; a name inside stays ("Deputy Defense Secretary"); a title must begin with a word,
    not the tail of a split one ("-founder")."""
    en = resources("en")
    start = title.start
    while start < title.end - 1 and (index.entity(title.doc[start]) is not None
                                     and not _title_word_in_name(title.doc[start], en)
                                     or title.doc[start].lower_ in en.nominal_antecedents
                                     or title.doc[start].lower_ in en.former_modifiers):
        start += 1
    trimmed = title.doc[start: title.end]
    return trimmed if trimmed.text[:1].isalnum() else None


def _title_word_in_name(token: Token, en) -> bool:
    """A title word the NER ran into a name ("Siemens Executive Vice President": "Executive")."""
    return token.lower_ in en.positions and token.ent_iob_ == "I"


def _left_modifiers(ent: Span) -> list[Token]:
    """Tokens just left of the name that modify it (a title and its qualifiers), nearest last."""
    tokens: list[Token] = []
    i = ent.start - 1
    while i >= ent.sent.start:
        token = ent.doc[i]
        hyphen = token.text == "-" and tokens and i > ent.sent.start  # "Secretary-General"
        if not hyphen and (token.dep_ not in _TITLE_DEPS or token.pos_ not in ("PROPN", "NOUN", "ADJ", "CCONJ")):
            break
        if not hyphen and not _modifies(token, ent):
            break
        tokens.insert(0, token)
        i -= 1
    return tokens


def _modifies(token: Token, ent: Span) -> bool:
    """``token``'s heads lead into ``ent`` without leaving the words before it."""
    head = token
    for _ in range(6):
        head = head.head
        if ent.start <= head.i < ent.end:
            return True
        if head.i >= ent.end or head.i == head.head.i:
            return False
    return False


def _titles(tokens: list[Token]) -> list[Span]:
    """Split title words on "and": "Deputy Prime Minister and Foreign Minister" gives two."""
    titles, current = [], []
    for token in tokens:
        if token.pos_ == "CCONJ":
            if current:
                titles.append(current)
            current = []
        elif current and token.i != current[-1].i + 1 and current[-1].text != "-":
            titles.append(current)
            current = [token]
        else:
            current.append(token)
    if current:
        titles.append(current)
    return [t[0].doc[t[0].i: t[-1].i + 1] for t in titles if any(x.pos_ in ("PROPN", "NOUN") for x in t)]


_TITLE_POS = ("NOUN", "PROPN")  # "chief executive", "Chairman and Chief Operating Officer"


@noun_rule(confidence=0.8)
def appositive_title(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"Tim Cook, Apple's chief executive, ...", "GM's chief executive, Mary Barra, ...", "Mary Barra,
    chief executive of GM": the person holds the post and belongs to the body that owns it."""
    for token in sent:
        if token.dep_ != "appos":
            continue
        pair = (token.head, token) if token.pos_ in _TITLE_POS and index.entity(token) is None else (token, token.head)
        person = index.entity(pair[0])
        if person is None or person.label != "PERSON":
            continue
        # "Ann Lee, chairman and chief executive of Unilever": every coordinated title, one body
        titles = [t for t in (pair[1], *pair[1].conjuncts) if t.pos_ in _TITLE_POS and index.entity(t) is None]
        bodies = [b for t in titles for b in title_bodies(t)]
        for title in titles:
            span = sent.doc[_title_start(title): title.i + 1]
            if not is_position(span.text):
                continue
            former_words = resources("en").former_modifiers
            # "Mark Papermaster, formerly an Apple executive": the adverb may hang on the name
            former = any(c.lower_ in former_words for c in title.children) or any(
                c.lower_ in former_words for c in pair[0].children if pair[0].i < c.i < title.i)
            vague = "former post" if former else ""  # "Mark Papermaster, formerly an Apple executive"
            position = Mention(span.text.lower() if title.pos_ == "NOUN" else span.text,
                               span.start_char + index.offset, span.end_char + index.offset, "POSITION")
            yield Link("title", _arg(person), _arg(position, title), span.text, title, vague=vague)
            for body_token in bodies:
                body = index.entity(body_token)
                if _affiliation(body):
                    yield Link("member", _arg(person), _arg(body, body_token), f"{body_token.text} {span.text}",
                               title, vague=vague)


def _title_start(title: Token) -> int:
    """First word of a title noun's own modifiers: "chief executive", "vice president"."""
    start = title.i
    for child in reversed(list(title.lefts)):
        if child.i == start - 1 and child.dep_ in ("amod", "compound", "nmod") and not child.ent_type_:
            start = child.i
        else:
            break
    return start


def title_bodies(title: Token) -> list[Token]:
    """Whose post a title names: its possessor ("Apple's chief executive") or "of" phrase."""
    owners = [c for c in title.children if c.dep_ == "poss"]
    owners += [p for prep in title.children if prep.dep_ == "prep" and prep.text.lower() in ("of", "at")
               for p in prep.children if p.dep_ == "pobj"]
    return owners


@noun_rule(confidence=0.7)
def delegation_leader(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"a delegation from China Minmetals Corporation, led by Vice President Xu Jiqing": the leader
    belongs to the company (or country) the group comes from."""
    for verb in sent:
        if verb.lemma_ not in ("lead", "head") or verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        group = verb.head
        leaders = [index.entity(p) for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        bodies = [(p, index.entity(p)) for prep in group.children if prep.dep_ == "prep" and prep.text.lower() == "from"
                  for p in prep.children if p.dep_ == "pobj"]
        for leader in leaders:
            if leader is None or leader.label != "PERSON":
                continue
            for token, body in bodies:
                if body is not None and body.label in _AFFILIATION_LABELS:
                    yield Link("member", _arg(leader), _arg(body, token), f"{group.text} from {token.text} {verb.text} by",
                               verb)


@noun_rule(confidence=0.75)
def possessive_link(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"China's Xinjiang region", "Pakistan's Gwadar port": the place is part of the possessor;
    "Pakistan's sovereignty": the concept belongs to its possessor."""
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or is_position(token.text):
            continue  # "Apple's CEO", "EADS's North America CEO": a post, which a title link reads
        owner_token = possessor(token)
        owner = index.entity(owner_token) if owner_token is not None else None
        if owner is None or owner.label not in _AFFILIATION_LABELS:
            continue
        if token.pos_ == "NOUN" and load_lexicon().property_for("noun", token.lemma_.lower()) is not None:
            continue  # "Pakistan's support for X" is a nominal predicate, not a thing Pakistan owns
        if any(c.lemma_.lower() in resources("en").relational_nouns for c in token.children):
            continue  # "Boeing's European rival Airbus": Airbus is not Boeing's
        own = index.entity(token)
        if own is None:  # "Xinjiang region": the named compound is the thing possessed
            own = next((index.entity(c) for c in token.children
                        if c.dep_ == "compound" and index.entity(c) is not None), None)
            if own is not None and own.label == "PERSON":
                continue  # "New York's John F. Kennedy airport": named after a person, not the person
        if own is not None and own is not owner:
            # "China's Xinjiang" is part of China; "Airbus' A380" is Airbus's, not a part of it
            predicate = "part" if own.label in _PART_LABELS and owner.label in ("GPE", "LOC") else "possessive"
            if predicate == "part" and own.label == "FAC":
                predicate = "located"  # "Singapore's Changi Airport" stands in Singapore; it is no part of it
            # "France's Thales": a French company, not a thing France owns
            vague = "company of a country" if own.label == "ORG" and owner.label in ("GPE", "NORP") else ""
            yield Link(predicate, _arg(own), _arg(owner, owner_token), f"{owner_token.text}'s {own.text}", token,
                       vague=vague)
        elif own is None and token.pos_ == "NOUN":
            concept = index.concept(token, owner.text)
            yield Link("possessive", _arg(concept), _arg(owner, owner_token), concept.text, token)


@noun_rule(confidence=0.8)
def talks_between(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"talks between Pakistani Foreign Minister Ishaq Dar and Chinese Foreign Minister Wang Yi in
    Beijing on December 4": each pair met, at the place named."""
    for noun in sent:
        if noun.lemma_.lower() not in resources("en").words("meeting-nouns") or noun.pos_ != "NOUN":
            continue
        sides: list[tuple[Token, Mention]] = []
        place = None
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for token in (pobj, *pobj.conjuncts):
                    mention = index.entity(token)
                    if mention is None:
                        continue
                    if prep.text.lower() == "between":
                        sides.append((token, mention))
                    elif prep.text.lower() in ("in", "at") and mention.label in _PLACE_LABELS and place is None:
                        place = mention
        for i, (token_a, a) in enumerate(sides):
            for token_b, b in sides[i + 1:]:
                if a != b:
                    yield Link("meet", _arg(a, token_a), _arg(b, token_b), f"{noun.text} between", noun, "verb", place)




@noun_rule(confidence=0.8)
def based_in_place(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"Seattle-based Amazon", "Los Angeles based Northrop Grumman": the company is located there."""
    for token in sent:
        if token.ent_iob_ != "B":
            continue
        company_token = based_company(token)
        place = index.entity(token)
        company = index.entity(company_token) if company_token is not None else None
        if place is None or company is None or company is place or company.label != "ORG":
            continue
        yield Link("located", _arg(company), _arg(place, token), f"{place.text}-based {company.text}", token)


@noun_rule(confidence=0.75)
def person_of_body(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"said Mike Gikas of Consumer Reports": the person belongs to the organisation."""
    for start, end in index.persons:
        if not sent.start <= start < sent.end:
            continue
        name = sent.doc[start:end].root
        person = index.entity(name)
        for prep in name.children:
            if person is None or prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != end:
                continue
            for pobj in prep.children:
                body = index.entity(pobj)
                if pobj.dep_ == "pobj" and body is not None and body.label == "ORG":
                    yield Link("member", _arg(person), _arg(body, pobj), f"{person.text} of {body.text}", name)
