"""``graphbuild serve``: a SPARQL 1.1 endpoint over the store (read-only unless told otherwise)."""

from __future__ import annotations

import click

from ._options import store_option


@click.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1 exposes the store to your network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1),
              help="Most result rows (or triples) per answer; a cut answer says so (X-Graphbuild-Truncated).")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates and Graph Store writes (needs --token).")
@click.option("--token", envvar="GRAPHBUILD_TOKEN", help="Bearer token that updates must carry [env GRAPHBUILD_TOKEN].")
@click.option("--cors", is_flag=True, help="Let web pages from other origins query the endpoint.")
@click.option("--max-body", "max_body", default=1 << 20, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted, in bytes.")
@click.option("--workers", default=3, show_default=True, type=click.IntRange(1, 64),
              help="Queries answered at once (each by its own worker process; 1 with --allow-update).")
@click.option("--body-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a client may take to send its request (408 after).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this Host name (on loopback only localhost, 127.0.0.1 "
                   "and [::1] are answered); repeatable.")
@click.option("--max-connections", default=64, show_default=True, type=click.IntRange(1),
              help="Connections handled at once; more get 503.")
def command(store, host, port, timeout, max_rows, allow_update, token, cors, max_body, workers, body_timeout,
            allow_hosts, max_connections):
    """Serve the store over the SPARQL 1.1 Protocol (query page at /, queries at /query).

    Safe by default: listens on 127.0.0.1 and answers only loopback Host names, refuses
    updates (403), SERVICE and LOAD, large or slow bodies, stops queries after --timeout
    seconds (killing the worker process that runs an overrunning query) and caps results at
    --max-rows. The workers listen on no port and, where the system allows, have no network.
    While it runs, 'graphbuild build' into the same store is refused (E001).
    """
    from ..server import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other machines can query this store", err=True)

    def ready(url: str) -> None:
        mode = "read-write (token required)" if allow_update else "read-only"
        click.echo(f"serving {store} {mode} at {url} (query page {url}, endpoint {url}query); Ctrl-C stops", err=True)

    serve(store, host=host, port=port, timeout=timeout, max_rows=max_rows, allow_update=allow_update,
          token=token, cors=cors, max_body_bytes=max_body, workers=workers, body_timeout=body_timeout,
          allow_hosts=allow_hosts, max_connections=max_connections, on_ready=ready)
