"""Build throughput and peak memory with every core and with Dask, against bare spaCy, in one run.

For each corpus size, runs in turn (each in its own process, timed from start to exit, model
loading included): bare ``nlp.pipe`` of spaCy's own pipeline as ``spacy.load`` gives it, bare
``nlp.pipe(n_process=2)``, then ``graphbuild build`` into a fresh store with ``--jobs 1``,
``--jobs 2`` and ``--cluster local:2``. Peak RSS is that of the whole process tree (the parent,
its workers, Dask's nannies and workers), sampled from /proc every 0.1 s; CPU seconds are those of
the tree (on a busy machine they say more than wall time). Prints docs/s, peak RSS
and the ratio of each run to bare single-process ``nlp.pipe``; targets: ``--jobs 2`` >= 1.6x, and
peak RSS at the largest size within 20% of the smallest (give two sizes). Also checks that the
``--jobs 2`` and ``--cluster`` graphs equal the ``--jobs 1`` graph (sorted N-Quads without build times).

    python bench/build_scale.py --docs 200            # about 3 minutes here
    python bench/build_scale.py --docs 200 2000       # and the memory ratio between the two sizes

The corpus is /work/scale/corpus-N when it exists, else made with bench/wikinews_corpus.py.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wikinews_corpus import write_corpus

SHARED_CORPUS = "/work/scale/corpus-{n}"
_GRAPHBUILD = [sys.executable, "-c", "from graphbuild.cli import main; main()"]
_BARE = """
import sys, pathlib, spacy
from graphbuild.nlp import BATCH_SIZE, DEFAULT_MODELS
nlp = spacy.load(next(n for n in DEFAULT_MODELS if spacy.util.is_package(n)))
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
n_process = int(sys.argv[2])
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)))
"""


def tree_rss(root: int) -> int:
    """Resident memory (bytes) of ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            continue
    return total


def timed(command: list[str]) -> tuple[float, float, int, str]:
    """Run ``command``; its wall time, the CPU seconds of its process tree (its own and those of the
    children it waited for), the peak RSS of its process tree, and its output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    if process.returncode:
        raise SystemExit(f"{' '.join(command[3:] or command)} failed:\n{output}")
    return seconds, usage.ru_utime + usage.ru_stime, peak, output


def graph_digest(store: Path) -> str:
    """SHA-256 of the store's sorted N-Quads without build timestamps."""
    export = subprocess.run([*_GRAPHBUILD, "export", "--store", str(store), "--format", "nquads"],
                            capture_output=True, check=True).stdout
    lines = sorted(line for line in export.split(b"\n") if line and b"generatedAtTime" not in line)
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def corpus(n: int, scratch: Path) -> Path:
    shared = Path(SHARED_CORPUS.format(n=n))
    if shared.is_dir() and len(list(shared.glob("*.txt"))) == n:
        return shared
    folder = scratch / f"corpus-{n}"
    write_corpus(n, folder)
    return folder


def measure(n: int, scratch: Path) -> dict[str, tuple[float, float, int]]:
    folder = corpus(n, scratch)
    runs: dict[str, tuple[float, float, int]] = {}
    for label, processes in (("bare nlp.pipe", 1), ("bare nlp.pipe(n_process=2)", 2)):
        seconds, cpu, peak, _ = timed([sys.executable, "-c", _BARE, str(folder), str(processes)])
        runs[label] = (seconds, cpu, peak)
    digests = {}
    for label, options in (("build --jobs 1", ["--jobs", "1"]), ("build --jobs 2", ["--jobs", "2"]),
                           ("build --cluster local:2", ["--cluster", "local:2"])):
        store = scratch / f"store-{n}-{len(digests)}"
        seconds, cpu, peak, output = timed([*_GRAPHBUILD, "build", str(folder), "--store", str(store), "--no-html",
                                            *options])
        if f"documents: {n} built" not in output:
            raise SystemExit(f"{label} did not build {n} documents:\n{output}")
        runs[label] = (seconds, cpu, peak)
        digests[label] = graph_digest(store)
    bare = runs["bare nlp.pipe"][0]
    print(f"\n{n} documents ({folder}); {os.cpu_count()} CPUs")
    print(f"{'run':28} {'seconds':>8} {'CPU s':>7} {'docs/s':>7} {'peak RSS':>10} {'x bare':>7} {'x bare n=2':>11}")
    for label, (seconds, cpu, peak) in runs.items():
        print(f"{label:28} {seconds:8.1f} {cpu:7.1f} {n / seconds:7.2f} {peak / 2 ** 20:7.0f} MB {bare / seconds:7.2f} "
              f"{runs['bare nlp.pipe(n_process=2)'][0] / seconds:11.2f}")
    same = len(set(digests.values())) == 1
    print(f"same graph (sorted N-Quads without build times) for --jobs 1, --jobs 2 and --cluster local:2: {same}")
    print(f"--jobs 2 / bare nlp.pipe: {bare / runs['build --jobs 2'][0]:.2f}x  (target >= 1.6x)")
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[200], help="corpus sizes, e.g. 200 2000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="build-scale-") as scratch:
        results = {n: measure(n, Path(scratch)) for n in args.docs}
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"\npeak RSS at {large} documents / at {small} (target <= 1.20):")
        for label in results[small]:
            print(f"  {label:28} {results[large][label][2] / results[small][label][2]:.2f}")


if __name__ == "__main__":
    main()
