"""Bench item 12: what JSON-Schema constrained decoding costs (tools/structured.py, llguidance).

Greedy generation of the extractor's held-out reports on the embedded model, in the inference
precision `make eval` uses, with and without `generation.json_schema`, interleaved A B A B after a
warm-up. The two sides write different tokens (the untrained base model only writes JSON when
constrained), so the comparison is per generated token: tokens/s of each side, and their ratio.
"""
from __future__ import annotations

import json
import statistics
import time
from dataclasses import replace
from typing import Any

from tools.models import EMBEDDED
from tools.paths import ROOT


def extractor_prompts(prompts: int):
    """(recipe, loaded embedded model as make eval loads it, prompt ids of the extractor's first
    `prompts` held-out reports): the set-up items 12 and 15 share."""
    from tools.generation import load
    from tools.prompting import generation_prompt
    from tools.recipe import load_recipe

    recipe = load_recipe("tinyllama-json-extractor", model=EMBEDDED, check_paths=False)
    loaded = load(recipe, adapter=None)
    rows = [json.loads(line) for line in (ROOT / "datasets/json-extractor/test.jsonl").read_text().splitlines()[:prompts]]
    return recipe, loaded, [generation_prompt(loaded.config, loaded.tokenizer, row["input"]) for row in rows]


def item12_constrained(reps: int = 3, prompts: int = 8, new_tokens: int = 96) -> dict[str, Any]:
    from tools.generation import Settings, generate_batch

    recipe, loaded, ids = extractor_prompts(prompts)
    constrained = replace(Settings.from_recipe(recipe.config), max_new_tokens=new_tokens)
    free = constrained.unconstrained()
    assert constrained.json_schema is not None

    def rate(settings) -> float:
        start = time.perf_counter()
        outs = generate_batch(loaded, ids, settings, batch_size=prompts)
        return sum(len(o.token_ids) for o in outs) / (time.perf_counter() - start)

    rate(constrained), rate(free)  # warm-up: grammar compilation, llguidance's tokenizer view, kernels
    sides: dict[str, list[float]] = {"constrained_tokens_per_s": [], "unconstrained_tokens_per_s": []}
    for _ in range(reps):
        sides["constrained_tokens_per_s"].append(rate(constrained))
        sides["unconstrained_tokens_per_s"].append(rate(free))
    ratio = statistics.median(sides["constrained_tokens_per_s"]) / statistics.median(sides["unconstrained_tokens_per_s"])
    return {"name": "constrained / unconstrained greedy tokens/s (extractor prompts, batch of 8)", "ratio": ratio,
            "target": ">= 0.8", "passed": ratio >= 0.8, **{k: [round(v, 1) for v in vs] for k, vs in sides.items()},
            "prompts": prompts, "max_new_tokens": new_tokens, "device": loaded.source}
