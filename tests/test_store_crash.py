"""A SIGKILL in the middle of a large ingest leaves a consistent store; the next run finishes it."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import open_store

ROOT = Path(__file__).resolve().parent.parent
STAND_IN = Path(__file__).parent / "fixtures" / "store" / "ingest_with_stand_in.py"
N_ARTICLES = 300


def _write_batch(folder: Path) -> Path:
    path = folder / "batch.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            text = f"Report {i}: an air strike hit a depot near the town, a monitor said. غارة رقم {i}."
            fh.write(json.dumps({"id": f"r{i}", "text": text, "published": "2024-02-09",
                                 "outlet": "Reuters" if i % 2 else "Kurdistan24"}, ensure_ascii=False) + "\n")
    return path


def _stored_articles(db: Path) -> int:
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
    proc = subprocess.Popen([sys.executable, str(STAND_IN), str(db), str(batch)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored_articles(db) < 40 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with open_store(db) as st:
        kept = st.article_count()
        assert 40 <= kept < N_ARTICLES
        assert st.integrity_problems() == []
        # one transaction per article: every stored article has its event, no event is orphaned
        assert st.report_count() == kept
        assert st.conn.execute("SELECT COUNT(DISTINCT article_id) FROM events").fetchone()[0] == kept

    done = subprocess.run([sys.executable, str(STAND_IN), str(db), str(batch)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"articles: {N_ARTICLES - kept} new, {kept} already stored, 0 failed" in done.stdout
    with open_store(db) as st:
        assert st.article_count() == N_ARTICLES and st.report_count() == N_ARTICLES
        assert st.conn.execute("SELECT COUNT(DISTINCT content_hash) FROM articles").fetchone()[0] == N_ARTICLES
        assert st.integrity_problems() == []
