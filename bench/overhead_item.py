"""Bench item 1: what the TRL trainer costs per step over a plain PyTorch LoRA loop, step by step.

Whole runs side by side (A B A B) could not resolve 0.95 from 1.0 on this shared machine: one side's
10-step runs spread by +-12 % between repetitions. Here both sides run in one process and take turns
after every step: the real `make train` backend (tools/backends/trl.train) trains, and after each of
its steps a callback runs one plain step (same model build, AdamW, clipping, precision) on the batch
the trainer has just trained on. Whatever the machine does to one step it does to its pair.
The trainer's time of a step is everything between two plain steps: data loading, collation, the
forward and backward, the optimizer, scheduler, logging and callbacks.
"""
from __future__ import annotations

import os
import random
import signal
import tempfile
import time
from typing import Any

from bench.common import quiet
from bench.training import RECIPE, _lora_model, _plain_steps, _real_tokens, _recipe, _settings
from tools.models import EMBEDDED

STEPS, LOG_EVERY, WARMUP = 30, 5, 2  # a run logs every 5 steps as the recipes do; its first 2 pairs are not counted


def paired_run(bf16: bool, lean: bool = True, steps: int = STEPS, overrides: str = "") -> list[dict[str, Any]]:
    """One real backend run of `steps` steps, each followed by one plain step on the same batch.
    Returns, per step: real tokens, the trainer's seconds, the plain loop's seconds, and the batch.
    `lean=False` is TRL's own SFTTrainer (diagnostics over the whole logits on every micro-batch)."""
    import trl
    from transformers import TrainerCallback

    from tools.backends import trl as backend
    from tools.models import resolve_model

    recipe = _recipe(overrides=f"max_steps={steps} logging_steps={LOG_EVERY} {overrides}")
    plain_model, plain_optimizer = _lora_model(recipe, bf16)
    autocast = "bf16" if bf16 else None
    pairs: list[dict[str, Any]] = []
    last: dict[str, Any] = {}
    clock = {"mark": time.perf_counter()}

    class PlainStepAfterEach(TrainerCallback):
        def on_train_begin(self, args, state, control, **kwargs):
            clock["mark"] = time.perf_counter()

        def on_step_end(self, args, state, control, **kwargs):
            trainer_seconds = time.perf_counter() - clock["mark"]
            batch = last["batch"]
            [(tokens, plain_seconds)] = _plain_steps(plain_model, plain_optimizer, [batch], autocast)
            pairs.append({"tokens": tokens, "trainer_s": trainer_seconds, "plain_s": plain_seconds, "batch": batch})
            clock["mark"] = time.perf_counter()

    original, lean_trainer = trl.SFTTrainer, backend.lean_trainer

    class Paired(original):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.add_callback(PlainStepAfterEach())

        def training_step(self, model, inputs, *args, **kwargs):
            last["batch"] = {k: v.detach().clone() for k, v in inputs.items() if hasattr(v, "detach")}
            return super().training_step(model, inputs, *args, **kwargs)

    trl.SFTTrainer = Paired
    if not lean:
        backend.lean_trainer = lambda base: base
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LLM_RECIPES_RUNS"] = tmp
        try:
            with quiet():
                backend.train(recipe, _settings(recipe, bf16), resolve_model(EMBEDDED), False, [])
        finally:
            trl.SFTTrainer, backend.lean_trainer = original, lean_trainer
            os.environ.pop("LLM_RECIPES_RUNS", None)
            signal.signal(signal.SIGINT, handlers[0])
            signal.signal(signal.SIGTERM, handlers[1])
    return pairs


def summarize(pairs: list[dict[str, Any]], warmup: int = WARMUP, resamples: int = 2000) -> dict[str, Any]:
    """Trainer tokens/s over plain tokens/s on the counted pairs (the same tokens on both sides, so the
    ratio of summed seconds), per-step ratios' quartiles, and a bootstrap 90 % interval over pairs."""
    counted = pairs[warmup:]
    if not counted:
        raise ValueError(f"no pairs after the first {warmup}: the run trained {len(pairs)} steps")
    tokens = sum(p["tokens"] for p in counted)
    trainer, plain = sum(p["trainer_s"] for p in counted), sum(p["plain_s"] for p in counted)
    per_step = sorted(p["plain_s"] / p["trainer_s"] for p in counted)
    rng = random.Random(0)
    boot = []
    for _ in range(resamples):
        sample = [rng.choice(counted) for _ in counted]
        boot.append(sum(p["plain_s"] for p in sample) / sum(p["trainer_s"] for p in sample))
    boot.sort()
    quartile = lambda values, q: values[min(len(values) - 1, int(q * len(values)))]  # noqa: E731
    return {"ratio": plain / trainer, "pairs": len(counted), "tokens_per_step": tokens / len(counted),
            "trainer_tokens_per_s": tokens / trainer, "plain_tokens_per_s": tokens / plain,
            "per_step_ratio_quartiles": [quartile(per_step, q) for q in (0.25, 0.5, 0.75)],
            "interval_90": [quartile(boot, 0.05), quartile(boot, 0.95)],
            "trainer_s": [round(p["trainer_s"], 3) for p in counted], "plain_s": [round(p["plain_s"], 3) for p in counted]}


def item1_overhead() -> dict[str, Any]:
    """The project's trainer (lean) and TRL's own SFTTrainer, each paired step by step with the plain
    loop, in the precision `bf16: auto` picks on this CPU. Items 2 and 3 reuse the recorded batches."""
    from tools.hardware import detect

    bf16 = detect().bf16
    recipe = _recipe()
    lean_pairs = paired_run(bf16)
    own = summarize(paired_run(bf16, lean=False))
    lean = summarize(lean_pairs)
    batches = [p["batch"] for p in lean_pairs[:10]]
    return {"name": "TRL trainer vs plain PyTorch LoRA loop, paired step by step (tokens/s)",
            "ratio": lean["ratio"], "target": ">= 0.95", "passed": lean["ratio"] >= 0.95,
            "trainer": lean, "trl_own_trainer": own,
            "recipe": f"{RECIPE} PROFILE=cpu, micro batch {recipe['micro_batch_size']}, LoRA r{recipe['lora_r']} on "
                      f"{len(recipe['lora_target_modules'])} projections, {'bf16' if bf16 else 'fp32'}, "
                      f"{STEPS} steps per run logging every {LOG_EVERY}, first {WARMUP} pairs not counted",
            "mean_tokens_per_step": sum(_real_tokens(b) for b in batches) / len(batches),
            "_batches": batches, "_plain_rate": lean["plain_tokens_per_s"], "_trl_rate": lean["trainer_tokens_per_s"]}
