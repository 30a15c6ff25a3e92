"""Dependency rules that turn a parsed sentence into relations between mentions.

One function per construction, each named after it and documented with an example. They all
share :class:`_Clause`, the verb with its resolved subjects, so coordination ("Pakistan and China
urged ... and reaffirmed ...") is handled once: every subject is paired with every object.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lang import resources
from ..lexicon import load_lexicon
from . import factuality
from .assertability import argument_problem, clause_problem, names_nothing, predicate_problem
from .mentions import MentionIndex, based_company, concept_label, is_name_like, possessor
from .parse_repairs import acts_as_verb, coordination_head, is_misplaced_object
from .model import Argument, Mention, Provenance, Relation
from .references import ReferenceResolver
from .registry import CLAUSE_RULES, NOUN_RULES, clause_rule, confidence_of
from . import event_nouns as _event_nouns  # noqa: F401  (registers its noun rule)
from .roles import Link

__all__ = ["clause_subjects", "extract_relations"]

_VERB_POS = ("VERB", "AUX")
_SUBJECT_DEPS = ("nsubj",)
_PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
_OBJECT_DEPS = ("dobj", "obj", "dative")
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class _Clause:
    verb: Token
    subjects: tuple[Argument, ...]
    passive: bool
    resolved: bool  # a subject came from a pronoun or collective reference


@clause_rule(confidence=0.85)
def subject_verb_object(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"China supports Pakistan": nsubj and dobj of an active verb."""
    if clause.passive:
        return
    for obj_token in _direct_objects(clause.verb):
        if _nominal_prep(clause.verb, obj_token) is not None:
            continue  # "reaffirmed its support for X" is nominal_predicate's, not "reaffirm support"
        for obj in args(obj_token):
            for subj in clause.subjects:
                yield verb_key(clause.verb), subj, obj, clause.verb.text, "verb"


@clause_rule(confidence=0.8)
def passive_agent(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"Pakistan was attacked by the TTP": the agent is the subject, the passive subject the object."""
    if not clause.passive:
        return
    for agent in _children(clause.verb, ("agent",)):
        for pobj in _children(agent, ("pobj",)):
            for subj in args(pobj):
                for obj in clause.subjects:
                    yield verb_key(clause.verb), subj, obj, f"{clause.verb.text} by", "verb"


@clause_rule(confidence=0.7)
def prepositional_object(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"talks held in Beijing", "called for action": the verb plus its preposition relates subject and pobj.

    With a direct object ("deepen cooperation in education") the phrase is only an adjunct: it makes
    a relation only when it names an entity or the lexicon knows the verb with that preposition.
    """
    objects = _direct_objects(clause.verb)
    taken = {_nominal_prep(clause.verb, noun) for noun in objects}
    lexicon = load_lexicon()
    # "sold it to the EU": the parser may call that "to" a dative; it is a preposition all the same
    preps = [c for c in clause.verb.children if (c.dep_ == "prep" or c.dep_ == "dative" and c.pos_ == "ADP")
             and c.text.lower() not in resources("en").adjunct_prepositions]  # "due to", "because of"
    for prep in preps:
        if any(c.dep_ == "advmod" and c.lower_ == "instead" for c in prep.children):
            continue  # "chose Boeing instead of Airbus": the alternative not chosen
        if prep in taken:
            continue  # "expressed opposition to X" is nominal_predicate's
        if prep.i < clause.verb.i:
            continue  # "On Palestine, both countries called for ...": a fronted topic, not "call on"
        key = f"{verb_key(clause.verb)} {prep.text.lower()}"
        adjunct = bool(objects) and lexicon.property_for("verb", key) is None
        for pobj in _children(prep, ("pobj",)):
            for obj in args(pobj):
                if adjunct and obj.mention.label == "CONCEPT":
                    continue
                for subj in clause.subjects:
                    yield key, subj, obj, f"{clause.verb.text} {prep.text}", "verb"


def verb_key(verb: Token) -> str:
    """The verb's lemma with its particle: "pushed back the launch" is "push back", not "push"."""
    particle = next((c.text.lower() for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_} {particle}" if particle else verb.lemma_


@clause_rule(confidence=0.8)
def nominal_predicate(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"reaffirmed its support for X", "voiced concern over X": light verb + noun + prep + object."""
    for noun in _children(clause.verb, _OBJECT_DEPS):
        prep = _nominal_prep(clause.verb, noun)
        if prep is None:
            continue  # "expressed satisfaction with X" stays the verb's relation
        for pobj in _children(prep, ("pobj",)):
            for obj in args(pobj):
                for subj in clause.subjects:
                    text = f"{clause.verb.text} {clause.verb.doc[noun.left_edge.i: noun.i + 1].text} {prep.text}"
                    yield noun.lemma_.lower(), subj, obj, text, "noun"


@clause_rule(confidence=0.7)
def accused_of_gerund(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"Pakistan accused the Taliban government of providing sanctuary to the TTP": the accused is
    the subject of "provide sanctuary to" (the verb, its object noun and preposition), the TTP the
    object; factuality marks it as Pakistan's claim."""
    if clause.verb.dep_ != "pcomp" or clause.verb.head.text.lower() != "of":
        return
    for noun in _children(clause.verb, _OBJECT_DEPS):
        for prep in _children(noun, ("prep",)) + _children(clause.verb, ("prep",)):
            for pobj in _children(prep, ("pobj",)):
                for obj in args(pobj):
                    if obj.mention.label == "CONCEPT":
                        continue
                    for subj in clause.subjects:
                        yield (f"{clause.verb.lemma_} {noun.lemma_} {prep.text.lower()}", subj, obj,
                               f"{clause.verb.text} {noun.text} {prep.text}", "verb")


@clause_rule(confidence=0.75)
def reciprocal_subjects(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"Tim Cook and Terry Gou met in Taipei", "Exxon and Mobil merged": a reciprocal verb whose
    named subjects are coordinated, with no object, relates each subject to the ones after it."""
    if clause.passive or len(clause.subjects) < 2 or clause.verb.lemma_ not in resources("en").words("reciprocal-verbs"):
        return
    if _direct_objects(clause.verb) or any(c.dep_ == "prep" and c.lower_ == "with" for c in clause.verb.children):
        return  # "met the press", "met with Li": the other party is named there
    named = [s for s in clause.subjects if s.mention.label != "CONCEPT"]
    for i, first in enumerate(named):
        for other in named[i + 1:]:
            yield verb_key(clause.verb), first, other, clause.verb.text, "verb"


def _excluded_alternative(token: Token) -> bool:
    """A conjunct the sentence rules out: "flash memory rather than a hard drive", "Siemens, not
    Alstom" (the hard drive and Alstom are not what the verb is about)."""
    if token.dep_ not in ("conj", "appos"):
        return False
    between = token.doc[min(token.head.i, token.i) + 1: token.i]
    return any(t.lower_ == "than" and t.dep_ == "cc" for t in between) or any(c.dep_ == "neg" for c in token.children) \
        or any(t.dep_ == "neg" and t.head.i == token.i for t in between)


def _direct_objects(verb: Token) -> list[Token]:
    """The verb's direct objects, with a noun the parser hung on the verb as its conjunct.

    "opposes any form of X and any attempt to Y": the parser often makes "attempt" a conjunct of
    "opposes" instead of "form"; a verb has no noun conjuncts, so it is the verb's second object.
    """
    objects = [o for o in _children(verb, _OBJECT_DEPS) if not is_misplaced_object(verb, o)]
    # "fined Google for its service in Europe, the company's largest market": a second object
    # after a comma is an apposition the parser hung on the verb
    objects = [o for n, o in enumerate(objects) if n == 0 or o.dep_ != "dobj" or o.left_edge.i == 0
               or o.doc[o.left_edge.i - 1].text != ","]
    objects = [based_company(o) or o for o in objects]
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the forum that Putin set up": the relative pronoun object stands for the noun
        objects = [verb.head if o.dep_ == "dobj" and o.lower_ in _RELATIVE_PRONOUNS and o.i < verb.i else o
                   for o in objects]
    if objects:
        objects += [c for c in _children(verb, ("conj",)) if c.pos_ == "NOUN" and c.i > objects[0].i
                    and not _children(c, _SUBJECT_DEPS) and not acts_as_verb(c)]
    return objects


def _intention_holders(noun: Token, depth: int) -> list[Token]:
    """Who holds the readiness, plan or need a to-infinitive completes: the noun's possessor or
    "of" phrase ("every effort of China to achieve"), or the subject of a light verb governing it
    ("Pakistan and China expressed readiness to work with"); nobody for "any attempt to create"."""
    owner = possessor(noun)
    if owner is not None:
        return [owner]
    of_phrase = [p for prep in _children(noun, ("prep",)) if prep.text.lower() == "of"
                 for p in _children(prep, ("pobj",)) if p.pos_ == "PROPN"]
    if of_phrase:
        return of_phrase[:1]
    if noun.dep_ in _OBJECT_DEPS and (noun.head.lemma_ in resources("en").words("nominal-light-verbs") or noun.head.lemma_ == "have"):
        return _subject_tokens(noun.head, depth + 1)[0]
    return []


def _nominal_prep(verb: Token, noun: Token) -> Token | None:
    """The preposition of "light verb + lexicon noun + prep" ("reaffirmed its support for"), if any."""
    if verb.lemma_ not in resources("en").words("nominal-light-verbs") or load_lexicon().property_for("noun", noun.lemma_.lower()) is None:
        return None
    own = next((p for p in _children(noun, ("prep",)) if p.text.lower() in resources("en").words("nominal-prepositions")), None)
    if own is not None:
        return own
    # "expressed their firm opposition to X": the parser often hangs the preposition on the verb
    return next((p for p in _children(verb, ("prep",)) if p.text.lower() in resources("en").words("nominal-prepositions") and p.i > noun.i), None)




def extract_relations(doc: Doc, index: MentionIndex, resolver: ReferenceResolver | None = None) -> list[Relation]:
    """Every relation the rules find in ``doc`` (one parsed piece of a document)."""
    resolver = resolver or ReferenceResolver()
    relations: list[Relation] = []
    memo: dict[int, tuple] = {}  # factuality per verb: several relations share one clause
    for sent in doc.sents:
        provenance_base = (sent.text, sent.start_char + index.offset, sent.end_char + index.offset)

        def args(token: Token, actor: bool = False) -> list[Argument]:
            return [arg for t in (token, *token.conjuncts) if not _excluded_alternative(t)
                    for arg in _arguments(t, index, resolver, actor)]

        first = len(relations)
        seen: set[tuple] = set()
        for verb in sent:
            if not acts_as_verb(verb):
                continue
            clause = _clause(verb, args)
            if clause is None:
                continue
            for rule in CLAUSE_RULES.values():
                for predicate, subj, obj, text, kind in rule.function(clause, args):
                    key = (subj.mention, predicate, obj.mention, kind)
                    if subj.mention == obj.mention or subj.mention.text == obj.mention.text or key in seen:
                        continue  # one statement per fact and sentence, from the first rule that reads it
                    seen.add(key)
                    relation = _relation(rule.name, clause.verb, predicate, subj, obj, text, kind,
                                         provenance_base, index, resolver, clause.resolved, memo)
                    if (clause.passive and rule.function is not passive_agent and not relation.vague
                            and load_lexicon().property_for(kind, predicate) is None):
                        # "Blunkett was put in charge": the subject is the patient, the doer unnamed;
                        # a lexicon relation names the patient's side ("held in Beijing": located in)
                        relation = Relation(**{**relation.__dict__, "vague": "passive without agent"})
                    relations.append(relation)
        in_sentence = {arg.mention for r in relations[first:] for arg in (r.subject, r.object)}
        for noun_rule in NOUN_RULES.values():
            for link in noun_rule.function(sent, index):
                if link.subject.mention.label == "CONCEPT" and link.subject.mention not in in_sentence:
                    continue  # "Pakistan's development" matters only where it takes part in a relation
                relations.append(_link_relation(noun_rule.name, link, provenance_base, index, resolver, memo))
        resolver.observe_sentence(sent, index)
    return relations


def _link_relation(rule: str, link: Link, provenance_base, index, resolver, memo) -> Relation:
    """A noun-phrase link; a title or a possessive is presupposed, not stated, so it is asserted."""
    verb = link.anchor
    if link.kind != "link":  # "talks between A and B" takes the factuality of its clause
        while verb.pos_ not in _VERB_POS and verb.head.i != verb.i:
            verb = verb.head
    relation = _relation(rule, verb, link.predicate, link.subject, link.object, link.text, link.kind,
                         provenance_base, index, resolver, False, memo if link.kind != "link" else None)
    if link.kind != "link":  # the event noun carries its own date: "talks ... on December 4"
        relation = Relation(**{**relation.__dict__, "times": factuality.event_times(link.anchor, index.dates)})
    if link.place is not None:
        relation = Relation(**{**relation.__dict__, "place": link.place})
    if link.vague and not relation.vague:
        relation = Relation(**{**relation.__dict__, "vague": link.vague})
    return relation


def _relation(rule, verb, predicate, subj, obj, text, kind, provenance_base, index, resolver, resolved,
              memo: dict | None) -> Relation:
    if memo is None:  # no clause factuality (structural links)
        negated, mood, attribution, times, place, quoted, quote_problem = False, "asserted", None, (), None, False, ""
    else:
        if verb.i not in memo:
            claimant = factuality.attribution_source(verb)
            quoted = factuality.in_quotation(verb)
            if quoted and claimant is None:
                claimant = factuality.speaker(verb)  # "\"Blair has healed rifts,\" said Conlon"
            memo[verb.i] = (factuality.is_negated(verb), factuality.modality(verb),
                            _claimant(claimant, index, resolver) if claimant is not None else None,
                            factuality.times(verb, index.dates), _place(verb, index), quoted,
                            claimant is not None and not quoted)
        negated, mood, attribution, times, place, quoted, claimed = memo[verb.i]
        if claimed and attribution is None:
            mood = "hedged"  # "they said ...", the claimant unresolved: a claim of someone unnamed
        attribution, quote_problem = _voice(subj, attribution, quoted, resolver)
    vague = (argument_problem(subj, "subject") or argument_problem(obj, "object")
             or predicate_problem(predicate.lower(), kind, subj, obj))
    if memo is not None and not vague:
        vague = clause_problem(verb, (subj, obj), kind, index.offset,
                               load_lexicon().property_for(kind, predicate.lower()) is not None)
    if memo is not None and not vague:
        vague = quote_problem
    confidence = confidence_of(rule)
    confidence -= 0.1 * sum(arg.mention.label == "CONCEPT" for arg in (subj, obj))
    confidence -= 0.1 if resolved else 0.0
    return Relation(
        subject=subj, predicate=predicate.lower(), predicate_text=text, object=obj,
        provenance=Provenance(*provenance_base, rule=rule), kind=kind,
        negated=negated, modality=mood, attribution=attribution, times=times,
        confidence=round(max(0.05, min(1.0, confidence)), 2), place=place if place != obj.mention else None,
        vague=vague,
    )


def _voice(subj: Argument, speaker: Mention | None, quoted: bool,
           resolver: ReferenceResolver) -> tuple[Mention | None, str]:
    """Attribution and vagueness of a quoted clause. A speaker declaring their own stance is a fact
    of the speech ("\"We oppose double standards,\" China said": China opposes them), and so is a
    joint statement's word on the parties behind it ("\"The two sides agreed ...,\" the statement
    said"); anything else quoted is the speaker's claim. A quotation whose sentence names no
    speaker is asserted by nobody. Returns the attribution left and why the clause is not asserted."""
    if speaker is None:
        return None, "quotation without a named speaker" if quoted else ""
    if quoted and _same_name(speaker.text, subj.mention.text):
        return None, ""
    document_voice = speaker.label == "CONCEPT" and speaker.text.split()[-1].lower() in resources("en").source_nouns
    in_group = subj.mention in resolver.group or any(_same_name(m.text, subj.mention.text) for m in resolver.group)
    return (None, "") if document_voice and in_group else (speaker, "")


def _same_name(a: str, b: str) -> bool:
    """"Conlon" and "Gerry Conlon" name the same speaker; "Pakistan" and "China" do not."""
    return a == b or a.split()[-1] == b.split()[-1] and (a in b or b in a)


def _claimant(token: Token, index: MentionIndex, resolver: ReferenceResolver) -> Mention | None:
    """Who makes a claim: a named entity, the one a pronoun or nominal stands for, or a concept
    ("the report"); ``None`` when the claimant names nothing ("they" unresolved, "said" alone)."""
    mention = index.entity(token)
    if mention is not None:
        return mention
    referents = resolver.resolve(token, index)
    if referents:
        return referents[0]
    if referents is None and token.pos_ in ("NOUN", "PROPN"):
        concept = index.concept(token)
        return None if names_nothing(concept) else concept
    return None


def _place(verb: Token, index: MentionIndex) -> Mention | None:
    """"brokered a ceasefire in Doha": a place named by an "in"/"at" phrase of the verb."""
    for prep in _children(verb, ("prep",)):
        if prep.text.lower() not in ("in", "at"):
            continue
        for pobj in _children(prep, ("pobj",)):
            mention = index.entity(pobj)
            if mention is not None and mention.label in _PLACE_LABELS:
                return mention
    return None


def _clause(verb: Token, args) -> _Clause | None:
    """The verb with its subjects: its own, or inherited from the verb or noun it depends on."""
    tokens, passive = _subject_tokens(verb)
    subjects: list[Argument] = []
    resolved = False
    for token in tokens:
        if "\n" in verb.doc[min(token.i, verb.i): max(token.i, verb.i)].text:
            continue  # a headline run into the next line by the parser: "oppose unilateral actions\nPakistan ..."
        found = args(token, actor=not passive)
        resolved = resolved or any(arg.text != arg.mention.text and token.pos_ == "PRON" for arg in found)
        subjects.extend(found)
    if not subjects:
        return None
    return _Clause(verb, tuple(dict.fromkeys(subjects)), passive, resolved)


def clause_subjects(verb: Token) -> tuple[list[Token], bool]:
    """The tokens naming ``verb``'s subjects (own, shared or via a relative pronoun) and whether it is passive."""
    return _subject_tokens(verb)


def _subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    own = _children(verb, _SUBJECT_DEPS)
    if own:
        # "organisations ... which continue to pose threats": the relative pronoun stands for the noun
        if verb.dep_ == "relcl" and own[0].text.lower() in _RELATIVE_PRONOUNS:
            return [verb.head], False
        # "Apps purchased or created on one device will be shared": a participle with no auxiliary
        # the parser took for the main verb; its "subject" is what was done to
        participle = verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not _children(verb, ("aux", "auxpass"))
        return own, participle
    passive = _children(verb, _PASSIVE_SUBJECT_DEPS)
    if passive:
        if verb.dep_ == "relcl" and passive[0].text.lower() in _RELATIVE_PRONOUNS:
            return [verb.head], True
        return passive, True
    if depth > 3:
        return [], False
    head = coordination_head(verb)
    if head is not None:  # "urged ... and reaffirmed": a coordinated verb shares its head's subject
        return _subject_tokens(head, depth + 1)
    # "accused the Taliban government of providing sanctuary": the accused does the gerund
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in _VERB_POS:
        objects = _children(verb.head.head, _OBJECT_DEPS)
        if objects:
            return objects[:1], False
    if verb.dep_ == "xcomp" and verb.head.pos_ in _VERB_POS and verb.head.i != verb.i:
        # "encourage Kabul to establish": the object acts; "agreed to keep", "is expected to buy": the subject does
        controller = [o for o in _children(verb.head, ("dobj",)) if o.i < verb.i
                      and verb.head.lemma_ in resources("en").words("object-control-verbs")]
        own_voice = bool(_children(verb, ("auxpass",)))  # "is expected to be bought by": passive itself
        return (controller[:1], False) if controller else (_subject_tokens(verb.head, depth + 1)[0], own_voice)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        # "Arsenal are likely to sign Rice": the subject of the copula acts
        return _subject_tokens(verb.head.head, depth + 1)[0], bool(_children(verb, ("auxpass",)))
    # "..., opposing unilateral actions": a participle clause shares the main clause's subject
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in _VERB_POS and verb.head.i != verb.i:
        return _subject_tokens(verb.head, depth + 1)
    # "expressed readiness to cooperate", "China's plan to build": whoever holds the intention acts
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children):
        return _intention_holders(verb.head, depth), False
    # "the dialogue, held in Beijing" (passive participle) / "groups operating from Afghan soil"
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head], verb.tag_ == "VBN"
    return [], False


def _arguments(token: Token, index: MentionIndex, resolver: ReferenceResolver, actor: bool = False) -> list[Argument]:
    """What ``token`` names: its entity, the entities a pronoun or collective stands for, or a concept.

    ``actor`` marks the subject of an active verb, so that resolution can read a capital as its
    country's government ("Islamabad also praised ..."; "held in Beijing" stays the city).
    """
    mention = index.entity(token)
    if mention is not None:
        return [Argument(mention.text, mention, actor=actor)]
    referents = resolver.resolve_with_sieve(token, index)
    if referents is not None:
        return [Argument(token.text, m, sieve=referents[1]) for m in referents[0]]
    named = _appositive_name(token, index)
    if named is not None:  # "GM's chief executive, Mary Barra, visited ...": the name is the argument
        return [Argument(named.text, named)]
    if token.lemma_.lower() in resources("en").words("quantifier-nouns"):
        # "opposes any form of Taiwan independence": the argument is what the "of" phrase names
        inner = [p for prep in _children(token, ("prep",)) if prep.text.lower() == "of" for p in _children(prep, ("pobj",))]
        if inner:
            return [arg for t in (inner[0], *inner[0].conjuncts) for arg in _arguments(t, index, resolver, actor)]
    name_like = is_name_like(token)  # "Theresa May": "may" is a stop word
    # "delivered the final 717": a model number with an article is a thing, not a count
    model = token.pos_ == "NUM" and token.text.isdigit() and any(c.dep_ == "det" for c in token.children)
    if (token.pos_ in ("NOUN", "PROPN") or model) and (not token.is_stop or name_like) \
            and token.i not in index.dates and token.tag_ != "VBG":
        concept = index.concept(token, _owner_name(possessor(token), index, resolver))
        return [] if names_nothing(concept) else [Argument(concept.text, concept)]
    return []


def _appositive_name(token: Token, index: MentionIndex) -> Mention | None:
    """The named entity in apposition to a common noun ("the carmaker, General Motors"), or the one
    a common noun describes in apposition ("Mark Papermaster, an Apple executive overseeing ...")."""
    if token.pos_ != "NOUN":
        return None
    if token.dep_ == "appos":
        described = index.entity(token.head)
        if described is not None and described.label in ("PERSON", "ORG"):
            return described
    for child in token.children:
        if child.dep_ == "appos":
            mention = index.entity(child)
            if mention is not None and mention.label in ("PERSON", "ORG", "GPE", "NORP"):
                return mention
            if mention is None and child.i == token.i + 1 and child.pos_ == "PROPN" and is_name_like(child) \
                    and not child.is_sent_start:
                return index.concept(child)  # "the technology blog Gizmodo": a name the NER missed
    return None


def _owner_name(owner: Token | None, index: MentionIndex, resolver: ReferenceResolver) -> str | None:
    """Who a concept belongs to: a named possessor ("Pakistan's sovereignty"), a described one
    ("the Palestinian people's right"), or the one entity a pronoun stands for ("its rail unit")."""
    if owner is None:
        return None
    mention = index.entity(owner)
    if mention is not None:
        return mention.text
    if owner.pos_ == "PRON":
        referents = resolver.resolve(owner, index)
        return referents[0].text if referents and len(referents) == 1 else None
    if owner.pos_ == "NOUN" and not owner.is_stop:
        return concept_label(owner)
    return None


def _children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]

