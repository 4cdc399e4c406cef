"""A closed-loop HTTP load generator: `clients` threads, each with its own keep-alive
`http.client` connection, send requests back to back until `requests` have been sent or
`max_seconds` have passed. Only the standard library, so it adds no dependency."""

import http.client
import itertools
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# (method, path, body, extra headers) for the i-th request
Request = tuple[str, str, bytes | None, dict[str, str]]


@dataclass
class PhaseResult:
    name: str
    latencies: list[float]
    wall_seconds: float
    time_limited: bool
    errors: list[tuple[int, str, str]] = field(default_factory=list)

    def summary(self) -> dict:
        ms = sorted(x * 1000 for x in self.latencies)
        q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        return {
            "endpoint": self.name,
            "requests": len(ms),
            "p50_ms": round(q[49], 2),
            "p95_ms": round(q[94], 2),
            "p99_ms": round(q[98], 2),
            "mean_ms": round(statistics.fmean(ms), 2),
            "requests_per_s": round(len(ms) / self.wall_seconds, 1),
            "time_limited": self.time_limited,
        }


def run_phase(
    *,
    name: str,
    port: int,
    make_request: Callable[[int], Request],
    requests: int,
    clients: int,
    max_seconds: float,
    headers: dict[str, str],
) -> PhaseResult:
    counter = itertools.count()  # next() on it is atomic under the GIL
    deadline = time.perf_counter() + max_seconds
    per_client: list[list[float]] = [[] for _ in range(clients)]
    errors: list[tuple[int, str, str]] = []

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            while (i := next(counter)) < requests and time.perf_counter() < deadline:
                method, path, body, extra = make_request(i)
                started = time.perf_counter()
                status, payload = send(conn, method, path, body, {**headers, **extra})
                per_client[k].append(time.perf_counter() - started)
                if status != 200:
                    errors.append((status, path, payload[:500].decode("utf-8", "replace")))
        finally:
            conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies = [x for xs in per_client for x in xs]
    return PhaseResult(name, latencies, wall, len(latencies) < requests, errors)


def send(conn, method, path, body, headers) -> tuple[int, bytes]:
    # A server may close a kept-alive connection between requests; reconnect once.
    for attempt in (1, 2):
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            conn.close()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
