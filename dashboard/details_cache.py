"""Popup details of large result sets, written as static JSON chunks the browser fetches on click.

They live in static/details-cache/<key>/<chunk>.json, served by the app itself like every other
map asset (offline-safe); only the most recent result sets are kept.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import time

from dashboard import assets

CACHE_DIR = assets.STATIC_DIR / "details-cache"
KEEP = 24


def cache_key(*parts) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:16]


def write_chunks(key: str, chunks: list[dict]) -> str:
    """Write the chunks (once per key); -> the URL prefix to fetch '<n>.json' from."""
    folder = CACHE_DIR / key
    if not (folder / "complete").exists():
        folder.mkdir(parents=True, exist_ok=True)
        for n, chunk in enumerate(chunks):
            (folder / f"{n}.json").write_text(json.dumps(chunk, ensure_ascii=False, separators=(",", ":")),
                                              encoding="utf-8")
        (folder / "complete").write_text(str(time.time()), encoding="utf-8")
        _prune()
    return f"{assets.base_url_path()}/app/static/details-cache/{key}/"


def _prune() -> None:
    """Drop all but the KEEP most recently written result sets."""
    folders = sorted((p for p in CACHE_DIR.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
