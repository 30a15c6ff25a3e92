"""Options shared by several commands."""

from __future__ import annotations

import click

DEFAULT_STORE = "graphbuild-store"


def store_option(func):
    """``--store DIR``: the on-disk graph store a command reads or writes."""
    return click.option(
        "--store", "store", default=DEFAULT_STORE, show_default=True,
        type=click.Path(file_okay=False), help="Folder of the on-disk graph store.",
    )(func)
