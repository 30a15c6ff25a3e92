"""Options shared by several commands, so that every command spells them the same way:
``--store DIR``, ``--format`` (``json`` always among the choices), ``-f/--query-file FILE`` (``-``
for standard input), and ``--width N`` / ``--no-truncate`` for tables."""

from __future__ import annotations

import dataclasses
import json

import click

from ..errors import E011, InputError

DEFAULT_STORE = "graphbuild-store"


def store_option(func):
    """``--store DIR``: the on-disk graph store a command reads or writes."""
    return click.option(
        "--store", "store", default=DEFAULT_STORE, show_default=True,
        type=click.Path(file_okay=False), help="Folder of the on-disk graph store.",
    )(func)


def format_option(*choices: str):
    """``--format``: the first choice is the default (for people), ``json`` is for programs."""
    assert "json" in choices, "every command offers --format json"

    def decorate(func):
        return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                            help="Output format.")(func)
    return decorate


def width_options(func):
    """``--width N`` and ``--no-truncate``: how long a table cell may be."""
    func = click.option("--no-truncate", is_flag=True, help="Print table cells whole, however long.")(func)
    return click.option("--width", default=60, show_default=True, type=click.IntRange(5),
                        help="Cut table cells longer than this many characters.")(func)


def query_file_option(func):
    """``-f/--query-file FILE``: read a SPARQL query from FILE, or from standard input with ``-``."""
    return click.option("-f", "--query-file", "query_file", type=click.Path(dir_okay=False, allow_dash=True),
                        help="Read the SPARQL query from FILE ('-': standard input).")(func)


def read_query(query_file: str) -> str:
    """The text of a query file (``-``: standard input); E011 naming the file if it cannot be read."""
    try:
        with click.open_file(query_file, encoding="utf-8") as handle:  # "-": standard input
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        name = "standard input" if query_file == "-" else query_file
        raise InputError(E011.format(path=name, cause=getattr(exc, "strerror", None) or exc)) from exc


def echo_json(value: object) -> None:
    """Print ``value`` (dataclasses included) as indented JSON."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    click.echo(json.dumps(value, ensure_ascii=False, indent=1, default=str))
