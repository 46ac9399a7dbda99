"""The map view kept on disk (a restarted server skips the query) and the background warmer."""
import json
from datetime import date

import pytest
import streamlit as st

from dashboard import details_cache, filters, page, payload
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
