"""Bench item 16: `torch_compile: true` in the real trainer, against the same run eager (embedded model, CPU).

Both sides are `python -m tools.train qwen-personal-qa --profile cpu` in their own process (dynamo's
caches die with it), the same STEPS steps of the same packed batches, logging every step: eager as
the profile trains (packed rows as long as their contents), and compiled with every row padded to
`sequence_len` (`pad_to_sequence_len: true`: one shape, so one compile; item 17 measures what the
padding alone costs). A step's seconds come from the run's own metrics.jsonl (real tokens of the step
over its real tokens/s). Reported: the compiled run's extra time in its first steps (compiling), the
steady per-step ratio (medians of the last half of the steps) and the steps after which compiling
pays. The runs go A B, then B A; medians pool both.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import median
from tools.models import EMBEDDED
from tools.paths import ROOT

RECIPE, STEPS = "qwen-personal-qa", 24


SIDES = {"eager": "pad_to_sequence_len=false", "compiled": "pad_to_sequence_len=true torch_compile=true"}


def _step_seconds(side: str, root: Path) -> tuple[list[float], list[float]]:
    """(seconds of each step, loss of each step) of one run."""
    overrides = f"max_steps={STEPS} logging_steps=1 eval_steps=100000 save_steps=100000 {SIDES[side]}"
    env = {**os.environ, "LLM_RECIPES_RUNS": str(root), "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "tools.train", RECIPE, "--model", EMBEDDED, "--profile", "cpu", "--set", overrides]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"training failed ({side}): {done.stderr[-1500:]}")
    rows = [json.loads(line) for line in (root / RECIPE / "metrics.jsonl").read_text().splitlines()]
    rows = [r for r in rows if "loss" in r and "tokens_per_s" in r]
    seconds, seen = [], 0
    for row in rows:
        tokens = row["num_input_tokens_seen"] - seen
        seen = row["num_input_tokens_seen"]
        seconds.append(tokens / row["tokens_per_s"])
    return seconds, [r["loss"] for r in rows]


def summarize(runs: dict[str, list[list[float]]], losses: dict[str, list[float]]) -> dict[str, Any]:
    """The item's numbers from the measured step seconds and losses (kept apart so that they can be
    recomputed from results.json)."""
    half = STEPS // 2
    steady = {name: median([s for run in values for s in run[half:]]) for name, values in runs.items()}
    first_steps = {name: median([sum(run[:half]) for run in values]) for name, values in runs.items()}
    compile_cost = first_steps["compiled"] - first_steps["eager"]
    saved = steady["eager"] - steady["compiled"]
    ratio = steady["eager"] / steady["compiled"]
    # The first step's loss is the same weights through both: the numerics alone. Later steps follow
    # updates that differ by those roundings, so single steps drift apart (a few %); their mean should not.
    first = abs(losses["compiled"][0] - losses["eager"][0]) / losses["eager"][0]
    mean = {name: sum(values) / len(values) for name, values in losses.items()}
    return {"name": "eager / compiled s per step (TRL trainer, torch_compile: true, rows padded to one shape); "
                    "first-step loss within 2 %",
            "ratio": ratio, "target": "report; first-step loss within 2 %", "passed": first <= 0.02,
            "recipe": f"{RECIPE} PROFILE=cpu, {STEPS} steps, logging every step", "steps": STEPS,
            "sides": {name: SIDES[name] for name in runs if name in SIDES},
            "eager_s_per_step": steady["eager"], "compiled_s_per_step": steady["compiled"],
            "compile_seconds": compile_cost, "break_even_steps": compile_cost / saved if saved > 0 else None,
            "first_half_seconds": first_steps, "first_step_loss_difference": first,
            "mean_loss": mean, "step_seconds": runs, "losses": losses}


def item16_compile() -> dict[str, Any]:
    runs: dict[str, list[list[float]]] = {name: [] for name in SIDES}
    losses: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for index, order in enumerate((tuple(SIDES), tuple(reversed(SIDES)))):
            for name in order:
                seconds, loss = _step_seconds(name, Path(tmp) / f"{name}-{index}")
                runs[name].append(seconds)
                losses.setdefault(name, loss)
    return summarize(runs, losses)
