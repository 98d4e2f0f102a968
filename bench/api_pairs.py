"""Benchmark of the filtered pair list, `/api/v1/pairs/`, against DESIGN.md §7's budgets.

    apt-get install wrk    # the load generator (Debian's package)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_bench .venv/bin/python bench/api_pairs.py

1. Generates the synthetic data if the database lacks it (bench/synthetic.py).
2. Query count of the list, for 5 and for 50 rows, in-process (budget: at most 8, equal).
3. Starts gunicorn with 2 sync workers on the bench URLconf (bench/settings.py), which serves
   the API and a bare Django `JsonResponse` view of the same rows (bench/views.py), and checks
   that both return the same pairs.
4. Latency for a single client, one request at a time over real HTTP: p50 and p95 of
   `--requests` requests after a warm-up (budget: p95 at most 60 ms for the filtered list).
5. Throughput with `wrk` (4 connections), alternating API and bare view for `--rounds` rounds
   of `--seconds` each, so both see the same machine load; the ratio of the medians is the
   figure (budget: at least 0.6).

The throttle is raised out of the way (`API_THROTTLE_ANON`), but still counted on each request,
in the worker's memory or in Redis when `REDIS_URL` is set.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("API_THROTTLE_ANON", "10000000/minute")

from bench.synthetic import generate, setup_django  # noqa: E402

FILTER = "issue=syn-tourism&partner_country=JP&dormant=false&lang=en"
API = "/api/v1/pairs/?" + FILTER
BARE = "/bench/pairs/?" + FILTER
# Other lists measured for a single client, for the README: unfiltered, and by place.
OTHERS = ["/api/v1/pairs/?lang=en", "/api/v1/pairs/?province=TH-50&lang=en"]


def query_counts() -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), {}
    for label, path in (
        ("api, 5 rows", API + "&page_size=5"),
        ("api, 50 rows", API + "&page_size=50"),
        ("api by province, 50 rows", OTHERS[1]),
        ("bare view, 50 rows", BARE),
    ):
        client.get(path)  # caches warm, as in a running worker
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, response.content[:500]
        counts[label] = len(queries)
    return counts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--workers=2",
        "--bind=127.0.0.1:%d" % port,
        "--chdir=%s" % ROOT,
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, env=os.environ.copy(), start_new_session=True)
    for _ in range(100):
        try:
            get(port, "/api/v1/")
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def latency(port: int, path: str, *, requests: int, warmup: int = 20) -> dict[str, float]:
    for _ in range(warmup):
        get(port, path)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        status, _body = get(port, path)
        timings.append((time.perf_counter() - started) * 1000)
        assert status == 200, status
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
    }


def wrk(port: int, path: str, seconds: int) -> float:
    output = subprocess.run(
        ["wrk", "-t1", "-c4", "-d%ds" % seconds, "http://127.0.0.1:%d%s" % (port, path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output:
        raise SystemExit("wrk saw errors:\n" + output)
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1))


def same_rows(port: int) -> int:
    api, bare = (json.loads(get(port, path)[1]) for path in (API, BARE))
    assert api["count"] == bare["count"], (api["count"], bare["count"])
    assert [r["id"] for r in api["results"]] == [r["id"] for r in bare["results"]]
    assert api["results"][0]["thai"] == bare["results"][0]["thai"]
    return len(api["results"])


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark of the filtered pair list.")
    parser.add_argument("--requests", type=int, default=300, help="single-client requests")
    parser.add_argument("--rounds", type=int, default=3, help="wrk rounds per view")
    parser.add_argument("--seconds", type=int, default=10, help="length of a wrk round")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    setup_django()
    generate()
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    for label, count in query_counts().items():
        print("queries  %-26s %d" % (label, count))
    port = free_port()
    server = start_gunicorn(port)
    try:
        print("rows per page: %d (the API and the bare view return the same)" % same_rows(port))
        for path in (API, BARE, *OTHERS):
            figures = latency(port, path, requests=args.requests)
            print("single client  %-62s p50 %5.1f ms  p95 %5.1f ms  max %5.1f ms"
                  % (path, figures["p50"], figures["p95"], figures["max"]))  # fmt: skip
        rates: dict[str, list[float]] = {API: [], BARE: []}
        for _ in range(args.rounds):
            for path in rates:
                rates[path].append(wrk(port, path, args.seconds))
        api, bare = (statistics.median(rates[path]) for path in (API, BARE))
        print("throughput, 2 workers: api %.1f req/s %s, bare view %.1f req/s %s"
              % (api, rates[API], bare, rates[BARE]))  # fmt: skip
        print("ratio api / bare view: %.2f" % (api / bare))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
