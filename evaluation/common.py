"""What every metric shares: loading base + adapter once, the two variants, greedy settings,
the per-metric cap, thresholds, file hashes and row construction for free-standing questions.

Not a command; the metrics (`nll`, `preference`, `json_validity`, `answers`, `stopping`) and
`evaluation.run` import it.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import operator
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from tools import runs
from tools.paths import display

VARIANTS = ("base", "start", "finetuned")  # "start": only for runs that continue another run's adapter


class EvalError(Exception):
    """A problem that stops the evaluation; the message says what to do."""


@dataclass
class MetricResult:
    """What one metric produces: flat numbers per variant, details for the report, per-example rows."""

    metrics: dict[str, dict[str, float]] = field(default_factory=lambda: {v: {} for v in VARIANTS})
    details: dict[str, Any] = field(default_factory=dict)
    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # file name -> rows (jsonl)
    generations: list[dict[str, Any]] = field(default_factory=list)  # {source, where, variant, stopped, new_tokens}
    data_files: dict[str, str] = field(default_factory=dict)  # path -> what it was used for

    def merge(self, other: "MetricResult") -> "MetricResult":
        for variant, values in other.metrics.items():
            self.metrics.setdefault(variant, {}).update(values)
        self.details.update(other.details)
        self.files.update(other.files)
        self.generations += other.generations
        self.data_files.update(other.data_files)
        return self


# ---------------------------------------------------------------- models
def check_adapter(recipe) -> Path:
    """The run's adapter folder; EvalError when there is none or it was trained on another model."""
    paths = runs.for_recipe(recipe)
    if paths.is_full_finetune() and not paths.has_adapter():
        raise EvalError(f"{display(paths.merged)} is a full fine-tune (no adapter): `make eval` compares base and "
                        f"fine-tuned through an adapter switched off and on; evaluate a LoRA run, or use "
                        f"`make chat RECIPE={recipe.name}` to try this one")
    if not paths.has_adapter():
        model = f" MODEL={recipe['base_model']}" if "/" not in str(recipe["base_model"]) else ""
        raise EvalError(f"{display(paths.adapter)} holds no adapter (no adapter_config.json): "
                        f"run `make train RECIPE={recipe.name}{model}` first")
    trained_on = paths.read_manifest().get("base_model")
    if trained_on and trained_on != recipe["base_model"]:
        raise EvalError(f"the adapter in {display(paths.adapter)} was trained on '{trained_on}', not on "
                        f"'{recipe['base_model']}': pass MODEL={trained_on} (--model {trained_on})")
    return paths.adapter


def start_adapter(recipe) -> Path | None:
    """The adapter the run started from (`lora_model_dir`, recorded in its manifest), when still there."""
    from tools.data import resolve_path

    started = (runs.for_recipe(recipe).read_manifest().get("started_from") or {}).get("adapter")
    if started and (resolve_path(started) / "adapter_config.json").is_file():
        return resolve_path(started)
    return None


def load_models(recipe, base_only: bool = False):
    """One model in memory: base + the run's adapter (fine-tuned), or the base alone with base_only.
    A run that started from another run's adapter (a DPO run from its SFT run) also gets that adapter,
    as "start", so every metric is measured against it too."""
    from tools.generation import load

    if base_only:
        return load(recipe, adapter=None)
    loaded = load(recipe, adapter=check_adapter(recipe))
    start = start_adapter(recipe)
    if start is not None and hasattr(loaded.model, "load_adapter"):
        loaded.model.load_adapter(start, adapter_name="start")
        loaded.model.set_adapter("default")
        loaded.model.eval()
    return loaded


@contextlib.contextmanager
def _active(model, name: str) -> Iterator[None]:
    model.set_adapter(name)
    try:
        yield
    finally:
        model.set_adapter("default")


def variants(loaded) -> Iterator[tuple[str, contextlib.AbstractContextManager]]:
    """("base", adapter disabled), ("start", the adapter the run started from, when loaded) and
    ("finetuned", the run's adapter) for a PEFT model; only "base" otherwise."""
    model = loaded.model
    if hasattr(model, "disable_adapter") and hasattr(model, "peft_config"):
        yield "base", model.disable_adapter()
        if "start" in model.peft_config:
            yield "start", _active(model, "start")
        yield "finetuned", contextlib.nullcontext()
    else:
        yield "base", contextlib.nullcontext()


def eval_settings(config: dict[str, Any]):
    """The recipe's generation settings made greedy (evaluation numbers must be reproducible)."""
    from tools.generation import Settings

    return Settings.from_recipe(config, do_sample=False)


def cap(rows: list, config: dict[str, Any]) -> list:
    """The first `evaluation.max_examples` rows (all when unset)."""
    limit = (config.get("evaluation") or {}).get("max_examples")
    return rows[:limit] if limit else rows


def row_for_question(config: dict[str, Any], question: str, answer: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(row, entry): `question` with `answer` as its output, ready for `tools.prompting.encode`."""
    from tools.prompting import inference_row

    return inference_row(config, question, answer)


def generate(loaded, prompts: list[tuple[str, list[int]]], source: str, result: MetricResult,
             settings=None) -> dict[str, list]:
    """Greedy outputs (`tools.generation.Output`) per variant for (where, prompt_ids) items, generated
    in batches of `evaluation.batch_size`; each generation is also recorded in `result.generations`
    so stopping is measured on these very outputs. `settings`: the recipe's greedy settings by default."""
    from tqdm import tqdm

    from tools.generation import generate_batch

    settings = settings or eval_settings(loaded.config)
    size = batch_size(loaded.config, loaded.model)
    outputs: dict[str, list] = {}
    for variant, context in variants(loaded):
        with context, tqdm(total=len(prompts), desc=f"{source} {variant}", leave=False, file=sys.stderr) as bar:
            outputs[variant] = generate_batch(loaded, [ids for _, ids in prompts], settings, size, bar.update)
        for (where, _), out in zip(prompts, outputs[variant]):
            result.generations.append({"source": source, "where": where, "variant": variant,
                                       "stopped": out.stopped, "new_tokens": len(out.token_ids)})
    return outputs


def batch_size(config: dict[str, Any], model) -> int:
    """`evaluation.batch_size`, else the hardware's default (tools/hardware.py), on CUDA lowered to what
    the free GPU memory holds at the recipe's context (tools/plan_path.py: an 8B in 4-bit on an 8 GB
    card fits about 6 sequences of 1,027 tokens, not the default 32)."""
    from tools.hardware import default_generation_batch

    configured = (config.get("evaluation") or {}).get("batch_size")
    if configured:
        return int(configured)
    device = next(model.parameters()).device
    size = default_generation_batch(device.type)
    if device.type == "cuda":
        import torch

        from tools.generation import Settings
        from tools.plan_path import fitting_batch, sequence_bytes
        from tools.recipe_schema import default

        c = model.config.get_text_config() if hasattr(model.config, "get_text_config") else model.config
        heads = c.num_attention_heads
        context = int(config.get("sequence_len") or default("sequence_len")) + Settings.from_recipe(config).max_new_tokens
        per_sequence = sequence_bytes(c.num_hidden_layers, getattr(c, "num_key_value_heads", None) or heads,
                                      getattr(c, "head_dim", None) or c.hidden_size // heads, c.intermediate_size, context)
        size = fitting_batch(size, torch.cuda.mem_get_info(device)[0], per_sequence)
    return size


# ---------------------------------------------------------------- thresholds
_OPS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}
_CONDITION = re.compile(r"^\s*(>=|<=|>|<)\s*(-?[0-9.]+)\s*$")


def parse_condition(text: str) -> tuple[str, float]:
    """`">= 0.95"` -> (">=", 0.95); ValueError for anything else."""
    match = _CONDITION.match(str(text))
    if not match:
        raise ValueError(f"{text!r}: expected a comparison such as '>= 0.95' (operators >=, <=, >, <)")
    return match.group(1), float(match.group(2))


def check_thresholds(thresholds: dict[str, str], values: dict[str, float], only_known: bool = False) -> list[dict[str, Any]]:
    """One entry per threshold: metric, condition, value (None when not computed), passed.

    A threshold on a metric that was not computed fails (a typo must not pass silently),
    unless only_known is set (a single metric's command checks only its own names).
    """
    out = []
    for name, condition in (thresholds or {}).items():
        op, bound = parse_condition(condition)
        value = values.get(name)
        if value is None and only_known:
            continue
        passed = value is not None and _OPS[op](value, bound)
        out.append({"metric": name, "condition": f"{op} {bound:g}", "value": value, "passed": bool(passed)})
    return out


# ---------------------------------------------------------------- files
def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()




def rounded(value: Any, digits: int = 4) -> Any:
    return round(value, digits) if isinstance(value, float) else value


# ---------------------------------------------------------------- the metric commands
def metric_main(argv: list[str] | None, prog: str, doc: str, compute) -> int:
    """Shared `main` of one metric: load the recipe and models, run `compute(loaded, recipe)`,
    print its numbers as JSON, exit 1 when a recipe threshold on those numbers fails."""
    from tools.data import DataError
    from tools.recipe import RecipeError, add_recipe_arguments, recipe_from_args

    parser = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--base-only", action="store_true", help="score the base model only (no run needed)")
    args = parser.parse_args(argv)
    try:
        recipe = recipe_from_args(args, run=not args.base_only)
        loaded = load_models(recipe, base_only=args.base_only)
        result = compute(loaded, recipe)
    except RecipeError as error:
        print("\n".join(error.errors), file=sys.stderr)
        return 1
    except DataError as error:
        print("\n".join(error.errors), file=sys.stderr)
        return 1
    except EvalError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result.metrics, indent=2, ensure_ascii=False))
    thresholds = (recipe.section("evaluation").get("thresholds")) or {}
    checks = check_thresholds(thresholds, result.metrics.get("finetuned", {}), only_known=True)
    for check in checks:
        print(f"{'ok  ' if check['passed'] else 'FAIL'} {check['metric']} = {check['value']:.4f} (needs {check['condition']})")
    return 0 if all(c["passed"] for c in checks) else 1
