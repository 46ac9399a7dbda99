"""The one interface every source of places implements, and the record it yields."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Protocol

from gazetteer.model import KINDS


@dataclass
class PlaceRecord:
    """A place as a source gives it: the Place fields plus every spelling it is known by."""
    id: str
    kind: str
    name: str
    arabic_name: str
    latitude: float
    longitude: float
    admin1: str
    country: str
    population: int = 0
    source: str = ""
    variants: list[str] = field(default_factory=list)
    unmatched: frozenset[str] = frozenset()     # its own names that must not match (excluded_spellings.tsv)

    def problem(self) -> str | None:
        """What is wrong with this record, or None."""
        if not self.id:
            return "empty id"
        if self.kind not in KINDS:
            return f"unknown kind {self.kind!r} (one of {', '.join(KINDS)})"
        if not (self.name or self.arabic_name):
            return "neither a name nor an Arabic name"
        if not (-90 <= self.latitude <= 90 and -180 <= self.longitude <= 180):
            return f"coordinates out of range ({self.latitude}, {self.longitude})"
        return None


class PlaceSource(Protocol):
    """Anything that yields PlaceRecords; raises GazetteerDataError on a bad file or line."""
    label: str

    def records(self) -> Iterator[PlaceRecord]: ...
