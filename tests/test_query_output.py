"""graphbuild query writes rows as they come and stops clearly at --max-rows."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from graphbuild import KnowledgeGraph

CROSS_JOIN = "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }"  # millions of rows over the seeds


def _query(store, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from graphbuild.cli import main; main()", "query",
                           "--store", str(store), *args], capture_output=True, text=True, timeout=120)


def test_a_huge_result_stops_at_max_rows_with_a_clear_error(seeds_store):
    result = _query(seeds_store, CROSS_JOIN, "--format", "csv", "--max-rows", "5")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "a,b" and len(result.stdout.splitlines()) == 6
    assert "E022 The result has more than 5 rows; the first 5 were written" in result.stderr
    assert "--max-rows" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "tsv"])
def test_a_cut_result_is_still_well_formed(seeds_store, fmt):
    result = _query(seeds_store, CROSS_JOIN, "--format", fmt, "--max-rows", "3")
    assert result.returncode == 1 and "E022" in result.stderr
    if fmt == "json":
        assert len(json.loads(result.stdout)["results"]["bindings"]) == 3
    elif fmt == "table":
        assert result.stdout.rstrip().endswith("(first 3 rows; the result has more)")
    else:
        assert len(result.stdout.splitlines()) == 4


def test_a_result_within_max_rows_is_written_whole_with_exit_status_0(seeds_store):
    result = _query(seeds_store, "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }", "--format", "json", "--max-rows", "3")
    assert result.returncode == 0, result.stderr
    assert [b["n"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]] == ["1", "2", "3"]


def test_write_query_streams_every_row_without_a_cap():
    kg = KnowledgeGraph.in_memory()
    out = io.StringIO()
    written = kg.write_query(out, "SELECT ?n WHERE { VALUES ?n { 1 2 3 4 } }", "tsv", max_rows=None)
    assert (written.rows, written.truncated) == (4, False)
    assert out.getvalue() == "n\n1\n2\n3\n4\n"


def test_construct_results_are_capped_too(seeds_store):
    result = _query(seeds_store, "CONSTRUCT { ?a ?p ?b } WHERE { ?a ?p ?b }", "--max-rows", "2")
    assert result.returncode == 1 and len(result.stdout.splitlines()) == 2 and "E022" in result.stderr


def test_max_rows_must_be_none_or_a_positive_whole_number():
    from graphbuild.errors import InputError

    with pytest.raises(InputError, match="E024 max_rows must be a whole number of 1 or more, not 0"):
        KnowledgeGraph.in_memory().write_query(io.StringIO(), "SELECT * WHERE { ?s ?p ?o }", max_rows=0)
