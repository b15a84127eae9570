"""Held-out answer metrics against training steps, from a run's checkpoints: the learning curve a
report cites when a number is out of reach in the CPU budget.

    python -m evaluation.curve qwen-personal-qa --model smollm2-135m-instruct --profile cpu \
        [--run runs/qwen-personal-qa] [--output curve]

Each `checkpoint-<step>` of the run is loaded on the base, merged, and asked what the recipe's
`evaluation.answers`, `evaluation.unanswerable` and `evaluation.json_validity` ask, with the
recipe's greedy generation settings, as `make eval` asks them. Writes reports/<name>/curve.md and
curve.json (a row per step; the columns the recipe's metrics give).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from tools import atomic
from tools.paths import display, reports_dir

COLUMNS = (("answer_token_f1", "answer token F1"), ("answer_normalized_match", "normalised match"),
           ("answer_fallback_rate", "answerable wrongly refused"),
           ("unanswerable_fallback_rate", "unanswerable given the fallback"),
           ("json_valid_rate", "schema-valid"), ("constrained_json_valid_rate", "schema-valid, constrained"),
           ("json_field_accuracy", "field accuracy"), ("json_exact_match", "whole object right"))


def checkpoints(run: Path) -> list[tuple[int, Path]]:
    """(step, adapter folder) in step order; the final adapter counts as the last step."""
    found = []
    for folder in (run / "checkpoints").glob("checkpoint-*"):
        match = re.fullmatch(r"checkpoint-(\d+)", folder.name)
        if match and (folder / "adapter_config.json").is_file():
            found.append((int(match.group(1)), folder))
    return sorted(found)


def point(recipe, adapter: Path) -> dict[str, float]:
    """The fine-tuned numbers of one adapter (merged into the base, so only that model is asked)."""
    from evaluation import json_validity
    from evaluation.answers import evaluate_answers, evaluate_unanswerable
    from tools.generation import load

    loaded = load(recipe, adapter=adapter)
    loaded.model = loaded.model.merge_and_unload()
    values: dict[str, float] = {}
    evaluation = recipe.section("evaluation")
    if evaluation.get("answers"):
        values.update(evaluate_answers(loaded, recipe.config).metrics["base"])
    if evaluation.get("unanswerable"):
        values.update(evaluate_unanswerable(loaded, recipe.config).metrics["base"])
    if evaluation.get("json_validity"):
        values.update(json_validity.evaluate(loaded, recipe.config).metrics["base"])
    return values


def cells(row: dict[str, Any], columns: list[tuple[str, str]]) -> list[str]:
    """A table row's metric cells, two decimals; blank where the point lacks the metric."""
    return [f"{row[key]:.2f}" if isinstance(row.get(key), (int, float)) else "" for key, _ in columns]


def render(name: str, rows: list[dict[str, Any]], source: str, trained: list[str] | None = None) -> str:
    columns = [(key, label) for key, label in COLUMNS if any(key in row for row in rows)]
    made = f" (trained with {', '.join(trained)})" if trained else ""
    lines = [f"# Learning curve: {name}", "",
             f"Held-out answers at each saved checkpoint of `{source}`{made} (`python -m evaluation.curve`). Each",
             "adapter is merged into the base in the inference precision, so the last row can differ from",
             "`make eval` (adapter applied unmerged) by a question or two.", "",
             "| step | " + " | ".join(label for _, label in columns) + " |",
             "|---:|" + "---:|" * len(columns)]
    for row in rows:
        lines.append(f"| {row['step']} | " + " | ".join(cells(row, columns)) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from tools import runs
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m evaluation.curve", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--run", type=Path, help="the run folder (default: runs/<name>)")
    parser.add_argument("--output", default="curve", help="report file stem: reports/<name>/<output>.md and .json")
    args = parser.parse_args(argv)
    recipe = recipe_or_report(args, "Recipe errors:", run=True)
    if recipe is None:
        return 1
    run = args.run or runs.for_recipe(recipe).root
    points = checkpoints(run)
    if not points:
        print(f"error: {display(run)} has no checkpoints/checkpoint-<step> with an adapter", file=sys.stderr)
        return 1
    rows = []
    for step, folder in points:
        row = {"step": step, **point(recipe, folder)}
        print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
        rows.append(row)
    target = reports_dir() / recipe.name
    manifest = run / "manifest.json"
    trained = (json.loads(manifest.read_text()).get("applied") or []) if manifest.is_file() else []
    atomic.write_json(target / f"{args.output}.json",
                      {"run": display(run), "trained_with": trained, "applied": recipe.applied, "rows": rows})
    atomic.write_text(target / f"{args.output}.md", render(recipe.name, rows, display(run), trained))
    print(display(target / f"{args.output}.md"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
