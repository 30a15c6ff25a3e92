"""``graphbuild analyze``: centrality, communities and paths on hand-built graphs and on the seeds graph."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graphbuild.analyze import analyze, find_path, format_path, resolve_entity
from graphbuild.cli import main
from graphbuild.errors import InputError
from graphbuild.networkx_view import entity_graph
from graphbuild.store import Store


def make_graph(edges, aliases=None, mentions=None):
    graph = nx.MultiDiGraph()
    for source, relation, target in edges:
        for node in (source, target):
            graph.add_node(f"ex:{node}", label=node, type="Thing", aliases=(aliases or {}).get(node, []),
                           mentions=(mentions or {}).get(node, 1))
        graph.add_edge(f"ex:{source}", f"ex:{target}", key=f"gb:{relation}", label=relation,
                       category=None if relation.startswith("open") else "cat", statements=1)
    return graph


def test_two_cliques_are_two_communities_and_the_bridge_is_central():
    left = [("A", "r", "B"), ("B", "r", "C"), ("C", "r", "A")]
    right = [("X", "r", "Y"), ("Y", "r", "Z"), ("Z", "r", "X")]
    graph = make_graph(left + right + [("A", "r", "X")])
    result = analyze(graph, top=3)
    assert sorted(map(sorted, (c["labels"] for c in result["communities"]))) == [["A", "B", "C"], ["X", "Y", "Z"]]
    assert {c["label"] for c in result["central"][:2]} == {"A", "X"}
    assert result["central"][0]["betweenness"] > result["central"][2]["betweenness"]
    assert (result["entities"], result["relations"], result["components"]) == (6, 7, 1)


def test_a_path_keeps_the_relation_and_its_direction():
    graph = make_graph([("China", "supports", "Pakistan"), ("Taliban", "attacks", "Pakistan"),
                        ("Taliban", "open_meet", "Pakistan")])
    hops = find_path(graph, "China", "Taliban")
    assert [(h["source_label"], h["relation"], h["target_label"], h["direction"]) for h in hops] == [
        ("China", "supports", "Pakistan", "forward"),
        ("Pakistan", "attacks", "Taliban", "backward"),  # a lexicon relation beats an open one
    ]
    assert format_path(hops) == "China -supports-> Pakistan <-attacks- Taliban"


def test_no_path_and_same_entity():
    graph = make_graph([("A", "r", "B"), ("C", "r", "D")])
    assert find_path(graph, "A", "D") == []
    assert format_path([]) == "(no path)"
    assert find_path(graph, "A", "a") == []


def test_names_resolve_by_label_alias_or_iri():
    graph = make_graph([("Pakistan", "r", "China"), ("China", "r", "Beijing")], aliases={"China": ["PRC"]})
    assert resolve_entity(graph, "prc") == "ex:China"
    assert resolve_entity(graph, "ex:Beijing") == "ex:Beijing"
    with pytest.raises(InputError, match=r"E241 No entity called 'Chna'.*Did you mean: China"):
        resolve_entity(graph, "Chna")


def test_the_seeds_graph(seeds_store):
    with Store(seeds_store, read_only=True) as store:
        graph = entity_graph(store)
    result = analyze(graph, top=5)
    assert {c["label"] for c in result["central"][:2]} == {"China", "Pakistan"}
    assert len(result["communities"]) >= 2 and result["communities"][0]["size"] >= 5
    # the entity farthest from Pakistan in its component, whatever the extractor found
    distances = nx.single_source_shortest_path_length(graph.to_undirected(), resolve_entity(graph, "Pakistan"))
    far = max(distances, key=lambda n: (distances[n], n))
    hops = find_path(graph, "Pakistan", far)
    assert len(hops) == distances[far] >= 2
    assert hops[0]["source_label"] == "Pakistan" and hops[-1]["target"] == far
    for hop, following in zip(hops, hops[1:]):
        assert hop["target"] == following["source"]
    for hop in hops:
        s, t = (hop["source"], hop["target"]) if hop["direction"] == "forward" else (hop["target"], hop["source"])
        assert graph.has_edge(s, t, key=hop["property"])


def test_cli(runner, seeds_store):
    result = runner.invoke(main, ["analyze", "--store", str(seeds_store), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "most central entities:" in result.output and "communities:" in result.output
    result = runner.invoke(main, ["analyze", "--store", str(seeds_store), "--path", "Pakistan", "China"])
    assert result.exit_code == 0 and result.output.startswith("Pakistan ") and result.output.strip().endswith("China")
    result = runner.invoke(main, ["analyze", "--store", str(seeds_store), "--format", "json", "--top", "2"])
    assert len(json.loads(result.output)["central"]) == 2
    result = runner.invoke(main, ["analyze", "--store", str(seeds_store), "--path", "Nobody", "China"])
    assert result.exit_code == 1 and "E241" in result.output


@pytest.mark.parametrize("args", [
    ["analyze", "--top", "2"],
    ["validate"],
    ["export", "--format", "graphml"],
    ["export", "--format", "json"],
    ["push", "http://127.0.0.1:1/store"],
])
def test_commands_without_nlp_do_not_import_spacy(seeds_store, args):
    import subprocess
    import sys

    code = ("import sys\nfrom graphbuild.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, *args, "--store", str(seeds_store)],
                         capture_output=True, text=True, timeout=120)
    assert run.stderr.strip().splitlines()[-1] == "False", run.stderr
