"""Checks on the hand-curated gazetteer rows (gazetteer/data/{facilities,governorates,countries}.csv).

Each row is a fact an analyst typed in; these tests catch the slips that typing makes:
a swapped latitude/longitude, a governorate name that does not match governorates.csv,
a duplicate id, a kind outside the agreed set, a row without Arabic or without a source.
"""
import csv
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "gazetteer" / "data"

PLACE_COLUMNS = ["id", "kind", "name", "arabic_name", "variants", "latitude", "longitude",
                 "admin1", "country", "source"]
FACILITY_KINDS = {"military_base", "air_base", "airport", "oil_field", "gas_field", "border_crossing",
                  "camp", "dam", "town", "region", "landmark"}
# Generous bounding boxes (south, north, west, east); a row outside its country's box is a typo.
COUNTRY_BOXES = {
    "Syria": (32.3, 37.4, 35.6, 42.4),
    "Iraq": (29.0, 37.4, 38.8, 48.6),
    "Turkey": (35.8, 42.2, 25.6, 44.9),
    "Jordan": (29.1, 33.4, 34.9, 39.3),
    "Lebanon": (33.0, 34.7, 35.1, 36.7),
    "Israel": (29.4, 33.4, 34.2, 35.9),
    "Iran": (25.0, 39.8, 44.0, 63.4),
    "Saudi Arabia": (16.0, 32.2, 34.5, 55.7),
    "Kuwait": (28.5, 30.1, 46.5, 48.5),
}
ARABIC = re.compile(r"[\u0600-\u06FF]")
FOUR_DECIMALS = re.compile(r"^-?\d{1,3}\.\d{4}$")


def read_rows(name):
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


@pytest.fixture(scope="module")
def governorates():
    return read_rows("governorates.csv")


@pytest.fixture(scope="module")
def countries():
    return read_rows("countries.csv")


@pytest.fixture(scope="module")
def facilities():
    return read_rows("facilities.csv")


def governorate_names(rows):
    return {(r["country"], r["name"]) for r in rows}


def row_problems(row, allowed_kinds, known_admin1):
    """Every problem with one curated row, as short phrases (empty when the row is good)."""
    problems = []
    for column in ("id", "name", "arabic_name", "source", "country"):
        if not row[column].strip():
            problems.append(f"empty {column}")
    if row["kind"] not in allowed_kinds:
        problems.append(f"kind {row['kind']!r} not allowed")
    if not ARABIC.search(row["arabic_name"]):
        problems.append("arabic_name has no Arabic letters")
    variants = row["variants"].split("|") if row["variants"] else []
    if any(not v.strip() or v != v.strip() for v in variants):
        problems.append("empty or padded variant")
    for column in ("latitude", "longitude"):
        if not FOUR_DECIMALS.match(row[column]):
            problems.append(f"{column} {row[column]!r} not a 4-decimal number")
    box = COUNTRY_BOXES.get(row["country"])
    if box is None:
        problems.append(f"unknown country {row['country']!r}")
    elif not problems or all("decimal" not in p for p in problems):
        lat, lon = float(row["latitude"]), float(row["longitude"])
        south, north, west, east = box
        if not (south <= lat <= north and west <= lon <= east):
            problems.append(f"({lat}, {lon}) outside {row['country']}")
    if known_admin1 is not None and (row["country"], row["admin1"]) not in known_admin1:
        problems.append(f"admin1 {row['admin1']!r} is not a {row['country']} governorate in governorates.csv")
    return problems


def test_governorates_have_the_agreed_columns_and_all_codes(governorates):
    fields, rows = governorates
    assert fields == PLACE_COLUMNS + ["iso_code"]
    syria = {r["iso_code"] for r in rows if r["country"] == "Syria"}
    iraq = {r["iso_code"] for r in rows if r["country"] == "Iraq"}
    assert syria == {"SY-DI", "SY-RD", "SY-QU", "SY-DR", "SY-SU", "SY-HM", "SY-HI", "SY-ID",
                     "SY-HL", "SY-LA", "SY-TA", "SY-RA", "SY-DY", "SY-HA"}
    assert iraq == {"IQ-BG", "IQ-AN", "IQ-NI", "IQ-SD", "IQ-KI", "IQ-DI", "IQ-BB", "IQ-KA", "IQ-NA",
                    "IQ-QA", "IQ-WA", "IQ-MU", "IQ-DQ", "IQ-MA", "IQ-BA", "IQ-AR", "IQ-DA", "IQ-SU", ""}
    assert {r["name"] for r in rows if r["iso_code"] == ""} == {"Halabja"}


def test_governorate_rows_are_well_formed(governorates):
    _, rows = governorates
    for row in rows:
        assert row["admin1"] == row["name"], row["id"]
        assert row["id"] == f"gov:{row['iso_code']}" or (row["iso_code"] == "" and row["id"].startswith("gov:IQ-"))
        assert row_problems(row, {"governorate"}, None) == [], row["id"]


def test_country_rows_are_well_formed(countries):
    fields, rows = countries
    assert fields == PLACE_COLUMNS
    assert {r["name"] for r in rows} == set(COUNTRY_BOXES)
    for row in rows:
        assert row["id"].startswith("country:") and row["country"] == row["name"], row["id"]
        assert row_problems(row, {"country"}, None) == [], row["id"]


def test_facility_rows_are_well_formed(facilities, governorates):
    fields, rows = facilities
    assert fields == PLACE_COLUMNS
    known = governorate_names(governorates[1])
    bad = {}
    for row in rows:
        # Facilities outside Syria and Iraq carry no governorate of ours.
        admin1 = known if row["country"] in ("Syria", "Iraq") else None
        problems = row_problems(row, FACILITY_KINDS, admin1)
        if not row["id"].startswith("fac:"):
            problems.append("id does not start with fac:")
        if problems:
            bad[row["id"]] = problems
    assert bad == {}


def test_facilities_cover_at_least_80_places_in_both_countries(facilities):
    _, rows = facilities
    assert len(rows) >= 80
    countries = {r["country"] for r in rows}
    assert {"Syria", "Iraq"} <= countries


def test_ids_are_unique_across_all_curated_files(facilities, governorates, countries):
    ids = [r["id"] for _, rows in (facilities, governorates, countries) for r in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_a_variant_belongs_to_one_facility_of_a_kind(facilities):
    """Two facilities of the same kind sharing a spelling would make that spelling ambiguous by typo."""
    _, rows = facilities
    seen = {}
    clashes = []
    for row in rows:
        for spelling in [row["name"], row["arabic_name"], *filter(None, row["variants"].split("|"))]:
            key = (row["kind"], spelling.casefold())
            if key in seen and seen[key] != row["id"]:
                clashes.append((spelling, seen[key], row["id"]))
            seen.setdefault(key, row["id"])
    assert clashes == []


def test_row_problems_catches_typical_typing_slips():
    good = {"id": "fac:x", "kind": "camp", "name": "X", "arabic_name": "مخيم", "variants": "a|b",
            "latitude": "36.3800", "longitude": "41.1500", "admin1": "Al-Hasakah", "country": "Syria",
            "source": "s"}
    known = {("Syria", "Al-Hasakah")}
    assert row_problems(good, FACILITY_KINDS, known) == []
    swapped = dict(good, latitude="41.1500", longitude="36.3800")
    assert any("outside Syria" in p for p in row_problems(swapped, FACILITY_KINDS, known))
    assert row_problems(dict(good, admin1="Hasakah"), FACILITY_KINDS, known)
    assert row_problems(dict(good, arabic_name="Hol"), FACILITY_KINDS, known)
    assert row_problems(dict(good, kind="base"), FACILITY_KINDS, known)
    assert row_problems(dict(good, variants="a||b"), FACILITY_KINDS, known)
    assert row_problems(dict(good, latitude="36.38"), FACILITY_KINDS, known)


def test_every_facility_spelling_finds_its_own_row():
    """A spelling the matcher can never return (stop-listed, or lost in normalisation) is dead data."""
    from gazetteer import load_gazetteer
    gazetteer = load_gazetteer()
    _, rows = read_rows("facilities.csv")
    unreachable = []
    for row in rows:
        for spelling in [row["name"], row["arabic_name"], *filter(None, row["variants"].split("|"))]:
            if row["id"] not in {place.id for place in gazetteer.lookup(spelling)}:
                unreachable.append((row["id"], spelling))
    assert unreachable == []


def test_a_facility_abroad_names_a_border_province_of_admin1_codes(facilities):
    # so its events carry an admin1 (Tower 22: Mafraq) like the neighbours' GeoNames places
    provinces = {line.split("\t")[2] for line in (DATA / "admin1_codes.tsv").read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#") and len(line.split("\t")) > 2}
    _fields, rows = facilities
    abroad = {row["id"]: row["admin1"] for row in rows if row["country"] not in ("Syria", "Iraq")}
    assert abroad and {fid: a for fid, a in abroad.items() if a not in provinces} == {}
