"""The event store: articles in, merged incidents out, one transaction per article."""
from __future__ import annotations

import hashlib
import math
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable

from extract.errors import StoreError
from extract.model import Article, Event

from store import db
from store.merge import COARSEST, MergeRules, load_rules, merge_reason, summarize_incident

EVENT_FIELDS = [
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "geo_reason",
    "fatalities", "injured", "source", "notes", "excerpt", "language", "place_id",
    "original_source", "url", "excerpt_start", "excerpt_end",
]
INCIDENT_FIELDS = [
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "geo_reason",
    "place_id", "fatalities", "fatalities_min", "fatalities_max", "injured", "injured_min",
    "injured_max", "disputed", "notes", "excerpt", "language", "source", "sources", "claims",
    "n_reports",
]
_INT_FIELDS = {"time_precision", "geo_precision", "fatalities", "injured", "excerpt_start", "excerpt_end"}
_FLOAT_FIELDS = {"latitude", "longitude"}


@dataclass(frozen=True)
class IngestResult:
    new_article: bool
    events_new: int
    events_merged: int
    article_id: int | None = None


def content_hash(text: str) -> str:
    """sha256 of the text with Unicode and whitespace normalised: the same article, however saved."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return str(value)


def _coerce(field: str, value):
    """Event values as SQLite stores them; a value of the wrong kind is a StoreError."""
    if value is None or value == "":
        return None if field not in ("notes", "excerpt") else ""
    try:
        if field in _INT_FIELDS:
            return int(value)
        if field in _FLOAT_FIELDS:
            return float(value)
    except (TypeError, ValueError):
        raise StoreError(f"event field {field}: {value!r} is not a number") from None
    if field == "event_date":
        text = _iso(value)
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise StoreError(f"event field event_date: {value!r} is not a date YYYY-MM-DD") from None
    return str(value)


def event_record(event: Event | dict) -> dict:
    """An Event (or a dict with its fields) as a plain dict with claims as dicts."""
    # a shallow copy: dataclasses.asdict deep-copies every field, a third of ingest time
    record = ({f.name: getattr(event, f.name) for f in fields(event)} if is_dataclass(event)
              else dict(event))
    claims = []
    for c in record.get("claims") or []:
        c = {f.name: getattr(c, f.name) for f in fields(c)} if is_dataclass(c) else dict(c)
        claims.append({"claimant": str(c.get("claimant") or ""), "stance": str(c.get("stance") or ""),
                       "excerpt": str(c.get("excerpt") or "")})
    record["claims"] = claims
    return record


def _default_extractor() -> Callable[[Article], list[Event]]:
    from extract.pipeline import extract_events     # lazily: the store works without the extractor
    return extract_events


class Store:
    """One open strikemap database. Thread-safe: every operation holds the store's lock."""

    def __init__(self, conn: sqlite3.Connection, path: Path, rules: MergeRules | None = None,
                 extractor: Callable[[Article], list[Event]] | None = None):
        self.conn, self.path = conn, path
        self.rules = rules or load_rules()
        self._extractor = extractor
        self._lock = threading.RLock()

    # -- life cycle --------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- counts ------------------------------------------------------------------------------
    def event_count(self) -> int:
        """Merged events (incidents) that hold at least one report."""
        with self._lock:
            return self.conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]

    def report_count(self) -> int:
        """Per-article events, before merging."""
        with self._lock:
            return self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    def article_count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- writing -----------------------------------------------------------------------------
    def ingest_article(self, article: Article, events: Iterable[Event] | None = None) -> IngestResult:
        """Store an article and its events (extracted when not given) in one transaction."""
        if events is None:
            existing = self._article_id(content_hash(article.text))
            if existing is not None:       # skip the extraction of an article already stored
                return IngestResult(False, 0, 0, existing)
            extractor = self._extractor or _default_extractor()
            events = extractor(article)
        return self.add_events(article, events)

    def add_events(self, article: Article, events: Iterable[Event | dict]) -> IngestResult:
        """Store an article with the given events, merging each into an incident; one transaction."""
        records = [event_record(e) for e in events]
        digest = content_hash(article.text)
        try:
            return self._in_transaction(f"store article {article.id}", self._add_in_transaction,
                                        article, records, digest)
        except UnicodeEncodeError:
            raise StoreError(f"article {article.id}: text is not valid Unicode") from None

    def _article_id(self, digest: str) -> int | None:
        with self._lock:
            row = self.conn.execute("SELECT id FROM articles WHERE content_hash=?", (digest,)).fetchone()
        return row[0] if row else None

    def _add_in_transaction(self, article: Article, records: list[dict], digest: str) -> IngestResult:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash=?", (digest,)).fetchone()
        if row:
            return IngestResult(False, 0, 0, row[0])
        article_id = self.conn.execute(
            "INSERT INTO articles(source_id, text, title, outlet, url, published, language,"
            " original_source, dateline, content_hash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (str(article.id), article.text, article.title, article.outlet, article.url,
             _iso(article.published), article.language, article.original_source, article.dateline,
             digest, _now())).lastrowid
        merged, touched = 0, set()
        for seq, record in enumerate(records):
            values = {f: _coerce(f, record.get(f)) for f in EVENT_FIELDS}
            values["event_type"] = values["event_type"] or ""
            values["sub_event_type"] = values["sub_event_type"] or ""
            values["source"] = values["source"] or article.outlet
            values["url"] = values["url"] or article.url
            values["language"] = values["language"] or article.language
            values["original_source"] = values["original_source"] or article.original_source
            candidate = dict(values, article_id=article_id)
            incident_id, matched_id, reason = self._find_incident(candidate)
            if incident_id is None:
                incident_id = self.conn.execute("INSERT INTO incidents DEFAULT VALUES").lastrowid
            else:
                merged += 1
            cols = ["article_id", "seq", "incident_id", "merge_reason"] + EVENT_FIELDS
            event_id = self.conn.execute(
                f"INSERT INTO events({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [article_id, seq, incident_id, reason] + [values[f] for f in EVENT_FIELDS]).lastrowid
            self.conn.executemany(
                "INSERT INTO claims(event_id, claimant, stance, excerpt) VALUES (?,?,?,?)",
                [(event_id, c["claimant"], c["stance"], c["excerpt"]) for c in record["claims"]])
            if reason:
                self.conn.execute(
                    "INSERT INTO merges(incident_id, event_id, matched_id, reason, merged_at)"
                    " VALUES (?,?,?,?,?)", (incident_id, event_id, matched_id, reason, _now()))
            touched.add(incident_id)
        for incident_id in touched:
            self._refresh_incident(incident_id)
        return IngestResult(True, len(records), merged, article_id)

    def _find_incident(self, event: dict) -> tuple[int | None, int | None, str | None]:
        """The incident this event joins (-> incident, matched event, reason) or (None, None, None)."""
        candidates = self._merge_candidates(event)
        blocked: dict[int, bool] = {}
        for member in candidates:
            incident_id = member["incident_id"]
            if incident_id not in blocked:
                # An incident that already holds an event of this article is closed to it.
                blocked[incident_id] = self.conn.execute(
                    "SELECT 1 FROM events WHERE incident_id=? AND article_id=?",
                    (incident_id, event["article_id"])).fetchone() is not None
            if blocked[incident_id]:
                continue
            reason = merge_reason(event, member, self.rules)
            if reason:
                return incident_id, member["id"], f"{reason} (with event {member['id']})"
        return None, None, None

    def _merge_candidates(self, event: dict) -> list[dict]:
        """Stored events of the same type within each precision's date window and the widest radius,
        nearest date first: one index range per time precision, so SQLite does the sifting."""
        try:
            day = date.fromisoformat((event.get("event_date") or "")[:10])
        except ValueError:
            return []                       # no date: never merged
        own = event.get("time_precision") or COARSEST
        radius_deg = max(self.rules.place_radius_km.values()) / 111.0 + 0.01
        lat, lon = event.get("latitude"), event.get("longitude")
        if lat is not None and lon is not None:
            # longitude degrees shrink with latitude; widen the box so the haversine test decides
            lon_deg = radius_deg / max(math.cos(math.radians(min(abs(lat), 89.0))), 0.01)
            near = "(place_id = ? OR (latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?))"
            near_params = [event.get("place_id"), lat - radius_deg, lat + radius_deg,
                           lon - lon_deg, lon + lon_deg]
        elif event.get("place_id"):
            near, near_params = "place_id = ?", [event["place_id"]]
        else:
            return []                       # no place: never merged
        rows = []
        levels = sorted(self.rules.date_window_days)
        for level in levels + [None]:
            window = self.rules.date_window_days.get(max(own, level or COARSEST), self.rules.widest_window)
            precision_sql = "time_precision IS NULL" if level is None else "time_precision = ?"
            params = [event["event_type"]] + ([] if level is None else [level]) + [
                (day - timedelta(days=window)).isoformat(), (day + timedelta(days=window)).isoformat() + "~"]
            cur = self.conn.execute(
                f"SELECT * FROM events WHERE event_type = ? AND {precision_sql} AND event_date BETWEEN ? AND ?"
                f" AND {near}", params + near_params)
            names = [d[0] for d in cur.description]
            rows.extend(dict(zip(names, row)) for row in cur.fetchall())
        rows.sort(key=lambda m: (abs((date.fromisoformat(m["event_date"][:10]) - day).days), m["id"]))
        return rows

    def _members(self, incident_id: int) -> list[dict]:
        cur = self.conn.execute(
            "SELECT e.*, a.outlet AS outlet, a.source_id AS source_id, a.published AS published"
            " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.incident_id=? ORDER BY e.id",
            (incident_id,))
        names = [d[0] for d in cur.description]
        members = [dict(zip(names, row)) for row in cur.fetchall()]
        for m in members:
            m["claims"] = [{"claimant": c, "stance": s, "excerpt": x} for c, s, x in self.conn.execute(
                "SELECT claimant, stance, excerpt FROM claims WHERE event_id=? ORDER BY id", (m["id"],))]
        return members

    def _refresh_incident(self, incident_id: int) -> None:
        members = self._members(incident_id)
        if not members:
            self.conn.execute("DELETE FROM incidents WHERE id=?", (incident_id,))
            return
        summary = summarize_incident(members)
        self.conn.execute(
            f"UPDATE incidents SET {', '.join(f + '=?' for f in INCIDENT_FIELDS)} WHERE id=?",
            [summary[f] for f in INCIDENT_FIELDS] + [incident_id])

    # -- merging by hand -----------------------------------------------------------------------
    def split(self, incident_id: int) -> list[int]:
        """Undo a merge: each of the incident's events becomes its own incident again.

        Nothing is deleted; the merge log keeps the reasons with the time they were undone, and
        the split pairs are recorded in split_vetoes as the analyst's decision. (Ingest only ever
        merges a NEW event into an incident, so stored events are never re-merged.)
        -> the incident ids, the first being the original one.
        """
        return self._in_transaction(f"split event {incident_id}", self._split_in_transaction, int(incident_id))

    def _in_transaction(self, what: str, work: Callable, *args):
        """Run work(*args) in one write transaction: all of it is stored, or none of it."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work(*args)
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot {what}: {exc}") from None
        return result

    def merge_reasons(self, incident_id: int) -> list[tuple[int, str]]:
        """(event id, why it joined) for each report merged into the incident and not split off."""
        with self._lock:
            return self.conn.execute(
                "SELECT event_id, reason FROM merges WHERE incident_id=? AND undone_at IS NULL ORDER BY id",
                (int(incident_id),)).fetchall()

    def _split_in_transaction(self, incident_id: int) -> list[int]:
        event_ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM events WHERE incident_id=? ORDER BY id", (incident_id,))]
        if not event_ids:
            raise StoreError(f"no event {incident_id} in {self.path}")
        now = _now()
        self.conn.executemany(
            "INSERT OR IGNORE INTO split_vetoes(event_a, event_b, split_at) VALUES (?,?,?)",
            [(a, b, now) for i, a in enumerate(event_ids) for b in event_ids[i + 1:]])
        self.conn.execute("UPDATE merges SET undone_at=? WHERE incident_id=? AND undone_at IS NULL",
                          (now, incident_id))
        self.conn.execute("UPDATE events SET merge_reason=NULL WHERE incident_id=?", (incident_id,))
        ids = [incident_id]
        for event_id in event_ids[1:]:
            new_id = self.conn.execute("INSERT INTO incidents DEFAULT VALUES").lastrowid
            self.conn.execute("UPDATE events SET incident_id=? WHERE id=?", (new_id, event_id))
            ids.append(new_id)
        for i in ids:
            self._refresh_incident(i)
        return ids

    # -- reading -----------------------------------------------------------------------------
    def query_events(self, event_filter=None):
        from store.query import query_events
        with self._lock:
            return query_events(self.conn, event_filter)

    def facets(self) -> dict:
        from store.query import facets
        with self._lock:
            return facets(self.conn)

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check plus strikemap's own invariants; [] when all is well."""
        with self._lock:
            problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            checks = {
                "events without an article": "SELECT COUNT(*) FROM events e LEFT JOIN articles a"
                                             " ON a.id=e.article_id WHERE a.id IS NULL",
                "events without an incident": "SELECT COUNT(*) FROM events e LEFT JOIN incidents i"
                                              " ON i.id=e.incident_id WHERE i.id IS NULL",
                "incidents whose report count is wrong": "SELECT COUNT(*) FROM incidents i WHERE"
                    " n_reports != (SELECT COUNT(*) FROM events e WHERE e.incident_id=i.id)",
                "incidents holding two events of one article": "SELECT COUNT(*) FROM (SELECT 1 FROM"
                    " events GROUP BY incident_id, article_id HAVING COUNT(*) > 1)",
            }
            for name, sql in checks.items():
                n = self.conn.execute(sql).fetchone()[0]
                if n:
                    problems.append(f"{n} {name}")
            return problems


def open_store(path: str | Path | None = None, *, rules: MergeRules | None = None,
               extractor: Callable[[Article], list[Event]] | None = None) -> Store:
    """Open the store at path (None: $STRIKEMAP_DB or data/strikemap.db), creating and migrating it."""
    resolved = Path(path) if path is not None else db.default_path()
    return Store(db.connect(resolved), resolved, rules=rules, extractor=extractor)
