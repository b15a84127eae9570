"""The rest of a recipe's path after training: inference, merge, GGUF conversion and quantization,
each against the card's memory (GPU_GB) or the machine's (RAM_GB).

    make plan RECIPE=deepseek8b-ts-tutor GPU_GB=8 RAM_GB=16

tools/plan.py estimates training; this module adds the stages that come after it, from the same
model facts (tools/model_facts/) and the same resolved settings, each with its formula printed:

  inference    make eval / chat / serve on the GPU, in 4-bit as trained (tools/hardware.inference_plan)
               and in full precision: weights (nf4 linear at 4.127 or 4.5 bits + the rest in 16 bits,
               or everything in 16 bits) + the LoRA adapter kept in fp32 by PEFT + the KV cache of one
               batch (batch x context tokens x layers x 2 x kv heads x head dim x 2 B, context = the
               recipe's sequence_len + generation.max_new_tokens) + the largest transient of a prefill
               (one layer's MLP: batch x context x intermediate x 3 x 2 B) + the CUDA constant.
  merge        tools/merge.py streams one tensor at a time: the process (Python + torch, measured
               0.60 GB on the embedded model) + the largest tensor read in its stored precision, plus
               its copy in the merge precision when they differ, or for an adapted weight its float32
               sum (3 x 4 B: base, delta, result) + the adapter.
  convert      convert-hf-to-gguf writes lazily, one tensor at a time: the process (Python, torch,
               gguf, the tokenizer: measured 0.45 GB after the largest tensor) + the largest tensor in
               the output type, and in float32 first when the source is 16-bit (numpy has no bf16). The input safetensors are read through mmap: those
               pages are the page cache's, dropped under pressure, and not counted.
  quantize     llama.cpp's quantizer reads one tensor, widens it to float32 and quantizes it: the
               largest tensor x (2 B read + 4 B float + the quantized bytes) + a measured 0.04 GB.

Each constant is a measured figure on this project's embedded model (bench item 13 and
tests/test_plan_path.py compare these estimates with measured peaks, anonymous memory only);
the sizes of the real models come from their published config.json (tools/model_facts/).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tools.plan import CUDA_OVERHEAD_BYTES, GB, NF4_BITS, ModelFacts, lora_parameters

MERGE_PROCESS_BYTES = 0.60 * GB  # python + torch + transformers + the tokenizer, before the first tensor (bench item 11)
CONVERT_PROCESS_BYTES = 0.45 * GB  # convert-hf-to-gguf's anonymous memory once its tensors are written (measured)
QUANTIZE_PROCESS_BYTES = 0.04 * GB  # llama-cpp-python loaded, before the quantizer starts (measured)
STORED_BYTES = {"float32": 4, "bfloat16": 2, "float16": 2}
QUANT_BYTES_PER_WEIGHT = {"f16": 2.0, "q8_0": 34 / 32, "q5_k_m": 5.5 / 8, "q4_k_m": 4.85 / 8}  # llama.cpp's block sizes (q*_k_m: mixed, average)


@dataclass
class Stage:
    name: str
    where: str  # "GPU" or "RAM"
    bytes: float
    formula: str
    note: str = ""


def _largest_tensors(facts: ModelFacts) -> tuple[int, int]:
    """(elements of the largest weight of all, elements of the largest linear weight an adapter can touch)."""
    linear = max(a * b for a, b in facts.linear_layers().values())
    return max(facts.vocab_size * facts.hidden_size, linear), linear


def sequence_bytes(layers: int, kv_heads: int, head_dim: int, intermediate: int, context: int) -> int:
    """GPU memory one generated sequence of `context` tokens adds: its KV cache in 16 bits and its
    share of a prefill's largest transient (one MLP: intermediate x 3 tensors x 2 B per token)."""
    return context * (layers * 2 * kv_heads * head_dim * 2 + intermediate * 3 * 2)


def fitting_batch(default: int, free_bytes: float, per_sequence: int, headroom: float = 0.8) -> int:
    """The hardware's default generation batch, lowered so the batch fits `headroom` of the free memory."""
    return max(1, min(default, int(headroom * free_bytes // max(per_sequence, 1))))


def inference(facts: ModelFacts, settings, four_bit: bool, batch: int, context: int) -> Stage:
    counts = facts.counts()
    rest = counts["embedding"] + counts["lm_head"] + counts["other"]
    if four_bit:
        bits = NF4_BITS[bool(settings.bnb_4bit_use_double_quant)]
        weights = counts["linear"] * bits / 8 + rest * 2
        formula = f"{counts['linear'] / 1e9:.2f}B linear x {bits} bits + {rest / 1e6:.0f}M other x 2 B"
    else:
        weights = counts["total"] * 2
        formula = f"{counts['total'] / 1e9:.2f}B x 2 B"
    adapter = lora_parameters(facts, settings) * 4
    kv = batch * sequence_bytes(facts.num_hidden_layers, facts.num_key_value_heads, facts.head_dim, 0, context)
    transient = batch * sequence_bytes(0, 0, 0, facts.intermediate_size, context)
    total = weights + adapter + kv + transient + CUDA_OVERHEAD_BYTES
    formula += (f" + adapter {adapter / GB:.2f} GB (fp32) + KV {kv / GB:.2f} GB ({batch} x {context} tokens)"
                f" + prefill {transient / GB:.2f} GB + CUDA {CUDA_OVERHEAD_BYTES / GB:.2f} GB")
    default = "the default on CUDA for a recipe trained in 4-bit" if four_bit else (
        "generation.load_in_4bit: false" if settings.load_in_4bit else "the default for a recipe trained in 16 bits")
    return Stage("inference 4-bit" if four_bit else "inference 16-bit", "GPU", float(total), formula, default)


def merge(facts: ModelFacts, settings, stored: str, merge_bytes: int) -> Stage:
    largest, linear = _largest_tensors(facts)
    source = STORED_BYTES.get(stored, 2)
    plain = largest * (source + (merge_bytes if merge_bytes != source else 0))
    adapted = linear * (source + 3 * 4 + merge_bytes)
    adapter = lora_parameters(facts, settings) * 4
    work = max(plain, adapted)
    return Stage("merge", "RAM", MERGE_PROCESS_BYTES + work + adapter,
                 f"process {MERGE_PROCESS_BYTES / GB:.2f} GB + max(largest {largest / 1e6:.0f}M x "
                 f"({source} B stored{f' + {merge_bytes} B merged' if merge_bytes != source else ''}), adapted "
                 f"{linear / 1e6:.0f}M x ({source} + 12 + {merge_bytes}) B) + adapter {adapter / GB:.2f} GB")


def convert(facts: ModelFacts, out_bytes: float, source: str) -> Stage:
    """numpy has no bfloat16: a 16-bit source is widened to float32 before the output type; a float32
    source is read straight from the mmap."""
    largest, _ = _largest_tensors(facts)
    widen = 0 if source == "float32" else 4
    work = largest * (widen + out_bytes)
    return Stage("convert to GGUF", "RAM", CONVERT_PROCESS_BYTES + work,
                 f"process {CONVERT_PROCESS_BYTES / GB:.2f} GB + largest {largest / 1e6:.0f}M x ("
                 + ("4 B float32 + " if widen else "") + f"{out_bytes:g} B out)",
                 "input read through mmap (page cache, not counted)")


def quantize(facts: ModelFacts, quant: str) -> Stage:
    largest, _ = _largest_tensors(facts)
    out = QUANT_BYTES_PER_WEIGHT[quant]
    return Stage(f"quantize {quant}", "RAM", QUANTIZE_PROCESS_BYTES + largest * (2 + 4 + out),
                 f"process {QUANTIZE_PROCESS_BYTES / GB:.2f} GB + largest {largest / 1e6:.0f}M x (2 B read + 4 B float + {out:.2f} B)")


def gguf_bytes(facts: ModelFacts, quant: str) -> float:
    return facts.counts()["total"] * QUANT_BYTES_PER_WEIGHT.get(quant, 2.0)


def largest_batch(facts: ModelFacts, settings, four_bit: bool, context: int, budget: float, limit: int = 256) -> int:
    """The largest generation batch whose inference stage fits `budget` bytes (0 if none)."""
    best = 0
    while best < limit and inference(facts, settings, four_bit, best + 1, context).bytes <= budget:
        best += 1
    return best


def stages(recipe, facts: ModelFacts, settings) -> tuple[list[Stage], dict[str, Any]]:
    """Every stage after training for `recipe` on the GPU planned for, and the facts the report prints."""
    from tools import hardware
    from tools.generation import Settings
    from tools.recipe_schema import default_at

    export = recipe.section("export")
    quant = export.get("quant") or default_at(("export", "quant")) or "q8_0"
    merge_dtype = export.get("merge_dtype") or "auto"
    merge_bytes = 4 if (merge_dtype == "fp32" or (merge_dtype == "auto" and settings.precision == "fp32")) else 2
    evaluation = recipe.section("evaluation")
    batch = evaluation.get("batch_size") or hardware.default_generation_batch("cuda")
    context = settings.sequence_len + Settings.from_recipe(recipe.config).max_new_tokens
    out: list[Stage] = []
    trained_4bit = bool(settings.load_in_4bit)
    for four_bit in ((True, False) if trained_4bit else (False,)):
        out.append(inference(facts, settings, four_bit, batch, context))
    if settings.adapter in ("lora", "qlora"):
        out.append(merge(facts, settings, facts.stored_dtype, merge_bytes))
    kind = quant if quant in ("f16", "q8_0") else "f16"
    merged = "float32" if merge_bytes == 4 else "bfloat16"  # what the merge wrote (or the full fine-tune saved)
    out.append(convert(facts, QUANT_BYTES_PER_WEIGHT[kind], merged if settings.adapter in ("lora", "qlora") else facts.stored_dtype))
    if quant not in ("f16", "q8_0"):
        out.append(quantize(facts, quant))
    return out, {"quant": quant, "batch": batch, "context": context, "gguf_bytes": gguf_bytes(facts, quant)}


def report_lines(recipe, facts: ModelFacts, settings, gpu_gb: float | None, ram_gb: float | None) -> tuple[list[str], bool]:
    """The printed stages after training and whether each fits its budget."""
    found, info = stages(recipe, facts, settings)
    lines = [f"  after training (GPU_GB={gpu_gb if gpu_gb else 'not given'}, RAM_GB={ram_gb if ram_gb else 'unknown'}; "
             f"generation batch {info['batch']} x {info['context']} tokens):"]
    fits = True
    for stage in found:
        budget = gpu_gb if stage.where == "GPU" else ram_gb
        verdict = ""
        if budget:
            ok = stage.bytes <= budget * GB
            verdict = f"{'fits' if ok else 'DOES NOT FIT'} in {budget:g} GB"
            if stage.where == "GPU":
                four_bit = stage.name.endswith("4-bit")
                most = largest_batch(facts, settings, four_bit, info["context"], budget * GB)
                ok = most >= 1
                verdict = (f"fits in {budget:g} GB" if stage.bytes <= budget * GB else
                           f"fits in {budget:g} GB with evaluation.batch_size <= {most}" if most else
                           f"DOES NOT FIT in {budget:g} GB even one sequence at a time")
            # Only the way the recipe is run decides: a QLoRA recipe answers in 4-bit on CUDA by default.
            if stage.name != "inference 16-bit" or not settings.load_in_4bit:
                fits = fits and ok
        lines.append(f"    {stage.name:<18}{stage.where} {stage.bytes / GB:6.2f} GB  {verdict}")
        lines.append(f"      = {stage.formula}" + (f"; {stage.note}" if stage.note else ""))
    lines.append(f"    GGUF file ({info['quant']}): ~{info['gguf_bytes'] / GB:.1f} GB on disk")
    return lines, fits
