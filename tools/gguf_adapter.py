"""A run's LoRA adapter as a llama.cpp GGUF adapter, and the base model's GGUF it applies to.

    make export RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct ADAPTER_ONLY=1

The adapter route ships the unmodified base model once and a small adapter per recipe: Ollama's
`FROM <base gguf>` + `ADAPTER <adapter gguf>`, llama.cpp's `-m <base> --lora <adapter>`.

The file is llama.cpp's LoRA format (what llama.cpp's convert_lora_to_gguf.py writes and
llama-adapter.cpp reads): `general.type = adapter`, `adapter.type = lora`, `adapter.lora.alpha`,
`general.architecture` = the base's, and for each adapted weight `<gguf name>.lora_a` (PEFT's
lora_A, ggml shape [in, r]) and `<gguf name>.lora_b` (lora_B, [r, out]). llama.cpp scales B·A by
alpha / r with r read from the tensor shapes, as PEFT does by lora_alpha / r; a module whose PEFT
scale differs (alpha_pattern, rank_pattern, rslora's alpha / sqrt(r)) has the difference folded
into its lora_b, so one `adapter.lora.alpha` serves every tensor.

Names and layouts come from llama.cpp's own converter (the installed `conversion` package): the
base architecture's model class maps each weight name to its GGUF name and reorders its rows where
llama.cpp needs it (Llama's q/k rows are permuted for llama.cpp's RoPE). Since (P·B)·A = P·(B·A),
the adapter is converted by the same code: the reordering the class applies to a weight is found by
passing it a tensor of row numbers, and applied to lora_B. A transform that is not a row reordering
(fused, split or transposed tensors) is refused, with the merged export as the way out.

The base GGUF is converted once per base model and type into .cache/gguf/ (reused by every recipe
on that base while the base's files are unchanged) and must pass the tokenizer check of every export
(tools/gguf_verify.check_tokenizer).
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

from tools.merge import Adapter
from tools.paths import cache_dir, display
from tools import atomic


class AdapterError(RuntimeError):
    """The adapter cannot be written as a GGUF adapter; the message says what to do instead."""


MERGED_INSTEAD = "export the merged model instead: `make export RECIPE={name}` without ADAPTER_ONLY"


# ---------------------------------------------------------------- llama.cpp's converter, for names and layouts
@contextlib.contextmanager
def _quiet_converter() -> Iterator[None]:
    logger = logging.getLogger("hf-to-gguf")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def converter_model(base_folder: Path, scratch: Path):
    """llama.cpp's converter class for the base architecture, built on the base folder (tensors are indexed, not read)."""
    import gguf
    from conversion import ModelBase, ModelType, get_model_architecture, get_model_class

    hparams = ModelBase.load_hparams(base_folder, False)
    architecture = get_model_architecture(hparams, ModelType.TEXT)
    try:
        cls = get_model_class(architecture)
    except NotImplementedError:
        raise AdapterError(f"llama.cpp's converter does not support the architecture {architecture}; "
                           f"llama.cpp and Ollama cannot run this model") from None
    with _quiet_converter():
        return cls(base_folder, gguf.LlamaFileType.ALL_F32, scratch / "unused.gguf", hparams=hparams, dry_run=True)


def _block_id(name: str) -> int | None:
    return next((int(part) for part in name.split(".") if part.isdecimal()), None)


def _probe(model, name: str, rows: int, columns: int):
    """(GGUF name, row order or None) of what the converter does to a `rows` x `columns` weight `name`."""
    import torch

    probe = torch.arange(rows, dtype=torch.float32).unsqueeze(1).repeat(1, columns)
    with _quiet_converter():
        out = list(model.modify_tensors(probe, name, _block_id(name)))
    if len(out) != 1 or tuple(out[0][1].shape) != (rows, columns):
        return (out[0][0] if out else None), None
    gguf_name, result = out[0]
    order = result[:, 0]
    if not bool((result == order.unsqueeze(1)).all()) or sorted(order.long().tolist()) != list(range(rows)):
        return gguf_name, None
    return gguf_name, order.long()


def gguf_layout(model, name: str, rows: int, columns: int, recipe_name: str):
    """(GGUF tensor name, row order) for base weight `name`: llama.cpp's converter's own mapping."""
    try:
        gguf_name, order = _probe(model, name, rows, 2)  # two columns are enough for row reorderings...
        if order is None:
            gguf_name, order = _probe(model, name, rows, columns)  # ...unless the class needs the real width
    except Exception as error:  # the converter's classes raise ValueError/KeyError/AssertionError alike
        raise AdapterError(f"llama.cpp's converter cannot place {name} ({type(error).__name__}: {error}); "
                           + MERGED_INSTEAD.format(name=recipe_name)) from None
    if order is None or gguf_name is None:
        raise AdapterError(f"llama.cpp's converter does not store {name} as one row-reordered tensor "
                           f"(it becomes {gguf_name or 'nothing'}), so a LoRA on it has no GGUF adapter form; "
                           + MERGED_INSTEAD.format(name=recipe_name))
    return gguf_name, order


# ---------------------------------------------------------------- the adapter GGUF
def adapter_problems(adapter: Adapter, tokenizer_size: int, vocab_size: int) -> list[str]:
    problems = list(adapter.unsupported)
    if adapter.replaced:
        problems.append(f"it replaces whole tensors ({', '.join(sorted(adapter.replaced)[:3])}; lora_modules_to_save), "
                        f"which llama.cpp's LoRA adapters cannot carry")
    if tokenizer_size > vocab_size:
        problems.append(f"the recipe adds {tokenizer_size - vocab_size} token(s) the base GGUF does not have")
    if not adapter.pairs:
        problems.append("it has no LoRA weights")
    return problems


def write_adapter(adapter: Adapter, base_folder: Path, target: Path, recipe_name: str) -> dict[str, Any]:
    """The LoRA GGUF of `adapter` for the base in `base_folder`, written to a temporary name and renamed."""
    import gguf
    import numpy as np

    scales = Counter(round(pair.scale * pair.a.shape[0], 6) for pair in adapter.pairs.values())
    alpha = scales.most_common(1)[0][0]  # llama.cpp: scale = alpha / r; r from each tensor's shape
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.stem}.tmp-{os.getpid()}.gguf")
    with tempfile.TemporaryDirectory() as scratch:
        model = converter_model(base_folder, Path(scratch))
        writer = gguf.GGUFWriter(path=None, arch=gguf.MODEL_ARCH_NAMES[model.model_arch])
        writer.add_type(gguf.GGUFType.ADAPTER)
        writer.add_name(f"{recipe_name} (LoRA)")
        writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
        writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, float(alpha))
        names = []
        for name, pair in sorted(adapter.pairs.items(), key=lambda item: (_block_id(item[0]) or -1, item[0])):
            rows, rank, columns = pair.b.shape[0], pair.a.shape[0], pair.a.shape[1]
            gguf_name, order = gguf_layout(model, name, rows, columns, recipe_name)
            fold = pair.scale * rank / alpha
            b = pair.b.float()[order] * fold
            writer.add_tensor(gguf_name + ".lora_a", np.ascontiguousarray(pair.a.float().numpy()))
            writer.add_tensor(gguf_name + ".lora_b", np.ascontiguousarray(b.numpy()))
            names.append(gguf_name)
        try:
            writer.write_header_to_file(path=tmp)
            writer.write_kv_data_to_file()
            writer.write_tensors_to_file()
            writer.close()
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    ranks = sorted({pair.a.shape[0] for pair in adapter.pairs.values()})
    print(f"LoRA GGUF: {len(names)} weights ({names[0]}, ...), rank {'/'.join(map(str, ranks))}, "
          f"adapter.lora.alpha {alpha:g}, {target.stat().st_size / 1e6:.1f} MB", flush=True)
    return {"file": target.name, "tensors": len(names) * 2, "alpha": alpha, "ranks": ranks,
            "architecture": gguf.MODEL_ARCH_NAMES[model.model_arch], "bytes": target.stat().st_size}


# ---------------------------------------------------------------- the base GGUF, converted once
def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "base"


def _source_stamp(folder: Path) -> str:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return json.dumps({"folder": str(folder.resolve()),
                       "files": {p.name: [p.stat().st_size, p.stat().st_mtime_ns] for p in files}}, sort_keys=True)


def base_gguf_path(base, quant: str) -> Path:
    slug = _slug(base.name)
    return cache_dir() / "gguf" / slug / f"{slug}-{quant}.gguf"


def base_gguf(base, quant: str, make) -> tuple[Path, bool]:
    """(the base model's GGUF in `quant`, whether it was reused). `make(target, log)` converts and
    verifies it when missing or made from other files; one process at a time per file."""
    target = base_gguf_path(base, quant)
    stamp_file = target.with_name(target.name + ".source.json")
    stamp = _source_stamp(base.path)
    with atomic.locked(target.with_name(f".{target.name}.lock")):
        if target.is_file() and stamp_file.is_file() and stamp_file.read_text() == stamp:
            print(f"Base GGUF {display(target)} is up to date with {base.name}; reusing it", flush=True)
            return target, True
        target.unlink(missing_ok=True)
        make(target, target.with_name(target.stem + ".convert.log"))
        stamp_file.write_text(stamp)
    return target, False


# ---------------------------------------------------------------- the adapter route of make export
def export_adapter(recipe, base, paths, quant: str, min_agreement: float, license_name: str, limit: int = 16) -> int:
    """ADAPTER_ONLY=1: base GGUF (shared) + LoRA GGUF + Modelfile in runs/<name>/gguf-adapter/, verified in llama.cpp."""
    import time

    from tools import export, gguf_verify, model_card, modelfile
    from tools.merge import adapter_tokenizer, read_adapter
    from transformers import AutoTokenizer

    from tools.prompting import chat_template_text

    if not gguf_verify.llama_cpp_available():
        raise AdapterError("the adapter route is verified by running base + adapter in llama.cpp itself: run "
                           "`make setup-llamacpp` (compiles llama.cpp, ~8 min), or export the merged model without ADAPTER_ONLY")
    folder = paths.root / "gguf-adapter"
    tokenizer, _ = adapter_tokenizer(paths, base, recipe.config)
    adapter = read_adapter(paths.adapter)
    vocab = int(json.loads((base.path / "config.json").read_text()).get("vocab_size") or 0)
    problems = adapter_problems(adapter, len(tokenizer), vocab)
    if problems:
        raise AdapterError(f"{recipe.name}'s adapter has no llama.cpp GGUF adapter form: {'; '.join(problems)}; "
                           + MERGED_INSTEAD.format(name=recipe.name))
    seconds: dict[str, float] = {}

    export.step(1, f"base GGUF of {base.name} ({quant}), converted once for every recipe on this base")
    start = time.monotonic()
    base_tokenizer = AutoTokenizer.from_pretrained(base.path)  # the base's own special tokens, no pad fallback

    def make(target: Path, log_dir: Path) -> None:
        tmp, f16, _ = export.make_gguf(base.path, target, quant, target.parent)
        try:
            gguf_verify.check_tokenizer(tmp, base, base_tokenizer, base_tokenizer.chat_template)
            os.replace(tmp, target)
        except gguf_verify.VerifyError as error:
            raise export.ExportError(f"the base GGUF: {error}") from None
        finally:
            tmp.unlink(missing_ok=True)
            if f16:
                f16.unlink(missing_ok=True)

    base_file, reused = base_gguf(base, quant, make)
    seconds["base_gguf_s"] = round(time.monotonic() - start, 1)
    if tokenizer.eos_token_id != base_tokenizer.eos_token_id:
        print(f"note: the recipe ends answers with {tokenizer.eos_token!r}, the base GGUF with {base_tokenizer.eos_token!r}: "
              f"the Modelfile stops on the recipe's; with llama.cpp pass `-r {tokenizer.eos_token!r}`", flush=True)

    export.step(2, "LoRA adapter GGUF")
    start = time.monotonic()
    adapter_file = folder / f"{recipe.name}-lora.gguf"
    facts = write_adapter(adapter, base.path, adapter_file, recipe.name)
    seconds["adapter_s"] = round(time.monotonic() - start, 1)

    export.step(3, "verify base + adapter in llama.cpp against the merged model's GGUF")
    start = time.monotonic()
    export.merge_step(recipe, base, paths, license_name)
    merged_gguf, temporary = _merged_gguf(recipe.name, paths, quant, folder)
    try:
        result = _verify(recipe, paths, base_file, adapter_file, merged_gguf, min_agreement, limit, tokenizer)
    finally:
        if temporary:
            merged_gguf.unlink(missing_ok=True)
    seconds["verify_s"] = round(time.monotonic() - start, 1)
    result.update(quant=quant, base_gguf=str(base_file), base_gguf_reused=reused, adapter=facts, seconds=seconds,
                  merged_gguf=f"a temporary {quant} conversion of merged/" if temporary else str(merged_gguf))
    atomic.write_json(folder / "verification.json", result)

    export.step(4, "Ollama Modelfile (FROM base + ADAPTER), chat template and model card")
    template = chat_template_text(recipe.config, tokenizer)
    atomic.write_text(folder / f"{recipe.name}.jinja", template)
    built = modelfile.build(recipe.config, tokenizer)
    base_relative = _reference(base_file, folder)
    atomic.write_text(folder / "Modelfile", built.text(base_relative, license_name, recipe.name, adapter=adapter_file.name))
    export.copy_schema(recipe, folder)
    atomic.write_text(folder / "README.md", model_card.render(recipe, recipe["base_model"], license_name, "gguf-adapter",
                                                              adapter_file.name, result, paths.read_manifest(),
                                                              base_gguf=base_relative))
    failed = folder / "VERIFY_FAILED"
    if not result["passed"]:
        atomic.write_text(failed, f"{adapter_file.name}: verification failed: {result['error']}\nSee verification.json.\n")
        print(f"\nVERIFY FAILED: {result['error']}. The files are in {display(folder)}.", file=sys.stderr)
        return 1
    failed.unlink(missing_ok=True)
    print(f"\nExported {display(adapter_file)} for {display(base_file)}.\nRun it: cd {display(folder)} && "
          f"ollama create {recipe.name} -f Modelfile && ollama run {recipe.name}\nor: llama-cli -m {base_relative} "
          f"--lora {adapter_file.name} --chat-template-file {recipe.name}.jinja -cnv")
    return 0


def _reference(path: Path, folder: Path) -> str:
    """How the Modelfile in `folder` names `path`: relative inside the repository (the tree can move), else absolute."""
    from tools.paths import ROOT

    inside = all(p.resolve().is_relative_to(ROOT) for p in (path, folder))
    return os.path.relpath(path.resolve(), folder.resolve()) if inside else str(path.resolve())


def _merged_gguf(name: str, paths, quant: str, folder: Path) -> tuple[Path, bool]:
    """(the merged model's GGUF in `quant`, whether it is a temporary file to delete): the verified merged
    export when it was made from the current merged folder, else a conversion made for this check."""
    from tools import export

    exported = paths.gguf / f"{name}-{quant}.gguf"
    try:
        done = json.loads((paths.gguf / "verification.json").read_text())
    except (OSError, ValueError):
        done = {}
    current = (paths.merged / "merged_from.txt").read_text().strip()
    if exported.is_file() and done.get("passed") and done.get("quant") == quant and done.get("merged_from") == current:
        print(f"Comparing with the verified merged export {display(exported)}", flush=True)
        return exported, False
    print(f"Converting the merged model to {quant} for the comparison (deleted afterwards)", flush=True)
    tmp, f16, _ = export.make_gguf(paths.merged, folder / f"{name}-merged-{quant}.gguf", quant, folder)
    if f16:
        f16.unlink(missing_ok=True)
    return tmp, True


def _verify(recipe, paths, base_file: Path, adapter_file: Path, merged_gguf: Path, min_agreement: float,
            limit: int, tokenizer) -> dict[str, Any]:
    import torch
    from transformers import AutoModelForCausalLM

    from tools import gguf_verify
    from tools.generation import _tokenizer_from
    from tools.prompting import chat_template_text

    merged_tokenizer = _tokenizer_from(paths.merged)
    prompts = gguf_verify.evaluation_prompts(recipe, merged_tokenizer, limit)
    if not prompts:
        raise AdapterError("no prompts to verify with: the recipe has no evaluation, validation or training rows")
    result = gguf_verify.check_adapter(base_file, adapter_file, merged_gguf, prompts, min_agreement)
    reference = AutoModelForCausalLM.from_pretrained(paths.merged, dtype=torch.float32).eval()
    llama = gguf_verify.check_llama_cpp(base_file, reference, merged_tokenizer, prompts, recipe.config, lora=adapter_file,
                                        chat_template=chat_template_text(recipe.config, tokenizer))
    result["llama_cpp"] = llama
    if not result["passed"]:
        result["error"] = (f"base + adapter agree with the merged GGUF on {result['greedy_agreement']:.0%} of the "
                           f"prompts' next tokens (export.min_greedy_agreement: {min_agreement:.0%}); their logits "
                           f"differ by {result['worst_relative_error']:.4f} (the base alone: "
                           f"{result['relative_error_without_adapter']:.4f})")
    elif not llama["passed"]:
        result["passed"] = False
        result["error"] = "llama.cpp: " + "; ".join(llama["problems"])
    return result
