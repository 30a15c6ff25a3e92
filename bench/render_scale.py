"""How fast the viewer opens large graphs, against pyvis with its defaults, in headless Chromium.

For random graphs of 500, 2,000 and 5,000 entities (two relations per entity, each with a
statement), this renders the same graph twice, opens each page in a fresh headless Chromium
with the network blocked, and prints the seconds from navigation start until the network is
drawn and interactive:

- graphbuild: ``graphbuild.viewer.render_graph`` on a store holding the graph; the page sets
  ``graphbuildViewer.readyAt`` after its first frame (layout done in Python, physics off).
- pyvis defaults: ``pyvis.network.Network()`` with the same nodes (label, tooltip, colour by class)
  and edges (label, tooltip). Two moments: "drawn", the first frame after its stabilisation
  iterations end (the loading bar goes, the graph shows but keeps moving), and "settled", the
  first frame after vis-network's ``stabilized`` event. The ratio uses "drawn", the kinder one.
  pyvis loads vis-network from a CDN, which would leave the page blank offline, so its script
  tag is replaced by the same vis-network file inlined (from the installed pyvis); the Bootstrap
  CDN links stay and are blocked. Waits are capped (``--cap``, default 240 s) and shown as "> cap".

Also printed: Python seconds to write each page, its size, and the milliseconds vis-network
takes to redraw one frame once ready (what panning and zooming cost).

With ``--stores``, it measures built stores instead (such as /work/scale/store-200 and
store-2000, opened read-only): the seconds of ``graphbuild render`` as a command (whole
process), split into its steps (reading the store, choosing, reading the sentences behind the chosen relations, layout, writing), of
``render --focus`` on the most connected entity, of a second ``render`` that finds the page up to
date, and the seconds Chromium takes to open the page until it is interactive; time to
interactive is the render plus the opening. The baseline in the same run is reading the store
alone (``load_graph``), so the ratio shows what selection, layout and page writing add to it.

    python bench/render_scale.py [--sizes 500 2000 5000] [--cap 240]
    python bench/render_scale.py --stores /work/scale/store-200 /work/scale/store-2000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from graphbuild.store import Store
from graphbuild.viewer import render_graph
from graphbuild.viewer.data import load_graph
from graphbuild.viewer.page import vis_network_js
from graphbuild.viewer.payload import CLASS_COLOURS
from graphbuild.vocab import ONTOLOGY_DIR

GB = "https://graphbuild.org/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SCHEMA = "https://schema.org/"
CLASSES = (SCHEMA + "Person", SCHEMA + "Organization", SCHEMA + "Country", SCHEMA + "Place", GB + "Concept")
PROPERTIES = ("supports", "meets", "urges", "accuses", "rejects", "visits", "praises", "cooperatesWith")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,900")

# Marks the first frames after pyvis's stabilisation iterations and after the layout settles
# (pyvis declares `network` globally; stabilisation runs in later tasks, so this is in time).
PYVIS_PROBE = """<script>
(function () {
  var at = function (name) { return function () { network.once("afterDrawing", function () {
    if (window[name] == null) window[name] = performance.now(); }); network.redraw(); }; };
  network.once("stabilizationIterationsDone", at("__drawnAt"));
  network.once("stabilized", at("__settledAt"));
})();
</script>"""


def random_store(n: int, seed: int = 1) -> Store:
    """A store shaped like a build's output: n entities, 2n distinct relations, one statement each."""
    rng = random.Random(seed)
    doc = f"https://graphbuild.org/id/doc/{seed:016x}"
    g = ox.NamedNode(doc)
    node = lambda i: ox.NamedNode(f"https://graphbuild.org/id/thing/e{i}")  # noqa: E731
    quads = [ox.Quad(g, ox.NamedNode(RDF + "type"), ox.NamedNode(GB + "Document"), g),
             ox.Quad(g, ox.NamedNode(RDFS + "label"), ox.Literal(f"Random report {seed}"), g)]
    for i in range(n):
        quads += [ox.Quad(node(i), ox.NamedNode(RDF + "type"), ox.NamedNode(rng.choice(CLASSES)), g),
                  ox.Quad(node(i), ox.NamedNode(RDFS + "label"), ox.Literal(f"Entity {i}"), g),
                  ox.Quad(node(i), ox.NamedNode(GB + "mentionCount"), ox.Literal(rng.randint(1, 12)), g)]
    pairs = set()
    while len(pairs) < 2 * n:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b and (b, a) not in pairs:
            pairs.add((a, b))
    for k, (a, b) in enumerate(sorted(pairs)):
        prop = GB + rng.choice(PROPERTIES)
        st = ox.NamedNode(f"https://graphbuild.org/id/statement/{seed:016x}-{k}")
        quads += [ox.Quad(node(a), ox.NamedNode(prop), node(b), g),
                  ox.Quad(st, ox.NamedNode(RDF + "type"), ox.NamedNode(GB + "Statement"), g),
                  ox.Quad(st, ox.NamedNode(RDF + "subject"), node(a), g),
                  ox.Quad(st, ox.NamedNode(RDF + "predicate"), ox.NamedNode(prop), g),
                  ox.Quad(st, ox.NamedNode(RDF + "object"), node(b), g),
                  ox.Quad(st, ox.NamedNode(GB + "sentence"), ox.Literal(f"Entity {a} acted on Entity {b} ({k})."), g),
                  ox.Quad(st, ox.NamedNode(GB + "document"), g, g),
                  ox.Quad(st, ox.NamedNode(GB + "asserted"), ox.Literal(True), g)]
    store = Store(None)
    ontology = "https://graphbuild.org/ontology"
    store.replace_graph(ontology, [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(ontology)) for t in
                                   ox.parse(path=str(ONTOLOGY_DIR / "graphbuild.ttl"), format=ox.RdfFormat.TURTLE)])
    store.replace_graph(doc, quads)
    return store


def pyvis_page(store: Store, path: Path) -> None:
    """The same graph drawn by pyvis with its default options, vis-network inlined so it loads offline."""
    from pyvis.network import Network

    graph = load_graph(store)
    net = Network()
    for e in graph.entities.values():
        net.add_node(e.iri, label=e.label, title=f"{e.label}\nclass: {e.cls}\nmentions: {e.mentions}",
                     color=CLASS_COLOURS.get(e.cls, "#97c2fc"))
    for r in graph.relations:
        net.add_edge(r.source, r.target, label=r.label, title=f"{r.label}: {len(r.statements)} sentences")
    here = os.getcwd()
    os.chdir(path.parent)  # pyvis copies its lib/ folder into the working directory
    try:
        net.write_html(str(path))
    finally:
        os.chdir(here)
    page = path.read_text(encoding="utf-8")
    vis_tag = re.compile(r'<script src="https://[^"]*vis-network[^"]*\.js"[^>]*></script>')
    assert vis_tag.search(page), "pyvis no longer links vis-network from a CDN; update this benchmark"
    page = vis_tag.sub(lambda _: "<script>" + vis_network_js() + "</script>", page, count=1)
    path.write_text(page.replace("</body>", PYVIS_PROBE + "\n</body>", 1), encoding="utf-8")


def chromium(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*"]})
    return driver


def time_page(path: Path, moments: list[str], network: str, cap: float, workdir: Path) -> tuple[list, float | None]:
    """Seconds from navigation start to each of ``moments`` (JS expressions giving ms, or null
    until reached; None if not reached within ``cap``), and the ms vis-network takes per redraw."""
    driver = chromium(Path(tempfile.mkdtemp(dir=workdir)))
    probe = "return [" + ", ".join(f"(() => {{ try {{ return {m}; }} catch (e) {{ return null; }} }})()"
                                   for m in moments) + "]"
    try:
        driver.set_page_load_timeout(cap + 60)
        driver.set_script_timeout(cap + 60)
        # a busy page answers late: wait longer than the cap for each command, not selenium's 120 s
        driver.command_executor.client_config.timeout = cap + 120
        started = time.monotonic()
        driver.get(path.as_uri())
        values = driver.execute_script(probe)
        while values[-1] is None and time.monotonic() - started < cap:
            time.sleep(0.05)
            values = driver.execute_script(probe)
        seconds = [v / 1000 if v is not None else None for v in values]
        if seconds[-1] is None:
            return seconds, None
        frame = driver.execute_script(f"""const n = {network}; const t = performance.now();
            for (let i = 0; i < 5; i++) n.renderer._redraw(); return (performance.now() - t) / 5;""")
        return seconds, frame
    finally:
        driver.quit()


def render_command(store: Path, out: Path, *extra: str) -> tuple[float, dict]:
    """Seconds of ``graphbuild render`` run as its own process, and its JSON report."""
    started = time.perf_counter()
    command = shutil.which("graphbuild", path=os.path.dirname(sys.executable)) or "graphbuild"
    done = subprocess.run([command, "render", "--store", str(store), "-o", str(out),
                           "--format", "json", *extra], capture_output=True, text=True, check=True)
    return time.perf_counter() - started, json.loads(done.stdout)


def measure_stores(stores: list[Path], cap: float) -> None:
    from graphbuild.viewer import render
    from graphbuild.viewer.select import choose

    workdir = Path(tempfile.mkdtemp(prefix="render-stores-"))
    header = (f"{'store':<28} {'entities':>8} | {'read s (baseline)':>17} | {'render s':>8} {'steps: read/choose/sentences/layout/write':>41} "
              f"{'ratio':>6} | {'focus s':>7} {'unchanged s':>11} | {'open s':>6} {'interactive s':>13}")
    print(header)
    print("-" * len(header))
    try:
        for store_path in stores:
            with Store(store_path, read_only=True) as store:
                t = time.perf_counter()
                graph = load_graph(store)
                read = time.perf_counter() - t
                top = graph.entities[next(iter(choose(graph).graph.entities))].label
                marks = [time.perf_counter()]

                def step(name: str) -> None:
                    marks.append(time.perf_counter())

                page = workdir / f"{store_path.name}.html"
                render.render_graph(store, page, force=True, progress=step)
                marks.append(time.perf_counter())
                steps = [b - a for a, b in zip(marks[1:], marks[2:])]
            whole, report = render_command(store_path, page, "--force")
            focus, _ = render_command(store_path, workdir / "focus.html", "--focus", top, "--force")
            again, second = render_command(store_path, page)
            assert second["unchanged"], "the second render should find the page up to date"
            (opened,), _ = time_page(page, ["window.graphbuildViewer.readyAt"], "graphbuildViewer.network", cap, workdir)
            split = "/".join(f"{v:.1f}" for v in steps)
            print(f"{str(store_path):<28} {report['nodes']:>8} | {read:>17.1f} | {whole:>8.1f} {split:>41} "
                  f"{whole / read:>5.1f}x | {focus:>7.1f} {again:>11.1f} | {opened or float('nan'):>6.2f} "
                  f"{whole + (opened or float('nan')):>13.1f}", flush=True)
            print(f"  focus: {top!r}; first view {report['first']} of {report['nodes']} entities, "
                  f"{report['edges']} relations", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--cap", type=float, default=240.0, help="seconds to wait for a pyvis page")
    parser.add_argument("--stores", type=Path, nargs="+", help="built stores to render (read-only)")
    args = parser.parse_args()
    if args.stores:
        measure_stores(args.stores, args.cap)
        return
    workdir = Path(tempfile.mkdtemp(prefix="render-scale-"))
    print("pyvis defaults load vis-network from a CDN (blank page offline): this run inlines the same local "
          "vis-network file into the pyvis page so that it can draw at all.")
    header = (f"{'nodes':>6} {'edges':>6} | {'gb write s':>10} {'gb MB':>6} {'gb open s':>9} {'gb frame ms':>11} | "
              f"{'pyvis write s':>13} {'pyvis MB':>8} {'pyvis drawn s':>13} {'pyvis settled s':>15} "
              f"{'pyvis frame ms':>14} | {'ratio (drawn)':>13}")
    print(header)
    print("-" * len(header))
    fmt = lambda v, digits=1: f"{v:.{digits}f}" if v is not None else f"> {args.cap:.0f}"  # noqa: E731
    try:
        for n in args.sizes:
            store = random_store(n)
            ours, theirs = workdir / f"graphbuild-{n}.html", workdir / f"pyvis-{n}.html"
            t = time.perf_counter()
            report = render_graph(store, ours, title=f"Random graph of {n} entities")
            ours_write = time.perf_counter() - t
            t = time.perf_counter()
            pyvis_page(store, theirs)
            theirs_write = time.perf_counter() - t
            (ours_open,), ours_frame = time_page(ours, ["window.graphbuildViewer.readyAt"], "graphbuildViewer.network",
                                                 args.cap, workdir)
            (drawn, settled), theirs_frame = time_page(theirs, ["window.__drawnAt", "window.__settledAt"], "network",
                                                       args.cap, workdir)
            ratio = (f"{drawn / ours_open:.0f}x" if drawn else f"> {args.cap / ours_open:.0f}x") if ours_open else "n/a"
            print(f"{report.nodes:>6} {report.edges:>6} | {ours_write:>10.1f} {ours.stat().st_size / 1e6:>6.1f} "
                  f"{fmt(ours_open, 2):>9} {fmt(ours_frame):>11} | {theirs_write:>13.1f} "
                  f"{theirs.stat().st_size / 1e6:>8.1f} {fmt(drawn):>13} {fmt(settled):>15} "
                  f"{(f'{theirs_frame:.1f}' if theirs_frame is not None else '-'):>14} | {ratio:>13}", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
