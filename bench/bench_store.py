"""Store benchmark: prints figures, asserts nothing.

- ingest throughput into the store (articles/s, add_events with given events: the store's own
  cost, merging included), median of runs; and end to end through the extractor when it exists
- building a store of 100,000 events with add_events
- export time (csv, geojson, jsonl) and query_events / facets time at 100,000 events
- wrong merges among ACLED rows (distinct events by construction), when the file is there

usage: python bench/bench_store.py [--events N] [--runs R]
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.model import Article, Claim, Event  # noqa: E402
from store import EventFilter, open_store  # noqa: E402
from store.export import export  # noqa: E402

TOWNS = [("Al Mayadin", "Deir ez-Zor", 35.02, 40.45), ("Al Bukamal", "Deir ez-Zor", 34.45, 40.92),
         ("Ash Shaddadah", "Al-Hasakah", 36.06, 40.73), ("Qamishli", "Al-Hasakah", 37.05, 41.23),
         ("Idlib", "Idlib", 35.93, 36.63), ("Aleppo", "Aleppo", 36.20, 37.16),
         ("Daraa", "Daraa", 32.62, 36.10), ("Ar Raqqah", "Ar-Raqqah", 35.95, 39.01)]
ACTORS = ["Military Forces of the United States", "Military Forces of Turkey", "Military Forces of Russia",
          "Military Forces of Israel", None]
OUTLETS = ["Reuters", "Kurdistan24", "Asharq Al-Awsat", "SANA", "Enab Baladi", "North Press"]
SUBTYPES = ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"]


def synthetic_article(i: int, n_events: int, rng: random.Random, start: date, days: int,
                      recent: list) -> tuple[Article, list[Event]]:
    """One invented article with n_events events; ~1 in 10 repeats a recent article's strike."""
    outlet = OUTLETS[i % len(OUTLETS)]
    art = Article(id=f"bench-{i}", text=f"synthetic report {i} " + "x" * rng.randint(200, 2000),
                  published=start + timedelta(days=rng.randrange(days)), outlet=outlet, language="en")
    events = []
    for k in range(n_events):
        if recent and rng.random() < 0.1:          # another outlet's report of a stored strike
            events.append(dataclasses.replace(rng.choice(recent), article=art.id, source=outlet,
                                              fatalities=rng.choice([None, 1, 3, 6])))
            continue
        town, admin1, _, _ = rng.choice(TOWNS)
        lat, lon = rng.uniform(32.5, 37.2), rng.uniform(36.0, 42.0)     # spread over Syria
        when = start + timedelta(days=rng.randrange(days))
        events.append(Event(
            article=art.id, event_date=when.isoformat(), time_precision=rng.choice([1] * 9 + [2]),
            event_type="Explosions/Remote violence", sub_event_type=rng.choice(SUBTYPES),
            actor1=rng.choice(ACTORS), actor2=None, location=town, admin1=admin1, country="Syria",
            latitude=lat + rng.uniform(-0.05, 0.05), longitude=lon + rng.uniform(-0.05, 0.05),
            geo_precision=rng.choice([1] * 18 + [2, 3]), geo_reason="synthetic", fatalities=rng.choice([None, 0, 1, 3, 6]),
            injured=rng.choice([None, 2]), source=outlet, notes=f"synthetic event {i}.{k}",
            excerpt="a strike hit a depot", language="en",
            claims=[Claim(rng.choice(OUTLETS), "report", "said")] if rng.random() < 0.3 else []))
    recent.extend(events[-2:])
    del recent[:-200]
    return art, events


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    result = fn(*args, **kw)
    return time.perf_counter() - t0, result


def bench_ingest(runs: int, n_articles: int = 500) -> None:
    rates = []
    for run in range(runs):
        rng = random.Random(run)
        recent: list = []
        batch = [synthetic_article(i, 3, rng, date(2023, 1, 1), 365, recent) for i in range(n_articles)]
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "b.db") as st:
            seconds, _ = timed(lambda: [st.add_events(a, e) for a, e in batch])
        rates.append(n_articles / seconds)
    print(f"ingest into the store (add_events, 3 events/article, merging on): "
          f"median {statistics.median(rates):,.0f} articles/s over {runs} runs "
          f"({', '.join(f'{r:,.0f}' for r in rates)})")
    try:
        from extract.pipeline import extract_events
        from extract.read import read_inputs
    except ImportError:
        print("ingest through the extractor: skipped (extract.pipeline not importable)")
        return
    seeds = [a for a in read_inputs([str(Path(__file__).resolve().parent.parent / "seeds")], {})
             if isinstance(a, Article)]
    if not seeds:
        return
    rates = []
    for run in range(runs):
        copies = [Article(**{**a.__dict__, "id": f"{a.id}#{i}", "text": a.text + f"\n\n(copy {run}.{i})"})
                  for i in range(20) for a in seeds]
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "e.db") as st:
            seconds, _ = timed(lambda: [st.add_events(a, extract_events(a)) for a in copies])
        rates.append(len(copies) / seconds)
    print(f"ingest through the extractor (seed article copies): median {statistics.median(rates):,.1f} "
          f"articles/s over {runs} runs")


def bench_large(n_events: int) -> None:
    per_article = 10
    rng = random.Random(7)
    recent: list = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.db"
        with open_store(path) as st:
            def build():
                for i in range(n_events // per_article):
                    st.add_events(*synthetic_article(i, per_article, rng, date(2016, 1, 1), 10 * 365, recent))
            seconds, _ = timed(build)
            print(f"build: {st.report_count():,} events from {st.article_count():,} articles -> "
                  f"{st.event_count():,} merged events in {seconds:.1f} s "
                  f"({st.article_count() / seconds:,.0f} articles/s, {st.report_count() / seconds:,.0f} events/s)")
            for fmt in ("csv", "geojson", "jsonl"):
                out = Path(tmp) / f"export.{fmt}"
                times = [timed(export, st.conn, fmt, out)[0] for _ in range(3)]
                print(f"export {fmt}: median {statistics.median(times):.2f} s "
                      f"({out.stat().st_size / 1e6:.1f} MB)")
            filters = {
                "no filter": EventFilter(),
                "one source": EventFilter(sources=("Reuters",)),
                "actor + one year": EventFilter(actors=("Military Forces of Turkey",),
                                                date_from=date(2022, 1, 1), date_to=date(2022, 12, 31)),
                "one month": EventFilter(date_from=date(2022, 3, 1), date_to=date(2022, 3, 31)),
                "claimant": EventFilter(claimants=("SANA",)),
                "sub-type + precision": EventFilter(event_types=("Air/drone strike",), geo_precisions=(1,)),
            }
            for name, flt in filters.items():
                times, rows = [], 0
                for _ in range(5):
                    seconds, frame = timed(st.query_events, flt)
                    times.append(seconds)
                    rows = len(frame)
                print(f"query_events [{name}]: median {statistics.median(times) * 1000:.0f} ms, {rows:,} rows")
            times = [timed(st.facets)[0] for _ in range(5)]
            print(f"facets: median {statistics.median(times) * 1000:.0f} ms")


def measure_merge_on_acled(path: Path) -> None:
    """Over-merging on real data: each ACLED row is a distinct event, so every merge among rows
    coded from ACLED's own fields is a wrong merge (ACLED's data is used to measure only)."""
    import csv
    if not path.exists():
        print(f"merge check on ACLED rows: skipped ({path} not found)")
        return
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "acled.db") as st:
        for r in rows:
            art = Article(id=r["event_id_cnty"], text=r["notes"], published=date.fromisoformat(r["event_date"]),
                          outlet=r["source"], language="en")
            st.add_events(art, [Event(
                article=art.id, event_date=r["event_date"], time_precision=int(r["time_precision"]),
                event_type=r["event_type"], sub_event_type=r["sub_event_type"], actor1=r["actor1"] or None,
                actor2=r["actor2"] or None, location=r["location"], admin1=r["admin1"], country=r["country"],
                latitude=float(r["latitude"]), longitude=float(r["longitude"]),
                geo_precision=int(r["geo_precision"]), geo_reason="ACLED", fatalities=int(r["fatalities"]),
                injured=None, source=r["source"])])
        wrong = st.report_count() - st.event_count()
        print(f"merge check on ACLED's coding of {len(rows)} distinct events: {st.event_count()} incidents, "
              f"{wrong} wrong merges ({wrong / len(rows):.1%})")
    try:
        from extract.pipeline import extract_events
    except ImportError:
        return
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "acled-x.db") as st:
        for r in rows:
            art = Article(id=r["event_id_cnty"], text=r["notes"], published=date.fromisoformat(r["event_date"]),
                          outlet=r["source"], language="en")
            st.add_events(art, extract_events(art))
        mixed = st.conn.execute("SELECT COUNT(*) FROM (SELECT incident_id FROM events GROUP BY incident_id"
                                " HAVING COUNT(DISTINCT article_id) > 1)").fetchone()[0]
        print(f"same through the extractor: {st.report_count()} extracted events -> {st.event_count()} incidents; "
              f"{mixed} incidents join events of different ACLED rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--acled", type=Path, default=Path("/work/shared/eval/acled/syria_dev.csv"),
                        help="ACLED rows to measure wrong merges on (measuring only)")
    args = parser.parse_args()
    measure_merge_on_acled(args.acled)
    bench_ingest(args.runs)
    bench_large(args.events)


if __name__ == "__main__":
    main()
