"""Make the model read typographic quotes and apostrophes as it reads their ASCII twins.

News sites print "Pakistan’s" and “quotes” with curly characters; the small English model was
trained mostly on ASCII text, and its token features (norm, prefix, suffix, shape) differ for the
curly forms. That alone turns "reaffirmed the Palestinian people’s right" into two direct objects
and a stray clause. Giving each curly lexeme the features of its ASCII twin makes both spellings
parse identically while the text, and every character offset, stay as written.
"""

from __future__ import annotations

from spacy.vocab import Vocab

__all__ = ["TWINS", "align_typographic_quotes"]

_CLITICS = ("s", "t", "re", "ve", "ll", "m", "d")
TWINS: dict[str, str] = {
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
    **{f"\u2019{c}": f"'{c}" for c in _CLITICS},
    **{f"\u2019{c.upper()}": f"'{c.upper()}" for c in _CLITICS},
    "n\u2019t": "n't", "N\u2019T": "N'T",
}


def align_typographic_quotes(vocab: Vocab) -> None:
    """Copy the ASCII twin's model features onto each typographic lexeme in ``vocab``."""
    for curly, ascii_form in TWINS.items():
        lexeme, twin = vocab[curly], vocab[ascii_form]
        lexeme.norm_, lexeme.prefix_, lexeme.suffix_, lexeme.shape_ = twin.norm_, twin.prefix_, twin.suffix_, twin.shape_
