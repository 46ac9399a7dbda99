"""Filter state <-> URL query parameters, and the views below the map."""
import json
from datetime import date

import pandas as pd

from dashboard import filters, views
from dashboard.filters import FilterState


def test_query_params_round_trip():
    state = FilterState(sources=("Reuters", "SANA"), claimants=("Islamic State",), actors=("A",),
                        event_types=("Air/drone strike",), date_from=date(2023, 3, 1),
                        date_to=date(2023, 3, 31), geo_precisions=(1, 2))
    params = filters.to_query_params(state)
    assert params["source"] == ["Reuters", "SANA"]
    assert params["from"] == ["2023-03-01"]
    assert filters.from_query_params(params) == state


def test_empty_state_gives_no_params():
    assert filters.to_query_params(FilterState()) == {}
    assert filters.from_query_params({}) == FilterState()


def test_malformed_params_are_dropped():
    state = filters.from_query_params({"from": "not-a-date", "precision": ["1", "7", "x"], "source": "Reuters"})
    assert state.date_from is None
    assert state.geo_precisions == (1,)
    assert state.sources == ("Reuters",)


def test_restrict_keeps_only_offered_values():
    facets = {"sources": ["Reuters"], "claimants": [], "actors": ["A"], "event_types": ["Battles"],
              "sub_event_types": ["Armed clash"]}
    state = filters.restrict(FilterState(sources=("Reuters", "Gone"), event_types=("Armed clash", "X")), facets)
    assert state.sources == ("Reuters",)
    assert state.event_types == ("Armed clash",)


def test_filter_maps_to_store_filter():
    flt = filters.to_event_filter(FilterState(sources=("Reuters",), geo_precisions=(3,)))
    assert flt.sources == ("Reuters",) and flt.geo_precisions == (3,)


def _events():
    return pd.DataFrame([
        {"event_date": "2023-03-23", "event_type": "Explosions/Remote violence", "latitude": 35.0, "longitude": 40.0,
         "sources": json.dumps([{"outlet": "Reuters"}, {"outlet": "SANA"}, {"outlet": "Reuters"}]),
         "claims": "[]", "fatalities": 2},
        {"event_date": "2023-03-23", "event_type": "Battles", "latitude": None, "longitude": None,
         "sources": "[]", "claims": "[]", "fatalities": None},
        {"event_date": "2023-03-25", "event_type": "Battles", "latitude": 33.0, "longitude": 36.0,
         "sources": "not json", "claims": "[]", "fatalities": 0},
    ])


def test_outlets_joins_unique_names():
    assert views.outlets(json.dumps([{"outlet": "Reuters"}, {"outlet": "SANA"}, {"outlet": "Reuters"}])) == "Reuters; SANA"
    assert views.outlets("garbage") == ""


def test_timeline_counts_per_day_and_type():
    counts = views.timeline_counts(_events())
    assert counts.loc[pd.Timestamp("2023-03-23"), "Battles"] == 1
    assert counts.loc[pd.Timestamp("2023-03-25"), "Battles"] == 1
    assert counts.loc[pd.Timestamp("2023-03-23"), "Explosions/Remote violence"] == 1


def test_csv_has_acled_columns_first():
    text = views.acled_csv(_events()).decode("utf-8")
    header = text.splitlines()[0].split(",")
    assert header[:4] == ["event_date", "time_precision", "event_type", "sub_event_type"]
    assert "Reuters; SANA" in text


def test_geojson_has_only_located_events():
    collection = json.loads(views.geojson(_events()))
    assert len(collection["features"]) == 2
    first = collection["features"][0]
    assert first["geometry"]["coordinates"] == [40.0, 35.0]
    assert first["properties"]["sources"][1]["outlet"] == "SANA"


def test_timeline_chart_ticks_follow_the_span():
    spec = views.timeline_chart(views.timeline_counts(_events())).to_dict()
    assert spec["encoding"]["x"]["axis"]["tickCount"]["interval"] == "day"
    assert spec["mark"]["type"] == "bar" if isinstance(spec["mark"], dict) else spec["mark"] == "bar"
