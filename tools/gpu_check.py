"""GPU check: train -> eval -> export one recipe on the embedded model in 4-bit, with memory peaks per stage.

    make gpu-check                                        # on a CUDA machine, offline: ~3-6 minutes
    python -m tools.gpu_check --recipe tinyllama-json-extractor --steps 30

Runs the recipe as written (tinyllama-json-extractor: QLoRA nf4 with double quantization, sample
packing, gradient checkpointing, 8-bit AdamW) on the embedded SmolLM2-135M, through the same entry
points as `make train`, `make eval` and `make export`, in a temporary runs/ and reports/ folder.
After each stage it prints torch.cuda.max_memory_allocated (and reserved) since the stage began,
the process's peak RSS, and the stage's time; it exits 1 when a stage fails. An evaluation below the
recipe's thresholds is expected after a few steps and is reported, not failed.

On a machine without CUDA it says so and exits 0 (nothing to check), so CI can run it anywhere.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from tools.models import EMBEDDED

BUDGET_S = 600  # the check must finish within 10 minutes on one GPU


def _reset_rss_peak() -> None:
    try:  # Linux: writing 5 resets VmHWM to the current RSS
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _rss_peak_gb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return float("nan")


def stages(recipe: str, steps: int, examples: int, quant: str) -> list[tuple[str, Callable[[], int]]]:
    from evaluation.run import main as evaluate
    from tools.export import main as export
    from tools.train import main as train

    overrides = f"max_steps={steps} save_steps=100000 eval_steps=100000 logging_steps=5"
    if importlib.util.find_spec("flash_attn") is None:
        overrides += " flash_attention=false"  # requirements-gpu.txt is optional
    common = [recipe, "--model", EMBEDDED]
    return [("train", lambda: train([*common, "--set", overrides])),
            ("eval", lambda: evaluate([*common, "--set", f"evaluation.max_examples={examples}"])),
            ("export", lambda: export([*common, "--quant", quant, "--prompts", "8"]))]


def run(recipe: str, steps: int, examples: int, quant: str) -> int:
    import torch

    if not torch.cuda.is_available():
        print("gpu-check: no CUDA device on this machine (torch.cuda.is_available() is False), so there is nothing "
              "to check here. Run `make gpu-check` on a machine with an NVIDIA GPU and torch's CUDA build.")
        return 0
    if importlib.util.find_spec("bitsandbytes") is None:
        print("gpu-check: bitsandbytes is not installed; the 4-bit check needs it: run `make setup`", file=sys.stderr)
        return 1
    device = torch.cuda.get_device_properties(0)
    print(f"gpu-check: {device.name}, {device.total_memory / 2**30:.0f} GiB; {recipe} on {EMBEDDED} in 4-bit, "
          f"{steps} steps; torch {torch.__version__}, CUDA {torch.version.cuda}", flush=True)
    rows = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="gpu-check-") as tmp:
        os.environ["LLM_RECIPES_RUNS"] = str(Path(tmp) / "runs")
        os.environ["LLM_RECIPES_REPORTS"] = str(Path(tmp) / "reports")
        for name, stage in stages(recipe, steps, examples, quant):
            print(f"\n######## gpu-check stage: {name}", flush=True)
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()
            _reset_rss_peak()
            start = time.monotonic()
            code = stage()
            seconds = time.monotonic() - start
            report = Path(tmp) / "reports" / recipe / "metrics.json"
            ok = code == 0 or (name == "eval" and report.is_file())  # thresholds unmet after a short run
            rows.append((name, torch.cuda.max_memory_allocated() / 2**30, torch.cuda.max_memory_reserved() / 2**30,
                         _rss_peak_gb(), seconds, "ok" if code == 0 else ("ok (thresholds not met)" if ok else f"FAILED ({code})")))
            if not ok:
                break
    total = time.monotonic() - started
    print("\n| stage | CUDA max allocated (GiB) | CUDA max reserved (GiB) | peak RSS (GiB) | seconds | result |")
    print("|---|---:|---:|---:|---:|---|")
    for name, allocated, reserved, rss, seconds, result in rows:
        print(f"| {name} | {allocated:.2f} | {reserved:.2f} | {rss:.2f} | {seconds:.0f} | {result} |")
    print(f"\ngpu-check: {total:.0f} s in all (budget {BUDGET_S} s)" + ("" if total <= BUDGET_S else ": OVER BUDGET"))
    failed = any(not r[-1].startswith("ok") for r in rows) or len(rows) < 3
    return 1 if failed or total > BUDGET_S else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.gpu_check", description=__doc__.splitlines()[0])
    parser.add_argument("--recipe", default="tinyllama-json-extractor", help="a recipe that trains in 4-bit as written")
    parser.add_argument("--steps", type=int, default=30, help="training steps")
    parser.add_argument("--examples", type=int, default=3, help="evaluation.max_examples (generations per metric)")
    parser.add_argument("--quant", default="q8_0", help="GGUF type for the export stage")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    return run(args.recipe, args.steps, args.examples, args.quant)


if __name__ == "__main__":
    sys.exit(main())
