"""Default bounds on what one command holds in memory, shared by the library and the CLI.

Kept in a module of their own so that the CLI can show them in ``--help`` without importing
the store or spaCy.
"""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_DOC_CHARS", "DEFAULT_MAX_ROWS"]

# A longer document is skipped by a build: its parse needs the memory of one piece (see
# graphbuild.nlp.PIECE_CHARS), but its facts and quads are held until it is stored, about
# 250 MB per million characters (bench/long_document_memory.py). spaCy's own default limit.
DEFAULT_MAX_DOC_CHARS = 1_000_000

# Most result rows 'graphbuild query' writes before it stops and says so.
DEFAULT_MAX_ROWS = 100_000
