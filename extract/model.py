"""Value types that every stage of the pipeline speaks.

An Article flows through the stages; each stage adds annotations that keep character
offsets into the original text. The output is a list of Event, whose field names follow
the ACLED codebook where ACLED has one (see ARCHITECTURE.md for the fields strikemap adds).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

# ACLED's column order for CSV output, then the fields strikemap adds beside them.
ACLED_COLUMNS = [
    "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
]
STRIKEMAP_COLUMNS = [
    "article", "injured", "geo_reason", "place_id", "claims", "excerpt", "language",
    "original_source", "url",
]
EVENT_COLUMNS = ACLED_COLUMNS + STRIKEMAP_COLUMNS

STANCES = ("claim", "report", "deny", "blame")


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, before any extraction."""
    id: str                          # the file path, or the `id` of a JSON Lines article
    text: str
    published: date | None = None
    outlet: str | None = None        # who published it (Kurdistan24)
    url: str | None = None
    language: str | None = None      # "ar" or "en"; detected when not given
    original_source: str | None = None   # who wrote it first (Asharq Al-Awsat, Reuters)
    dateline: str | None = None      # where the outlet wrote from; never an event location
    title: str | None = None


@dataclass(frozen=True)
class Claim:
    """Who says something about an event, and how."""
    claimant: str
    stance: str                      # one of STANCES
    excerpt: str


@dataclass
class Event:
    """One coded event, ACLED's fields first."""
    article: str
    event_date: str | None           # YYYY-MM-DD
    time_precision: int | None       # 1 day, 2 week, 3 month
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None        # 1 exact place, 2 near / part of a region, 3 region
    geo_reason: str | None           # why this place, in words
    fatalities: int | None           # None: not reported; 0: the text says none
    injured: int | None
    source: str | None               # outlet
    notes: str = ""
    excerpt: str = ""                # the supporting text, in the article's language
    language: str | None = None
    claims: list[Claim] = field(default_factory=list)
    place_id: str | None = None      # gazetteer id of the located place
    original_source: str | None = None
    url: str | None = None
    excerpt_start: int | None = None  # offsets of `excerpt` in the article text
    excerpt_end: int | None = None

    def to_record(self) -> dict:
        """A plain dict, JSON-ready, ACLED fields first."""
        return asdict(self)
