"""The country gazetteer: names, alternative names, demonyms, capitals and ISO 3166 codes.

The data lives in ``graphbuild/ontologies/gazetteer.tsv``, generated (never typed by hand) from two
maintained PyPI packages: ``countryinfo`` (common names, alternative spellings, demonyms,
capitals) joined on the ISO 3166 alpha-2 code with ``pycountry`` (official ISO names). Rebuild it
after upgrading either package with::

    python -m graphbuild.gazetteer

At run time only the TSV is read, so neither package is needed to build graphs.

>>> gazetteer = load_gazetteer()
>>> gazetteer.country("Pakistan").code, gazetteer.country("Islamic Republic of Pakistan").name
('PK', 'Pakistan')
>>> gazetteer.by_demonym("Chinese").name, gazetteer.by_capital("Islamabad").name
('China', 'Pakistan')
>>> gazetteer.country("Beijing") is None
True
"""

from __future__ import annotations

import csv
import functools
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .vocab import ONTOLOGY_DIR

__all__ = ["Country", "Gazetteer", "load_gazetteer"]

GAZETTEER_PATH = ONTOLOGY_DIR / "gazetteer.tsv"
ALIASES_PATH = ONTOLOGY_DIR / "country_aliases.tsv"
_COLUMNS = ("code", "alpha3", "name", "capital", "demonyms", "names")


@dataclass(frozen=True)
class Country:
    """One country: canonical (common) name, ISO 3166 alpha-2 code, capital, demonyms, other names."""

    code: str
    alpha3: str
    name: str
    capital: str
    demonyms: tuple[str, ...]
    names: tuple[str, ...]


def _key(text: str) -> str:
    """Case-folded, accent-insensitive form used for look-ups ("Türkiye" -> "turkiye")."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


class Gazetteer:
    """Look-ups by name (or ISO code), demonym and capital."""

    def __init__(self, countries: list[Country], aliases: list[tuple[str, str, str]] = ()) -> None:
        self.countries = countries
        self._names: dict[str, Country] = {}
        self._demonyms: dict[str, Country] = {}
        self._capitals: dict[str, Country] = {}
        for country in countries:  # first writer wins: canonical names go before alternatives
            self._names.setdefault(_key(country.name), country)
        shared: dict[str, set[str]] = {}
        for country in countries:
            for name in country.names:  # ISO codes are no names: "GM" the carmaker, "AI" the field
                self._names.setdefault(_key(name), country)
            for demonym in country.demonyms:
                self._demonyms.setdefault(_key(demonym), country)
                shared.setdefault(_key(demonym), set()).add(country.code)
            if country.capital:
                self._capitals.setdefault(_key(country.capital), country)
                # "Washington D.C." is usually just "Washington" in news text
                short = re.sub(r",?\s+D\.?\s?C\.?$", "", country.capital)
                self._capitals.setdefault(_key(short), country)
        for demonym, codes in shared.items():
            if len(codes) > 1:  # "American": two countries claim it; only a reviewed alias decides
                del self._demonyms[demonym]
        by_code = {country.code: country for country in countries}
        for kind, alias, code in aliases:
            target = self._names if kind == "name" else self._demonyms
            target[_key(alias)] = by_code[code]

    def country(self, name: str) -> Country | None:
        """The country called ``name`` (any listed name or reviewed alias), if any."""
        if len(name) < 2:
            return None
        return self._names.get(_key(name))

    def by_code(self, code: str) -> Country | None:
        """The country with ISO 3166 alpha-2 ``code``."""
        return next((c for c in self.countries if c.code == code), None)

    def by_demonym(self, word: str) -> Country | None:
        """"Pakistani" -> Pakistan; plural forms ("Afghans") are accepted."""
        key = _key(word)
        return self._demonyms.get(key) or (self._demonyms.get(key[:-1]) if key.endswith("s") else None)

    def names_a_place(self, name: str) -> bool:
        """A country or a capital ("France", "Kyiv"), whatever an NER called it."""
        return self.country(name) is not None or self.by_capital(name) is not None

    def by_capital(self, city: str) -> Country | None:
        """"Islamabad" -> Pakistan."""
        return self._capitals.get(_key(city))


@functools.lru_cache(maxsize=None)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read the generated gazetteer TSV (``|`` separates list values)."""
    countries = []
    with open(path or GAZETTEER_PATH, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            countries.append(Country(row["code"], row["alpha3"], row["name"], row["capital"],
                                     tuple(filter(None, row["demonyms"].split("|"))),
                                     tuple(filter(None, row["names"].split("|")))))
    return Gazetteer(countries, load_aliases())


def load_aliases(path: Path | None = None) -> list[tuple[str, str, str]]:
    """The reviewed ``(kind, alias, code)`` rows of ``country_aliases.tsv``."""
    with open(path or ALIASES_PATH, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(row["kind"], row["alias"], row["code"]) for row in rows]


def generate_rows() -> list[tuple[str, ...]]:
    """Gazetteer rows from the installed ``countryinfo`` and ``pycountry`` packages."""
    import countryinfo
    import pycountry

    rows: dict[str, tuple[str, ...]] = {}
    for item in countryinfo.all_countries():
        info = item.info()
        iso = info.get("ISO") or {}
        code = iso.get("alpha2")
        if not code or not info.get("name"):
            continue
        names = [n for n in info.get("altSpellings") or () if len(n) > 3]  # codes are added from ISO
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            names += [getattr(record, attr, "") for attr in ("name", "common_name", "official_name")]
        if info.get("nativeName"):
            names.append(info["nativeName"])
        names = [n for n in dict.fromkeys(names) if n and n != info["name"] and "\t" not in n and "|" not in n]
        capital = info.get("capital") or ""
        capital = capital[0] if isinstance(capital, list) else capital  # a few countries list several
        demonym = info.get("demonym") or ""
        row = (code, iso.get("alpha3", ""), info["name"], capital, demonym, "|".join(names))
        earlier = rows.get(code)
        if earlier is None or (demonym and not earlier[4]):  # a code listed twice: keep the fuller record
            rows[code] = row
    return sorted(rows.values())


def write_gazetteer(path: Path = GAZETTEER_PATH) -> int:
    """Regenerate the TSV; returns the number of countries written."""
    import importlib.metadata as md

    rows = generate_rows()
    versions = ", ".join(f"{p} {md.version(p)}" for p in ("countryinfo", "pycountry"))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(f"# generated by `python -m graphbuild.gazetteer` from {versions}; do not edit by hand\n")
        handle.write("\t".join(_COLUMNS) + "\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - maintenance script
    print(f"{write_gazetteer()} countries written to {GAZETTEER_PATH}", file=sys.stderr)
