"""Export a trained run: merge the adapter, convert to GGUF, verify it, write an Ollama Modelfile.

    make export RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct [QUANT=f16]
    python -m tools.export qwen-personal-qa --model smollm2-135m-instruct --quant q8_0

Steps, each printed as it starts:
1. merge   base + runs/<name>/adapter -> runs/<name>/merged/ (safetensors, tokenizer, generation
           config, merged_from.txt, README.md). QLoRA runs merge onto the base in float32, not
           onto 4-bit weights. An up-to-date merged folder is reused.
2. convert runs/<name>/merged -> runs/<name>/gguf/<name>-<quant>.gguf with convert-hf-to-gguf
           (quant: the recipe's export.quant, QUANT= overrides; f16 or q8_0).
3. verify  tools/gguf_verify.py: the GGUF's tokenizer metadata against the base model's (a
           mismatch fails before the GGUF gets its final name, naming the field); the GGUF read
           back with transformers against the merged model on the recipe's evaluation prompts
           (relative error, greedy agreement); with llama-cpp-python installed
           (requirements-llamacpp.txt), greedy text and chat formatting in llama.cpp itself.
           Results in gguf/verification.json; a failed check exits 1 and writes gguf/VERIFY_FAILED.
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
    from tools.prompting import chat_template_text

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
    # The merged model (and the GGUF made from it) carries the recipe's prompt layout as its chat
    # template, so llama.cpp's and transformers' chat formatting give the training prompt.
    tokenizer.chat_template = chat_template_text(config, tokenizer)
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
def verify(recipe, base, paths: runs.RunPaths, gguf_file: Path, min_agreement: float, limit: int = 16) -> dict[str, Any]:
    """Tokenizer, logits and (when installed) llama.cpp checks of the GGUF; see tools/gguf_verify.py.

    A tokenizer that differs from the base's raises ExportError before anything else is loaded."""
    import torch
    from transformers import AutoModelForCausalLM

    from tools import gguf_verify
    from tools.generation import _tokenizer_from
    from tools.prompting import chat_template_text

    merged = paths.merged
    tokenizer = _tokenizer_from(merged)  # saved with the recipe's special tokens and chat template
    layout_template = chat_template_text(recipe.config, _adapter_tokenizer(paths, base, recipe.config)[0])
    try:
        tokenizer_facts = gguf_verify.check_tokenizer(gguf_file, base, tokenizer, layout_template)
        prompts = gguf_verify.evaluation_prompts(recipe, tokenizer, limit)
        if not prompts:
            raise ExportError("no prompts to verify with: the recipe has no evaluation, validation or training rows")
        reference = AutoModelForCausalLM.from_pretrained(merged, dtype=torch.float32).eval()
        result = {"gguf": gguf_file.name, "tokenizer": tokenizer_facts,
                  **gguf_verify.check_logits(reference, gguf_file, tokenizer, prompts, min_agreement)}
        if gguf_verify.llama_cpp_available():
            llama = gguf_verify.check_llama_cpp(gguf_file, reference, tokenizer, prompts, recipe.config)
            result["llama_cpp"] = llama
            if not llama["passed"]:
                result["passed"] = False
                result["error"] = "llama.cpp: " + "; ".join(llama["problems"])
        else:
            print("llama.cpp check skipped: llama-cpp-python is not installed "
                  "(pip install -r requirements-llamacpp.txt, compiles llama.cpp in ~10 min)", flush=True)
            result["llama_cpp"] = None
    except gguf_verify.VerifyError as error:
        raise ExportError(str(error)) from None
    return result


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
            result = verify(recipe, base, paths, tmp, min_agreement, limit)
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
