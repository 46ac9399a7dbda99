"""Popup details of large result sets, written as static JSON chunks the browser fetches on click.

They live in static/details-cache/<key>/<chunk>.json, served by the app itself like every other
map asset (offline-safe); only the most recent result sets are kept.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time

from dashboard import assets

CACHE_DIR = assets.STATIC_DIR / "details-cache"
KEEP = 24


def cache_key(*parts) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:16]


def details_url(key: str) -> str:
    """The URL prefix the browser fetches '<n>.json' of this result set from."""
    return f"{assets.base_url_path()}/app/static/details-cache/{key}/"


def make_folder(key: str) -> None:
    """Create the result set's folder (raises OSError on a read-only install)."""
    (CACHE_DIR / key).mkdir(parents=True, exist_ok=True)


def is_complete(key: str) -> bool:
    return (CACHE_DIR / key / "complete").exists()


def write_chunk(key: str, n: int, chunk: dict) -> None:
    """Write chunk n atomically (aside, then renamed): the browser, polling for it, never
    reads half a file."""
    folder = CACHE_DIR / key
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f"{n}.json.{os.getpid()}.part"
    partial.write_text(json.dumps(chunk, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, folder / f"{n}.json")


def mark_complete(key: str) -> None:
    """Every chunk is written: later page loads may reuse them (and the view stored beside)."""
    (CACHE_DIR / key / "complete").write_text(str(time.time()), encoding="utf-8")
    _prune()


def write_chunks(key: str, chunks) -> str:
    """Write all chunks (once per key); -> the URL prefix to fetch '<n>.json' from."""
    if not is_complete(key):
        for n, chunk in enumerate(chunks):
            write_chunk(key, n, chunk)
        mark_complete(key)
    return details_url(key)


def _prune() -> None:
    """Drop all but the KEEP most recently written result sets."""
    folders = sorted((p for p in CACHE_DIR.iterdir() if p.is_dir() and p.name != FACETS_FOLDER),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


# ---- the map's core payload and the facets, kept on disk so a restarted server skips the query ----

def store_stamp(path: str) -> tuple:
    """Size and modification time of the store file and its write-ahead log: any write changes
    them, so a disk entry keyed by the stamp is never reused for different store contents."""
    stamp = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(path + suffix)
        except OSError:
            info = None
        # An empty log (made afresh by every connection) holds nothing: only its contents count.
        stamp.append((info.st_size, info.st_mtime_ns) if info and info.st_size else None)
    return tuple(stamp)


def read_view(folder: str, name: str) -> dict | None:
    """What write_view stored as <folder>/<name>.json, or None (absent or unreadable)."""
    try:
        return json.loads((CACHE_DIR / folder / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_view(folder: str, name: str, view: dict) -> None:
    """Store a JSON-able view as <folder>/<name>.json atomically (written aside, then renamed)."""
    place = CACHE_DIR / folder
    place.mkdir(parents=True, exist_ok=True)
    partial = place / f"{name}.{os.getpid()}.part"
    partial.write_text(json.dumps(view, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, place / f"{name}.json")
    if folder == FACETS_FOLDER:  # a folder of small files: keep the newest few
        kept = sorted(place.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)


# Folder of the facets files; the result-set folders are pruned by _prune, this one by write_view.
FACETS_FOLDER = "facets"
