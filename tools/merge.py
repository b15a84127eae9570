"""Merge a run's LoRA adapter into its base model within RAM: tensor by tensor, in the run's precision.

    python -m tools.export qwen-personal-qa --model smollm2-135m-instruct   # step 1 of make export

The merged weight of each adapted linear layer is W + s * B @ A (PEFT's formula: s = alpha / r,
alpha / sqrt(r) with rslora, per-module alpha/r from alpha_pattern/rank_pattern), computed in
float32 for that one tensor and stored in the merge precision (`export.merge_dtype`; `auto` is
the precision the run was trained in, from its manifest). The base's safetensors files are read
with plain reads, one tensor at a time, and each merged shard is written as it is computed, so
the peak RAM is about the largest tensor a few times over, not the model: `make bench` item 11
measures it against the merged size on disk. Rounding is the only difference from PEFT's
float32 `merge_and_unload`: at most half a unit in the last place of the stored precision
(2^-8 relative for bf16, 2^-11 for fp16; tests/test_merge.py).

Adapters this streaming merge does not cover (DoRA, LoRA on embeddings or with biases, tokens
added to the vocabulary, a base without safetensors) are merged by PEFT's `merge_and_unload` on
the base loaded in the same precision, with a note that RAM then peaks at about twice the model.
"""
from __future__ import annotations

import json
import math
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from tools import atomic, runs
from tools.paths import display

MERGE_DTYPES = ("bf16", "fp16", "fp32")
_ST_DTYPES = {"F64": "float64", "F32": "float32", "F16": "float16", "BF16": "bfloat16", "I64": "int64",
              "I32": "int32", "I16": "int16", "I8": "int8", "U8": "uint8", "BOOL": "bool"}
_TORCH_NAMES = {"bf16": "bfloat16", "fp16": "float16", "fp32": "float32"}
# Half a unit in the last place, relative: the rounding error of storing an exact sum.
UNIT_ROUNDOFF = {"fp32": 2.0 ** -24, "bf16": 2.0 ** -8, "fp16": 2.0 ** -11}


class MergeError(RuntimeError):
    """The adapter cannot be merged; the message says what to do."""


# ---------------------------------------------------------------- the adapter, read once
@dataclass(frozen=True)
class LoraPair:
    """One adapted weight: W (base tensor `weight`, out x in) gets scale * B @ A."""

    weight: str  # the base model's tensor name, e.g. model.layers.0.self_attn.q_proj.weight
    a: Any  # torch tensor, r x in (PEFT's lora_A.weight)
    b: Any  # torch tensor, out x r (PEFT's lora_B.weight)
    scale: float
    alpha: float  # PEFT's alpha for this module (lora_alpha or its alpha_pattern entry)


@dataclass(frozen=True)
class Adapter:
    config: dict[str, Any]
    pairs: dict[str, LoraPair]  # by base tensor name
    replaced: dict[str, Any]  # modules_to_save: full tensors that replace the base's
    unsupported: tuple[str, ...]  # why the streaming merge / GGUF adapter cannot take it


def _pattern(patterns: dict[str, Any], module: str, default: Any) -> Any:
    """PEFT's get_pattern_key: a pattern matches a module name's dotted suffix."""
    for key, value in (patterns or {}).items():
        if re.match(rf"(.*\.)?({key})$", module):
            return value
    return default


def read_adapter(folder: Path) -> Adapter:
    """A PEFT LoRA adapter folder (adapter_config.json + adapter_model.safetensors)."""
    from safetensors.torch import load_file

    peft_config = json.loads((folder / "adapter_config.json").read_text())
    weights_file = folder / "adapter_model.safetensors"
    if not weights_file.is_file():
        raise MergeError(f"{display(weights_file)} is missing: train again with `make train` (PEFT saves safetensors)")
    tensors = load_file(str(weights_file))
    unsupported = []
    if (peft_config.get("peft_type") or "LORA") != "LORA":
        unsupported.append(f"peft_type {peft_config.get('peft_type')}")
    for key, why in (("use_dora", "DoRA"), ("lora_bias", "LoRA biases"), ("fan_in_fan_out", "fan_in_fan_out (Conv1D) layers"),
                     ("layer_replication", "layer replication"), ("target_parameters", "LoRA on parameters"),
                     ("trainable_token_indices", "trainable tokens"), ("alora_invocation_tokens", "aLoRA")):
        if peft_config.get(key):
            unsupported.append(why)
    if (peft_config.get("bias") or "none") != "none":
        unsupported.append(f"bias: {peft_config['bias']}")
    groups: dict[str, dict[str, Any]] = {}
    replaced: dict[str, Any] = {}
    for key, tensor in tensors.items():
        name = key.removeprefix("base_model.model.")
        match = re.match(r"(.+)\.lora_(A|B)\.weight$", name)
        if match:
            groups.setdefault(match.group(1), {})[match.group(2)] = tensor
        elif ".lora_embedding_" in name or ".lora_magnitude_vector" in name:
            unsupported.append(f"{name.split('.')[-2] if '.' in name else name} ({key})")
        else:
            replaced[name.replace(".modules_to_save.default", "")] = tensor
    pairs = {}
    for module, ab in groups.items():
        if set(ab) != {"A", "B"}:
            unsupported.append(f"{module} has only lora_{''.join(ab)}")
            continue
        rank = ab["A"].shape[0]
        alpha = float(_pattern(peft_config.get("alpha_pattern"), module, peft_config["lora_alpha"]))
        scale = alpha / math.sqrt(rank) if peft_config.get("use_rslora") else alpha / rank
        pairs[module + ".weight"] = LoraPair(module + ".weight", ab["A"], ab["B"], scale, alpha)
    return Adapter(peft_config, pairs, replaced, tuple(unsupported))


# ---------------------------------------------------------------- safetensors, one tensor at a time
def read_header(path: Path) -> tuple[dict[str, Any], int]:
    """(header, byte offset of the data) of a safetensors file."""
    with open(path, "rb") as handle:
        size = struct.unpack("<Q", handle.read(8))[0]
        return json.loads(handle.read(size)), 8 + size


def read_tensor(handle, data_start: int, info: dict[str, Any]):
    """One tensor, read into fresh memory (not memory-mapped: mapped pages would stay resident)."""
    import torch

    begin, end = info["data_offsets"]
    buffer = torch.empty(end - begin, dtype=torch.uint8)
    handle.seek(data_start + begin)
    handle.readinto(memoryview(buffer.numpy()))
    return buffer.view(getattr(torch, _ST_DTYPES[info["dtype"]])).reshape(info["shape"])


def write_safetensors(path: Path, specs: list[tuple[str, str, list[int]]], produce: Callable[[str], Any]) -> int:
    """Write tensors `specs` = (name, safetensors dtype, shape) in order, each made by `produce(name)`
    only when its turn comes: the header is known before any data. Returns the bytes written."""
    import torch

    sizes = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1}
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    offset = 0
    for name, dtype, shape in specs:
        nbytes = math.prod(shape) * sizes[dtype]
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + nbytes]}
        offset += nbytes
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as handle:
        handle.write(struct.pack("<Q", len(text)) + text)
        for name, dtype, shape in specs:
            tensor = produce(name)
            if list(tensor.shape) != list(shape) or tensor.dtype != getattr(torch, _ST_DTYPES[dtype]):
                raise MergeError(f"internal: {name} came out {tensor.dtype} {list(tensor.shape)}, expected {dtype} {shape}")
            handle.write(memoryview(tensor.contiguous().reshape(-1).view(torch.uint8).numpy()))
    return 8 + len(text) + offset


def base_shards(folder: Path) -> list[Path]:
    index = folder / "model.safetensors.index.json"
    if index.is_file():
        return [folder / name for name in sorted(set(json.loads(index.read_text())["weight_map"].values()))]
    return sorted(folder.glob("*.safetensors"))


# ---------------------------------------------------------------- tokenizer and precision
def adapter_tokenizer(paths: runs.RunPaths, base, config: dict[str, Any]):
    """The run's tokenizer (saved with the adapter, else the base's) with the recipe's special tokens."""
    from tools.generation import _tokenizer_from
    from tools.models import load_tokenizer
    from tools.prompting import prepare_tokenizer

    has_own = (paths.adapter / "tokenizer_config.json").is_file()
    tokenizer = _tokenizer_from(paths.adapter) if has_own else load_tokenizer(base)
    added = prepare_tokenizer(tokenizer, config)
    return tokenizer, added


def merge_dtype(recipe, paths: runs.RunPaths) -> tuple[str, str]:
    """(bf16 | fp16 | fp32, why): `export.merge_dtype`, else the run's training precision."""
    from tools.recipe_schema import default_at

    wanted = recipe.section("export").get("merge_dtype") or default_at(("export", "merge_dtype"))
    if wanted != "auto":
        return wanted, "export.merge_dtype"
    trained = paths.read_manifest().get("precision")
    if trained in MERGE_DTYPES:
        return trained, "the precision the run was trained in (manifest.json)"
    from tools import hardware

    precision = hardware.inference_precision(recipe.config, hardware.detect())
    return precision.name, f"no precision in manifest.json; {precision.reason}"


# ---------------------------------------------------------------- the merge
def streaming_problems(adapter: Adapter, base_folder: Path, tokenizer_size: int, base_config: dict[str, Any]) -> list[str]:
    problems = list(adapter.unsupported)
    if base_config.get("quantization_config"):
        problems.append("the base model is stored quantized")
    shards = base_shards(base_folder)
    if not shards:
        return problems + ["the base model has no safetensors files"]
    names: set[str] = set()
    for shard in shards:
        names |= set(read_header(shard)[0]) - {"__metadata__"}
    problems += [f"{name} is not in the base model's files" for name in list(adapter.pairs) + list(adapter.replaced)
                 if name not in names][:3]
    vocab = base_config.get("vocab_size") or (base_config.get("text_config") or {}).get("vocab_size")
    if vocab and tokenizer_size > vocab:
        problems.append(f"the recipe adds {tokenizer_size - vocab} token(s) to the vocabulary")
    return problems


def merge_tensors(adapter: Adapter, base_folder: Path, target: Path, dtype: str) -> int:
    """base_folder's safetensors + adapter -> target (same shard files), tensor by tensor. Returns bytes."""
    import torch

    out_name = {"bf16": "BF16", "fp16": "F16", "fp32": "F32"}[dtype]
    out_dtype = getattr(torch, _TORCH_NAMES[dtype])
    total = 0
    weight_map: dict[str, str] = {}
    for shard in base_shards(base_folder):
        header, data_start = read_header(shard)
        infos = {k: v for k, v in header.items() if k != "__metadata__"}
        floating = {k for k, v in infos.items() if v["dtype"] in ("F64", "F32", "F16", "BF16")}
        specs = [(name, out_name if name in floating else info["dtype"], list(info["shape"])) for name, info in infos.items()]
        with open(shard, "rb") as handle:
            def produce(name: str):
                if name in adapter.replaced:
                    return adapter.replaced[name].to(out_dtype)
                tensor = read_tensor(handle, data_start, infos[name])
                pair = adapter.pairs.get(name)
                if pair is not None:
                    delta = (pair.b.float() @ pair.a.float()) * pair.scale
                    return (tensor.float() + delta).to(out_dtype)
                return tensor.to(out_dtype) if name in floating else tensor

            total += write_safetensors(target / shard.name, specs, produce)
        weight_map.update({name: shard.name for name in infos})
    if (base_folder / "model.safetensors.index.json").is_file():
        (target / "model.safetensors.index.json").write_text(json.dumps(
            {"metadata": {"total_size": total}, "weight_map": weight_map}, indent=2) + "\n")
    return total


def _peft_merge(base, paths: runs.RunPaths, target: Path, dtype: str, tokenizer_size: int) -> None:
    """PEFT's merge_and_unload on the base loaded in `dtype` (the cases merge_tensors does not cover)."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(base.path, dtype=getattr(torch, _TORCH_NAMES[dtype]))
    if tokenizer_size > model.get_input_embeddings().weight.shape[0]:
        print(f"Resizing embeddings to {tokenizer_size} for the recipe's special tokens", flush=True)
        model.resize_token_embeddings(tokenizer_size)
    model = PeftModel.from_pretrained(model, paths.adapter).merge_and_unload()
    model.save_pretrained(target)


def merge(recipe, base, paths: runs.RunPaths, license_name: str, dtype: str | None = None) -> Path:
    """base + adapter -> paths.merged (atomic): weights, config, generation config, tokenizer, card."""
    from transformers import GenerationConfig

    from tools import model_card
    from tools.generation import Settings, merged_stamp
    from tools.prompting import chat_template_text

    config = recipe.config
    if dtype is None:
        dtype, _ = merge_dtype(recipe, paths)
    tokenizer, _ = adapter_tokenizer(paths, base, config)
    base_config = json.loads((base.path / "config.json").read_text())
    adapter = read_adapter(paths.adapter)
    problems = streaming_problems(adapter, base.path, len(tokenizer), base_config)
    if config.get("load_in_4bit") or config.get("load_in_8bit"):
        print(f"QLoRA run: merging onto {base.name}'s full-precision weights, not onto the 4/8-bit training weights.",
              flush=True)
    with atomic.replaced_dir(paths.merged) as tmp:
        if problems:
            print(f"note: merging with PEFT's merge_and_unload in {dtype} ({'; '.join(problems)}): "
                  f"peak RAM about twice the merged model", flush=True)
            _peft_merge(base, paths, tmp, dtype, len(tokenizer))
        else:
            print(f"Merging {len(adapter.pairs)} LoRA weights into {base.name} tensor by tensor, stored in {dtype}...",
                  flush=True)
            merge_tensors(adapter, base.path, tmp, dtype)
            merged_config = dict(base_config, dtype=_TORCH_NAMES[dtype])
            merged_config.pop("torch_dtype", None)
            (tmp / "config.json").write_text(json.dumps(merged_config, indent=2, sort_keys=True) + "\n")
        # The merged model (and the GGUF made from it) carries the recipe's prompt layout as its chat
        # template, so llama.cpp's and transformers' chat formatting give the training prompt.
        tokenizer.chat_template = chat_template_text(config, tokenizer)
        tokenizer.save_pretrained(tmp)
        generation = (GenerationConfig.from_pretrained(base.path) if (base.path / "generation_config.json").is_file()
                      else GenerationConfig())
        generation.eos_token_id, generation.pad_token_id = tokenizer.eos_token_id, tokenizer.pad_token_id
        settings = Settings.from_recipe(config)
        generation.max_new_tokens = settings.max_new_tokens
        generation.repetition_penalty = settings.repetition_penalty
        generation.do_sample = settings.do_sample
        if settings.do_sample:
            generation.temperature, generation.top_p = settings.temperature, settings.top_p
        else:
            generation.temperature = generation.top_p = generation.top_k = None
        generation.save_pretrained(tmp)
        (tmp / "merged_from.txt").write_text(merged_stamp(paths, base) + "\n")
        (tmp / "README.md").write_text(model_card.render(recipe, recipe["base_model"], license_name, "merged",
                                                         training=paths.read_manifest()))
    return paths.merged


def merged_dtype(folder: Path) -> str | None:
    """The precision a merged folder was stored in (its config.json), as bf16/fp16/fp32."""
    try:
        data = json.loads((folder / "config.json").read_text())
    except (OSError, ValueError):
        return None
    name = data.get("dtype") or data.get("torch_dtype")
    return {v: k for k, v in _TORCH_NAMES.items()}.get(str(name))


