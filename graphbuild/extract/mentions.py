"""Mentions: named entities from spaCy's NER, and concept phrases for nouns that take part in a relation."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lang import resources
from .model import Mention

__all__ = ["ENTITY_LABELS", "MentionIndex", "based_company", "capitalised_words", "concept_label", "is_name_like"]

# NER labels that become graph nodes; numbers, dates and amounts do not (dates go on statements).
ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                           "WORK_OF_ART", "LAW"})
_POSSESSIVE = ("'s", "’s", "'", "’")
_LEADING = ("the ", "The ")
# Adjacent left modifiers kept in a concept's label ("terrorist groups", "Belt and Road Initiative").
_CONCEPT_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def clean_entity_text(span: Span) -> tuple[str, int, int]:
    """The entity's name without a leading article or trailing possessive, with its char offsets."""
    text, start, end = span.text, span.start_char, span.end_char
    for lead in _LEADING:
        if text.startswith(lead):
            text, start = text[len(lead):], start + len(lead)
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix):
            text, end = text[: -len(suffix)], end - len(suffix)
            break
    return text.strip(), start, end


def strip_honorifics(text: str, start: int) -> tuple[str, int]:
    """"Mr Blair" -> "Blair", "Dr. Jane Smith" -> "Jane Smith", "Justice Anthony Mann" -> "Anthony
    Mann": honorifics and titles the NER took into the name are no part of it.

    >>> strip_honorifics("Mr Tony Blair", 10)
    ('Tony Blair', 13)
    """
    honorifics, positions = resources("en").honorifics, resources("en").positions
    while True:
        first, _, rest = text.partition(" ")
        word = first.lower().rstrip(".")
        if not rest or word not in honorifics and word not in positions:  # "Mr Justice Mann", "President Putin"
            return text, start
        skipped = len(text) - len(rest.lstrip())
        text, start = text[skipped:], start + skipped


def concept_span(token: Token) -> Span:
    """The words naming a concept: the noun with its adjacent compound/adjective modifiers and numbers.

    "more visible and verifiable actions" -> "verifiable actions"; "terrorist groups" and "five
    orders" stay;
    "the one-China principle" keeps the whole hyphenated compound.
    """
    left = token.i
    for child in reversed(list(token.lefts)):
        adjacent = child.i == left - 1
        if adjacent and child.dep_ in _CONCEPT_MODIFIERS and child.pos_ in ("NOUN", "ADJ", "PROPN"):
            left = _modifier_start(child)  # "third party developers": the modifier's own modifiers too
            if child.dep_ == "compound" and child.left_edge.i < left and token.doc[child.left_edge.i: left].text.endswith("-"):
                left = child.left_edge.i  # "one-China principle": the compound's own hyphenated modifier
            while child.ent_iob_ == "I" and left > 0 and token.doc[left - 1].ent_iob_ in ("B", "I"):
                left -= 1  # "Qatar Airways order": a name in the compound is taken whole
                child = token.doc[left]
        elif adjacent and child.text == "-":
            left = child.i
        elif adjacent and child.dep_ == "nummod" and child.like_num:
            left = _number_start(child)  # "five orders", "70 million songs", "the 787 Dreamliner"
        else:
            break
    doc = token.doc
    end = token.i + 1
    if end < len(doc) and doc[end].head.i == token.i and doc[end].dep_ == "nummod" and doc[end].text[:1].isdigit() \
            and "," not in doc[end].text:
        end += 1  # "iPhone 4", "long-range 777": a number after its noun names it (a count comes before)
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 1].whitespace_ and not doc[left - 2].whitespace_ \
            and doc[left - 2].is_alpha:
        left -= 2  # "all-round cooperation", "desktop-like features": the whole hyphenated word
    return doc[left: end]


def _modifier_start(modifier: Token) -> int:
    """Where a noun's modifier begins, with its own adjacent modifiers ("third party", "big tech platform")."""
    start = modifier.i
    for child in reversed(list(modifier.lefts)):
        if child.i != start - 1 or child.dep_ not in ("amod", "compound", "nmod", "nummod") or child.ent_type_ == "DATE":
            break
        start = _modifier_start(child)
    return start


def _number_start(number: Token) -> int:
    """Where a number written in several words starts ("70 million", "two hundred")."""
    start = number.i
    while start > number.left_edge.i and number.doc[start - 1].like_num:
        start -= 1
    return start


def based_company(token: Token) -> Token | None:
    """The company named after a place and "based" ("Los Angeles based Northrop", "Seattle-based
    Amazon"), given a word of the place; ``None`` when the place is not so followed."""
    doc, end = token.doc, token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == token.ent_type_:
        end += 1  # to the end of the place's name
    if token.ent_type_ not in ("GPE", "LOC") or end + 1 >= len(doc):
        return None
    if doc[end].text == "-" and end + 2 < len(doc):
        end += 1
    after = doc[end + 1]
    return after if doc[end].lower_ == "based" and after.ent_type_ == "ORG" and after.ent_iob_ == "B" else None


def possessor(token: Token) -> Token | None:
    """The possessor of a noun ("Pakistan's sovereignty" -> Pakistan), shared by its conjuncts.

    "Pakistan's sovereignty, territorial integrity and development path": all three are Pakistan's.
    """
    own = next((c for c in token.children if c.dep_ == "poss"), None)
    if own is not None or token.dep_ != "conj" or any(c.dep_ in ("det", "case") for c in token.children):
        return own  # "RIM's BlackBerry and Microsoft's Windows": a possessor itself inherits nothing
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return next((c for c in first.children if c.dep_ == "poss"), None)


def is_name_like(token: Token) -> bool:
    """A capitalised proper noun, or a capitalised word coordinated with one ("Pfizer and BioNTech"
    where the tagger missed the sentence-initial name): a name, even where the NER saw none."""
    if not token.text[:1].isupper() or not token.is_alpha and not any(c.isalpha() for c in token.text):
        return False
    if any(c.isupper() for c in token.text[1:]) and token.text[1:] != token.text[1:].upper():
        return True  # "BioNTech", "McDonnell": capitals inside a word (not an all-capital one)
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and any(
        c.pos_ == "PROPN" or c.text[:1].isupper() and any(ch.isupper() for ch in c.text[1:]) for c in token.conjuncts)


def _keeps_case(token: Token) -> bool:
    """A name or a name-like word keeps its case in a label: "Chinese nationals", "A380", "BioNTech"."""
    text = token.text
    return bool(is_name_like(token) or token.ent_type_ or any(c.isupper() for c in text[1:])
                or any(c.isdigit() for c in text) and text[:1].isupper()
                or text[:1].isupper() and not token.is_sent_start)


def concept_label(token: Token, owner: str | None = None, names: frozenset[str] = frozenset()) -> str:
    """Label of the concept node for ``token``: its head phrase, common words lower-cased
    (names and name adjectives keep their case: "Chinese nationals").

    ``owner`` (a possessor's name) prefixes the label: "Pakistan's sovereignty". ``names`` are words
    the document writes capitalised mid-sentence: "Airbus" opening a sentence keeps its case.
    """
    text = _span_text(concept_span(token), names)
    part_of = _partitive_complement(token)
    if part_of is not None:  # "the first generation of Intel laptops", "the purchase of 22 jets"
        text = f"{text} of {concept_label(part_of, None, names)}"
    else:
        complement = _own_complement(token)
        if complement is not None:  # "an agreement with Boeing", "five orders for the 777-200LR"
            prep, pobj = complement
            text = f"{text} {prep.lower_} {_complement_label(prep, pobj, names)}"
    return f"{owner}'s {text}" if owner else text


# Entity types that say when or how much rather than what ("prices on Monday", "shares for $5bn");
# the prepositions that restrict a noun ("deal with X") are the word list "restricting-prepositions".
_NOT_COMPLEMENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _own_complement(token: Token) -> tuple[Token, Token] | None:
    """The preposition and noun right after a common noun that restrict it, if any.

    A position ("chief executive of GM") and a noun the lexicon reads as a relation ("support for
    X") are left to the rules that read them."""
    from ..lexicon import load_lexicon

    if token.pos_ != "NOUN" or token.lemma_.lower() in resources("en").positions \
            or load_lexicon().property_for("noun", token.lemma_.lower()) is not None:
        return None
    for prep in token.rights:
        if prep.i != token.i + 1 or prep.dep_ != "prep" or prep.lower_ not in resources("en").words("restricting-prepositions"):
            continue
        pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in _NOT_COMPLEMENTS \
                and not pobj.is_stop:
            return prep, pobj
    return None


_WHOLE_DETERMINERS = ("both", "each", "either", "all")  # "on both sides": not "on sides"


def _complement_label(prep: Token, pobj: Token, names: frozenset[str]) -> str:
    """"between Kunming and Vientiane" names both ends; "on both sides" keeps its "both"."""
    label = _bare_label(pobj, names)
    det = next((c.lower_ for c in pobj.children if c.dep_ in ("det", "predet") and c.lower_ in _WHOLE_DETERMINERS
                and c.i < pobj.i), None)
    if det and not pobj.ent_type_:
        label = f"{det} {label}"
    if prep.lower_ == "between" and pobj.conjuncts:
        label = f"{label} and {_bare_label(pobj.conjuncts[0], names)}"
    return label


def _bare_label(token: Token, names: frozenset[str]) -> str:
    """A complement's own label: its name if it is in a named entity, else its concept words."""
    entity = next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)
    if entity is not None:
        return clean_entity_text(entity)[0]
    return _span_text(concept_span(token), names)


def _span_text(span: Span, names: frozenset[str]) -> str:
    """A concept's words, common words lower-cased, names and ``names`` as written."""
    return "".join((t.text if _keeps_case(t) or t.text in names else t.text.lower()) + t.whitespace_
                   for t in span).strip()


def _partitive_complement(token: Token) -> Token | None:
    """The noun of the "of" phrase of a partitive noun ("generation of laptops" -> laptops) or of a
    noun that says little without it ("purchase of 22 jets" -> jets), if any."""
    en = resources("en")
    if token.lemma_.lower() not in en.partitive_nouns and token.lemma_.lower() not in en.complement_nouns:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
    return None




def _names_a_time(ent: Span) -> bool:
    """A DATE/TIME entity that says when: "December 4", "2024", "early October", "next year";
    not a name or a modifier NER tags as a date ("Five-Year Plan", "year-round")."""
    root = ent.root
    times = resources("en").words("time-words")
    if root.dep_ in ("compound", "amod") and not ent.start <= root.head.i < ent.end:
        return False
    return root.like_num or root.lemma_.lower() in times or root.text.lower().rstrip("s") in times


def _initials(words: list[str]) -> str:
    """First letters of capitalised words; an acronym inside the name counts whole ("UN" in UNSC)."""
    return "".join(w if w.isupper() and w.isalpha() else w[0] for w in words if w[:1].isupper())


def is_acronym_of(acronym: str, words: list[str]) -> bool:
    """"CPEC" for China-Pakistan Economic Corridor, "OPEC" for Organization of the Petroleum Exporting
    Countries: the initials of the capitalised words, in order; no anagram ("USA" is not South Asian
    Union) and no subset ("PM" is not Pakistan Muslim League)."""
    initials = _initials(words)
    if len(acronym) < 2 or not acronym.isupper() or not acronym.isalpha() or len(initials) < 2:
        return False
    return initials == acronym


def capitalised_words(docs: list[Doc]) -> frozenset[str]:
    """Words a document writes capitalised where case is not forced (not opening a sentence or a
    quotation): evidence that "Airbus" opening another sentence is a name, not "airbus".

    >>> from spacy.lang.en import English
    >>> sorted(capitalised_words([English()("Airbus won. Analysts said Airbus and Boeing compete.")]))
    ['Airbus', 'Boeing']
    """
    found = set()
    for doc in docs:
        before = None
        for token in doc:
            text = token.text
            forced = before is None or before in (".", "!", "?", '"', "\u201c", ":") or "\n" in before
            if not forced and text[:1].isupper() and text[1:].islower() and text.isalpha():
                found.add(text)
            before = text
    return frozenset(found)


class MentionIndex:
    """Entity mentions of one parsed piece of a document, looked up by token.

    ``offset`` is where the piece starts in the whole document, so offsets are document offsets.
    ``acronyms`` (shared by the pieces of one document) collects definitions such as
    "China-Pakistan Economic Corridor (CPEC)": acronym -> (full name, NER label).
    """

    def __init__(self, doc: Doc, offset: int = 0, acronyms: dict[str, tuple[str, str]] | None = None,
                 names: frozenset[str] = frozenset()) -> None:
        self.offset = offset
        self.names = names  # words the document writes capitalised mid-sentence (see capitalised_words)
        self.mentions: list[Mention] = []
        self.dates: dict[int, str] = {}
        self.acronyms = acronyms if acronyms is not None else {}
        self._by_token: dict[int, Mention] = {}
        self.persons: list[tuple[int, int]] = []  # token ranges of PERSON names, for the title rule
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.persons.append((ent.start, ent.end))
            if ent.label_ in ("DATE", "TIME"):
                if not _names_a_time(ent):
                    continue  # "the 14th Five-Year Plan", "year-round opening": a name or a modifier
                for token in ent:
                    self.dates[token.i] = ent.text
                continue
            if ent.label_ not in ENTITY_LABELS:
                continue
            self._add(ent, ent.label_)
        self._titled_names(doc)
        self._honorific_names(doc)
        words = [t.text for t in doc]
        self._acronym_definitions(doc, words)
        for i, word in enumerate(words):  # later uses of a defined acronym that NER missed: "MCC's investments"
            if word in self.acronyms and i not in self._by_token and doc[i].pos_ == "PROPN":
                self._add(doc[i: i + 1], self.acronyms[word][1])

    def _add(self, span: Span, label: str) -> Mention | None:
        text, start, end = clean_entity_text(span)
        if label == "PERSON":
            text, start = strip_honorifics(text, start)
        if not text or text.lower().rstrip(".") in resources("en").honorifics:
            return None
        mention = Mention(text, start + self.offset, end + self.offset, label)
        self.mentions = [m for m in self.mentions if not (m.start < mention.end and mention.start < m.end)]
        self.mentions.append(mention)
        for token in span:
            self._by_token[token.i] = mention
        return mention

    def _titled_names(self, doc: Doc) -> None:
        """"Chancellor Olaf Scholz", "CEO Tim Cook": a name right after a position word is a person's,
        whatever label the NER gave it (an ORG "Olaf Scholz")."""
        positions = resources("en").positions
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "DATE", "TIME") or ent.start == 0 or len(ent) < 2:
                continue
            before = doc[ent.start - 1]
            if before.text.lower() in positions and before.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in ent):
                for i in range(ent.start, ent.end):
                    self._by_token.pop(i, None)
                self.persons.append((ent.start, ent.end))
                self._add(ent, "PERSON")

    def _honorific_names(self, doc: Doc) -> None:
        """"Mrs May", "Mr Albanese": capitalised words after an honorific name a person, whatever the
        NER said of them (a DATE "May later", a NORP "Albanese")."""
        honorifics = resources("en").honorifics
        for token in doc:
            if token.text.lower().rstrip(".") not in honorifics or token.i + 1 >= len(doc):
                continue
            end = token.i + 1
            while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():  # "Mrs May" (May: AUX)
                end += 1
            if end == token.i + 1:
                continue
            current = self._by_token.get(token.i + 1)
            if current is not None and current.label == "PERSON":
                continue
            for i in range(token.i + 1, end):
                self.dates.pop(i, None)
                self._by_token.pop(i, None)
            self.persons.append((token.i + 1, end))
            self._add(doc[token.i + 1: end], "PERSON")

    def _acronym_definitions(self, doc: Doc, words: list[str]) -> None:
        """"the banned Tehrik-e-Taliban Pakistan (TTP)": the name before a parenthesised acronym."""
        for i in range(2, len(words) - 1):
            if words[i - 1] != "(" or words[i + 1] != ")" or not words[i].isupper():
                continue
            token = doc[i]
            before = doc[token.i - 2]
            ent = self._by_token.get(before.i)
            name_start = max(before.left_edge.i, 0)
            while name_start < before.i and (not doc[name_start].text[:1].isupper() or doc[name_start].dep_ == "det"):
                name_start += 1  # drop "the banned", "The"
            span = doc[name_start: before.i + 1]
            name_words = [w for t in span for w in t.text.replace("-", " ").split()]
            if not is_acronym_of(token.text, name_words):
                continue
            label = ent.label if ent is not None and ent.text == clean_entity_text(span)[0] else self._label_of(span, token)
            full = self._add(span, label)
            if full is None:
                continue
            self.acronyms[token.text] = (full.text, label)
            self._add(doc[token.i: token.i + 1], label)

    def _label_of(self, span: Span, acronym: Token) -> str:
        """NER label for a name NER split: the acronym's own, else the span's ORG part, else ORG."""
        for token in (acronym, *span):
            mention = self._by_token.get(token.i)
            if mention is not None and mention.label in ("ORG", "FAC", "EVENT", "LAW"):
                return mention.label
        return "ORG"

    def entity(self, token: Token) -> Mention | None:
        """The named-entity mention ``token`` belongs to, if any."""
        return self._by_token.get(token.i)

    def concept(self, token: Token, owner: str | None = None) -> Mention:
        """A concept mention for a common noun ``token`` (``owner``: its possessor's name)."""
        span = concept_span(token)
        start = span.start_char
        poss = possessor(token)
        if owner and poss is not None and poss.i < span.start:
            start = concept_span(poss).start_char
        return Mention(concept_label(token, owner, self.names), start + self.offset, span.end_char + self.offset,
                       "CONCEPT")
