"""Property tests: arbitrary Unicode text and bytes into the reader, extractor and store; no
exception escapes, and what is stored reads back."""
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from extract.model import Article, Claim, Event
from store import StoreError, open_store
from store.export import export
from store.ingest import collect_inputs, ingest_items

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
maybe_text = st.one_of(st.none(), st.text(max_size=40))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("prop") / "p.db")
    yield s
    s.close()


events = st.builds(
    Event, article=st.text(max_size=20), event_date=st.one_of(st.none(), st.dates().map(date.isoformat)),
    time_precision=st.one_of(st.none(), st.integers(1, 3)), event_type=st.text(max_size=30),
    sub_event_type=st.text(max_size=30), actor1=maybe_text, actor2=maybe_text, location=maybe_text,
    admin1=maybe_text, country=maybe_text,
    latitude=st.one_of(st.none(), st.floats(-90, 90)), longitude=st.one_of(st.none(), st.floats(-180, 180)),
    geo_precision=st.one_of(st.none(), st.integers(1, 3)), geo_reason=maybe_text,
    fatalities=st.one_of(st.none(), st.integers(0, 10_000)), injured=st.one_of(st.none(), st.integers(0, 10_000)),
    source=maybe_text, notes=st.text(max_size=60), excerpt=st.text(max_size=60),
    claims=st.lists(st.builds(Claim, claimant=st.text(max_size=20), stance=st.sampled_from(["claim", "deny"]),
                              excerpt=st.text(max_size=40)), max_size=2))


@SETTINGS
@given(text=st.text(max_size=400), outlet=maybe_text, evs=st.lists(events, max_size=3))
def test_arbitrary_articles_and_events_store_and_read_back(store, text, outlet, evs):
    before = store.report_count()
    art = Article(id="prop", text=text, published=date(2024, 1, 1), outlet=outlet)
    result = store.add_events(art, evs)
    assert store.report_count() == before + (len(evs) if result.new_article else 0)
    frame = store.query_events()
    assert len(frame) == store.event_count()
    assert store.integrity_problems() == []
    out = io.StringIO()
    import sys
    real, sys.stdout = sys.stdout, out
    try:
        export(store.conn, "jsonl")
    finally:
        sys.stdout = real
    assert len(out.getvalue().rstrip("\n").split("\n")) == len(frame) or (frame.empty and not out.getvalue())


@SETTINGS
@given(text=st.text(max_size=100).map(lambda t: t + "\ud800"))
def test_text_with_a_lone_surrogate_is_a_store_error(store, text):
    with pytest.raises(StoreError):
        store.add_events(Article(id="s", text=text, published=date(2024, 1, 1)), [])


@SETTINGS
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".jsonl", ".html", ".xml"]))
def test_arbitrary_bytes_as_input_files_never_raise(store, tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    err = io.StringIO()
    inputs, feeds = ([], [str(path)]) if suffix == ".xml" else ([str(path)], [])
    items = collect_inputs(inputs, feeds, {"published": "2024-01-01"})
    summary = ingest_items(store, items, err=err, extractor=lambda a: [])
    assert summary.failed == len(err.getvalue().splitlines())


@SETTINGS
@given(text=st.text(min_size=1, max_size=600))
def test_arbitrary_text_through_the_real_extractor_and_store(store, text):
    pipeline = pytest.importorskip("extract.pipeline")
    from extract.read import read_article_text
    from extract.errors import InputError
    try:
        art = read_article_text(text, id="hyp", published=date(2024, 2, 9))
    except InputError:
        return                       # e.g. whitespace only: the reader says so in one line
    evs = pipeline.extract_events(art)
    result = store.ingest_article(art, evs)
    assert result.events_new == (len(evs) if result.new_article else 0)
