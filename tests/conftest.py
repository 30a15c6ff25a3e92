"""Shared fixtures: the seeds corpus, a store built from it once per session, a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> Path:
    """A store built from seeds/ once; tests copy it (``store_copy``) before writing to it."""
    path = tmp_path_factory.mktemp("seeds") / "store"
    with KnowledgeGraph.open(path) as kg:
        kg.build([SEEDS])
    return path


@pytest.fixture
def store_copy(seeds_store, tmp_path) -> Path:
    """A private copy of the seeds store that a test may change."""
    target = tmp_path / "store"
    shutil.copytree(seeds_store, target, ignore=shutil.ignore_patterns("graphbuild.lock", "LOCK"))
    return target


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
