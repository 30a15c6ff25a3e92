"""The ``graphbuild`` command: a thin shell over the library.

Each sub-command lives in its own module of this package and exposes ``command`` (a
``click.Command``); ``main`` collects them all. Command modules import the heavy parts of the
library inside the command function, so ``graphbuild query`` never imports spaCy.
Library errors (:class:`graphbuild.errors.GraphbuildError`) become a one-line message and exit
status 1, never a traceback.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from ..errors import GraphbuildError

__all__ = ["main"]


class _Group(click.Group):
    """Loads every command module of this package and reports library errors cleanly."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            self.add_command(module.command)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GraphbuildError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphbuild")
def main() -> None:
    """Build a knowledge graph with provenance from news articles, query it, look at it, export it."""

