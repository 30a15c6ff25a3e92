"""``graphbuild openie``: CaRB system format from real parses of news sentences."""

from __future__ import annotations

import pytest

from graphbuild.cli import main
from graphbuild.errors import InputError
from graphbuild.openie import openie_file, openie_lines

SENTENCES = [
    "Pakistan and China on Monday jointly urged stronger measures to dismantle terrorist groups.",
    "The next round of the dialogue will be held in Islamabad next year.",
    "They pledged deeper cooperation in trade.",
]


def test_tuples_name_their_line_and_have_two_arguments():
    tuples = list(openie_lines(SENTENCES))
    assert {t.sentence for t in tuples} <= set(SENTENCES)
    assert all(len(t.arguments) >= 2 and 0 < t.confidence <= 1 for t in tuples)
    urged = next(t for t in tuples if "urged" in t.relation)
    assert urged.arguments[0] == "Pakistan and China" and "stronger measures" in urged.arguments[1]
    held = next(t for t in tuples if "held" in t.relation)
    assert held.relation == "will be held in" and held.arguments[1] == "Islamabad"


def test_openie_command_writes_carb_lines(runner, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["openie", str(path), "--format", "carb"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines and all(line.split("\t")[0] in SENTENCES and len(line.split("\t")) >= 5 for line in lines)
    float(lines[0].split("\t")[1])


@pytest.mark.parametrize("name, data, cause", [
    ("latin1.txt", "caf\xe9 au lait".encode("latin-1"), "not UTF-8 text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("missing.txt", None, "No such file"),
    ("folder", "dir", "Is a directory"),
])
def test_a_file_that_is_no_text_is_refused_before_parsing(tmp_path, name, data, cause):
    path = tmp_path / name
    if data == "dir":
        path.mkdir()
    elif data is not None:
        path.write_bytes(data)
    with pytest.raises(InputError, match=f"E015 Cannot read '{path}': {cause}"):
        openie_file(path)


def test_openie_command_names_an_undecodable_file_or_stdin(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9 au lait".encode("latin-1"))
    result = runner.invoke(main, ["openie", str(path)])
    assert result.exit_code == 1 and f"E015 Cannot read '{path}': not UTF-8" in result.output
    result = runner.invoke(main, ["openie", "-"], input=b"\xff\xfe\x00")
    assert result.exit_code == 1 and "E015 Cannot read 'standard input'" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, UnicodeDecodeError)
