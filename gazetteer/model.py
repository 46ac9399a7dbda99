"""The gazetteer's value types: a Place, and a PlaceMention found in a text."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

# Kinds, most specific first: ranking prefers a facility to the town around it, a town to its
# governorate, a governorate to the country.
KINDS = (
    "military_base", "air_base", "airport", "oil_field", "gas_field", "border_crossing", "camp",
    "dam", "landmark", "town", "city", "governorate", "region", "country",
)
FACILITY_KINDS = frozenset(KINDS[:9])
# Rank of a kind in candidate ordering (lower is more specific). Towns and cities share a rank:
# population decides between them.
KIND_RANK = {k: (0 if k in FACILITY_KINDS else 1 if k in ("town", "city") else
                 2 if k == "governorate" else 3 if k == "region" else 4) for k in KINDS}


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer."""
    id: str              # stable: "gn:170794", "gov:SY-DY", "ap:OSDZ", "fac:al-omar-oil-field", "country:SY"
    name: str            # Latin display name
    arabic_name: str
    kind: str            # one of KINDS
    latitude: float
    longitude: float
    admin1: str          # governorate display name ("Deir ez-Zor"), "" when not known
    country: str         # "Syria", "Iraq", ...
    population: int = 0
    source: str = ""     # short provenance note

    def to_json(self) -> dict:
        """The fields `python -m gazetteer lookup` prints."""
        return {"id": self.id, "name": self.name, "arabic_name": self.arabic_name, "kind": self.kind,
                "latitude": self.latitude, "longitude": self.longitude, "admin1": self.admin1,
                "country": self.country, "population": self.population, "source": self.source}


class PlaceMention(NamedTuple):
    """A place name found in a text; offsets are into the original text."""
    start: int                       # includes an attached Arabic prefix (و ب ل ...) or a Latin article
    end: int
    surface: str                     # text[start:end]
    name_start: int                  # where the name proper begins, after a stripped prefix
    candidates: tuple[Place, ...]    # ranked best first

    @property
    def best(self) -> Place:
        return self.candidates[0]


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (haversine, mean Earth radius)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
