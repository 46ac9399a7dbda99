"""The compact events payload the browser gets: coordinates plus dictionary-encoded columns.

Strings are stored once in a shared table and referenced by index, so 100,000 events with a
few hundred actors, places and outlets stay small; popups are built in the browser from these
records with textContent (static/strikemap/strikemap-map.js), never from HTML made here.
"""
from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard import style

# Longest excerpt sent to the browser; the full text stays in the table and the downloads.
EXCERPT_CHARS = 600
STRING_COLUMNS = {  # payload column -> query_events column
    "date": "event_date", "type": "event_type", "sub": "sub_event_type", "actor1": "actor1",
    "actor2": "actor2", "location": "location", "admin1": "admin1", "country": "country",
    "reason": "geo_reason", "language": "language",
}


def mappable(events: pd.DataFrame) -> pd.DataFrame:
    """The events that have coordinates (the others cannot be drawn)."""
    if events.empty:
        return events
    return events[events["latitude"].notna() & events["longitude"].notna()]


def figure_range(low, high) -> str | None:
    """'3' or '3-5' (lowest-highest credible figure), None when not reported."""
    low = None if pd.isna(low) else int(low)
    high = None if pd.isna(high) else int(high)
    if low is None and high is None:
        return None
    if low is None or high is None or low == high:
        return str(low if low is not None else high)
    return f"{low}-{high}"


def clean_sources(text) -> list[str]:
    """Each source of the sources JSON as its own small JSON: outlet, published, http(s)-only url."""
    kept = []
    for item in _json_list(text):
        url = item.get("url")
        safe = url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None
        kept.append(_source_entry(_text(item.get("outlet")), _text(item.get("published")), safe))
    return kept


@lru_cache(maxsize=65536)
def _source_entry(outlet: str | None, published: str | None, url: str | None) -> str:
    """One source as JSON (cached: an article's source repeats across its events)."""
    return json.dumps({"outlet": outlet, "published": published, "url": url}, ensure_ascii=False)


def figure_ranges(low: pd.Series, high: pd.Series) -> pd.Series:
    """figure_range for whole columns, computed once per distinct (low, high) pair."""
    pairs = pd.Series(list(zip(low.astype(object).where(low.notna(), None),
                               high.astype(object).where(high.notna(), None))), index=low.index)
    cache = {pair: figure_range(*(pd.NA if v is None else v for v in pair)) for pair in set(pairs)}
    return pairs.map(cache).astype(object)


def clean_claims(text) -> str | None:
    """Claims JSON reduced to who said it and how (claim, report, deny, blame)."""
    kept = [{"claimant": _text(c.get("claimant")), "stance": _text(c.get("stance"))}
            for c in _json_list(text)]
    kept = [dict(t) for t in dict.fromkeys(tuple(sorted(c.items())) for c in kept)]
    return json.dumps(kept, ensure_ascii=False) if kept else None


def _json_list(text) -> list[dict]:
    if not isinstance(text, str) or not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _text(value) -> str | None:
    return None if value is None else str(value)


def truncate(text, limit: int = EXCERPT_CHARS):
    if not isinstance(text, str):
        return None
    return text if len(text) <= limit else text[:limit].rstrip() + "\u2026"


class _StringTable:
    """Shared string table: each column becomes integer codes (-1 = missing)."""

    def __init__(self):
        self.strings: list[str] = []
        self.index: dict[str, int] = {}

    def code(self, text: str) -> int:
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def encode(self, values: pd.Series) -> list[int]:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        mapping = np.array([self.code(str(v)) for v in uniques] + [-1], dtype=np.int64)
        return mapping[codes].tolist()  # code -1 (missing) picks the trailing -1


def build_payload(events: pd.DataFrame, colours: dict[str, str] | None = None) -> dict:
    """The browser payload for the mappable events of a query_events DataFrame."""
    events = mappable(events)
    colours = style.actor_colours(events["actor1"]) if colours is None else colours
    table = _StringTable()
    columns: dict[str, list] = {
        "lat": events["latitude"].astype(float).round(5).tolist(),
        "lon": events["longitude"].astype(float).round(5).tolist(),
    }
    for name, source in STRING_COLUMNS.items():
        columns[name] = table.encode(events[source])
    columns["tp"] = events["time_precision"].fillna(0).astype(int).tolist()
    columns["gp"] = events["geo_precision"].fillna(0).astype(int).tolist()
    columns["killed"] = table.encode(figure_ranges(events["fatalities_min"], events["fatalities_max"]))
    columns["injured"] = table.encode(figure_ranges(events["injured_min"], events["injured_max"]))
    columns["disputed"] = events["disputed"].fillna(False).astype(bool).astype(int).tolist()
    columns["excerpt"] = table.encode(events["excerpt"].map(truncate))
    source_lists = {v: [table.code(e) for e in clean_sources(v)] for v in events["sources"].dropna().unique()}
    columns["sources"] = [source_lists.get(v, []) if isinstance(v, str) else [] for v in events["sources"].tolist()]
    columns["claims"] = table.encode(_mapped_unique(events["claims"], clean_claims))

    legend, colour_codes = _actor_legend(events["actor1"], colours)
    columns["colour"] = colour_codes
    symbols, symbol_codes, symbol_legend = _symbols(events["sub_event_type"])
    columns["symbol"] = symbol_codes
    return {
        "columns": columns, "strings": table.strings, "legend": legend,
        "symbols": symbols, "symbol_legend": symbol_legend,
        "text": {"time_precision": {str(k): v for k, v in style.TIME_PRECISION.items()},
                 "geo_precision": {str(k): v for k, v in style.GEO_PRECISION.items()},
                 "stance": style.STANCE},
        "precision_radius_m": {str(k): v for k, v in style.PRECISION_RADIUS_M.items()},
        "circle_min_zoom": style.CIRCLE_MIN_ZOOM,
    }


def _mapped_unique(values: pd.Series, clean) -> pd.Series:
    """Apply `clean` once per distinct value (sources/claims repeat across merged events)."""
    cache = {v: clean(v) for v in values.dropna().unique()}
    return values.map(lambda v: cache.get(v) if isinstance(v, str) else None).astype(object)


def _actor_legend(actor1: pd.Series, colours: dict[str, str]) -> tuple[list[dict], list[int]]:
    """Legend entries (label, colour, count) and each event's legend index."""
    labels = actor1.map(lambda a: UNKNOWN if pd.isna(a) or a == "" else (a if a in colours else OTHER))
    counts = labels.value_counts()
    order = [a for a in colours if a in counts.index] + [x for x in (OTHER, UNKNOWN) if x in counts.index]
    legend = [{"label": _label(a), "colour": colours.get(a, style.OTHER_COLOUR), "count": int(counts[a])}
              for a in order]
    position = {a: i for i, a in enumerate(order)}
    return legend, [position[a] for a in labels.tolist()]


OTHER, UNKNOWN = "\x00other", "\x00unknown"


def _label(key: str) -> str:
    return {OTHER: style.OTHER_ACTORS, UNKNOWN: style.UNKNOWN_ACTOR}.get(key, key)


def _symbols(sub_event_type: pd.Series) -> tuple[list[str], list[int], list[dict]]:
    """Shape table, each event's shape index, and the legend of the sub-event types present."""
    shapes = style.sub_event_shapes()
    table = list(style.SHAPES)
    codes = [table.index(shapes.get(s, "circle")) for s in sub_event_type.fillna("").tolist()]
    present = [s for s in sub_event_type.dropna().value_counts().index if s]
    legend = [{"label": s, "shape": shapes.get(s, "circle")} for s in present]
    return table, codes, legend


def script_json(value) -> str:
    """JSON safe to embed in a <script>: no '<', '>', '&' or line separators left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


# Above this many events the popup details are not inlined: the map gets coordinates, colour,
# symbol and precision only, and each popup fetches its chunk of details when opened.
INLINE_MAX_EVENTS = 5000
DETAIL_CHUNK = 500
CORE_COLUMNS = ("lat", "lon", "colour", "symbol", "gp")
_STRING_CODED = set(STRING_COLUMNS) | {"killed", "injured", "excerpt", "claims"}


def split_payload(payload: dict, chunk: int = DETAIL_CHUNK) -> tuple[dict, list[dict]]:
    """(core payload without details, detail chunks of `chunk` events, each with its own strings)."""
    n = len(payload["columns"]["lat"])
    core = {k: v for k, v in payload.items() if k not in ("columns", "strings")}
    core["columns"] = {name: payload["columns"][name] for name in CORE_COLUMNS}
    core["strings"] = []
    core["details"] = {"chunk": chunk}
    chunks = [detail_chunk(payload, start, min(start + chunk, n)) for start in range(0, n, chunk)]
    return core, chunks


def detail_chunk(payload: dict, start: int, end: int) -> dict:
    """The popup fields of events start..end-1, re-coded against a string table of their own."""
    strings: list[str] = []
    index: dict[int, int] = {}

    def remap(code: int) -> int:
        if code < 0:
            return -1
        if code not in index:
            index[code] = len(strings)
            strings.append(payload["strings"][code])
        return index[code]

    columns = {}
    for name, values in payload["columns"].items():
        if name in ("lat", "lon"):
            continue
        part = values[start:end]
        if name in _STRING_CODED:
            part = [remap(c) for c in part]
        elif name == "sources":
            part = [[remap(c) for c in codes] for codes in part]
        columns[name] = part
    return {"columns": columns, "strings": strings}


# The map's per-event columns packed into one string of base-64 digits, 12 characters an event:
# latitude and longitude (1e-5 degrees, offset to be positive) in 5 digits each, the legend
# colour in 1, sub-event symbol * 4 + geo precision in 1. Half the size of the JSON arrays, so
# 100,000 events travel to the map's frame and are parsed faster.
PACK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
PACK_WIDTH = 12
_PACKED_COLUMNS = ("lat", "lon", "colour", "symbol", "gp")


def _digits(values: np.ndarray, width: int) -> np.ndarray:
    """Each non-negative integer as `width` base-64 digits, most significant first (n x width)."""
    powers = 64 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return (values[:, None] // powers[None, :]) % 64


def pack_columns(payload: dict) -> dict:
    """The payload with lat/lon/colour/symbol/gp replaced by one packed string ("packed");
    unchanged if a value does not fit (more than 64 legend colours, say)."""
    columns = payload["columns"]
    if not all(name in columns for name in _PACKED_COLUMNS):
        return payload
    lat = np.rint((np.asarray(columns["lat"], dtype=float) + 90) * 1e5).astype(np.int64)
    lon = np.rint((np.asarray(columns["lon"], dtype=float) + 180) * 1e5).astype(np.int64)
    colour = np.asarray(columns["colour"], dtype=np.int64)
    look = np.asarray(columns["symbol"], dtype=np.int64) * 4 + np.asarray(columns["gp"], dtype=np.int64)
    if len(lat) and (lat.min() < 0 or lat.max() > 18_000_000 or lon.min() < 0 or lon.max() > 36_000_000
                     or colour.min() < 0 or colour.max() > 63 or look.min() < 0 or look.max() > 63):
        return payload
    digits = np.concatenate([_digits(lat, 5), _digits(lon, 5), colour[:, None], look[:, None]], axis=1)
    alphabet = np.frombuffer(PACK_ALPHABET.encode("ascii"), dtype=np.uint8)
    packed = alphabet[digits.reshape(-1)].tobytes().decode("ascii") if len(lat) else ""
    kept = {k: v for k, v in columns.items() if k not in _PACKED_COLUMNS}
    return {**payload, "columns": kept, "packed": packed, "count": len(lat)}


def unpack_columns(packed: str) -> dict[str, list]:
    """The inverse of pack_columns (the map's script does the same in JavaScript)."""
    value = {c: i for i, c in enumerate(PACK_ALPHABET)}
    columns: dict[str, list] = {name: [] for name in _PACKED_COLUMNS}
    for at in range(0, len(packed), PACK_WIDTH):
        d = [value[c] for c in packed[at:at + PACK_WIDTH]]
        lat = lon = 0
        for k in range(5):
            lat, lon = lat * 64 + d[k], lon * 64 + d[5 + k]
        columns["lat"].append(round((lat - 9_000_000) / 1e5, 5))
        columns["lon"].append(round((lon - 18_000_000) / 1e5, 5))
        columns["colour"].append(d[10])
        columns["symbol"].append(d[11] // 4)
        columns["gp"].append(d[11] % 4)
    return columns
