"""sandline against pandas on the same question, side by side in one run: who holds each of
100,000 places on a date, from 100,000 places and 1,000,000 claims in sandline's CSV schema, timed
as whole processes. Prints each run, the medians, the ratio (sandline / pandas; the target is 0.25
or less) and sandline's peak memory against the CSV's bytes (the target is 2x or less).

    python3 benches/load_vs_pandas.py [--runs 5] [--places N] [--claims N]

Builds sandline in release mode, writes the dataset with `sandline synthesize` into
target/bench-load/, and installs pandas from PyPI into target/bench-venv/ on first use."""

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "target"
DATE = "2017-06-03"


def venv_python() -> pathlib.Path:
    venv = TARGET / "bench-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "pandas"], check=True)
    return python


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory in bytes of one whole process (GNU time)."""
    report = TARGET / "bench-load-time.txt"
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(report), *cmd], stdout=sink, check=True)
    seconds = time.perf_counter() - start
    peak_kb = int(report.read_text().strip().splitlines()[-1])
    return seconds, peak_kb * 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    sandline = str(TARGET / "release" / "sandline")
    data = TARGET / f"bench-load-{args.places}-{args.claims}"
    if not (data / "claims.csv").exists():
        subprocess.run([sandline, "synthesize", str(data), "--places", str(args.places),
                        "--claims", str(args.claims)], check=True)
    python = str(venv_python())
    csv_bytes = sum(f.stat().st_size for f in data.glob("*.csv"))
    ours = [sandline, "state", "--date", DATE, "--data", str(data)]
    theirs = [python, str(ROOT / "benches" / "pandas_state.py"), str(data), DATE]

    timed(ours), timed(theirs)  # warm the page cache for both
    runs = {"sandline": [], "pandas": []}
    for k in range(args.runs):
        for name, cmd in (("sandline", ours), ("pandas", theirs)):
            seconds, peak = timed(cmd)
            runs[name].append((seconds, peak))
            print(f"run {k + 1}: {name:8} {seconds:6.2f} s  peak {peak / 1e6:7.0f} MB", flush=True)
    med = {name: statistics.median(s for s, _ in r) for name, r in runs.items()}
    spread = {name: (max(s for s, _ in r) - min(s for s, _ in r)) for name, r in runs.items()}
    peak = max(p for _, p in runs["sandline"])
    print(f"CSV: {csv_bytes / 1e6:.0f} MB in {data}")
    for name in runs:
        print(f"{name:8} median {med[name]:.2f} s (spread {spread[name]:.2f} s over {args.runs} runs)")
    print(f"ratio sandline/pandas: {med['sandline'] / med['pandas']:.3f} (target 0.25 or less)")
    print(f"sandline peak memory: {peak / 1e6:.0f} MB = {peak / csv_bytes:.2f}x the CSV (target 2x or less)")


if __name__ == "__main__":
    main()
