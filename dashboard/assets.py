"""Where the map's scripts, styles and base layer are served from: the app itself, never a CDN.

Streamlit serves ./static/ at <baseUrlPath>/app/static/ (server.enableStaticServing in
.streamlit/config.toml); static/README.md lists every vendored file with its version and licence.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from branca.element import MacroElement
from jinja2 import Template

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

MAP_SCRIPTS = ("leaflet-1.9.3/leaflet.js", "supercluster-8.0.1/supercluster.min.js",
               "strikemap/strikemap-map.js")
MAP_STYLES = ("leaflet-1.9.3/leaflet.css", "strikemap/strikemap-map.css")
LEAFLET_IMAGES = "leaflet-1.9.3/images/"
BASEMAP = "basemap/countries-ne50m-levant.geojson"
GOVERNORATE_LABELS = "basemap/governorate-labels.geojson"
ADMIN1_LINES = "basemap/admin1-lines-ne10m-levant.geojson"
RIVERS = "basemap/rivers-ne50m-levant.geojson"
BASEMAP_ATTRIBUTION = "Country and governorate outlines, rivers: Natural Earth (public domain)"


def base_url_path() -> str:
    """The server's base URL path ('' or '/prefix'), so asset URLs work behind a path prefix."""
    try:
        from streamlit import config
        base = (config.get_option("server.baseUrlPath") or "").strip("/")
    except Exception:  # outside a Streamlit server (unit tests): the default root
        base = ""
    return f"/{base}" if base else ""


@lru_cache(maxsize=None)
def _content_tag(relative: str) -> str:
    """A short hash of a file's bytes: a new version of our own files is never served stale."""
    return hashlib.sha1((STATIC_DIR / relative).read_bytes()).hexdigest()[:10]


def static_url(relative: str) -> str:
    """URL of a file under static/, as served by this app; raises if the file is missing."""
    if not (STATIC_DIR / relative).exists():
        raise FileNotFoundError(f"static/{relative} is missing: run `python -m dashboard.vendor`")
    url = f"{base_url_path()}/app/static/{relative}"
    return f"{url}?v={_content_tag(relative)}" if relative.startswith("strikemap/") else url


class DefaultIconPath(MacroElement):
    """Points Leaflet's default marker icon at our copy (its own guess breaks when served from here)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.Icon.Default.imagePath = {{ this.images_url }};
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "DefaultIconPath"
        self.images_url = json.dumps(static_url(LEAFLET_IMAGES))


def localize(folium_map, scripts=MAP_SCRIPTS, styles=MAP_STYLES) -> None:
    """Make the map load only our own copies of Leaflet & co instead of Folium's CDN links."""
    folium_map.default_js = [(Path(s).stem, static_url(s)) for s in scripts]
    folium_map.default_css = [(Path(s).stem + "_css", static_url(s)) for s in styles]
    folium_map.add_child(DefaultIconPath())
