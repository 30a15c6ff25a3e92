"""Export formats, chosen by name from a registry.

Each module of this package declares ``EXPORTERS``: a list of :class:`Exporter`. A format
writes either to a binary stream (``directory=False``) or into a folder (``directory=True``,
e.g. Neo4j's CSV files).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import E008, InputError

__all__ = ["Exporter", "exporter", "format_names"]


@dataclass(frozen=True)
class Exporter:
    """One export format: ``write(store, target)`` with a binary stream or a folder path."""

    name: str
    write: Callable[[Any, Any], None]
    extension: str
    directory: bool = False
    description: str = ""


def _registry() -> dict[str, Exporter]:
    found: dict[str, Exporter] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for item in getattr(module, "EXPORTERS", []):
            found[item.name] = item
    return found


def format_names() -> list[str]:
    """Every export format name, sorted."""
    return sorted(_registry())


def exporter(name: str) -> Exporter:
    """The exporter called ``name``, or an :class:`InputError` listing the choices."""
    registry = _registry()
    if name not in registry:
        raise InputError(E008.format(what="export format", value=name, choices=", ".join(sorted(registry))))
    return registry[name]
