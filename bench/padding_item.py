"""Bench item 17: what padding every packed row to `sequence_len` costs an eager CPU step.

`pad_to_sequence_len` (Axolotl's key; on by default with packing, as Axolotl decides) gives every
step one shape, which a compiled model needs to compile once (item 16). Eager, the padded positions
are computed for nothing. Measured like item 1, step by step in one process: the real trainer records
its packed rows (personal QA's CPU profile, unpadded), then two copies of the plain loop take turns on
each row, one as recorded and one padded the way TRL's padding-free collator pads with
`pad_to_multiple_of` (pad token ids, labels -100, position ids 0), the order flipped every step.
"""
from __future__ import annotations

from typing import Any

from bench.common import median
from bench.overhead_item import paired_run
from bench.training import MODEL_KEYS, _lora_model, _plain_steps, _recipe, _settings

STEPS, ROUNDS, WARMUP = 12, 2, 2  # 12 recorded rows, each trained twice per side; 2 first steps per side not counted


def pad_row(batch: dict, length: int, pad_id: int) -> dict:
    """A padding-free packed row padded at the right to `length`, as TRL's collator pads it."""
    import torch

    extra = length - batch["input_ids"].shape[1]
    fills = {"input_ids": pad_id, "labels": -100, "position_ids": 0}
    return {key: torch.cat([batch[key], torch.full((1, extra), fill, dtype=batch[key].dtype)], dim=1)
            for key, fill in fills.items()}


def item17_padding() -> dict[str, Any]:
    from tools.hardware import detect
    from tools.models import EMBEDDED, load_tokenizer, resolve_model

    bf16 = detect().bf16
    recipe = _recipe(overrides="pad_to_sequence_len=false")
    length = _settings(recipe, bf16).sequence_len
    pad_id = load_tokenizer(resolve_model(EMBEDDED)).pad_token_id
    rows = [pair["batch"] for pair in paired_run(bf16, steps=STEPS, overrides="pad_to_sequence_len=false")]
    sides = {"unpadded": (_lora_model(recipe, bf16), lambda row: row),
             "padded": (_lora_model(recipe, bf16), lambda row: pad_row(row, length, pad_id))}
    autocast = "bf16" if bf16 else None
    seconds: dict[str, list[float]] = {name: [] for name in sides}
    first_loss: dict[str, float] = {}
    for turn in range(ROUNDS * len(rows)):
        row = rows[turn % len(rows)]
        for name in (("unpadded", "padded") if turn % 2 == 0 else ("padded", "unpadded")):
            (model, optimizer), shape = sides[name]
            if turn == 0:  # the same weights (LoRA B starts at zero): the loss must not see the padding
                first_loss[name] = _loss(model, shape(row), autocast)
            [(_, step_seconds)] = _plain_steps(model, optimizer, [shape(row)], autocast)
            seconds[name].append(step_seconds)
    counted = {name: values[WARMUP:] for name, values in seconds.items()}
    ratio = sum(counted["unpadded"]) / sum(counted["padded"])
    per_step = sorted(u / p for u, p in zip(counted["unpadded"], counted["padded"]))
    real = sum(row["input_ids"].shape[1] for row in rows) / len(rows)
    difference = abs(first_loss["padded"] - first_loss["unpadded"]) / first_loss["unpadded"]
    return {"name": f"padded / unpadded real tokens/s, packed rows padded to sequence_len ({length}), eager, step by step",
            "ratio": ratio, "target": "report; first-step loss within 1 %", "passed": difference <= 0.01,
            "recipe": "qwen-personal-qa PROFILE=cpu, packed rows recorded from the real trainer, plain loop, "
                      f"{'bf16' if bf16 else 'fp32'}", "rows": len(rows), "steps_per_side": len(counted["padded"]),
            "mean_real_tokens_per_row": real, "positions_per_padded_row": length,
            "per_step_ratio_median": median(per_step), "first_step_loss": first_loss,
            "first_step_loss_difference": difference, "seconds": {k: [round(s, 3) for s in v] for k, v in seconds.items()}}


def _loss(model, batch: dict, autocast: str | None) -> float:
    import torch

    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast == "bf16"):
        return float(model(**{k: v for k, v in batch.items() if k in MODEL_KEYS}).loss)
