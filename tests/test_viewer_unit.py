"""The viewer without a browser: reading the store, selection, layout, escaping, the page, the CLI."""

from __future__ import annotations

import html
import json
import re

import numpy as np
import pyoxigraph as ox
import pytest
from browser import trig_store

from graphbuild.cli import main
from graphbuild.errors import InputError, QueryError
from graphbuild.viewer import NotebookView, render_graph, show_graph
from graphbuild.viewer.data import load_graph
from graphbuild.viewer.layout import SMALL, layout
from graphbuild.viewer.page import json_for_script, vis_network_js
from graphbuild.viewer.render import page_html
from graphbuild.viewer.select import choose, find_entities

ID = "https://graphbuild.org/id/"
PAKISTAN, CHINA, TALIBAN = ID + "country/pakistan", ID + "country/china", ID + "organization/taliban"
DAR, WANG, BEIJING = ID + "person/ishaq_dar", ID + "person/wang_yi", ID + "city/beijing"


@pytest.fixture(scope="module")
def small():
    return trig_store("viewer_small.trig")


@pytest.fixture(scope="module")
def graph(small):
    return load_graph(small)


def page_data(page: str) -> dict:
    """The JSON the page embeds, parsed the way the page's script parses it."""
    match = re.search(r'<script type="application/json" id="gb-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


# ---------------------------------------------------------------- reading the store

def test_entities_are_merged_across_document_graphs(graph):
    pakistan = graph.entities[PAKISTAN]
    assert (pakistan.label, pakistan.cls, pakistan.mentions) == ("Pakistan", "Country", 8)  # 5 + 3
    assert pakistan.aliases == ("Islamic Republic of Pakistan",)
    assert graph.entities[DAR].cls == "Person" and graph.entities[BEIJING].cls == "City"


def test_relations_carry_their_statements_and_factuality(graph):
    by_key = {(r.source, r.label, r.target): r for r in graph.relations}
    supports = by_key[(CHINA, "supports", PAKISTAN)]
    assert supports.asserted and supports.category == "support"
    assert sorted(s.document for s in supports.statements) == ["A second report", "Talks in Beijing"]
    first = next(s for s in supports.statements if s.document == "Talks in Beijing")
    assert (first.subject_text, first.predicate_text, first.object_text, first.times) == (
        "China", "supports", "Pakistan", ("December 4",))
    accuses = by_key[(CHINA, "accuses", TALIBAN)]
    assert not accuses.asserted and not accuses.negated and accuses.statements[0].attributed_to == "Pakistan"
    opposes = by_key[(PAKISTAN, "opposes", CHINA)]
    assert not opposes.asserted and opposes.negated
    assert by_key[(DAR, "pursue", BEIJING)].category is None  # open relation


# ---------------------------------------------------------------- selection

def test_focus_and_hops_follow_asserted_relations(graph):
    assert set(choose(graph, focus="ishaq dar", hops=1).graph.entities) == {DAR, WANG, BEIJING}
    assert set(choose(graph, focus="Dar", hops=0).graph.entities) == {DAR}  # an alias works too
    # Taliban is one hop from China only through the hedged "accuses": hidden unless asked for
    assert TALIBAN not in choose(graph, focus="China", hops=1).graph.entities
    assert TALIBAN in choose(graph, focus="China", hops=1, include_uncertain=True).graph.entities


def test_max_nodes_keeps_the_most_connected_and_counts_the_rest(graph):
    selection = choose(graph, max_nodes=2)
    assert set(selection.graph.entities) == {PAKISTAN, DAR}  # 3 and 2 asserted relations
    assert (selection.total, selection.left_out) == (6, 4)
    assert all(r.source in selection.graph.entities and r.target in selection.graph.entities
               for r in selection.graph.relations)


def test_unknown_focus_and_bad_numbers_are_clear_errors(graph):
    with pytest.raises(InputError, match=r"E101 .*'Pakstan'.*did you mean: Pakistan"):
        find_entities(graph, "Pakstan")
    with pytest.raises(InputError, match="E104 --hops"):
        choose(graph, focus="China", hops=-1)
    with pytest.raises(InputError, match="E104 --max-nodes"):
        choose(graph, max_nodes=0)


def test_construct_query_draws_its_triples(small):
    page, report = page_html(small, construct="CONSTRUCT { ?s gb:supports ?o } WHERE { ?s gb:supports ?o }")
    data = page_data(page)
    assert (report.nodes, report.edges) == (2, 1)
    assert sorted(n[0] for n in data["nodes"]) == ["China", "Pakistan"]
    assert len(data["edges"][0][5]) == 2  # the stored sentences stay attached
    assert data["meta"]["fromQuery"] is True


def test_construct_of_unknown_resources_uses_their_labels(small):
    query = ("CONSTRUCT { ?d rdfs:label ?t . ?st gb:document ?d } "
             "WHERE { ?st gb:document ?d . ?d rdfs:label ?t }")
    _, report = page_html(small, construct=query)
    assert report.nodes == 10 and report.edges == 8  # 2 documents, 8 statements


def test_query_must_be_construct(small):
    with pytest.raises(InputError, match="E102"):
        page_html(small, construct="SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="E004"):
        page_html(small, construct="CONSTRUCT {")
    with pytest.raises(InputError, match="E102.*no triple linking two resources"):
        page_html(small, construct="CONSTRUCT { ?s rdfs:label ?o } WHERE { ?s rdfs:label ?o }")


# ---------------------------------------------------------------- layout

def test_layout_is_deterministic_and_spread_out():
    rng = np.random.default_rng(3)
    for n in (30, SMALL + 200):
        edges = [tuple(rng.integers(0, n, 2)) for _ in range(2 * n)]
        first, again = layout(n, edges), layout(n, edges)
        assert first.shape == (n, 2) and np.isfinite(first).all()
        assert np.array_equal(first, again)
        nearest = [np.sort(np.linalg.norm(first - first[i], axis=1))[1] for i in range(0, n, 7)]
        assert np.median(nearest) > 20  # pixels: nodes do not pile up


# ---------------------------------------------------------------- escaping and the page

@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--", "a & b > c", "\u2028\u2029", "é ✓"])
def test_json_for_script_is_inert_and_round_trips(text):
    encoded = json_for_script({"t": text})
    assert not re.search("[<>&\u2028\u2029]", encoded)
    assert json.loads(encoded) == {"t": text}


def test_page_is_self_contained(small, tmp_path):
    report = render_graph(small, tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert report.path == tmp_path / "g.html" and (report.nodes, report.edges, report.left_out) == (6, 5, 0)  # 5 asserted
    assert vis_network_js()[:2000] in page  # vis-network inlined from the installed pyvis
    for pattern in (r"<script[^>]*\ssrc=", r"<link\b", r"<img\b", r"<iframe\b"):
        assert not re.search(pattern, page, re.I), pattern
    style = page[page.index("<style>"):page.index("</style>")]
    assert "url(" not in style and "@import" not in style
    assert "default-src 'none'" in page  # the CSP forbids every request


def test_hostile_text_never_reaches_the_html_unescaped(tmp_path):
    title = "</title><script>window.__xss='title'</script> & <b>"
    page, _ = page_html(trig_store("viewer_xss.trig"), title=title, show_uncertain=True)
    assert f"<title>{html.escape(title)}</title>" in page
    markup = page.replace(vis_network_js(), "")  # vis-network holds the text "<script>" in a string
    assert markup.count("<script") == 3 and markup.count("</script>") == 3  # data, vis-network, viewer
    assert "onerror" not in page.split('id="gb-data">')[0]
    data = page_data(page)
    assert {n[0] for n in data["nodes"]} == {
        "<img src=x onerror=\"window.__xss='label'\">", "href <a href=\"javascript:window.__xss='href'\">click</a>"}
    assert "\u2028" in data["sentences"][0][1]


def test_page_reports_what_was_left_out(small):
    page, report = page_html(small, max_nodes=3, title="Pakistan & China")
    meta = page_data(page)["meta"]
    assert (report.nodes, report.left_out) == (3, 3)
    assert (meta["shown"], meta["total"], meta["leftOut"], meta["maxNodes"]) == (3, 6, 3, 3)
    assert meta["title"] == "Pakistan & China"


def test_first_view_is_named_connected_entities_most_connected_first(seeds_store):
    from graphbuild.store import Store

    with Store(seeds_store, read_only=True) as store:
        graph = load_graph(store)
    selection = choose(graph, budget=10)
    order = list(selection.graph.entities)
    assert len(selection.first) == 10 and set(order[:10]) == selection.first
    assert selection.hide_concepts
    counts = selection.relations
    assert all(graph.entities[i].cls != "Concept" and counts[i] > 0 for i in selection.first)
    assert [counts[i] for i in order[:10]] == sorted((counts[i] for i in order[:10]), reverse=True)
    assert graph.entities[order[0]].label in {"China", "Pakistan"}
    # a focus shows its whole neighbourhood, concepts included
    around = choose(graph, focus="Ishaq Dar")
    assert not around.hide_concepts and around.first == frozenset(around.graph.entities)


def test_page_layout_lays_out_the_first_view_and_places_the_rest_near_their_neighbours():
    from graphbuild.viewer.layout import GAP, page_layout

    rng = np.random.default_rng(4)
    n = 300
    edges = [(int(a), int(b)) for a, b in rng.integers(0, 120, (240, 2))] + [(i, i - 180) for i in range(200, 290)]
    first = list(range(100))
    pos, community = page_layout(n, edges, first)
    again, _ = page_layout(n, edges, first)
    assert np.array_equal(pos, again) and np.isfinite(pos).all() and len(community) == n
    nearest = [np.sort(np.linalg.norm(pos[first] - pos[i], axis=1))[1] for i in first]
    assert np.median(nearest) > 0.5 * GAP  # the first view does not pile up
    for i in range(200, 290):  # placed next to its only neighbour, which was laid out
        assert np.linalg.norm(pos[i] - pos[i - 180]) < 6 * GAP
    assert max(community) >= 1 and sum(community[i] >= 0 for i in range(100)) >= 90


def test_parallel_edges_get_distinct_ranks(small):
    data = page_data(page_html(small)[0])
    pair = [e for e in data["edges"] if {data["nodes"][e[0]][0], data["nodes"][e[1]][0]} == {"Pakistan", "Taliban"}]
    assert sorted(e[4] for e in pair) == [0, 1]


def test_show_graph_is_a_sandboxed_iframe(small):
    view = show_graph(small, title="<x>", height=500)
    assert isinstance(view, NotebookView) and view.report.nodes == 6
    frame = view._repr_html_()
    assert frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;') and 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame  # all markup of the page is inside the escaped attribute


def test_empty_store_renders(tmp_path):
    from graphbuild.store import Store

    report = render_graph(Store(None), tmp_path / "empty.html")
    assert (report.nodes, report.edges) == (0, 0) and (tmp_path / "empty.html").stat().st_size > 100_000


# ---------------------------------------------------------------- the command

def test_render_command(seeds_store, tmp_path, runner):
    out = tmp_path / "g.html"
    result = runner.invoke(main, ["render", "--store", str(seeds_store), "-o", str(out), "--max-nodes", "20",
                                  "--title", "Seeds"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"wrote {re.escape(str(out))}: 20 entities \(\d+ shown first, \d+ left out\), \d+ relations\n"
                        r"seconds: \d+\.\d\n", result.output)
    assert "<title>Seeds</title>" in out.read_text(encoding="utf-8")
    written = out.stat().st_mtime_ns
    again = runner.invoke(main, ["render", "--store", str(seeds_store), "-o", str(out), "--max-nodes", "20",
                                 "--title", "Seeds"])
    assert again.exit_code == 0 and "is up to date" in again.output and "--force" in again.output
    assert out.stat().st_mtime_ns == written and "seconds: " in again.output
    forced = runner.invoke(main, ["render", "--store", str(seeds_store), "-o", str(out), "--max-nodes", "20",
                                  "--title", "Seeds", "--force"])
    assert forced.exit_code == 0 and forced.output.startswith("wrote ") and out.stat().st_mtime_ns != written


def test_a_page_is_written_again_when_the_store_or_the_options_change(tmp_path):
    store = trig_store("viewer_small.trig")
    path = tmp_path / "g.html"
    assert not render_graph(store, path).unchanged
    assert render_graph(store, path).unchanged
    assert not render_graph(store, path, budget=3).unchanged  # other options: another page
    assert render_graph(store, path, budget=3).unchanged
    doc = ox.NamedNode("https://graphbuild.org/id/doc/00000000000000c3")  # a build adds a document
    store.replace_graph(doc.value, [ox.Quad(doc, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                            ox.NamedNode("https://graphbuild.org/ontology#Document"), doc)])
    assert not render_graph(store, path, budget=3).unchanged


def test_render_command_reads_query_file_and_reports_errors(seeds_store, tmp_path, runner):
    query = tmp_path / "q.rq"
    query.write_text("CONSTRUCT { ?s gb:supports ?o } WHERE { ?s gb:supports ?o }", encoding="utf-8")
    args = ["render", "--store", str(seeds_store), "-o", str(tmp_path / "g.html")]
    assert runner.invoke(main, [*args, "-f", str(query)]).exit_code == 0
    assert runner.invoke(main, [*args, "--query-file", "-"], input=query.read_text(encoding="utf-8")).exit_code == 0
    for extra, code in ((["--focus", "Nowhere Land"], "E101"), (["-f", str(tmp_path / "nope")], "E011"),
                        (["--query", "ASK { ?s ?p ?o }"], "E102"), (["--hops", "3"], "E104 --hops")):
        result = runner.invoke(main, [*args, *extra])
        assert result.exit_code == 1 and code in result.output and "Traceback" not in result.output


def test_default_title_comes_from_the_documents(small, tmp_path):
    assert page_data(page_html(small)[0])["meta"]["title"] == "Knowledge graph of 2 documents"
    page = page_html(trig_store("viewer_xss.trig"))[0]
    assert "<title>&lt;/title&gt;&lt;script&gt;window.__xss=&#x27;doc&#x27;&lt;/script&gt;: knowledge graph</title>" in page


def test_knowledge_graph_render_and_show(small, tmp_path):
    from graphbuild import KnowledgeGraph

    kg = KnowledgeGraph(small)
    report = kg.render(tmp_path / "kg.html", focus="Pakistan", hops=1)
    assert report.path == tmp_path / "kg.html" and report.nodes == 3  # Pakistan, China, Taliban
    view = kg.show(max_nodes=2)
    assert view.report.left_out == 4 and "iframe" in view._repr_html_()
