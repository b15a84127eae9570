"""Peak memory of real training steps on the embedded model, each configuration in a fresh process.

    python -m bench.memory lora --micro-batch 2 --sequence-len 512

Prints one JSON line: the RSS after importing torch/transformers/peft (the baseline), the peak
RSS during `steps` training steps (AdamW, fp32, random tokens, labels = inputs) and the increase
= peak - baseline, which counts the weights, adapter, gradients, optimizer states, activations and
logits: what tools/plan.py estimates in `--cpu` mode. The load peak (safetensors pages mapped
while reading) is reset before training so it does not count.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from typing import Any

from tools.paths import ROOT

_LORA = {"adapter": "lora", "lora_r": 16, "lora_alpha": 32, "lora_dropout": 0.05,
         "lora_target_modules": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]}
CONFIGS: dict[str, dict[str, Any]] = {
    "full": {"adapter": None, "gradient_checkpointing": False},
    "lora": {**_LORA, "gradient_checkpointing": False},
    "lora_gc": {**_LORA, "gradient_checkpointing": True},
    "qlora": {"adapter": "qlora", "load_in_4bit": True, "gradient_checkpointing": True, "lora_r": 8, "lora_alpha": 16,
              "lora_dropout": 0.05, "lora_target_modules": ["q_proj", "k_proj", "v_proj", "o_proj"],
              "bnb_config_kwargs": {"bnb_4bit_quant_type": "nf4", "bnb_4bit_use_double_quant": True}},
}


def config_for(name: str, micro_batch: int, sequence_len: int) -> dict[str, Any]:
    """A recipe-like config dict for one measured configuration (also what the planner is given)."""
    from tools.models import EMBEDDED

    return {**CONFIGS[name], "micro_batch_size": micro_batch, "sequence_len": sequence_len, "bf16": False,
            "optimizer": "adamw_torch", "learning_rate": 1e-4, "base_model": EMBEDDED, "name": f"bench-{name}"}


def settings_for(name: str, micro_batch: int, sequence_len: int):
    """The TrainSettings of one measured configuration: fp32 on this CPU, as measured."""
    from pathlib import Path

    from tools.hardware import Hardware
    from tools.recipe import Recipe, without_nulls
    from tools.settings import resolve

    config = without_nulls(config_for(name, micro_batch, sequence_len))
    return resolve(Recipe(config["name"], Path("bench"), config), Hardware("cpu", "cpu", False, False))


def measure(name: str, micro_batch: int, sequence_len: int, steps: int = 2, threads: int | None = None) -> dict[str, Any]:
    """Run in this process (call it in a fresh one: the baseline must be right after the imports)."""
    import torch
    import transformers  # noqa: F401
    import peft  # noqa: F401

    if name == "qlora":
        import bitsandbytes  # noqa: F401
    from bench.common import reset_peak, status_mb

    if threads:
        torch.set_num_threads(threads)
    baseline = status_mb()["VmRSS"]
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training

    from tools.backends.trl import load_model
    from tools.models import EMBEDDED, resolve_model

    config = config_for(name, micro_batch, sequence_len)
    settings = settings_for(name, micro_batch, sequence_len)
    notes: list[str] = []
    model = load_model(settings, resolve_model(EMBEDDED).path, 0, notes)
    gc = config["gradient_checkpointing"]
    if config.get("load_in_4bit"):
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=gc,
                                                gradient_checkpointing_kwargs={"use_reentrant": False})
    elif gc:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    if config["adapter"]:
        model = get_peft_model(model, LoraConfig(r=config["lora_r"], lora_alpha=config["lora_alpha"],
                                                 lora_dropout=config["lora_dropout"], target_modules=config["lora_target_modules"],
                                                 task_type="CAUSAL_LM", bias="none"))
    model.train()
    _detach_from_file(model)
    after_load = status_mb()
    reset = reset_peak()
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=config["learning_rate"])
    generator = torch.Generator().manual_seed(0)
    ids = torch.randint(100, model.config.vocab_size, (micro_batch, sequence_len), generator=generator)
    losses = []
    for _ in range(steps):
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        losses.append(round(float(loss), 4))
    peak = status_mb()["VmHWM"]
    if not reset:  # without a reset the load peak may be the peak; say so
        notes.append("could not reset the peak after loading; the load peak may be included")
    return {"config": name, "micro_batch": micro_batch, "sequence_len": sequence_len, "steps": steps,
            "trainable": sum(p.numel() for p in params), "baseline_mb": round(baseline), "after_load_mb": round(after_load["VmRSS"]),
            "load_peak_mb": round(after_load["VmHWM"]), "peak_mb": round(peak), "increase_mb": round(peak - baseline),
            "losses": losses, "threads": torch.get_num_threads(), "notes": notes}


def _detach_from_file(model) -> None:
    """Copy the non-quantized weights out of the safetensors memory map into process memory.

    transformers leaves fp32 weights as views of the mapped file; every page read while loading
    (all of it when 4-bit quantization reads the fp32 originals) then stays in RSS as file-backed
    page cache for as long as one tensor keeps the map open. On a GPU the weights are copies, so
    the measurement copies them too: RSS then counts each weight once, like the planner.
    """
    import gc

    import torch

    with torch.no_grad():
        for module in model.modules():
            for _, param in module.named_parameters(recurse=False):
                if type(param).__name__ == "Params4bit" or not param.dtype.is_floating_point:
                    continue
                param.data = param.data.clone()
            for key, buffer in module.named_buffers(recurse=False):
                if buffer is not None and buffer.dtype.is_floating_point:
                    module._buffers[key] = buffer.clone()
    gc.collect()


def measure_in_subprocess(name: str, micro_batch: int, sequence_len: int, steps: int = 2, threads: int | None = None,
                          timeout: int = 600) -> dict[str, Any]:
    """`measure` in a fresh Python process; raises RuntimeError with its output when it fails."""
    command = [sys.executable, "-m", "bench.memory", name, "--micro-batch", str(micro_batch),
               "--sequence-len", str(sequence_len), "--steps", str(steps)] + (["--threads", str(threads)] if threads else [])
    # glibc raises its mmap threshold after the first large free, after which freed activation
    # buffers stay in the heap and RSS keeps them; a fixed threshold returns them, so the peak is
    # the memory actually live, as on a GPU (see bench/results.md for the default-malloc figure).
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
           "MALLOC_MMAP_THRESHOLD_": os.environ.get("MALLOC_MMAP_THRESHOLD_", "131072")}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(command)} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(lines[-1])


def predicted_mb(name: str, micro_batch: int, sequence_len: int) -> float:
    """tools/plan.py's CPU-mode estimate for the same configuration on the embedded model."""
    from tools.models import EMBEDDED
    from tools.plan import estimate, load_facts

    return estimate(load_facts(EMBEDDED), settings_for(name, micro_batch, sequence_len), mode="cpu").total / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.splitlines()[0])
    parser.add_argument("config", choices=sorted(CONFIGS))
    parser.add_argument("--micro-batch", type=int, default=2)
    parser.add_argument("--sequence-len", type=int, default=512)
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print(json.dumps(measure(args.config, args.micro_batch, args.sequence_len, args.steps, args.threads)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
