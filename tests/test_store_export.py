"""Export of merged events (csv, geojson, jsonl) and the export/split/seed commands."""
import csv
import json
from datetime import date

import pytest

from extract.model import ACLED_COLUMNS, Article, Event
from store import open_store
from store.cli import main
from store.export import EXPORT_COLUMNS


def _strike(art, **kw):
    base = dict(article=art.id, event_date="2024-02-08", time_precision=1,
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of the United States", actor2=None, location="Al Mayadin",
                admin1="Deir ez-Zor", country="Syria", latitude=35.0198, longitude=40.4517,
                geo_precision=1, geo_reason="named town", fatalities=None, injured=None,
                source=art.outlet, place_id="gn:166365", notes="US strike near al-Mayadin")
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "x.db"
    with open_store(path) as st:
        a = Article(id="a.txt", text="report one", published=date(2024, 2, 9), outlet="Reuters", url="https://r/1")
        b = Article(id="b.txt", text="تقرير ثان", published=date(2024, 2, 9), outlet="Kurdistan24")
        c = Article(id="c.txt", text="report three", published=date(2024, 3, 2), outlet="SANA")
        st.add_events(a, [_strike(a, fatalities=6)])
        st.add_events(b, [_strike(b, fatalities=9, excerpt="مقتل تسعة مسلحين")])
        st.add_events(c, [_strike(c, event_date="2024-03-01", location="Aleppo", place_id=None,
                                  latitude=None, longitude=None, geo_precision=3)])
    return path


def test_csv_has_acled_columns_first_and_one_row_per_merged_event(db, tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--db", str(db)]) == 0
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
        fh.seek(0)
        header = next(csv.reader(fh))
    assert header[:len(ACLED_COLUMNS)] == ACLED_COLUMNS and header == EXPORT_COLUMNS
    assert len(rows) == 2
    merged = rows[0]
    assert merged["source"] == "Reuters; Kurdistan24" and merged["n_reports"] == "2"
    assert (merged["fatalities"], merged["fatalities_min"], merged["fatalities_max"]) == ("6", "6", "9")
    assert merged["disputed"] == "True" and merged["article"] == "a.txt; b.txt"
    assert len(json.loads(merged["sources"])) == 2
    assert "2 events written" in capsys.readouterr().err


def test_geojson_and_jsonl(db, tmp_path):
    gj = tmp_path / "e.geojson"
    assert main(["export", "--format", "geojson", "--out", str(gj), "--db", str(db)]) == 0
    doc = json.loads(gj.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [40.4517, 35.0198]}
    assert doc["features"][1]["geometry"] is None              # an event without coordinates is kept
    jl = tmp_path / "e.jsonl"
    assert main(["export", "--format", "jsonl", "--out", str(jl), "--db", str(db), "--since", "2024-02-10"]) == 0
    lines = jl.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["location"] == "Aleppo"


def test_export_to_stdout(db, capsys):
    assert main(["export", "--format", "jsonl", "--db", str(db)]) == 0
    records = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [r["n_reports"] for r in records] == [2, 1]
    assert records[0]["excerpt"] in ("", "مقتل تسعة مسلحين")


def test_failed_export_leaves_the_old_file(db, tmp_path, capsys):
    out = tmp_path / "keep.csv"
    out.write_text("previous export\n", encoding="utf-8")
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "no" / "dir.csv"), "--db", str(db)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_split_command(db, capsys):
    assert main(["split", "1", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "split into 2 events" in out and "undone: report 2 had joined because same date 2024-02-08" in out
    with open_store(db) as st:
        assert st.event_count() == 3 and st.report_count() == 3
    assert main(["split", "99", "--db", str(db)]) == 1
    assert "no event 99" in capsys.readouterr().err


def test_not_a_store_is_a_one_line_error(tmp_path, capsys):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("hello", encoding="utf-8")
    assert main(["export", "--format", "csv", "--db", str(bogus)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a strikemap database" in err
    assert bogus.read_text(encoding="utf-8") == "hello"


def test_seed_if_empty_does_nothing_on_a_full_store(db, capsys):
    assert main(["seed-if-empty", "--db", str(db)]) == 0
    assert "holds 3 articles and 2 events; not seeded" in capsys.readouterr().out
