"""The command line: every command documented, clean errors, formats, and no spaCy where no NLP runs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graphbuild.cli import main

SUPPORTS = "SELECT DISTINCT ?who ?whom WHERE { ?s gb:supports ?o . ?s rdfs:label ?who . ?o rdfs:label ?whom }"


def test_every_command_has_help(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in main.commands:
        sub = runner.invoke(main, [name, "--help"])
        assert sub.exit_code == 0, name
        assert main.commands[name].help, f"{name} has no help text"


def test_build_prints_a_summary_and_writes_html(runner, tmp_path, seeds_dir):
    html = tmp_path / "out.html"
    result = runner.invoke(main, ["build", str(seeds_dir), "--store", str(tmp_path / "s"), "--html", str(html)])
    assert result.exit_code == 0, result.output
    assert "documents: 2 built" in result.output and "entities:" in result.output and "seconds:" in result.output
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_query_formats(runner, seeds_store):
    rows = json.loads(runner.invoke(main, ["query", SUPPORTS, "--format", "json", "--store", str(seeds_store)]).output)
    assert {"who": "China", "whom": "Pakistan's sovereignty"} in rows and all(set(r) == {"who", "whom"} for r in rows)
    csv_out = runner.invoke(main, ["query", SUPPORTS, "--format", "csv", "--store", str(seeds_store)]).output
    assert csv_out.splitlines()[0] == "who,whom"
    table = runner.invoke(main, ["query", SUPPORTS, "--store", str(seeds_store)]).output
    assert table.splitlines()[0].split() == ["who", "whom"] and "row" in table.splitlines()[-1]


def test_query_from_a_file(runner, seeds_store, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?s gb:supports ?o }", encoding="utf-8")
    result = runner.invoke(main, ["query", "-f", str(query), "--store", str(seeds_store)])
    assert result.exit_code == 0 and result.output.strip() == "true"


def test_a_syntax_error_names_line_and_column_without_a_traceback(runner, seeds_store):
    result = runner.invoke(main, ["query", "SELECT ?s\nWHERE { ?s ?p ", "--store", str(seeds_store)])
    assert result.exit_code == 1
    assert "E004 SPARQL syntax error at line 2, column" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_model_exits_with_a_message(runner, tmp_path, seeds_dir):
    result = runner.invoke(main, ["build", str(seeds_dir), "--store", str(tmp_path / "s"), "--model", "nope_xx"])
    assert result.exit_code == 1 and "E003" in result.output and "Traceback" not in result.output


def test_an_unwritable_output_exits_with_a_message(runner, seeds_store, tmp_path):
    result = runner.invoke(main, ["export", "-o", str(tmp_path / "missing" / "dir" / "x.ttl"), "--store",
                                  str(seeds_store)])
    assert result.exit_code == 1 and "E007 Cannot write" in result.output


def test_an_unwritable_html_path_stops_the_build_before_it_starts(runner, seeds_dir, tmp_path):
    result = runner.invoke(main, ["build", str(seeds_dir), "--store", str(tmp_path / "s"),
                                  "--html", str(tmp_path / "missing" / "graph.html")])
    assert result.exit_code == 1 and "E007 Cannot write" in result.output and "missing" in result.output
    assert "documents:" not in result.output and not (tmp_path / "s").exists()


def test_a_missing_input_path_exits_with_a_message(runner, tmp_path):
    result = runner.invoke(main, ["build", str(tmp_path / "nothing.txt"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "E006 Nothing matches" in result.output


def test_querying_a_store_that_does_not_exist(runner, tmp_path):
    result = runner.invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "E002" in result.output and "graphbuild build" in result.output


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"])
def test_export_formats_parse_back(runner, seeds_store, tmp_path, fmt):
    import pyoxigraph as ox

    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(seeds_store)])
    assert result.exit_code == 0, result.output
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
                  "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    with open(out, "rb") as handle:
        assert sum(1 for _ in ox.parse(handle, rdf_format)) > 1000


@pytest.mark.parametrize("args", [
    ["query", "ASK { ?s ?p ?o }"], ["export", "--format", "ntriples"], ["stats"], ["render", "-o", "{tmp}/g.html"],
])
def test_reading_commands_do_not_import_spacy(seeds_store, tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--store", str(seeds_store)]
    code = ("import sys\nfrom graphbuild.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "assert 'spacy' not in sys.modules, 'spacy was imported'\nprint('clean', file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stderr


def test_an_update_given_to_query_says_that_query_only_reads(runner, seeds_store):
    result = runner.invoke(main, ["query", "PREFIX ex: <http://e/>\nINSERT DATA { ex:a ex:b ex:c }",
                                  "--store", str(seeds_store)])
    assert result.exit_code == 1 and "E016 This is a SPARQL update (INSERT)" in result.output
    assert "Traceback" not in result.output
