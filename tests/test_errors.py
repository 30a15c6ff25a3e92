"""Every error message lives in graphbuild/errors.py, under its own code, and no code is used twice."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import graphbuild.errors

PACKAGE = Path(graphbuild.errors.__file__).parent
CODE = re.compile(r"E\d{3}")
CODED_TEXT = re.compile(r"E\d{3} ")


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments whose value is a plain string."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def _error_constants() -> dict[str, str]:
    tree = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    return {name: text for name, text in _constants(tree).items() if CODE.fullmatch(name)}


def test_each_message_starts_with_its_own_code():
    constants = _error_constants()
    assert len(constants) > 40
    wrong = {name: text[:20] for name, text in constants.items() if not text.startswith(name + " ")}
    assert not wrong, f"messages that do not start with their constant's code: {wrong}"


def test_codes_are_unique_and_in_order():
    source = (PACKAGE / "errors.py").read_text(encoding="utf-8")
    names = [n.targets[0].id for n in ast.parse(source).body
             if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and CODE.fullmatch(n.targets[0].id)]
    assert len(names) == len(set(names)), f"codes defined twice: {sorted({n for n in names if names.count(n) > 1})}"
    assert names == sorted(names), "keep the codes in errors.py in code order"
    texts = [text.split(" ", 1)[0] for text in _error_constants().values()]
    assert len(texts) == len(set(texts))


def test_constants_are_exported_by_the_module():
    for name, text in _error_constants().items():
        assert getattr(graphbuild.errors, name) == text


def test_no_other_module_defines_coded_messages():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
                text = node.value.decode("latin-1") if isinstance(node.value, bytes) else node.value
                if CODED_TEXT.match(text):
                    offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {text[:40]!r}")
    assert not offenders, "coded messages belong in graphbuild/errors.py:\n" + "\n".join(offenders)
