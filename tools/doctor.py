"""Print what a run will use and why: versions, hardware, precision, models, disk.

    python -m tools.doctor                         # make doctor
    python -m tools.doctor phi2-tutor --model smollm2-135m-instruct

Exits 1 when something is missing that a run needs: a package off its pin, the embedded
model package, too little disk, or (when a recipe is named) that recipe's base model.
"""
from __future__ import annotations

import argparse
import platform
import shutil
import sys
from importlib import metadata

from tools.paths import ROOT

MIN_FREE_GB = 5.0


def pinned_requirements(path=ROOT / "requirements.txt") -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[name.strip()] = version.strip()
    return pins


def check_versions() -> list[tuple[str, str, str, bool]]:
    rows = []
    for name, wanted in pinned_requirements().items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            have = "missing"
        ok = have == wanted or have.split("+", 1)[0] == wanted
        rows.append((name, wanted, have, ok))
    return rows


def main(argv: list[str] | None = None) -> int:
    from tools import hardware, models
    from tools.recipe import RecipeError, add_recipe_arguments, all_recipe_paths, load_recipe, recipe_from_args

    parser = argparse.ArgumentParser(prog="python -m tools.doctor", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser, recipe_required=False)
    args = parser.parse_args(argv)
    problems: list[str] = []

    print(f"Python {platform.python_version()} ({sys.executable})")
    print("\nPackages (pinned in requirements.txt):")
    for name, wanted, have, ok in check_versions():
        print(f"  {'ok  ' if ok else 'FAIL'} {name:20s} pinned {wanted:10s} installed {have}")
        if not ok:
            problems.append(f"{name} is {have}, pinned {wanted}: run `make setup`")
    try:
        print(f"  info axolotl              installed {metadata.version('axolotl')} (BACKEND=axolotl available)")
    except metadata.PackageNotFoundError:
        print("  info axolotl              not installed (optional: `make setup-axolotl` for BACKEND=axolotl)")

    hw = hardware.detect()
    print(f"\nHardware: {hardware.describe(hw)}")
    import torch

    print(f"  torch {torch.__version__}, {torch.get_num_threads()} threads, CUDA {'yes' if torch.cuda.is_available() else 'no'}")

    print("\nEmbedded model:")
    ok, how = models.is_available(models.EMBEDDED)
    print(f"  {models.EMBEDDED}: {how}")
    if not ok:
        problems.append(how)

    if args.recipe:
        try:
            targets = [recipe_from_args(args)]
        except RecipeError as error:
            print("\n".join(error.errors))
            return 1
    else:
        targets = []
        for path in all_recipe_paths():
            try:
                targets.append(load_recipe(path, check_paths=False))
            except RecipeError:
                problems.append(f"{path.name} does not validate: run `make validate`")
    print("\nRecipes:")
    for recipe in targets:
        base = recipe["base_model"]
        available, how = models.is_available(base)
        from tools.settings import SettingsError, resolve

        notes: tuple[str, ...] = ()
        try:
            settings = resolve(recipe, hw)  # what a run here would use (tools/settings.py)
            precision_text = f"{settings.precision} ({settings.precision_reason}); optimizer {settings.optimizer}"
            notes = settings.notes
        except (hardware.PrecisionError, SettingsError) as error:
            precision_text = f"ERROR: {error}"
            if args.recipe:
                problems.append(str(error))
        status = "ok  " if available else ("FAIL" if args.recipe else "warn")
        print(f"  {status} {recipe.name}: {base} -> {how if available else 'not available offline'}; precision {precision_text}")
        for note in notes:
            print(f"       note: {note}")
        if not available:
            if args.recipe:
                problems.append(how)
            else:
                print(f"       run it here with MODEL={models.EMBEDDED}")

    free = shutil.disk_usage(ROOT).free / 2**30
    print(f"\nDisk: {free:.1f} GiB free in {ROOT}")
    if free < MIN_FREE_GB:
        problems.append(f"only {free:.1f} GiB free; a run needs about {MIN_FREE_GB:.0f} GiB (checkpoints, merged model, GGUF)")

    if problems:
        print("\nProblems:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print("\nAll good.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
