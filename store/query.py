"""Read side for the dashboard: filtered merged events as a DataFrame, and the filter choices.

Each call is one SQL query over the incidents table (its summary columns are kept current by
the store), so it stays fast with 100,000 incidents.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

import pandas as pd

QUERY_COLUMNS = [
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "geo_reason",
    "fatalities", "fatalities_min", "fatalities_max", "injured", "injured_min", "injured_max",
    "disputed", "notes", "excerpt", "language", "sources", "claims", "n_reports",
]
_NULLABLE_INTS = ["time_precision", "geo_precision", "fatalities", "fatalities_min", "fatalities_max",
                  "injured", "injured_min", "injured_max"]


@dataclass(frozen=True)
class EventFilter:
    """Which merged events to show; an empty tuple or None means no filter on that field."""
    sources: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()           # matches actor1 or actor2
    event_types: tuple[str, ...] = ()      # matches event_type or sub_event_type
    date_from: date | str | None = None
    date_to: date | str | None = None
    geo_precisions: tuple[int, ...] = ()


# The order of query_events' rows; dashboard/points.py reads the markers in the same order.
ORDER_BY = "i.event_date, i.id"


def _marks(values) -> str:
    return ", ".join("?" * len(values))


def filter_sql(flt: EventFilter | None) -> tuple[str, list]:
    """The WHERE clause (over incidents i) and its parameters for a filter."""
    clauses, params = ["1"], []
    if flt is None:
        return " AND ".join(clauses), params
    if flt.sources:
        sources = list(flt.sources)
        clauses.append(f"i.id IN (SELECT incident_id FROM events WHERE source IN ({_marks(sources)}))")
        params += sources
    if flt.claimants:
        claimants = list(flt.claimants)
        clauses.append("i.id IN (SELECT e.incident_id FROM claims c JOIN events e ON e.id = c.event_id"
                       f" WHERE c.claimant IN ({_marks(claimants)}))")
        params += claimants
    if flt.actors:
        actors = list(flt.actors)
        clauses.append(f"(i.actor1 IN ({_marks(actors)}) OR i.actor2 IN ({_marks(actors)}))")
        params += actors + actors
    if flt.event_types:
        types = list(flt.event_types)
        clauses.append(f"(i.event_type IN ({_marks(types)}) OR i.sub_event_type IN ({_marks(types)}))")
        params += types + types
    if flt.date_from:
        clauses.append("i.event_date >= ?")
        params.append(str(flt.date_from)[:10])
    if flt.date_to:
        clauses.append("i.event_date <= ?")
        params.append(str(flt.date_to)[:10])
    if flt.geo_precisions:
        precisions = [int(p) for p in flt.geo_precisions]
        clauses.append(f"i.geo_precision IN ({_marks(precisions)})")
        params += precisions
    return " AND ".join(clauses), params


# Long free text stays as Python objects: converting it to pandas' string dtype costs more than
# the query itself at 100,000 rows, and nobody filters on it.
_LONG_TEXT = {"geo_reason", "notes", "excerpt", "sources", "claims"}
_FLOATS = {"latitude", "longitude"}


def _column(name: str, values: tuple) -> pd.Series:
    if name in _NULLABLE_INTS:
        return pd.Series(values, dtype="Int64")
    if name in ("event_id", "n_reports"):
        return pd.Series(values, dtype="int64")
    if name in _FLOATS:
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if name == "disputed":
        return pd.Series([bool(v) for v in values], dtype=bool)
    if name in _LONG_TEXT:
        return pd.Series(values, dtype=object)
    return pd.Series(values, dtype="str")


def query_events(conn: sqlite3.Connection, flt: EventFilter | None = None) -> pd.DataFrame:
    """One row per merged event matching the filter, in QUERY_COLUMNS, oldest first."""
    where, params = filter_sql(flt)
    columns = ", ".join("i.id AS event_id" if c == "event_id" else f"i.{c}" for c in QUERY_COLUMNS)
    rows = conn.execute(f"SELECT {columns} FROM incidents i WHERE {where}"
                        f" ORDER BY {ORDER_BY}", params).fetchall()
    by_column = list(zip(*rows)) if rows else [()] * len(QUERY_COLUMNS)
    return pd.DataFrame({name: _column(name, values) for name, values in zip(QUERY_COLUMNS, by_column)})


def _distinct(conn: sqlite3.Connection, sql: str) -> list:
    return [r[0] for r in conn.execute(sql) if r[0] not in (None, "")]


def facets(conn: sqlite3.Connection) -> dict:
    """The values each filter can take, from what is stored (sorted), and the date range."""
    actors = set(_distinct(conn, "SELECT DISTINCT actor1 FROM incidents"))
    actors |= set(_distinct(conn, "SELECT DISTINCT actor2 FROM incidents"))
    date_min, date_max = conn.execute(
        "SELECT MIN(event_date), MAX(event_date) FROM incidents").fetchone()
    return {
        "sources": sorted(_distinct(conn, "SELECT DISTINCT source FROM events")),
        "claimants": sorted(_distinct(conn, "SELECT DISTINCT claimant FROM claims")),
        "actors": sorted(actors),
        "event_types": sorted(_distinct(conn, "SELECT DISTINCT event_type FROM incidents")),
        "sub_event_types": sorted(_distinct(
            conn, "SELECT DISTINCT sub_event_type FROM incidents")),
        "date_min": date.fromisoformat(date_min[:10]) if date_min else None,
        "date_max": date.fromisoformat(date_max[:10]) if date_max else None,
        "geo_precisions": sorted(int(p) for p in _distinct(
            conn, "SELECT DISTINCT geo_precision FROM incidents")),
    }
