"""Bench item 15: `make eval`'s batched generation against one prompt at a time.

The extractor's held-out reports (its prompts are the longest of the four recipes) on the embedded
model, loaded as `make eval` loads it (tools.generation.load: the inference precision this hardware
gets), greedy with the recipe's generation settings, unconstrained, and `max_new_tokens` capped so
that the one-at-a-time side takes about a minute. The batched side is
`tools.generation.generate_batch` with the batch `make eval` would use here
(evaluation.common.batch_size: the recipe's `evaluation.batch_size`, else the hardware's default).
Interleaved A B A B after a warm-up; the ratio is examples/s. It also counts the outputs that are
token for token the same on both sides: in bf16 a wider matmul can round a near-tied logit the
other way, which fp32 does not (tests/test_generation.py checks equality on real prompts in fp32).
"""
from __future__ import annotations

import statistics
import time
from dataclasses import replace
from typing import Any



def item15_batched_generation(reps: int = 2, prompts: int = 12, new_tokens: int = 64) -> dict[str, Any]:
    from bench.structured_item import extractor_prompts
    from evaluation.common import batch_size
    from tools.generation import Settings, generate_batch, generate_ids

    recipe, loaded, ids = extractor_prompts(prompts)
    settings = replace(Settings.from_recipe(recipe.config), max_new_tokens=new_tokens).unconstrained()
    size = batch_size(loaded.config, loaded.model)
    outputs: dict[str, list[list[int]]] = {}

    def batched() -> float:
        start = time.perf_counter()
        outputs["batched"] = [o.token_ids for o in generate_batch(loaded, ids, settings, batch_size=size)]
        return time.perf_counter() - start

    def one_by_one() -> float:
        start = time.perf_counter()
        outputs["one_by_one"] = [generate_ids(loaded, prompt, settings).token_ids for prompt in ids]
        return time.perf_counter() - start

    generate_batch(loaded, ids[:2], settings, batch_size=2), generate_ids(loaded, ids[0], settings)  # warm-up
    seconds: dict[str, list[float]] = {"batched": [], "one_by_one": []}
    for _ in range(reps):
        seconds["batched"].append(batched())
        seconds["one_by_one"].append(one_by_one())
    ratio = statistics.median(seconds["one_by_one"]) / statistics.median(seconds["batched"])
    same = sum(a == b for a, b in zip(outputs["batched"], outputs["one_by_one"]))
    return {"name": f"batched / one-by-one greedy generation, examples/s (extractor prompts, batch of {min(size, prompts)})",
            "ratio": ratio, "target": ">= 2", "passed": ratio >= 2,
            "seconds_batched": [round(s, 1) for s in seconds["batched"]],
            "seconds_one_by_one": [round(s, 1) for s in seconds["one_by_one"]],
            "prompts": prompts, "max_new_tokens": new_tokens, "batch_size": size,
            "mean_prompt_tokens": round(sum(map(len, ids)) / len(ids)),
            "generated_tokens": sum(map(len, outputs["batched"])),
            "identical_outputs": f"{same} of {prompts}", "loaded": loaded.source}
