"""The line-break component: headlines become sentences; hard-wrapped prose is not cut at every line."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from graphbuild.line_breaks import line_break_starts
from graphbuild.nlp import load_pipeline


def doc_of(words: list[str]) -> Doc:
    return Doc(Vocab(), words=words, spaces=[False] * len(words))


def test_a_headline_line_starts_a_new_sentence():
    doc = doc_of(["China", "and", "Pakistan", "agree", "\n", "The", "sides", "met", ".", "\n", "They", "talked", "."])
    assert [doc[i].text for i in line_break_starts(doc)] == ["The", "They"]


def test_hard_wrapped_prose_breaks_only_at_blank_lines():
    doc = doc_of(["The", "two", "sides", "\n", "agreed", "to", "keep", "\n", "in", "close", "touch", "\n", "and",
                  "to", "meet", "\n", "again", "soon", ".", "\n\n", "A", "new", "paragraph", "."])
    assert [doc[i].text for i in line_break_starts(doc)] == ["A"]


def test_the_pipeline_splits_a_headline_from_the_next_sentence():
    nlp = load_pipeline()
    assert nlp.pipe_names.index("graphbuild_line_breaks") < nlp.pipe_names.index("parser")
    doc = nlp("Agree to uphold UN Charter, oppose unilateral actions\nThe two sides opposed unilateral actions.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Agree to uphold UN Charter, oppose unilateral actions"
