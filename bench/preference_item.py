"""Bench item 14: a DPO step over an SFT step on the same sequences (embedded model, CPU).

Both through TRL 1.9's own trainers with the project's settings (qwen-personal-qa-dpo PROFILE=cpu):
DPOTrainer on 4 pairs a step (chosen and rejected: 8 sequences forward and backward, plus the
reference forward through the disabled adapter), SFTTrainer (the project's lean subclass) on the
same 8 sequences a step, answer-only loss. The chosen + rejected forward and backward is inherent to
DPO, so the ratio's floor is ~1 + the reference forward (~1/3 of a training pass); the target 2.2
leaves room for nothing else. Seconds per step: median of steps 2.. of each run, runs interleaved.
"""
from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import interleave, median
from tools.models import EMBEDDED

RECIPE = "qwen-personal-qa-dpo"
PAIRS_PER_STEP, STEPS = 4, 6


def _setup():
    from tools import hardware
    from tools.backends.preference import layout
    from tools.data import load_rows
    from tools.models import load_tokenizer, resolve_model
    from tools.prompting import encode, prepare_tokenizer
    from tools.recipe import load_recipe
    from tools.settings import resolve

    recipe = load_recipe(RECIPE, model=EMBEDDED, profile="cpu", overrides="logging_steps=1000 save_steps=100000 warmup_ratio=0")
    settings = dataclasses.replace(resolve(recipe, hardware.detect()), lora_model_dir=None, micro_batch_size=PAIRS_PER_STEP,
                                   max_steps=STEPS)
    model = resolve_model(EMBEDDED)
    tokenizer = load_tokenizer(model)
    prepare_tokenizer(tokenizer, recipe.config)
    pairs = layout(recipe.config["datasets"][0], "dpo")[: PAIRS_PER_STEP * STEPS]
    sft_entry = load_recipe("qwen-personal-qa").config["datasets"][0]
    raw = [r.data for r in load_rows(recipe.config["datasets"][0])]
    sequences = []
    for data in raw[: PAIRS_PER_STEP * STEPS]:
        for side in ("chosen", "rejected"):
            enc = encode({"question": data["prompt"], "answer": data[side]}, sft_entry, tokenizer, recipe.config)
            sequences.append({"input_ids": enc.input_ids, "completion_mask": [int(label != -100) for label in enc.labels]})
    return recipe, settings, model, tokenizer, pairs, sequences


def _step_seconds(kind: str, setup) -> float:
    import trl
    from datasets import Dataset
    from peft import get_peft_model
    from transformers import TrainerCallback

    from tools.backends.preference import trainer_config
    from tools.backends.trl import lean_trainer, load_model, lora_config, sft_config
    from tools.targets import resolve_targets

    recipe, settings, model, tokenizer, pairs, sequences = setup
    base = load_model(settings, model.path, len(tokenizer), [])
    base.config.use_cache = False
    targets, _ = resolve_targets(settings, base)
    peft_model = get_peft_model(base, lora_config(settings, targets))
    times: list[float] = []

    class Timer(TrainerCallback):
        def on_step_begin(self, args, state, control, **kwargs):
            self.start = time.perf_counter()

        def on_step_end(self, args, state, control, **kwargs):
            times.append(time.perf_counter() - self.start)

    with tempfile.TemporaryDirectory() as tmp:
        if kind == "dpo":
            args = trainer_config(settings, trl.DPOConfig, Path(tmp), STEPS)
            trainer = trl.DPOTrainer(model=peft_model, args=args, train_dataset=Dataset.from_list(pairs), processing_class=tokenizer)
        else:
            sft = dataclasses.replace(settings, micro_batch_size=2 * PAIRS_PER_STEP, sample_packing=False, rl=None)
            trainer = lean_trainer(trl.SFTTrainer)(model=peft_model, args=sft_config(sft, Path(tmp), STEPS, False),
                                                   train_dataset=Dataset.from_list(sequences), processing_class=tokenizer)
        trainer.add_callback(Timer())
        trainer.train()
    return median(times[1:])


def item14_preference() -> dict[str, Any]:
    setup = _setup()
    values = interleave({"sft": lambda: _step_seconds("sft", setup), "dpo": lambda: _step_seconds("dpo", setup)},
                        reps=2, warmup=0, label="14 preference")
    ratio = median(values["dpo"]) / median(values["sft"])
    return {"name": "DPO step / SFT step on the same sequences (s/step, TRL trainers)", "ratio": ratio, "target": "<= 2.2",
            "passed": ratio <= 2.2, "s_per_step": values, "pairs_per_step": PAIRS_PER_STEP,
            "recipe": f"{RECIPE} PROFILE=cpu: {PAIRS_PER_STEP} pairs (DPO) vs their {2 * PAIRS_PER_STEP} sequences (SFT) a step, "
                      f"{settings_line(setup[1])}"}


def settings_line(settings) -> str:
    return f"{settings.precision}, LoRA r{settings.lora_r}, beta {settings.rl_beta}, reference = adapter disabled"
