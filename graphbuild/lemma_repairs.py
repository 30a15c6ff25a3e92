"""``graphbuild_lemma_repairs``: mend verb lemmas that spaCy's rule lemmatizer cuts one letter short.

The rule lemmatizer strips "-es"/"-ed" before it tries "-s"/"-d", so "hopes" becomes "hop" and
"fined" becomes "fin": both are verbs of the model's own index, so nothing flags them. When the
inflected word begins with the lemma plus "e" and that longer form is a verb of the same index
("hope", "fine"), the longer form is the lemma. "hopping" and "planned" are left alone: they do
not begin with "hope" or "plane".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["repaired_lemma"]

_INFLECTED_TAGS = frozenset({"VBZ", "VBD", "VBN"})


def repaired_lemma(word: str, lemma: str, verbs) -> str | None:
    """The lemma ``word`` should have, or ``None`` when ``lemma`` is right.

    >>> repaired_lemma("hopes", "hop", {"hop", "hope"}), repaired_lemma("hopped", "hop", {"hop", "hope"})
    ('hope', None)
    """
    longer = lemma + "e"
    if word.lower().startswith(longer) and word.lower() != longer and longer in verbs:
        return longer
    return None


@Language.factory("graphbuild_lemma_repairs", assigns=["token.lemma"], requires=["token.lemma", "token.tag"])
def make_lemma_repairs(nlp: Language, name: str):
    """The component reads the verb index from the pipeline's own lemmatizer tables."""
    verbs: frozenset[str] = frozenset()
    if "lemmatizer" in nlp.pipe_names:
        tables = nlp.get_pipe("lemmatizer").lookups
        if tables.has_table("lemma_index"):
            verbs = frozenset(tables.get_table("lemma_index").get("verb", ()))

    def repair(doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ in _INFLECTED_TAGS:
                fixed = repaired_lemma(token.text, token.lemma_, verbs)
                if fixed is not None:
                    token.lemma_ = fixed
        return doc

    return repair
