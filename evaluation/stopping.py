"""Does the model stop by itself? The share of greedy generations that end with the
end-of-sequence token before `max_new_tokens` (`tools.generation.Output.stopped`), base vs fine-tuned.

    python -m evaluation.stopping qwen-personal-qa --model smollm2-135m-instruct --set evaluation.max_examples=3

Measured on the generations the other metrics already made (answers, unanswerable questions,
JSON outputs, category samples), never on extra ones: `stop_rate` over all of them, and the
rate per source in the report. Run alone, this command makes those generations first.
"""
from __future__ import annotations

import sys
from typing import Any

from evaluation.common import MetricResult


def stop_rates(generations: list[dict[str, Any]]) -> MetricResult:
    """`stop_rate` per variant, and per source in details, from generation records."""
    result = MetricResult()
    by_source: dict[str, dict[str, dict[str, float]]] = {}
    for variant in sorted({g["variant"] for g in generations}):
        mine = [g for g in generations if g["variant"] == variant]
        result.metrics.setdefault(variant, {})["stop_rate"] = sum(g["stopped"] for g in mine) / len(mine)
        for source in sorted({g["source"] for g in mine}):
            items = [g for g in mine if g["source"] == source]
            by_source.setdefault(source, {})[variant] = {
                "stop_rate": sum(g["stopped"] for g in items) / len(items),
                "mean_new_tokens": sum(g["new_tokens"] for g in items) / len(items),
                "generations": len(items),
            }
    if generations:
        result.details["stopping"] = by_source
    return result


def evaluate(loaded, config: dict[str, Any]) -> MetricResult:
    """Make the generations of answers and json_validity, then measure stopping on them."""
    from evaluation import answers, json_validity

    made = answers.evaluate(loaded, config)
    if (config.get("evaluation") or {}).get("json_validity"):
        made.merge(json_validity.evaluate(loaded, config))
    return stop_rates(made.generations)


def main(argv: list[str] | None = None) -> int:
    from evaluation.common import metric_main

    return metric_main(argv, "python -m evaluation.stopping", __doc__, lambda loaded, recipe: evaluate(loaded, recipe.config))


if __name__ == "__main__":
    sys.exit(main())
