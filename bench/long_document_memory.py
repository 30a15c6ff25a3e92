"""Peak memory of ``graphbuild build`` on one long single-line article, against a ten times shorter one.

Writes the seed articles, repeated and joined into one line, to files of about 2 MB and 20 MB,
builds each into a fresh store with ``graphbuild build`` in its own process, and prints the
peak resident memory (``ru_maxrss`` of that process) and the ratio between the two.

A document is parsed piece by piece (``graphbuild.nlp.PIECE_CHARS``), so the parse needs the
same memory whatever the length; the document's facts, quads and its one store transaction
still grow with it (about 0.9 GB per million characters), which is why a build skips documents
longer than ``--max-doc-chars`` (default 1,000,000). So by default the 2 MB article is built
with ``--max-doc-chars`` raised and the 20 MB one runs with the default and is skipped;
``--build-large`` builds it too (that needs about 15 GB and 25 minutes).

Measured on the 2-core development machine: 2 MB built, 1.9 GB (5.3 GB before pieces); 20 MB
with the default limit, skipped unread at 0.13 GB; 20 MB built (--build-large), 15.0 GB, 7.9x
the 2 MB peak for 10x the text.

    python bench/long_document_memory.py [--small-mb 2] [--large-mb 20] [--build-large]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def single_line_article(path: Path, megabytes: float) -> int:
    """Write about ``megabytes`` MB of seed text on one line; return its length in characters."""
    seed = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(SEEDS.glob("*.txt")))
    size = int(megabytes * 1_000_000)
    text = (seed + " ") * (size // (len(seed) + 1) + 1)
    path.write_text(text[:size].rstrip() + "\n", encoding="utf-8")
    return len(text[:size].rstrip())


def peak_build(article: Path, store: Path, build: bool) -> tuple[int, float, str]:
    """Peak RSS in bytes, seconds and the first line printed of ``graphbuild build article`` in a
    process of its own; ``build``: raise --max-doc-chars so that the article is built."""
    command = [sys.executable, "-c", "from graphbuild.cli import main; main()", "build", str(article),
               "--store", str(store), "--no-html"] + (["--max-doc-chars", str(10 ** 9)] if build else [])
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if build and status != 0:
        sys.exit(f"the build of {article} failed:\n{output}")
    return usage.ru_maxrss * 1024, seconds, output.strip().splitlines()[0]  # Linux reports kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small-mb", type=float, default=2.0)
    parser.add_argument("--large-mb", type=float, default=20.0)
    parser.add_argument("--build-large", action="store_true", help="build the large article too (needs ~18 GB)")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for megabytes, build in ((args.small_mb, True), (args.large_mb, args.build_large)):
            article = Path(folder) / f"article-{megabytes:g}mb.txt"
            chars = single_line_article(article, megabytes)
            peak, seconds, said = peak_build(article, Path(folder) / f"store-{megabytes:g}", build)
            results.append((chars, peak))
            print(f"{chars:>12,} characters on one line: peak RSS {peak / 2 ** 20:8.0f} MB  ({seconds:.0f} s)  {said[:90]}",
                  flush=True)
    (small_chars, small_peak), (large_chars, large_peak) = results
    print(f"ratio large / small: {large_chars / small_chars:.1f}x the text, {large_peak / small_peak:.2f}x the peak RSS")


if __name__ == "__main__":
    main()
