"""The mapping worker's lifecycle: killed when it hangs, quiet when its parent is gone, coded errors."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
from datetime import datetime, timezone

import pytest
import spacy

from graphbuild.errors import WorkerError
from graphbuild.ingest import Document
from graphbuild.mapper import DocumentMapper
from graphbuild.vocab import DEFAULT_BASE_IRI

BUILT_AT = datetime(2025, 12, 4, tzinfo=timezone.utc)
TEXT = "China supports Pakistan."


def _pieces():
    return [(0, spacy.blank("en")(TEXT))]


def _request() -> bytes:
    pieces = [(offset, doc.to_bytes(exclude=["tensor", "user_data"])) for offset, doc in _pieces()]
    document = Document(text=TEXT, source="text:0", title=TEXT)
    return pickle.dumps((document, pieces, DEFAULT_BASE_IRI, BUILT_AT), pickle.HIGHEST_PROTOCOL)


def test_a_worker_that_does_not_exit_is_killed_after_the_timeout():
    mapper = DocumentMapper("en", DEFAULT_BASE_IRI, BUILT_AT, worker=True)
    process = mapper._process
    os.kill(mapper.pid, signal.SIGSTOP)  # it can no longer read its input nor exit
    mapper.close(timeout=0.5)  # must not raise
    assert process.returncode == -signal.SIGKILL
    assert mapper.pid is None


def test_a_worker_that_dies_is_a_coded_error_not_a_runtime_error():
    mapper = DocumentMapper("en", DEFAULT_BASE_IRI, BUILT_AT, worker=True)
    try:
        os.kill(mapper.pid, signal.SIGKILL)
        with pytest.raises(WorkerError, match="E017 The mapping worker process failed: it exited before answering"):
            list(mapper.submit(Document(text=TEXT, source="text:0", title=TEXT), _pieces()))
            list(mapper.finish())
    finally:
        mapper.close()


@pytest.mark.parametrize("cut", [False, True], ids=["whole request", "request cut off"])
def test_a_worker_whose_parent_is_gone_exits_quietly(cut):
    worker = subprocess.Popen([sys.executable, "-m", "graphbuild.mapper", "en"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    worker.stdout.close()  # as if the building process had died: nobody reads the answers
    request = _request()
    worker.stdin.write(request[: len(request) // 2] if cut else request)
    worker.stdin.close()
    errors = worker.stderr.read().decode("utf-8", "replace")
    assert worker.wait(timeout=120) == 0, errors
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors
