"""Load test of the chat server: N concurrent clients for T seconds on 127.0.0.1, then its checks.

    make loadtest                                   # 8 clients, 20 s, against its own `make serve`
    make loadtest CLIENTS=32 SECONDS=60 COMPARE=1   # batched vs one-at-a-time, side by side -> bench/results.md
    make loadtest URL=http://127.0.0.1:8000         # against a server already running here
    python -m tools.loadtest qwen-personal-qa --model smollm2-135m-instruct --clients 8 --seconds 20

Each client sends one request after another, first for a warm-up (10 s, not measured: the server
reaches a full batch and its working memory), then for T seconds: /v1/chat/completions with
`max_tokens` (24), half of them streamed, some through /api/chat, one in ten malformed (bad JSON,
a missing field, max_tokens over the limit, an unknown model: 4xx expected), one in twenty hanging
up at the first streamed piece. A 503 is waited out for its Retry-After. Requests still running at
the end get `--grace` seconds, then are cut. Without URL= the server is started here
(`python -m tools.serve`, the recipe's arguments passed on; --env adds to its environment) and
stopped afterwards; it only ever talks to 127.0.0.1, and stops by itself.

Printed per phase: requests and statuses; tokens/s of the answers completed in the window and by
the server's own counter; latency and time to first token (streamed), p50 and p95; memory.
Checks (exit 1 when one fails): no 5xx but 503, every 503 with Retry-After and the error shape;
well-formed requests 200 or 503, malformed ones 4xx; no broken stream or connection error; the
server healthy after (/health, an empty queue, a request answered, and a long streamed answer hung
up at its first piece cancelled within one decoding step); every cancellation under load within
one step; a server started here did not crash; with T >= 40 s, its memory within 10% between the
first and the last 20 s. COMPARE=1 adds the same load against a one-at-a-time server
(SERVE_MAX_BATCH=1; both with room in the queue for every client) and a batched one at 8 clients,
checks batched tokens/s >= 3x and p95 time to first token <= 5 s at 8 clients, and writes its
section of bench/results.md (tools/loadtest_report.py).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tools import loadtest_report as report

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
QUESTIONS = ["¿Dónde vive Inés Cabrera?", "¿Qué estudió Inés?", "Hola, ¿quién eres?",
             "¿Qué es un tipo genérico en TypeScript?", "Explica la búsqueda binaria en dos frases.",
             "¿Cuál es la complejidad de ordenar por mezcla y por qué?",
             "Resume en una línea: el proyecto Atlas va en plazo, con dos riesgos abiertos y presupuesto verde.",
             "¿Qué diferencia hay entre una lista y una tupla en Python?", "Dame un consejo para estudiar algoritmos.",
             "¿Qué idiomas habla Inés y desde cuándo trabaja en su empresa actual?",
             "What is a hash map? Answer briefly.", "¿Cuántos hermanos tiene Inés?"]
MALFORMED = [("invalid JSON", b'{"messages": [', None), ("no messages", {"max_tokens": 8}, None),
             ("max_tokens over the limit", {"max_tokens": 1_000_000}, "messages"),
             ("empty message", {"messages": [{"role": "user", "content": "   "}]}, None),
             ("unknown model", {"model": "no-such-model"}, "messages")]


@dataclass
class Outcome:
    kind: str  # stream, plain, api, malformed, hangup
    status: int  # HTTP status; 0: the connection failed
    started: float  # seconds since the measured window began (negative: during the warm-up)
    seconds: float
    ttft: float | None = None
    tokens: int = 0
    retry_after: int = 0  # a 503's Retry-After
    problem: str = ""  # a broken stream, a 503 without Retry-After, a transport error...


# ---------------------------------------------------------------- one client
async def _client(http, base: str, index: int, model: str | None, opts, t0: float, stop_at: float,
                  out: list[Outcome]) -> None:
    rng = random.Random(opts.seed * 1000 + index)
    while time.monotonic() < stop_at:
        draw = rng.random()
        kind = ("malformed" if draw < 0.10 else "hangup" if draw < 0.15 else "api" if draw < 0.25
                else "stream" if draw < 0.625 else "plain")
        outcome = await _request(http, base, kind, model, rng, opts, t0)
        out.append(outcome)
        if outcome.status == 503:  # a polite client waits as told
            await asyncio.sleep(min(max(1, outcome.retry_after), max(0.0, stop_at - time.monotonic())))


async def _request(http, base: str, kind: str, model: str | None, rng: random.Random, opts, t0: float) -> Outcome:
    import httpx

    start = time.monotonic()
    outcome = Outcome(kind, 0, start - t0, 0.0)
    question = rng.choice(QUESTIONS)
    body: Any = {"messages": [{"role": "user", "content": question}], "max_tokens": opts.max_tokens}
    if model:
        body["model"] = model
    try:
        if kind == "malformed":
            _, payload, keep = rng.choice(MALFORMED)
            if isinstance(payload, bytes):
                response = await http.post(f"{base}/v1/chat/completions", content=payload,
                                           headers={"content-type": "application/json"})
            else:
                sent = {**({keep: body[keep]} if keep else {}), **payload}
                response = await http.post(f"{base}/v1/chat/completions", json=sent)
            _check_error_shape(outcome, response, v1=True)
        elif kind == "api":
            sent = {"message": question, "max_tokens": opts.max_tokens, **({"model": model} if model else {})}
            response = await http.post(f"{base}/api/chat", json=sent)
            outcome.status = response.status_code
            if response.status_code == 200:
                outcome.tokens = -1  # /api/chat does not report tokens
                if not isinstance(response.json().get("answer"), str):
                    outcome.problem = "/api/chat 200 without an answer"
            else:
                _check_error_shape(outcome, response, v1=False)
        elif kind == "plain":
            response = await http.post(f"{base}/v1/chat/completions", json=body)
            outcome.status = response.status_code
            if response.status_code == 200:
                data = response.json()
                outcome.tokens = int(data["usage"]["completion_tokens"])
            else:
                _check_error_shape(outcome, response, v1=True)
        else:
            await _stream(http, base, body, outcome, hang_up=kind == "hangup", start=start)
    except httpx.TimeoutException:
        outcome.problem = "client timeout"
    except (httpx.TransportError, ValueError, KeyError) as error:
        outcome.problem = f"{type(error).__name__}: {error}"[:200]
    outcome.seconds = time.monotonic() - start
    return outcome


async def _stream(http, base: str, body: dict, outcome: Outcome, hang_up: bool, start: float) -> None:
    body = {**body, "stream": True, "stream_options": {"include_usage": True}}
    async with http.stream("POST", f"{base}/v1/chat/completions", json=body) as response:
        outcome.status = response.status_code
        if response.status_code != 200:
            await response.aread()
            _check_error_shape(outcome, response, v1=True)
            return
        done = finished = False
        async for line in response.aiter_lines():
            if not line.startswith("data: "):
                continue
            data = line[6:]
            if data == "[DONE]":
                done = True
                break
            event = json.loads(data)
            if "error" in event:
                outcome.problem = f"error event: {event['error'].get('message')}"
            if event.get("usage"):
                outcome.tokens = int(event["usage"]["completion_tokens"])
            for choice in event.get("choices", []):
                if choice.get("delta", {}).get("content") and outcome.ttft is None:
                    outcome.ttft = time.monotonic() - start
                    if hang_up:
                        return  # leaving the block closes the connection mid-stream
                finished = finished or bool(choice.get("finish_reason"))
        if not (done and finished) and not outcome.problem:
            outcome.problem = "stream ended without finish_reason and [DONE]"


def _check_error_shape(outcome: Outcome, response, v1: bool) -> None:
    outcome.status = response.status_code
    try:
        body = response.json()
    except ValueError:
        outcome.problem = f"{response.status_code} without a JSON body"
        return
    shaped = (isinstance(body.get("error"), dict) and {"message", "type", "code"} <= set(body["error"])) if v1 \
        else (body.get("ok") is False and isinstance(body.get("error"), str))
    if not shaped:
        outcome.problem = f"{response.status_code} not in the error shape: {str(body)[:120]}"
    if response.status_code == 503:
        value = response.headers.get("retry-after", "")
        if not value.isdigit() or int(value) < 1:
            outcome.problem = f"503 without a Retry-After in whole seconds ({value!r})"
        outcome.retry_after = int(value) if value.isdigit() else 1


# ---------------------------------------------------------------- one phase
async def _sample(http, base: str, t0: float, stop: asyncio.Event, samples: list[dict[str, float]]) -> None:
    while not stop.is_set():
        try:
            response = await http.get(f"{base}/metrics", timeout=10)
            samples.append({"t": time.monotonic() - t0, **report.parse_metrics(response.text)})
        except Exception:  # noqa: BLE001 - a missed sample is reported as a gap, not a failure
            pass
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except asyncio.TimeoutError:
            pass


async def run_phase(base: str, clients: int, seconds: float, opts, model: str | None) -> dict[str, Any]:
    """The load: `opts.warmup` seconds not measured, then `seconds` measured, then the grace for
    requests in flight, then the health checks. Times are relative to the end of the warm-up."""
    import httpx

    limits = httpx.Limits(max_connections=clients + 4, max_keepalive_connections=clients + 4)
    async with httpx.AsyncClient(timeout=opts.request_timeout, limits=limits) as http:
        outcomes: list[Outcome] = []
        samples: list[dict[str, float]] = []
        stop = asyncio.Event()
        t0 = time.monotonic() + opts.warmup  # the measured window starts after the warm-up
        sampler = asyncio.ensure_future(_sample(http, base, t0, stop, samples))
        tasks = [asyncio.ensure_future(_client(http, base, i, model, opts, t0, t0 + seconds, outcomes))
                 for i in range(clients)]
        _, pending = await asyncio.wait(tasks, timeout=opts.warmup + seconds + opts.grace)
        for task in pending:
            task.cancel()  # requests still running after the grace: cut (the server sees a hang-up)
        await asyncio.gather(*pending, return_exceptions=True)
        elapsed = time.monotonic() - t0
        await asyncio.sleep(1.0)
        stop.set()
        await sampler
        health = await report.health_after(http, base, model, opts.max_tokens)
    return report.summarise(outcomes, samples, seconds, elapsed, clients, len(pending), health)


# ---------------------------------------------------------------- a server of our own
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(args, env_extra: dict[str, str], log_path: Path) -> tuple[subprocess.Popen, str]:
    import httpx

    port = _free_port()
    command = [sys.executable, "-m", "tools.serve", args.recipe, "--port", str(port), "--log-level", "warning"]
    command += (["--model", args.model] if args.model else []) + (["--profile", args.profile] if args.profile else [])
    for item in args.overrides or []:
        command += ["--set", item]
    env = {**os.environ, **env_extra}
    log = open(log_path, "w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=Path(__file__).parent.parent)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + args.start_timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited while starting (code {process.returncode}); see {log_path}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the server did not answer /health within {args.start_timeout} s; see {log_path}")
        time.sleep(0.5)


def stop_server(process: subprocess.Popen) -> int | None:
    """Stop it; returns its exit code if it had already exited by itself (a crash), else None."""
    crashed = process.poll()
    if crashed is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return crashed


def phase(args, name: str, clients: int, seconds: float, env_extra: dict[str, str], logs: Path,
          gate: bool = True) -> dict[str, Any]:
    """One load phase; `gate=False`: its checks are reported but do not fail the run (the baseline)."""
    print(f"\n== {name}: {clients} clients x {seconds:g} s" + (f" ({' '.join(f'{k}={v}' for k, v in env_extra.items())})"
                                                              if env_extra else ""), flush=True)
    if args.url:
        result = asyncio.run(run_phase(args.url.rstrip("/"), clients, seconds, args, args.served_model))
        result["server"] = {"url": args.url}
    else:
        log_path = logs / f"{name.replace(' ', '-')}.log"
        process, base = start_server(args, env_extra, log_path)
        try:
            result = asyncio.run(run_phase(base, clients, seconds, args, args.served_model))
        finally:
            crashed = stop_server(process)
        result["server"] = {"env": env_extra, "log": str(log_path), "crashed": crashed}
    result.update(name=name, clients=clients, seconds=seconds, gate=gate)
    result["checks"] = report.checks(result, memory=seconds >= 40)
    print(report.text(result), flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.loadtest", description=__doc__.splitlines()[0])
    parser.add_argument("recipe", nargs="?", default="qwen-personal-qa", help="recipe the server serves (own server)")
    parser.add_argument("--model", default=None, help="MODEL= for the server (default: the embedded model)")
    parser.add_argument("--set", dest="overrides", action="append", default=None, help="SET= for the server")
    parser.add_argument("--profile", default=None)
    parser.add_argument("--url", default=None, help="a running server on this machine instead of starting one")
    parser.add_argument("--served-model", default=None, help="the `model` field to send (default: the server's first)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--max-tokens", type=int, default=24)
    parser.add_argument("--warmup", type=float, default=10, help="seconds of the same load before the measured window")
    parser.add_argument("--grace", type=float, default=20, help="seconds for requests in flight at the end")
    parser.add_argument("--request-timeout", type=float, default=180)
    parser.add_argument("--start-timeout", type=float, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment for the server started here, e.g. SERVE_MAX_QUEUE=4")
    parser.add_argument("--compare", action="store_true", help="also one-at-a-time (SERVE_MAX_BATCH=1) and 8 clients")
    parser.add_argument("--ttft-clients", type=int, default=8, help="clients of the time-to-first-token phase")
    parser.add_argument("--write", default=None, help="write the results into this markdown file's loadtest section "
                                                      "(COMPARE=1 writes bench/results.md)")
    args = parser.parse_args(argv)
    if args.model is None and not args.url:
        args.model = "smollm2-135m-instruct"
    if args.url and urlparse(args.url).hostname not in LOCAL_HOSTS:
        print(f"error: the load test only targets this machine (127.0.0.1); got {args.url}", file=sys.stderr)
        return 2
    if not 1 <= args.clients <= 512 or not 1 <= args.seconds <= 3600:
        print("error: --clients must be 1-512 and --seconds 1-3600", file=sys.stderr)
        return 2
    env = dict(item.split("=", 1) for item in args.env)
    if args.compare and args.url:
        print("error: COMPARE=1 starts its own servers; drop URL=", file=sys.stderr)
        return 2
    logs = Path(tempfile.mkdtemp(prefix="loadtest-"))
    started = time.time()
    load_before = os.getloadavg()
    if args.compare:  # the same queue bound on both sides, room for every client: a comparison of throughput
        env.setdefault("SERVE_MAX_QUEUE", str(max(64, 2 * args.clients)))
    try:
        phases = [phase(args, "batched", args.clients, args.seconds, env, logs)]
        if args.compare:
            phases.append(phase(args, "one at a time", args.clients, args.seconds, {**env, "SERVE_MAX_BATCH": "1"},
                                logs, gate=False))
            phases.append(phase(args, f"batched, {args.ttft_clients} clients", args.ttft_clients,
                                max(10.0, args.seconds / 2), env, logs))
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    run = report.run_record(args, phases, started, load_before, os.getloadavg())
    print(report.verdict(run))
    target = args.write or ("bench/results.md" if args.compare else None)
    if target:
        report.write_markdown(Path(target), run)
        print(f"Written {target} (section `make loadtest`) and {Path(target).with_name('loadtest.json')}")
    return 0 if run["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
