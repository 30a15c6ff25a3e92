"""``graphbuild_line_breaks``: a spaCy component that ends sentences at line breaks the parser misses.

News text pasted from the web keeps one paragraph (or headline) a line; the parser, trained on
running text, joins a headline without a full stop to the next sentence ("Agree to uphold UN
Charter, oppose unilateral actions\\nThe two sides ..."). This component runs before the parser
and marks the token after such a line break as a sentence start; the parser keeps marks it finds.

Hard-wrapped text (most lines end mid-sentence) is left alone except at blank lines.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["line_break_starts", "set_line_break_starts"]

_SENTENCE_END = (".", "!", "?", ":", ";", "\u201d", '"', "\u2019", "'", ")")
_WRAPPED_SHARE = 0.5  # more than this share of lines ending mid-sentence: the text is hard-wrapped


def line_break_starts(doc: Doc) -> list[int]:
    """Indices of tokens that start a line and must start a sentence.

    A blank line always ends a sentence; a single line break does too unless the text is hard-wrapped.
    """
    breaks = [t.i for t in doc if "\n" in t.text and t.text.isspace() and t.i + 1 < len(doc)]
    if not breaks:
        return []
    open_lines = sum(1 for i in breaks if i > 0 and not doc[i - 1].text.endswith(_SENTENCE_END))
    wrapped = open_lines > _WRAPPED_SHARE * len(breaks) and len(breaks) >= 4
    return [i + 1 for i in breaks if not wrapped or "\n\n" in doc[i].text]


@Language.component("graphbuild_line_breaks", assigns=["token.is_sent_start"])
def set_line_break_starts(doc: Doc) -> Doc:
    """Mark the starts found by :func:`line_break_starts` (match, then set annotations)."""
    for index in line_break_starts(doc):
        doc[index].is_sent_start = True
    return doc
