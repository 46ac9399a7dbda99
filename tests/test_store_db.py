"""The store file: created in WAL mode, marked as strikemap's, migrated, and others' files refused."""
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from extract.model import Article, Event
from store import StoreError, open_store
from store import db


def _event(**kw):
    base = dict(article="a", event_date="2023-03-23", time_precision=1,
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of the United States", actor2=None, location="Deir ez-Zor",
                admin1="Deir ez-Zor", country="Syria", latitude=35.336, longitude=40.141,
                geo_precision=1, geo_reason="named in the text", fatalities=3, injured=None,
                source="Reuters", place_id="gn:170794")
    base.update(kw)
    return Event(**base)


def test_new_store_is_wal_marked_and_latest(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as st:
        assert st.schema_version == db.LATEST_VERSION >= 2
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert st.conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
        assert st.conn.execute("SELECT value FROM meta WHERE key='application'").fetchone()[0] == "strikemap"
    with open_store(path) as st:          # reopening an up-to-date store changes nothing
        assert st.schema_version == db.LATEST_VERSION


def test_env_variable_chooses_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("STRIKEMAP_DB", str(tmp_path / "env.db"))
    with open_store() as st:
        assert st.path == tmp_path / "env.db"
    assert (tmp_path / "env.db").exists()


def test_random_bytes_are_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    payload = bytes(range(256)) * 40
    path.write_bytes(payload)
    with pytest.raises(StoreError, match="not a strikemap database"):
        open_store(path)
    assert path.read_bytes() == payload
    assert not (tmp_path / "notes.db-wal").exists()


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.execute("INSERT INTO customers VALUES ('x')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a strikemap store"):
        open_store(path)
    assert path.read_bytes() == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {db.LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_migrations_are_numbered_from_one():
    numbers = [n for n, _ in db.migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("start", range(1, db.LATEST_VERSION))
def test_older_store_is_migrated_with_its_data(tmp_path, start):
    path = tmp_path / "old.db"
    conn = db.connect(path, target_version=start)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == start
    has_vetoes = conn.execute("SELECT name FROM sqlite_master WHERE name='split_vetoes'").fetchone()
    assert (has_vetoes is None) == (start < 2)
    conn.close()
    # Data written by an older store survives every later migration step.
    from store.store import Store
    st = Store(db.connect(path, target_version=start), path)
    art = Article(id="old.txt", text="old article", published=date(2023, 3, 24), outlet="Reuters")
    st.add_events(art, [_event()])
    st.close()
    with open_store(path) as st:
        assert st.schema_version == db.LATEST_VERSION
        assert st.article_count() == 1 and st.event_count() == 1
        assert st.conn.execute("SELECT COUNT(*) FROM split_vetoes").fetchone()[0] == 0
        assert st.query_events().iloc[0]["fatalities"] == 3


def test_a_reader_is_not_blocked_by_an_open_write(tmp_path):
    path = tmp_path / "s.db"
    writer, reader = open_store(path), open_store(path)
    writer.add_events(Article(id="one", text="first", published=date(2023, 3, 24)), [_event()])
    writer.conn.execute("BEGIN IMMEDIATE")          # an ingest in the middle of an article
    writer.conn.execute("INSERT INTO articles(source_id, text, content_hash, ingested_at)"
                        " VALUES ('two', 'second', 'h2', 'now')")
    assert reader.article_count() == 1               # reads at once, sees only committed articles
    assert len(reader.query_events()) == 1
    writer.conn.execute("COMMIT")
    assert reader.article_count() == 2
    writer.close()
    reader.close()


def test_processes_creating_one_new_store_at_once_all_succeed(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    path = tmp_path / "race.db"
    code = ("import sys; from store import open_store; st = open_store(sys.argv[1]); "
            "print(st.schema_version); st.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=root, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=60) + (p.returncode,) for p in procs]
    assert all(rc == 0 for _, _, rc in results), [err for _, err, _ in results]
    assert {out.strip() for out, _, _ in results} == {str(db.LATEST_VERSION)}


def test_opening_a_store_again_keeps_this_process_locks(tmp_path):
    # SQLite's file locks are POSIX locks, held per process: closing ANY descriptor of the database
    # file drops them all. If opening the store a second time read the file with open()/close(),
    # another process's last connection would think nobody else uses the store and delete the
    # write-ahead log under this process's open connection.
    path = tmp_path / "shared.db"
    first = open_store(path)
    first.conn.execute("SELECT count(*) FROM events").fetchone()
    second = open_store(path)                   # the second open in the same process
    writer = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "c.execute('CREATE TABLE IF NOT EXISTS scratch (x)'); c.execute('INSERT INTO scratch VALUES (1)'); "
              "c.commit(); c.close()")
    subprocess.run([sys.executable, "-c", writer, str(path)], check=True, timeout=60)
    # our connections still hold the store open: the other process must have left the log in place
    assert (tmp_path / "shared.db-wal").exists()
    first.close()
    second.close()
