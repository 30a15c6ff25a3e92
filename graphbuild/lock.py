"""The advisory lock that keeps writers and readers of one on-disk store apart.

The store folder itself is locked with ``flock`` on an open descriptor of it: readers (queries,
exports, a read-only server) share the lock, a writer (a build, an updating server) holds it
alone. Whoever cannot get it fails at once with E001 rather than waiting or writing under another
process's feet. No lock file is involved, so there is none that could be deleted meanwhile.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .errors import E001, E002, StoreError, StoreInUseError

__all__ = ["StoreLock"]


class StoreLock:
    """An flock on the folder ``store_path``; ``release()`` (or leaving the ``with``) frees it.

    A shared lock needs an existing store (E002 otherwise), an exclusive one creates the folder.
    """

    def __init__(self, store_path: str | os.PathLike, *, exclusive: bool) -> None:
        self.path = Path(store_path)
        self._descriptor: int | None = None
        if not exclusive and not (self.path / "CURRENT").exists():
            raise StoreError(E002.format(path=self.path,
                                         cause="no graphbuild store there yet (run 'graphbuild build' first)"))
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise StoreError(E002.format(path=self.path, cause=exc.strerror or exc)) from exc
        try:
            fcntl.flock(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(descriptor)
            raise StoreInUseError(E001.format(path=self.path)) from exc
        self._descriptor = descriptor

    def release(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing releases the flock
            self._descriptor = None

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
