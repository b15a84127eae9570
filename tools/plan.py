"""Estimate the memory a recipe needs, with its real base model, without downloading it.

    make plan RECIPE=phi2-tutor GPU_GB=6
    make plan RECIPE=deepseek8b-ts-tutor GPU_GB=8 RAM_GB=16   # + inference, merge, GGUF (tools/plan_path.py)
    python -m tools.plan deepseek8b-ts-tutor --gpu-gb 8
    python -m tools.plan                      # all recipes, with published figures beside them

The model's shapes come from tools/model_facts/<owner>__<name>.json (numbers from each model's
published config.json), from a local folder's config.json, or for the embedded model from its
converted config.json. The estimate adds, each with its formula printed:

  weights      linear layers at the recipe's quantization (nf4: 4.5 bits per weight, 4.127 with
               double quantization; 8-bit: 1 byte), everything else (embeddings, lm_head, norms,
               biases) at the compute dtype (2 bytes on a GPU, 4 on CPU)
  LoRA         r x (in + out) per targeted linear, kept in fp32 by PEFT; same size again for the
               gradients; optimizer states 8 bytes per trainable parameter for AdamW, 2 for 8-bit Adam
  activations  micro_batch x sequence_len tokens x per-layer saved tensors (ACTIVATION formula
               below) x layers; with gradient checkpointing only each layer's input is kept
               (hidden_size per token per layer) plus one layer recomputed during backward
  logits       tokens x vocabulary x 3 fp32 copies at the peak (the log-softmax that cross-entropy
               saves, its gradient and the logits' gradient; the logits themselves are freed after
               the loss) + the 16-bit logits' gradient on a GPU: 12 B per element on CPU, 14 B on GPU
  overhead     CUDA context, cuBLAS workspace and allocator slack: a stated constant (0.75 GB)
  preference   `rl:` recipes: chosen and rejected make each example two sequences; the reference is
               a frozen copy of the adapter (TRL's "ref" adapter), whose forward keeps no activations

`--cpu` estimates the same run on this CPU (the precision and optimizer tools/settings.py resolves
here, no CUDA context); `make bench ONLY=7` and tests/test_plan.py
compare that estimate with the measured peak memory of real training steps.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FACTS_DIR = Path(__file__).resolve().parent / "model_facts"
GB = 1e9
CUDA_OVERHEAD_BYTES = 0.75 * GB  # context ~0.3-0.5 GB + cuBLAS workspace + caching-allocator slack
NF4_BITS = {True: 4.127, False: 4.5}  # 4 bits + fp32 absmax per 64 weights (+ 8-bit absmax with double quant)
LOGIT_FP32_COPIES = 3  # log-softmax (saved by cross-entropy), its gradient, the gradient of the logits
DROPOUT_COPIES = {"cpu": 1.5, "gpu": 1.0}  # LoRA dropout output (+ a float noise tensor on CPU; measured 1.45)
OPTIMIZER_BYTES = {  # bytes of optimizer state per trainable fp32 parameter
    "adamw_torch": 8, "adamw_torch_fused": 8, "adamw_hf": 8, "adamw": 8, "adam": 8, "paged_adamw_32bit": 8,
    "adamw_8bit": 2, "adamw_bnb_8bit": 2, "paged_adamw_8bit": 2, "lion_8bit": 1, "lion": 4,
    "sgd": 0, "adafactor": 0,
}
PUBLISHED = {
    "microsoft/phi-2": [("Phi-2 4-bit QLoRA fits a 6 GB RTX 3050 (project seeds)", None, 6.0)],
    "deepseek-ai/DeepSeek-R1-Distill-Llama-8B": [
        ("an 8B model in 4-bit with LoRA needs about 5-6 GB (project seeds)", 5.0, 6.0),
        ("Unsloth: 8B QLoRA minimum 6 GB (chunked cross-entropy and fused kernels)", None, 6.0)],
    "TinyLlama/TinyLlama-1.1B-Chat-v1.0": [("Unsloth: 3B QLoRA minimum 3.5 GB (a 1.1B model needs less)", None, 3.5)],
    "Qwen/Qwen2.5-0.5B-Instruct": [("the recipe's header: any 4 GB GPU", None, 4.0)],
}


class PlanError(ValueError):
    pass


@dataclass(frozen=True)
class ModelFacts:
    name: str
    hidden_size: int
    num_hidden_layers: int
    num_attention_heads: int
    num_key_value_heads: int
    head_dim: int
    intermediate_size: int
    vocab_size: int
    tie_word_embeddings: bool
    mlp: str  # "gated" (SwiGLU: gate/up/down) or "plain" (fc1/fc2)
    norm: str
    attention_bias: bool
    parameters: int | None
    source: str
    model_type: str = "llama"
    stored_dtype: str = "bfloat16"  # the dtype of the published safetensors (config.json's dtype)

    def linear_layers(self) -> dict[str, tuple[int, int]]:
        """Per decoder layer: module name -> (in_features, out_features)."""
        h, q, kv, i = self.hidden_size, self.num_attention_heads * self.head_dim, self.num_key_value_heads * self.head_dim, self.intermediate_size
        layers = {"q_proj": (h, q), "k_proj": (h, kv), "v_proj": (h, kv)}
        if self.mlp == "gated":
            layers.update(o_proj=(q, h), gate_proj=(h, i), up_proj=(h, i), down_proj=(i, h))
        else:
            layers.update(dense=(q, h), fc1=(h, i), fc2=(i, h))
        return layers

    def counts(self) -> dict[str, int]:
        """Parameter counts: quantizable linear weights, embeddings, lm_head, the rest (norms, biases)."""
        linear = sum(a * b for a, b in self.linear_layers().values()) * self.num_hidden_layers
        bias = 0
        if self.attention_bias:
            q, kv = self.num_attention_heads * self.head_dim, self.num_key_value_heads * self.head_dim
            bias += q + 2 * kv
        if self.mlp == "plain":  # phi: every linear has a bias, one LayerNorm (weight + bias) per layer
            bias = sum(out for _, out in self.linear_layers().values())
        norms = (1 if self.norm == "layernorm" and self.mlp == "plain" else 2) * self.hidden_size * (2 if self.norm == "layernorm" else 1)
        other = (bias + norms) * self.num_hidden_layers + self.hidden_size * (2 if self.norm == "layernorm" else 1)
        embed = self.vocab_size * self.hidden_size
        head = 0 if self.tie_word_embeddings else embed + (self.vocab_size if self.mlp == "plain" else 0)
        return {"linear": linear, "embedding": embed, "lm_head": head, "other": other,
                "total": linear + embed + head + other}


def facts_from_config(config: dict[str, Any], name: str, source: str) -> ModelFacts:
    heads = config["num_attention_heads"]
    model_type = config.get("model_type") or "llama"  # the HF config.json, not the recipe
    return ModelFacts(
        name=name, hidden_size=config["hidden_size"], num_hidden_layers=config["num_hidden_layers"],
        num_attention_heads=heads, num_key_value_heads=config.get("num_key_value_heads") or heads,
        head_dim=config.get("head_dim") or config["hidden_size"] // heads, intermediate_size=config["intermediate_size"],
        vocab_size=config["vocab_size"], tie_word_embeddings=bool(config.get("tie_word_embeddings", False)),
        mlp=config.get("mlp") or ("plain" if model_type in ("phi", "gpt2", "gpt_neox") else "gated"),
        norm=config.get("norm") or ("layernorm" if model_type in ("phi", "gpt2", "gpt_neox") else "rmsnorm"),
        attention_bias=bool(config.get("attention_bias", model_type in ("qwen2", "phi"))),
        parameters=config.get("parameters"), source=source, model_type=model_type,
        stored_dtype=str(config.get("dtype") or config.get("torch_dtype") or "bfloat16"))


def facts_path(name: str) -> Path:
    return FACTS_DIR / (name.replace("/", "__") + ".json")


def load_facts(name: str) -> ModelFacts:
    """Shapes of a model by registry name, hub id or local folder; never downloads."""
    from tools.models import EMBEDDED, embedded_dir

    if name == EMBEDDED and (embedded_dir() / "config.json").is_file():
        config = json.loads((embedded_dir() / "config.json").read_text())
        stored = json.loads(facts_path(name).read_text()) if facts_path(name).is_file() else {}
        return facts_from_config({**config, "parameters": stored.get("parameters")}, name, str(embedded_dir() / "config.json"))
    if facts_path(name).is_file():
        return facts_from_config(json.loads(facts_path(name).read_text()), name, str(facts_path(name)))
    local = Path(name).expanduser()
    if (local / "config.json").is_file():
        return facts_from_config(json.loads((local / "config.json").read_text()), name, str(local / "config.json"))
    known = ", ".join(sorted(p.stem.replace("__", "/") for p in FACTS_DIR.glob("*.json")))
    raise PlanError(f"no shapes for {name}: add {facts_path(name).relative_to(FACTS_DIR.parent.parent)} with the fields "
                    f"of its config.json (copy one of the existing files), or pass a local model folder. Known: {known}")


@dataclass
class Estimate:
    parts: list[tuple[str, float, str]] = field(default_factory=list)  # (name, bytes, formula)
    notes: list[str] = field(default_factory=list)
    tokens: int = 0

    @property
    def total(self) -> float:
        return sum(b for _, b, _ in self.parts)

    def get(self, name: str) -> float:
        return sum(b for n, b, _ in self.parts if n == name)


def lora_targets(facts: ModelFacts, settings) -> list[str]:
    """The recipe's LoRA targets on this model's layer names, as tools/targets.py maps them."""
    from tools.targets import map_targets

    available = sorted(facts.linear_layers())
    if settings.lora_target_linear:
        return available
    if not settings.lora_target_modules:
        from peft.utils.constants import TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING as PEFT_DEFAULTS

        return [t for t in PEFT_DEFAULTS.get(facts.model_type, ["q_proj", "v_proj"]) if t in available]
    return map_targets(list(settings.lora_target_modules), available)[0]


def lora_parameters(facts: ModelFacts, settings, targets: list[str] | None = None) -> int:
    """LoRA weights of a run: r x (in + out) per targeted linear, per layer (0 without an adapter)."""
    if settings.adapter not in ("lora", "qlora"):
        return 0
    shapes = facts.linear_layers()
    targets = lora_targets(facts, settings) if targets is None else targets
    return sum(settings.lora_r * (shapes[t][0] + shapes[t][1]) for t in targets) * facts.num_hidden_layers


def activation_elements(facts: ModelFacts, targets: list[str], dropout: float) -> int:
    """Saved activations of one decoder layer, in elements per token (ACTIVATION formula).

    attention: norm input + output (2h), q, k, v (q + 2kv), rotated q and k (q + kv), attention
    output (q); MLP: norm input + output (2h), gated: gate, up, act(gate), act*up (4i), plain: fc1
    output, activation internals and output (3i); LoRA dropout keeps `dropout` copies of each
    target's input (its output, + the noise tensor on CPU). Checked against the tensors autograd
    saves (saved_tensors_hooks) on the embedded model: 10,123 measured vs 10,752 here without dropout.
    """
    h, i = facts.hidden_size, facts.intermediate_size
    q, kv = facts.num_attention_heads * facts.head_dim, facts.num_key_value_heads * facts.head_dim
    attention = 2 * h + (q + 2 * kv) + (q + kv) + q
    mlp = 2 * h + (4 * i if facts.mlp == "gated" else 3 * i)
    drop = sum(facts.linear_layers()[t][0] for t in targets) * dropout
    return int(attention + mlp + drop)


def precision_bytes(settings) -> tuple[int, str]:
    return (4, "fp32") if settings.precision == "fp32" else (2, settings.precision)


def estimate(facts: ModelFacts, settings, mode: str = "gpu", micro_batch: int | None = None,
             sequence_len: int | None = None) -> Estimate:
    """Peak training memory of a run (tools/settings.TrainSettings) on `facts`' model; mode "gpu" or "cpu"."""
    micro_batch = micro_batch or settings.micro_batch_size
    sequence_len = sequence_len or settings.sequence_len
    # Preference training: each example is two sequences (chosen and rejected; KTO: the answer and
    # its KL sample), forward and backward; the reference pass keeps no activations.
    sequences = 2 if getattr(settings, "rl", None) else 1
    tokens = micro_batch * sequence_len * sequences
    est = Estimate(tokens=tokens)
    nbytes, why = precision_bytes(settings)
    counts = facts.counts()
    full = settings.adapter not in ("lora", "qlora")
    four_bit, eight_bit = settings.load_in_4bit and not full, settings.load_in_8bit and not full
    rest = counts["embedding"] + counts["lm_head"] + counts["other"]
    if four_bit:
        dq = settings.bnb_4bit_use_double_quant
        bits = NF4_BITS[bool(dq)]
        weights = counts["linear"] * bits / 8 + rest * nbytes
        formula = f"{counts['linear'] / 1e6:.0f}M linear x {bits} bits (nf4{', double quant' if dq else ''}) + {rest / 1e6:.0f}M other x {nbytes} B"
    elif eight_bit:
        weights = counts["linear"] * 1 + rest * nbytes
        formula = f"{counts['linear'] / 1e6:.0f}M linear x 1 B (int8) + {rest / 1e6:.0f}M other x {nbytes} B"
    else:
        weights = counts["total"] * nbytes
        formula = f"{counts['total'] / 1e6:.0f}M x {nbytes} B ({why})"
    est.parts.append(("weights", weights, formula))

    optimizer = settings.optimizer  # after the hardware's fallback (tools/settings.py)
    if optimizer not in OPTIMIZER_BYTES:
        est.notes.append(f"optimizer {optimizer}: size unknown, counted as AdamW (8 B per parameter)")
    state = OPTIMIZER_BYTES.get(optimizer, 8)
    if full:
        trainable = counts["total"]
        est.parts.append(("optimizer", trainable * state * nbytes / 4, f"{trainable / 1e6:.0f}M x {state * nbytes // 4} B ({optimizer}, states in the weights' dtype)"))
        targets: list[str] = []
        dropout = 0.0
    else:
        targets = lora_targets(facts, settings)
        r = settings.lora_r
        trainable = lora_parameters(facts, settings, targets)
        est.parts.append(("lora", trainable * 4.0, f"{trainable / 1e6:.2f}M = r {r} x (in + out) of {', '.join(targets)} x {facts.num_hidden_layers} layers, fp32"))
        if settings.lora_modules_to_save:  # full trainable copies (tools/new_tokens.py), fp32 like the LoRA weights
            from tools.new_tokens import trainable_parameters

            saved = trainable_parameters(counts, settings.lora_modules_to_save)
            est.parts.append(("modules_to_save", saved * 4.0, f"{saved / 1e6:.0f}M = {', '.join(settings.lora_modules_to_save)} "
                              f"trained whole (new tokens' rows), fp32"))
            trainable += saved
        if getattr(settings, "rl", None) and settings.rl != "orpo":
            est.parts.append(("reference", trainable * 4.0, "a frozen copy of the LoRA weights (TRL's \"ref\" adapter), "
                              "not a second base model"))
        est.parts.append(("gradients", trainable * 4.0, "same as LoRA, fp32"))
        est.parts.append(("optimizer", trainable * float(state), f"{trainable / 1e6:.2f}M x {state} B ({optimizer})"))
        dropout = DROPOUT_COPIES[mode] if settings.lora_dropout else 0.0
    per_layer = activation_elements(facts, targets, dropout)
    if settings.gradient_checkpointing:
        act = tokens * nbytes * (facts.num_hidden_layers * facts.hidden_size + per_layer)
        formula = f"{tokens} tokens x {nbytes} B x ({facts.num_hidden_layers} layers x {facts.hidden_size} + {per_layer} recomputed)"
    else:
        act = tokens * nbytes * facts.num_hidden_layers * per_layer
        formula = f"{tokens} tokens x {nbytes} B x {facts.num_hidden_layers} layers x {per_layer} per layer"
    est.parts.append(("activations", float(act), formula + (" (checkpointed)" if settings.gradient_checkpointing else "")))
    logit_bytes = LOGIT_FP32_COPIES * 4 + (nbytes if nbytes < 4 else 0)
    logits = float(tokens) * facts.vocab_size * logit_bytes
    est.parts.append(("logits", logits, f"{tokens} tokens x {facts.vocab_size} vocab x {logit_bytes} B "
                      f"({LOGIT_FP32_COPIES} fp32 copies{f' + {nbytes} B gradient of the 16-bit logits' if nbytes < 4 else ''})"))
    if full:
        # The peak is at the start of backward: every activation alive and only the output layer's
        # gradient computed; the layers' gradients then grow as their activations are freed.
        grads, head = counts["total"] * nbytes, facts.vocab_size * facts.hidden_size * nbytes
        at_peak = max(head, grads - act - logits)
        est.parts.append(("gradients", float(at_peak), f"max(output layer {head / 1e6:.0f} MB, all {grads / 1e6:.0f} MB - "
                          f"activations - logits): the peak is at the start of backward"))
    if mode == "gpu":
        est.parts.append(("overhead", CUDA_OVERHEAD_BYTES, "CUDA context + cuBLAS workspace + allocator slack (constant)"))
    return est


def largest(facts: ModelFacts, settings, budget: float, what: str, mode: str = "gpu") -> int:
    """Largest micro batch (what="micro_batch") or sequence length (multiple of 64) within budget bytes; 0 if none."""
    step, limit = (1, 4096) if what == "micro_batch" else (64, 1 << 20)
    fits = lambda n: estimate(facts, settings, mode, **{"micro_batch" if what == "micro_batch" else "sequence_len": n}).total <= budget
    if not fits(step):
        return 0
    low, high = step, step
    while high < limit and fits(high * 2):
        high *= 2
    low, high = high, min(high * 2, limit)
    while high - low > step:
        mid = (low + high) // 2 // step * step
        low, high = (mid, high) if fits(mid) else (low, mid)
    return low


# The GPU `make plan` plans for: bf16 and fp16 (Ampere or newer), so `bf16: auto` means bf16.
PLANNED_GPU = ("cuda", "planned GPU", True, True)


def planned_settings(recipe, mode: str = "gpu"):
    """The run's TrainSettings on the hardware planned for: a bf16 GPU, or this machine's CPU."""
    from tools import hardware
    from tools.settings import resolve

    hw = hardware.Hardware(*PLANNED_GPU) if mode == "gpu" else hardware.detect()
    return resolve(recipe, hw)


def report(recipe, gpu_gb: float | None, mode: str = "gpu", ram_gb: float | None = None,
           whole_path: bool = True) -> tuple[str, bool]:
    """The printed plan of one recipe and whether every stage fits `gpu_gb` / `ram_gb` (unchecked when None)."""
    settings = planned_settings(recipe, mode)
    facts = load_facts(recipe["base_model"])
    est = estimate(facts, settings, mode)
    kind = "full fine-tuning" if settings.adapter not in ("lora", "qlora") else (
        "QLoRA 4-bit" if settings.load_in_4bit else "LoRA 8-bit" if settings.load_in_8bit else "LoRA")
    lines = [f"{recipe.name}: {facts.name} ({facts.counts()['total'] / 1e9:.2f}B parameters; shapes from {facts.source})",
             f"  {kind}, micro batch {settings.micro_batch_size} x {settings.sequence_len} tokens, "
             f"gradient checkpointing {'on' if settings.gradient_checkpointing else 'off'}, "
             f"{'GPU' if mode == 'gpu' else 'this CPU'}, {settings.precision}"]
    for name, nbytes, formula in est.parts:
        lines.append(f"  {name:<12}{nbytes / GB:7.2f} GB  {formula}")
    lines.append(f"  {'total':<12}{est.total / GB:7.2f} GB")
    lines += [f"  note: {n}" for n in est.notes + [n for n in settings.notes if mode == "cpu"]]
    fits = True
    if gpu_gb:
        budget = gpu_gb * GB
        fits = est.total <= budget
        lines.append(f"  {'FITS' if fits else 'DOES NOT FIT'} in {gpu_gb:g} GB ({100 * est.total / budget:.0f} % of it). "
                     f"Largest micro batch at {settings.sequence_len} tokens: {largest(facts, settings, budget, 'micro_batch', mode)}; "
                     f"longest sequence at micro batch {settings.micro_batch_size}: {largest(facts, settings, budget, 'sequence_len', mode)}")
    for text, low, high in PUBLISHED.get(recipe["base_model"], []):
        lines.append(f"  published: {text}; this estimate {est.total / GB:.1f} GB = {est.total / GB / high:.2f} x {high:g} GB"
                     + (": within it" if est.total <= high * GB else
                        f": above it; without the logits term ({est.get('logits') / GB:.1f} GB, which chunked "
                        f"cross-entropy avoids) it is {(est.total - est.get('logits')) / GB:.1f} GB"))
    if whole_path and mode == "gpu":
        from tools.plan_path import report_lines

        more, path_fits = report_lines(recipe, facts, settings, gpu_gb, ram_gb)
        lines += more
        fits = fits and path_fits
    return "\n".join(lines), fits


def main(argv: list[str] | None = None) -> int:
    from tools.recipe import RecipeError, all_recipe_paths, load_recipe

    parser = argparse.ArgumentParser(prog="python -m tools.plan", description=__doc__.splitlines()[0])
    parser.add_argument("recipe", nargs="?", help="recipe name or path (default: every recipe)")
    parser.add_argument("--model", help="plan for another base model (hub id with a facts file, or a local folder)")
    parser.add_argument("--set", action="append", help='override recipe keys, e.g. "micro_batch_size=2"')
    parser.add_argument("--profile")
    parser.add_argument("--gpu-gb", type=float, help="GPU memory in GB: say whether it fits and what the largest batch is")
    parser.add_argument("--ram-gb", type=float, help="RAM in GB for merge and GGUF conversion (default: this machine's)")
    parser.add_argument("--cpu", action="store_true", help="estimate training on this CPU (its precision, no CUDA context)")
    args = parser.parse_args(argv)
    if args.ram_gb is None:
        from tools.hardware import meminfo_gib

        total = meminfo_gib("MemTotal")
        args.ram_gb = round(total * 2**30 / GB, 1) if total else None
    names = [args.recipe] if args.recipe else [p.stem for p in all_recipe_paths()]
    ok = True
    for name in names:
        try:
            recipe = load_recipe(name, model=args.model, overrides=args.set, profile=args.profile, check_paths=False)
            text, fits = report(recipe, args.gpu_gb, "cpu" if args.cpu else "gpu", args.ram_gb)
        except (RecipeError, PlanError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(text + "\n")
        ok = ok and fits
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
