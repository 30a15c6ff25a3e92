"""The store as an ``rdflib.Dataset``, for Python users who expect rdflib's API."""

from __future__ import annotations

import io

import pyoxigraph as ox
import rdflib

from .store import Store

__all__ = ["to_dataset"]


def to_dataset(store: Store) -> rdflib.Dataset:
    """Every quad, named graphs kept; parsed from an N-Quads dump (fast and exact)."""
    buffer = io.BytesIO()
    ox.serialize(store.quads(), buffer, ox.RdfFormat.N_QUADS)
    dataset = rdflib.Dataset()
    dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
    return dataset
