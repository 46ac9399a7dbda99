"""Export merged events: one row per incident, ACLED's columns first, every source joined.

Files are written atomically (a temporary file beside the target, then renamed), so a reader
never sees half an export and a failed export leaves the old file as it was.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Iterator

from extract.errors import StoreError
from extract.model import ACLED_COLUMNS

FORMATS = ("csv", "geojson", "jsonl")
# After ACLED's columns: what merging adds, then strikemap's own fields (see ARCHITECTURE.md).
MERGE_COLUMNS = ["event_id", "n_reports", "fatalities_min", "fatalities_max", "injured", "injured_min",
                 "injured_max", "disputed", "geo_reason", "place_id", "claims", "excerpt", "language",
                 "original_source", "url", "article", "sources"]
EXPORT_COLUMNS = ACLED_COLUMNS + MERGE_COLUMNS
_FROM_INCIDENTS = [c for c in EXPORT_COLUMNS if c not in ("event_id", "original_source", "url", "article")]


def export_records(conn: sqlite3.Connection, since: date | str | None = None) -> Iterator[dict]:
    """Merged events oldest first, as dicts in EXPORT_COLUMNS order (claims, sources as lists)."""
    where, params = "1", []
    if since:
        where += " AND event_date >= ?"
        params.append(str(since)[:10])
    cur = conn.execute(f"SELECT id, {', '.join(_FROM_INCIDENTS)} FROM incidents WHERE {where}"
                       " ORDER BY event_date, id", params)
    for row in cur:
        values = dict(zip(["event_id"] + _FROM_INCIDENTS, row))
        sources = json.loads(values["sources"] or "[]")
        values["sources"] = sources
        values["claims"] = json.loads(values["claims"] or "[]")
        values["disputed"] = bool(values["disputed"])
        values["article"] = _joined(s.get("article") for s in sources)
        values["url"] = _joined(s.get("url") for s in sources)
        values["original_source"] = _joined(s.get("original_source") for s in sources)
        yield {c: values[c] for c in EXPORT_COLUMNS}


def _joined(values) -> str:
    return "; ".join(dict.fromkeys(str(v) for v in values if v))


def _write_csv(records, fh) -> int:
    writer = csv.DictWriter(fh, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        record = dict(record, claims=json.dumps(record["claims"], ensure_ascii=False),
                      sources=json.dumps(record["sources"], ensure_ascii=False))
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
        n += 1
    return n


def _write_jsonl(records, fh) -> int:
    n = 0
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_geojson(records, fh) -> int:
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for record in records:
        lat, lon = record["latitude"], record["longitude"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {"type": "Feature", "id": record["event_id"], "geometry": geometry, "properties": record}
        fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


WRITERS = {"csv": _write_csv, "jsonl": _write_jsonl, "geojson": _write_geojson}


def export(conn: sqlite3.Connection, fmt: str, out: str | Path | None = None,
           since: date | str | None = None) -> int:
    """Write the merged events to out (None: stdout); -> how many rows."""
    if fmt not in WRITERS:
        raise StoreError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    records = export_records(conn, since)
    if out is None:
        return WRITERS[fmt](records, sys.stdout)
    target = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as exc:
        raise StoreError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with io.open(fd, "w", encoding="utf-8", newline="") as fh:
            n = WRITERS[fmt](records, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StoreError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
    return n
