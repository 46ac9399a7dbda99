"""The compact events payload the browser gets: markers first, popup details beside them.

core_payload holds what markers, clusters and the legend need (coordinates, side, symbol,
precision); popup_columns/encode_details hold the popup fields, each text stored once in a
string table and referenced by index, inline for small views (build_payload) or in chunks
written after the markers were sent (detail_chunks). Popups are built in the browser from these
records with textContent (static/strikemap/strikemap-map.js), never from HTML made here.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
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


# ---- markers: all the map needs to draw, sent first ----

# The query_events columns the markers are drawn from (dashboard/mapview.map_points selects
# just these, in query_events' order).
MAP_COLUMNS = ("event_id", "latitude", "longitude", "actor1", "sub_event_type", "geo_precision")
# Sides are coded in one base-64 digit (pack_columns): a view with more attacking sides than
# that shows its rarest ones as "Other actors".
MAX_SIDES = 64
OTHER, UNKNOWN = "\x00other", "\x00unknown"


def core_payload(events: pd.DataFrame) -> dict:
    """What the browser needs to draw markers, clusters and the legend, without popup details.
    `events`: at least MAP_COLUMNS (query_events or map_points rows)."""
    events = mappable(events)
    legend, sides = _actor_legend(events["actor1"])
    symbols, symbol_codes, symbol_legend = _symbols(events["sub_event_type"])
    return {
        "columns": {"lat": events["latitude"].astype(float).round(5).tolist(),
                    "lon": events["longitude"].astype(float).round(5).tolist(),
                    "colour": sides, "symbol": symbol_codes,
                    "gp": events["geo_precision"].fillna(0).astype(int).tolist()},
        "strings": [], "legend": legend, "symbols": symbols, "symbol_legend": symbol_legend,
        "text": {"time_precision": {str(k): v for k, v in style.TIME_PRECISION.items()},
                 "geo_precision": {str(k): v for k, v in style.GEO_PRECISION.items()},
                 "stance": style.STANCE},
        "precision_radius_m": {str(k): v for k, v in style.PRECISION_RADIUS_M.items()},
        "circle_min_zoom": style.CIRCLE_MIN_ZOOM,
    }


def _actor_legend(actor1: pd.Series) -> tuple[list[dict], list[int]]:
    """Legend entries (label, colour, count; most events first, unknown attacker last) and each
    event's legend index. Colours come from style.actor_colour: the name alone decides them."""
    labels = actor1.astype(object).where(actor1.notna() & (actor1 != ""), UNKNOWN)
    counts = labels.value_counts()
    named = sorted((a for a in counts.index if a != UNKNOWN), key=lambda a: (-counts[a], a))
    room = MAX_SIDES - (UNKNOWN in counts.index)
    kept = named if len(named) <= room else named[:room - 1]
    other = int(counts[named[len(kept):]].sum()) if len(kept) < len(named) else 0
    order = kept + ([OTHER] if other else []) + ([UNKNOWN] if UNKNOWN in counts.index else [])
    legend = [{"label": _label(a), "colour": _side_colour(a),
               "count": other if a == OTHER else int(counts[a])} for a in order]
    position = {a: i for i, a in enumerate(order)}
    codes = labels.map(position)
    if other:
        codes = codes.fillna(position[OTHER])
    return legend, codes.astype(int).tolist()


def _side_colour(key: str) -> str:
    return {OTHER: style.OTHER_COLOUR, UNKNOWN: style.UNKNOWN_COLOUR}.get(key) or style.actor_colour(key)


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


# ---- popup details: built after the markers (inline for small views, chunks for large) ----

_STRING_CODED = set(STRING_COLUMNS) | {"killed", "injured", "excerpt", "claims"}


def popup_columns(events: pd.DataFrame) -> dict[str, list]:
    """Every popup field of every row, as plain lists: text (or None), ints, lists of source
    entries. A row whose event_id is missing is an event gone from the store ("gone": 1)."""
    columns: dict[str, list] = {name: _texts(events[source]) for name, source in STRING_COLUMNS.items()}
    columns["tp"] = events["time_precision"].fillna(0).astype(int).tolist()
    columns["gp"] = events["geo_precision"].fillna(0).astype(int).tolist()
    columns["killed"] = _texts(figure_ranges(events["fatalities_min"], events["fatalities_max"]))
    columns["injured"] = _texts(figure_ranges(events["injured_min"], events["injured_max"]))
    columns["disputed"] = events["disputed"].fillna(False).astype(bool).astype(int).tolist()
    columns["excerpt"] = _texts(_mapped_unique(events["excerpt"], truncate))
    columns["sources"] = _mapped_unique(events["sources"], clean_sources).tolist()
    columns["sources"] = [v if isinstance(v, list) else [] for v in columns["sources"]]
    columns["claims"] = _texts(_mapped_unique(events["claims"], clean_claims))
    columns["gone"] = events["event_id"].isna().astype(int).tolist()
    return columns


def _mapped_unique(values: pd.Series, clean) -> pd.Series:
    """Apply `clean` once per distinct value (sources/claims repeat across merged events)."""
    cache = {v: clean(v) for v in values.dropna().unique()}
    return values.map(lambda v: cache.get(v) if isinstance(v, str) else None).astype(object)


def _texts(values: pd.Series) -> list:
    return [str(v) for v in values.tolist()] if values.notna().all() else \
        [None if pd.isna(v) else str(v) for v in values.tolist()]


def encode_details(columns: dict[str, list], start: int, end: int) -> dict:
    """Rows start..end-1 of popup_columns with every text stored once in a string table of
    their own (-1 = missing): {"columns": ..., "strings": [...]}."""
    strings: list[str] = []
    index: dict[str, int] = {}

    def code(text) -> int:
        if text is None:
            return -1
        found = index.get(text)
        if found is None:
            found = index[text] = len(strings)
            strings.append(text)
        return found

    encoded = {}
    for name, values in columns.items():
        part = values[start:end]
        if name in _STRING_CODED:
            encoded[name] = [code(v) for v in part]
        elif name == "sources":
            encoded[name] = [[code(v) for v in entries] for entries in part]
        else:
            encoded[name] = part
    return {"columns": encoded, "strings": strings}


def build_payload(events: pd.DataFrame) -> dict:
    """The whole browser payload (markers and popup details inline) for a query_events DataFrame."""
    events = mappable(events)
    payload = core_payload(events)
    details = encode_details(popup_columns(events), 0, len(events))
    payload["columns"].update({k: v for k, v in details["columns"].items() if k != "gp"})
    payload["strings"] = details["strings"]
    return payload


# Above this many events the popup details are not inlined: the map gets coordinates, colour,
# symbol and precision only, and each popup fetches its chunk of details when opened.
INLINE_MAX_EVENTS = 5000
DETAIL_CHUNK = 500


def detail_chunks(events: pd.DataFrame, chunk: int = DETAIL_CHUNK) -> Iterator[dict]:
    """Popup details of `events` (rows already in map order: nothing is dropped here) in
    chunks of `chunk` rows, each with its own string table; chunk n holds map events
    n*chunk .. (n+1)*chunk-1."""
    columns = popup_columns(events)
    for start in range(0, len(events), chunk):
        yield encode_details(columns, start, min(start + chunk, len(events)))


def script_json(value) -> str:
    """JSON safe to embed in a <script>: no '<', '>', '&' or line separators left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


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
