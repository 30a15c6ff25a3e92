"""The viewer page in a real headless Chromium: it draws offline, clicks and searches work, text stays text."""

from __future__ import annotations

import random

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
    assert chromium.execute_script(f"return {VIEWER}.nodeView.length") == report.nodes > 50
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
        const middle = n.body.edges[arguments[0]].edgeType.getPoint(0.5);
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
    count = f"[{VIEWER}.nodeView.length, {VIEWER}.edgeView.length]"
    assert chromium.execute_script(f"return {count}") == [6, 5]  # 2 statements are not asserted: hidden
    chromium.find_element(By.ID, "gb-uncertain").click()
    assert chromium.execute_script(f"return {count}") == [6, 7]
    dashed = chromium.execute_script(f"return {VIEWER}.edgeView.get().filter(e => e.dashes).map(e => e.label).sort()")
    assert dashed == ["accuses", "not opposes"]
    person = chromium.find_element(By.XPATH, "//ul[@id='gb-classes']//label[span[text()='Person']]/input")
    person.click()
    assert chromium.execute_script(f"return {count}") == [4, 5]  # Ishaq Dar and Wang Yi hidden with their edges
    assert "4 visible" in chromium.find_element(By.ID, "gb-status").text
    support = chromium.find_element(By.XPATH, "//ul[@id='gb-categories']//label[span[text()='support']]/input")
    support.click()
    assert chromium.execute_script(f"return {count}") == [4, 4]
    # searching a hidden entity turns its class back on
    assert chromium.execute_script(f"return {VIEWER}.search('islamic republic of pakistan')") >= 0
    assert chromium.execute_script(f"return {VIEWER}.search('Wang')") >= 0
    assert chromium.execute_script(f"return {count}")[0] == 6


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
    assert state[:3] == [1000, True, False]
    assert "200 left out" in state[3]
    assert png_colours(canvas(chromium).screenshot_as_png) > 5
    assert console_errors(chromium) == []
