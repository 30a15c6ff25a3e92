"""Decide what a SPARQL request does by parsing it, before any worker sees it.

rdflib's SPARQL 1.1 parser reads the request as a grammar would (``\\u`` escapes expanded
first, literals, IRIs, escaped local names and comments tokenised by the grammar itself), and
the server walks the parse tree: a ``SERVICE`` pattern or a ``LOAD`` operation anywhere is
refused, a prefix that is neither declared nor predeclared is named, and what rdflib cannot
parse is refused rather than guessed at. The workers' empty network namespace
(:mod:`._sandbox`) is the second wall, should the two parsers ever disagree.

>>> inspect_query('SELECT ?s { ?s gb:supports ?o }')
'SELECT'
>>> inspect_query("PREFIX ex: <http://e/> ASK { ex:a\\\\' ?p ?o SERVICE <http://h/> {} } # '")
Traceback (most recent call last):
...
graphbuild.server._refused.Refused: E212 SERVICE is refused: ...
"""

from __future__ import annotations

import queue
import sys
import threading
from concurrent.futures import Future

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from ..errors import E212, E218, E250, E251
from ..vocab import PREFIXES
from ._refused import Refused

__all__ = ["inspect_query", "inspect_update", "warm_up"]

_STACK_BYTES = 512 << 20  # address space only; pages are touched as deep as a parse goes
_RECURSION = 200_000  # rdflib's grammar recurses ~10 frames per triple pattern in a block
_FORMS = {"SelectQuery": "SELECT", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE", "AskQuery": "ASK"}


class _ParserThread:
    """Every parse runs on this one thread: pyparsing is not thread-safe (RDFLib/rdflib#1282),
    and a large stack lets a block of thousands of triple patterns parse instead of
    overflowing a request thread's stack."""

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._started = False
        self._guard = threading.Lock()

    def run(self, parser, text: str, seconds: float | None):
        with self._guard:
            if not self._started:
                sys.setrecursionlimit(max(sys.getrecursionlimit(), _RECURSION))
                previous = threading.stack_size(_STACK_BYTES)
                try:
                    threading.Thread(target=self._serve, name="graphbuild-sparql-parser", daemon=True).start()
                finally:
                    threading.stack_size(previous)
                self._started = True
        job: Future = Future()
        self._jobs.put((parser, text, job))
        return job.result(seconds)  # TimeoutError if the parser stays busy longer

    def _serve(self) -> None:
        while True:
            parser, text, job = self._jobs.get()
            try:
                job.set_result(parser(text))
            except BaseException as exc:
                job.set_exception(exc)


_PARSER = _ParserThread()


def _parse(parser, text: str, seconds: float | None = None):
    try:
        return _PARSER.run(parser, text, seconds)
    except ParseBaseException as exc:
        raise Refused(400, E250.format(cause=f"{exc.msg} at line {exc.lineno}, column {exc.col}")) from None
    except TimeoutError:
        raise
    except RecursionError:
        raise Refused(400, E250.format(cause="it is nested too deeply")) from None
    except Exception as exc:  # rdflib raises a few others (bad \\u escapes, IRIs) while parsing
        raise Refused(400, E250.format(cause=f"{type(exc).__name__}: {exc}"[:300])) from None


def _nodes(tree):
    """Every CompValue of a parse tree, depth first, without recursion."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)


def _check(tree) -> None:
    declared, used = set(PREFIXES), []
    for node in _nodes(tree):
        if node.name == "ServiceGraphPattern":
            raise Refused(403, E212)
        if node.name == "Load":
            raise Refused(403, E218)
        if node.name == "PrefixDecl":
            declared.add(node.get("prefix") or "")
        elif node.name == "pname":
            used.append(node.get("prefix") or "")
    unknown = sorted(set(used) - declared)
    if unknown:
        raise Refused(400, E251.format(prefix=unknown[0], known=" ".join(f"{p}:" for p in PREFIXES)))


def inspect_query(text: str, seconds: float | None = None) -> str:
    """The query's form (``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``); raises
    :class:`._refused.Refused` for what cannot be parsed, a ``SERVICE`` call or an unknown prefix,
    and :class:`TimeoutError` when parsing does not end within ``seconds``."""
    tree = _parse(parseQuery, text, seconds)
    _check(tree)
    return _FORMS[tree[1].name]


def inspect_update(text: str, seconds: float | None = None) -> None:
    """Raises :class:`._refused.Refused` for what cannot be parsed, ``SERVICE``, ``LOAD`` or an
    unknown prefix, and :class:`TimeoutError` when parsing does not end within ``seconds``."""
    _check(_parse(parseUpdate, text, seconds))


def warm_up() -> None:
    """Parse once, so that the first request does not wait while pyparsing prepares its grammar."""
    inspect_query("ASK {}")
    inspect_update("CLEAR SILENT DEFAULT")
