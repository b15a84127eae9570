"""Export a trained run: merge the adapter, convert to GGUF, verify it, write an Ollama Modelfile.

    make export RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct [QUANT=q4_k_m] [ADAPTER_ONLY=1]
    python -m tools.export qwen-personal-qa --model smollm2-135m-instruct --quant q8_0

Steps, each printed as it starts:
1. merge   base + runs/<name>/adapter -> runs/<name>/merged/ (safetensors, tokenizer, generation
           config, merged_from.txt, README.md), tensor by tensor in the run's precision
           (tools/merge.py: peak RAM ~ the largest tensor, not the model). QLoRA runs merge onto
           the base's full-precision weights, not onto 4-bit weights. An up-to-date merged
           folder is reused.
2. convert runs/<name>/merged -> runs/<name>/gguf/<name>-<quant>.gguf (quant: the recipe's
           export.quant, QUANT= overrides): f32/f16/bf16/q8_0 by convert-hf-to-gguf; the k-quants
           q4_k_m/q5_k_m by llama.cpp's own quantizer from an f16 GGUF (tools/gguf_quant.py; needs
           llama-cpp-python: `make setup-llamacpp`).
3. verify  tools/gguf_verify.py: the GGUF's tokenizer metadata against the base model's (a
           mismatch fails before the GGUF gets its final name, naming the field); the GGUF read
           back with transformers against the merged model on the recipe's evaluation prompts
           (greedy agreement >= export.min_greedy_agreement.<quant>); with llama-cpp-python
           installed (requirements-llamacpp.txt), greedy text and chat formatting in llama.cpp
           itself, and for k-quants the NLL per answer token against the f16 GGUF they were
           quantized from (<= export.max_nll_ratio.<quant>). Results in gguf/verification.json; a failed check
           exits 1 and writes gguf/VERIFY_FAILED.
4. ollama  gguf/Modelfile (tools/modelfile.py) and gguf/README.md (tools/model_card.py).

ADAPTER_ONLY=1 (--adapter-only) writes the LoRA adapter as a llama.cpp GGUF adapter next to one
base GGUF shared by every recipe on that base, into runs/<name>/gguf-adapter/ with a Modelfile
`FROM <base gguf>` + `ADAPTER <adapter gguf>`, verified in llama.cpp against the merged GGUF
(tools/gguf_adapter.py).

Files are written under temporary names and renamed when complete, so an interrupted export
leaves no file that looks finished.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tools import atomic, gguf_quant, runs
from tools.merge import adapter_tokenizer, merge  # noqa: F401  (merge: step 1, also used by tests)
from tools.paths import ROOT, display

QUANTS = tuple(gguf_quant.QUANTS)


class ExportError(RuntimeError):
    """A step failed; the message says what to do."""


def step(number: int, title: str) -> None:
    print(f"\n== [{number}/4] {title}", flush=True)


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


def make_gguf(folder: Path, target: Path, quant: str, logs: Path) -> tuple[Path, Path | None, dict[str, Any]]:
    """folder -> (temporary GGUF of `quant`, the temporary f16 GGUF a k-quant is made from (its NLL
    reference) or None, quantizer facts). Callers delete both files."""
    kind = gguf_quant.get(quant)
    gguf_quant.require_quantizer(quant)
    if kind.converter_type:
        return convert(folder, target, kind.converter_type, logs / "convert.log"), None, {}
    f16 = convert(folder, target.with_name(f"{target.stem}.f16-reference.gguf"), "f16", logs / "convert-f16.log")
    tmp = target.with_name(f".{target.stem}.tmp-{os.getpid()}.gguf")
    try:
        return tmp, f16, gguf_quant.quantize(f16, tmp, quant, logs / "quantize.log")
    except BaseException:
        tmp.unlink(missing_ok=True)
        f16.unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- 3. verify
def verify(recipe, base, paths: runs.RunPaths, gguf_file: Path, min_agreement: float, limit: int = 16,
           f16_file: Path | None = None, max_nll_ratio: float | None = None, quant: str = "q8_0") -> dict[str, Any]:
    """Tokenizer, logits and (when installed) llama.cpp checks of the GGUF; see tools/gguf_verify.py.

    A tokenizer that differs from the base's raises ExportError before anything else is loaded."""
    import torch
    from transformers import AutoModelForCausalLM

    from tools import gguf_verify
    from tools.generation import _tokenizer_from
    from tools.prompting import chat_template_text

    merged = paths.merged
    tokenizer = _tokenizer_from(merged)  # saved with the recipe's special tokens and chat template
    layout_template = chat_template_text(recipe.config, adapter_tokenizer(paths, base, recipe.config)[0])
    try:
        tokenizer_facts = gguf_verify.check_tokenizer(gguf_file, base, tokenizer, layout_template)
        prompts = gguf_verify.evaluation_prompts(recipe, tokenizer, limit)
        if not prompts:
            raise ExportError("no prompts to verify with: the recipe has no evaluation, validation or training rows")
        reference = AutoModelForCausalLM.from_pretrained(merged, dtype=torch.float32).eval()
        result = {"gguf": gguf_file.name, "tokenizer": tokenizer_facts,
                  **gguf_verify.check_logits(reference, gguf_file, tokenizer, prompts, min_agreement)}
        if gguf_verify.llama_cpp_available():
            gate = gguf_quant.get(quant).same_words_gate
            llama = gguf_verify.check_llama_cpp(gguf_file, reference, tokenizer, prompts, recipe.config,
                                                min_same_share=gguf_verify.MIN_SAME_SHARE if gate else 0.0)
            result["llama_cpp"] = llama
            if not llama["passed"]:
                result["passed"] = False
                result["error"] = "llama.cpp: " + "; ".join(llama["problems"])
            if f16_file is not None and max_nll_ratio is not None:
                nll = gguf_verify.check_nll(gguf_file, f16_file, gguf_verify.evaluation_sequences(recipe, tokenizer, limit),
                                            max_nll_ratio)
                result["nll_vs_f16"] = nll
                if not nll["passed"]:
                    result["passed"] = False
                    result["error"] = (f"NLL per answer token {nll['nll_ratio']:.4f}x the f16 GGUF's, above "
                                       f"export.max_nll_ratio {max_nll_ratio}")
        else:
            print("llama.cpp checks skipped: llama-cpp-python is not installed "
                  "(`make setup-llamacpp`, compiles llama.cpp in ~10 min)", flush=True)
            result["llama_cpp"] = None
    except gguf_verify.VerifyError as error:
        raise ExportError(str(error)) from None
    return result


# ---------------------------------------------------------------- the whole export
def merged_up_to_date(paths: runs.RunPaths, base, dtype: str) -> bool:
    from tools.generation import _merged_matches
    from tools.merge import merged_dtype

    return (paths.merged / "config.json").is_file() and _merged_matches(paths, base) and merged_dtype(paths.merged) == dtype


def merge_step(recipe, base, paths: runs.RunPaths, license_name: str) -> float:
    """Step 1, shared by both routes: merge unless an up-to-date merged folder exists. Returns seconds."""
    from tools.merge import merge_dtype

    start = time.monotonic()
    dtype, why = merge_dtype(recipe, paths)
    if merged_up_to_date(paths, base, dtype):
        print(f"{display(paths.merged)} is up to date with the adapter ({dtype}); reusing it (delete it to merge again)")
    else:
        merge(recipe, base, paths, license_name, dtype)
    seconds = round(time.monotonic() - start, 1)
    print(f"Merged model: {display(paths.merged)} ({dtype}: {why}; {seconds:.0f} s)")
    return seconds


def copy_schema(recipe, folder: Path) -> Path | None:
    """generation.json_schema next to the GGUF as <name>.schema.json (Ollama `format`, llama.cpp
    `--json-schema-file`), so the exported model can keep the recipe's structured-output guarantee."""
    schema = (recipe.config.get("generation") or {}).get("json_schema")
    if not schema:
        return None
    return atomic.write_text(folder / f"{recipe.name}.schema.json", (ROOT / schema).read_text())


def _merged_from(paths: runs.RunPaths) -> str:
    note = paths.merged / "merged_from.txt"
    return note.read_text().strip() if note.is_file() else f"full fine-tune in {display(paths.merged)}"


def export(recipe, quant: str | None = None, limit: int = 16, adapter_only: bool = False) -> int:
    from tools import model_card, modelfile
    from tools.gguf_adapter import AdapterError
    from tools.merge import MergeError
    from tools.models import ModelNotAvailable, resolve_model
    from tools.recipe_schema import default_at

    paths = runs.for_recipe(recipe)
    full = paths.is_full_finetune() and not paths.has_adapter()
    if not paths.has_adapter() and not full:
        print(f"error: {display(paths.adapter)} has no adapter: run `make train RECIPE={recipe.name}` first",
              file=sys.stderr)
        return 1
    if full and adapter_only:
        print(f"error: ADAPTER_ONLY=1: the run in {display(paths.root)} is a full fine-tune (no adapter); "
              "export it without ADAPTER_ONLY", file=sys.stderr)
        return 1
    settings = recipe.section("export")
    quant = quant or settings.get("quant") or default_at(("export", "quant"))
    try:
        gguf_quant.require_quantizer(quant)
        min_agreement, max_nll_ratio = gguf_quant.thresholds(settings, quant)
        base = resolve_model(recipe["base_model"])
    except (gguf_quant.QuantError, ModelNotAvailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    license_name = model_card.license_of(recipe)
    if adapter_only:
        from tools import gguf_adapter

        try:
            return gguf_adapter.export_adapter(recipe, base, paths, quant, min_agreement, license_name, limit)
        except (ExportError, AdapterError, MergeError, gguf_quant.QuantError, modelfile.ModelfileError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    timings: dict[str, float] = {}
    try:
        if full:  # every weight was trained: merged/ is the model, there is nothing to merge
            step(1, f"no merge: {display(paths.merged)} is a full fine-tune")
            timings["merge_s"] = 0.0
        else:
            step(1, f"merge {display(paths.adapter)} into {base.name}")
            timings["merge_s"] = merge_step(recipe, base, paths, license_name)

        step(2, f"convert to GGUF ({quant})")
        start = time.monotonic()
        target = paths.gguf / f"{recipe.name}-{quant}.gguf"
        tmp, f16, facts = make_gguf(paths.merged, target, quant, paths.gguf)
        timings["convert_s"] = round(time.monotonic() - start, 1)
        print(f"Converted in {timings['convert_s']:.0f} s ({tmp.stat().st_size / 1e6:.0f} MB)")

        try:
            step(3, "verify the GGUF against the merged model")
            start = time.monotonic()
            result = verify(recipe, base, paths, tmp, min_agreement, limit, f16, max_nll_ratio, quant)
            timings["verify_s"] = round(time.monotonic() - start, 1)
            result.update(gguf=target.name, quant=quant, bytes=tmp.stat().st_size, seconds=timings,
                          merged_from=_merged_from(paths), **facts)
            atomic.write_json(paths.gguf / "verification.json", result)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
            if f16:
                f16.unlink(missing_ok=True)

        step(4, "Ollama Modelfile and model card")
        tokenizer, _ = adapter_tokenizer(paths, base, recipe.config)
        built = modelfile.build(recipe.config, tokenizer)
        for note in built.notes:
            print(f"note: {note}")
        atomic.write_text(paths.gguf / "Modelfile", built.text(target.name, license_name, recipe.name))
        copy_schema(recipe, paths.gguf)
        atomic.write_text(paths.gguf / "README.md", model_card.render(recipe, recipe["base_model"], license_name, "gguf",
                                                                target.name, result if "relative_error" in result else None,
                                                                paths.read_manifest()))
    except (ExportError, MergeError, gguf_quant.QuantError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except modelfile.ModelfileError as error:
        print(f"error: Modelfile: {error}", file=sys.stderr)
        return 1
    failed = paths.gguf / "VERIFY_FAILED"
    if not result["passed"]:
        why = result.get("error") or (f"greedy agreement {result['greedy_agreement']:.2%} is below "
                                      f"export.min_greedy_agreement.{quant} {min_agreement:.0%}")
        atomic.write_text(failed, f"{target.name}: verification failed: {why}\nSee verification.json.\n")
        print(f"\nVERIFY FAILED: {why}. The files are in {display(paths.gguf)} with a VERIFY_FAILED note.", file=sys.stderr)
        return 1
    failed.unlink(missing_ok=True)
    print(f"\nExported {display(target)} (merge {timings['merge_s']:.0f} s, convert {timings['convert_s']:.0f} s, "
          f"verify {timings['verify_s']:.0f} s).\nRun it: cd {display(paths.gguf)} && ollama create {recipe.name} -f Modelfile "
          f"&& ollama run {recipe.name}")
    return 0




def main(argv: list[str] | None = None) -> int:
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m tools.export", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--quant", choices=QUANTS, help="GGUF type (default: the recipe's export.quant)")
    parser.add_argument("--adapter-only", action="store_true",
                        help="write the LoRA adapter as a GGUF adapter for the base model's GGUF (Ollama ADAPTER)")
    parser.add_argument("--prompts", type=int, default=16, help="evaluation prompts used to verify the GGUF")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    recipe = recipe_or_report(args, "Recipe errors (nothing was exported):", run=True)
    if recipe is None:
        return 1
    return export(recipe, args.quant, args.prompts, args.adapter_only)


if __name__ == "__main__":
    sys.exit(main())
