"""The indexed attribute ruler leaves every token exactly as spaCy's own attribute ruler does."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from graphbuild.attribute_rules import compile_rules, index_attribute_ruler
from graphbuild.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "wikinews"
ATTRIBUTES = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

# Sentences that reach the ruler's word exceptions, multi-token patterns and space patterns.
MADE_UP = [
    "Y'all ain't gonna believe it, but the court didn't rule.  Let's go, c'mon!",
    "I told you that it was there. There are two bids; those were rejected.",
    "Nothin' but trouble: he does what he has to do, and they gotta run \t now.",
    "Whether or not the merger goes ahead, I'd have voted for it because it is cheap.",
    "The minister, who had resigned, said he will return if asked.\n\nNew paragraph here.",
]


def stock_annotations(nlp: Language, text: str):
    """The pipeline's annotations with spaCy's own ruler run where the indexed one stands."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = component.ruler(doc) if name == "graphbuild_attribute_rules" else component(doc)
    return doc.to_array(ATTRIBUTES)


def texts() -> list[str]:
    found = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    found += [path.read_text(encoding="utf-8") for path in sorted(WIKINEWS.glob("*.txt"))[:12]]
    return found + MADE_UP


def test_the_default_pipeline_uses_the_indexed_ruler_in_place_of_the_stock_one():
    names = load_pipeline().pipe_names
    assert "attribute_ruler" not in names
    assert names.index("parser") < names.index("graphbuild_attribute_rules") < names.index("lemmatizer")


@pytest.mark.parametrize("index", range(len(texts())))
def test_every_token_attribute_equals_the_stock_rulers(index):
    nlp = load_pipeline()
    text = texts()[index]
    assert (nlp(text).to_array(ATTRIBUTES) == stock_annotations(nlp, text)).all()


def test_the_matches_equal_the_stock_matcher_on_a_parsed_document():
    nlp = load_pipeline()
    rules = nlp.get_pipe("graphbuild_attribute_rules")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "graphbuild_line_breaks", "parser"]):
        doc = nlp(" ".join(MADE_UP))
    assert rules.match(doc) == rules.ruler.match(doc)
    assert len(rules.match(doc)) >= len(doc)  # every token matches at least its tag's pattern


def test_a_ruler_with_a_pattern_feature_it_cannot_index_is_left_in_place():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"POS": "ADJ"})
    assert compile_rules(ruler) is None
    assert index_attribute_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_a_blank_pipeline_with_simple_patterns_is_indexed_and_sets_the_same_attributes():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["big", "large"]}}]], {"POS": "ADJ"})
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^run"}}]], {"LEMMA": "run"})
    assert index_attribute_ruler(nlp) is True
    doc = nlp("A big dog runs to New York and a large cat running")
    assert [t.pos_ for t in doc] == ["", "ADJ", "", "", "", "", "PROPN", "", "", "ADJ", "", ""]
    assert [t.lemma_ for t in doc if t.lower_.startswith("run")] == ["run", "run"]
