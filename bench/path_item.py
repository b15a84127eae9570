"""Bench item 13: `make plan`'s stages after training against measured peaks on the embedded model.

Merge (tools/merge.py's streaming merge, bf16), GGUF conversion (convert-hf-to-gguf, f16) and
quantization (llama.cpp's quantizer, q4_k_m), each measured as the growth of anonymous memory over
the process's own baseline: the plan's working term (tools/plan_path.py, without its stated process
constant) over the measured growth. File pages read through mmap are page cache and not counted.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from tools.models import EMBEDDED
from tools.paths import ROOT

# A fresh process that loads llama-cpp-python, notes its baseline, quantizes, and prints its peak.
_QUANTIZE = r"""
import ctypes, sys, llama_cpp
def rss(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024
open("/proc/self/clear_refs", "w").write("5")
before = rss("VmRSS:")
params = llama_cpp.llama_model_quantize_default_params()
params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q4_K_M
params.nthread = 2
code = llama_cpp.llama_model_quantize(sys.argv[1].encode(), sys.argv[2].encode(), ctypes.byref(params))
print("RESULT", code, before, rss("VmHWM:"))
"""


def _anon(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def convert_anon_growth(folder: Path, target: Path) -> dict[str, float]:
    """Run convert-hf-to-gguf (f16) on `folder`, sampling the child's anonymous memory every 20 ms:
    the peak, and the level once it has written every tensor (its own baseline)."""
    from tools.export import converter_command

    samples: list[int] = []
    proc = subprocess.Popen(converter_command() + [str(folder), "--outfile", str(target), "--outtype", "f16"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            samples.append(_anon(proc.pid))
            time.sleep(0.02)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    code = proc.wait()
    done.set()
    thread.join()
    if code != 0:
        raise RuntimeError(f"convert-hf-to-gguf failed (exit {code}) on {folder}")
    alive = [s for s in samples if s]
    tail = alive[-max(3, len(alive) // 20):]  # the last samples: every tensor written, only the process left
    return {"peak": max(alive), "baseline": min(tail), "growth": max(alive) - min(tail)}


def quantize_growth(source: Path, target: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", _QUANTIZE, str(source), str(target)], capture_output=True, text=True)
    line = [l for l in result.stdout.splitlines() if l.startswith("RESULT ")]
    if not line or line[-1].split()[1] != "0":
        raise RuntimeError(f"quantize failed: {result.stderr[-800:]}")
    _, _, before, peak = line[-1].split()
    return {"baseline": int(before), "peak": int(peak), "growth": int(peak) - int(before)}


def measure_path() -> dict[str, Any]:
    """Plan vs measured for merge (bf16), convert (f16) and quantize (q4_k_m) on the embedded model."""
    from bench.export_items import merge_peak, random_adapter
    from tools import plan_path
    from tools.gguf_quant import llama_cpp_available
    from tools.models import resolve_model
    from tools.plan import load_facts, planned_settings
    from tools.recipe import load_recipe

    recipe = load_recipe("qwen-personal-qa", model=EMBEDDED, check_paths=False)
    facts = load_facts(EMBEDDED)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs_root = Path(tmp) / "runs"
        random_adapter(runs_root)
        merged = merge_peak(runs_root, "bf16")
        # random_adapter's LoRA: r 8 on q_proj and v_proj
        settings = replace(planned_settings(recipe), lora_r=8, lora_target_modules=("q_proj", "v_proj"),
                           lora_target_linear=False)
        stage = plan_path.merge(facts, settings, facts.stored_dtype, 2)
        planned = stage.bytes - plan_path.MERGE_PROCESS_BYTES
        out["merge"] = {"planned_mb": round(planned / 2**20), "measured_mb": merged["growth_mb"],
                        "ratio": planned / (merged["growth_mb"] * 2**20)}
        sources = {"float32": resolve_model(EMBEDDED).path, "bfloat16": runs_root / "qwen-personal-qa" / "merged"}
        for dtype, folder in sources.items():
            converted = convert_anon_growth(folder, Path(tmp) / f"{dtype}.f16.gguf")
            planned = plan_path.convert(facts, 2.0, dtype).bytes - plan_path.CONVERT_PROCESS_BYTES
            out[f"convert {dtype}"] = {
                "planned_mb": round(planned / 2**20), "measured_mb": round(converted["growth"] / 2**20),
                "ratio": planned / converted["growth"], "process_mb": round(converted["baseline"] / 2**20),
                "process_constant_mb": round(plan_path.CONVERT_PROCESS_BYTES / 2**20)}
        if llama_cpp_available():
            quantized = quantize_growth(Path(tmp) / "float32.f16.gguf", Path(tmp) / "q4.gguf")
            stage = plan_path.quantize(facts, "q4_k_m")
            planned = stage.bytes - plan_path.QUANTIZE_PROCESS_BYTES
            out["quantize"] = {"planned_mb": round(planned / 2**20), "measured_mb": round(quantized["growth"] / 2**20),
                               "ratio": planned / quantized["growth"]}
    return out


def item13_path() -> dict[str, Any]:
    stages = measure_path()
    ratios = [s["ratio"] for s in stages.values()]
    worst = max(ratios, key=lambda r: abs(r - 1))
    return {"name": "plan after training: estimate / measured growth (merge, convert, quantize; embedded model)",
            "ratio": worst, "target": "[0.75, 1.33]", "passed": all(0.75 <= r <= 1.33 for r in ratios), **stages}


if __name__ == "__main__":
    import json

    os.chdir(ROOT)
    print(json.dumps(measure_path(), indent=1))
