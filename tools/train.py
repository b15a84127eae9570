"""Train a recipe: validate it and its data, resolve the model, pick precision, run a backend.

    make train RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct PROFILE=cpu
    python -m tools.train phi2-tutor --model smollm2-135m-instruct --set "max_steps=3"
    accelerate launch --multi_gpu --num_processes 2 -m tools.train qwen-personal-qa --model smollm2-135m-instruct --set max_steps=2

Writes runs/<name>/: adapter/ (PEFT adapter + tokenizer), checkpoints/, metrics.jsonl and
manifest.json. `--resume` (RESUME=1) continues from the last checkpoint.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from importlib import metadata

from tools import atomic, runs
from tools.paths import ROOT, display

PACKAGES = ("torch", "transformers", "peft", "trl", "accelerate", "datasets", "bitsandbytes", "axolotl")


def package_versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return out


def git_commit() -> str | None:
    try:
        result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, timeout=5).stdout.strip()
        return result.stdout.strip() + ("-dirty" if dirty else "") if result.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def check_inputs(recipe) -> tuple[list[str], list[str]]:
    """Every data file of the recipe parses and validates; returns (error lines, notes). A dataset
    type this project does not know (one only Axolotl reads) is left to the backend, with a note."""
    from tools.data import DataError, load_rows

    errors, notes = [], []
    for section in ("datasets", "test_datasets"):
        for index, entry in enumerate(recipe.get(section) or []):
            try:
                load_rows(entry)
            except DataError as error:
                errors += error.errors
            except ValueError as error:  # unknown dataset type: the backend decides (TRL refuses it earlier)
                notes.append(f"{section}[{index}]: rows not checked here ({error}); the backend reads them")
    return errors, notes


def run(recipe, backend: str = "trl", resume: bool = False) -> int:
    from tools import hardware
    from tools.models import ModelNotAvailable, resolve_model

    if backend == "trl":
        from tools.backends import trl as chosen
    elif backend == "axolotl":
        from tools.backends import axolotl as chosen

        if not chosen.available():
            print("error: BACKEND=axolotl needs axolotl: run `make setup-axolotl` (installs axolotl==0.19.0, ~6 min)", file=sys.stderr)
            return 1
    else:
        print(f"error: unknown BACKEND '{backend}' (use trl or axolotl)", file=sys.stderr)
        return 1
    unhonoured = chosen.unhonoured(recipe)
    if unhonoured.errors:
        print(f"error: BACKEND={backend} cannot train this recipe as written:", file=sys.stderr)
        for line in unhonoured.errors:
            print(f"  {line}", file=sys.stderr)
        return 1
    errors, data_notes = check_inputs(recipe)
    if errors:
        print(f"Data errors in {recipe.name} (nothing was trained):", file=sys.stderr)
        print("\n".join(errors[:50]), file=sys.stderr)
        if len(errors) > 50:
            print(f"... and {len(errors) - 50} more; `make check-data RECIPE={recipe.name}` lists them all", file=sys.stderr)
        return 1
    try:
        model = resolve_model(recipe["base_model"])
    except ModelNotAvailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from tools.settings import SettingsError, resolve

    hw = hardware.detect()
    try:
        settings = resolve(recipe, hw)
    except (hardware.PrecisionError, SettingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    notes = list(settings.notes)
    paths = runs.for_recipe(recipe)
    print(f"Recipe {display(recipe.path)}" + (f" with {', '.join(recipe.applied)}" if recipe.applied else ""))
    print(f"Model {model.describe()}")
    print(f"Device {hardware.describe(hw)}; precision {settings.precision} ({settings.precision_reason})")
    print(f"Run folder {display(paths.root)}", flush=True)
    for line in recipe.warnings:
        print(f"warning: {line}")
    if not resume and paths.has_adapter():
        print(f"Note: replacing the adapter of the previous run in {display(paths.adapter)}")

    for line in unhonoured.warnings + data_notes:
        print(f"note: {line}")
    notes += unhonoured.warnings + data_notes
    started = datetime.now(timezone.utc)
    start = time.monotonic()
    try:
        facts = chosen.train(recipe, settings, model, resume, notes)
    except (ValueError, RuntimeError) as error:
        if "out of memory" in str(error).lower():
            print(f"error: out of memory: lower micro_batch_size or sequence_len, or enable gradient_checkpointing "
                  f"(`make plan RECIPE={recipe.name}` estimates what fits). {error}", file=sys.stderr)
        else:
            print(f"error: {error}", file=sys.stderr)
        return 1
    for note in notes:
        print(f"note: {note}")
    if int(os.environ.get("RANK", "0")) != 0:
        return 0
    manifest = {
        "recipe": recipe.name,
        "recipe_path": display(recipe.path),
        "recipe_hash": recipe.digest(),
        "applied": recipe.applied,
        "resolved_recipe": recipe.config,
        "base_model": recipe["base_model"],
        "base_model_path": str(model.path),
        "base_model_source": model.source,
        "backend": backend,
        "versions": package_versions(),
        "python": platform.python_version(),
        "git_commit": git_commit(),
        "model": recipe.model,
        "profile": recipe.profile,
        "overrides": recipe.overrides,
        "seed": settings.seed,
        "device": hardware.describe(hw),
        "precision": settings.precision,
        "precision_reason": settings.precision_reason,
        "settings": settings.as_dict(),
        "notes": notes,
        "started": started.isoformat(timespec="seconds"),
        "wall_seconds": round(time.monotonic() - start, 1),
        "world_size": int(os.environ.get("WORLD_SIZE", "1")),
        **facts,
    }
    atomic.write_json(paths.manifest, manifest)
    if facts.get("interrupted"):
        return 130
    print(f"Adapter: {display(paths.adapter)}  metrics: {display(paths.metrics)}  manifest: {display(paths.manifest)}")
    print(f"Done in {manifest['wall_seconds']:.0f} s ({facts['steps']} steps, final train loss {facts.get('train_loss')}). "
          f"Next: make eval RECIPE={recipe.name}" + "".join(f" {a}" for a in recipe.applied if a.startswith(("MODEL=", "PROFILE="))))
    return 0


def main(argv: list[str] | None = None) -> int:
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m tools.train", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--backend", default="trl", choices=["trl", "axolotl"])
    parser.add_argument("--resume", action="store_true", help="continue from the last checkpoint")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    recipe = recipe_or_report(args, "Recipe errors (nothing was trained):")
    if recipe is None:
        return 1
    return run(recipe, args.backend, args.resume)


if __name__ == "__main__":
    sys.exit(main())
