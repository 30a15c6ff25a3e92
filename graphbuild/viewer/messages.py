"""Messages of errors the viewer raises, coded like :mod:`graphbuild.errors` (E1xx: viewer).

They live here until they move into ``graphbuild/errors.py``; the exception types are the
library's own.
"""

from __future__ import annotations

E101 = ("E101 No entity labelled '{label}' in the graph{hint}. Check the spelling (labels and aliases "
        "match without regard to case) or open the page without --focus and use its search box.")
E102 = ("E102 --query must be a SPARQL CONSTRUCT query whose triples link resources, e.g. "
        "'CONSTRUCT {{ ?s gb:supports ?o }} WHERE {{ ?s gb:supports ?o }}'; this one {got}.")
E103 = ("E103 The vis-network script is missing from the installed pyvis package (looked in {path}). "
        "Reinstall it: pip install --force-reinstall pyvis==0.3.2.")
E104 = "E104 {option} must be {rule}, not {value}."
