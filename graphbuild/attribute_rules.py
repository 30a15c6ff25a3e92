"""``graphbuild_attribute_rules``: spaCy's attribute ruler with its patterns indexed by word and tag.

spaCy's ``AttributeRuler`` (which sets each token's coarse part of speech and morphology from its
fine tag and a few word exceptions) runs every one of its patterns at every token through the
general ``Matcher``: with ``en_core_web_sm``'s 179 patterns that is about 13% of the whole parse.
Nearly every pattern starts with a fixed tag or word, so this component looks up only the patterns
whose first token can match, checks them, and hands the matches to the ruler's own
``set_annotations``: the tokens come out exactly as the stock ruler leaves them
(``tests/test_attribute_rules.py`` compares every attribute). A ruler using any pattern feature
this module does not know (operators, other attributes or predicates) is left in place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

__all__ = ["compile_rules", "index_attribute_ruler"]

# The token attributes patterns may test, in the order of a row of ``Doc.to_array``.
_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# A pattern is filed under the first of these that its first token fixes, the most selective first.
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")

Row = tuple[int, int, int, int]
RowCheck = Callable[[Row], bool]


def _value_check(column: int, value, strings: StringStore) -> RowCheck | None:
    """A test of one column of a token's row against one pattern value, or ``None`` if not supported."""
    if isinstance(value, bool) or (isinstance(value, str) and column != 3):
        wanted = int(value) if isinstance(value, bool) else strings.add(value)
        return lambda row: row[column] == wanted
    if not isinstance(value, dict) or len(value) != 1 or column == 3:
        return None
    (predicate, argument), = value.items()
    if predicate in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(v, str) for v in argument):
        values = frozenset(strings.add(item) for item in argument)
        if predicate == "IN":
            return lambda row: row[column] in values
        return lambda row: row[column] not in values
    if predicate == "REGEX" and isinstance(argument, str):
        search = re.compile(argument).search
        return lambda row: bool(search(strings[row[column]]))
    return None


def _token_check(spec: dict, strings: StringStore, skip: str | None = None) -> list[RowCheck] | None:
    """The checks of one token spec, leaving out ``skip``'s (which the index lookup already made)."""
    checks = []
    for key, value in spec.items():
        check = _value_check(_FIELDS.index(key), value, strings) if key in _FIELDS else None
        if check is None:
            return None
        if key != skip:
            checks.append(check)
    return checks


def _index_key(spec: dict) -> str | None:
    """The attribute a first token spec is filed under: one it fixes to a value or a list of values."""
    for key in _INDEXED:
        value = spec.get(key)
        if isinstance(value, (str, bool)) or (isinstance(value, dict) and list(value) == ["IN"]):
            return key
    return None


def _index_keys(spec: dict, key: str | None, strings: StringStore) -> list[tuple[int, int]] | None:
    """The (column, value) keys under which a first token spec is filed; ``None``: look it up at every token."""
    if key is None:
        return None
    value, column = spec[key], _FIELDS.index(key)
    if isinstance(value, bool):
        return [(column, int(value))]
    if isinstance(value, str):
        return [(column, strings.add(value))]
    return [(column, strings.add(item)) for item in value["IN"]]


class CompiledRules:
    """The ruler's patterns, filed by the tag or word their first token needs."""

    def __init__(self, ruler: AttributeRuler, patterns: list):
        self.ruler = ruler
        self.by_key: dict[tuple[int, int], list] = defaultdict(list)
        self.everywhere: list = []
        for attr_id, match_id, token_checks, keys in patterns:
            # (rule number, match key, pattern length, [(token offset, check), ...])
            flat = [(offset, check) for offset, checks in enumerate(token_checks) for check in checks]
            entry = (attr_id, match_id, len(token_checks), flat)
            if keys is None:
                self.everywhere.append(entry)
            for key in keys or ():
                self.by_key[key].append(entry)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches the stock ruler's ``match`` finds: (rule number, match key, start, end), sorted."""
        rows = [tuple(row) for row in doc.to_array(list(_FIELDS)).tolist()] if len(doc) else []
        found = []
        length = len(rows)
        by_key, everywhere, nothing = self.by_key, self.everywhere, ()
        for start, row in enumerate(rows):
            for attr_id, match_id, size, checks in (
                    *by_key.get((0, row[0]), nothing), *by_key.get((1, row[1]), nothing),
                    *by_key.get((2, row[2]), nothing), *by_key.get((3, row[3]), nothing), *everywhere):
                end = start + size
                if end <= length and (not checks or all(check(rows[start + offset]) for offset, check in checks)):
                    found.append((attr_id, match_id, start, end))
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


def compile_rules(ruler: AttributeRuler) -> CompiledRules | None:
    """The ruler's patterns compiled for indexed matching, or ``None`` if one uses a feature not supported."""
    strings = ruler.vocab.strings
    compiled = []
    for attr_id in range(len(ruler.attrs)):
        match_id = strings[str(attr_id)]
        found = ruler.matcher.get(match_id)
        if found is None:
            continue
        for pattern in found[1]:
            if not pattern or not all(isinstance(spec, dict) for spec in pattern):
                return None
            key = _index_key(pattern[0])
            token_checks = [_token_check(spec, strings, key if offset == 0 else None)
                            for offset, spec in enumerate(pattern)]
            if any(checks is None for checks in token_checks):
                return None
            compiled.append((attr_id, match_id, token_checks, _index_keys(pattern[0], key, strings)))
    return CompiledRules(ruler, compiled)


class UnindexableRules(ValueError):
    """The ruler uses a pattern feature this module does not index."""


@Language.factory("graphbuild_attribute_rules", assigns=["token.pos", "token.morph", "token.lemma"],
                  requires=["token.tag"])
def make_attribute_rules(nlp: Language, name: str, ruler_name: str = "attribute_ruler"):
    """Built from the pipeline's own ruler, which must still be in the pipeline at that moment."""
    rules = compile_rules(nlp.get_pipe(ruler_name))
    if rules is None:
        raise UnindexableRules(f"the patterns of {ruler_name!r} use a feature graphbuild_attribute_rules cannot index")
    return rules


def index_attribute_ruler(nlp: Language, ruler_name: str = "attribute_ruler") -> bool:
    """Put ``graphbuild_attribute_rules`` in place of the pipeline's attribute ruler when its patterns allow.

    Returns whether it did; the pipeline is left unchanged otherwise.
    """
    ruler = nlp.get_pipe(ruler_name) if ruler_name in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        nlp.add_pipe("graphbuild_attribute_rules", after=ruler_name, config={"ruler_name": ruler_name})
    except UnindexableRules:
        return False
    nlp.remove_pipe(ruler_name)
    return True
