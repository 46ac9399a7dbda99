"""Opening the SQLite file: where it lives, whose it is, and bringing its schema up to date.

A strikemap store carries two marks: `PRAGMA application_id` and a `meta` row
application=strikemap. A file without them is somebody else's and is refused, never written.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
from pathlib import Path

from extract.errors import StoreError

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "strikemap.db"
APPLICATION = "strikemap"
APPLICATION_ID = 0x53544D50          # "STMP": marks the file header as ours
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_path() -> Path:
    """$STRIKEMAP_DB when set, else data/strikemap.db in the project."""
    env = os.environ.get("STRIKEMAP_DB")
    return Path(env) if env else DEFAULT_PATH


def migrations() -> list[tuple[int, Path]]:
    """The numbered migration steps, in order: migrations/NNN_name.sql."""
    steps = []
    for path in MIGRATIONS_DIR.glob("*.sql"):
        match = re.match(r"(\d+)_", path.name)
        if match:
            steps.append((int(match.group(1)), path))
    steps.sort()
    if [n for n, _ in steps] != list(range(1, len(steps) + 1)):
        raise StoreError(f"{MIGRATIONS_DIR}: migration steps are not numbered 1..{len(steps)}")
    return steps


LATEST_VERSION = len(migrations())


def _refuse_folder(path: Path) -> None:
    """Refuse a folder. A file that is not SQLite is refused by SQLite's first read (SQLITE_NOTADB,
    nothing written). The file is never opened here: closing any descriptor of it would drop the
    POSIX locks this process's SQLite connections hold on it, and another process could then
    delete the write-ahead log under them."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a strikemap database")


def _schema_state(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an existing strikemap store, 0 for a blank file; refuse others."""
    try:
        # One read transaction: another process creating the store at the same moment must not
        # be seen half-way (its tables without its marker).
        conn.execute("BEGIN")
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            marker = None
            if "meta" in tables:
                row = conn.execute("SELECT value FROM meta WHERE key='application'").fetchone()
                marker = row[0] if row else None
        finally:
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        why = "not an SQLite file" if "not a database" in str(exc) else str(exc)
        raise StoreError(f"{path}: not a strikemap database ({why}); refusing to touch it") from None
    if not tables and app_id == 0 and version == 0:
        return 0
    if app_id != APPLICATION_ID or marker != APPLICATION:
        raise StoreError(f"{path}: an SQLite database that is not a strikemap store; refusing to touch it")
    if version > LATEST_VERSION:
        raise StoreError(f"{path}: schema version {version} is newer than this strikemap "
                         f"(knows up to {LATEST_VERSION}); upgrade strikemap")
    return version


def apply_migrations(conn: sqlite3.Connection, current: int, target: int | None = None) -> int:
    """Run migration steps current+1..target, each in its own transaction; -> new version."""
    target = LATEST_VERSION if target is None else target
    for number, path in migrations():
        if current < number <= target:
            script = path.read_text(encoding="utf-8")
            try:
                conn.execute("BEGIN IMMEDIATE")
                if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                    conn.execute("COMMIT")          # another process applied it while we waited
                    current = number
                    continue
                for statement in _statements(script):
                    conn.execute(statement)
                if number == 1:
                    conn.execute("INSERT INTO meta(key, value) VALUES ('application', ?)", (APPLICATION,))
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                             (str(number),))
                conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"migration {path.name} failed: {exc}") from None
            current = number
    return current


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (sqlite3.complete_statement decides)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buffer.splitlines()):
        statements.append(buffer.strip())
    return statements


def _use_wal(conn: sqlite3.Connection, attempts: int = 50) -> None:
    """Switch to WAL. The switch takes an exclusive lock without waiting on the busy timeout, so
    when other processes open a new store at the same moment it is tried again a few times."""
    for attempt in range(attempts):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


def connect(path: str | os.PathLike | None = None, *, target_version: int | None = None) -> sqlite3.Connection:
    """Open (creating if needed) a strikemap store in WAL mode, migrated to the latest schema."""
    path = Path(path) if path is not None else default_path()
    _refuse_folder(path)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its folder ({exc.strerror})") from None
    try:
        # isolation_level=None: transactions are explicit (BEGIN/COMMIT), one per article.
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open ({exc})") from None
    try:
        current = _schema_state(conn, path)
        _use_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")      # WAL + NORMAL: consistent after a crash
        conn.execute("PRAGMA foreign_keys=ON")
        apply_migrations(conn, current, target_version)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot open as a strikemap store ({exc})") from None
    return conn
