"""Remove documents from the store by where they came from, all in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .sources import resolve_sources
from .store import Store

__all__ = ["RemoveReport", "remove_sources"]


@dataclass
class RemoveReport:
    """The sources whose documents were removed, and how many document graphs went."""

    sources: list[str] = field(default_factory=list)
    graphs: int = 0

    def summary(self) -> str:
        lines = [f"removed {self.graphs} document{'s' if self.graphs != 1 else ''}"]
        return "\n".join(lines + [f"  {source}" for source in self.sources])


def remove_sources(store: Store, given: Iterable[str]) -> RemoveReport:
    """Drop every document read from ``given`` (files, ``.jsonl`` lines, folders or stored source
    names). All or nothing: a name that matches no stored document is E019 and nothing is removed."""
    _, by_source = store.document_index()
    sources = resolve_sources(given, by_source)
    graphs = [graph for source in sources for graph in by_source[source]]
    store.drop_graphs(graphs)
    return RemoveReport(sources=sorted(sources), graphs=len(set(graphs)))
