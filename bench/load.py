"""A load driver that runs in its own process: POSTs (or GETs) prepared requests with a fixed
concurrency and prints one JSON line with the rate and latency percentiles.

    python bench/load.py requests.jsonl --concurrency 16
Each line of the file: {"method", "url", "headers", "body"} (body as text).
"""

import argparse
import json
import statistics
import sys
import threading
import time

import httpx


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(q * (len(ordered) - 1)))
    return ordered[index]


def run(requests: list[dict], concurrency: int) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    cursor = iter(range(len(requests)))

    def worker():
        with httpx.Client(timeout=30) as client:
            while True:
                with lock:
                    index = next(cursor, None)
                if index is None:
                    return
                spec = requests[index]
                started = time.perf_counter()
                response = client.request(
                    spec["method"],
                    spec["url"],
                    headers=spec.get("headers"),
                    content=spec.get("body", "").encode(),
                )
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "requests": len(requests),
        "seconds": wall,
        "rate": len(requests) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else 0.0,
        "statuses": statuses,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("requests_file")
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with open(args.requests_file) as f:
        requests = [json.loads(line) for line in f if line.strip()]
    json.dump(run(requests, args.concurrency), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
