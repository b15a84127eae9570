"""Evaluate a trained run against its base model on held-out data and write the report (make eval).

    make eval RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct
    python -m evaluation.run qwen-personal-qa --model smollm2-135m-instruct --set "evaluation.max_examples=3"

Loads the base model once with the run's adapter (runs/<name>/adapter/); the base numbers are
taken with the adapter disabled. What is computed follows from the keys of the recipe's
`evaluation:` section (nll, preference, answers, unanswerable, json_validity, category_field);
stopping is measured on the generations those metrics made. Writes reports/<name>/ (report.md,
metrics.json, loss.png, per-example JSONL). Exits 1 when the run has no adapter or when a
threshold in `evaluation.thresholds` is not met by the fine-tuned model.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timezone
from importlib import metadata
from typing import Any

from evaluation.common import (VARIANTS, EvalError, MetricResult, check_adapter, check_thresholds, eval_settings,
                               load_models, sha256_file)
from tools import runs
from tools.paths import display, reports_dir

MANIFEST_KEYS = ("backend", "started", "wall_seconds", "steps", "epochs", "train_loss", "eval_loss", "device", "precision",
                 "seed", "recipe_hash", "applied", "git_commit", "versions", "interrupted", "rl", "started_from")


def evaluate(recipe, loaded) -> MetricResult:
    """Every metric the recipe's evaluation section asks for, base and fine-tuned."""
    from evaluation import answers, json_validity, nll, preference, stopping

    config = recipe.config
    evaluation = recipe.section("evaluation")
    result = MetricResult()
    if evaluation.get("nll"):
        result.merge(nll.evaluate(loaded, config))
    if evaluation.get("preference"):
        result.merge(preference.evaluate(loaded, config))
    result.merge(answers.evaluate(loaded, config))
    if evaluation.get("json_validity"):
        result.merge(json_validity.evaluate(loaded, config))
    if result.generations:
        result.merge(stopping.stop_rates(result.generations))
    return result


def report_data(recipe, loaded, result: MetricResult, seconds: float) -> dict[str, Any]:
    """The content of metrics.json."""
    from tools import hardware
    from tools.models import resolve_model

    paths = runs.for_recipe(recipe)
    manifest = paths.read_manifest()
    base = resolve_model(recipe["base_model"])
    metrics = {v: dict(result.metrics.get(v, {})) for v in VARIANTS if v != "start" or result.metrics.get(v)}
    for key, against in (("delta", "base"), ("delta_start", "start")):
        if against in metrics:
            metrics[key] = {name: (value - metrics[against][name]) if value is not None and metrics[against].get(name) is not None
                            else None for name, value in metrics["finetuned"].items()}
    thresholds = check_thresholds(recipe.section("evaluation").get("thresholds") or {}, metrics["finetuned"])
    device = next(loaded.model.parameters()).device
    settings = {k: v for k, v in vars(eval_settings(recipe.config)).items() if k in ("max_new_tokens", "repetition_penalty", "stop") and v}
    for key in ("first_line_only", "fallback", "system_prompt"):
        if recipe.section("generation").get(key):
            settings[key] = recipe.section("generation")[key]
    versions = {}
    for package in ("torch", "transformers", "peft"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return {
        "recipe": recipe.name,
        "description": recipe.get("description"),
        "recipe_path": display(recipe.path),
        "applied": recipe.applied,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "device": hardware.describe(hardware.detect()) + ("" if device.type == hardware.detect().device else f"; evaluated on {device}"),
        "model": {"base_model": recipe["base_model"], "path": display(base.path), "source": base.source},
        "adapter": display(paths.adapter),
        "loaded": loaded.source,
        "generation": settings,
        "versions": versions,
        "data_files": [{"path": path, "used_for": used_for, "sha256": sha256_file(_absolute(path))}
                       for path, used_for in result.data_files.items()],
        "manifest": {k: manifest[k] for k in MANIFEST_KEYS if k in manifest},
        "metrics": metrics,
        "thresholds": thresholds,
        "passed": all(t["passed"] for t in thresholds),
        "details": result.details,
        "eval_seconds": seconds,
    }


def _absolute(path: str):
    from tools.data import resolve_path

    return resolve_path(path)


def run(recipe) -> int:
    from evaluation.report import write_report
    from tools.data import DataError

    evaluation = recipe.section("evaluation")
    if not any(evaluation.get(k) for k in ("nll", "preference", "answers", "unanswerable", "json_validity")):
        print(f"error: {display(recipe.path)}: the recipe has no `evaluation:` metrics (nll, preference, answers, "
              f"unanswerable, json_validity); add at least one", file=sys.stderr)
        return 1
    try:
        check_adapter(recipe)
        print(f"Recipe {display(recipe.path)}" + (f" with {', '.join(recipe.applied)}" if recipe.applied else ""), flush=True)
        start = time.monotonic()
        loaded = load_models(recipe)
        print(f"Loaded {loaded.source}", flush=True)
        result = evaluate(recipe, loaded)
    except EvalError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        print("\n".join(error.errors), file=sys.stderr)
        return 1
    data = report_data(recipe, loaded, result, time.monotonic() - start)
    target = reports_dir() / recipe.name
    report = write_report(target, data, result.files, runs.for_recipe(recipe).read_metrics())
    _print_summary(data)
    print(f"Report: {display(report)}  metrics: {display(target / 'metrics.json')}")
    if not data["passed"]:
        failed = [t for t in data["thresholds"] if not t["passed"]]
        for check in failed:
            value = "not computed (check the metric name)" if check["value"] is None else f"{check['value']:.4f}"
            print(f"FAIL: {check['metric']} = {value}, needs {check['condition']}", file=sys.stderr)
        return 1
    return 0


def _print_summary(data: dict[str, Any]) -> None:
    m = data["metrics"]
    start = "start" in m
    print(f"{'metric':<28} {'base':>10}" + (f" {'start':>10}" if start else "") + f" {'fine-tuned':>10} {'delta':>10}")
    for name, value in m["finetuned"].items():
        cells = [m["base"].get(name)] + ([m["start"].get(name)] if start else []) + [value, m["delta"].get(name)]
        print(f"{name:<28} " + " ".join(f"{c:>10.4f}" if isinstance(c, (int, float)) else f"{'-':>10}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m evaluation.run", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    args = parser.parse_args(argv)
    recipe = recipe_or_report(args, "Recipe errors (nothing was evaluated):", run=True)
    if recipe is None:
        return 1
    return run(recipe)


if __name__ == "__main__":
    sys.exit(main())
