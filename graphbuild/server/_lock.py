"""Hold the store's ``graphbuild.lock`` for as long as the server runs.

Same protocol as :class:`graphbuild.store.Store`: readers share the lock, a writer holds it
alone. The server itself never opens Oxigraph (its child does), so it takes the lock directly:
shared for a read-only server, exclusive with ``--allow-update``. A ``graphbuild build`` started
meanwhile then fails at once with E001 instead of writing under the server's feet.
"""

from __future__ import annotations

import fcntl
from pathlib import Path

from ..errors import E001, E002, StoreError, StoreInUseError
from ..store import LOCK_NAME

__all__ = ["StoreLock"]


class StoreLock:
    """An flock on ``<store>/graphbuild.lock``; ``release()`` (or leaving the ``with``) frees it."""

    def __init__(self, store_path: Path, *, exclusive: bool) -> None:
        self.path = Path(store_path)
        if not exclusive and not (self.path / "CURRENT").exists():
            raise StoreError(E002.format(path=self.path,
                                         cause="no graphbuild store there yet (run 'graphbuild build' first)"))
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path / LOCK_NAME, "a+")
        except OSError as exc:
            raise StoreError(E002.format(path=self.path, cause=exc.strerror or exc)) from exc
        try:
            fcntl.flock(self._handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._handle.close()
            raise StoreInUseError(E001.format(path=self.path)) from exc

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
