"""Run the command sessions of README.md and write their real output into it (a small cog).

A session is an indented block between ``<!-- session -->`` and ``<!-- /session -->``: each
``$ command`` (continued on the next lines while a quote is open) is run with bash in one scratch
folder holding a copy of ``seeds/`` and ``tests/data/``, and the lines after it, up to the next
command, are replaced by what it printed (standard output and error). Sessions run in order, in
the same folder, so a later one sees the store an earlier one built.

    python tools/readme_session.py          rewrite README.md from fresh runs
    python tools/readme_session.py --check  exit 1, with a diff, if README.md differs from a fresh run

Timings ("seconds: 1.4") differ from run to run and are not compared.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- session -->", "<!-- /session -->"
INDENT = "    "
_TIMING = re.compile(r"seconds: \d+(\.\d+)?")


def _complete(command: str) -> bool:
    try:
        shlex.split(command, comments=True)
        return True
    except ValueError:  # an open quote: the command goes on on the next line
        return False


def _commands(block: list[str]) -> list[list[str]]:
    """The ``$`` commands of a session block, each as its lines (the ``$`` line and continuations)."""
    commands: list[list[str]] = []
    for line in block:
        if line.startswith(INDENT + "$ "):
            commands.append([line])
        elif commands and not _complete("\n".join(c[len(INDENT) + 2:] if i == 0 else c
                                                   for i, c in enumerate(commands[-1]))):
            commands[-1].append(line)
    return commands


def _run(lines: list[str], folder: Path) -> list[str]:
    command = "\n".join(line[len(INDENT) + 2:] if i == 0 else line for i, line in enumerate(lines))
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               COLUMNS="100")
    done = subprocess.run(["bash", "-c", command], cwd=folder, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=600)
    output = [INDENT + line if line else "" for line in done.stdout.rstrip("\n").split("\n") if done.stdout.strip()]
    if done.returncode != 0:
        output.append(f"{INDENT}(exit status {done.returncode})")
    return output


def regenerate(text: str, folder: Path) -> str:
    """``text`` (a README) with the output of every session command replaced by a fresh run's."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i].strip() != START:
            i += 1
            continue
        end = lines.index(END, i)
        block = lines[i + 1:end]
        out.append("")
        for command in _commands(block):
            out += command
            out += _run(command, folder)
        out.append("")
        i = end
    return "\n".join(out)


def _scratch() -> tempfile.TemporaryDirectory:
    scratch = tempfile.TemporaryDirectory(prefix="graphbuild-readme-")
    shutil.copytree(ROOT / "seeds", Path(scratch.name) / "seeds")
    shutil.copytree(ROOT / "tests" / "data", Path(scratch.name) / "tests" / "data")
    return scratch


def main(argv: list[str]) -> int:
    check = "--check" in argv
    current = README.read_text(encoding="utf-8")
    with _scratch() as folder:
        fresh = regenerate(current, Path(folder))
    if not check:
        README.write_text(fresh, encoding="utf-8")
        return 0
    mask = lambda text: _TIMING.sub("seconds: N", text).split("\n")  # noqa: E731
    diff = list(difflib.unified_diff(mask(current), mask(fresh), "README.md", "fresh run", lineterm=""))
    if diff:
        print("\n".join(diff))
        print("\nREADME.md differs from a fresh run: run 'python tools/readme_session.py' and review the diff.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
