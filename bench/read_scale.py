"""How the read commands scale: stats, analyze, render, validate on 100, 500 and 2,000 articles.

For each size N this makes N distinct articles (``bench/wikinews_corpus.py``), builds them into
a store (``graphbuild build --no-html``), unless the folder already holds that store, and times
each read command as a user runs it, in a fresh process (wall seconds):

- ``summary (once)``: the first read of a store without a summary builds one (a store built by
  an older graphbuild); 0 when the store already had it;
- ``stats``, ``analyze``, ``render`` (the default view, to a scratch file);
- ``validate --all`` (every document graph checked, results recorded);
- ``validate, 1 changed``: after one more document arrives (``graphbuild build -`` from standard
  input, not timed), ``validate`` with no option checks what changed since the last validation.

Then it prints, for each command, the growth factor from 500 to 2,000 articles (time at 2,000
over time at 500; 4.0 is linear growth, since the corpus grows four times) as the ratio against
the smaller run in this same run.

    python bench/read_scale.py [--sizes 100,500,2000] [--folder DIR]

``--folder`` keeps corpora and stores (``DIR/corpus-N``, ``DIR/store-N``) for the next run, which
then reuses them instead of rebuilding; by default a scratch folder is used and removed. A store
copied there from elsewhere is used as it is (it is written to: the summary and one document).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GRAPHBUILD = [str(Path(sys.executable).parent / "graphbuild")]  # the command a user runs, from this venv
COMMANDS = ("summary (once)", "stats", "analyze", "render", "validate --all", "validate, 1 changed")


def run(args: list[str], *, stdin: str | None = None) -> float:
    """Seconds that ``graphbuild ARGS`` took; exits if it failed (validate may exit 1: reported)."""
    start = time.perf_counter()
    done = subprocess.run([*GRAPHBUILD, *args], input=stdin, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1) or (done.returncode == 1 and args[0] != "validate"):
        sys.exit(f"graphbuild {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    if done.returncode == 1:
        print(f"  note: {' '.join(args[:1])} reports violations: {done.stdout.splitlines()[0]}", flush=True)
    return seconds


def prepare(size: int, folder: Path) -> Path:
    """The store of ``size`` articles in ``folder``, built if it is not there yet."""
    store = folder / f"store-{size}"
    if (store / "CURRENT").exists():
        print(f"{size} articles: reusing {store}", flush=True)
        return store
    corpus = folder / f"corpus-{size}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(HERE / "wikinews_corpus.py"), str(size), str(corpus)], check=True,
                       stdout=subprocess.DEVNULL)
    print(f"{size} articles: building {store} ...", flush=True)
    start = time.perf_counter()
    run(["build", str(corpus), "--store", str(store), "--no-html"])
    print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
    return store


def measure(store: Path, scratch: Path) -> dict[str, float]:
    """Wall seconds of each read command on ``store``."""
    times: dict[str, float] = {}
    has_summary = (store / "graphbuild-summary.sqlite").exists()
    first = run(["stats", "--store", str(store)])
    times["stats"] = run(["stats", "--store", str(store)])
    times["summary (once)"] = 0.0 if has_summary else max(first - times["stats"], 0.0)
    times["analyze"] = run(["analyze", "--store", str(store)])
    times["render"] = run(["render", "--store", str(store), "-o", str(scratch / "graph.html")])
    times["validate --all"] = run(["validate", "--store", str(store), "--all"])
    article = f"Bench article written at {time.time():.0f}. China supports Pakistan. India criticizes Nepal."
    run(["build", "-", "--store", str(store), "--no-html"], stdin=article)  # one changed document, not timed
    times["validate, 1 changed"] = run(["validate", "--store", str(store)])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,2000", help="article counts, comma-separated")
    parser.add_argument("--folder", type=Path, default=None, help="keep (and reuse) corpora and stores here")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    folder = options.folder or Path(tempfile.mkdtemp(prefix="graphbuild-read-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        results = {}
        with tempfile.TemporaryDirectory() as scratch:
            for size in sizes:
                store = prepare(size, folder)
                results[size] = measure(store, Path(scratch))
                print(f"  {size}: " + "  ".join(f"{name} {t:.1f} s" for name, t in results[size].items()), flush=True)
        report(results)
    finally:
        if options.folder is None:
            shutil.rmtree(folder, ignore_errors=True)


def report(results: dict[int, dict[str, float]]) -> None:
    sizes = sorted(results)
    print()
    print("seconds (wall, one run each)".ljust(24) + "".join(f"{size:>10,}" for size in sizes)
          + ("   growth 500->2,000 (linear: 4.0)" if {500, 2000} <= set(sizes) else ""))
    for name in COMMANDS:
        line = name.ljust(24) + "".join(f"{results[size][name]:>10.1f}" for size in sizes)
        if {500, 2000} <= set(sizes) and results[500][name] > 0:
            line += f"   {results[2000][name] / results[500][name]:>6.1f}x"
        print(line)


if __name__ == "__main__":
    main()
