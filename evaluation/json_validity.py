"""Generate on held-out rows and check each output as JSON, base vs fine-tuned.

    python -m evaluation.json_validity tinyllama-json-extractor --model smollm2-135m-instruct --set evaluation.max_examples=3

Rows are in the recipe's first training dataset format (e.g. alpaca instruction/input/output);
the prompt is built by `tools.prompting.split_prompt_answer` and answered greedily with the
recipe's generation settings. For each output (after the recipe's post-processing):
- `json_parse_rate`: the whole output parses as JSON (no extra text, no code fences);
- `json_valid_rate`: it parses and validates against the schema file;
- `json_exact_match`: the object equals the reference output (key order ignored, 1 == 1.0,
  but true != 1);
- `json_field_accuracy`: over all (example, top-level key of the reference), the share of keys
  whose value equals the reference's; per-key accuracy is in the report.
An output cut by `max_new_tokens` (no end-of-sequence token) is invalid, never parsed as if complete.
With `evaluation.category_field`, each metric is also given per category, as `<metric>[<category>]`.
With `generation.json_schema`, every example is also generated constrained to that schema
(tools/structured.py) and the same metrics are given with the prefix `constrained_`, so what the
model learned (unconstrained) stays visible beside what the constraint guarantees.
Invalid outputs are saved with the reason (json_invalid.jsonl).
"""
from __future__ import annotations

import json
import sys
from typing import Any

from evaluation.common import MetricResult, cap, generate
from tools.paths import display


def same(a: Any, b: Any) -> bool:
    """JSON equality: numbers compare by value, booleans only with booleans, dicts ignore key order."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def check_output(text: str, reference: Any, validator, stopped: bool = True) -> dict[str, Any]:
    """Parse, validate and compare one output: {parsed, schema_valid, exact, fields{key: bool}, reason}.

    `stopped` False: the generation was cut by max_new_tokens, so the output is invalid as a whole."""
    out: dict[str, Any] = {"parsed": False, "schema_valid": False, "exact": False, "fields": {}, "reason": None}
    keys = list(reference) if isinstance(reference, dict) else []
    if not stopped:
        out["fields"] = {k: False for k in keys}
        out["reason"] = "cut at max_new_tokens before the end-of-sequence token (an incomplete answer)"
        return out
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        out["fields"] = {k: False for k in keys}
        out["reason"] = f"not JSON: {error.msg} at line {error.lineno} column {error.colno}"
        return out
    out["parsed"] = True
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    out["schema_valid"] = not errors
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        out["reason"] = f"schema: {where}: {first.message}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")
    out["exact"] = same(value, reference)
    out["fields"] = {k: isinstance(value, dict) and k in value and same(value[k], reference[k]) for k in keys}
    return out


def summarise(checks: list[dict[str, Any]]) -> tuple[dict[str, float | None], dict[str, float]]:
    """(rates, per-field accuracy) over checked outputs."""
    n = len(checks)
    if not n:
        return {"json_parse_rate": None, "json_valid_rate": None, "json_exact_match": None, "json_field_accuracy": None}, {}
    field_hits: dict[str, list[bool]] = {}
    for check in checks:
        for key, ok in check["fields"].items():
            field_hits.setdefault(key, []).append(ok)
    all_hits = [ok for hits in field_hits.values() for ok in hits]
    rates = {
        "json_parse_rate": sum(c["parsed"] for c in checks) / n,
        "json_valid_rate": sum(c["schema_valid"] for c in checks) / n,
        "json_exact_match": sum(c["exact"] for c in checks) / n,
        "json_field_accuracy": sum(all_hits) / len(all_hits) if all_hits else None,
    }
    return rates, {k: sum(v) / len(v) for k, v in field_hits.items()}


def evaluate(loaded, config: dict[str, Any]) -> MetricResult:
    from jsonschema import Draft202012Validator

    from evaluation.common import eval_settings
    from tools.data import DataError, load_rows, resolve_path
    from tools.prompting import layout_entry, split_prompt_answer

    evaluation = config.get("evaluation") or {}
    spec = evaluation["json_validity"]
    category_field = evaluation.get("category_field")
    entry = {**layout_entry(config), "path": spec["path"]}
    schema_path = resolve_path(spec["schema"])
    try:
        validator = Draft202012Validator(json.loads(schema_path.read_text()))
    except json.JSONDecodeError as error:
        raise DataError([f"{display(schema_path)}:{error.lineno}: the schema is not valid JSON ({error.msg})"]) from None
    rows = cap(load_rows(entry), config)
    prompts, references = [], []
    for row in rows:
        prompt_ids, answer = split_prompt_answer(row.data, entry, loaded.tokenizer, config)
        try:
            references.append(json.loads(answer))
        except json.JSONDecodeError as error:
            raise DataError([f"{row.where}: the reference output is not valid JSON ({error.msg}); fix the data"]) from None
        prompts.append((row.where, prompt_ids))
    categories = [str(row.data.get(category_field)) if category_field and row.data.get(category_field) is not None
                  else None for row in rows]
    result = MetricResult(data_files={display(resolve_path(spec["path"])): "json_validity",
                                      display(schema_path): "json_validity schema"})
    settings = eval_settings(config)
    modes = [("", settings.unconstrained())] + ([("constrained_", settings)] if settings.json_schema else [])
    per_example = [{"where": row.where, "category": category} for row, category in zip(rows, categories)]
    invalid = []
    details: dict[str, Any] = {"path": display(resolve_path(spec["path"])), "schema": display(schema_path),
                               "examples": len(rows), "field_accuracy": {}, "constrained": bool(settings.json_schema),
                               "categories": sorted({c for c in categories if c})}
    for prefix, mode_settings in modes:
        outputs = generate(loaded, prompts, f"{prefix}json_validity", result, mode_settings)
        for variant, outs in outputs.items():
            checks = [check_output(out.text, ref, validator, out.stopped) for out, ref in zip(outs, references)]
            rates, per_field = summarise(checks)
            result.metrics[variant].update({prefix + k: v for k, v in rates.items()})
            for category in details["categories"]:
                chosen = [c for c, cat in zip(checks, categories) if cat == category]
                result.metrics[variant].update({f"{prefix}{k}[{category}]": v for k, v in summarise(chosen)[0].items()
                                                if k in ("json_valid_rate", "json_field_accuracy", "json_exact_match")})
            details["field_accuracy"][prefix + variant] = per_field
            for item, out, check in zip(per_example, outs, checks):
                item[prefix + variant] = {"output": out.text, "stopped": out.stopped,
                                          **{k: check[k] for k in ("parsed", "schema_valid", "exact")}}
                if not check["schema_valid"]:
                    invalid.append({"where": item["where"], "variant": prefix + variant, "reason": check["reason"],
                                    "output": out.text})
    result.files["json_validity.jsonl"] = per_example
    result.files["json_invalid.jsonl"] = invalid
    result.details["json_validity"] = details
    return result


def main(argv: list[str] | None = None) -> int:
    from evaluation.common import metric_main

    return metric_main(argv, "python -m evaluation.json_validity", __doc__, lambda loaded, recipe: evaluate(loaded, recipe.config))


if __name__ == "__main__":
    sys.exit(main())
