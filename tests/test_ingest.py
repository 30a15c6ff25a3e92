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
    (tmp_path / "counted.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    docs, skipped = read_inputs([tmp_path])
    by_title = {d.title: d for d in docs}
    assert set(by_title) == {"Title A", "Title B", "Title C", "T1", "Two."}
    assert by_title["Title C"].text == "First & second.\nThird."
    assert by_title["T1"].url == "https://e.org/1" and by_title["T1"].source.endswith("d.jsonl#x1")
    assert [(s.source.rsplit("/", 1)[1], "'.csv' files are not read from a folder" in s.reason)
            for s in skipped] == [("counted.csv", True)]


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


@pytest.mark.parametrize("name", ["report.docx", "report.pdf", "Report.PDF"])
def test_office_documents_and_pdfs_are_refused_with_a_reason_even_when_named(tmp_path, name):
    path = tmp_path / name
    path.write_text("PK looks like text but is not an article", encoding="utf-8")
    for given in (path, tmp_path):
        docs, skipped = read_inputs([given])
        assert docs == [] and [s.source for s in skipped] == [str(path)]
        assert "save it as" in skipped[0].reason or "extract its text" in skipped[0].reason


def test_a_file_named_explicitly_is_read_as_text_whatever_its_extension(tmp_path):
    path = tmp_path / "notes.text"
    path.write_text("China supports Pakistan.", encoding="utf-8")
    docs, skipped = read_inputs([path])
    assert [d.text for d in docs] == ["China supports Pakistan."] and skipped == []


def test_text_given_as_text_is_an_article_even_where_paths_are_expected():
    from graphbuild.ingest import Text

    docs, _ = read_inputs([Text("seeds", source="stdin:1")], paths_only=True)
    assert [(d.text, d.source) for d in docs] == [("seeds", "stdin:1")]


def test_an_empty_folder_is_an_error_naming_the_fix(tmp_path):
    from graphbuild import KnowledgeGraph

    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="E018 Nothing to build: the inputs hold no files"):
        KnowledgeGraph.in_memory().build([tmp_path / "empty"])


def test_a_folder_of_unreadable_files_is_an_error_listing_them(runner, tmp_path):
    from graphbuild.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "in" / "b.csv").write_text("a,b", encoding="utf-8")
    result = runner.invoke(main, ["build", str(tmp_path / "in"), "--store", str(tmp_path / "s"), "--no-html"])
    assert result.exit_code == 1 and "E018 Nothing to build: every input was skipped" in result.output
    assert "a.pdf: .pdf is a PDF" in result.output and "b.csv" in result.output


def test_an_installed_reader_plugin_reads_its_format(tmp_path, monkeypatch):
    from graphbuild import readers

    plugin = tmp_path / "plugin"
    (plugin / "fake_docx_reader-1.0.dist-info").mkdir(parents=True)
    (plugin / "fake_docx_reader-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fake-docx-reader\nVersion: 1.0\n", encoding="utf-8")
    (plugin / "fake_docx_reader-1.0.dist-info" / "entry_points.txt").write_text(
        "[graphbuild.readers]\n.docx = fake_docx_reader:read_text\n", encoding="utf-8")
    (plugin / "fake_docx_reader.py").write_text(
        "def read_text(path):\n    return 'Text of ' + path.name\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(plugin))
    readers._installed.cache_clear()
    try:
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "report.docx").write_bytes(b"PK\x03\x04 not really a docx")
        docs, skipped = read_inputs([tmp_path / "in"])
    finally:
        readers._installed.cache_clear()
    assert [d.text for d in docs] == ["Text of report.docx"] and skipped == []
