"""Time one page in-process on a generated register, and show where the time goes.

    .venv/bin/python tests/perf/profile_page.py --applications 10000 /applications/ [--profile]
        [--tries 5] [--folder build/profile]

The register is generated once per size into <folder>/<size>/ (as `make bench` does) and reused
on the next run. Prints the median of --tries requests as a signed-in administrator; with
--profile also pyinstrument's call tree of one more request (pyinstrument is in the `bench` extra).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from portfolio import create_app  # noqa: E402
from tests.perf.bench_pages import EMAIL, PASSWORD, prepare  # noqa: E402


def register(folder, size):
    """The app on the generated register of size applications, generating it when missing."""
    folder = folder / str(size)
    database = folder / "bench.sqlite3"
    if not database.exists():
        folder.mkdir(parents=True, exist_ok=True)
        prepare(folder, size)
    return create_app({"DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "benchmark", "WTF_CSRF_ENABLED": False,
                       "ARGON2": {"time_cost": 1, "memory_cost": 8, "parallelism": 1}}, instance_path=str(folder))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--tries", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--folder", type=Path, default=ROOT / "build" / "profile")
    args = parser.parse_args()
    client = register(args.folder, args.applications).test_client()
    client.post("/login", data={"email": EMAIL, "password": PASSWORD})
    response = client.get(args.path)
    size = len(response.get_data())
    times = []
    for _ in range(args.tries):
        started = time.perf_counter()
        client.get(args.path).get_data()
        times.append((time.perf_counter() - started) * 1000)
    print(f"{args.path} at {args.applications} applications: {response.status_code}, {size // 1024} kB, "
          f"median {statistics.median(times):.1f} ms of {args.tries}")
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            client.get(args.path).get_data()
        print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main()
