"""Observability: /metrics in Prometheus' text format and one JSON access-log line per request.

Metrics (`GET /metrics`, open like /health):

    serve_requests_total{path,status}          requests answered, by route and HTTP status (499: client hung up)
    serve_request_duration_seconds{path}       arrival to the last byte, generation routes (histogram)
    serve_time_to_first_token_seconds          arrival to the first generated token, in the server (histogram)
    serve_generated_tokens_total               tokens generated, all requests
    serve_tokens_per_second                    tokens generated over the last 10 s, per second
    serve_queue_depth, serve_batch_rows        jobs waiting, rows being decoded now
    serve_queue_limit, serve_batch_limit       SERVE_MAX_QUEUE, SERVE_MAX_BATCH
    serve_batch_size                           rows per decoding step (histogram)
    serve_tokens_after_cancel                  tokens generated after a request was cancelled (histogram)
    serve_worker_up                            1 while the decoding thread runs
    process_resident_memory_bytes              the server's resident memory

The access log (logger `tools.serve.access`, stderr) writes one JSON object per request: time,
method, path, status, client, duration_s and, for generation routes, model, stream, prompt and
completion tokens, finish_reason, queue_s, ttft_s, cancelled and tokens_after_cancel. The messages
and the answer are added only with SERVE_LOG_CONTENT=1.
"""
from __future__ import annotations

import asyncio
import bisect
import collections
import json
import logging
import os
import sys
import threading
import time
from datetime import datetime, timezone
from typing import Any, Callable

GENERATION_PATHS = ("/api/chat", "/v1/chat/completions")
KNOWN_PATHS = ("/", "/health", "/metrics", "/api/chat", "/v1/chat/completions", "/v1/models")
SECONDS = (0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300)
ROWS = (1, 2, 4, 8, 16, 32, 64, 128)
FEW = (0, 1, 2, 4, 8, 16, 64)
RATE_WINDOW_S = 10.0
ACCESS_LOGGER = "tools.serve.access"


class Histogram:
    def __init__(self, buckets: tuple[float, ...]):
        self.buckets = buckets
        self.counts = [0] * (len(buckets) + 1)
        self.sum = 0.0

    def observe(self, value: float) -> None:
        self.counts[bisect.bisect_left(self.buckets, value)] += 1
        self.sum += value

    def lines(self, name: str, labels: str = "") -> list[str]:
        out, total = [], 0
        for bound, count in zip(list(self.buckets) + ["+Inf"], self.counts):
            total += count
            out.append(f'{name}_bucket{{{labels}{"," if labels else ""}le="{bound}"}} {total}')
        braces = f"{{{labels}}}" if labels else ""
        return out + [f"{name}_sum{braces} {self.sum:.6f}", f"{name}_count{braces} {total}"]


class Metrics:
    """Counters and histograms, updated from the event loop and the decoding thread."""

    def __init__(self):
        self._lock = threading.Lock()
        self.requests: collections.Counter = collections.Counter()
        self.durations: dict[str, Histogram] = {}
        self.ttft = Histogram(SECONDS)
        self.batch_size = Histogram(ROWS)
        self.after_cancel = Histogram(FEW)
        self.tokens = 0
        self._recent: collections.deque[tuple[float, int]] = collections.deque()
        self.gauges: dict[str, tuple[str, Callable[[], float]]] = {}

    # ------------------------------------------------------------ from the decoding thread
    def step(self, rows: int, tokens: int) -> None:
        now = time.monotonic()
        with self._lock:
            self.batch_size.observe(rows)
            self.tokens += tokens
            self._recent.append((now, tokens))
            while self._recent and now - self._recent[0][0] > RATE_WINDOW_S:
                self._recent.popleft()

    def first_token(self, seconds: float) -> None:
        with self._lock:
            self.ttft.observe(seconds)

    # ------------------------------------------------------------ from the app
    def request(self, path: str, status: int, seconds: float, result: Any = None) -> None:
        with self._lock:
            self.requests[(path, status)] += 1
            if path in GENERATION_PATHS:
                self.durations.setdefault(path, Histogram(SECONDS)).observe(seconds)
            if result is not None and getattr(result, "cancelled", False):
                self.after_cancel.observe(result.tokens_after_cancel)

    def gauge(self, name: str, help_text: str, read: Callable[[], float]) -> None:
        self.gauges[name] = (help_text, read)

    def tokens_per_second(self) -> float:
        now = time.monotonic()
        with self._lock:
            recent = [(t, n) for t, n in self._recent if now - t <= RATE_WINDOW_S]
        return sum(n for _, n in recent) / RATE_WINDOW_S

    def render(self) -> str:
        lines: list[str] = []

        def family(name: str, kind: str, help_text: str, body: list[str]) -> None:
            lines.extend([f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", *body])

        with self._lock:
            family("serve_requests_total", "counter", "Requests answered, by route and HTTP status (499: client hung up).",
                   [f'serve_requests_total{{path="{p}",status="{s}"}} {n}' for (p, s), n in sorted(self.requests.items())])
            family("serve_request_duration_seconds", "histogram", "Arrival to the last byte, generation routes.",
                   [line for p, h in sorted(self.durations.items()) for line in h.lines(
                       "serve_request_duration_seconds", f'path="{p}"')])
            family("serve_time_to_first_token_seconds", "histogram", "Arrival to the first generated token.",
                   self.ttft.lines("serve_time_to_first_token_seconds"))
            family("serve_generated_tokens_total", "counter", "Tokens generated.", [f"serve_generated_tokens_total {self.tokens}"])
            family("serve_batch_size", "histogram", "Rows per decoding step.", self.batch_size.lines("serve_batch_size"))
            family("serve_tokens_after_cancel", "histogram", "Tokens generated after a request was cancelled.",
                   self.after_cancel.lines("serve_tokens_after_cancel"))
        family("serve_tokens_per_second", "gauge", f"Tokens generated over the last {RATE_WINDOW_S:g} s, per second.",
               [f"serve_tokens_per_second {self.tokens_per_second():.3f}"])
        for name, (help_text, read) in self.gauges.items():
            value = read()
            if value is not None:
                family(name, "gauge", help_text, [f"{name} {value:g}"])
        return "\n".join(lines) + "\n"


def resident_memory_bytes() -> float | None:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def access_logger() -> logging.Logger:
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


def route(path: str) -> str:
    """The metric label for a path: known routes, else "other" (keeps the label set small)."""
    if path in KNOWN_PATHS:
        return path
    if path.startswith("/v1/models/"):
        return "/v1/models/{model}"
    return "/static" if path.startswith("/static/") else "other"


class AccessLog:
    """ASGI middleware: counts every request and writes its JSON log line once its job is over.

    Routes put what they know in `request.state.access` (a dict): model, stream, messages, and
    `result`, an asyncio future of the job's tools.serve.engine.Result; `disconnected` marks a
    client that hung up (logged as 499). The line is written by a task that waits for the job
    (a cancelled job ends within a decoding step), so the response itself is never delayed.
    """

    def __init__(self, app, metrics: Metrics, log_content: bool = False):
        self.app, self.metrics, self.log_content = app, metrics, log_content
        self.logger = access_logger()
        self._tasks: set[asyncio.Task] = set()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start, status = time.monotonic(), [500]
        record: dict[str, Any] = {}
        scope.setdefault("state", {})["access"] = record

        async def send_status(message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            task = asyncio.ensure_future(self._write(scope, record, status[0], start))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _write(self, scope, record: dict[str, Any], status: int, start: float) -> None:
        duration = time.monotonic() - start
        result = None
        pending = record.get("result")
        if pending is not None:
            try:
                result = await asyncio.wait_for(asyncio.shield(pending), timeout=30)
            except Exception:  # noqa: BLE001 - a failed or slow job is logged without its figures
                result = None
        if record.get("disconnected"):
            status = 499
        path = scope.get("path", "")
        self.metrics.request(route(path), status, duration, result)
        line: dict[str, Any] = {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                                "method": scope.get("method"), "path": path, "status": status,
                                "client": (scope.get("client") or ("", 0))[0], "duration_s": round(duration, 4)}
        for key in ("id", "model", "stream", "error"):
            if key in record:
                line[key] = record[key]
        if result is not None:
            line.update(prompt_tokens=result.prompt_tokens, completion_tokens=result.completion_tokens,
                        finish_reason=result.finish_reason, queue_s=result.queue_s, ttft_s=result.ttft_s,
                        timed_out=result.timed_out, cancelled=result.cancelled,
                        tokens_after_cancel=result.tokens_after_cancel)
        if self.log_content and "messages" in record:
            line["messages"] = record["messages"]
            if result is not None:
                line["answer"] = result.text
        self.logger.info(json.dumps(line, ensure_ascii=False))
