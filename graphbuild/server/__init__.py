"""``graphbuild serve``: a SPARQL 1.1 Protocol endpoint over the store, safe by default.

Oxigraph's own server (the ``oxigraph`` program from PyPI, same version as pyoxigraph) does
the SPARQL work in a few child processes bound to private ports of 127.0.0.1; a small front in
this process listens on the public address and adds what Oxigraph lacks: a row cap that says
when it truncated, updates only with a bearer token, no ``SERVICE`` calls, CORS only on
request, bounded request bodies. Each request leases one child; Oxigraph's own timeout cancels
most overrunning queries, and a query still running ``timeout`` + 2 s after it started gets its
child killed and replaced (:mod:`._pool`), so the work really stops.

While serving, the server holds the store's lock (shared when read-only, exclusive with
``allow_update``), so a ``graphbuild build`` into the same store fails with E001.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     start(folder, port=0)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graphbuild.errors.StoreError: E002 Cannot open the store at '...': no graphbuild store there yet (run 'graphbuild build' first). Check the path, or delete the folder to start afresh.
"""

from __future__ import annotations

import os
import signal
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from ..errors import E203, E204, E205, E206, InputError, StoreError
from ._child import OxigraphChild
from ._front import FrontConfig, make_handler
from ._lock import StoreLock
from ._pool import ChildPool

__all__ = ["RunningServer", "serve", "start"]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class RunningServer:
    """A started server: ``url``, ``close()``; also a context manager."""

    def __init__(self, httpd: _Server, pool: ChildPool, lock: StoreLock) -> None:
        self._httpd = httpd
        self.pool = pool
        self._lock = lock
        host, port = httpd.server_address[:2]
        self.url = f"http://{host}:{port}/"
        self._thread = threading.Thread(target=httpd.serve_forever, name="graphbuild-serve", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        """False once an Oxigraph child died on its own or could not be replaced."""
        return self.pool.healthy

    def close(self) -> None:
        """Stop answering, stop Oxigraph, release the store."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self.pool.stop()
        self._lock.release()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start(store_path: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          max_rows: int = 10_000, allow_update: bool = False, token: str | None = None, cors: bool = False,
          max_body_bytes: int = 1 << 20, workers: int = 3) -> RunningServer:
    """Start serving ``store_path`` in the background and return at once (``port=0``: any free port).

    ``workers`` Oxigraph children answer that many queries at once (one when ``allow_update``:
    only one process may write the store).
    """
    if allow_update and not token:
        raise InputError(E203)
    for name, value in (("timeout", timeout), ("max_rows", max_rows), ("max_body_bytes", max_body_bytes),
                        ("workers", workers)):
        if value <= 0:
            raise InputError(E204.format(name=name, value=value))
    store_path = Path(store_path)
    lock = StoreLock(store_path, exclusive=allow_update)
    pool = ChildPool(lambda: OxigraphChild(store_path, timeout=timeout, writable=allow_update).start(),
                     1 if allow_update else workers)
    try:
        pool.start()
        config = FrontConfig(pool=pool, timeout=timeout, max_rows=max_rows, allow_update=allow_update,
                             token=token, cors=cors, max_body_bytes=max_body_bytes)
        try:
            httpd = _Server((host, port), make_handler(config))
        except OSError as exc:
            raise InputError(E205.format(host=host, port=port, cause=exc.strerror or exc)) from exc
    except BaseException:
        pool.stop()
        lock.release()
        raise
    return RunningServer(httpd, pool, lock)


def serve(store_path: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          max_rows: int = 10_000, allow_update: bool = False, token: str | None = None, cors: bool = False,
          max_body_bytes: int = 1 << 20, workers: int = 3, on_ready=None) -> None:
    """Serve ``store_path`` until SIGINT or SIGTERM (or the Oxigraph child dies).

    ``on_ready(url)`` is called once the endpoint answers. Run from the main thread.
    """
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with start(store_path, host=host, port=port, timeout=timeout, max_rows=max_rows,
                   allow_update=allow_update, token=token, cors=cors, max_body_bytes=max_body_bytes,
                   workers=workers) as running:
            if on_ready is not None:
                on_ready(running.url)
            while running.alive and not stop.wait(0.5):
                pass
            if not running.alive:
                raise StoreError(E206.format(cause=running.pool.failure or "an Oxigraph process exited"))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
