"""The Folium map: local assets, OSM tiles over an offline base layer, and the events layer.

The map itself (tiles, base layer) does not change between reruns, so streamlit-folium keeps it
mounted; the events travel in a FeatureGroup (`feature_group_to_add`) that is swapped in place
on a filter change, keeping the zoom and position.
"""
from __future__ import annotations

import folium
from branca.element import MacroElement
from jinja2 import Template

from dashboard import assets
from dashboard.payload import pack_columns, script_json

# Syria and Iraq in view.
DEFAULT_CENTER = (34.8, 40.5)
DEFAULT_ZOOM = 6
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


class OfflineBaseLayer(MacroElement):
    """Country outlines (filled when tiles cannot load), dashed governorate lines and rivers, from static/."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        StrikemapMap.addBaseLayer({{ this._parent.get_name() }}, {{ this.url }}, {{ this.attribution }},
                                  {{ this.labels_url }}, {{ this.admin1_url }}, {{ this.rivers_url }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "OfflineBaseLayer"
        self.url = script_json(assets.static_url(assets.BASEMAP))
        self.labels_url = script_json(assets.static_url(assets.GOVERNORATE_LABELS))
        self.admin1_url = script_json(assets.static_url(assets.ADMIN1_LINES))
        self.rivers_url = script_json(assets.static_url(assets.RIVERS))
        self.attribution = script_json(assets.BASEMAP_ATTRIBUTION)


class EventLayer(MacroElement):
    """Draws a payload (dashboard.payload.build_payload) into its parent FeatureGroup."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        StrikemapMap.renderEvents({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }},
                                  {{ this.payload }});
        {% endmacro %}
    """)

    def __init__(self, payload_json: str):
        super().__init__()
        self._name = "EventLayer"
        self.payload = payload_json  # already script-safe (dashboard.payload.script_json)


def build_map(center=DEFAULT_CENTER, zoom: int = DEFAULT_ZOOM) -> folium.Map:
    """The base map: our own Leaflet, OSM tiles when online, country outlines always."""
    fmap = folium.Map(location=list(center), zoom_start=zoom, tiles=None, prefer_canvas=False,
                      control_scale=True)
    assets.localize(fmap)
    tiles = folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19)
    tiles.add_to(fmap)
    OfflineBaseLayer().add_to(fmap)
    return fmap


def event_group(payload: dict | str, name: str = "Events") -> folium.FeatureGroup:
    """A FeatureGroup holding the events layer, for st_folium(feature_group_to_add=...).

    `payload` is build_payload's dict, or that dict already passed through pack_columns and script_json."""
    group = folium.FeatureGroup(name=name)
    group.add_child(EventLayer(payload if isinstance(payload, str) else script_json(pack_columns(payload))))
    return group
