"""End to end on the seed article, scored against the gold annotation (tests/gold/, see README there)
with the matching rule of the shared scorer: same article, within the gold radius, on the gold date
(or inside its window), one-to-one, nearest first."""
import json
import math
from pathlib import Path

import pytest

from extract.pipeline import extract_events
from extract.read import read_inputs

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "gold" / "000_a08cf0747df077be.json").read_text(encoding="utf-8"))
# The scorer's lenient actor keywords, for the labels the gold uses.
ACTOR_KEYWORDS = {"US forces": ["us forces", "american", "coalition"],
                  "Iran-aligned militias": ["iran", "militia", "irgc"],
                  "Israel": ["israel"], "Syrian government": ["syrian government", "regime"]}


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def date_ok(gold, event_date):
    window = gold.get("date_window")
    return window[0] <= event_date <= window[1] if window else event_date == gold["event_date"]


@pytest.fixture(scope="module")
def seed_events():
    (article,) = list(read_inputs([str(ROOT / "seeds" / "000_a08cf0747df077be.txt")], {}))
    return extract_events(article)


@pytest.fixture(scope="module")
def matches(seed_events):
    pairs = sorted((km(g["latitude"], g["longitude"], e.latitude, e.longitude), gi, si)
                   for gi, g in enumerate(GOLD["events"]) for si, e in enumerate(seed_events)
                   if km(g["latitude"], g["longitude"], e.latitude, e.longitude) <= g["radius_km"]
                   and date_ok(g, e.event_date))
    used_g, used_s, out = set(), set(), {}
    for _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi), used_s.add(si)
            out[GOLD["events"][gi]["id"]] = seed_events[si]
    return out


def test_every_gold_event_found_and_nothing_else(seed_events, matches):
    assert sorted(matches) == sorted(g["id"] for g in GOLD["events"])
    assert len(seed_events) == len(GOLD["events"])


@pytest.mark.parametrize("gold", GOLD["events"], ids=[g["id"] for g in GOLD["events"]])
def test_fields_of_each_event(gold, matches):
    e = matches[gold["id"]]
    assert e.sub_event_type == gold["sub_event_type"]
    assert e.event_type == gold["event_type"]
    for role in ("actor1", "actor2"):
        assert any(k in (getattr(e, role) or "").lower() for k in ACTOR_KEYWORDS[gold[role]]), role
    assert e.fatalities == gold["fatalities"]
    if "injured" in gold:
        assert e.injured == gold["injured"]
    assert e.geo_precision == gold["geo_precision"]
    assert e.time_precision == gold["time_precision"]
    assert e.admin1 == gold["admin1"] and e.country == gold["country"]


def test_claimants_of_each_event(matches):
    for gold in GOLD["events"]:
        claimants = {c.claimant for c in matches[gold["id"]].claims}
        assert set(gold["claimed_by"]) <= claimants, gold["id"]


def test_places_that_are_not_events(seed_events):
    # Erbil (dateline), Damascus and Tel Aviv (metonyms), Tehran, Syria (too coarse)
    ids = {e.place_id for e in seed_events}
    assert not ids & {"gn:95446", "gn:170654", "gn:293397", "gn:112931", "country:SY", "country:IR"}
    assert all(e.country == "Syria" for e in seed_events)


def test_excerpts_are_the_article_text(seed_events):
    text = (ROOT / "seeds" / "000_a08cf0747df077be.txt").read_text(encoding="utf-8")
    for e in seed_events:
        assert text[e.excerpt_start:e.excerpt_end] == e.excerpt
    depot = next(e for e in seed_events if e.place_id == "gn:170794")          # Deir ez-Zor city
    assert "داخل مدينة دير الزور" in depot.excerpt
    assert depot.geo_reason == f"inside {depot.location} city" and depot.geo_precision == 1
