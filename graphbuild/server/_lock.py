"""The server holds the store's lock for as long as it runs: shared when read-only, exclusive with
``--allow-update`` (its workers open Oxigraph, the server itself never does). Same lock as every
other command: :class:`graphbuild.lock.StoreLock`."""

from __future__ import annotations

from ..lock import StoreLock

__all__ = ["StoreLock"]
