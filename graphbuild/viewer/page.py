"""Assemble the single self-contained HTML page: template, styles, vis-network, viewer script, data.

Nothing is fetched when the page opens: vis-network is read from the installed pyvis package and
inlined, the graph is inlined as JSON. Escaping is the page's safety:

- text that goes into HTML (the title) is HTML-escaped;
- the JSON is made safe inside ``<script>``: ``<``, ``>``, ``&``, U+2028 and U+2029 become
  ``\\uXXXX`` escapes, so no string in it can close the element; the page script reads it with
  ``JSON.parse`` and writes every text with ``textContent``, never ``innerHTML``;
- a Content-Security-Policy allows only the page's own scripts (by nonce) and no requests.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import E103, GraphbuildError

__all__ = ["build_page", "json_for_script", "vis_network_js"]

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def build_page(payload: dict, title: str, stamp: str = "") -> str:
    """The whole HTML document for ``payload`` (see :mod:`graphbuild.viewer.payload`); ``stamp``
    (letters, digits, commas and spaces) records what it was made from."""
    data = json_for_script(payload)
    vis = _script_safe(vis_network_js())
    app = _script_safe(_asset("viewer.js"))
    nonce = hashlib.sha256(f"{data}\0{app}".encode()).hexdigest()[:32]
    values = {"title": html.escape(title, quote=True), "style": _asset("viewer.css"), "data": data,
              "vis": vis, "app": app, "nonce": nonce,
              "stamp": html.escape(stamp, quote=True)}
    # one pass: text put in by a replacement is never scanned again for placeholders
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("viewer.html"))


def json_for_script(value: object) -> str:
    """JSON that is inert inside an HTML ``<script>`` element.

    >>> json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The standalone vis-network build that the installed pyvis package ships (newest version)."""
    spec = importlib.util.find_spec("pyvis")  # locate without importing pyvis (it imports IPython)
    roots = list(spec.submodule_search_locations or []) if spec else []
    candidates = sorted(
        (p for root in roots for p in Path(root).glob("lib/vis-*/vis-network.min.js")),
        key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.parent.name)),
    )
    if not candidates:
        raise GraphbuildError(E103.format(path=", ".join(f"{r}/lib" for r in roots) or "nowhere: pyvis is not installed"))
    return candidates[-1].read_text(encoding="utf-8")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _script_safe(js: str) -> str:
    """Keep inlined code from ending its ``<script>`` element early (a no-op for vis-network)."""
    return re.sub(r"<(/script|!--)", r"<\\\1", js, flags=re.IGNORECASE)
