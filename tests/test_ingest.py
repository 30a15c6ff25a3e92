"""Reading inputs: formats, folders and globs, and bad files skipped with a reason."""

from __future__ import annotations

import json

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest import read_inputs


def test_reads_every_supported_format_from_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Title A\n\nChina supports Pakistan.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title B\n\nText.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Title C</title><script>var x = 1;</script></head>"
        "<body><p>First &amp; second.</p><p>Third.</p></body></html>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "One.", "id": "x1", "title": "T1", "url": "https://e.org/1", "published": "2025-12-04"})
        + "\n" + json.dumps({"text": "Two."}) + "\n", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("a,b", encoding="utf-8")
    docs, skipped = read_inputs([tmp_path])
    by_title = {d.title: d for d in docs}
    assert set(by_title) == {"Title A", "Title B", "Title C", "T1", "Two."}
    assert by_title["Title C"].text == "First & second.\nThird."
    assert by_title["T1"].url == "https://e.org/1" and by_title["T1"].source.endswith("d.jsonl#x1")
    assert skipped == []


def test_glob_matches_files(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"{name} text", encoding="utf-8")
    docs, _ = read_inputs([str(tmp_path / "x*.txt")])
    assert sorted(d.title for d in docs) == ["x1.txt text", "x2.txt text"]


@pytest.mark.parametrize("name, data, reason", [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("empty.txt", b"  \n", "empty"),
    ("latin1.txt", "caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_are_skipped_with_a_reason_naming_the_file(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("China supports Pakistan.", encoding="utf-8")
    docs, skipped = read_inputs([tmp_path])
    assert [d.title for d in docs] == ["China supports Pakistan."]
    (skip,) = skipped
    assert reason in skip.reason and skip.source.endswith(name)
    assert name in str(skip)


def test_a_bad_jsonl_line_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "Good."}\nnot json\n{"title": "no text"}\n', encoding="utf-8")
    docs, skipped = read_inputs([path])
    assert [d.text for d in docs] == ["Good."]
    assert [s.source.rsplit("#", 1)[1] for s in skipped] == ["L2", "L3"]
    assert all("E009" in s.reason for s in skipped)


def test_a_missing_path_is_an_error_on_the_command_line():
    with pytest.raises(InputError, match="E006 Nothing matches 'no/such/file.txt'"):
        read_inputs(["no/such/file.txt"], paths_only=True)


def test_a_string_that_is_no_path_is_article_text():
    docs, _ = read_inputs(["China supports Pakistan."])
    assert docs[0].text == "China supports Pakistan."


@pytest.mark.parametrize("text", ["x" * 300, "a/" + "b" * 300 + "*.txt", "x\x00y"])
def test_a_string_that_cannot_be_a_path_is_article_text(text):
    docs, skipped = read_inputs([text])
    assert [d.text for d in docs] == [text] and skipped == []
    with pytest.raises(InputError, match="E006 Nothing matches"):
        read_inputs([text], paths_only=True)


@pytest.mark.parametrize("item", ["", "  \t "])
def test_an_empty_item_is_skipped_never_read_as_the_working_folder(tmp_path, monkeypatch, item):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "here.txt").write_text("China supports Pakistan.", encoding="utf-8")
    docs, skipped = read_inputs([item, "Pakistan thanks China."])
    assert [d.text for d in docs] == ["Pakistan thanks China."]
    assert [str(s) for s in skipped] == ["skipped text:0: empty text; give an article's text, or a file, folder or glob"]
    with pytest.raises(InputError, match="E014 Input 1 is empty"):
        read_inputs([item], paths_only=True)


@pytest.mark.parametrize("arg, code", [("a" * 300, "E006 Nothing matches"), ("", "E014 Input 1 is empty")])
def test_build_command_rejects_an_impossible_or_empty_path(runner, tmp_path, arg, code):
    from graphbuild.cli import main

    result = runner.invoke(main, ["build", arg, "--store", str(tmp_path / "s"), "--no-html"])
    assert result.exit_code == 1 and code in result.output and "Traceback" not in result.output
