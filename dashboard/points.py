"""The markers' rows straight from the store: query_events' filter and order, six columns.

query_events reads all 27 columns (1.3 s at 100,000 events, mostly popup text and its
conversion); the markers need six, read in ~0.2 s, so the map is drawn before popup details
exist. The WHERE clause is the store's own (store.query.filter_sql) and the ORDER BY is
query_events', so row k here is row k there; popup details are still matched by event id
(dashboard/page.py), so a store written in between cannot give a marker another event's popup.
"""
from __future__ import annotations

import pandas as pd

from dashboard.payload import MAP_COLUMNS
from store.query import ORDER_BY, EventFilter, filter_sql


def map_points(conn, flt: EventFilter | None = None) -> pd.DataFrame:
    """MAP_COLUMNS of the merged events matching `flt`, in query_events' order."""
    where, params = filter_sql(flt)
    rows = conn.execute("SELECT i.id, i.latitude, i.longitude, i.actor1, i.sub_event_type, i.geo_precision"
                        f" FROM incidents i WHERE {where} ORDER BY {ORDER_BY}", params).fetchall()
    ids, lat, lon, actor1, sub, gp = zip(*rows) if rows else ((),) * 6
    return pd.DataFrame({
        "event_id": pd.Series(ids, dtype="int64"),
        "latitude": pd.Series(lat, dtype="float64"),  # None -> NaN
        "longitude": pd.Series(lon, dtype="float64"),
        "actor1": pd.Series(actor1, dtype=object),
        "sub_event_type": pd.Series(sub, dtype=object),
        "geo_precision": pd.Series(gp, dtype="float64"),  # None -> NaN
    }, columns=list(MAP_COLUMNS))
