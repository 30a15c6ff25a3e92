"""A corpus of N distinct news articles made from the shared Wikinews articles, for scale benchmarks.

Copy 0 of each article is the article itself; copy k adds k to every whole number in it
("$40 billion" becomes "$43 billion" in copy 3), so every file has its own content hash and
its own facts while the sentences, and so the parse and extraction work, stay realistic.
Articles without a number get " (k)" after their title line.

    python bench/wikinews_corpus.py 2000 /tmp/corpus-2000    # writes 2,000 .txt files
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

WIKINEWS = Path(__file__).resolve().parents[1].parent / "shared" / "wikinews"
_NUMBER = re.compile(r"\b\d+\b")


def wikinews_articles(folder: Path = WIKINEWS) -> list[tuple[str, str]]:
    """``(stem, text)`` of every shared Wikinews article, in name order."""
    files = sorted(p for p in folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no Wikinews articles in {folder}; put the shared folder beside the checkout")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in files]


def variant(text: str, copy: int) -> str:
    """The article's ``copy``-th distinct variant (0: the article unchanged)."""
    if copy == 0:
        return text
    changed = _NUMBER.sub(lambda m: str(int(m.group()) + copy), text)
    if changed != text:
        return changed
    title, _, rest = text.partition("\n")
    return f"{title} ({copy})\n{rest}"


def distinct_articles(count: int, folder: Path = WIKINEWS) -> Iterator[tuple[str, str]]:
    """``count`` ``(file name, text)`` pairs, all texts distinct: every article once, then copy 1 of each, ..."""
    articles = wikinews_articles(folder)
    for index in range(count):
        copy, which = divmod(index, len(articles))
        stem, text = articles[which]
        yield f"{stem}-{copy:04d}.txt", variant(text, copy)


def write_corpus(count: int, destination: Path, folder: Path = WIKINEWS) -> Path:
    """Write ``count`` distinct articles into ``destination`` (created); return it."""
    destination.mkdir(parents=True, exist_ok=True)
    for name, text in distinct_articles(count, folder):
        (destination / name).write_text(text, encoding="utf-8")
    return destination


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many distinct articles")
    parser.add_argument("destination", type=Path, help="folder to write them into")
    args = parser.parse_args()
    write_corpus(args.count, args.destination)
    print(f"{args.count} articles in {args.destination}")


if __name__ == "__main__":
    main()
