"""Bench items 5-9: eval scoring, backends, memory, GGUF, model load (CPU, embedded model)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import interleave, median, quiet
from tools.models import EMBEDDED
from tools.paths import ROOT


def _eval_sequences(recipe_name: str = "qwen-personal-qa", limit: int | None = None):
    from tools.data import load_rows
    from tools.models import load_tokenizer, resolve_model
    from tools.prompting import encode, prepare_tokenizer
    from tools.recipe import load_recipe

    recipe = load_recipe(recipe_name, model=EMBEDDED)
    tokenizer = load_tokenizer(resolve_model(EMBEDDED))
    prepare_tokenizer(tokenizer, recipe.config)
    entry = recipe.section("evaluation")["nll"][0]
    rows = load_rows(entry)[:limit]
    encoded = [encode(r.data, entry, tokenizer, recipe.config) for r in rows]
    return [(e.input_ids, e.labels) for e in encoded], tokenizer, entry["path"]


def _fp32_model(path=None, **kwargs):
    import torch
    from transformers import AutoModelForCausalLM

    from tools.models import resolve_model

    return AutoModelForCausalLM.from_pretrained(path or resolve_model(EMBEDDED).path, dtype=torch.float32, **kwargs).eval()


def item5_scoring(reps: int = 3) -> dict[str, Any]:
    """evaluation/nll.py's length-sorted batched scoring vs a batch-size-1 loop; same numbers."""
    from evaluation.nll import score

    sequences, tokenizer, source = _eval_sequences()
    model = _fp32_model()
    pad = tokenizer.pad_token_id
    results: dict[str, list] = {}

    def run(size: int):
        def go() -> None:
            results[size] = score(model, sequences, pad, max_batch_size=size)
        return go

    values = interleave({"batched": run(16), "one_by_one": run(1)}, reps=reps, warmup=1, label="5 scoring")
    worst = max(abs(a[0] / a[1] - b[0] / b[1]) for a, b in zip(results[16], results[1]) if a[1])
    speedup = median(values["one_by_one"]) / median(values["batched"])
    return {"name": "batched / one-by-one NLL scoring (examples/s)", "ratio": speedup, "target": ">= 2.5",
            "passed": speedup >= 2.5 and worst <= 1e-4, "examples": len(sequences), "data": source,
            "seconds_batched": values["batched"], "seconds_one_by_one": values["one_by_one"],
            "max_abs_difference_nats_per_token": worst,
            "mean_length": sum(len(s[0]) for s in sequences) / len(sequences)}


def item6_backends(reps: int = 2, steps: int = 5) -> dict[str, Any]:
    """Axolotl vs TRL tokens/s through tools.train.main on the same recipe and data."""
    from tools.backends import axolotl

    if not axolotl.available():
        return {"name": "Axolotl / TRL tokens/s", "skipped": "axolotl not installed"}
    from tools.train import main

    overrides = (f"max_steps={steps} logging_steps=1 gradient_accumulation_steps=1 eval_steps=100000 save_steps=100000")

    def run(backend: str):
        def go() -> float:
            with tempfile.TemporaryDirectory() as tmp:
                os.environ["LLM_RECIPES_RUNS"] = tmp
                try:
                    with quiet():
                        code = main(["qwen-personal-qa", "--model", EMBEDDED, "--profile", "cpu", "--set", overrides, "--backend", backend])
                    if code != 0:
                        raise RuntimeError(f"backend {backend} exited {code}")
                    rows = [json.loads(l) for l in (Path(tmp) / "qwen-personal-qa" / "metrics.jsonl").read_text().splitlines()]
                finally:
                    os.environ.pop("LLM_RECIPES_RUNS", None)
            return median([r["tokens_per_s"] for r in rows if "tokens_per_s" in r and r["step"] >= 2])
        return go

    try:
        values = interleave({"axolotl": run("axolotl"), "trl": run("trl")}, reps=reps, warmup=0, label="6 backends")
    except RuntimeError as error:
        return {"name": "Axolotl / TRL tokens/s", "skipped": f"failed: {error}"}
    ratio = median(values["axolotl"]) / median(values["trl"])
    return {"name": "Axolotl / TRL tokens/s (qwen-personal-qa PROFILE=cpu)", "ratio": ratio, "target": "report",
            "passed": True, "axolotl_tokens_per_s": values["axolotl"], "trl_tokens_per_s": values["trl"], "steps": steps}


def item7_memory(micro_batch: int = 2, sequence_len: int = 512) -> dict[str, Any]:
    """Peak RSS increase of real training steps (fresh process each) and tools/plan.py's CPU estimate."""
    from bench.memory import CONFIGS, measure_in_subprocess, predicted_mb

    rows = {}
    for name in CONFIGS:
        measured = measure_in_subprocess(name, micro_batch, sequence_len)
        predicted = predicted_mb(name, micro_batch, sequence_len)
        rows[name] = {"measured_mb": measured["increase_mb"], "predicted_mb": round(predicted),
                      "ratio": predicted / measured["increase_mb"], "trainable": measured["trainable"]}
    worst = max(rows.values(), key=lambda r: abs(r["ratio"] - 1))["ratio"]
    return {"name": f"plan estimate / measured peak RSS increase ({micro_batch} x {sequence_len} tokens)", "ratio": worst,
            "target": "[0.75, 1.33]", "passed": all(0.75 <= r["ratio"] <= 1.33 for r in rows.values()), "configs": rows}


_PEAK = ("import resource, sys, time\nfrom pathlib import Path\nfrom tools.export import convert\n"
         "start = time.monotonic()\ntmp = convert(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[2] + '.log'))\n"
         "tmp.rename(sys.argv[2])\n"
         "print('RESULT', time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n")


def item8_gguf(limit: int = 32) -> dict[str, Any]:
    """q8_0 / f16 file size, q8_0 NLL / fp32 NLL, conversion time and converter peak RSS."""
    from evaluation.nll import score
    from tools.models import resolve_model

    folder = resolve_model(EMBEDDED).path
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for quant in ("f16", "q8_0"):
            target = Path(tmp) / f"model-{quant}.gguf"
            result = subprocess.run([sys.executable, "-c", _PEAK, str(folder), str(target), quant], cwd=ROOT,
                                    capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            line = [l for l in result.stdout.splitlines() if l.startswith("RESULT")]
            if result.returncode != 0 or not line:
                return {"name": "GGUF", "skipped": f"conversion failed: {result.stderr[-1500:]}"}
            _, seconds, peak = line[-1].split()
            out[quant] = {"bytes": target.stat().st_size, "convert_s": float(seconds), "converter_peak_rss_mb": float(peak)}
        sequences, tokenizer, source = _eval_sequences("tinyllama-json-extractor", limit)
        pad = tokenizer.pad_token_id
        reference = score(_fp32_model(), sequences, pad)
        with quiet():
            exported = _fp32_model(tmp, gguf_file="model-q8_0.gguf")
        quantized = score(exported, sequences, pad)
    nll = lambda pairs: sum(p[0] for p in pairs) / sum(p[1] for p in pairs)
    size_ratio = out["q8_0"]["bytes"] / out["f16"]["bytes"]
    nll_ratio = nll(quantized) / nll(reference)
    return {"name": "GGUF q8_0: size / f16 and NLL / fp32", "ratio": nll_ratio, "target": "size 0.50-0.56, NLL <= 1.01",
            "passed": 0.50 <= size_ratio <= 0.56 and nll_ratio <= 1.01, "size_ratio": size_ratio, "nll_ratio": nll_ratio,
            "nll_fp32": nll(reference), "nll_q8_0": nll(quantized), "eval_examples": len(sequences), "data": source, **out}


def item9_load(reps: int = 3) -> dict[str, Any]:
    """Loading the cached safetensors folder (tools/models.py) vs converting the packaged GGUF each time."""
    from tools.models import embedded_gguf_path

    gguf = embedded_gguf_path()

    def from_gguf() -> None:
        with quiet():
            _fp32_model(gguf.parent, gguf_file=gguf.name)

    values = interleave({"safetensors": lambda: _fp32_model() and None, "gguf": from_gguf}, reps=reps, warmup=1, label="9 load")
    ratio = median(values["gguf"]) / median(values["safetensors"])
    return {"name": "GGUF load / cached safetensors load (s)", "ratio": ratio, "target": "report",
            "passed": ratio > 1, "load_seconds": values}
