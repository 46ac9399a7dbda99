"""The dashboard's read side: query_events filters and facets over merged events."""
import json
from datetime import date

import pytest

from extract.model import Article, Claim, Event
from store import EventFilter, open_store
from store.query import QUERY_COLUMNS

CONTRACT_COLUMNS = [
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "geo_reason",
    "fatalities", "fatalities_min", "fatalities_max", "injured", "injured_min", "injured_max",
    "disputed", "notes", "excerpt", "language", "sources", "claims", "n_reports",
]


def _event(**kw):
    base = dict(article="x", event_date="2023-03-23", time_precision=1,
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of the United States", actor2=None, location="Deir ez-Zor",
                admin1="Deir ez-Zor", country="Syria", latitude=35.336, longitude=40.141,
                geo_precision=1, geo_reason="named", fatalities=None, injured=None, source=None)
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def store(tmp_path):
    st = open_store(tmp_path / "q.db")
    st.add_events(Article(id="r1", text="reuters one", published=date(2023, 3, 24), outlet="Reuters"), [
        _event(fatalities=4, claims=[Claim("US Central Command", "claim", "CENTCOM said")]),
    ])
    st.add_events(Article(id="k1", text="k24 one", published=date(2023, 5, 2), outlet="Kurdistan24",
                          language="ar"), [
        _event(event_date="2023-05-01", location="Al-Hasakah", admin1="Al-Hasakah", latitude=36.5,
               longitude=40.75, geo_precision=2, actor1="Military Forces of Turkey",
               actor2="SDF: Syrian Democratic Forces", sub_event_type="Shelling/artillery/missile attack",
               language="ar", claims=[Claim("SDF", "report", "قالت قسد")]),
    ])
    st.add_events(Article(id="s1", text="sana one", published=date(2023, 6, 10), outlet="SANA"), [
        _event(event_date="2023-06-10", event_type="Battles", sub_event_type="Armed clash",
               location="Aleppo", admin1="Aleppo", latitude=36.2, longitude=37.16, geo_precision=3,
               actor1=None, actor2=None),
    ])
    yield st
    st.close()


def ids(frame):
    return sorted(frame["location"])


def test_columns_are_the_contract(store):
    frame = store.query_events(EventFilter())
    assert list(frame.columns) == CONTRACT_COLUMNS == QUERY_COLUMNS
    assert len(frame) == 3 and frame["disputed"].dtype == bool
    row = frame[frame.location == "Deir ez-Zor"].iloc[0]
    assert json.loads(row["sources"])[0]["outlet"] == "Reuters"
    assert json.loads(row["claims"]) == [{"claimant": "US Central Command", "stance": "claim",
                                          "excerpt": "CENTCOM said"}]


def test_empty_store_gives_empty_frame_with_columns(tmp_path):
    with open_store(tmp_path / "e.db") as st:
        frame = st.query_events(EventFilter())
        assert frame.empty and list(frame.columns) == CONTRACT_COLUMNS
        assert st.facets()["date_min"] is None


def test_each_filter(store):
    q = lambda **kw: ids(store.query_events(EventFilter(**kw)))
    assert q(sources=("Kurdistan24",)) == ["Al-Hasakah"]
    assert q(sources=("Reuters", "SANA")) == ["Aleppo", "Deir ez-Zor"]
    assert q(claimants=("SDF",)) == ["Al-Hasakah"]
    assert q(actors=("SDF: Syrian Democratic Forces",)) == ["Al-Hasakah"]     # actor2 matches too
    assert q(event_types=("Battles",)) == ["Aleppo"]
    assert q(event_types=("Air/drone strike",)) == ["Deir ez-Zor"]            # sub_event_type matches
    assert q(date_from=date(2023, 5, 1)) == ["Al-Hasakah", "Aleppo"]
    assert q(date_to="2023-05-01") == ["Al-Hasakah", "Deir ez-Zor"]
    assert q(geo_precisions=(2, 3)) == ["Al-Hasakah", "Aleppo"]
    assert q(sources=("Reuters",), geo_precisions=(3,)) == []


def test_facets(store):
    f = store.facets()
    assert f["sources"] == ["Kurdistan24", "Reuters", "SANA"]
    assert f["claimants"] == ["SDF", "US Central Command"]
    assert f["actors"] == ["Military Forces of Turkey", "Military Forces of the United States",
                           "SDF: Syrian Democratic Forces"]
    assert f["event_types"] == ["Battles", "Explosions/Remote violence"]
    assert "Armed clash" in f["sub_event_types"]
    assert (f["date_min"], f["date_max"]) == (date(2023, 3, 23), date(2023, 6, 10))
    assert f["geo_precisions"] == [1, 2, 3]
    assert store.event_count() == 3
