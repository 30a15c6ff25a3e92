"""The build on a Dask cluster, for corpora one machine cannot parse in time (``build --cluster``).

Each new document (its content hash already checked against the store, so unchanged ones never
travel) becomes one Dask task running the whole per-document job
(:func:`graphbuild.mapper.build_documents`) on a worker, which loads the spaCy pipeline once
(:class:`graphbuild.cluster_worker.PipelinePlugin`). Results stream back as they complete to the single writer; at most
``IN_FLIGHT_PER_WORKER`` tasks per worker are submitted at a time, so memory on both sides stays
bounded. Entity IRIs depend only on the text, so the workers need no coordination and the graph
equals a local build's. A worker that dies mid-task has its tasks retried elsewhere by the
scheduler; a document that killed workers twice is skipped with a reason. Dask is an optional
extra (``pip install 'graphbuild[dask]'``); only this module imports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import partial

from .errors import E017, E030, E031, E032, InputError, WorkerError
from .ingest import Document, Skipped
from .mapper import MappedDocument

__all__ = ["IN_FLIGHT_PER_WORKER", "check_address", "cluster_results"]

IN_FLIGHT_PER_WORKER = 4
ALLOWED_FAILURES = 1  # a task is retried once after its worker died; the second death skips it
CONNECT_SECONDS = 20
_LOCAL = re.compile(r"local:([1-9][0-9]*)")
_REMOTE = re.compile(r"(tcp|tls|ws|wss|ucx)://[^\s/]+")


def check_address(address: str) -> None:
    """Refuse an address that is neither ``local:N`` nor a scheduler URL, before anything is read.

    >>> check_address("tcp://10.0.0.5:8786"), check_address("local:2")
    (None, None)
    """
    if not isinstance(address, str) or not (_LOCAL.fullmatch(address) or _REMOTE.fullmatch(address)):
        raise InputError(E030.format(address=address))


def cluster_results(address: str, documents: Iterable[Document], *, model: str | None, base_iri: str,
                    built_at: datetime) -> Iterator[MappedDocument | Skipped]:
    """Build ``documents`` on the cluster at ``address``; yields each result as it completes
    (in any order), or a :class:`Skipped` for a document that killed workers twice."""
    check_address(address)
    try:
        import dask
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise InputError(E031.format(cause=exc)) from exc
    from . import nlp
    from .cluster_worker import PipelinePlugin, build_on_worker

    local = _LOCAL.fullmatch(address)
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
        cluster = (LocalCluster(n_workers=int(local.group(1)), threads_per_worker=1, processes=True,
                                dashboard_address=None) if local else None)
    try:
        try:
            client = Client(cluster or address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise WorkerError(E032.format(address=address, cause=exc)) from exc
        with client:
            client.run_on_scheduler(_allow_failures, ALLOWED_FAILURES)
            client.register_plugin(PipelinePlugin(model, nlp.PIECE_CHARS), name="graphbuild-pipeline")
            task = partial(build_on_worker, model=model, base_iri=base_iri, built_at=built_at)
            yield from _stream(client, task, as_completed(), documents)
    finally:
        if cluster is not None:
            cluster.close()


def _stream(client, task, running, documents: Iterable[Document]) -> Iterator[MappedDocument | Skipped]:
    """Submit one task per document, at most ``IN_FLIGHT_PER_WORKER`` per worker thread at a time;
    yield the outcomes as the tasks complete."""
    sources = {}  # future key -> source, of the tasks in flight
    window = IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values()))
    for document in documents:
        while running.count() >= window:
            yield _outcome(next(running), sources)
        future = client.submit(task, document, pure=False, retries=1)
        sources[future.key] = document.source
        running.add(future)
    for future in running:
        yield _outcome(future, sources)


def _outcome(future, sources: dict) -> MappedDocument | Skipped:
    from distributed.scheduler import KilledWorker

    source = sources.pop(future.key)
    try:
        return future.result()
    except KilledWorker:
        return Skipped(source, f"it stopped the Dask workers building it {ALLOWED_FAILURES + 1} times (out of "
                               "memory or a crash in the parser); build it alone with --jobs 1 to see why")
    except Exception as exc:  # noqa: BLE001 - the worker's own error, with its cause
        raise WorkerError(E017.format(cause=f"{source}: {type(exc).__name__}: {exc}")) from exc
    finally:
        future.release()


def _allow_failures(count: int, dask_scheduler=None) -> None:
    """Run on the scheduler: skip a task after its worker died ``count + 1`` times (Dask's default is 4)."""
    dask_scheduler.allowed_failures = count
