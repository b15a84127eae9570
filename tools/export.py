"""Export a trained run: merge the adapter, convert to GGUF, verify it, write an Ollama Modelfile.

    make export RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct [QUANT=f16]
    python -m tools.export qwen-personal-qa --model smollm2-135m-instruct --quant q8_0

Steps, each printed as it starts:
1. merge   base + runs/<name>/adapter -> runs/<name>/merged/ (safetensors, tokenizer, generation
           config, merged_from.txt, README.md). QLoRA runs merge onto the base in float32, not
           onto 4-bit weights. An up-to-date merged folder is reused.
2. convert runs/<name>/merged -> runs/<name>/gguf/<name>-<quant>.gguf with convert-hf-to-gguf
           (quant: the recipe's export.quant, QUANT= overrides; f16 or q8_0).
3. verify  the GGUF read back with transformers against the merged model on the recipe's
           evaluation prompts: relative error of the logits and greedy agreement, saved in
           gguf/verification.json; below export.min_greedy_agreement the export fails (exit 1,
           gguf/VERIFY_FAILED). With llama-cpp-python installed (requirements-llamacpp.txt),
           the GGUF also answers one prompt in llama.cpp itself.
4. ollama  gguf/Modelfile (tools/modelfile.py) and gguf/README.md (tools/model_card.py).

Files are written under temporary names and renamed when complete, so an interrupted export
leaves no file that looks finished.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tools import runs
from tools.paths import display

QUANTS = ("f16", "q8_0", "bf16", "f32")
DEFAULT_MIN_AGREEMENT = 0.99


class ExportError(RuntimeError):
    """A step failed; the message says what to do."""


def step(number: int, title: str) -> None:
    print(f"\n== [{number}/4] {title}", flush=True)


# ---------------------------------------------------------------- 1. merge
def _adapter_tokenizer(paths: runs.RunPaths, base, config: dict[str, Any]):
    from tools.generation import _tokenizer_from
    from tools.models import load_tokenizer
    from tools.prompting import prepare_tokenizer

    tokenizer = _tokenizer_from(paths.adapter) if (paths.adapter / "tokenizer_config.json").is_file() else load_tokenizer(base)
    added = prepare_tokenizer(tokenizer, config)
    return tokenizer, added


def merge(recipe, base, paths: runs.RunPaths, license_name: str) -> Path:
    """base + adapter -> paths.merged (atomic). Returns the merged folder."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    from tools import model_card
    from tools.generation import Settings, merged_stamp

    config = recipe.config
    tokenizer, added = _adapter_tokenizer(paths, base, config)
    if config.get("load_in_4bit") or config.get("load_in_8bit"):
        print(f"QLoRA run: merging onto {base.name} loaded in full precision (float32 on CPU), "
              f"not onto the {'4' if config.get('load_in_4bit') else '8'}-bit training weights.", flush=True)
    print(f"Loading {base.describe()} (float32, CPU)...", flush=True)
    model = AutoModelForCausalLM.from_pretrained(base.path, dtype=torch.float32)
    if len(tokenizer) > model.get_input_embeddings().weight.shape[0]:
        print(f"Resizing embeddings to {len(tokenizer)} for the recipe's special tokens {added or ''}".rstrip(), flush=True)
        model.resize_token_embeddings(len(tokenizer))
    print(f"Loading the adapter {display(paths.adapter)} and merging (merge_and_unload)...", flush=True)
    model = PeftModel.from_pretrained(model, paths.adapter).merge_and_unload()
    model.eval()
    generation = model.generation_config
    generation.eos_token_id = tokenizer.eos_token_id
    generation.pad_token_id = tokenizer.pad_token_id
    settings = Settings.from_recipe(config)
    generation.max_new_tokens = settings.max_new_tokens
    generation.repetition_penalty = settings.repetition_penalty
    generation.do_sample = settings.do_sample
    if settings.do_sample:
        generation.temperature, generation.top_p = settings.temperature, settings.top_p
    else:
        generation.temperature = generation.top_p = generation.top_k = None
    with runs.atomic_dir(paths.merged) as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        (tmp / "merged_from.txt").write_text(merged_stamp(paths, base) + "\n")
        (tmp / "README.md").write_text(model_card.render(recipe, recipe["base_model"], license_name, "merged",
                                                         training=paths.read_manifest()))
    return paths.merged


# ---------------------------------------------------------------- 2. convert
def converter_command() -> list[str]:
    script = Path(sys.executable).parent / "convert-hf-to-gguf"
    found = str(script) if script.is_file() else shutil.which("convert-hf-to-gguf")
    if not found:
        raise ExportError("convert-hf-to-gguf is not installed: run `make setup` (requirements.txt has convert-hf-to-gguf)")
    return [found]


def _architecture(folder: Path) -> str:
    import json

    try:
        return ", ".join(json.loads((folder / "config.json").read_text()).get("architectures") or ["unknown"])
    except (OSError, ValueError):
        return "unknown (no readable config.json)"


def convert(merged: Path, target: Path, quant: str, log_path: Path) -> Path:
    """merged folder -> target GGUF, written as a temporary file and renamed when complete."""
    from safetensors import safe_open
    from tqdm import tqdm

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.stem}.tmp-{os.getpid()}.gguf")
    tensors = 0
    for shard in merged.glob("*.safetensors"):
        with safe_open(shard, "pt") as handle:
            tensors += len(list(handle.keys()))
    command = converter_command() + [str(merged), "--outfile", str(tmp), "--outtype", quant]
    print("$ " + " ".join(command), flush=True)
    lines: list[str] = []
    try:
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace") as proc, \
                tqdm(total=tensors or None, unit="tensor", desc="convert") as bar:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if " --> " in line and "shape =" in line:
                    bar.update(1)
                elif line.startswith(("WARNING", "ERROR")) and "Unknown RoPE type" not in line:
                    bar.write(line.rstrip())
            code = proc.wait()
        log_path.write_text("".join(lines))
        if code != 0:
            text = "".join(lines)
            unsupported = re.search(r"Model (\S+) is not supported", text)
            if unsupported:
                raise ExportError(f"convert-hf-to-gguf does not support the architecture {unsupported.group(1)} "
                                  f"(config.json of {display(merged)}); llama.cpp/Ollama cannot run this model. "
                                  f"The merged safetensors folder is still usable with transformers.")
            tail = "".join(lines[-15:]).rstrip()
            raise ExportError(f"convert-hf-to-gguf failed (exit {code}) on {display(merged)} "
                              f"(architecture {_architecture(merged)}); full log: {display(log_path)}\n{tail}")
        if not tmp.is_file():
            raise ExportError(f"convert-hf-to-gguf wrote no file; full log: {display(log_path)}")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


# ---------------------------------------------------------------- 3. verify
def evaluation_prompts(recipe, tokenizer, limit: int) -> list[list[int]]:
    """Prompt ids from the recipe's evaluation and validation files (training files when none)."""
    from tools.data import DataError, load_rows
    from tools.prompting import split_prompt_answer

    config = recipe.config
    entries = list((config.get("evaluation") or {}).get("nll") or []) + list(config.get("test_datasets") or [])
    entries = entries or list(config["datasets"])
    prompts: list[list[int]] = []
    for entry in entries:
        try:
            rows = load_rows(entry)
        except DataError as error:
            raise ExportError("data errors in the evaluation files:\n" + "\n".join(error.errors[:10])) from None
        for row in rows:
            ids, _ = split_prompt_answer(row.data, entry, tokenizer, config)
            if ids not in prompts:
                prompts.append(ids)
            if len(prompts) >= limit:
                return prompts
    return prompts


def _greedy(model, prompt: list[int], new_tokens: int, eos: int | None) -> list[int]:
    """Greedy tokens by repeated forward passes: a plain argmax, unlike `generate()`, which would
    apply the merged folder's generation_config (the recipe's repetition_penalty) to one model only."""
    import torch

    ids = list(prompt)
    with torch.no_grad():
        for _ in range(new_tokens):
            token = int(model(input_ids=torch.tensor([ids])).logits[0, -1].argmax())
            ids.append(token)
            if token == eos:
                break
    return ids[len(prompt):]


def verify(recipe, merged: Path, gguf_file: Path, min_agreement: float, limit: int = 16,
           continuation_prompts: int = 3, continuation_tokens: int = 8) -> dict[str, Any]:
    """Compare the GGUF (read back with transformers) with the merged model on evaluation prompts."""
    import torch
    from tqdm import tqdm
    from transformers import AutoModelForCausalLM

    from tools.generation import _tokenizer_from
    from tools.prompting import prepare_tokenizer

    tokenizer = _tokenizer_from(merged)
    prepare_tokenizer(tokenizer, recipe.config)
    prompts = evaluation_prompts(recipe, tokenizer, limit)
    if not prompts:
        raise ExportError("no prompts to verify with: the recipe has no evaluation, validation or training rows")
    reference = AutoModelForCausalLM.from_pretrained(merged, dtype=torch.float32).eval()
    start = time.monotonic()
    print(f"Reading {gguf_file.name} back with transformers (dequantised to float32; ~40 s for 135 M parameters)...", flush=True)
    try:
        exported = AutoModelForCausalLM.from_pretrained(gguf_file.parent, gguf_file=gguf_file.name, dtype=torch.float32).eval()
    except (ValueError, KeyError, NotImplementedError, RuntimeError) as error:
        raise ExportError(f"transformers cannot read the GGUF back ({type(error).__name__}: {error}); "
                          f"it was not verified") from None
    load_seconds = time.monotonic() - start
    diff_sq = ref_sq = 0.0
    agree = positions = last_agree = 0
    worst = 0.0
    with torch.no_grad():
        for prompt in tqdm(prompts, desc="verify", unit="prompt"):
            ids = torch.tensor([prompt])
            a = reference(input_ids=ids).logits[0].double()
            b = exported(input_ids=ids).logits[0].double()
            diff_sq += float(((b - a) ** 2).sum())
            ref_sq += float((a ** 2).sum())
            worst = max(worst, float((b - a).norm() / a.norm()))
            same = a.argmax(-1) == b.argmax(-1)
            agree += int(same.sum())
            positions += same.numel()
            last_agree += int(same[-1])
    continuations = []
    eos = tokenizer.eos_token_id
    for prompt in prompts[:continuation_prompts]:
        ours, theirs = _greedy(reference, prompt, continuation_tokens, eos), _greedy(exported, prompt, continuation_tokens, eos)
        common = next((i for i, (x, y) in enumerate(zip(ours, theirs)) if x != y), min(len(ours), len(theirs)))
        continuations.append({"merged": tokenizer.decode(ours), "gguf": tokenizer.decode(theirs),
                              "identical": ours == theirs, "common_prefix_tokens": common})
    result = {
        "gguf": gguf_file.name,
        "prompts": len(prompts),
        "positions": positions,
        "relative_error": (diff_sq / ref_sq) ** 0.5,
        "worst_prompt_relative_error": worst,
        # The gate: the next token after each prompt (what greedy decoding picks first).
        "greedy_agreement": last_agree / len(prompts),
        # Every position of the prompts (the prompt's own next tokens): more samples, near-ties included.
        "all_positions_agreement": agree / positions,
        "min_greedy_agreement": min_agreement,
        "greedy_continuations": continuations,
        "gguf_load_seconds": round(load_seconds, 1),
    }
    result["passed"] = result["greedy_agreement"] >= min_agreement
    print(f"relative error {result['relative_error']:.4f} (worst prompt {worst:.4f}); greedy next-token agreement "
          f"{result['greedy_agreement']:.2%} on {len(prompts)} prompts (all {positions} positions: "
          f"{result['all_positions_agreement']:.2%}); needed {min_agreement:.0%}", flush=True)
    for c in continuations:
        print(f"  greedy {continuation_tokens} tokens: {'same' if c['identical'] else 'DIFFERENT'}: {c['merged']!r}"
              + ("" if c["identical"] else f" vs {c['gguf']!r}"))
    llama = llama_cpp_check(gguf_file, reference, tokenizer, prompts[0])
    if llama is not None:
        result["llama_cpp"] = llama
    return result


def llama_cpp_check(gguf_file: Path, reference, tokenizer, prompt: list[int], new_tokens: int = 32) -> dict[str, Any] | None:
    """Greedy answer of the GGUF in llama.cpp itself vs the merged model, when llama-cpp-python is installed."""
    if importlib.util.find_spec("llama_cpp") is None:
        print("llama.cpp check skipped: llama-cpp-python is not installed (pip install -r requirements-llamacpp.txt, ~10 min)")
        return None
    from llama_cpp import Llama

    llm = Llama(model_path=str(gguf_file), n_ctx=max(512, len(prompt) + new_tokens + 8), verbose=False, seed=0)
    out = llm.create_completion(prompt=list(prompt), max_tokens=new_tokens, temperature=0.0, top_k=1, top_p=1.0,
                                repeat_penalty=1.0)
    theirs = out["choices"][0]["text"]
    ours = tokenizer.decode(_greedy(reference, prompt, new_tokens, tokenizer.eos_token_id), skip_special_tokens=True)
    words_ours, words_theirs = ours.split(), theirs.split()
    common = next((i for i, (x, y) in enumerate(zip(words_ours, words_theirs)) if x != y), min(len(words_ours), len(words_theirs)))
    print(f"llama.cpp greedy: {theirs!r}\nmerged greedy:    {ours!r}\n(same first {common} words)", flush=True)
    return {"llama_cpp": theirs, "merged": ours, "same_first_words": common, "identical": theirs.strip() == ours.strip()}


# ---------------------------------------------------------------- the whole export
def export(recipe, quant: str | None = None, limit: int = 16) -> int:
    from tools import model_card, modelfile
    from tools.models import ModelNotAvailable, resolve_model

    paths = runs.for_recipe(recipe)
    if not paths.has_adapter():
        print(f"error: {display(paths.adapter)} has no adapter: run `make train RECIPE={recipe.name}` first",
              file=sys.stderr)
        return 1
    settings = recipe.section("export")
    quant = quant or settings.get("quant", "q8_0")
    if quant not in QUANTS:
        print(f"error: QUANT={quant}: use one of {', '.join(QUANTS)}", file=sys.stderr)
        return 1
    min_agreement = float(settings.get("min_greedy_agreement", DEFAULT_MIN_AGREEMENT))
    try:
        base = resolve_model(recipe["base_model"])
    except ModelNotAvailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    license_name = model_card.license_of(recipe)
    timings: dict[str, float] = {}
    try:
        step(1, f"merge {display(paths.adapter)} into {base.name}")
        start = time.monotonic()
        from tools.generation import _merged_matches

        if (paths.merged / "config.json").is_file() and _merged_matches(paths, base):
            print(f"{display(paths.merged)} is up to date with the adapter; reusing it (delete it to merge again)")
        else:
            merge(recipe, base, paths, license_name)
        timings["merge_s"] = round(time.monotonic() - start, 1)
        print(f"Merged model: {display(paths.merged)} ({timings['merge_s']:.0f} s)")

        step(2, f"convert to GGUF ({quant})")
        start = time.monotonic()
        target = paths.gguf / f"{recipe.name}-{quant}.gguf"
        tmp = convert(paths.merged, target, quant, paths.gguf / "convert.log")
        timings["convert_s"] = round(time.monotonic() - start, 1)
        print(f"Converted in {timings['convert_s']:.0f} s ({tmp.stat().st_size / 1e6:.0f} MB)")

        try:
            step(3, "verify the GGUF against the merged model")
            start = time.monotonic()
            try:
                result = verify(recipe, paths.merged, tmp, min_agreement, limit)
            except ExportError as error:
                result = {"gguf": target.name, "passed": False, "error": str(error), "min_greedy_agreement": min_agreement}
                print(f"error: {error}", file=sys.stderr)
            timings["verify_s"] = round(time.monotonic() - start, 1)
            result.update(gguf=target.name, quant=quant, seconds=timings)
            runs.write_json_atomic(paths.gguf / "verification.json", result)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)

        step(4, "Ollama Modelfile and model card")
        tokenizer, _ = _adapter_tokenizer(paths, base, recipe.config)
        built = modelfile.build(recipe.config, tokenizer)
        for note in built.notes:
            print(f"note: {note}")
        _write_text(paths.gguf / "Modelfile", built.text(target.name, license_name, recipe.name))
        _write_text(paths.gguf / "README.md", model_card.render(recipe, recipe["base_model"], license_name, "gguf",
                                                                target.name, result if "relative_error" in result else None,
                                                                paths.read_manifest()))
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except modelfile.ModelfileError as error:
        print(f"error: Modelfile: {error}", file=sys.stderr)
        return 1
    failed = paths.gguf / "VERIFY_FAILED"
    if not result["passed"]:
        why = result.get("error") or (f"greedy agreement {result['greedy_agreement']:.2%} is below "
                                      f"export.min_greedy_agreement {min_agreement:.0%}")
        _write_text(failed, f"{target.name}: verification failed: {why}\nSee verification.json.\n")
        print(f"\nVERIFY FAILED: {why}. The files are in {display(paths.gguf)} with a VERIFY_FAILED note.", file=sys.stderr)
        return 1
    failed.unlink(missing_ok=True)
    print(f"\nExported {display(target)} (merge {timings['merge_s']:.0f} s, convert {timings['convert_s']:.0f} s, "
          f"verify {timings['verify_s']:.0f} s).\nRun it: cd {display(paths.gguf)} && ollama create {recipe.name} -f Modelfile "
          f"&& ollama run {recipe.name}")
    return 0


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m tools.export", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--quant", choices=QUANTS, help="GGUF type (default: the recipe's export.quant)")
    parser.add_argument("--prompts", type=int, default=16, help="evaluation prompts used to verify the GGUF")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    recipe = recipe_or_report(args, "Recipe errors (nothing was exported):")
    if recipe is None:
        return 1
    return export(recipe, args.quant, args.prompts)


if __name__ == "__main__":
    sys.exit(main())
