"""A SIGKILL in the middle of a large ingest leaves a consistent store; the next run finishes it."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from store import open_store

ROOT = Path(__file__).resolve().parent.parent
N_ARTICLES = 1500


def _write_batch(folder: Path) -> Path:
    path = folder / "batch.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            published = date(2022, 1, 1) + timedelta(days=i % 1000)
            text = (f"Report {i}: U.S. warplanes struck a weapons depot near al-Mayadin in Deir ez-Zor on "
                    f"Thursday, killing {i % 9 + 1} fighters, a monitor said.")
            fh.write(json.dumps({"id": f"r{i}", "text": text, "published": published.isoformat(),
                                 "outlet": "Reuters" if i % 2 else "Kurdistan24"}, ensure_ascii=False) + "\n")
    return path


def _stored_articles(db: Path) -> int:
    if not Path(f"{db}-wal").exists():
        return 0                     # not yet in WAL mode: a polling reader would only get in the way
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_mid_ingest_then_rerun_completes(tmp_path):
    batch, db = _write_batch(tmp_path), tmp_path / "crash.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "extract", "ingest", str(batch), "--db", str(db)]
    proc = subprocess.Popen(command, cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored_articles(db) < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with open_store(db) as st:
        kept = st.article_count()
        assert 10 <= kept < N_ARTICLES
        assert st.integrity_problems() == []
        # one transaction per article: every stored article has its events, no event is orphaned
        per_article = st.conn.execute("SELECT COUNT(*) FROM events GROUP BY article_id").fetchall()
        assert len(per_article) == kept and {n for (n,) in per_article} == {1}

    done = subprocess.run(command, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"articles: {N_ARTICLES - kept} new, {kept} already stored, 0 failed" in done.stdout
    with open_store(db) as st:
        assert st.article_count() == N_ARTICLES and st.report_count() == N_ARTICLES
        assert st.conn.execute("SELECT COUNT(DISTINCT content_hash) FROM articles").fetchone()[0] == N_ARTICLES
        assert st.integrity_problems() == []
        resumed = _incidents(st)
    # The interrupted and resumed batch ends exactly as one uninterrupted run would.
    clean = tmp_path / "clean.db"
    subprocess.run([sys.executable, "-m", "extract", "ingest", str(batch), "--db", str(clean)], cwd=ROOT,
                   env=env, capture_output=True, timeout=120, check=True)
    with open_store(clean) as st:
        assert _incidents(st) == resumed


def _incidents(st):
    return sorted(st.query_events()[["event_date", "location", "n_reports", "fatalities", "sources"]]
                  .astype(str).itertuples(index=False))
