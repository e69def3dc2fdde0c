"""A load driver that runs in its own process: sends prepared HTTP requests with a fixed
concurrency and prints one JSON line with the rate, latency percentiles and statuses.

    python bench/load.py requests.jsonl --concurrency 16

Each line of the file: {"method", "url", "headers", "body", "lane"?} (body as text). Requests
are turned into bytes before the clock starts and sent over plain sockets, one connection per
request (gunicorn's sync workers close each connection), so the driver spends as little CPU
per request as it can: on a 2-core machine it shares the cores with the server it measures.

Without lanes, `--concurrency` threads take the next request from one queue. With lanes, one
thread per lane sends that lane's requests in order: one lane is one user.
"""

import argparse
import json
import socket
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(q * (len(ordered) - 1)))
    return ordered[index]


def encode(spec: dict) -> tuple[tuple[str, int], bytes]:
    """((host, port), the request's bytes) for one prepared request."""
    url = urlsplit(spec["url"])
    body = spec.get("body", "").encode()
    target = url.path + (f"?{url.query}" if url.query else "")
    lines = [
        f"{spec['method']} {target} HTTP/1.1",
        f"Host: {url.netloc}",
        "Connection: close",
        f"Content-Length: {len(body)}",
    ]
    lines += [f"{name}: {value}" for name, value in (spec.get("headers") or {}).items()]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return (url.hostname, url.port or 80), head + body


def send(address: tuple[str, int], payload: bytes) -> int:
    """Send one request and read the whole answer; its HTTP status (0 when the exchange failed)."""
    try:
        with socket.create_connection(address, timeout=60) as connection:
            connection.sendall(payload)
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
    except OSError:
        return 0
    status_line = b"".join(chunks).split(b"\r\n", 1)[0].split()
    return int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0


def run(requests: list[dict], concurrency: int) -> dict:
    prepared = [(spec.get("lane"), *encode(spec)) for spec in requests]
    lanes: dict = {}
    if all(lane is not None for lane, *_ in prepared):
        for lane, address, payload in prepared:
            lanes.setdefault(lane, []).append((address, payload))
        queues = [iter(items) for items in lanes.values()]
    else:
        shared = iter([(address, payload) for _, address, payload in prepared])
        queues = [shared] * concurrency
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()

    def worker(queue):
        while True:
            with lock:
                item = next(queue, None)
            if item is None:
                return
            started = time.perf_counter()
            status = send(*item)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[str(status)] = statuses.get(str(status), 0) + 1

    threads = [threading.Thread(target=worker, args=(queue,)) for queue in queues]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "requests": len(requests),
        "concurrency": len(threads),
        "seconds": wall,
        "rate": len(requests) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else 0.0,
        "statuses": statuses,
        "latencies_ms": [latency * 1000 for latency in latencies],
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
