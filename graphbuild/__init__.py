"""graphbuild: a knowledge graph with provenance from news articles, offline on a CPU."""

from .errors import (
    GraphbuildError,
    InputError,
    ModelNotFoundError,
    OutputError,
    QueryError,
    StoreError,
    StoreInUseError,
)
from .graph import KnowledgeGraph

__all__ = [
    "GraphbuildError",
    "InputError",
    "KnowledgeGraph",
    "ModelNotFoundError",
    "OutputError",
    "QueryError",
    "StoreError",
    "StoreInUseError",
]
