"""The map view kept on disk (a restarted server skips the query) and the background warmer."""
import json
from datetime import date

import pytest
import streamlit as st

from dashboard import details_cache, filters, page, payload, style
from dashboard.synthetic import fill_store
from store import open_store


@pytest.fixture
def small_store(tmp_path, monkeypatch):
    """A 30-event store, a private cache folder, and views this small counted as 'large'."""
    path = tmp_path / "strikemap.db"
    with open_store(path) as store:
        fill_store(store, 30)
    monkeypatch.setenv("STRIKEMAP_DB", str(path))
    monkeypatch.setattr(details_cache, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(page, "INLINE_MAX_EVENTS", 10)
    st.cache_resource.clear()
    yield str(path.resolve())
    st.cache_resource.clear()


def _restart(monkeypatch):
    """Forget every in-process cache, and fail if the page runs the query again."""
    st.cache_resource.clear()

    def no_query(*args):
        raise AssertionError("the query ran although the view was on disk")
    monkeypatch.setattr(page, "_query", no_query)


def _version():
    return page.store_version(page.get_store())


def _wait_for_details():
    for job in list(page._detail_jobs.values()):
        job.join(timeout=30)


def test_view_round_trips_through_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(details_cache, "CACHE_DIR", tmp_path)
    details_cache.write_view("abc", "view-1", {"payload": "{}", "events": 3, "mappable": 2})
    assert details_cache.read_view("abc", "view-1") == {"payload": "{}", "events": 3, "mappable": 2}
    assert details_cache.read_view("abc", "view-2") is None
    assert not list(tmp_path.glob("abc/*.part"))


def test_store_stamp_changes_when_the_store_is_written(small_store):
    before = details_cache.store_stamp(small_store)
    assert before == details_cache.store_stamp(small_store)
    with open_store(small_store) as store:
        fill_store(store, 2, seed=99)
    assert details_cache.store_stamp(small_store) != before


def test_restarted_server_reuses_the_view_and_facets_without_querying(small_store, monkeypatch):
    version = _version()
    first = page._map_view(small_store, version, filters.FilterState())
    facets = page._facets(small_store, version)
    assert first["events"] == first["mappable"] == 30
    assert '"details"' in first["payload"]  # popups come from the chunks on disk
    _wait_for_details()

    _restart(monkeypatch)
    monkeypatch.setattr(page.get_store(), "facets", lambda: pytest.fail("facets ran again"))
    assert page._map_view(small_store, version, filters.FilterState()) == first
    again = page._facets(small_store, version)
    assert again == facets and isinstance(again["date_min"], date)


def test_a_changed_store_is_never_served_from_disk(small_store, monkeypatch):
    first = page._map_view(small_store, _version(), filters.FilterState())
    with open_store(small_store) as store:
        fill_store(store, 5, seed=99)
    st.cache_resource.clear()
    changed = page._map_view(small_store, _version(), filters.FilterState())
    assert changed["events"] == 35 and changed["payload"] != first["payload"]


def test_warmer_builds_the_unfiltered_view_ahead_of_the_page(small_store, monkeypatch):
    page.warm_default_view(small_store)
    version = _version()
    monkeypatch.setattr(page, "_query", lambda *a: pytest.fail("the page had to run the query"))
    view = page._map_view(small_store, version, filters.FilterState())
    assert view["events"] == 30
    assert len(payload.unpack_columns(json.loads(view["payload"])["packed"])["lat"]) == 30


def _decode(chunk: dict, column: str, i: int):
    code = chunk["columns"][column][i]
    return None if code < 0 else chunk["strings"][code]


@pytest.mark.parametrize("state", [filters.FilterState(), filters.FilterState(sources=("Reuters", "SANA"))])
def test_map_points_are_query_events_rows_in_the_same_order(small_store, state):
    from dashboard.points import map_points
    from dashboard.payload import MAP_COLUMNS
    flt = filters.to_event_filter(state)
    store = page.get_store()
    points, events = map_points(store.conn, flt), store.query_events(flt)
    assert 0 < len(points) == len(events)
    assert list(points.columns) == list(MAP_COLUMNS)
    for name in MAP_COLUMNS:
        assert points[name].astype(object).tolist() == events[name].astype(object).tolist(), name


def test_never_cached_view_draws_markers_first_and_every_popup_gets_its_own_details(small_store, monkeypatch):
    monkeypatch.setattr(page, "DETAIL_CHUNK", 7)
    version = _version()
    view = page._map_view(small_store, version, filters.FilterState())
    sent = json.loads(view["payload"])
    assert set(sent["columns"]) == set() and sent["strings"] == []  # no popup text before the markers
    assert sent["details"]["chunk"] == 7 and sent["details"]["url"].endswith(f"/details-cache/{view['details']}/")
    _wait_for_details()
    assert details_cache.is_complete(view["details"])
    markers = payload.unpack_columns(sent["packed"])
    events = page.get_store().query_events(filters.to_event_filter(filters.FilterState()))
    events = events.astype(object).where(events.notna(), None)
    by_point = {(round(r.latitude, 5), round(r.longitude, 5)): r for r in events.itertuples()}
    folder = details_cache.CACHE_DIR / view["details"]
    for k in range(view["mappable"]):
        chunk = json.loads((folder / f"{k // 7}.json").read_text(encoding="utf-8"))
        i = k % 7
        row = by_point[(markers["lat"][k], markers["lon"][k])]
        assert _decode(chunk, "location", i) == row.location
        assert _decode(chunk, "date", i) == row.event_date and chunk["columns"]["tp"][i] == row.time_precision
        assert _decode(chunk, "actor1", i) == row.actor1 and _decode(chunk, "actor2", i) == row.actor2
        assert _decode(chunk, "excerpt", i) == row.excerpt and _decode(chunk, "language", i) == row.language
        assert chunk["columns"]["gp"][i] == row.geo_precision == markers["gp"][k]
        outlets = [json.loads(chunk["strings"][c])["outlet"] for c in chunk["columns"]["sources"][i]]
        assert outlets == [s["outlet"] for s in json.loads(row.sources)]
        side = sent["legend"][markers["colour"][k]]
        assert side["label"] == row.actor1 and side["colour"] == style.actor_colour(row.actor1)


def test_details_follow_event_ids_when_the_store_changed_in_between(small_store):
    events = page.get_store().query_events(filters.to_event_filter(filters.FilterState()))
    ids = events["event_id"].to_numpy()
    wanted = [ids[3], 999_999, ids[0]]  # 999999: an event gone from the store since the markers
    aligned = page.in_map_order(events, wanted)
    chunk = next(payload.detail_chunks(aligned))
    assert _decode(chunk, "location", 0) == events["location"][3]
    assert _decode(chunk, "location", 2) == events["location"][0]
    assert chunk["columns"]["gone"] == [0, 1, 0] and _decode(chunk, "location", 1) is None
    assert page.in_map_order(events, ids) is events  # nothing changed: nothing copied


def test_markers_and_counts_never_wait_for_the_full_query(small_store):
    import threading
    version = _version()
    _, busy = page._reader(small_store, page.QUERY)
    with busy:  # the full query is running (a background details job, another session's table)
        views = []
        worker = threading.Thread(target=lambda: views.append(
            (page.store_version(page.get_store()), page._map_view(small_store, version, filters.FilterState()))))
        worker.start()
        worker.join(timeout=10)
        assert views, "the markers waited for the full query"
        assert views[0][0] == version and views[0][1]["mappable"] == 30
    _wait_for_details()
    assert details_cache.is_complete(views[0][1]["details"])
