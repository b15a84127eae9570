"""The load test's figures and checks: summaries of one phase, the verdict, bench/results.md's section.

tools/loadtest.py drives the clients; this module turns what they saw (and the server's /metrics)
into numbers, checks them, and writes the `make loadtest` section of bench/results.md between its
markers (bench/run.py keeps that section when it rewrites the file) and bench/loadtest.json.
"""
from __future__ import annotations

import asyncio
import collections
import json
import os
import platform
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any
from tools import atomic
from tools.hardware import cpu_name

BEGIN = "<!-- loadtest:begin: written by `make loadtest ... COMPARE=1` (tools/loadtest.py); bench/run.py keeps it -->"
END = "<!-- loadtest:end -->"
WELL_FORMED = ("stream", "plain", "api", "hangup")
MEMORY_WINDOW_S = 20.0


def parse_metrics(text: str) -> dict[str, float]:
    """Prometheus text -> {'name{labels}': value} (comments skipped)."""
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.rpartition(" ")
            try:
                values[key] = float(value)
            except ValueError:
                continue
    return values


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile; None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


async def health_after(http, base: str, model: str | None, max_tokens: int) -> dict[str, Any]:
    """Is the server well after the load: /health, the queue drained, one more request answered."""
    out: dict[str, Any] = {"ok": False}
    deadline = time.monotonic() + 20
    try:
        while True:
            response = await http.get(f"{base}/health", timeout=10)
            out["health_status"], body = response.status_code, response.json()
            out["queue"], out["running"] = body.get("queue"), body.get("running")
            if response.status_code != 200 or not body.get("ok"):
                break
            if not body.get("queue") and not body.get("running") or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        request = {"messages": [{"role": "user", "content": "hola"}], "max_tokens": min(4, max_tokens)}
        if model:
            request["model"] = model
        answer = await http.post(f"{base}/v1/chat/completions", json=request, timeout=120)
        out["request_status"] = answer.status_code
        out["hang_up_probe"] = await _hang_up_probe(http, base, model)
        metrics = parse_metrics((await http.get(f"{base}/metrics", timeout=10)).text)
    except Exception as error:  # noqa: BLE001 - an unreachable server is the finding
        out["error"] = f"{type(error).__name__}: {error}"[:200]
        return out
    out["cancelled"] = int(metrics.get("serve_tokens_after_cancel_count", 0))
    out["cancelled_within_one_step"] = int(metrics.get('serve_tokens_after_cancel_bucket{le="1"}', 0))
    out["server_5xx_but_503"] = int(sum(v for k, v in metrics.items() if k.startswith("serve_requests_total")
                                        and 'status="5' in k and 'status="503"' not in k))
    out["ok"] = (out["health_status"] == 200 and not out["queue"] and not out["running"]
                 and out["request_status"] == 200)
    return out


async def _hang_up_probe(http, base: str, model: str | None) -> dict[str, Any]:
    """A streamed request for a long answer, hung up at its first piece: the server must count one
    cancelled generation (serve_tokens_after_cancel) that stopped within one decoding step."""
    entries = (await http.get(f"{base}/v1/models", timeout=10)).json()["data"]
    entry = next((e for e in entries if e["id"] == model), entries[0])
    before = parse_metrics((await http.get(f"{base}/metrics", timeout=10)).text)
    body = {"model": entry["id"], "max_tokens": min(256, entry["max_tokens"]), "stream": True,
            "messages": [{"role": "user", "content": "Cuenta del 1 al 300, separando los números con comas."}]}
    async with http.stream("POST", f"{base}/v1/chat/completions", json=body, timeout=120) as response:
        async for line in response.aiter_lines():
            if line.startswith("data: {") and any(c.get("delta", {}).get("content")
                                                  for c in json.loads(line[6:]).get("choices", [])):
                break  # first piece: hang up
    key, within = "serve_tokens_after_cancel_count", 'serve_tokens_after_cancel_bucket{le="1"}'
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        after = parse_metrics((await http.get(f"{base}/metrics", timeout=10)).text)
        if after.get(key, 0) > before.get(key, 0):
            return {"cancelled": True, "within_one_step": after.get(within, 0) - before.get(within, 0) == 1}
        await asyncio.sleep(0.2)
    return {"cancelled": False, "within_one_step": False}


def _window_mean(samples: list[dict[str, float]], key: str, start: float, end: float) -> float | None:
    values = [s[key] for s in samples if key in s and start <= s["t"] <= end]
    return sum(values) / len(values) if values else None


def summarise(outcomes: list, samples: list[dict[str, float]], seconds: float, elapsed: float, clients: int,
              cut: int, health: dict[str, Any]) -> dict[str, Any]:
    """Statuses and problems count every request (warm-up included); the figures count the requests
    started in the measured window [0, seconds] and the samples taken in it."""
    statuses = collections.Counter(o.status for o in outcomes)
    by_kind = {kind: dict(collections.Counter(o.status for o in outcomes if o.kind == kind))
               for kind in ("stream", "plain", "api", "hangup", "malformed")}
    measured = [o for o in outcomes if o.started >= 0]
    ended = [o for o in outcomes if o.status == 200 and 0 <= o.started + o.seconds <= seconds]  # steady state
    in_window = [o for o in ended if o.tokens > 0 and o.kind != "hangup"]
    answered = [o for o in measured if o.status == 200 and o.kind in ("stream", "plain", "api")]
    ttfts = [o.ttft for o in measured if o.status == 200 and o.ttft is not None]
    counter = "serve_generated_tokens_total"
    during = [s for s in samples if counter in s and 0 <= s["t"] <= seconds + 0.5]
    server_rate = ((during[-1][counter] - during[0][counter]) / (during[-1]["t"] - during[0]["t"])
                   if len(during) > 1 and during[-1]["t"] > during[0]["t"] else None)
    window = min(MEMORY_WINDOW_S, seconds / 3)
    rss = "process_resident_memory_bytes"
    first, last = _window_mean(samples, rss, 0, window), _window_mean(samples, rss, seconds - window, seconds)
    problems = collections.Counter(o.problem for o in outcomes if o.problem)

    def rounded(value: float | None, digits: int = 2) -> float | None:
        return None if value is None else round(value, digits)

    return {
        "requests": len(outcomes), "requests_measured": len(measured),
        "statuses": {str(k): v for k, v in sorted(statuses.items())}, "by_kind": by_kind,
        "cut_at_the_end": cut, "elapsed_s": round(elapsed, 1),
        "tokens_per_s": rounded(sum(o.tokens for o in in_window) / seconds),
        "tokens_per_s_server": rounded(server_rate),
        "answers_per_s": rounded(len([o for o in ended if o.kind in ("stream", "plain", "api")]) / seconds),
        "latency_p50_s": rounded(percentile([o.seconds for o in answered], 50)),
        "latency_p95_s": rounded(percentile([o.seconds for o in answered], 95)),
        "ttft_p50_s": rounded(percentile(ttfts, 50)), "ttft_p95_s": rounded(percentile(ttfts, 95)),
        "queue_depth_max": int(max((s.get("serve_queue_depth", 0) for s in samples), default=0)),
        "batch_rows_max": int(max((s.get("serve_batch_rows", 0) for s in samples), default=0)),
        "memory_mb_first": rounded(first / 1e6 if first else None, 1),
        "memory_mb_last": rounded(last / 1e6 if last else None, 1),
        "memory_window_s": round(window, 1),
        "memory_change": rounded((last - first) / first if first and last else None, 4),
        "memory_mb_every_5_s": [round(s[rss] / 1e6) for s in samples if rss in s and 0 <= s["t"] <= seconds][::5],
        "five_xx_but_503": sum(v for k, v in statuses.items() if k >= 500 and k != 503),
        "problems": dict(problems.most_common(10)), "health_after": health,
    }


def checks(result: dict[str, Any], memory: bool) -> dict[str, bool]:
    kinds = result["by_kind"]
    health = result["health_after"]
    out = {
        "no 5xx but 503": result["five_xx_but_503"] == 0 and health.get("server_5xx_but_503", 0) == 0,
        "503s carry Retry-After and the error shape": not any("503" in p for p in result["problems"]),
        "malformed requests got 4xx": all(400 <= int(s) < 500 for s in kinds["malformed"]),
        "well-formed requests got 200 or 503": all(int(s) in (200, 503) for k in WELL_FORMED for s in kinds[k]),
        "no broken stream or connection error": not any("503" not in p for p in result["problems"]),
        "healthy after the load": bool(health.get("ok")),
        "cancelled generations stopped within one step": health.get("cancelled", 0)
        == health.get("cancelled_within_one_step", 0),
        "a hang-up mid-stream cancelled its generation within one step":
            health.get("hang_up_probe", {}).get("within_one_step", False),
    }
    if "crashed" in result.get("server", {}):
        out["server did not crash"] = result["server"]["crashed"] is None
    if memory:
        change = result["memory_change"]
        out["memory flat within 10%"] = change is not None and abs(change) <= 0.10
    return out


def text(result: dict[str, Any]) -> str:
    def s(value: Any, unit: str = "") -> str:
        return "n/a" if value is None else f"{value:g}{unit}" if isinstance(value, (int, float)) else str(value)

    lines = [f"  requests {result['requests']}, cut at the end {result['cut_at_the_end']}; statuses {result['statuses']}",
             f"  by kind {result['by_kind']}",
             f"  tokens/s {s(result['tokens_per_s'])} (answers completed within the window), "
             f"{s(result['tokens_per_s_server'])} (server counter); answers/s {s(result['answers_per_s'])}",
             f"  latency p50 {s(result['latency_p50_s'], ' s')}, p95 {s(result['latency_p95_s'], ' s')}; "
             f"time to first token p50 {s(result['ttft_p50_s'], ' s')}, p95 {s(result['ttft_p95_s'], ' s')}",
             f"  queue depth max {s(result['queue_depth_max'])}, rows decoded together max {s(result['batch_rows_max'])}; "
             f"memory {s(result['memory_mb_first'])} MB (first {result['memory_window_s']:g} s) -> "
             f"{s(result['memory_mb_last'])} MB (last), change {s(result['memory_change'])}",
             f"  after: {result['health_after']}"]
    if result["problems"]:
        lines.append(f"  problems: {result['problems']}")
    for name, ok in result["checks"].items():
        lines.append(f"  [{'ok' if ok else 'FAILED' if result.get('gate', True) else 'missed (reported)'}] {name}")
    return "\n".join(lines)


def run_record(args, phases: list[dict[str, Any]], started: float, load_before, load_after) -> dict[str, Any]:
    versions = {}
    for package in ("torch", "transformers", "peft", "fastapi", "uvicorn"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    run: dict[str, Any] = {
        "date": datetime.fromtimestamp(started, timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpu": cpu_name(), "cores": os.cpu_count(), "python": platform.python_version(),
                    "torch_threads_env": os.environ.get("OMP_NUM_THREADS"),
                    "load_average_before": [round(x, 2) for x in load_before],
                    "load_average_after": [round(x, 2) for x in load_after], "versions": versions},
        "settings": {"recipe": args.recipe, "model": args.model, "set": args.overrides, "url": args.url,
                     "clients": args.clients, "seconds": args.seconds, "max_tokens": args.max_tokens,
                     "grace_s": args.grace, "seed": args.seed, "server_env": args.env},
        "phases": phases, "duration_s": round(time.time() - started, 1)}
    gated = all(ok for p in phases if p.get("gate", True) for ok in p["checks"].values())
    if len(phases) >= 3:
        batched, single, few = phases[0], phases[1], phases[2]
        ratio = (batched["tokens_per_s"] / single["tokens_per_s"]) if single["tokens_per_s"] else None
        ratio_server = (batched["tokens_per_s_server"] / single["tokens_per_s_server"]
                        if batched["tokens_per_s_server"] and single["tokens_per_s_server"] else None)
        run["comparison"] = {"tokens_per_s_ratio": None if ratio is None else round(ratio, 2),
                             "tokens_per_s_ratio_server": None if ratio_server is None else round(ratio_server, 2),
                             "ttft_p95_s_at_few_clients": few["ttft_p95_s"], "few_clients": few["clients"]}
        run["comparison"]["checks"] = {
            "batched tokens/s >= 3x one at a time": ratio is not None and ratio >= 3,
            f"p95 time to first token <= 5 s at {few['clients']} clients":
                few["ttft_p95_s"] is not None and few["ttft_p95_s"] <= 5}
        gated = gated and all(run["comparison"]["checks"].values())
    run["passed"] = gated
    return run


def verdict(run: dict[str, Any]) -> str:
    lines = [""]
    if "comparison" in run:
        c = run["comparison"]
        lines.append(f"Batched / one at a time: {c['tokens_per_s_ratio']}x tokens/s (answers), "
                     f"{c['tokens_per_s_ratio_server']}x (server counter); p95 time to first token at "
                     f"{c['few_clients']} clients: {c['ttft_p95_s_at_few_clients']} s")
        lines += [f"  [{'ok' if ok else 'FAILED'}] {name}" for name, ok in c["checks"].items()]
    lines.append("PASSED" if run["passed"] else "FAILED: see the checks above")
    return "\n".join(lines)



def markdown(run: dict[str, Any]) -> str:
    m, st = run["machine"], run["settings"]
    phases = run["phases"]
    rows = [("tokens/s, answers completed within the window", "tokens_per_s"),
            ("tokens/s, the server's counter", "tokens_per_s_server"), ("answers/s", "answers_per_s"),
            ("latency p50 / p95 (s)", ("latency_p50_s", "latency_p95_s")),
            ("time to first token p50 / p95 (s), streamed", ("ttft_p50_s", "ttft_p95_s")),
            ("requests (cut at the end)", ("requests", "cut_at_the_end")), ("statuses", "statuses"),
            ("5xx other than 503", "five_xx_but_503"), ("rows decoded together, max", "batch_rows_max"),
            ("queue depth, max", "queue_depth_max"), ("memory MB, first / last window", ("memory_mb_first", "memory_mb_last")),
            ("healthy after", None), ("checks", "checks")]

    def cell(phase: dict[str, Any], key) -> str:
        if key is None:
            return "yes" if phase["health_after"].get("ok") else "**no**"
        if isinstance(key, tuple):
            return " / ".join(str(phase[k]) for k in key)
        if key == "statuses":
            return ", ".join(f"{k}: {v}" for k, v in phase["statuses"].items())
        if key == "checks":
            failed = [n for n, ok in phase["checks"].items() if not ok]
            return "all ok" if not failed else ("**failed**: " if phase.get("gate", True) else "missed: ") + "; ".join(failed)
        return str(phase[key])

    command = (f"make loadtest CLIENTS={st['clients']} SECONDS={st['seconds']:g} COMPARE=1"
               if len(phases) >= 3 else f"python -m tools.loadtest --clients {st['clients']} --seconds {st['seconds']:g}")
    lines = [BEGIN, "## Serving under load (`make loadtest`)", "",
             f"Measured {run['date']} on {m['cpu']}, {m['cores']} cores, OMP_NUM_THREADS={m['torch_threads_env']}; "
             f"load average before {m['load_average_before']}, after {m['load_average_after']}. `{command}`: recipe "
             f"`{st['recipe']}` on `{st['model']}`, {st['max_tokens']} max tokens per request, mixed streamed / plain / "
             f"/api/chat / malformed / hung-up requests (tools/loadtest.py). Phases one after another, each with a "
             f"fresh server; total {run['duration_s']:g} s.", "",
             "| | " + " | ".join(f"{p['name']} ({p['clients']} clients x {p['seconds']:g} s)" for p in phases) + " |",
             "|---|" + "---|" * len(phases)]
    lines += [f"| {label} | " + " | ".join(cell(p, key) for p in phases) + " |" for label, key in rows]
    if "comparison" in run:
        c = run["comparison"]
        lines += ["", f"**Batched / one at a time: {c['tokens_per_s_ratio']}x tokens/s** (target >= 3x; "
                      f"{c['tokens_per_s_ratio_server']}x by the server's counter). **p95 time to first token at "
                      f"{c['few_clients']} clients: {c['ttft_p95_s_at_few_clients']} s** (target <= 5 s). "
                      + ("All checks passed." if run["passed"] else "**Some checks failed** (above).")]
    lines += ["", "Every figure of this run, with the versions: [loadtest.json](loadtest.json). How to read them: "
              "*Serving under load* in the notes below.", END]
    return "\n".join(lines)


def write_markdown(path: Path, run: dict[str, Any]) -> None:
    """Replace the file's loadtest section (or add it before the notes, else at the end)."""
    section = markdown(run)
    text_now = path.read_text() if path.is_file() else ""
    if BEGIN in text_now and END in text_now:
        before, rest = text_now.split(BEGIN, 1)
        updated = before + section + rest.split(END, 1)[1]
    elif "## How to read these numbers" in text_now:
        before, after = text_now.split("## How to read these numbers", 1)
        updated = before + section + "\n\n## How to read these numbers" + after
    else:
        updated = text_now.rstrip() + ("\n\n" if text_now else "") + section + "\n"
    atomic.write_text(path, updated)
    path.with_name("loadtest.json").write_text(json.dumps(run, indent=1, default=str) + "\n")
