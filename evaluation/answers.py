"""Generated answers against references, the fallback on unanswerable questions, and sampled
answers per category, base vs fine-tuned.

    python -m evaluation.answers qwen-personal-qa --model smollm2-135m-instruct --set evaluation.max_examples=3

Questions are answered as chat/serve answer them (`tools.generation.answer`: the recipe's prompt
layout, generation settings made greedy, and post-processing such as `first_line_only` and the
fallback sentence). Metrics (each over at most `evaluation.max_examples` rows):
- `answer_exact_match`: the answer equals the reference after trimming spaces;
- `answer_normalized_match`: equal after lowercasing and removing accents and punctuation;
- `answer_token_f1`: token-level F1 of the normalised texts (SQuAD style), averaged;
- `answer_fallback_rate`: answerable questions answered with `generation.fallback` (lower is better);
- `unanswerable_fallback_rate`: unanswerable questions answered with `generation.fallback`.
With `evaluation.category_field`, `samples_per_category` rows per category of the first NLL
file are answered too and shown in the report (no metric).
"""
from __future__ import annotations

import random
import sys
from collections import Counter
from typing import Any

from evaluation.common import EvalError, MetricResult, cap, generate
from tools.generation import normalise_text
from tools.paths import display


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed, whitespace collapsed."""
    return " ".join(normalise_text(text).split())


def exact_match(prediction: str, reference: str) -> bool:
    return prediction.strip() == reference.strip()


def normalized_match(prediction: str, reference: str) -> bool:
    return normalise(prediction) == normalise(reference)


def token_f1(prediction: str, reference: str) -> float:
    """F1 of the bags of normalised tokens; 1.0 when both are empty."""
    pred, ref = normalise(prediction).split(), normalise(reference).split()
    if not pred or not ref:
        return float(pred == ref)
    common = sum((Counter(pred) & Counter(ref)).values())
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def is_fallback(text: str, fallback: str | None) -> bool:
    return bool(fallback) and normalise(text) == normalise(fallback)


def _questions(path: str, config: dict[str, Any], need_answer: bool):
    from tools.data import read_jsonl, require_fields

    rows = read_jsonl(path)
    require_fields(rows, ("question", "answer") if need_answer else ("question",))
    return cap(rows, config)


def _prompts(loaded, rows) -> list[tuple[str, list[int]]]:
    from tools.prompting import generation_prompt

    return [(row.where, generation_prompt(loaded.config, loaded.tokenizer, row.data["question"])) for row in rows]


def evaluate_answers(loaded, config: dict[str, Any]) -> MetricResult:
    from tools.data import resolve_path

    path = config["evaluation"]["answers"]
    fallback = (config.get("generation") or {}).get("fallback")
    rows = _questions(path, config, need_answer=True)
    result = MetricResult(data_files={display(resolve_path(path)): "answers"})
    outputs = generate(loaded, _prompts(loaded, rows), "answers", result)
    per_example = [{"where": r.where, "question": r.data["question"], "reference": r.data["answer"]} for r in rows]
    for variant, outs in outputs.items():
        refs = [r.data["answer"] for r in rows]
        texts = [o.text for o in outs]
        n = len(rows)
        result.metrics[variant].update({
            "answer_exact_match": sum(map(exact_match, texts, refs)) / n,
            "answer_normalized_match": sum(map(normalized_match, texts, refs)) / n,
            "answer_token_f1": sum(map(token_f1, texts, refs)) / n,
        })
        if fallback:
            result.metrics[variant]["answer_fallback_rate"] = sum(is_fallback(t, fallback) for t in texts) / n
        for item, out, ref in zip(per_example, outs, refs):
            item[variant] = {"answer": out.text, "stopped": out.stopped, "exact": exact_match(out.text, ref),
                             "normalized": normalized_match(out.text, ref), "f1": round(token_f1(out.text, ref), 4)}
    result.files["answers.jsonl"] = per_example
    result.details["answers"] = {"path": display(resolve_path(path)), "examples": len(rows)}
    return result


def evaluate_unanswerable(loaded, config: dict[str, Any]) -> MetricResult:
    from tools.data import resolve_path

    path = config["evaluation"]["unanswerable"]
    fallback = (config.get("generation") or {}).get("fallback")
    if not fallback:
        raise EvalError("evaluation.unanswerable needs `generation.fallback` (the sentence the model should give)")
    rows = _questions(path, config, need_answer=False)
    result = MetricResult(data_files={display(resolve_path(path)): "unanswerable"})
    outputs = generate(loaded, _prompts(loaded, rows), "unanswerable", result)
    per_example = [{"where": r.where, "question": r.data["question"]} for r in rows]
    for variant, outs in outputs.items():
        result.metrics[variant]["unanswerable_fallback_rate"] = sum(is_fallback(o.text, fallback) for o in outs) / len(rows)
        for item, out in zip(per_example, outs):
            item[variant] = {"answer": out.text, "stopped": out.stopped, "fallback": is_fallback(out.text, fallback)}
    result.files["unanswerable.jsonl"] = per_example
    result.details["unanswerable"] = {"path": display(resolve_path(path)), "examples": len(rows), "fallback": fallback}
    return result


def pick_samples(rows, category_field: str, per_category: int, seed: int) -> list:
    """`per_category` rows of each category (seeded, in file order within a category)."""
    groups: dict[str, list] = {}
    for row in rows:
        if row.data.get(category_field) is not None:
            groups.setdefault(str(row.data[category_field]), []).append(row)
    rng = random.Random(seed)
    picked = []
    for name in sorted(groups):
        chosen = rng.sample(groups[name], min(per_category, len(groups[name])))
        picked += sorted(chosen, key=lambda r: r.line)
    return picked


def evaluate_samples(loaded, config: dict[str, Any]) -> MetricResult:
    """Generated answers for a few rows per category of the first NLL file, for the report."""
    from tools import settings
    from tools.data import load_rows
    from tools.prompting import split_prompt_answer

    evaluation = config["evaluation"]
    entry = (evaluation.get("nll") or [None])[0]
    per_category = evaluation.get("samples_per_category", 2)
    if entry is None or not per_category:
        return MetricResult()
    rows = cap(pick_samples(load_rows(entry), evaluation["category_field"], per_category, settings.value(config, "seed")), config)
    result = MetricResult()
    prompts, references = [], []
    for row in rows:
        prompt_ids, reference = split_prompt_answer(row.data, entry, loaded.tokenizer, config)
        prompts.append((row.where, prompt_ids))
        references.append(reference)
    outputs = generate(loaded, prompts, "samples", result)
    samples = []
    for position, row in enumerate(rows):
        prompt_text = loaded.tokenizer.decode(prompts[position][1], skip_special_tokens=True)
        item = {"where": row.where, "category": row.data.get(evaluation["category_field"]),
                "prompt": prompt_text, "reference": references[position]}
        for variant, outs in outputs.items():
            item[variant] = {"answer": outs[position].text, "stopped": outs[position].stopped}
        samples.append(item)
    result.files["samples.jsonl"] = samples
    result.details["samples"] = samples
    return result


def evaluate(loaded, config: dict[str, Any]) -> MetricResult:
    """Whichever of answers / unanswerable / category samples the recipe asks for."""
    evaluation = config.get("evaluation") or {}
    result = MetricResult()
    if evaluation.get("answers"):
        result.merge(evaluate_answers(loaded, config))
    if evaluation.get("unanswerable"):
        result.merge(evaluate_unanswerable(loaded, config))
    if evaluation.get("category_field") and evaluation.get("nll"):
        result.merge(evaluate_samples(loaded, config))
    return result


def main(argv: list[str] | None = None) -> int:
    from evaluation.common import metric_main

    return metric_main(argv, "python -m evaluation.answers", __doc__, lambda loaded, recipe: evaluate(loaded, recipe.config))


if __name__ == "__main__":
    sys.exit(main())
