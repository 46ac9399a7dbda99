"""Writing events: JSON Lines (default), CSV in ACLED's column order, or a GeoJSON FeatureCollection.

With an output path the file is written to a temporary file beside it and renamed into place,
so a run that fails part-way leaves no half-written file.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from dataclasses import asdict, is_dataclass

from extract.model import EVENT_COLUMNS, Event

FORMATS = ("jsonl", "csv", "geojson")


def event_record(event: Event | dict) -> dict:
    """A plain JSON-ready dict of one event, whatever form it came in."""
    if is_dataclass(event):
        return asdict(event)
    return dict(event)


def render_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def render_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    extra = [k for r in records for k in r if k not in EVENT_COLUMNS]
    columns = EVENT_COLUMNS + list(dict.fromkeys(extra))
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in records:
        row = dict(r)
        row["claims"] = json.dumps(r.get("claims") or [], ensure_ascii=False)
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})
    return buf.getvalue()


def render_geojson(records: list[dict]) -> str:
    features = []
    for r in records:
        lat, lon = r.get("latitude"), r.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "geometry": geometry,
                         "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")}})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


RENDERERS = {"jsonl": render_jsonl, "csv": render_csv, "geojson": render_geojson}


def write_events(events: list[Event | dict], fmt: str = "jsonl", out_path: str | None = None) -> None:
    """Write `events` in `fmt` to `out_path` atomically, or to standard output when None."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    content = RENDERERS[fmt]([event_record(e) for e in events])
    if out_path is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(out_path))
    fd, tmp = tempfile.mkstemp(prefix=".strikemap-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, out_path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
