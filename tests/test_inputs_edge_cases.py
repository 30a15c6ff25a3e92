"""Inputs that used to hang, vanish or be misnamed; the store lock that a deleted file cannot undo."""

from __future__ import annotations

import os
import subprocess
import sys

from graphbuild import KnowledgeGraph
from graphbuild.ingest import read_inputs

from server_helpers import start_graphbuild_serve, stop

ARTICLE = "China supports Pakistan's sovereignty. Pakistan thanked China.\n"
CLI = [sys.executable, "-c", "from graphbuild.cli import main; main()"]


def _loop_folder(tmp_path):
    """loop/a/x.txt, loop/b/y.txt, and links back up from both: a glob that follows links never ends."""
    root = tmp_path / "loop"
    for name in ("a", "b"):
        (root / name).mkdir(parents=True)
        (root / name / f"{name}.txt").write_text(ARTICLE.replace("China", name.upper()), encoding="utf-8")
        for back in ("up", "top"):
            os.symlink("..", root / name / back)
    return root


def test_a_recursive_glob_over_a_symlink_loop_reads_each_file_through_one_path(tmp_path):
    root = _loop_folder(tmp_path)
    result = subprocess.run([*CLI, "build", f"{root}/**/*.txt", "--store", str(tmp_path / "store"), "--no-html",
                             "--format", "json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    docs, _ = read_inputs([f"{root}/**/*.txt"], paths_only=True)
    assert sorted(os.path.basename(d.source) for d in docs) == ["a.txt", "b.txt"]


def test_a_folder_with_a_symlink_loop_is_read_once(tmp_path):
    root = _loop_folder(tmp_path)
    docs, _ = read_inputs([root], paths_only=True)
    assert sorted(os.path.basename(d.source) for d in docs) == ["a.txt", "b.txt"]


def test_a_file_whose_name_holds_a_newline_is_read(tmp_path):
    article = tmp_path / "two\nlines.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([*CLI, "build", str(article), "--store", str(tmp_path / "store"), "--no-html"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "documents: 1 built" in result.stdout


def test_utf16_without_a_byte_order_mark_is_an_unknown_encoding_and_a_build_of_only_it_fails(tmp_path):
    article = tmp_path / "wide.txt"
    article.write_bytes(ARTICLE.encode("utf-16-le"))
    result = subprocess.run([*CLI, "build", str(article), "--store", str(tmp_path / "store"), "--no-html"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "unknown encoding (it looks like UTF-16 without a byte-order mark); re-save it as UTF-8" in result.stderr
    assert "binary" not in result.stderr and "E018 Nothing to build: every input was skipped" in result.stderr


def test_deleting_files_in_the_store_while_it_is_served_never_lets_a_build_in(store_copy, tmp_path):
    server, _ = start_graphbuild_serve(store_copy)
    try:
        for name in ("graphbuild.lock", "LOCK"):  # whatever lock files there are
            if (store_copy / name).exists():
                (store_copy / name).unlink()
        article = tmp_path / "new.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        result = subprocess.run([*CLI, "build", str(article), "--store", str(store_copy), "--no-html"],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and "E001 The store at" in result.stderr, result.stderr
    finally:
        stop(server)
    with KnowledgeGraph.open(store_copy, read_only=True) as kg:
        assert kg.stats()["documents"] == 2


def test_the_server_and_the_store_share_one_lock_implementation():
    import graphbuild.lock
    import graphbuild.server._lock

    assert graphbuild.server._lock.StoreLock is graphbuild.lock.StoreLock
