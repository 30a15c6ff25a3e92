"""Output files are written whole or not at all; a full disk during a build is E023 and the next build goes on.

A file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored) makes every write past it fail with
EFBIG, as a full disk fails with ENOSPC, in a real graphbuild process.
"""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys

import pytest

from graphbuild import KnowledgeGraph


def _graphbuild(*args: str, file_limit: int | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([sys.executable, "-c", "from graphbuild.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=300, preexec_fn=limit if file_limit else None)


def _old(path, text: str = "the old, good file\n") -> None:
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("command", [["render", "-o"], ["export", "--format", "turtle", "-o"],
                                     ["export", "--format", "jsonld", "-o"], ["export", "--format", "graphml", "-o"]])
def test_an_output_that_cannot_be_finished_leaves_the_old_file_and_no_debris(seeds_store, tmp_path, command):
    target = tmp_path / "out" / "graph.file"
    target.parent.mkdir()
    _old(target)
    result = _graphbuild(*command, str(target), "--store", str(seeds_store), file_limit=20_000)
    assert result.returncode == 1 and "E007 Cannot write" in result.stderr and "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "the old, good file\n"
    assert [p.name for p in target.parent.iterdir()] == ["graph.file"]


def test_a_neo4j_export_that_cannot_be_finished_leaves_the_old_files_and_no_debris(seeds_store, tmp_path):
    folder = tmp_path / "neo4j"
    folder.mkdir()
    _old(folder / "nodes.csv")
    _old(folder / "relationships.csv")
    result = _graphbuild("export", "--format", "neo4j", "-o", str(folder), "--store", str(seeds_store),
                         file_limit=2_000)
    assert result.returncode == 1 and "E007" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["nodes.csv", "relationships.csv"]
    assert (folder / "nodes.csv").read_text(encoding="utf-8") == "the old, good file\n"


def test_a_finished_output_replaces_the_old_file_with_the_usual_permissions(seeds_store, tmp_path):
    target = tmp_path / "graph.html"
    _old(target)
    target.chmod(0o644)
    result = _graphbuild("render", "-o", str(target), "--store", str(seeds_store))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert target.stat().st_mode & 0o777 == 0o644 and [p.name for p in tmp_path.iterdir()] == ["graph.html"]


@pytest.mark.parametrize("lang", [["--lang", "any"], []], ids=["store-write", "language-identifier"])
def test_a_full_disk_during_a_build_is_E023_and_the_next_build_continues(seeds_dir, tmp_path, lang):
    store = tmp_path / "store"
    full = _graphbuild("build", str(seeds_dir), "--store", str(store), "--no-html", *lang, file_limit=300_000)
    assert full.returncode == 1 and "Traceback" not in full.stderr, full.stderr
    assert "E023 The disk is full (or a file size limit was reached)" in full.stderr
    assert "delete" not in full.stderr
    again = _graphbuild("build", str(seeds_dir), "--store", str(store), "--no-html")
    assert again.returncode == 0, again.stderr
    with KnowledgeGraph.open(store, read_only=True) as kg:
        assert kg.stats()["documents"] == 2
