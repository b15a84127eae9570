"""Bench items 10-11: GGUF k-quant sizes and quality against f16, and the merge's peak RAM (CPU, embedded model)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tools.models import EMBEDDED
from tools.paths import ROOT

# Runs in a fresh process: imports everything the merge uses, loads the tokenizer once, resets the peak
# (VmHWM) and measures the merge alone. Growth = peak - RSS just before the merge.
_MERGE_PEAK = r"""
import json, os, sys, time
from pathlib import Path

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024

from tools import merge, runs, model_card, generation, prompting  # noqa: F401
from tools.models import EMBEDDED, resolve_model
from tools.recipe import load_recipe
import transformers, torch, safetensors  # noqa: F401
recipe = load_recipe("qwen-personal-qa", model=EMBEDDED, check_paths=False)
base = resolve_model(EMBEDDED)
paths = runs.for_recipe(recipe)
merge.adapter_tokenizer(paths, base, recipe.config)
mode = sys.argv[1]
Path("/proc/self/clear_refs").write_text("5")
before = status("VmRSS:")
start = time.monotonic()
if mode == "peft-fp32":  # how tools/export.py merged before: PEFT's merge_and_unload on a float32 base
    merge._peft_merge(base, paths, Path(sys.argv[2]), "fp32", 0)
else:
    merge.merge(recipe, base, paths, "apache-2.0", mode)
seconds = time.monotonic() - start
print("RESULT " + json.dumps({"before": before, "peak": status("VmHWM:"), "seconds": seconds}))
"""


def merge_peak(runs_root: Path, mode: str) -> dict[str, Any]:
    """Peak RSS of one merge (mode bf16 | fp16 | fp32 | peft-fp32) in a fresh process, against the merged size on disk."""
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LLM_RECIPES_RUNS": str(runs_root)}
        result = subprocess.run([sys.executable, "-c", _MERGE_PEAK, mode, scratch], cwd=ROOT, env=env,
                                capture_output=True, text=True)
        line = [l for l in result.stdout.splitlines() if l.startswith("RESULT ")]
        if result.returncode != 0 or not line:
            raise RuntimeError(f"merge ({mode}) failed: {result.stderr[-1500:]}")
        facts = json.loads(line[-1][len("RESULT "):])
        folder = Path(scratch) if mode == "peft-fp32" else runs_root / "qwen-personal-qa" / "merged"
        merged = sum(p.stat().st_size for p in folder.glob("*.safetensors"))
    growth = facts["peak"] - facts["before"]
    return {"mode": mode, "merged_bytes": merged, "rss_before_mb": round(facts["before"] / 2**20),
            "peak_rss_mb": round(facts["peak"] / 2**20), "growth_mb": round(growth / 2**20),
            "growth_over_merged": growth / merged, "peak_over_merged": facts["peak"] / merged,
            "seconds": round(facts["seconds"], 1)}


def random_adapter(runs_root: Path) -> None:
    """A real PEFT LoRA (r8 on q/v, nonzero B) for qwen-personal-qa on the embedded model, saved where
    `make train` saves one under `runs_root`."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from tools.models import load_tokenizer, resolve_model

    base = resolve_model(EMBEDDED)
    torch.manual_seed(0)
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(base.path, dtype=torch.float32),
                           LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], init_lora_weights=False,
                                      task_type="CAUSAL_LM"))
    target = runs_root / "qwen-personal-qa" / "adapter"
    model.save_pretrained(target)
    load_tokenizer(base).save_pretrained(target)


def item11_merge_ram() -> dict[str, Any]:
    """Peak RSS growth of the streaming merge / merged size on disk, with PEFT's float32 merge for comparison."""
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs_root = Path(tmp) / "runs"
        random_adapter(runs_root)
        for mode in ("bf16", "fp32", "peft-fp32"):
            rows[mode] = merge_peak(runs_root, mode)
    worst = max(rows[m]["growth_over_merged"] for m in ("bf16", "fp32"))
    return {"name": "merge: peak RSS growth / merged size on disk (streaming, bf16 and fp32)", "ratio": worst,
            "target": "<= 1.3", "passed": worst <= 1.3, "merges": rows,
            "note": "growth = VmHWM - RSS just before the merge (after imports and the tokenizer, ~fixed per process)"}


def item10_kquants(rows: int = 24) -> dict[str, Any]:
    """GGUF types of the embedded model: size / f16, NLL per answer token / f16's and next-token agreement
    with f16 in llama.cpp, on held-out personal-QA rows (tools/gguf_quant.py's pipeline)."""
    from tools import gguf_quant
    from tools.export import make_gguf
    from tools.gguf_verify import evaluation_sequences, llama_cpp_scores
    from tools.models import load_tokenizer, resolve_model
    from tools.prompting import prepare_tokenizer
    from tools.recipe import load_recipe

    if not gguf_quant.llama_cpp_available():
        return {"name": "GGUF k-quants", "skipped": "llama-cpp-python is not installed (make setup-llamacpp)"}
    base = resolve_model(EMBEDDED)
    recipe = load_recipe("qwen-personal-qa", model=EMBEDDED, check_paths=False)
    tokenizer = load_tokenizer(base)
    prepare_tokenizer(tokenizer, recipe.config)
    sequences = evaluation_sequences(recipe, tokenizer, rows)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {}
        for quant in ("f16", "q8_0", "q5_k_m", "q4_k_m"):
            tmp_file, f16, facts = make_gguf(base.path, folder / f"model-{quant}.gguf", quant, folder)
            if f16:
                f16.unlink()
            files[quant] = tmp_file
            out[quant] = {"bytes": tmp_file.stat().st_size, **facts}
        reference = llama_cpp_scores(files["f16"], sequences)
        for quant in ("q8_0", "q5_k_m", "q4_k_m"):
            nll, count, choices = llama_cpp_scores(files[quant], sequences)
            out[quant].update(size_ratio=out[quant]["bytes"] / out["f16"]["bytes"], nll_ratio=nll / reference[0],
                              next_token_agreement_with_f16=sum(a == b for a, b in zip(choices, reference[2])) / count,
                              default_max_nll_ratio=gguf_quant.thresholds({}, quant)[1])  # None: not checked
    out["nll_per_token_f16"] = reference[0] / reference[1]
    ordered = out["q4_k_m"]["bytes"] < out["q8_0"]["bytes"] and out["q5_k_m"]["bytes"] < out["q8_0"]["bytes"]
    return {"name": "GGUF q4_k_m size / f16 (with q5_k_m, q8_0 and NLL / f16 in llama.cpp)",
            "ratio": out["q4_k_m"]["size_ratio"], "target": "report; k-quants smaller than q8_0",
            "passed": ordered, "rows": len(sequences), "answer_tokens": reference[1],
            "data": "datasets/personal-qa (qwen-personal-qa evaluation rows), base model without adapter", **out}
