"""The per-document job and the worker pool's lifecycle: results in input order, coded errors, no
stdout channel to corrupt, nothing left running."""

from __future__ import annotations

import os
import signal
from datetime import datetime, timezone

import pytest

from graphbuild.errors import ModelNotFoundError, WorkerError
from graphbuild.ingest import Document
from graphbuild.mapper import build_documents
from graphbuild.nlp import load_pipeline
from graphbuild.parse_pool import ParsePool
from graphbuild.vocab import DEFAULT_BASE_IRI

BUILT_AT = datetime(2025, 12, 4, tzinfo=timezone.utc)
TEXTS = ["China supports Pakistan.", "India criticizes Nepal.", "Russia supports Serbia.", "Japan thanks Korea."]


def _documents(count: int) -> list[Document]:
    return [Document(text=f"{TEXTS[i % 4]} Report {i}.", source=f"text:{i}", title=f"Report {i}") for i in range(count)]


def test_the_pool_gives_the_same_results_as_this_process_in_input_order():
    documents = _documents(21)  # more than the chunks in flight, and a chunk left over
    here = list(build_documents(load_pipeline(), documents, DEFAULT_BASE_IRI, BUILT_AT))
    with ParsePool(2, None, DEFAULT_BASE_IRI, BUILT_AT) as pool:
        pooled = list(pool.map(iter(documents)))
    assert [m.source for m in pooled] == [d.source for d in documents]
    assert pooled == here


def test_a_worker_that_dies_is_a_coded_error_and_the_others_are_stopped():
    pool = ParsePool(2, None, DEFAULT_BASE_IRI, BUILT_AT)
    with pytest.raises(WorkerError, match=r"E017 A build worker failed: worker process \d+ exited with status -9"):
        with pool:
            os.kill(pool.pids[0], signal.SIGKILL)
            list(pool.map(iter(_documents(40))))
    assert all(worker.exitcode is not None for worker in pool._workers)


def test_an_unknown_model_in_the_workers_is_the_same_error_as_without_them():
    with pytest.raises(ModelNotFoundError, match="E003 No spaCy pipeline named 'xx_no_such_model'"):
        with ParsePool(2, "xx_no_such_model", DEFAULT_BASE_IRI, BUILT_AT) as pool:
            list(pool.map(iter(_documents(3))))


def test_output_on_stdout_in_a_worker_cannot_corrupt_the_results(capfd):
    """Why: the former mapping worker answered on stdout and died when a profiler printed there."""
    with ParsePool(2, None, DEFAULT_BASE_IRI, BUILT_AT) as pool:
        for pid in pool.pids:  # what a profiler attaching to a worker does: write to its standard output
            with open(f"/proc/{pid}/fd/1", "wb", buffering=0) as stdout:
                stdout.write(b"\x80garbage from a profiler\n")
        mapped = list(pool.map(iter(_documents(10))))
    assert len(mapped) == 10 and all(m.quads > 10 for m in mapped)


def test_a_closed_pool_leaves_no_process_behind():
    with ParsePool(2, None, DEFAULT_BASE_IRI, BUILT_AT) as pool:
        list(pool.map(iter(_documents(2))))
        pids = pool.pids
    assert not any(os.path.exists(f"/proc/{pid}") for pid in pids)
