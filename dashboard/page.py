"""The Streamlit page: sidebar filters, the map, what is below it, and the "Add article" panel.

app.py only calls main(); everything it shows comes from the store's query layer.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import assets, details_cache, filters, mapview, style, views
from dashboard.details_cache import FACETS_FOLDER, cache_key, read_view, store_stamp, write_chunks, write_view
from dashboard.payload import (DETAIL_CHUNK, INLINE_MAX_EVENTS, build_payload, core_payload, detail_chunks,
                               mappable, pack_columns, script_json)
from dashboard.points import map_points
from store.query import query_events

MAP_HEIGHT = 620
EMPTY_STORE = ("The event store is empty: no events to map yet. Add an article below "
               "(\"Add article\"), or seed the store with `make run`.")
EMPTY_RESULT = "No events match these filters. Widen the filters in the sidebar to see events."
DATE_BOUNDS_KEY = "_date_bounds"
WIDGET_KEYS = {"sources": "f_sources", "claimants": "f_claimants", "actors": "f_actors",
               "event_types": "f_event_types", "dates": "f_dates", "geo_precisions": "f_precisions"}


# ---- data access (cached per store file and store version) ----

def store_path() -> Path:
    from store.db import default_path
    return default_path().resolve()


@st.cache_resource(show_spinner=False)
def _open_store(path: str):
    from store import open_store
    return open_store(path)


def get_store():
    return _open_store(str(store_path()))


# The Store serialises every call on its one connection, so the full query (~1.3 s at 100,000
# events, for the table and popup details) and the markers' query read through connections of
# their own: counts, facets and markers never wait for the full query. They are plain read-only
# SQLite connections, opened after the Store (which checks and migrates the file); nothing in
# this process may open the database file any other way (see store.db._refuse_folder).
QUERY, POINTS = "query", "points"


@st.cache_resource(show_spinner=False)
def _reader(path: str, role: str) -> tuple[sqlite3.Connection, threading.Lock]:
    get_store()  # the Store's connection first
    conn = sqlite3.connect(Path(path).as_uri() + "?mode=ro", uri=True, check_same_thread=False, timeout=30)
    return conn, threading.Lock()  # the lock: one statement at a time on this connection


def _map_points(state: filters.FilterState) -> pd.DataFrame:
    conn, lock = _reader(str(store_path()), POINTS)
    with lock:
        return map_points(conn, filters.to_event_filter(state))


def store_version(store) -> tuple[int, int]:
    """Changes whenever events are added or merged events split: the cache key."""
    return store.event_count(), store.report_count()


@st.cache_resource(show_spinner=False, max_entries=16)
def _query(path: str, version: tuple, state: filters.FilterState) -> pd.DataFrame:
    conn, lock = _reader(path, QUERY)
    with lock:
        return query_events(conn, filters.to_event_filter(state))


@st.cache_resource(show_spinner=False, max_entries=4)
def _facets(path: str, version: tuple) -> dict:
    key = cache_key(path, version, store_stamp(path))
    kept = read_view(FACETS_FOLDER, key)
    if kept is not None:  # a restarted server: the same store's facets, from disk
        return {k: (date.fromisoformat(v) if k in ("date_min", "date_max") and v else v) for k, v in kept.items()}
    facets = get_store().facets()
    try:
        write_view(FACETS_FOLDER, key, {k: (v.isoformat() if isinstance(v, date) else v) for k, v in facets.items()})
    except (OSError, TypeError, ValueError):  # read-only install or an unexpected value: just not kept
        pass
    return facets


@st.cache_resource(show_spinner=False, max_entries=16)
def _map_view(path: str, version: tuple, state: filters.FilterState) -> dict:
    """{"payload": the map's script-safe payload JSON, "events": how many match, "mappable": how
    many have coordinates, "details": the popup-details folder or None}.

    Large views are markers first: six columns read straight from the store (map_points) make
    the payload, and the popup details are written by a background job (_start_details) that
    the browser polls when a popup opens. The view is kept on disk beside its details, so the
    first page load after a restart does not even run that query."""
    folder = cache_key(path, version, state)  # the folder of this result set's popup details
    name = "view-" + cache_key(store_stamp(path), assets.base_url_path())
    view = read_view(folder, name)
    if view is not None and {"payload", "events", "mappable"} <= set(view) and details_cache.is_complete(folder):
        return {**view, "details": folder}
    points = _map_points(state)
    shown = mappable(points)
    if len(shown) <= INLINE_MAX_EVENTS or not _writable(folder):  # small (or read-only): all inline
        events = _query(path, version, state)
        payload = build_payload(events)
        return {"payload": script_json(pack_columns(payload)), "events": len(events),
                "mappable": len(payload["columns"]["lat"]), "details": None}
    core = core_payload(shown)
    core["details"] = {"url": details_cache.details_url(folder), "chunk": DETAIL_CHUNK}
    view = {"payload": script_json(pack_columns(core)), "events": len(points), "mappable": len(shown)}
    _start_details(path, version, state, folder, shown["event_id"].to_numpy())
    try:
        write_view(folder, name, view)
    except OSError:
        pass
    return {**view, "details": folder}


def _writable(folder: str) -> bool:
    try:
        details_cache.make_folder(folder)
        return True
    except OSError:
        return False


def in_map_order(events: pd.DataFrame, ids) -> pd.DataFrame:
    """query_events rows in the markers' order (their event ids); an event no longer stored
    (the store changed between the two queries) becomes a row without event_id."""
    if len(events) == len(ids) and (events["event_id"].to_numpy() == ids).all():
        return events
    return events.set_index("event_id", drop=False).reindex(ids).reset_index(drop=True)


_detail_jobs: dict[str, threading.Thread] = {}
_detail_jobs_lock = threading.Lock()


def _start_details(path: str, version: tuple, state: filters.FilterState, folder: str, ids) -> None:
    """Write the popup details of a view in the background, unless done or under way."""
    with _detail_jobs_lock:
        for key in [k for k, job in _detail_jobs.items() if not job.is_alive()]:
            del _detail_jobs[key]
        if folder in _detail_jobs or details_cache.is_complete(folder):
            return
        job = threading.Thread(target=_write_details, args=(path, version, state, folder, ids),
                               name="strikemap-details", daemon=True)
        _detail_jobs[folder] = job
        job.start()


def _write_details(path: str, version: tuple, state: filters.FilterState, folder: str, ids) -> None:
    try:
        events = in_map_order(_query(path, version, state), ids)  # the page's own cached query
        write_chunks(folder, detail_chunks(events, DETAIL_CHUNK))
    except Exception as exc:  # the popup says the details could not be loaded
        logging.getLogger(__name__).warning("strikemap: writing popup details failed: %s", exc)


def ensure_details(path: str, version: tuple, state: filters.FilterState, view: dict) -> None:
    """A view kept in memory whose details folder was pruned since (many other views were
    looked at): write it again."""
    folder = view.get("details")
    job = _detail_jobs.get(folder)
    if folder and not details_cache.is_complete(folder) and not (job and job.is_alive()):
        ids = mappable(_map_points(state))["event_id"].to_numpy()
        _start_details(path, version, state, folder, ids)


# How often the warmer looks at the store file (an os.stat; the store is only queried on a change).
WARM_EVERY_S = 2.0


def warm_default_view(path: str) -> None:
    """Build (into the caches above) what an unfiltered page load needs: facets and map view."""
    version = store_version(get_store())
    if version[0]:
        _facets(path, version)
        _map_view(path, version, filters.FilterState())


def _keep_default_view_warm(path: str) -> None:
    """Rebuild the unfiltered view whenever the store file changes (ingest, an added article),
    so the next page load finds it ready; stops when the store file goes away."""
    built_for = None
    while os.path.exists(path):
        stamp = store_stamp(path)  # taken before building: a write meanwhile triggers another pass
        if stamp != built_for:
            try:
                warm_default_view(path)
                built_for = stamp
            except Exception as exc:  # the page reports store errors itself; try again later
                logging.getLogger(__name__).warning("strikemap: warming the map view failed: %s", exc)
        time.sleep(WARM_EVERY_S)


@st.cache_resource(show_spinner=False)
def _view_warmer(path: str) -> threading.Thread:
    """One background warmer per server process and store."""
    thread = threading.Thread(target=_keep_default_view_warm, args=(path,), name="strikemap-view-warmer",
                              daemon=True)
    thread.start()
    return thread


# ---- sidebar ----

def _seed_widgets_from_url(facets: dict) -> None:
    """On a session's first run, the widgets start from the URL's query parameters."""
    if st.session_state.get("_filters_seeded"):
        return
    state = filters.restrict(filters.from_query_params(st.query_params), facets)
    for field in ("sources", "claimants", "actors", "event_types", "geo_precisions"):
        st.session_state[WIDGET_KEYS[field]] = list(getattr(state, field))
    low, high = facets.get("date_min"), facets.get("date_max")
    if low and high:
        start = min(max(state.date_from or low, low), high)
        end = max(min(state.date_to or high, high), start)
        st.session_state[WIDGET_KEYS["dates"]] = (start, end)
        st.session_state[DATE_BOUNDS_KEY] = (low, high)
    st.session_state["_filters_seeded"] = True


def _follow_date_bounds(low: date, high: date) -> None:
    """When stored dates widen (an article was added), an unrestricted range widens with them."""
    previous = st.session_state.get(DATE_BOUNDS_KEY)
    if previous == (low, high):
        return
    current = st.session_state.get(WIDGET_KEYS["dates"])
    current = tuple(current) if isinstance(current, (tuple, list)) else ()
    if not previous or len(current) != 2 or current == tuple(previous):
        st.session_state[WIDGET_KEYS["dates"]] = (low, high)
    else:  # a range the analyst chose: keep it, inside the new bounds
        start = min(max(current[0], low), high)
        st.session_state[WIDGET_KEYS["dates"]] = (start, max(min(current[1], high), start))
    st.session_state[DATE_BOUNDS_KEY] = (low, high)


def sidebar_filters(facets: dict) -> filters.FilterState:
    """The six sidebar filters; their state is mirrored into the URL."""
    _seed_widgets_from_url(facets)
    sb = st.sidebar
    sb.header("Filters")
    sources = sb.multiselect(filters.LABELS["sources"], facets.get("sources", []), key=WIDGET_KEYS["sources"])
    claimants = sb.multiselect(filters.LABELS["claimants"], facets.get("claimants", []),
                               key=WIDGET_KEYS["claimants"])
    actors = sb.multiselect(filters.LABELS["actors"], facets.get("actors", []), key=WIDGET_KEYS["actors"])
    event_types = sb.multiselect(filters.LABELS["event_types"], filters.event_type_options(facets),
                                 key=WIDGET_KEYS["event_types"])
    date_from = date_to = None
    low, high = facets.get("date_min"), facets.get("date_max")
    if low and high:
        _follow_date_bounds(low, high)
        picked = sb.date_input(filters.LABELS["dates"], min_value=low, max_value=high,
                               key=WIDGET_KEYS["dates"])
        picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
        if picked and picked[0] and picked[0] > low:
            date_from = picked[0]
        if len(picked) > 1 and picked[1] and picked[1] < high:
            date_to = picked[1]
    else:
        sb.date_input(filters.LABELS["dates"], value=None, disabled=True, key=WIDGET_KEYS["dates"])
    precisions = sb.multiselect(filters.LABELS["geo_precisions"], [1, 2, 3], key=WIDGET_KEYS["geo_precisions"],
                                format_func=lambda p: f"{p}: {style.GEO_PRECISION[p]}")
    state = filters.FilterState(tuple(sources), tuple(claimants), tuple(actors), tuple(event_types),
                                date_from, date_to, tuple(int(p) for p in precisions))
    st.query_params.from_dict(filters.to_query_params(state))
    return state


# ---- main area ----

def metrics(events: pd.DataFrame) -> None:
    cols = st.columns(4)
    cols[0].metric("Events", f"{len(events):,}")
    cols[1].metric("Killed (lowest credible)", f"{int(events['fatalities'].fillna(0).sum()):,}")
    cols[2].metric("Reports", f"{int(events['n_reports'].fillna(0).sum()):,}")
    cols[3].metric("Disputed figures", f"{int(events['disputed'].fillna(False).astype(bool).sum()):,}")


def events_map(payload_json: str, key: str = "events_map") -> None:
    """The map; only the events layer changes between reruns, panning never reruns."""
    st_folium(mapview.build_map(), key=key, height=MAP_HEIGHT, use_container_width=True,
              feature_group_to_add=mapview.event_group(payload_json), returned_objects=[])


def below_map(events: pd.DataFrame) -> None:
    st.subheader("Events per day, by type")
    counts = views.timeline_counts(events)
    if counts.empty:
        st.caption("No dated events.")
    else:
        st.altair_chart(views.timeline_chart(counts), width="stretch")
    st.subheader("Events")
    if len(events) > views.TABLE_MAX_ROWS:
        st.caption(f"Showing the first {views.TABLE_MAX_ROWS:,} of {len(events):,} events; "
                   "the downloads hold all of them.")
    st.dataframe(views.table_view(events), hide_index=True, width="stretch")
    left, right = st.columns(2)
    left.download_button("Download CSV (ACLED columns)", data=lambda: views.acled_csv(events),
                         file_name="strikemap-events.csv", mime="text/csv", on_click="ignore")
    right.download_button("Download GeoJSON", data=lambda: views.geojson(events),
                          file_name="strikemap-events.geojson", mime="application/geo+json",
                          on_click="ignore")


def main() -> None:
    st.set_page_config(page_title="strikemap", layout="wide")
    st.title("strikemap")
    try:
        store = get_store()
        version = store_version(store)
    except Exception as exc:  # StoreError and friends: one clear line, never a traceback
        st.error(f"Cannot open the event store {store_path()}: {exc}")
        return
    path = str(store_path())
    _view_warmer(path)
    facets = _facets(path, version)
    state = sidebar_filters(facets)
    if version[0] == 0:
        st.info(EMPTY_STORE)
    else:
        view = _map_view(path, version, state)
        ensure_details(path, version, state, view)
        if view["events"] == 0:
            st.info(EMPTY_RESULT)
        else:
            above_map = st.container()  # filled after the map is sent: the map need not wait for the query
            events_map(view["payload"])
            events = _query(path, version, state)
            with above_map:
                metrics(events)
                unmapped = view["events"] - view["mappable"]
                if unmapped:
                    st.caption(f"{unmapped:,} of these events have no coordinates and are not on the map.")
            below_map(events)
    from dashboard.add_article import add_article_panel
    add_article_panel(store)
