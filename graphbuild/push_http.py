"""The HTTP side of ``push``: requests that carry credentials safely, and errors that say why.

- Redirects are never followed: a redirect would carry the credentials (and the data) to a
  URL the user did not name, so it is an error that names both URLs (E256).
- Credentials are sent as HTTP Basic at once, or as Digest when the target asks for it;
  a 401 says so plainly (E257).
- ``--via update`` sends a graph in bounded batches (:func:`update_requests`), and no error
  message ever repeats a request body, even when the target's answer quotes it.
"""

from __future__ import annotations

import base64
import http.client
import re
import socket
import urllib.error
import urllib.request
from hashlib import sha256
from urllib.parse import quote, urljoin

import pyoxigraph as ox

from .errors import E221, E222, E223, E228, E256, E257, OutputError

__all__ = ["Target", "Unreachable", "gsp_request", "redact", "update_requests"]

_MAX_DETAIL = 200  # characters of the target's own error message shown
_PIECE = 16  # any quote of 24 or more characters of the request contains a piece this long


class Unreachable(Exception):
    """The target cannot take any graph (down, redirecting, refusing us): stop pushing."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # urllib then raises HTTPError with the 3xx status


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***``, even when the URL is malformed.

    >>> redact("http://admin:s3cret@example.org:8080/x@y")
    'http://admin:***@example.org:8080/x@y'
    """
    scheme, sep, rest = url.partition("://")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    at = rest.rfind("@", 0, len(authority)) if "@" in authority else rest.rfind("@")
    if not sep or at < 0 or ":" not in rest[:at]:
        return url
    return f"{scheme}://{rest[:at].split(':', 1)[0]}:***{rest[at:]}"


def gsp_request(url: str, graph: str, triples: list[ox.Triple]) -> tuple[str, str, bytes, str]:
    """``(method, url, body, content type)`` of a Graph Store Protocol PUT of one graph."""
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    target = url + ("&" if "?" in url else "?") + "graph=" + quote(graph, safe="")
    return "PUT", target, body, "application/n-triples"


def update_requests(url: str, graph: str, triples: list[ox.Triple], batch: int) -> list[tuple[str, str, bytes, str]]:
    """SPARQL updates that replace ``graph``, at most ``batch`` triples each.

    One batch: ``DROP SILENT GRAPH ; INSERT DATA`` in one request. More: the batches fill a
    staging graph, and a last ``MOVE`` replaces the graph in one step, so the target never
    shows half a graph. Triples with blank nodes travel together (a blank node label holds
    only within one request).
    """
    plain = [t for t in triples if not _has_blank_node(t)]
    chunks = [plain[i:i + batch] for i in range(0, len(plain), batch)]
    blank = [t for t in triples if _has_blank_node(t)]
    if blank:
        chunks.append(blank)
    if len(chunks) <= 1:
        return [_update(url, f"DROP SILENT GRAPH <{graph}> ;\n" + _insert(graph, chunks[0] if chunks else []))]
    staging = "urn:graphbuild:push:staging:" + sha256(graph.encode("utf-8")).hexdigest()[:32]
    requests = [_update(url, f"DROP SILENT GRAPH <{staging}> ;\n" + _insert(staging, chunks[0]))]
    requests += [_update(url, _insert(staging, chunk)) for chunk in chunks[1:]]
    requests.append(_update(url, f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>"))
    return requests


def _has_blank_node(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _insert(graph: str, triples: list[ox.Triple]) -> str:
    data = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{data}}} }}"


def _update(url: str, text: str) -> tuple[str, str, bytes, str]:
    return "POST", url, text.encode("utf-8"), "application/sparql-update"


class Target:
    """Where a push goes: the URL as shown to the user (no password), credentials, timeout."""

    def __init__(self, url: str, shown: str, *, token: str | None, user: str | None, password: str | None,
                 timeout: float) -> None:
        self.url, self.shown, self.timeout = url, shown, timeout
        self.credentials = bool(token) or user is not None
        handlers: list = [_NoRedirect]
        self._auth = None
        if token:
            self._auth = f"Bearer {token}"
        elif user is not None:  # an empty user name is valid, as in http://:token@host/
            pair = f"{user}:{password or ''}".encode("utf-8")
            self._auth = "Basic " + base64.b64encode(pair).decode("ascii")
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, user, password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, graph: str, request: tuple[str, str, bytes, str]) -> None:
        """Send one request for ``graph``; raise :class:`Unreachable` or :class:`OutputError`."""
        method, url, body, content_type = request
        prepared = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type})
        if self._auth:  # unredirected: never copied onto another request, and Digest may replace it
            prepared.add_unredirected_header("Authorization", self._auth)
        try:
            with self._opener.open(prepared, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise self._refusal(exc, graph, body) from None
        except (socket.timeout, TimeoutError) as exc:
            raise Unreachable(E223.format(url=self.shown, timeout=self.timeout, graph=graph)) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise Unreachable(E223.format(url=self.shown, timeout=self.timeout, graph=graph)) from exc
            cause = getattr(exc.reason, "strerror", None) or exc.reason
            raise Unreachable(E221.format(url=self.shown, cause=cause)) from exc
        except OSError as exc:  # connection reset half-way and the like
            raise Unreachable(E221.format(url=self.shown, cause=exc.strerror or exc)) from exc
        except (ValueError, http.client.InvalidURL) as exc:  # if the URL checks missed one
            raise Unreachable(E228.format(url=self.shown, cause=exc)) from exc
        except http.client.HTTPException as exc:  # an answer that is not HTTP
            raise Unreachable(E221.format(url=self.shown, cause=f"{type(exc).__name__} {exc}".strip())) from exc

    def _refusal(self, exc: urllib.error.HTTPError, graph: str, body: bytes) -> Exception:
        with exc:
            answer = exc.read(4096).decode("utf-8", "replace")
        if 300 <= exc.code < 400:
            location = urljoin(exc.url or self.url, exc.headers.get("Location") or "")
            return Unreachable(E256.format(url=self.shown, status=exc.code, location=redact(location) or "(nowhere)"))
        if exc.code == 401:
            challenge = (exc.headers.get("WWW-Authenticate") or "").split(" ", 1)[0]
            fix = ("the target refused these credentials; check the user name and password, or the token"
                   if self.credentials else "give --user and --password (Basic or Digest), or --token")
            return Unreachable(E257.format(url=self.shown, scheme=f" (it asks for {challenge} authentication)"
                                           if challenge else "", graph=graph, fix=fix))
        detail = _detail(answer, body)
        message = E222.format(url=self.shown, graph=graph, status=exc.code, reason=exc.reason,
                              detail=f": {detail}" if detail else "")
        if exc.code in (403, 404, 405):  # every other graph would meet the same answer
            return Unreachable(message)
        return OutputError(message)


def _detail(answer: str, body: bytes) -> str:
    """The first line of the target's error message, cut short, and cut where it starts quoting
    the request (some targets echo the whole query back); white space is compared collapsed.

    >>> _detail("Error: bad query INSERT DATA { <a>   <b> <c> }\\nmore", b"INSERT DATA {\\n<a> <b> <c> }")
    'Error: bad query [request text not shown]'
    """
    line = " ".join(next(iter(answer.strip().splitlines()), "")[:1000].split())
    request = " ".join(body.decode("utf-8", "replace").split())
    for start in range(0, max(len(request) - _PIECE, 0) + 1, _PIECE // 2):  # pieces overlap by half
        piece = request[start:start + _PIECE]
        at = line.find(piece) if piece else -1
        if at >= 0:
            while at > 0 and start > 0 and line[at - 1] == request[start - 1]:  # back to where the quote starts
                at, start = at - 1, start - 1
            line = line[:at].rstrip() + " [request text not shown]"
            break
    return line if len(line) <= _MAX_DETAIL else line[:_MAX_DETAIL] + "..."
