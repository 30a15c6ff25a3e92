"""The advisory lock that keeps writers and readers of one on-disk store apart.

A file ``graphbuild.lock`` in the store folder is locked with ``flock``: readers (queries, exports,
a read-only server) share it, a writer (a build, an updating server) holds it alone. Whoever cannot
get it fails at once with E001 rather than waiting or writing under another process's feet.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .errors import E001, E002, StoreError, StoreInUseError

__all__ = ["LOCK_NAME", "StoreLock"]

LOCK_NAME = "graphbuild.lock"


class StoreLock:
    """An flock on ``<store>/graphbuild.lock``; ``release()`` (or leaving the ``with``) frees it.

    A shared lock needs an existing store (E002 otherwise), an exclusive one creates the folder.
    """

    def __init__(self, store_path: str | os.PathLike, *, exclusive: bool) -> None:
        self.path = Path(store_path)
        self._handle = None
        if not exclusive and not (self.path / "CURRENT").exists():
            raise StoreError(E002.format(path=self.path,
                                         cause="no graphbuild store there yet (run 'graphbuild build' first)"))
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            handle = open(self.path / LOCK_NAME, "a+")
        except OSError as exc:
            raise StoreError(E002.format(path=self.path, cause=exc.strerror or exc)) from exc
        try:
            fcntl.flock(handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.close()
            raise StoreInUseError(E001.format(path=self.path)) from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the flock
            self._handle = None

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
