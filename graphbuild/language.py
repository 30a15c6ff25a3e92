"""Which language an article is written in, so that text in another language is not pushed through
an English pipeline. Uses py3langid, whose model ships inside its wheel (nothing is downloaded).

Short texts say too little to judge: a document is only called foreign when the identifier is
confident (``MIN_CONFIDENCE``), so "China supports Pakistan." is never refused.
"""

from __future__ import annotations

import functools
from collections.abc import Collection

__all__ = ["ANY", "MIN_CONFIDENCE", "SAMPLE_CHARS", "detect", "foreign_language"]

ANY = "any"  # accept every language
SAMPLE_CHARS = 3000  # the identifier reads the start of each document
MIN_CONFIDENCE = 0.9
_MIN_WORDS = 20  # fewer words say too little for the English shortcut
_ENGLISH_SHARE = 0.12  # share of English function words above which a text is plainly English


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the language of ``text`` and the identifier's confidence (0 to 1).

    >>> detect("Die Bundesregierung unterstützt die Ukraine mit weiteren Waffen.")[0]
    'de'
    """
    code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return code, float(confidence)


def _plainly_english(text: str) -> bool:
    """English function words make up a good share of the start of the text ("the", "of", "and",
    "said"): English beyond doubt, so the identifier (and loading its model) is not needed.

    >>> _plainly_english("The board said that the deal was approved by the regulator of the state on Monday, "
    ...                  "and that the company would pay for the plant with cash from its own funds.")
    True
    >>> _plainly_english("Die Bundesregierung unterstützt die Ukraine mit weiteren Waffen und Geld.")
    False
    """
    from .lang import resources

    words = text[:SAMPLE_CHARS].lower().split()
    if len(words) < _MIN_WORDS:
        return False
    common = resources("en").words("function-words")
    return sum(word in common for word in words) >= _ENGLISH_SHARE * len(words)


def foreign_language(text: str, accepted: Collection[str]) -> tuple[str, float] | None:
    """``(code, confidence)`` if ``text`` is confidently in a language outside ``accepted``, else ``None``."""
    if ANY in accepted or "en" in accepted and _plainly_english(text):
        return None
    code, confidence = detect(text)
    if code in accepted or confidence < MIN_CONFIDENCE:
        return None
    return code, confidence
