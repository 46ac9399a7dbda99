"""The dashboard in a real browser (Debian's chromium through Playwright), with every non-local
request blocked: the map must render from the app's own files.

One `streamlit run app.py` per module, on a temporary store seeded from seeds/ plus one English
report (via the store API and the real extractor). A screenshot per run goes to artifacts/.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
ARTIFACTS = ROOT / "artifacts"
ARABIC = re.compile(r"[\u0600-\u06FF]")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (make browser)")

ENGLISH_REPORT = ("Israeli warplanes struck a weapons depot near Damascus International Airport on Tuesday, "
                  "killing two soldiers, the Syrian Observatory for Human Rights said.")
HOSTILE_REPORT = ('قصفت طائرات حربية إسرائيلية <script>window.__pwned=1</script> مستودعاً قرب مدينة حمص '
                  'فجر الثلاثاء <img src=x onerror="window.__pwned=1">، ما أسفر عن مقتل جنديين.')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory) -> Path:
    from extract.read import read_article_text, read_inputs
    from store import open_store
    path = tmp_path_factory.mktemp("browser") / "strikemap.db"
    with open_store(path) as store:
        for article in read_inputs([str(ROOT / "seeds")]):
            assert not isinstance(article, Exception), article
            store.ingest_article(article)
        english = read_article_text(ENGLISH_REPORT, id="test-reuters-1", published=date(2023, 3, 29),
                                    outlet="Reuters", url="https://example.org/reuters-1")
        store.ingest_article(english)
        assert store.event_count() >= 2
    return path


def _start_server(store_path: Path):
    port = _free_port()
    env = dict(os.environ, STRIKEMAP_DB=str(store_path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard.serve", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(url + "_stcore/health", timeout=1)
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("streamlit run app.py did not start")
            time.sleep(0.3)
    return proc, url


def _stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(seeded_store):
    proc, url = _start_server(seeded_store)
    yield url
    _stop_server(proc)


@pytest.fixture(scope="module")
def large_store(tmp_path_factory) -> Path:
    """A store bigger than INLINE_MAX_EVENTS: popups fetch their details on click."""
    from dashboard.payload import INLINE_MAX_EVENTS
    from dashboard.synthetic import fill_store
    from store import open_store
    path = tmp_path_factory.mktemp("large") / "strikemap.db"
    with open_store(path) as store:
        fill_store(store, INLINE_MAX_EVENTS + 1000)
        assert store.event_count() > INLINE_MAX_EVENTS
    return path


@pytest.fixture(scope="module")
def large_server(large_store):
    proc, url = _start_server(large_store)
    yield url
    _stop_server(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class OfflinePage:
    """A page on which every non-local request is refused (and remembered)."""

    def __init__(self, browser):
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def map_frame(self):
        """The main map's frame, once it shows markers."""
        self.page.frame_locator(MAP_FRAME).first.locator(".leaflet-marker-icon").first.wait_for(
            state="visible", timeout=30_000)
        for frame in self.page.frames:
            if frame.locator(".leaflet-marker-icon").count():
                return frame
        raise AssertionError("no map frame with markers")


@pytest.fixture
def offline(browser):
    page = OfflinePage(browser)
    yield page
    page.page.close()


def _screenshot(page, name: str) -> None:
    """Screenshot once the app has finished its run (no half-redrawn map frame in the picture)."""
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=30_000)
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _boxes_overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def _click_uncovered(frame, selector: str) -> bool:
    """Click the first marker that no control (legend, zoom buttons) covers: one a person could click."""
    index = frame.evaluate("""s => Array.from(document.querySelectorAll(s)).findIndex(e => {
        const r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        return x > 0 && y > 0 && x < innerWidth && y < innerHeight && e.contains(document.elementFromPoint(x, y));
    })""", selector)
    if index < 0:
        return False
    target = frame.locator(selector).nth(index)
    target.evaluate("e => { document.querySelectorAll('[data-clicked]').forEach(o => delete o.dataset.clicked); e.dataset.clicked = '1'; }")
    target.click()
    return True


def _retry(attempt, frame, tries: int = 4, pause_ms: int = 400) -> bool:
    """attempt() until it returns True, pausing between tries (a zoom animation may still run)."""
    for n in range(tries):
        if attempt():
            return True
        if n + 1 < tries:
            frame.wait_for_timeout(pause_ms)
    return False


def _open_first_event_popup(frame) -> str:
    """Click a single-event marker (zooming into clusters until one shows); -> popup text."""
    for _ in range(6):
        if _click_uncovered(frame, ".sm-event"):
            popup = frame.locator(".leaflet-popup-content")
            popup.wait_for(state="visible", timeout=5_000)
            # Leaflet fades popups in: wait for full opacity, then for the pan into view to end.
            frame.wait_for_function("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'",
                                    timeout=5_000)
            frame.wait_for_timeout(400)
            return popup.inner_text()
        # (right after a zoom the markers are still moving: look again before calling them covered)
        assert _retry(lambda: _click_uncovered(frame, ".sm-cluster"), frame), "every cluster is covered by a control"
        frame.wait_for_timeout(600)
    raise AssertionError("no single event marker after zooming in")


def _marker_signature(frame) -> list[str]:
    return sorted(frame.evaluate(
        "Array.from(document.querySelectorAll('.leaflet-marker-icon')).map(e => e.getAttribute('title') || e.textContent)"))


def _pick_source(page, outlet: str) -> None:
    select = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Source")
    select.locator("input").click()
    page.get_by_role("option", name=outlet, exact=True).click()
    page.keyboard.press("Escape")


def test_map_renders_offline_with_markers_and_base_layer(server, offline):
    offline.page.goto(server)
    frame = offline.map_frame()
    assert frame.locator(".leaflet-marker-icon").count() >= 1
    # Country outlines from static/basemap are drawn even though no tile could load.
    frame.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path.sm-country').length > 5")
    # Governorate (admin-1) lines from static/basemap: dashed, drawn above the countries, under the markers.
    frame.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path.sm-admin1').length > 100")
    # Rivers from static/basemap: thin blue lines above the governorate lines, under the markers.
    frame.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path.sm-river').length > 5")
    assert frame.evaluate("""() => {
        const paths = Array.from(document.querySelectorAll('.leaflet-overlay-pane path'));
        const lastCountry = paths.map(p => p.classList.contains('sm-country')).lastIndexOf(true);
        const firstAdmin1 = paths.findIndex(p => p.classList.contains('sm-admin1'));
        const lastAdmin1 = paths.map(p => p.classList.contains('sm-admin1')).lastIndexOf(true);
        const firstRiver = paths.findIndex(p => p.classList.contains('sm-river'));
        return lastCountry < firstAdmin1 && lastAdmin1 < firstRiver
            && document.querySelector('path.sm-admin1').getAttribute('stroke-dasharray') === '4 3';
    }""")
    river = frame.locator("path.sm-river").first
    assert river.get_attribute("stroke") == "#3f87c4" and float(river.get_attribute("stroke-width")) < 2
    # Drawn, not just present: the Euphrates' path crosses the visible map.
    assert frame.evaluate("""() => Array.from(document.querySelectorAll('path.sm-river'))
        .some(p => { const r = p.getBoundingClientRect(); return r.width > 50 && r.right > 0 && r.left < innerWidth; })""")
    assert "Natural Earth" in frame.locator(".leaflet-control-attribution").inner_text()
    # Governorate labels sit centred just below their own point (not shifted by a stale width).
    offsets = frame.evaluate("""() => { const m = window.map_div, out = [];
        m.eachLayer(l => { if (l instanceof L.Tooltip && l._container) {
            const p = m.latLngToContainerPoint(l.getLatLng()), r = l._container.firstChild.getBoundingClientRect(),
                  c = m.getContainer().getBoundingClientRect();
            out.push([r.left - c.left + r.width / 2 - p.x, r.top - c.top - p.y]); } });
        return out; }""")
    assert offsets and all(abs(dx) < 3 and 0 <= dy < 20 for dx, dy in offsets), offsets
    assert frame.locator(".sm-legend").inner_text().startswith("Attacker")
    # The legend folds away from the markers under it, and unfolds again.
    frame.locator(".sm-legend summary").click()
    assert frame.locator(".sm-legend").get_attribute("open") is None
    assert frame.locator(".sm-legend").bounding_box()["height"] < 40
    frame.locator(".sm-legend summary").click()
    assert frame.locator(".sm-legend").get_attribute("open") is not None
    offline.page.wait_for_timeout(500)
    _screenshot(offline.page, "browser-map")
    # The only things refused were map tiles: no script or stylesheet came from a CDN.
    assert all("tile.openstreetmap.org" in url for url in offline.blocked), offline.blocked


def test_popup_shows_the_arabic_excerpt_right_to_left(server, offline):
    offline.page.goto(server)
    frame = offline.map_frame()
    texts = []
    for _ in range(8):
        text = _open_first_event_popup(frame)
        texts.append(text)
        if ARABIC.search(text):
            break
        frame.locator(".leaflet-popup-close-button").click()
        frame.evaluate("document.querySelector('.sm-event[data-clicked]')?.remove()")  # look at the next marker
    assert any(ARABIC.search(t) for t in texts), texts
    excerpt = frame.locator(".leaflet-popup-content .sm-excerpt")
    assert excerpt.get_attribute("dir") == "rtl"
    assert "Attacker" in texts[-1] and "Place" in texts[-1]
    assert excerpt.evaluate("e => getComputedStyle(e).textAlign") in ("start", "right")
    assert excerpt.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # The popup was panned clear of the zoom buttons and the legend.
    popup_box = frame.locator(".leaflet-popup-content-wrapper").bounding_box()
    for control in (".leaflet-control-zoom", ".sm-legend"):
        assert not _boxes_overlap(popup_box, frame.locator(control).bounding_box()), control
    _screenshot(offline.page, "browser-popup")


def test_source_filter_changes_markers_and_survives_reload(server, offline):
    page = offline.page
    page.goto(server)
    frame = offline.map_frame()
    before = _marker_signature(frame)
    _pick_source(page, "Reuters")
    page.wait_for_url(re.compile(r"source=Reuters"), timeout=30_000)
    frame.wait_for_function(f"JSON.stringify(Array.from(document.querySelectorAll('.leaflet-marker-icon'))"
                            f".map(e => e.getAttribute('title') || e.textContent).sort()) !== {repr(__import__('json').dumps(before))}",
                            timeout=30_000)
    after = _marker_signature(offline.map_frame())
    assert after != before and len(after) >= 1
    shared = page.url
    page.goto(shared)
    frame = offline.map_frame()
    chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Source")
    assert "Reuters" in chips.inner_text()
    frame.wait_for_timeout(500)
    assert _marker_signature(frame) == after


def test_hostile_article_runs_no_script(server, offline):
    page = offline.page
    page.goto(server)
    offline.map_frame()
    page.get_by_text("Add article", exact=True).click()
    page.get_by_label("Article text").fill(HOSTILE_REPORT)
    page.get_by_label("Outlet").fill("Hostile Outlet")
    page.get_by_label("Outlet").press("Tab")
    page.get_by_role("button", name="Preview extracted events").click()
    page.get_by_role("button", name="Save to store").wait_for(timeout=30_000)
    page.get_by_role("button", name="Save to store").click()
    page.get_by_text("Saved:").wait_for(timeout=30_000)
    _pick_source(page, "Hostile Outlet")
    page.wait_for_url(re.compile(r"source=Hostile"), timeout=30_000)
    page.wait_for_timeout(1500)
    frame = offline.map_frame()
    text = _open_first_event_popup(frame)
    assert "<script>" in text or "onerror" in text or ARABIC.search(text), text
    _screenshot(page, "browser-hostile")
    for f in page.frames:
        assert f.evaluate("typeof window.__pwned") == "undefined"
    assert offline.dialogs == []


def test_large_store_popup_fetches_its_details(large_server, offline):
    offline.page.goto(large_server)
    frame = offline.map_frame()
    text = _open_first_event_popup(frame)
    frame.wait_for_function("!document.querySelector('.leaflet-popup-content').textContent.includes('Loading')")
    text = frame.locator(".leaflet-popup-content").inner_text()
    assert "Attacker" in text and "Sources" in text, text
    assert all("tile.openstreetmap.org" in url for url in offline.blocked), offline.blocked


def test_popup_opened_before_its_details_are_written_shows_them_once_they_are(large_store, large_server, offline):
    held = []

    def not_written_yet(route):  # the first asks find no chunk, as right after a store change
        if len(held) < 3:
            held.append(route.request.url)
            route.fulfill(status=404, body="not written yet")
        else:
            route.continue_()
    offline.page.route("**/details-cache/**", not_written_yet)
    offline.page.goto(large_server)
    frame = offline.map_frame()
    first = _open_first_event_popup(frame)
    assert "Loading details" in first, first
    frame.wait_for_function("!document.querySelector('.leaflet-popup-content').textContent.includes('Loading')",
                            timeout=20_000)
    assert len(held) == 3
    text = frame.locator(".leaflet-popup-content").inner_text()
    # The popup is the clicked event's own: same place and excerpt as the store has at that point.
    lat, lon = frame.evaluate("() => { const ll = window.map_div._popup.getLatLng(); return [ll.lat, ll.lng]; }")
    from store import open_store
    with open_store(large_store) as store:
        events = store.query_events()
    match = events[((events["latitude"] - lat).abs() < 1e-6) & ((events["longitude"] - lon).abs() < 1e-6)]
    assert len(match) == 1
    event = match.iloc[0]
    assert f"Place: {event['location']}, {event['admin1']}, {event['country']}" in text, text
    assert event["excerpt"] in text and f"{event['actor1']} \u2192" in text
    assert frame.locator(".leaflet-popup-content .sm-excerpt").get_attribute("dir") == ("rtl" if event["language"] == "ar" else "auto")
    _screenshot(offline.page, "browser-popup-late-details")


def test_clusters_take_the_colour_of_their_most_frequent_attacker(large_server, offline):
    offline.page.goto(large_server)
    frame = offline.map_frame()
    frame.locator(".sm-cluster").first.wait_for(state="visible", timeout=10_000)
    legend = {}
    for line in frame.locator(".sm-legend > div").all_inner_texts():
        match = re.fullmatch(r"\s*(.+) \(([\d,]+)\)", line)
        if match:
            legend[match.group(1)] = int(match.group(2).replace(",", ""))
    colours = frame.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('.sm-legend > div'))
        .filter(d => d.querySelector('svg')).map(d => [d.textContent.trim().replace(/ \\([\\d,]+\\)$/, ''),
        getComputedStyle(d.querySelector('svg circle') || d.querySelector('svg *')).fill]))""")
    clusters = frame.evaluate("""() => Array.from(document.querySelectorAll('.sm-cluster')).map(c => ({
        side: c.firstChild.dataset.side, top: +c.firstChild.dataset.sideCount, title: c.title,
        disc: getComputedStyle(c.querySelector('span')).backgroundColor}))""")
    assert clusters
    for cluster in clusters:
        total = int(re.match(r"([\d,]+) events", cluster["title"]).group(1).replace(",", ""))
        assert cluster["side"] in legend and 0 < cluster["top"] <= total
        assert cluster["disc"] == colours[cluster["side"]]
    _screenshot(offline.page, "browser-clusters")
    # Zoomed out to the whole world every event is in one cluster: its top side is the legend's.
    zoom_out = frame.locator(".leaflet-control-zoom-out")
    for _ in range(4):
        zoom_out.click()
        frame.wait_for_timeout(350)
    frame.wait_for_function("document.querySelectorAll('.sm-cluster').length === 1 && !document.querySelector('.sm-event')")
    only = frame.locator(".sm-cluster > div")
    top_side = max(legend, key=legend.get)
    assert only.get_attribute("data-side") == top_side
    assert int(only.get_attribute("data-side-count")) == legend[top_side]
    assert frame.locator(".sm-cluster").get_attribute("title").startswith(f"{sum(legend.values()):,} events")
    _screenshot(offline.page, "browser-clusters-world")
