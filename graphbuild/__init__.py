"""graphbuild: a knowledge graph with provenance from news articles, offline on a CPU.

``KnowledgeGraph`` does everything; its methods return the report classes exported here. The
reports are imported on first use, so ``import graphbuild`` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import (
    GraphbuildError,
    InputError,
    ModelNotFoundError,
    OutputError,
    QueryError,
    StoreError,
    StoreInUseError,
    WorkerError,
)
from .graph import KnowledgeGraph

if TYPE_CHECKING:
    from .build import BuildReport
    from .catalog import Term
    from .evaluate import EvalReport
    from .ingest import Skipped, Text
    from .push import PushReport
    from .query import QueryResult
    from .remove import RemoveReport
    from .validate import ValidationReport
    from .viewer.render import RenderReport

__all__ = [
    "BuildReport",
    "EvalReport",
    "GraphbuildError",
    "InputError",
    "KnowledgeGraph",
    "ModelNotFoundError",
    "OutputError",
    "PushReport",
    "QueryError",
    "QueryResult",
    "RemoveReport",
    "RenderReport",
    "Skipped",
    "StoreError",
    "StoreInUseError",
    "Term",
    "Text",
    "ValidationReport",
    "WorkerError",
]

_LAZY = {
    "BuildReport": ".build", "EvalReport": ".evaluate", "PushReport": ".push", "QueryResult": ".query",
    "RemoveReport": ".remove", "RenderReport": ".viewer.render", "Skipped": ".ingest", "Term": ".catalog",
    "Text": ".ingest", "ValidationReport": ".validate",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
