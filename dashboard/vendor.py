"""Rebuild static/: the map's scripts, styles and offline base layer, from the npm registry.

Build-time only (needs npm and the registry):  python -m dashboard.vendor
The app itself never downloads anything; it serves what this script wrote into static/.
Each vendored file carries its package version in its folder name, and its licence beside it.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"

# package -> (version, licence, {file inside the npm tarball: file under static/})
VENDORED = {
    "leaflet": ("1.9.3", "BSD-2-Clause", {
        "package/dist/leaflet.js": "leaflet-1.9.3/leaflet.js",
        "package/dist/leaflet.css": "leaflet-1.9.3/leaflet.css",
        "package/dist/images/layers.png": "leaflet-1.9.3/images/layers.png",
        "package/dist/images/layers-2x.png": "leaflet-1.9.3/images/layers-2x.png",
        "package/dist/images/marker-icon.png": "leaflet-1.9.3/images/marker-icon.png",
        "package/dist/images/marker-icon-2x.png": "leaflet-1.9.3/images/marker-icon-2x.png",
        "package/dist/images/marker-shadow.png": "leaflet-1.9.3/images/marker-shadow.png",
        "package/LICENSE": "leaflet-1.9.3/LICENSE",
    }),
    # Folium's own popups use jQuery; strikemap's map does not, the plain-pattern benchmark does.
    "jquery": ("3.7.1", "MIT", {
        "package/dist/jquery.min.js": "jquery-3.7.1/jquery.min.js",
        "package/LICENSE.txt": "jquery-3.7.1/LICENSE.txt",
    }),
    "supercluster": ("8.0.1", "ISC", {
        "package/dist/supercluster.min.js": "supercluster-8.0.1/supercluster.min.js",
        "package/LICENSE": "supercluster-8.0.1/LICENSE",
    }),
}

# The base layer: Natural Earth 1:50m country polygons (public domain), as packaged in world-atlas.
BASEMAP_PACKAGE = ("world-atlas", "2.0.2", "ISC")
BASEMAP_FILE = "basemap/countries-ne50m-levant.geojson"
# Syria, Iraq and their neighbours: the countries whose outlines frame the events.
BASEMAP_COUNTRIES = (
    "Syria", "Iraq", "Turkey", "Lebanon", "Israel", "Palestine", "Jordan", "Saudi Arabia",
    "Kuwait", "Iran", "Cyprus", "N. Cyprus", "Egypt", "Armenia", "Azerbaijan", "Georgia",
)
# ~1 km at these latitudes: finer than the base layer is ever looked at without tiles.
SIMPLIFY_DEGREES = 0.01


def npm_pack(spec: str, workdir: Path) -> Path:
    """Download one package tarball with `npm pack` and unpack it; -> the unpack folder."""
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=workdir, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    target = workdir / spec.replace("/", "_")
    with tarfile.open(workdir / out) as tar:
        tar.extractall(target, filter="data")
    return target


def topojson_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Decode quantised, delta-encoded TopoJSON arcs into lon/lat point lists."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    """Join a ring's arcs (negative index = reversed arc, ~i) into one closed point list."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker line simplification (iterative, keeps both ends)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_at = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                dist = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                dist = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if dist > worst:
                worst, worst_at = dist, i
        if worst_at is not None and worst > tolerance:
            keep[worst_at] = True
            stack.extend([(first, worst_at), (worst_at, last)])
    return [p for p, k in zip(points, keep) if k]


def country_features(topology: dict, names: tuple[str, ...], tolerance: float) -> list[dict]:
    """GeoJSON polygon features for the named countries, simplified, coordinates rounded."""
    arcs = topojson_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name not in names:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes = []
        for polygon in polygons:
            rings = [simplify(ring_points(r, arcs), tolerance) for r in polygon]
            rings = [[[round(x, 3), round(y, 3)] for x, y in r] for r in rings if len(r) >= 4]
            if rings:
                shapes.append(rings)
        if shapes:
            features.append({"type": "Feature", "properties": {"name": name},
                             "geometry": {"type": "MultiPolygon", "coordinates": shapes}})
    return features


GOVERNORATES_CSV = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "governorates.csv"
GOVERNORATE_LABELS_FILE = "basemap/governorate-labels.geojson"


def write_governorate_labels(static: Path = STATIC, source: Path = GOVERNORATES_CSV) -> None:
    """Governorate names at their gazetteer points, for map labels (no admin-1 outlines exist offline)."""
    import csv
    with open(source, encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    features = [{"type": "Feature",
                 "properties": {"name": row["name"], "arabic_name": row["arabic_name"], "country": row["country"]},
                 "geometry": {"type": "Point",
                              "coordinates": [round(float(row["longitude"]), 4), round(float(row["latitude"]), 4)]}}
                for row in rows if row.get("kind") == "governorate"]
    target = static / GOVERNORATE_LABELS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                                 separators=(",", ":")), encoding="utf-8")


def write_readme(static: Path) -> None:
    """static/README.md: every file, the npm package@version it came from, and its licence."""
    lines = [
        "# static/: files the map serves itself (no CDN, works offline)",
        "",
        "Rebuilt by `python -m dashboard.vendor` (needs npm); served by Streamlit at `/app/static/`.",
        "`strikemap/` is this project's own code (same licence as the project).",
        "`details-cache/` is written at run time (popup details of large result sets); never committed.",
        "",
        "| file | from (npm package@version) | licence |",
        "| --- | --- | --- |",
    ]
    for package, (version, licence, files) in VENDORED.items():
        for target in files.values():
            lines.append(f"| `{target}` | {package}@{version} | {licence} |")
    name, version, licence = BASEMAP_PACKAGE
    lines.append(f"| `{BASEMAP_FILE}` | {name}@{version} `countries-50m.json`, converted, "
                 f"simplified ({SIMPLIFY_DEGREES} deg) and cut to the region | data: Natural Earth, "
                 f"public domain; packaging: {licence} (`basemap/LICENSE-world-atlas`) |")
    lines.append(f"| `{GOVERNORATE_LABELS_FILE}` | this project's `gazetteer/data/governorates.csv` (label points"
                 " only) | GeoNames CC-BY 4.0 and the sources named per row there |")
    lines += [
        "",
        "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain).",
        "Governorate (admin-1) outlines and rivers are not included: no package on the reachable",
        "registries ships Natural Earth admin-1 or river data under a licence we can use; governorates",
        "are shown as name labels instead (`python -m dashboard.vendor --labels` rewrites only those).",
        "",
    ]
    (static / "README.md").write_text("\n".join(lines), encoding="utf-8")


def vendor(static: Path = STATIC) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for package, (version, _licence, files) in VENDORED.items():
            unpacked = npm_pack(f"{package}@{version}", work)
            for source, target in files.items():
                (static / target).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(unpacked / source, static / target)
        name, version, _licence = BASEMAP_PACKAGE
        unpacked = npm_pack(f"{name}@{version}", work)
        topology = json.loads((unpacked / "package/countries-50m.json").read_text(encoding="utf-8"))
        features = country_features(topology, BASEMAP_COUNTRIES, SIMPLIFY_DEGREES)
        basemap = static / BASEMAP_FILE
        basemap.parent.mkdir(parents=True, exist_ok=True)
        collection = {"type": "FeatureCollection",
                      "attribution": "Natural Earth (public domain) via world-atlas 2.0.2",
                      "features": features}
        basemap.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
        shutil.copyfile(unpacked / "package/LICENSE", basemap.parent / "LICENSE-world-atlas")
    write_governorate_labels(static)
    write_readme(static)


if __name__ == "__main__":
    if "--labels" in sys.argv:  # no npm needed: refresh the governorate labels from the gazetteer
        write_governorate_labels()
        write_readme(STATIC)
    else:
        vendor(Path(sys.argv[1]) if len(sys.argv) > 1 else STATIC)
