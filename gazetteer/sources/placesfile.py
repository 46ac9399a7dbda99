"""Runtime source: the generated data/places.tsv (GeoNames and OurAirports, see build.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from gazetteer.errors import GazetteerDataError
from gazetteer.sources.base import PlaceRecord

COLUMNS = ["id", "kind", "name", "arabic_name", "variants", "latitude", "longitude",
           "admin1", "country", "population", "source"]


class PlacesFile:
    """Tab-separated, '#' comment lines first, then a header row with COLUMNS.
    admin1 holds a code ("SY-DY", or GeoNames' "TR.63") that the gazetteer turns into a name."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.label = self.path.name

    def records(self) -> Iterator[PlaceRecord]:
        try:
            fh = open(self.path, encoding="utf-8")
        except OSError as exc:
            raise GazetteerDataError(str(self.path), f"cannot read ({exc.strerror}); "
                                     "rebuild it with `python -m gazetteer.build`") from None
        with fh:
            header = None
            for lineno, line in enumerate(fh, 1):
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                if header is None:
                    if cells != COLUMNS:
                        raise GazetteerDataError(str(self.path), f"header must be {' '.join(COLUMNS)}", lineno)
                    header = cells
                    continue
                if len(cells) != len(COLUMNS):
                    raise GazetteerDataError(str(self.path), f"{len(cells)} columns, expected {len(COLUMNS)}", lineno)
                pid, kind, name, ar, variants, lat, lon, admin1, country, pop, source = cells
                try:
                    rec = PlaceRecord(pid, kind, name, ar, float(lat), float(lon), admin1, country,
                                      int(pop or 0), source, variants.split("|") if variants else [])
                except ValueError:
                    raise GazetteerDataError(str(self.path), "latitude, longitude or population is not a number",
                                             lineno) from None
                yield rec


def write_places(path: str | Path, records: list[PlaceRecord], header_comment: str) -> None:
    """Write records in the format PlacesFile reads (used by build.py)."""
    def clean(s: str) -> str:
        return " ".join(str(s).replace("|", " ").split())

    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for line in header_comment.strip().splitlines():
            fh.write("# " + line + "\n" if not line.startswith("#") else line + "\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in records:
            fh.write("\t".join([
                r.id, r.kind, clean(r.name), clean(r.arabic_name),
                "|".join(clean(v) for v in r.variants if clean(v)),
                f"{r.latitude:.5f}", f"{r.longitude:.5f}", clean(r.admin1), clean(r.country),
                str(int(r.population)), clean(r.source)]) + "\n")
