"""`python -m extract`: inputs, output formats, atomic --out, bad input and exit codes, store dispatch."""
import csv
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from extract import cli
from extract.model import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a08cf0747df077be.txt"
EN = ROOT / "tests" / "fixtures" / "articles" / "en_01_centcom_strikes.txt"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_by_default(capsys):
    code, out, err = run(capsys, SEED)
    assert code == 0 and err == ""
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 6
    assert all(e["article"] == str(SEED) and e["source"] == "Kurdistan24" for e in events)
    assert all(e["language"] == "ar" and e["original_source"] == "Asharq Al-Awsat" for e in events)


def test_csv_has_acled_column_order_and_claims_as_json(capsys):
    code, out, _ = run(capsys, SEED, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:len(EVENT_COLUMNS)] == EVENT_COLUMNS
    assert rows[0][:4] == ["event_date", "time_precision", "event_type", "sub_event_type"]
    records = list(csv.DictReader(io.StringIO(out)))
    assert len(records) == 6
    assert all(isinstance(json.loads(r["claims"]), list) for r in records)


def test_geojson_feature_collection(capsys):
    code, out, _ = run(capsys, SEED, "--format", "geojson")
    doc = json.loads(out)
    assert code == 0 and doc["type"] == "FeatureCollection" and len(doc["features"]) == 6
    f = doc["features"][0]
    assert f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2
    assert "sub_event_type" in f["properties"] and "latitude" not in f["properties"]


def test_out_file_written_atomically(tmp_path, capsys):
    target = tmp_path / "events.jsonl"
    code, out, _ = run(capsys, SEED, EN, "--out", target)
    assert code == 0 and out == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]      # no temporary left behind


def test_unwritable_out_is_one_line_error(tmp_path, capsys):
    code, out, err = run(capsys, SEED, "--out", tmp_path / "missing" / "events.jsonl")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "cannot write" in err and "Traceback" not in err


def test_bad_inputs_reported_one_line_each_and_others_still_processed(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    lines = tmp_path / "batch.jsonl"
    lines.write_text('{"id": "a1", "text": "On 3 May 2024, Turkish forces shelled Tal Tamer.", "published": "2024-05-03"}\n'
                     "{not json\n", encoding="utf-8")
    code, out, err = run(capsys, empty, binary, lines, SEED)
    assert code == 1
    errors = err.strip().splitlines()
    assert len(errors) == 3
    assert any(str(empty) in e for e in errors) and any(str(binary) in e for e in errors)
    assert any(f"{lines}:2" in e for e in errors)
    articles = {json.loads(line)["article"] for line in out.splitlines()}
    assert articles == {"a1", str(SEED)}


def test_missing_publication_date_is_an_error(tmp_path, capsys):
    article = tmp_path / "undated.txt"
    article.write_text("On Friday, Turkish forces shelled Tal Tamer.", encoding="utf-8")
    code, out, err = run(capsys, article)
    assert code == 1 and "publication date" in err and out == ""
    code, out, err = run(capsys, article, "--published", "2024-05-04", "--outlet", "Desk")
    assert code == 0 and json.loads(out.splitlines()[0])["source"] == "Desk"


def test_unexpected_failure_in_one_article_names_it_and_continues(monkeypatch, capsys):
    import extract.pipeline as pipeline
    real = pipeline.extract_events

    def flaky(article, gazetteer=None):
        if article.id == str(SEED):
            raise ValueError("boom\nsecond line")
        return real(article, gazetteer)
    monkeypatch.setattr(pipeline, "extract_events", flaky)
    code, out, err = run(capsys, SEED, EN)
    assert code == 1
    assert err.strip() == f"error: {SEED}: extraction failed: ValueError: boom"
    assert len(out.splitlines()) == 3


def test_store_commands_are_dispatched_to_the_store(monkeypatch):
    seen = {}
    fake = types.ModuleType("store.cli")
    fake.main = lambda argv: seen.setdefault("argv", argv) and 7
    monkeypatch.setitem(sys.modules, "store.cli", fake)
    assert cli.main(["ingest", "x.txt"]) == 7
    assert seen["argv"] == ["ingest", "x.txt"]


def test_module_entry_point_exit_code():
    done = subprocess.run([sys.executable, "-m", "extract", str(ROOT / "no-such-file.txt")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "no-such-file.txt" in done.stderr and "Traceback" not in done.stderr


def test_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path):
    from extract.write import write_events
    target = tmp_path / "events.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(TypeError):
        write_events([{"article": "a", "bad": object()}], "jsonl", str(target))
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]
    with pytest.raises(ValueError):
        write_events([], "xml", str(target))


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    # `python -m extract big.jsonl | head -1`: more output than a pipe holds, reader gone after a line
    text = SEED.read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"a{i}", "text": text, "published": "2023-03-24"}, ensure_ascii=False)
             for i in range(60)]
    (tmp_path / "big.jsonl").write_text("\n".join(lines), encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "extract", str(tmp_path / "big.jsonl")],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert p.stdout.readline()
    p.stdout.close()
    stderr = p.stderr.read().decode("utf-8", "replace")
    p.wait(timeout=120)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
