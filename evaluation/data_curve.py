"""Held-out answers against the training data: the same recipe and the same number of steps, trained
on each of several training files, each adapter asked what `make eval` asks. The curve a report
cites when a number is out of reach and the question is "would more (or more varied) data do it?".

    python datasets/personal-qa/build.py --phrasings 1 --out runs/phrasings/k1      # (and 2, 4)
    python -m evaluation.data_curve qwen-personal-qa --model smollm2-135m-instruct --profile cpu \
        --set max_steps=122 --axis "wordings per fact" \
        --variant 1=runs/phrasings/k1/train.jsonl --variant 2=runs/phrasings/k2/train.jsonl \
        --variant 4-8=runs/qwen-personal-qa

A variant is LABEL=FILE (trained into runs/<name>-data-curve/<LABEL> with `datasets.<index>.path`
set to FILE; an adapter already trained there from the same file and steps is reused) or
LABEL=RUN_FOLDER (a finished run of the recipe, asked as it is). Every point uses the recipe's
greedy generation settings; the step count should be fixed with SET max_steps so the points
differ only in their data. Writes reports/<name>/data_curve.md and data_curve.json, after each point.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from evaluation.curve import COLUMNS, cells, point
from tools import atomic
from tools.paths import display, reports_dir, runs_dir


def parse_variant(text: str) -> tuple[str, Path]:
    label, sep, path = text.partition("=")
    if not sep or not label or not path:
        raise argparse.ArgumentTypeError(f"'{text}': expected LABEL=FILE or LABEL=RUN_FOLDER")
    return label, Path(path)


def _rows_in(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def _trained_from(run: Path) -> dict[str, Any] | None:
    manifest = run / "manifest.json"
    if not (run / "adapter" / "adapter_config.json").is_file() or not manifest.is_file():
        return None
    return json.loads(manifest.read_text())


def train_point(args: argparse.Namespace, label: str, data: Path, backend: str) -> tuple[Any, Path, dict]:
    """Train (or reuse) the variant's run; returns (recipe, run folder, manifest)."""
    from tools import train
    from tools.recipe import load_recipe

    run = runs_dir() / f"{args.recipe}-data-curve" / label
    overrides = list(args.overrides or []) + [f"datasets.{args.dataset_index}.path={data} output_dir={run}"]
    recipe = load_recipe(args.recipe, model=args.model, overrides=overrides, profile=args.profile)
    done = _trained_from(run)
    same = done is not None and not done.get("interrupted") and done.get("resolved_recipe") == recipe.config
    if same:
        print(f"[{label}] reusing {display(run)} (same recipe, same data)", flush=True)
    else:
        print(f"[{label}] training on {display(data)} ({_rows_in(data)} rows) into {display(run)}", flush=True)
        if train.run(recipe, backend=backend) != 0:
            raise SystemExit(f"error: training the '{label}' point failed; the points before it are kept")
    return recipe, run, json.loads((run / "manifest.json").read_text())


def existing_point(args: argparse.Namespace, label: str, run: Path) -> tuple[Any, Path, dict]:
    from tools.recipe import load_recipe

    manifest = _trained_from(run)
    if manifest is None:
        raise SystemExit(f"error: {display(run)} has no finished run (adapter/ and manifest.json)")
    recipe = load_recipe(args.recipe, model=args.model, overrides=args.overrides, profile=args.profile)
    if manifest.get("base_model") != recipe["base_model"]:
        raise SystemExit(f"error: {display(run)} was trained on {manifest.get('base_model')}, "
                         f"not {recipe['base_model']}; give the same MODEL")
    print(f"[{label}] asking the finished run {display(run)}", flush=True)
    return recipe, run, manifest


def render(name: str, axis: str, rows: list[dict[str, Any]]) -> str:
    columns = [(key, label) for key, label in COLUMNS if any(key in row for row in rows)]
    lines = [f"# Data curve: {name}", "",
             f"Held-out answers against the training data ({axis}); every point is the same recipe trained",
             "for the same steps on a different training file (`python -m evaluation.data_curve`). Each adapter",
             "is merged into the base in the inference precision, as in curve.md.", "",
             f"| {axis} | training rows | steps | " + " | ".join(label for _, label in columns) + " |",
             "|---:|---:|---:|" + "---:|" * len(columns)]
    for row in rows:
        lines.append(f"| {row['label']} | {row['rows']} | {row['steps']} | " + " | ".join(cells(row, columns)) + " |")
    lines += ["", "Training files: " + "; ".join(f"{row['label']}: `{row['data']}`" for row in rows)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from tools.recipe import add_recipe_arguments

    parser = argparse.ArgumentParser(prog="python -m evaluation.data_curve", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--variant", type=parse_variant, action="append", required=True,
                        help="LABEL=FILE (train on FILE) or LABEL=RUN_FOLDER (a finished run); repeat")
    parser.add_argument("--axis", default="training data", help="what the labels measure, for the table")
    parser.add_argument("--dataset-index", type=int, default=0, help="which `datasets` entry the FILE replaces")
    parser.add_argument("--backend", default="trl", choices=["trl", "axolotl"])
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    target = reports_dir() / args.recipe
    for label, path in args.variant:
        if path.is_dir():
            recipe, run, manifest = existing_point(args, label, path)
        elif path.is_file():
            recipe, run, manifest = train_point(args, label, path, args.backend)
        else:
            print(f"error: --variant {label}={path}: no such file or run folder", file=sys.stderr)
            return 1
        data = manifest["resolved_recipe"]["datasets"][args.dataset_index]["path"]
        row = {"label": label, "data": data, "rows": manifest.get("examples", {}).get("examples"),
               "steps": manifest.get("steps"), "train_seconds": manifest.get("train_seconds"),
               **point(recipe, run / "adapter")}
        print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
        rows.append(row)
        atomic.write_json(target / "data_curve.json", {"axis": args.axis, "applied": recipe.applied, "rows": rows})
        atomic.write_text(target / "data_curve.md", render(args.recipe, args.axis, rows))
    print(display(target / "data_curve.md"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
