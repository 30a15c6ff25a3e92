"""``graphbuild eval``: lenient matching, the precision scope, negative facts, and the seeds gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.evaluate import evaluate, label_matches, normalise_label, read_gold, relation_matches
from graphbuild.errors import InputError
from graphbuild.store import Store

GOLD = Path(__file__).parent / "data" / "seeds_gold.jsonl"


def test_lenient_label_matching():
    assert label_matches("the Pakistan’s sovereignty", {normalise_label("Pakistan's sovereignty")})
    assert label_matches("sovereignty", {"pakistan's sovereignty"})
    assert not label_matches("Pakistan", {"pakistan's sovereignty"})


def test_a_label_with_an_of_phrase_matches_by_either_head():
    assert label_matches("purchase", {"purchase of 22 new boeing jets"})
    assert label_matches("laptops", {"first generation of intel laptops"})
    assert not label_matches("jets", {"purchase of 22 new boeing aircraft"})
    assert not label_matches("sale", {"purchase of 22 new boeing jets"})
    assert relation_matches("concerned about", "https://graphbuild.org/ontology#concernedAbout", None)
    assert relation_matches("call for", "https://graphbuild.org/relation/call_for", "call for")
    assert not relation_matches("supports", "https://graphbuild.org/ontology#opposes", "opposes")


def test_bad_gold_line_names_its_number(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"subject": "a", "relation": "b", "object": "c"}\n{"subject": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:2"):
        read_gold(path)


@pytest.mark.parametrize("line, cause", [
    ('{"subject": null, "relation": "supports", "object": "Pakistan"}', '"subject" must be a non-empty string, not null'),
    ('{"subject": "China", "relation": 3, "object": "Pakistan"}', '"relation" must be a non-empty string, not 3'),
    ('{"subject": "China", "relation": "supports", "object": ["Pakistan"]}', '"object" must be a non-empty string'),
    ('{"subject": " ", "relation": "supports", "object": "Pakistan"}', '"subject" must be a non-empty string'),
    ('{"subject": "a", "relation": "b", "object": "c", "negative": "false"}', '"negative" must be true or false'),
    ('["China", "supports", "Pakistan"]', "not a JSON object"),
])
def test_a_gold_line_without_three_label_strings_is_refused(tmp_path, line, cause):
    path = tmp_path / "gold.jsonl"
    path.write_text('# comment\n{"subject": "a", "relation": "b", "object": "c"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_gold(path)
    assert str(raised.value).startswith(f"E301 {path}:3: not a gold fact ({cause}")


def test_a_gold_file_that_is_not_utf8_names_the_line(runner, seeds_store, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"subject": "a", "relation": "b", "object": "c"}\n{"subject": "caf\xe9", "relation": "b", '
                     b'"object": "c"}\n')
    result = runner.invoke(main, ["eval", str(path), "--store", str(seeds_store)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"E301 {path}:2: not a gold fact (not UTF-8 text at column 17" in result.output
    with pytest.raises(InputError, match="E302 Cannot read the gold file .*No such file"):
        read_gold(tmp_path / "missing.jsonl")


def test_precision_scope_and_negative_facts(seeds_store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [{"subject": "China", "relation": "supports", "object": "Pakistan's sovereignty"},
            {"subject": "Wang Yi", "relation": "holdsPosition", "object": "Foreign Minister"},
            {"subject": "Wang Yi", "relation": "memberOf", "object": "Pakistan", "negative": True}]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with Store(seeds_store, read_only=True) as store:
        report = evaluate(store, gold)
    assert report.gold == 2 and report.found == 2 and report.recall == 1.0
    # every other asserted "China supports ..." triple is in scope and not in this gold file
    assert report.scored > report.correct and report.precision < 1.0
    assert report.negatives_asserted == []


def test_seeds_graph_against_the_gold_file(seeds_store):
    with Store(seeds_store, read_only=True) as store:
        report = evaluate(store, GOLD)
    assert report.gold >= 70
    assert report.precision >= 0.9, report.summary()
    assert report.recall >= 0.85, report.summary()
    assert report.negatives_asserted == [], report.summary()
    assert report.unresolved == [], report.summary()


def test_eval_command_prints_figures_and_misses(runner, seeds_store):
    result = runner.invoke(main, ["eval", str(GOLD), "--store", str(seeds_store)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("precision: ") and "recall: " in result.output and "F1: " in result.output
    as_json = json.loads(runner.invoke(main, ["eval", str(GOLD), "--format", "json", "--store", str(seeds_store)]).output)
    assert 0 <= as_json["precision"] <= 1 and isinstance(as_json["misses"], list)
