"""Merging reports of one strike across articles, and keeping near misses apart.

The events here are built by hand to mirror tests/fixtures/store/articles/ (what a correct
extraction of each report gives), so the merge rule is tested apart from the extractor.
"""
import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from extract.model import Article, Claim, Event
from store import open_store
from store.merge import distance_km, load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "store" / "articles"
MAYADIN = dict(location="Al Mayadin", admin1="Deir ez-Zor", country="Syria", latitude=35.0198,
               longitude=40.4517, geo_precision=1, place_id="gn:166365")
SHADDADI = dict(location="Ash Shaddadah", admin1="Al-Hasakah", country="Syria", latitude=36.0566,
                longitude=40.7300, geo_precision=1, place_id="gn:172503")
US = "Military Forces of the United States"


def article(name):
    meta = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return Article(id=name, text=(FIXTURES / f"{name}.txt").read_text(encoding="utf-8"),
                   published=date.fromisoformat(meta["published"]), outlet=meta["outlet"],
                   url=meta.get("url"), language=meta["language"])


def strike(art, **kw):
    base = dict(article=art.id, event_date="2024-02-08", time_precision=1,
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1=US, actor2=None, geo_reason="named town", fatalities=None, injured=None,
                source=art.outlet, language=art.language, **MAYADIN)
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def store(tmp_path):
    st = open_store(tmp_path / "m.db")
    yield st
    st.close()


def test_arabic_and_english_reports_of_one_strike_merge(store):
    en, ar = article("mayadin_en"), article("mayadin_ar")
    store.add_events(en, [strike(en, fatalities=6, claims=[Claim("US Central Command", "claim", "The U.S. military said")])])
    result = store.add_events(ar, [strike(ar, fatalities=9, actor2="Iran-backed militias")])
    assert (result.events_new, result.events_merged) == (1, 1)
    frame = store.query_events()
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["n_reports"] == 2
    assert (row["fatalities"], row["fatalities_min"], row["fatalities_max"]) == (6, 6, 9)
    assert bool(row["disputed"]) is True
    assert row["actor2"] == "Iran-backed militias"          # the side one report names is kept
    assert {s["outlet"] for s in json.loads(row["sources"])} == {"Reuters", "Kurdistan24"}
    assert json.loads(row["claims"])[0]["claimant"] == "US Central Command"
    reason = store.conn.execute("SELECT merge_reason FROM events WHERE merge_reason IS NOT NULL").fetchone()[0]
    assert "same date 2024-02-08" in reason and "same place" in reason and "actors agree" in reason
    assert store.report_count() == 2                          # per-article events stay stored


def test_agreeing_figures_are_not_disputed(store):
    en, ar = article("mayadin_en"), article("mayadin_ar")
    store.add_events(en, [strike(en, fatalities=6, injured=3)])
    store.add_events(ar, [strike(ar, fatalities=6, injured=None)])
    row = store.query_events().iloc[0]
    assert (row["fatalities"], row["injured"], bool(row["disputed"])) == (6, 3, False)


def test_same_town_a_week_later_stays_apart(store):
    en, later = article("mayadin_en"), article("mayadin_week_later_en")
    store.add_events(en, [strike(en, fatalities=6)])
    result = store.add_events(later, [strike(later, event_date="2024-02-15", fatalities=2)])
    assert result.events_merged == 0
    assert store.event_count() == 2


def test_same_day_different_town_stays_apart(store):
    en, other = article("mayadin_en"), article("shaddadi_same_day_ar")
    assert distance_km(MAYADIN["latitude"], MAYADIN["longitude"],
                       SHADDADI["latitude"], SHADDADI["longitude"]) > 100
    store.add_events(en, [strike(en)])
    result = store.add_events(other, [strike(other, fatalities=0, **{**SHADDADI})])
    assert result.events_merged == 0 and store.event_count() == 2


@pytest.mark.parametrize("keep_apart", [True, False])
def test_two_named_villages_close_together_stay_apart(tmp_path, keep_apart):
    """Shelling of two neighbouring villages the same day is two events (ACLED codes it so)."""
    rules = load_rules()
    rules = dataclasses.replace(rules, distinct_exact_places_stay_apart=keep_apart)
    en, ar = article("mayadin_en"), article("mayadin_ar")
    village = dict(MAYADIN, location="Village B", place_id="gn:1", latitude=MAYADIN["latitude"] + 0.02)
    with open_store(tmp_path / "v.db", rules=rules) as st:
        st.add_events(en, [strike(en)])
        assert st.add_events(ar, [strike(ar, **village)]).events_merged == int(not keep_apart)
        # An approximate report ("near al-Mayadin") still joins by distance.
        third = Article(id="third", text="near al-Mayadin", published=date(2024, 2, 9), outlet="SANA")
        near = dict(MAYADIN, place_id=None, location="Al Mayadin area", geo_precision=2)
        assert st.add_events(third, [strike(third, **near)]).events_merged == 1


def test_two_events_of_one_article_never_merge(store):
    en, ar = article("mayadin_en"), article("mayadin_ar")
    store.add_events(en, [strike(en), strike(en)])
    assert store.event_count() == 2
    # A later report matching both joins only one of them.
    result = store.add_events(ar, [strike(ar)])
    assert result.events_merged == 1
    assert sorted(store.query_events()["n_reports"]) == [1, 2]
    assert store.integrity_problems() == []


def _without_place_id(place):
    return {**place, "place_id": None}


@pytest.mark.parametrize("precision, km_apart, merged", [(1, 5, True), (1, 20, False), (2, 20, True),
                                                         (2, 50, False), (3, 80, True)])
def test_place_radius_depends_on_geo_precision(store, precision, km_apart, merged):
    en, ar = article("mayadin_en"), article("mayadin_ar")
    moved = dict(_without_place_id(MAYADIN), latitude=MAYADIN["latitude"] + km_apart / 111.2)
    store.add_events(en, [strike(en, **{**_without_place_id(MAYADIN), "geo_precision": precision})])
    result = store.add_events(ar, [strike(ar, **{**moved, "geo_precision": precision})])
    assert result.events_merged == int(merged)


@pytest.mark.parametrize("precision, days, merged", [(1, 1, False), (2, 5, True), (2, 8, False), (3, 25, True)])
def test_date_window_depends_on_time_precision(store, precision, days, merged):
    en, ar = article("mayadin_en"), article("mayadin_ar")
    store.add_events(en, [strike(en, time_precision=precision)])
    later = (date(2024, 2, 8).toordinal() + days)
    result = store.add_events(ar, [strike(ar, time_precision=1,
                                          event_date=date.fromordinal(later).isoformat())])
    assert result.events_merged == int(merged)


@pytest.mark.parametrize("changes, merged", [
    (dict(actor1=None), True),                                   # one side unknown
    (dict(actor1="Military Forces of Russia"), False),
    (dict(sub_event_type="Shelling/artillery/missile attack"), True),   # compatible by the rules file
    (dict(sub_event_type="Remote explosive/landmine/IED"), False),
    (dict(event_type="Battles", sub_event_type="Armed clash"), False),
    (dict(event_date=None), False),                              # no date: never merged
])
def test_type_and_actor_rules(store, changes, merged):
    en, ar = article("mayadin_en"), article("mayadin_ar")
    store.add_events(en, [strike(en)])
    assert store.add_events(ar, [strike(ar, **changes)]).events_merged == int(merged)


def test_rule_parameters_come_from_the_data_file(tmp_path):
    rules_file = tmp_path / "rules.toml"
    text = (Path(__file__).parent.parent / "store" / "merge_rules.toml").read_text(encoding="utf-8")
    rules_file.write_text(text.replace("1 = 0", "1 = 1", 1), encoding="utf-8")
    rules = load_rules(rules_file)
    assert rules.date_window_days[1] == 1
    with open_store(tmp_path / "r.db", rules=rules) as st:
        en, ar = article("mayadin_en"), article("mayadin_ar")
        st.add_events(en, [strike(en)])
        assert st.add_events(ar, [strike(ar, event_date="2024-02-09")]).events_merged == 1


def test_split_undoes_a_merge_and_loses_nothing(store):
    en, ar = article("mayadin_en"), article("mayadin_ar")
    store.add_events(en, [strike(en, fatalities=6)])
    store.add_events(ar, [strike(ar, fatalities=9)])
    incident = int(store.query_events().iloc[0]["event_id"])
    ids = store.split(incident)
    assert ids[0] == incident and len(ids) == 2
    frame = store.query_events()
    assert sorted(frame["fatalities"]) == [6, 9]
    assert list(frame["n_reports"]) == [1, 1] and not frame["disputed"].any()
    assert store.report_count() == 2 and store.article_count() == 2
    undone = store.conn.execute("SELECT reason, undone_at FROM merges").fetchall()
    assert len(undone) == 1 and undone[0][0] and undone[0][1]          # reason kept, marked undone
    assert store.conn.execute("SELECT COUNT(*) FROM split_vetoes").fetchone()[0] == 1
    assert store.split(ids[1]) == [ids[1]]                              # a single report: nothing to do
    assert store.integrity_problems() == []


def test_third_report_joins_the_incident(store):
    en, ar, page = article("mayadin_en"), article("mayadin_ar"), article("mayadin_week_later_en")
    store.add_events(en, [strike(en, fatalities=6)])
    store.add_events(ar, [strike(ar, fatalities=9)])
    third = dataclasses.replace(page, id="third", text=page.text + " (updated)")
    store.add_events(third, [strike(third, fatalities=7, geo_precision=2, place_id=None)])
    row = store.query_events().iloc[0]
    assert (row["n_reports"], row["fatalities_min"], row["fatalities_max"]) == (3, 6, 9)
    assert row["geo_precision"] == 1           # the best-located report gives the place
