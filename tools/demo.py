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

STARTED = time.monotonic()  # the demo's whole time, start-up and summary included, is counted from here

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
        # A few steps leave an adapter whose next-token choices are near-ties that q8_0 rounding can
        # flip (the verification would rightly refuse it); the shortened run exports f16 instead,
        # which holds the bf16 weights exactly. The full demo exports the recipe's q8_0.
        ("export", lambda: export.main([recipe_name, *common, *overrides, *(["--quant", "f16"] if max_steps else [])])),
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
    paths = runs.for_recipe(recipe)
    report = reports_dir() / recipe.name
    ggufs = sorted(paths.gguf.glob("*.gguf"))
    print(f"Adapter:  {display(paths.adapter)}")
    print(f"Report:   {display(report / 'report.md')}")
    print(f"GGUF:     {', '.join(display(g) for g in ggufs) or 'none'}  (Modelfile beside it)")
    print("Stage times: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())
          + f"; stages {sum(timings.values()) / 60:.1f} min, whole demo {(time.monotonic() - STARTED) / 60:.1f} min")
    metrics_file = report / "metrics.json"
    data = json.loads(metrics_file.read_text()) if metrics_file.is_file() else {}
    if data.get("metrics"):
        _print_headline(data)
    shown = _sample_answers(report, data)
    if shown:
        evaluation = recipe.section("evaluation")
        print("\nThe same held-out questions, base model vs fine-tuned (the first two of "
              f"{evaluation.get('answers')} and the first of {evaluation.get('unanswerable')}; never picked "
              "by hand; the answers make eval wrote to the report):")
        for row in shown:
            print(f"\n  Q: {row['question']}")
            print(f"  reference:  {row.get('reference') or recipe.section('generation').get('fallback', '')}")
            print(f"  base:       {row['base']['answer']}")
            print(f"  fine-tuned: {row['finetuned']['answer']}")
    print(f"\nNext:\n  make chat RECIPE={recipe.name}      # talk to it (MODEL and PROFILE come from the run)"
          f"\n  make serve RECIPE={recipe.name}     # web page on http://127.0.0.1:8000"
          f"\n  make train RECIPE={recipe.name}                       # on a GPU, with the recipe's real base model")


def _print_headline(data: dict) -> None:
    """Every held-out count the report has, as plain sentences, then the metrics table."""
    base, tuned = data["metrics"].get("base") or {}, data["metrics"].get("finetuned") or {}
    details = data.get("details") or {}
    answers = (details.get("answers") or {}).get("examples")
    unanswerable = (details.get("unanswerable") or {}).get("examples")
    print("\nOn held-out questions (reports/" + data["recipe"] + "/report.md):")
    if answers and "answer_normalized_match" in tuned:
        print(f"  answered right (normalised match): {round(tuned['answer_normalized_match'] * answers)} of {answers} "
              f"(base model: {round(base.get('answer_normalized_match', 0) * answers)}); token F1 "
              f"{tuned['answer_token_f1']:.2f} (base {base.get('answer_token_f1', 0):.2f})")
    if answers and "answer_fallback_rate" in tuned:
        print(f"  wrongly refused: {round(tuned['answer_fallback_rate'] * answers)} of {answers}")
    if unanswerable and "unanswerable_fallback_rate" in tuned:
        print(f"  unanswerable questions given the fallback sentence: "
              f"{round(tuned['unanswerable_fallback_rate'] * unanswerable)} of {unanswerable} "
              f"(base model: {round(base.get('unanswerable_fallback_rate', 0) * unanswerable)})")
    print("\nAll metrics (base -> fine-tuned):")
    for name, value in tuned.items():
        if "[" not in name:
            print(f"  {name}: {_num(base.get(name))} -> {_num(value)}")


def _num(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _sample_answers(report, data: dict) -> list[dict]:
    """The first two answerable held-out questions and the first unanswerable one, as the evaluation
    answered them (its per-example files keep the held-out files' order)."""
    picked = []
    for name, count in (("answers.jsonl", 2), ("unanswerable.jsonl", 1)):
        if name in (data.get("files") or []) and (report / name).is_file():
            lines = (report / name).read_text(encoding="utf-8").splitlines()[:count]
            picked += [json.loads(line) for line in lines if line.strip()]
    return picked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.demo", description=__doc__.splitlines()[0])
    parser.add_argument("recipe", nargs="?", default="qwen-personal-qa")
    args = parser.parse_args(argv)
    steps = os.environ.get("DEMO_MAX_STEPS")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return run(args.recipe, int(steps) if steps else None)


if __name__ == "__main__":
    sys.exit(main())
