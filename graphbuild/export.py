"""Export the store in a named format to a file, a folder, or bytes."""

from __future__ import annotations

import io
import os
from pathlib import Path

from .atomic import atomic_write
from .errors import E007, OutputError
from .exporters import exporter
from .store import Store

__all__ = ["export"]


def export(store: Store, fmt: str, path: str | os.PathLike | None = None) -> bytes | Path:
    """Write ``store`` as ``fmt`` to ``path`` (a folder for folder formats); with no path return bytes."""
    chosen = exporter(fmt)
    if path is None:
        if chosen.directory:
            raise OutputError(E007.format(path="(none)", cause=f"format '{fmt}' writes a folder; give one with -o"))
        buffer = io.BytesIO()
        chosen.write(store, buffer)
        return buffer.getvalue()
    target = Path(path)
    try:
        if chosen.directory:
            target.mkdir(parents=True, exist_ok=True)
            chosen.write(store, target)
        else:
            with atomic_write(target) as handle:
                chosen.write(store, handle)
    except OSError as exc:
        raise OutputError(E007.format(path=target, cause=exc.strerror or exc)) from exc
    return target
