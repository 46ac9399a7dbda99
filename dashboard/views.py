"""What is shown below the map: the timeline, the events table and the downloads."""
from __future__ import annotations

import io
import json

import pandas as pd

from extract.model import ACLED_COLUMNS

TABLE_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                 "admin1", "country", "geo_precision", "fatalities", "fatalities_min",
                 "fatalities_max", "injured", "disputed", "n_reports", "sources_text", "excerpt"]
# The table shows at most this many rows; the downloads always hold the whole filtered set.
TABLE_MAX_ROWS = 5000


def outlets(sources_json) -> str:
    """'Reuters; SANA' from the sources JSON (ACLED's `source` column style)."""
    try:
        items = json.loads(sources_json) if isinstance(sources_json, str) else []
    except ValueError:
        return ""
    names = [str(s.get("outlet")) for s in items if isinstance(s, dict) and s.get("outlet")]
    return "; ".join(dict.fromkeys(names))


def timeline_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per day (rows) by event type (columns); days without a date are left out."""
    dated = events.dropna(subset=["event_date"])
    if dated.empty:
        return pd.DataFrame()
    days = pd.to_datetime(dated["event_date"].str[:10], errors="coerce")
    types = dated["event_type"].replace("", "Unknown type").fillna("Unknown type")
    counts = pd.crosstab(days.rename("day"), types.rename("event type"))
    return counts.sort_index()


def timeline_chart(counts: pd.DataFrame):
    """Stacked bars, one per day, coloured by event type; ticks every day, month or year by span."""
    import altair as alt
    long = counts.reset_index().melt(id_vars="day", var_name="event type", value_name="events")
    long = long[long["events"] > 0]
    span_days = (counts.index.max() - counts.index.min()).days
    interval, fmt = ("day", "%d %b %Y") if span_days <= 45 else ("month", "%b %Y") if span_days <= 900 else ("year", "%Y")
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("yearmonthdate(day):T", title="day",
                axis=alt.Axis(format=fmt, tickCount={"interval": interval, "step": 1}, labelOverlap=True)),
        y=alt.Y("events:Q", title="events", stack="zero"),
        color=alt.Color("event type:N", legend=alt.Legend(orient="bottom", labelLimit=0)),
        tooltip=[alt.Tooltip("yearmonthdate(day):T", title="day", format="%d %b %Y"),
                 "event type:N", "events:Q"],
    ).properties(height=220)


def table_view(events: pd.DataFrame) -> pd.DataFrame:
    """The filtered events as the analyst reads them (capped at TABLE_MAX_ROWS)."""
    view = events.head(TABLE_MAX_ROWS).copy()
    view["sources_text"] = view["sources"].map(outlets)
    return view[[c for c in TABLE_COLUMNS if c in view.columns]].rename(columns={"sources_text": "sources"})


def acled_csv(events: pd.DataFrame) -> bytes:
    """The filtered events as CSV in ACLED's column order, then strikemap's added fields."""
    out = events.copy()
    out["source"] = out["sources"].map(outlets)
    extra = ["event_id", "fatalities_min", "fatalities_max", "injured", "injured_min",
             "injured_max", "disputed", "geo_reason", "excerpt", "language", "n_reports", "claims"]
    columns = ACLED_COLUMNS + [c for c in extra if c in out.columns]
    buffer = io.StringIO()
    out.reindex(columns=columns).to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8")


def geojson(events: pd.DataFrame) -> bytes:
    """The filtered events with coordinates as a GeoJSON FeatureCollection."""
    features = []
    located = events.dropna(subset=["latitude", "longitude"])
    for record in located.to_dict("records"):
        lon, lat = float(record.pop("longitude")), float(record.pop("latitude"))
        for key in ("sources", "claims"):
            try:
                record[key] = json.loads(record[key]) if isinstance(record[key], str) else []
            except ValueError:
                record[key] = []
        properties = {k: (None if _missing(v) else _plain(v)) for k, v in record.items()}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": properties})
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def _missing(value) -> bool:
    return not isinstance(value, (list, dict)) and pd.isna(value)


def _plain(value):
    """numpy scalars -> Python values for json."""
    return value.item() if hasattr(value, "item") else value
