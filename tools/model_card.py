"""A short model card (README.md) for exported folders: runs/<name>/merged/ and runs/<name>/gguf/.

    python -m tools.model_card qwen-personal-qa --model smollm2-135m-instruct   # print the gguf card

Says what the model is (base model, recipe, data files, license), how well it did
(reports/<name>/metrics.json when `make eval` has run) and how to run it (transformers,
Ollama, llama.cpp).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tools.paths import display, reports_dir
from tools.recipe_files import recipe_files


def _data_files(config: dict[str, Any]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for file in recipe_files(config):
        if file.role != "support":
            seen.setdefault((file.path, file.use))
    return list(seen)


def _adapter(config: dict[str, Any], manifest: dict[str, Any]) -> str:
    """What was trained, from the run's manifest (modules after role mapping) when there is one."""
    trained = manifest.get("settings") or {}
    adapter = trained.get("adapter", config.get("adapter"))
    if not adapter:
        return "full fine-tuning (no adapter)"
    rank = trained.get("lora_r", config.get("lora_r"))
    targets = manifest.get("lora_targets")
    if isinstance(targets, list) and targets:
        where = "; ".join(str(t) for t in targets)
    elif isinstance(targets, str):
        where = targets
    else:
        where = ", ".join(config.get("lora_target_modules") or []) or ("all linear layers" if config.get("lora_target_linear")
                                                                     else "the model type's default modules")
    return f"{adapter} r{rank} on {where}"


def _fmt(value: Any) -> str:
    return f"{value:.4f}" if isinstance(value, float) else ("" if value is None else str(value))


def eval_section(name: str) -> list[str]:
    path = reports_dir() / name / "metrics.json"
    if not path.is_file():
        return ["Not evaluated yet: run `make eval RECIPE=" + name + "`.", ""]
    try:
        data = json.loads(path.read_text())
        metrics = data["metrics"]
    except (ValueError, KeyError, TypeError):
        return [f"`{display(path)}` could not be read; run `make eval RECIPE={name}` again.", ""]
    lines = [f"From `{display(path)}` ({data.get('date', 'undated')}):", "",
             "| metric | base | fine-tuned |", "|---|---:|---:|"]
    for metric, value in (metrics.get("finetuned") or {}).items():
        lines.append(f"| `{metric}` | {_fmt((metrics.get('base') or {}).get(metric))} | {_fmt(value)} |")
    if "passed" in data:
        lines += ["", f"Thresholds {'met' if data['passed'] else 'NOT met'}."]
    return lines + [""]


def render(recipe, base_model: str, license_name: str, folder: str, gguf_name: str | None = None,
           verification: dict[str, Any] | None = None, training: dict[str, Any] | None = None,
           base_gguf: str | None = None) -> str:
    """README.md for `folder`: "merged", "gguf", or "gguf-adapter" (`gguf_name` is then the LoRA GGUF
    and `base_gguf` the base model's GGUF it applies to)."""
    name = recipe.name
    config = recipe.config
    gguf = folder.startswith("gguf")
    lines = ["---", f"license: {license_name}", f"base_model: {base_model}", "tags: [llm-recipes, lora"
             + (", gguf" if gguf else "") + "]", "---", "",
             f"# {name}" + (f" ({gguf_name})" if gguf_name else " (merged)"), ""]
    if config.get("description"):
        lines += [config["description"], ""]
    lines += ["| | |", "|---|---|",
              f"| Base model | `{base_model}` |",
              f"| License | {license_name} (the base model's) |",
              f"| Recipe | `{display(recipe.path)}`" + (f" with {', '.join(recipe.applied)}" if recipe.applied else "") + " |",
              f"| Adapter | {_adapter(config, training or {})}, "
              + (f"a llama.cpp LoRA GGUF for `{base_gguf}` |" if folder == "gguf-adapter" else "merged |")]
    if training:
        lines.append(f"| Training | {training.get('steps', '?')} steps, final train loss {training.get('train_loss')}, "
                     f"backend {training.get('backend', '?')}, {training.get('precision', '?')} |")
    lines += ["", "## Data", "", "| file | used for |", "|---|---|"]
    lines += [f"| `{path}` | {use} |" for path, use in _data_files(config)]
    lines += ["", "## Evaluation", ""] + eval_section(name)
    if verification and folder == "gguf-adapter":
        lines += ["## GGUF verification", "",
                  f"llama.cpp running `{base_gguf}` with this adapter against llama.cpp running the merged model's "
                  f"{verification.get('quant', '')} GGUF, on {verification['prompts']} evaluation prompts: the greedy next "
                  f"token agrees on {verification['greedy_agreement']:.2%} (needed: {verification['min_greedy_agreement']:.0%}); "
                  f"next-token logits differ by at most {verification['worst_relative_error']:.4f} (the base alone: "
                  f"{verification['relative_error_without_adapter']:.4f}) — "
                  + ("passed." if verification["passed"] else "**FAILED**."), ""]
    elif verification:
        lines += ["## GGUF verification", "",
                  f"Next-token logits of this GGUF (read back with transformers) against the merged model on "
                  f"{verification['prompts']} evaluation prompts: relative error {verification['relative_error']:.4f}, "
                  f"greedy next-token agreement {verification['greedy_agreement']:.2%} (all {verification['positions']} "
                  f"positions: {verification['all_positions_agreement']:.2%}) "
                  f"(needed: {verification['min_greedy_agreement']:.0%}) — "
                  + ("passed." if verification["passed"] else "**FAILED**."), ""]
        nll = verification.get("nll_vs_f16")
        if nll:
            lines += [f"In llama.cpp, its NLL per answer token on {nll['sequences']} evaluation rows is "
                      f"{nll['nll_ratio']:.4f}x that of the f16 GGUF it was quantized from (allowed: {nll['max_nll_ratio']}); "
                      f"its next token is f16's at {nll['next_token_agreement_with_f16']:.2%} of {nll['answer_tokens']} "
                      f"answer positions.", ""]
    lines += ["## How to run", ""]
    if folder == "gguf-adapter":
        lines += ["```bash",
                  f"ollama create {name} -f Modelfile   # FROM {base_gguf} + ADAPTER ./{gguf_name}",
                  f"ollama run {name}",
                  f"llama-cli -m {base_gguf} --lora {gguf_name} --chat-template-file {name}.jinja -cnv --temp 0",
                  "```", ""]
    elif folder == "gguf":
        lines += ["```bash",
                  f"ollama create {name} -f Modelfile",
                  f"ollama run {name}",
                  f"llama-cli -m {gguf_name} -cnv --temp 0   # llama.cpp; chat recipes use the GGUF's chat template",
                  "```", ""]
    else:
        lines += ["```python",
                  "from transformers import AutoModelForCausalLM, AutoTokenizer",
                  f'model = AutoModelForCausalLM.from_pretrained("runs/{name}/merged")',
                  f'tokenizer = AutoTokenizer.from_pretrained("runs/{name}/merged")',
                  "```", "",
                  f"Or through the recipe (same prompt format and settings as training): "
                  f"`make chat RECIPE={name}`; `make export RECIPE={name}` writes the GGUF and an Ollama Modelfile.", ""]
    schema = (config.get("generation") or {}).get("json_schema")
    if schema and gguf:
        schema_file = f"{name}.schema.json"
        lines += ["## Structured output", "",
                  f"The recipe constrains every answer to `{schema}`, copied here as `{schema_file}`. "
                  "Pass it on so the exported model keeps that guarantee:", "",
                  "```bash",
                  f"ollama run {name} --format \"$(cat {schema_file})\" \"<report>\"",
                  f"curl http://localhost:11434/api/chat -d '{{\"model\": \"{name}\", \"format\": '\"$(cat {schema_file})\"', "
                  "\"messages\": [{\"role\": \"user\", \"content\": \"<report>\"}], \"stream\": false}'",
                  f"llama-cli -m {gguf_name if folder == 'gguf' else base_gguf} --json-schema-file {schema_file} --temp 0 -p \"...\"",
                  "```", "",
                  "llama-cpp-python: `LlamaGrammar.from_json_schema(open(...).read())` as `grammar=`; "
                  "its OpenAI server takes `response_format: {\"type\": \"json_object\", \"schema\": ...}`.", ""]
    lines += ["Made by `make export` (tools/export.py) of this repository.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m tools.model_card", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--folder", choices=["merged", "gguf"], default="gguf")
    args = parser.parse_args(argv)
    recipe = recipe_or_report(args)
    if recipe is None:
        return 1
    print(render(recipe, recipe["base_model"], license_of(recipe), args.folder, f"{recipe.name}-q8_0.gguf"))
    return 0


def license_of(recipe) -> str:
    from tools.models import EMBEDDED, EMBEDDED_LICENSE

    if recipe["base_model"] == EMBEDDED:
        return EMBEDDED_LICENSE
    return recipe.get("base_model_license") or "unknown (set `base_model_license` in the recipe)"


if __name__ == "__main__":
    sys.exit(main())
