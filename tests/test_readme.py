"""README.md shows real runs: its session blocks equal a fresh run of their commands
(``tools/readme_session.py`` rewrites them; this test only compares)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "readme_session.py"


def _tool():
    spec = importlib.util.spec_from_file_location("readme_session", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_runner_replaces_stale_output_and_keeps_continued_commands(tmp_path):
    readme = ("intro\n<!-- session -->\n    $ echo 'one\n      two'\n    stale\n"
              "    $ printf 'x\\n' && exit 3\n<!-- /session -->\nend")
    fresh = _tool().regenerate(readme, tmp_path)
    assert fresh == ("intro\n<!-- session -->\n\n    $ echo 'one\n      two'\n    one\n          two\n"
                     "    $ printf 'x\\n' && exit 3\n    x\n    (exit status 3)\n\n<!-- /session -->\nend")
    assert _tool().regenerate(fresh, tmp_path) == fresh  # a second run changes nothing


def test_the_readme_session_matches_a_fresh_run():
    result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitignore_covers_what_the_readme_writes():
    ignored = subprocess.run(["git", "check-ignore", "graph.html", "graph.ttl", "graph.graphml", "graphbuild-store/x",
                              "neo4j/nodes.csv", "dist/graphbuild.whl"], cwd=ROOT, capture_output=True, text=True)
    if ignored.returncode == 128:  # not a git checkout (e.g. an unpacked sdist): nothing to check
        return
    assert len(ignored.stdout.split()) == 6, ignored.stdout
