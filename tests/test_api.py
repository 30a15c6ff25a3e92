"""The Python API: the public names, and every operation reachable from one KnowledgeGraph."""

from __future__ import annotations

import graphbuild
from graphbuild import KnowledgeGraph

GOLD = "tests/data/seeds_gold.jsonl"


def test_all_is_sorted_and_importable():
    assert graphbuild.__all__ == sorted(graphbuild.__all__)
    for name in graphbuild.__all__:
        assert getattr(graphbuild, name) is not None


def test_one_object_does_everything(seeds_store, tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    with KnowledgeGraph.open(seeds_store, read_only=True) as kg:
        assert kg.query("ASK { ?s gb:supports ?o }") is True
        assert kg.to_networkx().number_of_nodes() > 20
        assert len(kg.to_rdflib()) > 1000
        assert kg.validate().conforms
        assert kg.analyze(top=3)["central"]
        hops = kg.path("Ishaq Dar", "China")
        assert hops[0]["source_label"] == "Ishaq Dar" and hops[-1]["target_label"] == "China"
        report = kg.evaluate(root / GOLD)
        assert report.recall > 0.5
        out = kg.export(tmp_path / "g.ttl", format="turtle")
        assert out.stat().st_size > 1000
        rendered = kg.render(tmp_path / "g.html")
        assert (tmp_path / "g.html").read_text(encoding="utf-8").count("<script") >= 1
        assert rendered is not None


def test_the_public_api_is_typed():
    import inspect
    from pathlib import Path

    assert (Path(graphbuild.__file__).parent / "py.typed").exists()
    for name, method in inspect.getmembers(KnowledgeGraph, inspect.isfunction):
        if not name.startswith("_"):
            assert "return" in method.__annotations__, f"KnowledgeGraph.{name} has no return type"


def test_errors_are_classed_by_meaning(tmp_path):
    import pytest

    bad = tmp_path / "shapes.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(graphbuild.InputError, match="E231 Cannot read the SHACL shapes") as caught:
        KnowledgeGraph.in_memory().validate(bad)
    assert not isinstance(caught.value, graphbuild.StoreError)
    assert issubclass(graphbuild.WorkerError, graphbuild.GraphbuildError)
