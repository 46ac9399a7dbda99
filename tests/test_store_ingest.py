"""Batch ingest: one transaction per article, content-hash dedupe, bad inputs reported and skipped.

A small stand-in extractor (one strike per article, placed by the town it names) keeps these
tests about the store; tests/test_store_end_to_end.py runs the real pipeline.
"""
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from extract.model import Article, Event
from store import StoreError, open_store
from store.ingest import BatchSummary, collect_inputs, ingest_items
from store.progress import Progress

FIXTURES = Path(__file__).parent / "fixtures" / "store"
# spelling in the text -> (gazetteer id, display name, latitude, longitude), as the gazetteer gives
TOWNS = {"Mayadin": ("gn:173480", "Al Mayadin", 35.0198, 40.4517),
         "الميادين": ("gn:173480", "Al Mayadin", 35.0198, 40.4517),
         "الشدادة": ("gn:172837", "Ash Shaddadah", 36.0566, 40.7300),
         "Qamishli": ("gn:163345", "Al Qamishli", 37.05, 41.23)}


def town_extractor(art: Article) -> list[Event]:
    """One strike the day before publication in the first known town the text names."""
    for spelling, (place_id, name, lat, lon) in TOWNS.items():
        if spelling in art.text:
            return [Event(article=art.id, event_date=(art.published - timedelta(days=1)).isoformat(),
                          time_precision=1, event_type="Explosions/Remote violence",
                          sub_event_type="Air/drone strike", actor1=None, actor2=None, location=name,
                          admin1=None, country="Syria", latitude=lat, longitude=lon, geo_precision=1,
                          geo_reason="test", fatalities=None, injured=None, source=art.outlet,
                          place_id=place_id)]
    return []


def run(store, paths=(), feeds=(), overrides=None, extractor=town_extractor):
    err = io.StringIO()
    items = collect_inputs([str(p) for p in paths], [str(f) for f in feeds], overrides or {})
    return ingest_items(store, items, err=err, extractor=extractor), err.getvalue()


@pytest.fixture()
def store(tmp_path):
    st = open_store(tmp_path / "i.db")
    yield st
    st.close()


def test_folder_ingest_then_reingest_adds_nothing(store):
    summary, err = run(store, [FIXTURES / "articles"])
    assert err == ""
    assert (summary.articles_new, summary.failed, summary.events_new, summary.events_merged) == (4, 0, 4, 1)
    assert store.article_count() == 4 and store.report_count() == 4 and store.event_count() == 3
    again, _ = run(store, [FIXTURES / "articles"])
    assert (again.articles_new, again.articles_stored, again.events_new) == (0, 4, 0)
    assert store.article_count() == 4 and store.report_count() == 4


def test_same_text_with_other_whitespace_is_the_same_article(store, tmp_path):
    text = (FIXTURES / "articles" / "mayadin_en.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text("\n\n" + text.replace("\n", "\r\n").replace(" ", "  ") + "\n", encoding="utf-8")
    run(store, [FIXTURES / "articles" / "mayadin_en.txt"])
    summary, _ = run(store, [copy], overrides={"published": "2024-02-09"})
    assert (summary.articles_new, summary.articles_stored) == (0, 1)


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(store, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\xff")
    (tmp_path / "cut.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Strike near Qamishli.", "published": "2024-02-10"}) + "\n"
        + '{"id": "j2", "text": "trunc', encoding="utf-8")
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                        encoding="utf-8")
    (tmp_path / "cp1256.txt").write_bytes("غارة جوية على الميادين".encode("cp1256"))
    good = FIXTURES / "articles" / "mayadin_en.txt"
    run(store, [good])
    before = store.conn.execute("SELECT * FROM articles").fetchall()
    summary, err = run(store, [tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "cut.jsonl",
                               tmp_path / "menu.html", tmp_path / "cp1256.txt", good],
                       feeds=[FIXTURES / "feeds" / "not_a_feed.xml"])
    lines = err.strip().splitlines()
    assert len(lines) == 6 == summary.failed
    assert any("menu.html" in l for l in lines) and any("cp1256.txt" in l and "UTF-8" in l for l in lines)
    assert store.conn.execute("SELECT * FROM articles WHERE id <= ?", (len(before),)).fetchall() == before
    assert any("empty.txt" in l for l in lines) and any("binary.txt" in l for l in lines)
    assert any("cut.jsonl:2" in l for l in lines) and any("not_a_feed.xml" in l for l in lines)
    assert all(l.startswith("error: ") for l in lines)
    assert (summary.articles_new, summary.articles_stored) == (1, 1)   # the good .jsonl line; the good file again


def test_failing_extraction_stores_nothing_for_that_article(store):
    def choking(art):
        if "الميادين" in art.text:
            raise RuntimeError("tokeniser exploded")
        return town_extractor(art)
    summary, err = run(store, [FIXTURES / "articles"], extractor=choking)
    assert summary.failed == 1 and "mayadin_ar" in err and "tokeniser exploded" in err
    assert store.article_count() == 3


def test_a_bad_event_rolls_back_its_whole_article(store):
    art = Article(id="x", text="some text", published=date(2024, 2, 9))
    good = town_extractor(Article(id="x", text="Mayadin", published=date(2024, 2, 9)))[0]
    bad = Event(**{**good.to_record(), "latitude": "north-ish", "claims": []})
    with pytest.raises(StoreError, match="latitude"):
        store.add_events(art, [good, bad])
    with pytest.raises(StoreError, match="event_date"):
        store.add_events(art, [good, Event(**{**good.to_record(), "event_date": "last Thursday", "claims": []})])
    assert store.article_count() == 0 and store.report_count() == 0 and store.event_count() == 0


def test_feeds_are_ingested(store):
    summary, err = run(store, feeds=[FIXTURES / "feeds" / "rss.xml", FIXTURES / "feeds" / "atom.xml"])
    assert summary.articles_new == 4 and summary.failed == 1          # the atom entry without a date
    assert "atom.xml: entry 2: no publication date" in err
    outlets = {r[0] for r in store.conn.execute("SELECT outlet FROM articles")}
    assert outlets == {"Enab Baladi", "Kurdistan24"}
    page = store.conn.execute("SELECT text FROM articles WHERE source_id LIKE '%mayadin.html'").fetchone()[0]
    assert "at least seven fighters" in page and "Home" not in page   # the saved page, without its menu


def test_summary_line():
    s = BatchSummary(articles_new=3, articles_stored=1, failed=1, events_new=7, events_merged=2)
    assert s.line() == "articles: 3 new, 1 already stored, 1 failed; events: 7 new, 2 merged"


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_for_terminals_or_long_batches():
    quiet = io.StringIO()
    p = Progress(10, stream=quiet)
    for _ in range(10):
        p.advance()
    assert quiet.getvalue() == ""
    log = io.StringIO()
    p = Progress(200, stream=log)
    for _ in range(200):
        p.advance()
    assert len(log.getvalue().splitlines()) == 10 and "200/200" in log.getvalue()
    tty = FakeTTY()
    p = Progress(3, stream=tty)
    for _ in range(3):
        p.advance()
    out = tty.getvalue()
    assert out.count("\r") == 3 and "[" + "#" * 30 + "] 3/3 articles" in out and out.endswith("\n")
