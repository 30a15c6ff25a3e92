"""A wheel of graphbuild, installed (not editable) in a fresh environment, builds the seeds from a
folder outside the checkout: the ontology, shapes, lexicon and gazetteer travel inside the package.

Offline: the wheel is built with this environment's setuptools (no build isolation), and the fresh
environment borrows this one's installed dependencies through a ``.pth`` line, so nothing is
downloaded. ``.ci/wheel-check`` does the same with a full install from the package index.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _run(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory) -> Path:
    """A fresh virtual environment with graphbuild installed from its wheel; returns its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # only what a wheel is built from: no tests, seeds or ontologies beside it
    shutil.copytree(ROOT / "graphbuild", source / "graphbuild", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", work / "dist", source)
    (wheel,) = (work / "dist").glob("graphbuild-*.whl")

    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel)
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    # the dependencies come from this environment; its editable graphbuild is not seen (no .pth processing)
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv / "bin"


def test_the_installed_package_is_the_wheel_not_the_checkout(wheel_env, tmp_path):
    where = _run(wheel_env / "python", "-c", "import graphbuild; print(graphbuild.__file__)", cwd=tmp_path).stdout
    assert Path(where.strip()).is_relative_to(wheel_env.parent), where
    assert not Path(where.strip()).is_relative_to(ROOT)
    assert (Path(where.strip()).parent / "py.typed").exists(), "type information ships in the wheel"


def test_a_wheel_install_builds_the_seeds_outside_the_checkout(wheel_env, tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    built = _run(wheel_env / "graphbuild", "build", "articles", "--no-html", cwd=tmp_path).stdout
    assert "documents: 2 built" in built
    answer = _run(wheel_env / "graphbuild", "query", "ASK { ?p rdfs:subPropertyOf+ gb:support . ?s ?p ?o }",
                  cwd=tmp_path).stdout
    assert answer.strip() == "true"
    report = _run(wheel_env / "graphbuild", "validate", cwd=tmp_path).stdout
    assert report.startswith("conforms")
