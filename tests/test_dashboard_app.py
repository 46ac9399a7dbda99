"""The Streamlit page through AppTest: sidebar, query parameters, filters, empty states."""
import json
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import filters, page
from extract.model import Article, Claim, Event
from store import open_store

APP = str(page.Path(__file__).resolve().parent.parent / "app.py")


def _event(article, **values):
    base = dict(article=article.id, event_date="2023-03-23", time_precision=1,
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of the United States", actor2="Islamic Revolutionary Guard Corps",
                location="Deir ez-Zor", admin1="Deir ez-Zor", country="Syria", latitude=35.33, longitude=40.14,
                geo_precision=1, geo_reason="named in the text", fatalities=14, injured=None,
                source=article.outlet, excerpt="strike", language=article.language)
    base.update(values)
    return Event(**base)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "strikemap.db"
    store = open_store(path)
    reuters = Article(id="r1", text="reuters text", published=date(2023, 3, 24), outlet="Reuters", language="en",
                      url="https://example.org/r1")
    sana = Article(id="s1", text="sana text", published=date(2023, 5, 2), outlet="SANA", language="ar")
    store.add_events(reuters, [
        _event(reuters, claims=[Claim("US Department of Defense", "claim", "we struck")]),
        _event(reuters, event_date="2023-03-20", location="Aleppo", admin1="Aleppo", latitude=36.2, longitude=37.16,
               actor1="Military Forces of Israel", sub_event_type="Shelling/artillery/missile attack"),
    ])
    store.add_events(sana, [
        _event(sana, event_date="2023-05-01", location="Homs", admin1="Homs", latitude=34.73, longitude=36.72,
               actor1="Military Forces of Israel", geo_precision=2, excerpt="غارة جوية"),
    ])
    store.close()
    return path


@pytest.fixture
def app(seeded_db, monkeypatch):
    monkeypatch.setenv("STRIKEMAP_DB", str(seeded_db))
    return AppTest.from_file(APP, default_timeout=60)


def _metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def _param(at, name):
    value = at.query_params.get(name)
    return [value] if isinstance(value, str) else list(value or [])


def _table_rows(at):
    return len(at.dataframe[0].value)


def test_sidebar_has_exactly_the_six_filters(app):
    app.run()
    assert not app.exception
    labels = [w.label for w in app.sidebar.multiselect] + [w.label for w in app.sidebar.date_input]
    assert sorted(labels) == sorted(filters.LABELS.values())
    assert _metric(app, "Events") == "3"


def test_source_filter_changes_metrics_and_table_and_url(app):
    app.run()
    assert _table_rows(app) == 3
    app.sidebar.multiselect(key=page.WIDGET_KEYS["sources"]).select("SANA").run()
    assert _metric(app, "Events") == "1"
    assert _table_rows(app) == 1
    assert _param(app, "source") == ["SANA"]


def test_query_params_preselect_the_filters(app):
    app.query_params["source"] = ["Reuters"]
    app.query_params["precision"] = ["1"]
    app.run()
    assert app.sidebar.multiselect(key=page.WIDGET_KEYS["sources"]).value == ["Reuters"]
    assert app.sidebar.multiselect(key=page.WIDGET_KEYS["geo_precisions"]).value == [1]
    assert _metric(app, "Events") == "2"


def test_date_range_from_the_url(app):
    app.query_params["from"] = ["2023-04-01"]
    app.run()
    assert _metric(app, "Events") == "1"
    assert _param(app, "from") == ["2023-04-01"]


def test_empty_filter_result_says_so(app):
    app.query_params["source"] = ["SANA"]
    app.query_params["actor"] = ["Military Forces of the United States"]
    app.run()
    assert not app.exception
    assert any(page.EMPTY_RESULT in i.value for i in app.info)
    assert not app.get("component_instance")


def test_empty_store_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("STRIKEMAP_DB", str(tmp_path / "empty.db"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any(page.EMPTY_STORE in i.value for i in at.info)
    assert not at.get("component_instance")


def test_map_script_uses_no_cdn(app):
    app.run()
    components = [c for c in app.get("component_instance")
                  if c.proto.component_name == "streamlit_folium.st_folium"]
    assert len(components) == 1
    args = json.loads(components[0].proto.json_args)
    assert args["returned_objects"] == []
    assert args["js_links"] and all(u.startswith("/app/static/") for u in args["js_links"])
    assert args["css_links"] and all(u.startswith("/app/static/") for u in args["css_links"])
    code = args["script"] + args["header"] + args["html"] + args["feature_group"]
    urls = set(re.findall(r"https?://[^\s\"'\\<>]+", code))
    assert {u for u in urls if "openstreetmap.org" not in u} <= {"https://example.org/r1"}, urls
    assert "StrikemapMap.renderEvents" in args["feature_group"]


def test_events_added_later_are_not_hidden_by_the_date_range(tmp_path, monkeypatch):
    path = tmp_path / "growing.db"
    article = Article(id="a1", text="first", published=date(2023, 3, 24), outlet="Reuters", language="en")
    with open_store(path) as store:
        store.add_events(article, [_event(article)])
    monkeypatch.setenv("STRIKEMAP_DB", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert _metric(at, "Events") == "1"
    later = Article(id="a2", text="second", published=date(2024, 1, 10), outlet="SANA", language="ar")
    with open_store(path) as store:
        store.add_events(later, [_event(later, event_date="2024-01-09", location="Homs", latitude=34.7, longitude=36.7)])
    at.run()
    assert _metric(at, "Events") == "2"
    assert "from" not in at.query_params and "to" not in at.query_params


def test_add_article_previews_then_saves(tmp_path, monkeypatch):
    path = tmp_path / "add.db"
    monkeypatch.setenv("STRIKEMAP_DB", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert any(page.EMPTY_STORE in i.value for i in at.info)
    at.text_area(key="add_text").input(
        "Israeli warplanes struck a weapons depot near Damascus International Airport on Tuesday, "
        "killing two soldiers, the Syrian Observatory for Human Rights said.")
    at.text_input(key="add_outlet").input("Test Outlet")
    at.date_input(key="add_published").set_value(date(2023, 3, 29))
    at.button(key="add_preview").click().run()
    assert not at.exception
    assert not at.error and not at.warning, (at.error, at.warning)
    preview = at.dataframe[-1].value
    assert len(preview) >= 1 and "Damascus" in " ".join(map(str, preview["location"]))
    with open_store(path) as store:
        assert store.event_count() == 0  # a preview stores nothing
    at.button(key="add_save").click().run()
    assert not at.exception
    with open_store(path) as store:
        assert store.event_count() >= 1
    assert _metric(at, "Events") != "0"
    assert any("Saved:" in s.value for s in at.success)


def test_add_article_without_text_says_what_is_missing(app):
    app.run()
    app.button(key="add_preview").click().run()
    assert any("Paste the article text" in e.value for e in app.error)
