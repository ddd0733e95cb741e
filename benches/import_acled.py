"""`sandline import acled` on an export the size of all of ACLED, timed as a whole process.

    python3 benches/import_acled.py [--rows 2000000] [--runs 1]

Writes a synthetic export in ACLED's 31 columns (target/bench-import/acled.csv: events spread
over 20,000 locations and 400 actors, a third of them changes of territory, bases or clashes, the
rest event types the import leaves out, each with a note of about 150 characters), builds
sandline in release mode, imports the file into target/bench-import/out/ and prints the wall
time, the peak memory and the file's size. The target is under a minute on two cores."""

import argparse
import csv
import os
import pathlib
import random
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "target" / "bench-import"

COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
).split(",")

# (event_type, sub_event_type, share of rows)
EVENTS = [
    ("Strategic developments", "Non-state actor overtakes territory", 0.06),
    ("Battles", "Government regains territory", 0.05),
    ("Strategic developments", "Non-violent transfer of territory", 0.02),
    ("Strategic developments", "Headquarters or base established", 0.03),
    ("Battles", "Armed clash", 0.20),
    ("Protests", "Peaceful protest", 0.30),
    ("Violence against civilians", "Attack", 0.14),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.20),
]
MONTHS = "January February March April May June July August September October November December".split()


def write_export(path: pathlib.Path, rows: int) -> None:
    rng = random.Random(20261203)
    locations = [
        (f"Town {i}", f"Province {i % 60}", f"District {i % 900}", rng.uniform(-30, 45), rng.uniform(-20, 100))
        for i in range(20_000)
    ]
    actors = [(f"Armed group {i}", "Rebel group") for i in range(380)]
    actors += [(f"Military Forces of Country {i}", "State forces") for i in range(20)]
    kinds = [e[:2] for e in EVENTS]
    weights = [e[2] for e in EVENTS]
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(COLUMNS)
        for n in range(rows):
            event_type, sub = rng.choices(kinds, weights)[0]
            name, admin1, admin2, lat, lon = rng.choice(locations)
            (a1, t1), (a2, t2) = rng.sample(actors, 2)
            year, month, day = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
            date = f"{year}-{month:02}-{day:02}" if n % 3 else f"{day} {MONTHS[month - 1]} {year}"
            note = (
                f"On {day} {MONTHS[month - 1]} {year}, fighters of {a1} and {a2} were reported near {name} "
                f"in {admin2}; local sources gave differing accounts of who kept the town afterwards."
            )
            out.writerow([
                f"BEN{n}", date, year, rng.choice("1112"), "Political violence", event_type, sub,
                a1, "", t1, a2, "", t2, f"{t1}-{t2}", "", 999, "Somewhere", "Benchland", admin1, admin2, "",
                name, f"{lat:.4f}", f"{lon:.4f}", rng.choice("1112"), "Local paper", "Subnational",
                note, rng.randint(0, 9), "", 1700000000,
            ])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    TARGET.mkdir(parents=True, exist_ok=True)
    export = TARGET / f"acled-{args.rows}.csv"
    if not export.exists():
        print(f"writing {args.rows:,} rows to {export} ...", file=sys.stderr)
        write_export(export, args.rows)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = ROOT / "target" / "release" / "sandline"
    size = export.stat().st_size
    for run in range(args.runs):
        out = TARGET / "out"
        report = TARGET / "time.txt"
        start = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            subprocess.run(
                ["/usr/bin/time", "-f", "%M", "-o", str(report), str(binary), "import", "acled",
                 str(export), "--out", str(out)],
                stdout=sink, check=False,
            )
        seconds = time.perf_counter() - start
        peak = int(report.read_text().strip().splitlines()[-1]) * 1024
        print(f"run {run + 1}: {args.rows:,} rows ({size / 1e6:.0f} MB) imported in {seconds:.1f} s, "
              f"peak memory {peak / 1e6:.0f} MB ({peak / size:.2f}x the file)")


if __name__ == "__main__":
    main()
