"""The viewer page in a real headless Chromium: it draws offline, clicks and searches work, text stays text."""

from __future__ import annotations

import base64
import random
import re
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from browser import (  # noqa: F401  (chromium is a fixture)
    chromium,
    console_errors,
    open_page,
    png_colours,
    requests_made,
    trig_store,
    wait_for,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from graphbuild.store import Store
from graphbuild.viewer import render_graph

pytestmark = pytest.mark.browser

VIEWER = "window.graphbuildViewer"


@pytest.fixture(scope="module")
def seeds_page(seeds_store, tmp_path_factory):
    """The seeds graph (built once per session by conftest) rendered once for this module."""
    path = tmp_path_factory.mktemp("viewer") / "seeds.html"
    with Store(seeds_store, read_only=True) as store:
        report = render_graph(store, path, title="Seeds")
    return path, report


def canvas(driver):
    return driver.find_element(By.CSS_SELECTOR, "#gb-network canvas")


def test_seeds_graph_draws_offline_without_errors(chromium, seeds_page):
    path, report = seeds_page
    open_page(chromium, path)
    assert chromium.execute_script(f"return {VIEWER}.nodeView.length") == report.first > 15
    assert png_colours(canvas(chromium).screenshot_as_png) > 20, "the network canvas is blank"
    assert console_errors(chromium) == []
    assert requests_made(chromium, path) == []
    assert chromium.title == "Seeds"


def test_search_box_finds_ishaq_dar_and_focuses_it(chromium, seeds_page):
    path, _ = seeds_page
    open_page(chromium, path)
    target = chromium.execute_script(f"return {VIEWER}.findNode('Ishaq Dar')")
    assert chromium.execute_script(f"return {VIEWER}.data.nodes[arguments[0]][0]", target) == "Ishaq Dar"
    box = chromium.find_element(By.ID, "gb-search")
    box.send_keys("ishaq dar", Keys.ENTER)
    wait_for(chromium, f"{VIEWER}.network.getSelectedNodes()[0] === {target}")
    assert chromium.find_element(By.ID, "gb-panel-title").text == "Ishaq Dar"
    # the view ends centred on the node (after a short animation)
    wait_for(chromium, f"""(() => {{ const n = {VIEWER}.network; const p = n.getPositions([{target}])[{target}];
        const v = n.getViewPosition(); return Math.hypot(p.x - v.x, p.y - v.y) < 2; }})()""")
    assert console_errors(chromium) == []


def test_clicking_an_edge_shows_the_sentences_behind_it(chromium, tmp_path):
    path = tmp_path / "small.html"
    render_graph(trig_store("viewer_small.trig"), path)
    open_page(chromium, path)
    edge = chromium.execute_script(f"""const d = {VIEWER}.data;
        return d.edges.findIndex(e => d.nodes[e[0]][0] === 'China' && d.props[e[2]][0] === 'supports');""")
    # bring the middle of the edge to the centre of the canvas, then click there like a user
    chromium.execute_script(f"""const n = {VIEWER}.network;
        const middle = n.body.edges[{VIEWER}.bundleOf[arguments[0]]].edgeType.getPoint(0.5);
        n.moveTo({{position: middle, scale: 1.5}});""", edge)
    ActionChains(chromium).move_to_element(canvas(chromium)).click().perform()
    wait_for(chromium, "!document.getElementById('gb-panel').hidden")
    assert chromium.find_element(By.ID, "gb-panel-title").text == "China \u2192 supports \u2192 Pakistan"
    sentences = [e.text for e in chromium.find_elements(By.CSS_SELECTOR, ".gb-sentence")]
    assert sorted(sentences) == ["Beijing reaffirmed that China supports Pakistan.",
                                 "China firmly supports Pakistan in safeguarding its sovereignty."]
    docs = {e.text for e in chromium.find_elements(By.CSS_SELECTOR, ".gb-doc")}
    assert docs == {"Talks in Beijing", "A second report"}
    marks = {(m.get_attribute("class"), m.text) for m in chromium.find_elements(By.CSS_SELECTOR, ".gb-sentence mark")}
    assert {("gb-s", "China"), ("gb-p", "supports"), ("gb-o", "Pakistan")} <= marks
    assert console_errors(chromium) == []


def test_filters_and_the_uncertain_toggle(chromium, tmp_path):
    path = tmp_path / "small.html"
    render_graph(trig_store("viewer_small.trig"), path)
    open_page(chromium, path)
    count = f"[{VIEWER}.nodeView.length, {VIEWER}.edgeView.length, {VIEWER}.counts.relations]"
    assert chromium.execute_script(f"return {count}") == [6, 4, 5]  # 2 relations are not asserted: hidden
    chromium.find_element(By.ID, "gb-uncertain").click()
    assert chromium.execute_script(f"return {count}") == [6, 5, 5]
    assert chromium.execute_script(f"return {VIEWER}.counts.uncertain") == 2
    dashed = chromium.execute_script(f"return {VIEWER}.edgeView.get().filter(e => e.dashes).map(e => e.label).sort()")
    assert dashed == ["accuses"]  # "not opposes" joins "supports" in the China-Pakistan bundle
    bundles = chromium.execute_script(f"const v = {VIEWER}; return v.edgeView.get().filter(e => e.label.endsWith("
                                      "'relations')).map(e => [v.data.nodes[e.from][0], v.data.nodes[e.to][0], e.label])")
    assert sorted(sorted(b[:2]) + [b[2]] for b in bundles) == [["China", "Pakistan", "2 relations"],
                                                              ["Pakistan", "Taliban", "2 relations"]]
    person = chromium.find_element(By.XPATH, "//ul[@id='gb-classes']//label[span[text()='Person']]/input")
    person.click()
    assert chromium.execute_script(f"return {count}")[:2] == [4, 3]  # Ishaq Dar and Wang Yi hidden with their edges
    assert chromium.find_element(By.ID, "gb-status").text.startswith("4 of 6 entities")
    support = chromium.find_element(By.XPATH, "//ul[@id='gb-categories']//label[span[text()='support']]/input")
    support.click()
    assert chromium.execute_script(f"return {count}")[:2] == [4, 3]
    # searching a hidden entity turns its class back on
    assert chromium.execute_script(f"return {VIEWER}.search('islamic republic of pakistan')") >= 0
    assert chromium.execute_script(f"return {VIEWER}.search('Wang')") >= 0
    assert chromium.execute_script(f"return {count}")[0] == 6


def test_tooltip_and_panel_give_the_same_relation_count(chromium, seeds_page):
    path, _ = seeds_page
    open_page(chromium, path)
    node = chromium.execute_script(f"return {VIEWER}.findNode('Pakistan')")
    title = chromium.execute_script(f"return {VIEWER}.nodes.get(arguments[0]).title", node)
    chromium.execute_script(f"{VIEWER}.showNode(arguments[0])", node)
    heading = chromium.find_element(By.CSS_SELECTOR, "#gb-panel-body h3").text
    stated = re.search(r"relations: (\d+)", title).group(1)
    assert heading.startswith(f"Relations: {stated} ") and int(stated) > 10
    listed = int(re.search(r"(\d+) listed", heading).group(1))
    assert listed == len(chromium.find_elements(By.CSS_SELECTOR, "#gb-panel-body .gb-rel li")) > 10


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_hostile_text_is_shown_as_text_and_never_runs(chromium, tmp_path, csp):
    title = "</title><script>window.__xss='title'</script><img src=x onerror=\"window.__xss='h1'\"> href"
    path = tmp_path / "xss.html"
    render_graph(trig_store("viewer_xss.trig"), path, title=title, show_uncertain=True)
    if not csp:  # prove the escaping on its own, without the Content-Security-Policy behind it
        page = path.read_text(encoding="utf-8")
        start = page.index('<meta http-equiv="Content-Security-Policy"')
        path.write_text(page[:start] + page[page.index(">", start) + 1:], encoding="utf-8")
    open_page(chromium, path)
    assert chromium.title == title
    assert chromium.find_element(By.ID, "gb-title").text == title
    label = "<img src=x onerror=\"window.__xss='label'\">"
    node = chromium.execute_script(f"return {VIEWER}.search(arguments[0])", "onerror")
    assert chromium.find_element(By.ID, "gb-panel-title").text == label
    chromium.execute_script(f"{VIEWER}.showEdge(0)")
    sentence = chromium.find_element(By.CSS_SELECTOR, ".gb-sentence").text
    assert "</script><script>window.__xss='script'</script>" in sentence and "<!-- <script>" in sentence
    assert "<b onmouseover=window.__xss='time'>now</b>" in chromium.find_element(By.CSS_SELECTOR, ".gb-details").text
    # hover the node: vis-network's tooltip shows the label as text
    chromium.execute_script(f"{VIEWER}.network.moveTo({{position: {VIEWER}.network.getPositions([{node}])[{node}], scale: 1}})")
    ActionChains(chromium).move_to_element(canvas(chromium)).move_by_offset(1, 1).perform()
    wait_for(chromium, "(() => { const t = document.querySelector('div.vis-tooltip');"
                       " return t && t.style.visibility === 'visible'; })()")
    tooltip = chromium.execute_script("const t = document.querySelector('div.vis-tooltip');"
                                      " return [t.textContent, [...t.children].map(c => c.tagName)]")
    assert tooltip[0].startswith(label) and set(tooltip[1]) <= {"BR"}  # innerText turns newlines into <br>
    chromium.find_element(By.ID, "gb-search").send_keys("<img src=x onerror=window.__xss='typed'>", Keys.ENTER)
    injected = chromium.execute_script(
        "return document.querySelectorAll('img, a, b, iframe, object, embed').length + "
        "document.querySelectorAll('script').length - 3")
    assert injected == 0
    assert chromium.execute_script("return window.__xss === undefined")
    assert console_errors(chromium) == []
    assert requests_made(chromium, path) == []


def test_a_large_graph_opens_with_positions_fixed(chromium, tmp_path):
    """1,200 nodes take the large-graph path: positions from Python, physics off, no hover highlight."""
    rng, n = random.Random(5), 1200
    graph = "https://graphbuild.org/id/doc/00000000000000ff"
    gb, rdfs = "https://graphbuild.org/ontology#", "http://www.w3.org/2000/01/rdf-schema#"
    quads = [ox.Quad(ox.NamedNode(f"https://graphbuild.org/id/concept/n{i}"), ox.NamedNode(p), o, ox.NamedNode(graph))
             for i in range(n) for p, o in ((gb + "mentionCount", ox.Literal(1 + i % 7)),
                                            (rdfs + "label", ox.Literal(f"node {i}")))]
    quads += [ox.Quad(ox.NamedNode(f"https://graphbuild.org/id/concept/n{rng.randrange(n)}"), ox.NamedNode(gb + "supports"),
                      ox.NamedNode(f"https://graphbuild.org/id/concept/n{rng.randrange(n)}"), ox.NamedNode(graph))
              for _ in range(2 * n)]
    store = Store(None)
    store.replace_graph(graph, quads)
    store.replace_graph("https://graphbuild.org/ontology", [ox.Quad(ox.NamedNode(gb + "supports"), ox.NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(gb + "Relation"),
        ox.NamedNode("https://graphbuild.org/ontology"))])
    path = tmp_path / "large.html"
    report = render_graph(store, path, max_nodes=1000)
    assert report.nodes == 1000 and report.left_out == 200
    open_page(chromium, path)
    state = chromium.execute_script(f"const v = {VIEWER}; return [v.nodeView.length, v.data.meta.large,"
                                    " v.network.physics.physicsEnabled, document.getElementById('gb-status').textContent]")
    assert state[:3] == [200, True, False]  # the first view; "show more" adds the next 200
    assert "200 entities not in this page" in state[3]
    chromium.find_element(By.ID, "gb-more").click()
    assert chromium.execute_script(f"return {VIEWER}.nodeView.length") == 400
    assert png_colours(canvas(chromium).screenshot_as_png) > 5
    assert console_errors(chromium) == []


# ---------------------------------------------------------------- the first view, at two sizes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


@pytest.fixture(scope="module")
def wikinews_page(tmp_path_factory):
    """200 distinct articles made from the shared Wikinews articles, built and rendered once."""
    from wikinews_corpus import WIKINEWS, write_corpus

    from graphbuild import KnowledgeGraph

    if not WIKINEWS.is_dir():
        pytest.fail(f"the shared Wikinews articles are missing from {WIKINEWS}")
    folder = tmp_path_factory.mktemp("wikinews-200")
    write_corpus(200, folder / "corpus")
    with KnowledgeGraph.open(folder / "store") as kg:
        kg.build([folder / "corpus"])
        report = kg.render(folder / "graph.html")
    return folder / "graph.html", report


FIRST_VIEW = f"""const v = {VIEWER}; const d = v.data;
  const shown = d.nodes.map((n, i) => i).filter(i => v.isVisible(i));
  const central = shown.slice().sort((a, b) => d.nodes[b][8] - d.nodes[a][8] || a - b).slice(0, 20);
  return {{shown: shown, flagged: d.nodes.map((n, i) => i).filter(i => d.nodes[i][10] === 1),
          central: central.map(i => [d.nodes[i][0], v.inViewport(i), v.labelPixels(i)]),
          hiddenStronger: d.nodes.map((n, i) => i).filter(i => !v.isVisible(i) && d.classes[d.nodes[i][1]][0] !== 'Concept'
            && d.nodes[i][8] > Math.min(...shown.map(j => d.nodes[j][8]))).length}};"""


@pytest.mark.parametrize("name", ["seeds", "wikinews"])
def test_first_view_shows_the_most_central_entities_with_readable_labels(chromium, request, name):
    path, report = request.getfixturevalue(f"{name}_page")
    open_page(chromium, path)
    view = chromium.execute_script(FIRST_VIEW)
    assert view["shown"] == view["flagged"] and len(view["shown"]) == report.first  # the page agrees with Python
    assert 15 < report.first <= 200 and report.nodes > report.first
    assert view["hiddenStronger"] == 0  # no named entity with more relations waits behind "show more"
    assert len(view["central"]) == 20
    for label, inside, pixels in view["central"]:
        assert inside, f"{label} is outside the viewport"
        assert pixels >= 12, f"the label of {label} is drawn at {pixels:.1f} px"
    shot = canvas(chromium).screenshot_as_png
    (path.parent / f"{name}-first-view.png").write_bytes(shot)
    assert png_colours(shot) > 20, "the network canvas is blank"
    assert console_errors(chromium) == []
    assert requests_made(chromium, path) == []


def test_double_clicking_a_node_adds_its_neighbours(chromium, wikinews_page):
    path, _ = wikinews_page
    open_page(chromium, path)
    node, waiting = chromium.execute_script(f"""const v = {VIEWER}; const d = v.data;
        const hidden = (i) => new Set(d.edges.filter(e => (e[0] === i || e[1] === i) && !(e[3] & 1))
          .map(e => e[0] === i ? e[1] : e[0]).filter(j => !v.isVisible(j)));
        const i = d.nodes.map((n, k) => k).filter(k => v.isVisible(k)).sort((a, b) => hidden(b).size - hidden(a).size)[0];
        return [i, [...hidden(i)].sort((a, b) => a - b)];""")
    assert waiting, "no shown entity has a hidden neighbour"
    before = chromium.execute_script(f"return {VIEWER}.nodeView.length")
    chromium.execute_script(f"{VIEWER}.network.focus(arguments[0], {{scale: 1.5, animation: false}})", node)
    assert chromium.execute_script(f"""const n = {VIEWER}.network; const c = document.querySelector('#gb-network canvas');
        return n.getNodeAt({{x: c.clientWidth / 2, y: c.clientHeight / 2}})""") == node  # nothing on top of it
    ActionChains(chromium).move_to_element(canvas(chromium)).double_click().perform()
    wait_for(chromium, f"{VIEWER}.nodeView.length > {before}")
    assert chromium.execute_script(f"return {VIEWER}.nodeView.length") == before + len(waiting)
    assert all(chromium.execute_script(f"return {VIEWER}.isVisible(arguments[0])", j) for j in waiting)
    assert "added " + str(len(waiting)) + " neighbours" in chromium.find_element(By.ID, "gb-status").text
    assert console_errors(chromium) == []


def status_counts(driver) -> tuple[int, int]:
    text = driver.find_element(By.ID, "gb-status").text
    entities, relations = re.match(r"(\d+) of \d+ entities \u00b7 (\d+) of \d+ relations", text).groups()
    return int(entities), int(relations)


def test_status_counts_follow_the_filters_and_reset_restores_them(chromium, wikinews_page):
    path, report = wikinews_page
    open_page(chromium, path)
    first = status_counts(chromium)
    assert first[0] == report.first and first[1] == chromium.execute_script(f"return {VIEWER}.counts.relations")
    waiting = chromium.execute_script(f"return {VIEWER}.counts.waiting")
    chromium.find_element(By.ID, "gb-concepts").click()
    # named entities come first, so the budget still shows them; the concepts wait behind "show more"
    assert status_counts(chromium) == first
    assert chromium.execute_script(f"return {VIEWER}.counts.waiting") > waiting
    chromium.find_element(By.ID, "gb-more").click()
    more = status_counts(chromium)
    assert more[0] > first[0] and more[1] > first[1]
    concepts = chromium.execute_script(f"const v = {VIEWER}; return v.data.nodes.filter((n, i) => v.isVisible(i)"
                                       " && v.data.classes[n[1]][0] === 'Concept').length")
    assert concepts > 0
    chromium.execute_script("const s = document.getElementById('gb-min'); s.value = '3';"
                            " s.dispatchEvent(new Event('input'))")
    fewer = status_counts(chromium)
    assert fewer[0] < more[0] and fewer[1] < more[1]
    chromium.execute_script(f"{VIEWER}.reset()")
    options = chromium.execute_script("return document.getElementById('gb-doc').options.length")
    per_document = []
    for option in range(1, options):  # a document whose relations the first view shows
        chromium.execute_script(f"const s = document.getElementById('gb-doc'); s.value = s.options[{option}].value;"
                                " s.dispatchEvent(new Event('change'))")
        per_document.append(status_counts(chromium))
        if per_document[-1][1] > 0:
            break
    one_doc = per_document[-1]
    assert 0 < one_doc[0] < first[0] and 0 < one_doc[1] < first[1]
    chromium.find_element(By.ID, "gb-reset").click()
    assert status_counts(chromium) == first
    png = chromium.execute_script(f"return {VIEWER}.exportPng()")
    assert png.startswith("data:image/png;base64,")
    assert png_colours(base64.b64decode(png.split(",", 1)[1])) > 20
    assert console_errors(chromium) == []
