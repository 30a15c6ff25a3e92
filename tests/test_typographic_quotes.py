"""Curly quotes and apostrophes parse exactly like their ASCII twins, and the text keeps its spelling."""

from __future__ import annotations

import pytest

from graphbuild.nlp import load_pipeline
from graphbuild.typographic_quotes import TWINS


@pytest.mark.parametrize("curly", [
    "On Palestine, both countries called for an “unconditional ceasefire in Gaza” and reaffirmed the "
    "Palestinian people’s right to self-determination.",
    "China’s Xinjiang region isn’t part of the talks, they’re saying.",
])
def test_curly_text_parses_like_its_ascii_twin(curly):
    ascii_text = curly
    for typographic, plain in TWINS.items():
        if len(typographic) == 1:
            ascii_text = ascii_text.replace(typographic, plain)
    nlp = load_pipeline()
    curly_doc, ascii_doc = nlp(curly), nlp(ascii_text)
    assert curly_doc.text == curly  # offsets and spelling stay as written
    assert [(t.dep_, t.head.i, t.tag_) for t in curly_doc] == [(t.dep_, t.head.i, t.tag_) for t in ascii_doc]
    assert [(e.start, e.end, e.label_) for e in curly_doc.ents] == [(e.start, e.end, e.label_) for e in ascii_doc.ents]


def test_the_possessive_of_a_described_group_is_read_as_a_possessive():
    doc = load_pipeline()("Both countries reaffirmed the Palestinian people’s right to self-determination.")
    people = next(t for t in doc if t.text == "people")
    assert (people.dep_, people.head.text) == ("poss", "right")
