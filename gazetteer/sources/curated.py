"""Runtime source: the hand-verified CSVs (facilities, governorates, countries).

Columns: id,kind,name,arabic_name,variants,latitude,longitude,admin1,country,source
(governorates.csv adds iso_code; an optional population column is read when present).
variants is a '|'-separated list of Latin and Arabic spellings. Lines starting with '#' are comments.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from gazetteer.errors import GazetteerDataError
from gazetteer.sources.base import PlaceRecord

REQUIRED = ["id", "kind", "name", "arabic_name", "variants", "latitude", "longitude",
            "admin1", "country", "source"]


class CuratedCsv:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.label = self.path.name

    def records(self) -> Iterator[PlaceRecord]:
        try:
            fh = open(self.path, encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise GazetteerDataError(str(self.path), f"cannot read ({exc.strerror})") from None
        with fh:
            line_numbers: list[int] = []

            def data_lines():
                for n, ln in enumerate(fh, 1):
                    if not ln.startswith("#"):
                        line_numbers.append(n)
                        yield ln
            reader = csv.DictReader(data_lines())
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise GazetteerDataError(str(self.path), f"missing column(s): {', '.join(missing)}")
            for row in reader:
                lineno = line_numbers[reader.line_num - 1] if reader.line_num <= len(line_numbers) else None
                try:
                    rec = PlaceRecord(
                        id=row["id"].strip(), kind=row["kind"].strip(), name=row["name"].strip(),
                        arabic_name=row["arabic_name"].strip(),
                        latitude=float(row["latitude"]), longitude=float(row["longitude"]),
                        admin1=row["admin1"].strip(), country=row["country"].strip(),
                        population=int(float(row.get("population") or 0)),
                        source=row["source"].strip(),
                        variants=[v.strip() for v in (row["variants"] or "").split("|") if v.strip()])
                except (ValueError, TypeError, AttributeError):
                    raise GazetteerDataError(str(self.path), "latitude, longitude or population is not a number "
                                             "(or the row has too few cells)", lineno) from None
                problem = rec.problem()
                if problem:
                    raise GazetteerDataError(str(self.path), problem, lineno)
                yield rec
