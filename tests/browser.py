"""Shared helpers of the viewer tests (a plain module: ``from browser import ...``).

Headless Chromium that logs console messages and network events and blocks every http(s)/ws
URL, so a test can assert that a page makes no request and logs no error; a PNG check that a
screenshot is not blank; stores made from TriG files in ``tests/data/viewer_*.trig``.
"""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from collections import defaultdict
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,900")


def start_chromium(profile: Path):
    """A new headless Chromium with a fresh profile in ``profile``; network requests are blocked."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    return driver


def open_page(driver, path: Path, timeout: float = 60) -> None:
    """Load ``path`` and wait until the viewer says it has drawn the network."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # forget messages of earlier pages
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return !!(window.graphbuildViewer && window.graphbuildViewer.ready)"))


def console_errors(driver) -> list[str]:
    """Console messages at level SEVERE since the page was opened (errors, CSP violations)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requests_made(driver, page: Path) -> list[str]:
    """URLs the page requested, other than the page itself."""
    own = page.resolve().as_uri()
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url != own:
                urls.append(url)
    return urls


def wait_for(driver, script: str, timeout: float = 10):
    """Poll ``script`` (a JS expression) until it is truthy; return its value."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(f"return {script}"))


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    """One headless Chromium per test module."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("headless Chromium and chromedriver are not installed (.ci/run installs them)")
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


DATA = Path(__file__).resolve().parent / "data"
ONTOLOGY_GRAPH = "https://graphbuild.org/ontology"


def trig_store(name: str):
    """An in-memory store holding ``tests/data/<name>`` (TriG) plus the ontology, as a build leaves it."""
    import pyoxigraph as ox

    from graphbuild.store import Store
    from graphbuild.vocab import ONTOLOGY_DIR

    store = Store(None)
    ontology = ox.parse(path=str(ONTOLOGY_DIR / "graphbuild.ttl"), format=ox.RdfFormat.TURTLE)
    store.replace_graph(ONTOLOGY_GRAPH, [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(ONTOLOGY_GRAPH))
                                         for t in ontology])
    graphs = defaultdict(list)
    for quad in ox.parse(path=str(DATA / name), format=ox.RdfFormat.TRIG):
        graphs[quad.graph_name.value].append(quad)
    for graph, quads in graphs.items():
        store.replace_graph(graph, quads)
    return store


def png_colours(png: bytes) -> int:
    """How many distinct colours an 8-bit RGB(A) PNG (a Chromium screenshot) holds."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type = header[:4]
    assert depth == 8 and colour_type in (2, 6), f"unexpected PNG format {header}"
    bpp = 4 if colour_type == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    previous, colours = bytearray(stride), set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):  # undo the PNG row filter
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        if row % 4 == 0:  # every fourth row is plenty to tell a drawing from a blank page
            colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp))
        previous = line
    return len(colours)
