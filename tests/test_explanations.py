"""Every statement says how its arguments were resolved and, when not asserted for vagueness, why."""

from __future__ import annotations

from graphbuild import KnowledgeGraph

_WHY = """SELECT ?s ?o ?ssieve ?osieve ?why WHERE {
  ?st a gb:Statement ; rdf:subject/rdfs:label ?s ; rdf:object/rdfs:label ?o .
  OPTIONAL { ?st gb:subjectResolvedBy ?ssieve } OPTIONAL { ?st gb:objectResolvedBy ?osieve }
  OPTIONAL { ?st gb:notAssertedBecause ?why } }"""


def _rows(text):
    kg = KnowledgeGraph.in_memory()
    kg.build([text])
    rows = [{k: (r[k].value if r[k] is not None else None) for k in ("s", "o", "ssieve", "osieve", "why")}
            for r in kg.query(_WHY)]
    kg.close()
    return rows


def test_a_pronoun_subject_names_its_sieve():
    rows = _rows("Siemens opened a plant in Berlin. It sold its rail unit to Alstom.")
    sold = [r for r in rows if r["o"] == "Alstom"]
    assert sold and all(r["s"] == "Siemens" and r["ssieve"] == "pronoun" for r in sold)
    assert all(r["ssieve"] is None for r in rows if r["o"] == "Berlin")  # a name needs no sieve


def test_a_nominal_subject_names_its_sieve():
    rows = _rows("Volkswagen recalled 40,000 cars in March. The carmaker blamed a faulty sensor.")
    assert any(r["s"] == "Volkswagen" and r["ssieve"] == "nominal" for r in rows)


def test_a_vague_statement_says_why_it_is_not_asserted():
    rows = _rows("The store sells songs. Apple has a stake in Arm.")
    reasons = {r["why"] for r in rows}
    assert "bare noun subject" in reasons and "light verb" in reasons
