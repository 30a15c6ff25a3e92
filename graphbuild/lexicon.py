"""The relation lexicon (``graphbuild/ontologies/lexicon.tsv``): predicate lemmas mapped to ontology properties.

>>> lexicon = load_lexicon()
>>> lexicon.property_for("verb", "support"), lexicon.property_for("noun", "concern")
('supports', 'concernedAbout')
>>> lexicon.property_for("verb", "pursue") is None
True
>>> lexicon.property_for("verb", "criticise")
'criticizes'
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from .vocab import ONTOLOGY_DIR

__all__ = ["Lexicon", "load_lexicon"]

_SPELLINGS = (("ise", "ize"), ("yse", "yze"))  # verb endings: British, American


@dataclass(frozen=True)
class Lexicon:
    """``(kind, lemma) -> property local name``; kind is ``verb`` or ``noun``."""

    entries: dict[tuple[str, str], str]

    def property_for(self, kind: str, predicate: str) -> str | None:
        """The property for a predicate key ("support", "call for", "hold in"), if the lexicon has one.
        British spellings find their American entry: "criticise" is "criticize"."""
        found = self.entries.get((kind, predicate))
        if found is None and kind == "verb":
            head, _, rest = predicate.partition(" ")
            for british, american in _SPELLINGS:
                if head.endswith(british):
                    return self.entries.get((kind, f"{head[: -len(british)]}{american} {rest}".strip()))
        return found


@functools.lru_cache(maxsize=None)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read the lexicon TSV (comment lines start with ``#``; a header row names the columns)."""
    path = path or ONTOLOGY_DIR / "lexicon.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return Lexicon({(row["kind"], row["lemma"]): row["property"] for row in rows})
