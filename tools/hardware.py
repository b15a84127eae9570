"""Device and precision, chosen from the hardware and the recipe, never from a library default.

`bf16: auto` picks the fastest precision that is safe on the hardware at hand:
- a CPU with native bf16 (avx512_bf16 or AMX flags): bf16, `make bench` item 3 measured a
  training step ~2.4x faster than fp32 there;
- a CPU without them: fp32, since bf16 is emulated there and a step is ~10x slower (measured:
  40 s/step vs 3.8 s/step); an explicit `bf16: true` is then an error with advice;
- CUDA: bf16 on Ampere or newer, else fp16 when the recipe asks for it, else fp32; Apple mps: bf16.
Training and inference (eval, chat, serve) follow the same rule, so a model is asked in the
precision it was trained in.
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
    if bf16 == "auto" and hw.bf16:
        why = {"cpu": " (avx512_bf16/AMX; ~2.4x faster than fp32 in bench item 3)"}.get(hw.device, "")
        return Precision("bf16", f"bf16: auto and {hw.name} has native bf16{why}", tuple(notes))
    if bf16 == "auto" and hw.device == "cpu":
        return Precision("fp32", f"bf16: auto, but {hw.name} has no native bf16 (emulated bf16 is ~10x slower)",
                         tuple(notes))
    reason = "bf16: auto, but this hardware has no native bf16" if bf16 == "auto" else "bf16: false"
    return Precision("fp32", reason, tuple(notes))


# Prompts generated together by `make eval` when `evaluation.batch_size` is unset. On 2 CPU cores a
# decoding step for 32 rows costs ~2.5x one for a single row (bench/notes.md, serving: 7.9 / 37 / 66
# tokens/s at 1 / 8 / 32 rows), so the CPU batch is as wide as the GPU's: personal QA's evaluation went
# from 147 s at 8 to 124 s at 32 (its base model's 64-token answers are most of it).
GENERATION_BATCH = {"cpu": 32, "mps": 16, "cuda": 32}


def default_generation_batch(device: str) -> int:
    return GENERATION_BATCH.get(device, 8)


def describe(hw: Hardware) -> str:
    extra = f", {hw.gpu_memory_gb:.0f} GiB" if hw.gpu_memory_gb else ""
    return f"{hw.device} ({hw.name}{extra}; bf16 {'yes' if hw.bf16 else 'no'}, fp16 {'yes' if hw.fp16 else 'no'})"


@dataclass(frozen=True)
class InferencePlan:
    """How eval, chat and serve load a recipe's model on this hardware, and why."""

    device: str
    precision: Precision
    load_in_4bit: bool
    reason: str

    def describe(self) -> str:
        weights = "4-bit nf4 weights" if self.load_in_4bit else f"{self.precision.name} weights"
        return f"{self.device}, {weights} ({self.reason})"


def inference_precision(config: dict[str, Any], hw: Hardware) -> Precision:
    """The training rule (`choose_precision`), so a model is asked in the precision it was trained in;
    a GPU without bf16 answers in fp16 rather than fp32 (half the memory, its native speed)."""
    try:
        precision = choose_precision(config, hw)
    except PrecisionError:
        return Precision("fp32", f"{hw.name} has no native bf16; answering in fp32")
    if hw.device == "cuda" and precision.name == "fp32" and hw.fp16:
        return Precision("fp16", f"{hw.name} has no bf16; fp16 for inference", precision.notes)
    return precision


def available_memory_gb(hw: Hardware) -> float | None:
    """GPU memory on CUDA, else the RAM the kernel says is available (None when unknown)."""
    if hw.device == "cuda":
        return hw.gpu_memory_gb
    return meminfo_gib("MemAvailable")


def meminfo_gib(key: str) -> float | None:
    """A /proc/meminfo figure (MemTotal, MemAvailable) in GiB; None where there is none."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def inference_plan(config: dict[str, Any], hw: Hardware, parameters: int | None = None,
                   load_in_4bit: bool | None = None) -> InferencePlan:
    """Device, precision and quantization for eval/chat/serve (`load_in_4bit`, or the recipe's
    `generation.load_in_4bit`, forces the choice).

    On CUDA a recipe trained in 4-bit (`load_in_4bit: true`) is answered in 4-bit, as trained: an
    8B model then needs ~5 GB instead of ~16 GB. On CPU and mps, bitsandbytes' 4-bit kernels are
    slower than full precision (about 2x on CPU, tools/backends/trl.py), so 4-bit is used only when
    the full-precision weights (`parameters` of them) would not fit in the memory available.
    """
    precision = inference_precision(config, hw)
    if load_in_4bit is None:
        load_in_4bit = (config.get("generation") or {}).get("load_in_4bit")
    if load_in_4bit is not None:
        return InferencePlan(hw.device, precision, load_in_4bit,
                             "4-bit asked for" if load_in_4bit else "full precision asked for")
    trained_4bit = bool(config.get("load_in_4bit"))
    if hw.device == "cuda" and trained_4bit:
        return InferencePlan(hw.device, precision, True, "the recipe trains in 4-bit; answering as trained")
    memory = available_memory_gb(hw)
    if parameters is not None and memory is not None:
        full_gb = parameters * (2 if precision.name in ("bf16", "fp16") else 4) / 2**30
        if full_gb > 0.8 * memory:
            return InferencePlan(hw.device, precision, True,
                                 f"{full_gb:.1f} GB of {precision.name} weights would not fit in {memory:.1f} GB")
    why = "4-bit kernels are slower than full precision here" if trained_4bit else "the recipe trains in full precision"
    return InferencePlan(hw.device, precision, False, why)


def bnb_4bit_config(config: dict[str, Any], precision: Precision):
    """The recipe's 4-bit quantization for training and inference alike: nf4 with double
    quantization unless `bnb_config_kwargs` says otherwise, computing in the chosen precision."""
    from transformers import BitsAndBytesConfig

    bnb = config.get("bnb_config_kwargs") or {}
    return BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type=bnb.get("bnb_4bit_quant_type", "nf4"),
                              bnb_4bit_use_double_quant=bnb.get("bnb_4bit_use_double_quant", True),
                              bnb_4bit_compute_dtype=precision.torch_dtype, bnb_4bit_quant_storage=precision.torch_dtype)
