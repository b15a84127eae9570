"""The newcomer's path: validate, check data, train on the embedded model, evaluate, export, summarise.

    make demo                              # RECIPE=qwen-personal-qa by default
    DEMO_MAX_STEPS=5 make demo             # a shortened run (the README's test uses this)

Each stage prints a header; a failing stage says which stage failed and what to do.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from tools import runs
from tools.models import EMBEDDED
from tools.paths import display, reports_dir

STAGE_HELP = {
    "validate": "fix the recipe errors above (make validate RECIPE={r})",
    "check-data": "fix the data errors above (make check-data RECIPE={r} lists them all)",
    "train": "see the error above; rerun with RESUME=1 to continue from the last checkpoint (make train RECIPE={r} MODEL=%s PROFILE=cpu RESUME=1)" % EMBEDDED,
    "eval": "see the error above; the adapter is saved, rerun make eval RECIPE={r} MODEL=%s PROFILE=cpu" % EMBEDDED,
    "export": "see the error above; rerun make export RECIPE={r} MODEL=%s PROFILE=cpu" % EMBEDDED,
}


def _stage(number: int, total: int, name: str) -> float:
    print(f"\n=== [{number}/{total}] {name} ===", flush=True)
    return time.monotonic()


def run(recipe_name: str, max_steps: int | None) -> int:
    from evaluation import run as evaluation_run
    from tools import check_data, export, train
    from tools.recipe import RecipeError, load_recipe

    common = ["--model", EMBEDDED, "--profile", "cpu"]
    # DEMO_MAX_STEPS shortens the run for tests: fewer steps and only a few generated answers.
    overrides = ["--set", f"max_steps={max_steps} evaluation.max_examples=3"] if max_steps else []
    stages = [
        ("validate", lambda: _validate(recipe_name)),
        ("check-data", lambda: check_data.main([recipe_name, *common])),
        ("train", lambda: train.main([recipe_name, *common, *overrides])),
        ("eval", lambda: evaluation_run.main([recipe_name, *common, *overrides])),
        ("export", lambda: export.main([recipe_name, *common, *overrides])),
    ]
    timings = {}
    for number, (name, action) in enumerate(stages, start=1):
        start, start_wall = _stage(number, len(stages) + 1, name), time.time()
        try:
            code = action()
        except RecipeError as error:
            print("\n".join(error.errors), file=sys.stderr)
            code = 1
        timings[name] = time.monotonic() - start
        if name == "eval" and code == 1 and _report_written_since(recipe_name, start_wall):
            # The report exists: a threshold was missed, which `make eval` gates on; the demo goes on.
            print("note: the report was written but a threshold in the recipe was not met (see above); "
                  "a longer run usually meets it. Continuing with the export.", flush=True)
            code = 0
        if code not in (0, None):
            print(f"\nThe demo stopped at stage '{name}' (exit {code}). What to do: "
                  f"{STAGE_HELP[name].format(r=recipe_name)}", file=sys.stderr)
            return 1
    _stage(len(stages) + 1, len(stages) + 1, "summary")
    recipe = load_recipe(recipe_name, model=EMBEDDED, profile="cpu")
    summarise(recipe, timings)
    return 0


def _report_written_since(recipe_name: str, since: float) -> bool:
    report = reports_dir() / recipe_name / "report.md"
    return report.is_file() and report.stat().st_mtime >= since


def _validate(recipe_name: str) -> int:
    from tools.recipe import main as recipe_main

    return recipe_main(["validate", recipe_name])


def summarise(recipe, timings: dict[str, float]) -> None:
    from tools import generation

    paths = runs.for_recipe(recipe)
    report = reports_dir() / recipe.name
    ggufs = sorted(paths.gguf.glob("*.gguf"))
    print(f"Adapter:  {display(paths.adapter)}")
    print(f"Report:   {display(report / 'report.md')}")
    print(f"GGUF:     {', '.join(display(g) for g in ggufs) or 'none'}  (Modelfile beside it)")
    print("Stage times: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    metrics_file = report / "metrics.json"
    if metrics_file.is_file():
        metrics = json.loads(metrics_file.read_text()).get("metrics") or {}
        base, tuned = metrics.get("base") or {}, metrics.get("finetuned") or {}
        if tuned:
            print("\nHeadline metrics (base -> fine-tuned):")
            for name, value in tuned.items():
                print(f"  {name}: {base.get(name)} -> {value}")
    questions = [q for q in _sample_questions(recipe)][:3]
    if questions:
        print("\nThe same questions, base model vs fine-tuned:")
        base = generation.load(recipe, adapter=None)
        tuned = generation.load(recipe, adapter=paths.adapter)
        for question in questions:
            print(f"\n  Q: {question}")
            print(f"  base:       {generation.answer(base, question).text}")
            print(f"  fine-tuned: {generation.answer(tuned, question).text}")
    print(f"\nNext:\n  make chat RECIPE={recipe.name} MODEL={EMBEDDED}      # talk to it"
          f"\n  make serve RECIPE={recipe.name} MODEL={EMBEDDED}     # web page on http://127.0.0.1:8000"
          f"\n  make train RECIPE={recipe.name}                       # on a GPU, with the recipe's real base model")


def _sample_questions(recipe) -> list[str]:
    from tools.data import read_jsonl

    evaluation = recipe.section("evaluation")
    questions = []
    for key in ("answers", "unanswerable"):
        if evaluation.get(key):
            rows = read_jsonl(evaluation[key])
            questions += [row.data["question"] for row in rows[:2 if key == "answers" else 1]]
    return questions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.demo", description=__doc__.splitlines()[0])
    parser.add_argument("recipe", nargs="?", default="qwen-personal-qa")
    args = parser.parse_args(argv)
    steps = os.environ.get("DEMO_MAX_STEPS")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return run(args.recipe, int(steps) if steps else None)


if __name__ == "__main__":
    sys.exit(main())
