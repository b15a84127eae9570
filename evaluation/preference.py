"""Does the model prefer the correct answer? NLL of `chosen` vs `rejected`, base vs fine-tuned.

    python -m evaluation.preference qwen-personal-qa --model smollm2-135m-instruct

Rows are {question, chosen, rejected}. Each candidate is laid out as the recipe's first training
dataset lays out a question and its answer (`tools.prompting.encode`, prompt masked) and scored
by mean NLL per answer token. `preference_accuracy` is the fraction of pairs where the chosen
answer has the lower NLL (a tie counts as wrong); `preference_margin` is the mean of
NLL(rejected) - NLL(chosen) (positive: the correct answer is preferred).
"""
from __future__ import annotations

import sys
from typing import Any

from evaluation.common import MetricResult, row_for_question, variants
from evaluation.nll import mean_nll, score
from tools.paths import display
from tools.prompting import encode

FIELDS = ("question", "chosen", "rejected")


def pair_sequences(config: dict[str, Any], tokenizer, question: str, chosen: str, rejected: str):
    """(input_ids, labels) for the chosen and the rejected answer to one question."""
    out = []
    for candidate in (chosen, rejected):
        row, entry = row_for_question(config, question, candidate)
        enc = encode(row, entry, tokenizer, config)
        out.append((enc.input_ids, enc.labels))
    return out


def summarise(pairs: list[tuple[float, float]]) -> dict[str, float | None]:
    """Accuracy and mean margin from (nll_chosen, nll_rejected) per pair."""
    if not pairs:
        return {"preference_accuracy": None, "preference_margin": None}
    correct = sum(1 for chosen, rejected in pairs if chosen < rejected)
    return {"preference_accuracy": correct / len(pairs),
            "preference_margin": sum(rejected - chosen for chosen, rejected in pairs) / len(pairs)}


def implicit_rewards(policy: list[float], reference: list[float], beta: float) -> dict[str, float]:
    """DPO's implicit reward on held-out pairs: r = beta x (log p_policy - log p_reference) of each
    answer (summed NLLs, chosen then rejected per pair); accuracy = share of pairs whose chosen
    reward is higher, margin = mean r(chosen) - r(rejected) (TRL's rewards/accuracies, /margins)."""
    rewards = [beta * (ref - pol) for pol, ref in zip(policy, reference)]  # NLL = -log p
    margins = [rewards[i] - rewards[i + 1] for i in range(0, len(rewards), 2)]
    return {"reward_accuracy": sum(m > 0 for m in margins) / len(margins), "reward_margin": sum(margins) / len(margins)}


def evaluate(loaded, config: dict[str, Any]) -> MetricResult:
    from tools.data import read_jsonl, require_fields, resolve_path

    path = (config.get("evaluation") or {})["preference"]
    rows = read_jsonl(path)
    require_fields(rows, FIELDS)
    tokenizer = loaded.tokenizer
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    sequences = []
    for row in rows:
        sequences += pair_sequences(config, tokenizer, *(row.data[f] for f in FIELDS))
    result = MetricResult(data_files={display(resolve_path(path)): "preference"})
    per_example = [{"where": row.where, "question": row.data["question"]} for row in rows]
    totals: dict[str, list[float]] = {}
    for variant, context in variants(loaded):
        with context:
            scored = score(loaded.model, sequences, pad_id, progress=f"preference {variant}")
        totals[variant] = [total for total, _ in scored]
        nlls = [mean_nll(*pair) for pair in scored]
        pairs = [(nlls[2 * i], nlls[2 * i + 1]) for i in range(len(rows))]
        result.metrics[variant].update(summarise(pairs))
        for item, (chosen, rejected) in zip(per_example, pairs):
            item[f"nll_chosen_{variant}"] = chosen
            item[f"nll_rejected_{variant}"] = rejected
            item[f"correct_{variant}"] = chosen < rejected
    if "start" in totals:  # a run that continued another run's adapter: DPO's implicit reward against it
        result.metrics["finetuned"].update(implicit_rewards(totals["finetuned"], totals["start"], config.get("rl_beta") or 0.1))
    result.files["preference.jsonl"] = per_example
    result.details["preference"] = {"path": display(resolve_path(path)), "pairs": len(rows)}
    return result


def main(argv: list[str] | None = None) -> int:
    from evaluation.common import metric_main

    return metric_main(argv, "python -m evaluation.preference", __doc__, lambda loaded, recipe: evaluate(loaded, recipe.config))


if __name__ == "__main__":
    sys.exit(main())
