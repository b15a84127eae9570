"""Shared pieces of the benchmark: interleaved timing, medians, memory readings, machine facts."""
from __future__ import annotations

import os
import platform
import statistics
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

THREADS = int(os.environ.get("BENCH_THREADS", os.cpu_count() or 1))
PACKAGES = ("torch", "transformers", "peft", "trl", "accelerate", "datasets", "bitsandbytes", "gguf", "axolotl")


def set_threads(threads: int = THREADS) -> int:
    import torch

    torch.set_num_threads(threads)
    return torch.get_num_threads()


def interleave(sides: dict[str, Callable[[], float | None]], reps: int, warmup: int = 1,
               label: str = "") -> dict[str, list[float]]:
    """Run A B A B ... `warmup` + `reps` rounds; each call returns its own measurement (or None to
    use its wall time). Returns the measured values of the `reps` rounds for each side."""
    from tqdm import tqdm

    values: dict[str, list[float]] = {name: [] for name in sides}
    rounds = tqdm(range(warmup + reps), desc=label or "bench", leave=False, unit="round")
    for index in rounds:
        for name, fn in sides.items():
            start = time.perf_counter()
            value = fn()
            seconds = time.perf_counter() - start
            if index >= warmup:
                values[name].append(seconds if value is None else float(value))
    return values


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def status_mb() -> dict[str, float]:
    """VmRSS and VmHWM (peak) of this process in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            key, value = line.split(":", 1)
            out[key] = int(value.split()[0]) / 1024 * 1.048576  # kB -> MB (1e6 bytes)
    return out


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False where not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def machine(threads: int) -> dict[str, Any]:
    from tools.hardware import cpu_flags, cpu_name

    flags = cpu_flags()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
        "torch_threads": threads,
        "bf16_flags": sorted(f for f in flags if "bf16" in f or f.startswith("amx")),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1),
        "load_average_at_start": [round(x, 2) for x in load] if load else None,
        "python": platform.python_version(),
        "versions": versions(),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def quiet():
    """Context manager silencing stdout/stderr of noisy library calls (progress bars, prints)."""
    import contextlib
    import io

    stack = contextlib.ExitStack()
    stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
    stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
    return stack
