"""What runs on a Dask worker for ``build --cluster``: the plugin that loads the pipeline once, and the task.

This module imports ``distributed``; only :mod:`graphbuild.cluster` imports it, once Dask is known
to be installed.
"""

from __future__ import annotations

from datetime import datetime

from distributed import WorkerPlugin

from .ingest import Document
from .mapper import MappedDocument

__all__ = ["PipelinePlugin", "build_on_worker"]


class PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline once on each worker, when it joins (``load_pipeline`` keeps it)."""

    def __init__(self, model: str | None, piece_chars: int) -> None:
        self.model = model
        self.piece_chars = piece_chars

    def setup(self, worker) -> None:
        from . import nlp

        nlp.PIECE_CHARS = self.piece_chars  # the building process's setting
        nlp.load_pipeline(self.model)


def build_on_worker(document: Document, *, model: str | None, base_iri: str, built_at: datetime) -> MappedDocument:
    """The task: build one document with the pipeline the plugin loaded on this worker."""
    from .mapper import build_documents
    from .nlp import load_pipeline

    [mapped] = build_documents(load_pipeline(model), [document], base_iri, built_at)
    return mapped
