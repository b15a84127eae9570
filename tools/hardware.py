"""Device and precision, chosen from the hardware and the recipe, never from a library default.

On a CPU without bf16 instructions, bf16 autocast is emulated and a training step is ~10x
slower than fp32 (measured: 40 s/step vs 3.8 s/step), so `bf16: auto` resolves to fp32 there
and an explicit `bf16: true` is an error with advice.

On a CPU with avx512_bf16 or AMX the opposite holds: `make bench` item 3 measured bf16 ~2.4x
faster than fp32 there (see bench/results.md). `bf16: auto` still picks fp32 on every CPU: the
CPU profiles, committed reports and tests are fp32 and switching their numerics is a change of
its own; on such a CPU, `SET="bf16=true"` trains in bf16 today.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


class PrecisionError(ValueError):
    pass


@dataclass(frozen=True)
class Hardware:
    device: str  # "cuda", "mps" or "cpu"
    name: str
    bf16: bool
    fp16: bool
    gpu_memory_gb: float | None = None


def cpu_flags() -> set[str]:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


def detect() -> Hardware:
    import torch

    if torch.cuda.is_available():
        props = torch.cuda.get_device_properties(0)
        return Hardware("cuda", props.name, torch.cuda.is_bf16_supported(), True, props.total_memory / 2**30)
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return Hardware("mps", "Apple MPS", True, False)
    flags = cpu_flags()
    native_bf16 = bool({"avx512_bf16", "amx_bf16"} & flags)
    return Hardware("cpu", cpu_name(), native_bf16, False)


@dataclass(frozen=True)
class Precision:
    name: str  # "bf16", "fp16" or "fp32"
    reason: str
    notes: tuple[str, ...] = ()

    @property
    def torch_dtype(self):
        import torch

        return {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[self.name]


def choose_precision(config: dict[str, Any], hw: Hardware) -> Precision:
    """The training precision for a recipe on this hardware."""
    bf16 = config.get("bf16", "auto")
    fp16 = config.get("fp16", False)
    notes: list[str] = []
    if bf16 is True:
        if not hw.bf16:
            raise PrecisionError(
                f"bf16: true, but {hw.name} ({hw.device}) has no native bfloat16; emulated bf16 is about "
                f"10x slower than fp32 here. Use `bf16: auto` (picks bf16 only where supported) or "
                f'SET="bf16=auto".'
            )
        return Precision("bf16", "bf16: true and the hardware supports it")
    if fp16:
        if hw.device == "cuda":
            if hw.bf16 and bf16 == "auto":
                notes.append("fp16: true on a GPU that also does bf16; keeping fp16 as the recipe asks")
            return Precision("fp16", "fp16: true on CUDA", tuple(notes))
        notes.append(f"fp16: true is CUDA-only; skipped on {hw.device}")
    if bf16 == "auto" and hw.bf16 and hw.device in ("cuda", "mps"):
        return Precision("bf16", f"bf16: auto and {hw.name} supports bf16", tuple(notes))
    if bf16 == "auto" and hw.device == "cpu":
        if hw.bf16:
            notes.append(f"{hw.name} has native bf16: SET=\"bf16=true\" may train faster (2.4x on the CPU of "
                         "bench/results.md item 3; `make bench ONLY=3` measures this one)")
        return Precision("fp32", "bf16: auto picks fp32 on CPU (see tools/hardware.py)", tuple(notes))
    reason = "bf16: auto, but this hardware has no native bf16" if bf16 == "auto" else "bf16: false"
    return Precision("fp32", reason, tuple(notes))


def describe(hw: Hardware) -> str:
    extra = f", {hw.gpu_memory_gb:.0f} GiB" if hw.gpu_memory_gb else ""
    return f"{hw.device} ({hw.name}{extra}; bf16 {'yes' if hw.bf16 else 'no'}, fp16 {'yes' if hw.fp16 else 'no'})"
