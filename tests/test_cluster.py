"""The build on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on 127.0.0.1.

The graph equals the local build's, and a worker killed mid-build loses and duplicates nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path

import cloudpickle
import distributed  # the dask extra: .ci/run installs it
import pytest

from graphbuild import KnowledgeGraph
from graphbuild.errors import InputError, WorkerError

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "wikinews"
ARTICLES = 12
DASK = str(Path(sys.executable).with_name("dask"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    files = sorted(WIKINEWS.glob("*.txt"))[:ARTICLES]
    assert len(files) == ARTICLES, f"expected the shared Wikinews articles in {WIKINEWS}"
    folder = tmp_path_factory.mktemp("wikinews")
    for file in files:
        shutil.copy(file, folder)
    return folder


@pytest.fixture(scope="module")
def local_graph(articles) -> list[str]:
    kg = KnowledgeGraph.in_memory()
    assert kg.build([articles], jobs=1).documents == ARTICLES
    return _graph(kg)


@contextmanager
def _dask_cluster(logs: Path, *, nanny: bool):
    """A scheduler and two single-threaded workers on 127.0.0.1; yields the scheduler's address and
    the workers' processes (without a nanny, a killed worker stays dead; with one, it is restarted)."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    commands = [[DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]] + [
        [DASK, "worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
         "--nanny" if nanny else "--no-nanny"]] * 2
    processes = []
    with ExitStack() as files:
        try:
            for number, command in enumerate(commands):
                log = files.enter_context(open(logs / f"dask-{number}.log", "wb"))
                processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
            with distributed.Client(address, timeout=60) as client:
                client.wait_for_workers(2, timeout=120)
            yield address, processes[1:]
        finally:
            for process in reversed(processes):
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture
def cluster(tmp_path):
    with _dask_cluster(tmp_path, nanny=False) as running:
        yield running


def _graph(kg: KnowledgeGraph) -> list[str]:
    lines = kg.export(format="nquads").decode("utf-8").splitlines()
    return sorted(line for line in lines if "generatedAtTime" not in line)


def test_a_dask_build_equals_the_local_build(cluster, articles, local_graph, tmp_path):
    address, _ = cluster
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        report = kg.build([articles], cluster=address)
        assert (report.documents, report.skipped) == (ARTICLES, [])
        assert _graph(kg) == local_graph and len(local_graph) > 5000
        again = kg.build([articles], cluster=address)  # unchanged documents never reach the cluster
        assert (again.documents, again.unchanged) == (0, ARTICLES)


def test_a_worker_killed_mid_build_loses_and_duplicates_nothing(cluster, articles, local_graph, tmp_path):
    address, workers = cluster
    victim = workers[0]
    done = []

    def progress(committed: int, total: int) -> None:
        done.append(committed)
        if committed == 2:  # the other documents are in flight on both workers
            os.kill(victim.pid, signal.SIGKILL)

    with KnowledgeGraph.open(tmp_path / "store") as kg:
        report = kg.build([articles], cluster=address, progress=progress)
        assert victim.wait(timeout=10) == -signal.SIGKILL
        assert (report.documents, report.skipped) == (ARTICLES, [])
        assert done == list(range(1, ARTICLES + 1))
        assert len(kg.query("SELECT ?d WHERE { ?d a gb:Document }")) == ARTICLES
        assert _graph(kg) == local_graph


def test_the_cli_builds_on_the_cluster_and_an_unreachable_one_is_a_clear_error(cluster, articles, tmp_path):
    address, _ = cluster
    command = [sys.executable, "-c", "from graphbuild.cli import main; main()", "build", str(articles),
               "--store", str(tmp_path / "store"), "--no-html"]
    built = subprocess.run([*command, "--cluster", address], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert f"documents: {ARTICLES} built, 0 unchanged, 0 skipped" in built.stdout
    closed = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(WorkerError, match=f"E032 Cannot reach the Dask scheduler at {closed}"):
        KnowledgeGraph.in_memory().build(["China supports Pakistan."], cluster=closed)


@pytest.mark.parametrize("address", ["8786", "local:0", "http://host:8786", "tcp://"])
def test_a_bad_cluster_address_is_refused_before_anything_is_read(address, tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as kg, pytest.raises(InputError, match="E030 --cluster .* is not a"):
        kg.build(["no/such/file.txt"], cluster=address, paths_only=True)


class _PoisonPlugin(distributed.WorkerPlugin):
    """Makes a worker process die (as on a parser crash or out of memory) when it builds a text
    holding POISON; registered on the scheduler, so a restarted worker gets it too."""

    def setup(self, worker) -> None:
        import graphbuild.mapper

        real = graphbuild.mapper.map_document

        def map_document(document, *args, **kwargs):
            if "POISON" in document.text:
                os._exit(1)
            return real(document, *args, **kwargs)

        graphbuild.mapper.map_document = map_document


def test_a_document_that_kills_workers_twice_is_skipped_with_a_reason(tmp_path):
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    texts = ["China supports Pakistan.", "POISON: India criticizes Nepal.", "Russia supports Serbia."]
    with _dask_cluster(tmp_path, nanny=True) as (address, _):
        with distributed.Client(address, timeout=60) as client:
            client.register_plugin(_PoisonPlugin(), name="test-poison")
        kg = KnowledgeGraph.in_memory()
        report = kg.build(texts, cluster=address)
    assert report.documents == 2
    [skipped] = report.skipped
    assert skipped.source == "text:1"
    assert "it stopped the Dask workers building it 2 times" in skipped.reason
    labels = {r["l"].value for r in kg.query("SELECT ?l WHERE { ?d a gb:Document ; rdfs:label ?l }")}
    assert labels == {"China supports Pakistan.", "Russia supports Serbia."}
