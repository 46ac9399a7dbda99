"""Dashboard speed in headless Chromium: strikemap's map vs the plain one-folium.Marker-per-event map.

For each N it fills a store with N synthetic events (store.add_events; kept in $TMPDIR between
runs), starts `streamlit run` on a fresh copy of it, and prints page load -> first visible marker:
  never-cached  the first load of a store no cache has seen (the copy's path is in every key)
  warm          later loads (median of 2)
  store change  a load right after 10 events were added to the store (every cache is stale;
                median of 2)
  restarted     the first load after a server restart (disk caches only)
and filter = picking one Source in the sidebar -> the map's markers replaced (median of 2).
The plain pattern gets load (first after start, then warm) and filter only.
Figures are printed, never asserted.  Usage: python bench/bench_dashboard.py [N ...] [--plain-max N]
Every non-local request is blocked, as offline.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'

# The plain pattern, as most Folium dashboards do it: one folium.Marker (with an HTML popup) per event.
PLAIN_APP = '''
import html
import folium
import streamlit as st
from streamlit_folium import st_folium
from dashboard import assets
from store import EventFilter, open_store

st.set_page_config(layout="wide")
store = open_store(None)
facets = store.facets()
sources = st.sidebar.multiselect("Source", facets["sources"])
events = store.query_events(EventFilter(sources=tuple(sources)))
m = folium.Map(location=[34.8, 40.5], zoom_start=6, tiles=None)
assets.localize(m, scripts=("leaflet-1.9.3/leaflet.js", "jquery-3.7.1/jquery.min.js"),
                styles=("leaflet-1.9.3/leaflet.css",))
for row in events.dropna(subset=["latitude", "longitude"]).itertuples():
    folium.Marker([row.latitude, row.longitude],
                  popup=html.escape(f"{row.event_date} {row.sub_event_type} {row.location}: {row.excerpt}")).add_to(m)
st_folium(m, height=620, use_container_width=True, returned_objects=[])
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_store(n: int) -> Path:
    """A store with n synthetic events, built once and reused."""
    from dashboard.synthetic import fill_store
    from store import open_store
    path = Path(tempfile.gettempdir()) / "strikemap-bench" / f"events-{n}.db"
    if path.exists():
        with open_store(path) as store:
            if store.event_count() > 0:
                return path
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open_store(path) as store:
        fill_store(store, n)
        print(f"  built a store of {store.event_count():,} events in {time.perf_counter() - started:.0f} s",
              flush=True)
    return path


class Server:
    """The dashboard's launcher (`python -m dashboard.serve`, as `make run`) on a free localhost
    port, for one app script and one store."""

    def __init__(self, script: Path, db: Path):
        self.port = free_port()
        env = dict(os.environ, STRIKEMAP_DB=str(db), PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dashboard.serve", str(script), "--server.port", str(self.port),
             "--server.headless", "true", "--server.enableStaticServing", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("streamlit did not start")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def block_non_local(route):
    url = route.request.url
    if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def time_to_first_marker(browser, url: str, timeout_s: float) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.route("**/*", block_non_local)
    try:
        started = time.perf_counter()
        page.goto(url)
        page.frame_locator(MAP_FRAME).first.locator(".leaflet-marker-icon").first.wait_for(
            state="visible", timeout=timeout_s * 1000)
        return time.perf_counter() - started
    finally:
        page.close()


def time_filter_change(browser, url: str, outlet: str, timeout_s: float) -> float:
    """Pick one Source; time until every old marker is gone and new ones are shown."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.route("**/*", block_non_local)
    try:
        page.goto(url)
        frame_loc = page.frame_locator(MAP_FRAME).first
        frame_loc.locator(".leaflet-marker-icon").first.wait_for(state="visible", timeout=timeout_s * 1000)
        page.wait_for_timeout(500)
        mark_all_markers(page)
        select = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Source")
        select.locator("input").click()
        option = page.get_by_role("option", name=outlet, exact=True)
        option.wait_for()
        started = time.perf_counter()
        option.click()
        while not redrawn(page):
            if time.perf_counter() - started > timeout_s:
                raise TimeoutError("map not redrawn")
            page.wait_for_timeout(20)
        return time.perf_counter() - started
    finally:
        page.close()


MARK = "document.querySelectorAll('.leaflet-marker-icon').forEach(e => e.dataset.old = '1')"
REDRAWN = ("document.querySelectorAll('.leaflet-marker-icon').length > 0 &&"
           " document.querySelectorAll('.leaflet-marker-icon[data-old]').length === 0")


def mark_all_markers(page) -> None:
    for frame in page.frames:
        frame.evaluate(MARK)


def redrawn(page) -> bool:
    """Some map frame shows markers, none of them from before (a remounted map counts too)."""
    for frame in page.frames:
        try:
            if frame.evaluate(REDRAWN):
                return True
        except Exception:  # a frame being replaced
            continue
    return False


def _load(browser, url: str, timeout_s: float) -> float:
    try:
        return time_to_first_marker(browser, url, timeout_s)
    except Exception:
        return float("nan")


def _filter(browser, url: str, outlet: str, timeout_s: float) -> float:
    try:
        return statistics.median(time_filter_change(browser, url, outlet, timeout_s) for _ in range(2))
    except Exception:
        return float("nan")


def change_store(db: Path) -> None:
    """Add 10 events, as the "Add article" panel or an ingest would: every cached view is stale."""
    from dashboard.synthetic import fill_store
    from store import open_store
    with open_store(db) as store:
        fill_store(store, 10, seed=random.randrange(10**6, 10**9))


# After a load that built a view, its popup details are written in the background for a few
# seconds; measure the next load on a settled server, as a person reloading later would see it.
SETTLE_S = 10.0


def run_strikemap(script: Path, db: Path, browser, outlet: str, timeout_s: float) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "strikemap.db"  # a path no cache has seen
        shutil.copyfile(db, fresh)
        server = Server(script, fresh)
        try:
            never = _load(browser, server.url, timeout_s)
            time.sleep(SETTLE_S)
            warm = statistics.median([_load(browser, server.url, timeout_s) for _ in range(2)])
            filter_s = _filter(browser, server.url, outlet, timeout_s)
            changed = []
            for _ in range(2):
                time.sleep(SETTLE_S)
                change_store(fresh)
                changed.append(_load(browser, server.url, timeout_s))
            time.sleep(SETTLE_S)  # the disk view is reused only once its popup details are written
        finally:
            server.stop()
        server = Server(script, fresh)
        try:
            restarted = _load(browser, server.url, timeout_s)
        finally:
            server.stop()
    return (f"{'strikemap':<10} load never-cached {never:5.2f} s  store change {statistics.median(changed):5.2f} s  "
            f"warm {warm:5.2f} s  restarted {restarted:5.2f} s   filter {filter_s:5.2f} s")


def run_plain(script: Path, db: Path, browser, outlet: str, timeout_s: float) -> str:
    server = Server(script, db)
    try:
        loads = [_load(browser, server.url, timeout_s) for _ in range(3)]
        filter_s = _filter(browser, server.url, outlet, timeout_s)
        return (f"{'plain':<10} load first {loads[0]:5.2f} s  warm {statistics.median(loads[1:]):5.2f} s   "
                f"filter {filter_s:5.2f} s")
    finally:
        server.stop()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--plain-max", type=int, default=1000,
                        help="largest N for the plain pattern (it is slow: ~50 s at 10,000)")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain pattern")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from dashboard.synthetic import OUTLETS

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        plain_dir = Path(tmp)
        (plain_dir / "plain_app.py").write_text(PLAIN_APP, encoding="utf-8")
        (plain_dir / "static").symlink_to(ROOT / "static")
        (plain_dir / ".streamlit").mkdir()
        shutil.copyfile(ROOT / ".streamlit" / "config.toml", plain_dir / ".streamlit" / "config.toml")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("dashboard benchmark: headless Chromium, non-local requests blocked; "
              f"filter = pick Source '{OUTLETS[0]}'", flush=True)
        for n in args.sizes:
            print(f"N = {n:,}", flush=True)
            db = bench_store(n)
            print("  " + run_strikemap(ROOT / "app.py", db, browser, OUTLETS[0], args.timeout), flush=True)
            if n <= args.plain_max and not args.no_plain:
                print("  " + run_plain(plain_dir / "plain_app.py", db, browser, OUTLETS[0], args.timeout),
                      flush=True)
            else:
                print(f"  plain      skipped (N > --plain-max {args.plain_max:,})", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
