"""``graphbuild serve``: a SPARQL 1.1 Protocol endpoint over the store, safe by default.

pyoxigraph does the SPARQL work in a few worker processes (:mod:`._worker`) that the server
talks to over pipes: they listen on no port, and where the kernel allows it they run in an
empty network namespace, so the front in this process, on the public address, is the only way
to the store. It adds a row cap that says when it truncated, updates only with a bearer token,
no ``SERVICE`` or ``LOAD`` (decided by a SPARQL parser), CORS only on request, bounded request
bodies, loopback ``Host`` names only when listening on loopback, and at most
``max_connections`` connections at once (503 beyond). Each request leases one worker; a
request still running ``timeout`` s after it started gets its worker killed and replaced
(:mod:`._pool`), so the work really stops.

While serving, the server holds the store's lock (shared when read-only, exclusive with
``allow_update``), so a ``graphbuild build`` into the same store fails with E001.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     start(folder, port=0)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graphbuild.errors.StoreError: E002 Cannot open the store at '...': no graphbuild store there yet (run 'graphbuild build' first). Check the path and that its disk has free space; if the folder holds no graphbuild store, pass --store with another folder.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from ..errors import E203, E204, E205, E206, E255, InputError, StoreError
from ._child import WorkerProcess
from ._front import FrontConfig, make_handler
from ._lock import StoreLock
from ._page import load_page
from ._pool import ChildPool
from ._sparql_check import warm_up

__all__ = ["RunningServer", "serve", "start"]


class _Server(ThreadingHTTPServer):
    """One thread per connection, at most ``max_connections`` at once; the next gets 503."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, handler, max_connections: int) -> None:
        self.max_connections = max_connections
        self._slots = threading.BoundedSemaphore(max_connections)
        super().__init__(address, handler)

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            return self._turn_away(request)
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _turn_away(self, request) -> None:
        body = (E255.format(limit=self.max_connections) + "\n").encode()
        head = (f"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nRetry-After: 5\r\nConnection: close\r\n\r\n").encode()
        try:
            request.settimeout(1.0)
            request.sendall(head + body)
        except OSError:
            pass
        self.shutdown_request(request)


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
        """False once a worker died on its own or could not be replaced."""
        return self.pool.healthy

    @property
    def isolated(self) -> bool:
        """True when the workers run without network access."""
        return self.pool.isolated

    def close(self) -> None:
        """Stop answering, stop the workers, release the store."""
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
          max_body_bytes: int = 1 << 20, workers: int = 3, body_timeout: float = 10.0,
          allow_hosts: tuple[str, ...] = (), max_connections: int = 64) -> RunningServer:
    """Start serving ``store_path`` in the background and return at once (``port=0``: any free port).

    ``workers`` processes answer that many queries at once (one when ``allow_update``: only
    one process may write the store). ``body_timeout``: seconds a client may take to send a
    request. ``allow_hosts``: ``Host`` names accepted besides loopback ones.
    """
    if allow_update and not token:
        raise InputError(E203)
    for name, value in (("timeout", timeout), ("max_rows", max_rows), ("max_body_bytes", max_body_bytes),
                        ("workers", workers), ("body_timeout", body_timeout), ("max_connections", max_connections)):
        if value <= 0:
            raise InputError(E204.format(name=name, value=value))
    store_path = Path(store_path)
    lock = StoreLock(store_path, exclusive=allow_update)
    pool = ChildPool(lambda: WorkerProcess(store_path, writable=allow_update).start(), 1 if allow_update else workers)
    try:
        page = load_page()
        warm_up()
        pool.start()
        config = FrontConfig(pool=pool, timeout=timeout, max_rows=max_rows, allow_update=allow_update,
                             token=token, cors=cors, max_body_bytes=max_body_bytes, body_timeout=body_timeout,
                             loopback=_is_loopback(host), allow_hosts=tuple(allow_hosts), page=page)
        try:
            httpd = _Server((host, port), make_handler(config), max_connections)
        except OSError as exc:
            raise InputError(E205.format(host=host, port=port, cause=exc.strerror or exc)) from exc
    except BaseException:
        pool.stop()
        lock.release()
        raise
    return RunningServer(httpd, pool, lock)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(store_path: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          max_rows: int = 10_000, allow_update: bool = False, token: str | None = None, cors: bool = False,
          max_body_bytes: int = 1 << 20, workers: int = 3, body_timeout: float = 10.0,
          allow_hosts: tuple[str, ...] = (), max_connections: int = 64, on_ready=None) -> None:
    """Serve ``store_path`` until SIGINT or SIGTERM (or a worker dies and cannot be replaced).

    ``on_ready(url)`` is called once the endpoint answers. Run from the main thread.
    """
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with start(store_path, host=host, port=port, timeout=timeout, max_rows=max_rows,
                   allow_update=allow_update, token=token, cors=cors, max_body_bytes=max_body_bytes,
                   workers=workers, body_timeout=body_timeout, allow_hosts=allow_hosts,
                   max_connections=max_connections) as running:
            if on_ready is not None:
                on_ready(running.url)
            while running.alive and not stop.wait(0.5):
                pass
            if not running.alive:
                raise StoreError(E206.format(cause=running.pool.failure or "a worker process exited"))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
