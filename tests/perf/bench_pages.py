"""`make bench`: Portfolio's pages under load against the framework's ceiling and Flask-Admin.

    .venv/bin/python tests/perf/bench_pages.py [--sizes 1000 10000 100000] [--duration 10]
        [--connections 4] [--output build/bench]

For each size: a fresh SQLite database filled by `demo generate --seed 1`, Portfolio and the
references (tests/perf/peer.py) each under gunicorn with 2 workers on loopback, a signed-in
session, then Debian's `wrk` against every page for --duration seconds. Queries per request are
counted in-process on the same database, and each page is timed once more in-process with the
figure cache off ("uncached"): the load repeats requests on an unchanged register, where the
cache answers; the first request after a write pays the uncached cost. Prints a table per size and the targets met or missed;
writes every figure to <output>/results.json and the tables to <output>/results.md.
It asserts nothing: it is a measurement, not a test.
"""

import argparse
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from portfolio import create_app  # noqa: E402
from portfolio.core.db import get_engine, session_scope  # noqa: E402
from portfolio.users.services import create_user  # noqa: E402

BIN = Path(sys.executable).parent
EMAIL, PASSWORD = "bench@example.org", "benchmark password"
PAGES = {  # name -> path on Portfolio
    "application list": "/applications/",
    "list, filtered": "/applications/?status=production",
    "list, search": "/applications/?q=Applicatie+0042",
    "list, page 50": "/applications/?page=50",
    "application page": "/applications/42",
    "dashboard": "/",
    "measures list": "/security/measures/",
    "budget overview": "/budget/",
    "CSV export": "/applications/export.csv",
}
REFERENCES = {"ceiling": "/ceiling", "Flask-Admin list": "/admin/application/"}
GROWTH_PAGES = ("application list", "list, search", "application page", "dashboard")
TIMEOUT = 30  # seconds before wrk gives a request up (its default, 2 s, hides slow pages)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(folder, size):
    """A migrated SQLite database with the generated register and a benchmark admin."""
    database = f"sqlite:///{folder}/bench.sqlite3"
    environment = {"PORTFOLIO_DATABASE_URL": database, "PORTFOLIO_SECRET_KEY": "benchmark"}
    flask = [str(BIN / "flask"), "--app", "portfolio"]
    for command in (["db", "upgrade"], ["demo", "generate", "--applications", str(size), "--seed", "1"]):
        subprocess.run(flask + command, check=True, env=_env(environment), cwd=ROOT, stdout=subprocess.DEVNULL)
    app = create_app({"DATABASE_URL": database, "SECRET_KEY": "benchmark", "WTF_CSRF_ENABLED": False,
                      "ARGON2": {"time_cost": 1, "memory_cost": 8, "parallelism": 1}}, instance_path=str(folder))
    with app.app_context(), session_scope(app, actor=lambda: (None, "benchmark")) as session:
        create_user(session, email=EMAIL, name="Benchmark", role="admin", password=PASSWORD)
    return app, environment


def _env(extra):
    return {**os.environ, **extra}


@contextmanager
def gunicorn(target, environment):
    """Serve target with 2 workers on a free loopback port; yields (base URL, master pid)."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", target],
        env=_env(environment), cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz" if target.startswith("portfolio") else f"{base}/ceiling", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def session_cookie(base):
    """Log in through the real form (CSRF token included) and return the Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "email": EMAIL, "password": PASSWORD}).encode()
    opener.open(f"{base}/login", data=form)
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def wrk(url, *, cookie, duration, connections):
    """Requests per second and p50/p99 latency in ms, from Debian's wrk."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", f"--timeout={TIMEOUT}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"timeout (\d+)", output)
    completed = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        # wrk reports 0 latency when no request completed: no figure then, not a fast page
        "p50_ms": _ms(re.search(r"\s50%\s+([\d.]+)(us|ms|s)", output)) if completed else None,
        "p99_ms": _ms(re.search(r"\s99%\s+([\d.]+)(us|ms|s)", output)) if completed else None,
        "completed": completed,
        "errors": (int(failures.group(1)) if failures else 0) + (int(timeouts.group(1)) if timeouts else 0),
    }


def _ms(match):
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def queries_per_request(app, path):
    """SQL statements one request for path runs, counted on the app's engine."""
    client = app.test_client()
    client.post("/login", data={"email": EMAIL, "password": PASSWORD})
    client.get(path).get_data()  # warm caches the way a running worker has them
    statements = []
    engine = get_engine(app)
    listener = lambda *args: statements.append(1)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        response = client.get(path)
        response.get_data()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(statements) if response.status_code == 200 else None


def uncached_ms(app, path, tries=3):
    """Median ms of one request in-process with the figure cache off: what the first request
    after a write costs (the load above repeats requests on an unchanged register)."""
    client = app.test_client()
    client.post("/login", data={"email": EMAIL, "password": PASSWORD})
    app.config["FIGURE_CACHE"] = False
    try:
        times = []
        for _ in range(tries):
            started = time.perf_counter()
            client.get(path).get_data()
            times.append((time.perf_counter() - started) * 1000)
    finally:
        app.config["FIGURE_CACHE"] = True
    return sorted(times)[len(times) // 2]


def export_figures(base, cookie, master_pid):
    """Seconds for one whole CSV export, and the largest peak memory (MB) of the workers."""
    request = urllib.request.Request(f"{base}/applications/export.csv", headers={"Cookie": cookie})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        while response.read(1 << 16):
            pass
    seconds = time.perf_counter() - started
    workers = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    peaks = [_peak_mb(pid) for pid in workers]
    return seconds, max(peaks) if peaks else None


def _peak_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def bench_size(size, args):
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        app, environment = prepare(folder, size)
        print(f"\n{size} applications generated and prepared in {time.perf_counter() - started:.0f} s", flush=True)
        figures = {}
        with gunicorn("tests.perf.peer:create_peer_app()", environment) as (peer, _):
            for name, path in REFERENCES.items():
                figures[name] = wrk(peer + path, cookie=None, duration=args.duration, connections=args.connections)
                figures[name]["queries"] = None
        with gunicorn("portfolio:create_app()", environment) as (base, master):
            cookie = session_cookie(base)
            for name, path in PAGES.items():
                figures[name] = wrk(base + path, cookie=cookie, duration=args.duration, connections=args.connections)
                figures[name]["queries"] = queries_per_request(app, path)
                if name != "CSV export":
                    figures[name]["uncached_ms"] = uncached_ms(app, path)
            seconds, peak = export_figures(base, cookie, master)
            figures["CSV export"].update(export_seconds=seconds, worker_peak_mb=peak)
        get_engine(app).dispose()
    for row in figures.values():
        row["vs_ceiling"] = row["rps"] / figures["ceiling"]["rps"]
        row["vs_flask_admin"] = row["rps"] / figures["Flask-Admin list"]["rps"]
    return figures


def table(size, figures):
    lines = [f"### {size:,} applications".replace(",", "."), "",
             "| page | req/s | p50 ms | p99 ms | queries | × ceiling | × Flask-Admin | errors and timeouts | uncached ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, row in figures.items():
        lines.append(f"| {name} | {row['rps']:.1f} | {_figure(row['p50_ms'])} | {_figure(row['p99_ms'])} | "
                     f"{row['queries'] if row['queries'] is not None else '–'} | {row['vs_ceiling']:.2f} | "
                     f"{row['vs_flask_admin']:.2f} | {row['errors']} | {_figure(row.get('uncached_ms'))} |")
    export = figures["CSV export"]
    lines.append(f"\nCSV export: {export['export_seconds']:.1f} s for the whole file; "
                 f"peak worker memory {export['worker_peak_mb']:.0f} MB.")
    return "\n".join(lines)


def _figure(milliseconds):
    return "–" if milliseconds is None else f"{milliseconds:.1f}"


def targets(results):
    """Each target of issue 10 with whether it is met, as (text, met or None when not measured)."""
    verdicts = []
    if 10_000 in results:
        row = results[10_000]["application list"]
        verdicts.append((f"list at 10.000: {row['vs_ceiling']:.0%} of the ceiling (target ≥ 25%)", row["vs_ceiling"] >= 0.25))
        verdicts.append((f"list at 10.000: {row['vs_flask_admin']:.1f}× Flask-Admin (target ≥ 5×)", row["vs_flask_admin"] >= 5))
    sizes = sorted(results)
    if len(sizes) > 1:
        low, high = results[sizes[0]], results[sizes[-1]]
        for page in GROWTH_PAGES:
            if high[page]["p50_ms"] is None or low[page]["p50_ms"] is None:
                verdicts.append((f"{page}: no request completed within {TIMEOUT} s at some size (target ≤ 1.5×)", False))
                continue
            ratio = high[page]["p50_ms"] / low[page]["p50_ms"]
            verdicts.append((f"{page}: p50 at {sizes[-1]} is {ratio:.2f}× that at {sizes[0]} (target ≤ 1.5×)", ratio <= 1.5))
        for page in PAGES:
            counts = {results[size][page]["queries"] for size in sizes}
            verdicts.append((f"{page}: queries per request {sorted(counts, key=str)} over the sizes (target: one value)",
                             len(counts) == 1 and None not in counts))
    if 100_000 in results:
        export = results[100_000]["CSV export"]
        verdicts.append((f"CSV export at 100.000: {export['export_seconds']:.1f} s (target < 10 s)", export["export_seconds"] < 10))
        verdicts.append((f"CSV export at 100.000: worker peak {export['worker_peak_mb']:.0f} MB (target < 300 MB)",
                         export["worker_peak_mb"] < 300))
    return verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--output", default=str(ROOT / "build" / "bench"))
    args = parser.parse_args()
    results = {}
    for size in args.sizes:
        results[size] = bench_size(size, args)
        print(table(size, results[size]), flush=True)
    verdicts = targets(results)
    report = "\n".join(f"- {'met' if met else 'MISSED'}: {text}" for text, met in verdicts)
    print("\nTargets\n" + report)
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    (output / "results.json").write_text(json.dumps({str(size): figures for size, figures in results.items()}, indent=2))
    (output / "results.md").write_text("\n\n".join(table(size, results[size]) for size in results) + "\n\n" + report + "\n")
    print(f"\nFigures in {output / 'results.json'} and {output / 'results.md'}")


if __name__ == "__main__":
    main()
