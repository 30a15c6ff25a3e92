"""Draw a fixed random sample of asserted triples with their sentences, for judging by hand;
then score a judged sample.

The Wikinews split (tests/data/wikinews/README.md): an article whose Wikinews id is odd is in the
checking half, even in the tuning half. Build one half into a store, draw the sample, judge each
row in the ``judgement`` column (correct / partial / wrong, as a careful reader of the sentence
would), then score it:

    graphbuild build $(python bench/precision_sample.py --half checking --list) --store /tmp/check
    python bench/precision_sample.py --store /tmp/check --sample 120 --seed 9 > sample.tsv
    python bench/precision_sample.py --score tests/data/wikinews/checking_sample_judged.tsv
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "wikinews"
COLUMNS = ("document", "subject", "predicate", "object", "sentence", "judgement")

# One row per asserted fact and sentence: the statement's arguments as resolved entities.
_ASSERTED = """
SELECT DISTINCT ?source ?slabel ?p ?plabel ?olabel ?sentence WHERE {
  GRAPH ?g {
    ?st gb:asserted true ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gb:sentence ?sentence .
    ?s rdfs:label ?slabel . ?o rdfs:label ?olabel .
    ?g gb:source ?source .
  }
  OPTIONAL { ?p rdfs:label ?plabel }
}"""


def half(name: str) -> list[Path]:
    """The articles of the ``checking`` (odd Wikinews id) or ``tuning`` (even id) half."""
    want = 1 if name == "checking" else 0
    return sorted(p for p in WIKINEWS.glob("*.txt") if int(p.name.split("_", 1)[0]) % 2 == want)


def asserted_rows(store: str) -> list[dict[str, str]]:
    from graphbuild import KnowledgeGraph

    with KnowledgeGraph.open(store, read_only=True) as kg:
        rows = []
        for row in kg.query(_ASSERTED):
            local = row["p"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            rows.append({"document": Path(row["source"].value).name, "subject": row["slabel"].value,
                         "predicate": f"{local} ({row['plabel'].value})" if row["plabel"] else local,
                         "object": row["olabel"].value, "sentence": " ".join(row["sentence"].value.split()),
                         "judgement": ""})
    rows.sort(key=lambda r: tuple(r.values()))
    return rows


def score(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        marks = Counter(row["judgement"].strip() for row in csv.DictReader(handle, delimiter="\t"))
    judged = marks["correct"] + marks["partial"] + marks["wrong"]
    if judged == 0 or judged != sum(marks.values()):
        raise SystemExit(f"{path}: every row needs a judgement of correct, partial or wrong; found {dict(marks)}")
    return (f"judged {judged}: correct {marks['correct']}, partial {marks['partial']}, wrong {marks['wrong']}\n"
            f"precision strict {marks['correct'] / judged:.2f}, "
            f"counting partly right {(marks['correct'] + marks['partial']) / judged:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("checking", "tuning"), help="with --list: print that half's files")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--store", help="store built from one half")
    parser.add_argument("--sample", type=int, default=120)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--score", metavar="TSV", help="score a judged sample")
    args = parser.parse_args()
    if args.list:
        print("\n".join(str(p) for p in half(args.half or "tuning")))
    elif args.score:
        print(score(args.score))
    elif args.store:
        rows = asserted_rows(args.store)
        sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
        writer = csv.DictWriter(sys.stdout, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(sample)
        print(f"# {len(sample)} of {len(rows)} asserted facts, seed {args.seed}", file=sys.stderr)
    else:
        parser.error("give --list, --store or --score")


if __name__ == "__main__":
    main()
