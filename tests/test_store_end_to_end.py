"""Through the real extractor: `python -m extract ingest` on Arabic and English reports of the
same strikes, the near misses, feeds, re-ingest, and seeding an empty store."""
from pathlib import Path

import pytest

from extract.cli import main as extract_main
from store import open_store
from store.cli import main as store_main

FIXTURES = Path(__file__).parent / "fixtures" / "store"


def incidents_of(st, name):
    """Incident ids holding an event of the article whose file name is `name`."""
    return {r[0] for r in st.conn.execute(
        "SELECT e.incident_id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.source_id LIKE ?",
        (f"%{name}",))}


@pytest.fixture()
def ingested(tmp_path, capsys):
    db = tmp_path / "e2e.db"
    assert extract_main(["ingest", str(FIXTURES / "articles"), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("articles: 4 new, 0 already stored, 0 failed; events: ")
    return db


def test_arabic_and_english_reports_merge_and_near_misses_stay_apart(ingested):
    with open_store(ingested) as st:
        en, ar = incidents_of(st, "mayadin_en.txt"), incidents_of(st, "mayadin_ar.txt")
        assert en and ar
        shared = en & ar
        assert shared, "the Reuters and Kurdistan24 reports of one strike were not merged"
        row = st.query_events().set_index("event_id").loc[sorted(shared)[0]]
        assert "Reuters" in row["sources"] and "Kurdistan24" in row["sources"]
        assert row["n_reports"] >= 2
        assert row["fatalities"] == row["fatalities_min"]           # the conservative figure
        assert bool(row["disputed"]) == (row["fatalities_min"] != row["fatalities_max"])
        later, other = incidents_of(st, "mayadin_week_later_en.txt"), incidents_of(st, "shaddadi_same_day_ar.txt")
        assert later and other, "the near-miss reports gave no events: the test would prove nothing"
        assert not later & (en | ar)                                 # same town a week later: apart
        assert not other & (en | ar)                                 # same day, another town: apart
        assert st.integrity_problems() == []


def test_reingest_adds_nothing(ingested, capsys):
    with open_store(ingested) as st:
        before = (st.article_count(), st.report_count(), st.event_count())
    assert extract_main(["ingest", str(FIXTURES / "articles"), "--db", str(ingested)]) == 0
    assert capsys.readouterr().out.strip() == \
        "articles: 0 new, 4 already stored, 0 failed; events: 0 new, 0 merged"
    with open_store(ingested) as st:
        assert (st.article_count(), st.report_count(), st.event_count()) == before


def test_feeds_and_a_bad_feed(tmp_path, capsys):
    db = tmp_path / "feeds.db"
    rc = extract_main(["ingest", "--feed", str(FIXTURES / "feeds" / "rss.xml"),
                       "--feed", str(FIXTURES / "feeds" / "not_a_feed.xml"), "--db", str(db)])
    captured = capsys.readouterr()
    assert rc == 1
    assert captured.out.startswith("articles: 3 new, 0 already stored, 1 failed;")
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1 and "not_a_feed.xml: not an RSS or Atom feed" in errors[0]
    with open_store(db) as st:
        assert st.article_count() == 3


def test_seed_if_empty(tmp_path, capsys):
    db = tmp_path / "seeded.db"
    assert store_main(["seed-if-empty", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "was empty; seeded from seeds/: articles: 1 new" in out
    with open_store(db) as st:
        assert st.article_count() == 1 and st.event_count() >= 1
        events = st.event_count()
    assert store_main(["seed-if-empty", "--db", str(db)]) == 0
    assert f"holds 1 article and {events} event{'' if events == 1 else 's'}; not seeded" in capsys.readouterr().out
