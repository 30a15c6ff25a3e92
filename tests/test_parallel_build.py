"""Every core: worker processes build the same graph as one process, inputs stream through the build,
the local path never imports Dask, and the CLI's seconds cover the whole command."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphbuild import KnowledgeGraph
from graphbuild.errors import InputError

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "wikinews"


def _graph(kg: KnowledgeGraph) -> list[str]:
    lines = kg.export(format="nquads").decode("utf-8").splitlines()
    return sorted(line for line in lines if "generatedAtTime" not in line)


def test_two_workers_build_the_same_graph_as_one_process_and_report_the_same_counts(tmp_path):
    files = sorted(WIKINEWS.glob("*.txt"))[:20]
    assert len(files) == 20, f"expected the shared Wikinews articles in {WIKINEWS}"
    graphs, counts = [], []
    for jobs in (1, 2):
        seen: list[tuple[int, int]] = []
        with KnowledgeGraph.open(tmp_path / f"store-{jobs}") as kg:
            report = kg.build(files, jobs=jobs, progress=lambda done, total: seen.append((done, total)))
            graphs.append(_graph(kg))
        counts.append((report.documents, report.sentences, report.entities, report.relations, report.quads,
                       report.words))
        assert [done for done, _ in seen] == list(range(1, 21)) and seen[-1] == (20, 20)
    assert graphs[0] == graphs[1] and len(graphs[0]) > 10_000
    assert counts[0] == counts[1] and counts[0][0] == 20


def test_inputs_are_read_as_the_build_goes_not_all_before_it(tmp_path, seeds_dir, monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(60):
        (tmp_path / f"doc{i:02}.txt").write_text(f"Report {i}.\n\n" + texts[i % 2][:600], encoding="utf-8")
    read = []
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or real_read_bytes(self))
    read_at_commit: list[int] = []
    kg = KnowledgeGraph.in_memory()
    report = kg.build([tmp_path], jobs=1, progress=lambda done, total: read_at_commit.append(len(read)))
    assert report.documents == 60
    assert read_at_commit[0] < 40, "the first document was stored only after most files were read"


def test_the_local_build_never_imports_dask(tmp_path, seeds_dir):
    script = ("import sys; from graphbuild import KnowledgeGraph\n"
              "report = KnowledgeGraph.in_memory().build([sys.argv[1]] * 1, jobs=2)\n"
              "assert report.documents == 2, report\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n")
    result = subprocess.run([sys.executable, "-c", script, str(seeds_dir)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("value", [0, -1, 1.5, True])
def test_jobs_must_be_a_whole_positive_number(value):
    with pytest.raises(InputError, match="E024 jobs must be a whole number of 1 or more"):
        KnowledgeGraph.in_memory().build(["China supports Pakistan."], jobs=value)


def test_the_printed_seconds_cover_drawing_the_page(runner, tmp_path, monkeypatch):
    from graphbuild.cli import main
    from graphbuild.graph import KnowledgeGraph as Graph

    real_render = Graph.render

    def slow_render(self, *args, **kwargs):
        time.sleep(3)
        return real_render(self, *args, **kwargs)

    monkeypatch.setattr(Graph, "render", slow_render)
    result = runner.invoke(main, ["build", "-", "--store", str(tmp_path / "store"), "--html",
                                  str(tmp_path / "graph.html"), "--jobs", "1"], input="China supports Pakistan.")
    assert result.exit_code == 0, result.output
    seconds = float(result.output.split("seconds: ")[1].split()[0])
    assert seconds >= 3, result.output
