"""Bench items 2-4 (hardware efficiency, precision, packing) and the helpers item 1 shares (CPU, embedded model)."""
from __future__ import annotations

import random
import time
from typing import Any

from bench.common import interleave, median
from tools.models import EMBEDDED
from tools.paths import ROOT

RECIPE = "qwen-personal-qa"  # short answers: per-step framework costs weigh most here
STEPS = 5  # per timed run; the first step of each run is not timed (warm-up)
MODEL_KEYS = ("input_ids", "attention_mask", "labels", "position_ids")  # what a recorded batch passes to the model


def _recipe(name: str = RECIPE, overrides: str = ""):
    from tools.recipe import load_recipe

    base = "gradient_accumulation_steps=1 logging_steps=1 eval_steps=100000 save_steps=100000 lr_scheduler=constant warmup_ratio=0"
    return load_recipe(name, model=EMBEDDED, profile="cpu", overrides=f"{base} max_steps={STEPS} {overrides}".strip())


def _hardware(bf16: bool = False):
    """This CPU as tools/hardware.py sees it, with or without its native bf16 (the two precisions compared)."""
    from tools.hardware import Hardware

    return Hardware("cpu", "cpu", bf16, False)


def _settings(recipe, bf16: bool = False):
    from tools.settings import resolve

    return resolve(recipe, _hardware(bf16))


def _lora_model(recipe, bf16: bool = False):
    """The model exactly as tools/backends/trl.py builds it (load_model + the same LoraConfig)."""
    import torch
    from peft import get_peft_model

    from tools.backends.trl import load_model, lora_config
    from tools.models import resolve_model
    from tools.targets import resolve_targets

    settings = _settings(recipe, bf16)
    base = load_model(settings, resolve_model(EMBEDDED).path, 0, [])
    targets, _ = resolve_targets(settings, base)
    model = get_peft_model(base, lora_config(settings, targets))
    model.train()
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=settings.learning_rate, weight_decay=0.0)
    return model, optimizer


def _plain_steps(model, optimizer, batches: list[dict], autocast: str | None = None) -> list[tuple[int, float]]:
    """(real tokens, seconds) per step of a minimal PyTorch loop."""
    import torch

    from torch.profiler import record_function  # names the phases for profile_steps; ~free otherwise

    out = []
    for batch in batches:
        start = time.perf_counter()
        with record_function("phase: forward"), torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast == "bf16"):
            loss = model(**{k: v for k, v in batch.items() if k in MODEL_KEYS}).loss
        with record_function("phase: backward"):
            loss.backward()
        with record_function("phase: optimizer"):
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
        out.append((_real_tokens(batch), time.perf_counter() - start))
    return out


def _real_tokens(batch: dict) -> int:
    if "attention_mask" in batch:
        return int(batch["attention_mask"].sum())
    return int(batch["input_ids"].numel())


def _rate(steps: list[tuple[int, float]]) -> float:
    timed = steps[1:] or steps
    return sum(t for t, _ in timed) / sum(s for _, s in timed)


def matmul_gflops(size: int = 2048, reps: int = 5, bf16: bool = False) -> float:
    import torch

    dtype = torch.bfloat16 if bf16 else torch.float32
    a, b = torch.randn(size, size, dtype=dtype), torch.randn(size, size, dtype=dtype)
    a @ b
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - start)
    return 2 * size**3 / median(times) / 1e9


def item2_efficiency(overhead: dict[str, Any]) -> dict[str, Any]:
    """Achieved training FLOP/s over this process's 2048x2048 matmul FLOP/s, both in the precision
    `bf16: auto` picks here (item 1 trains in it)."""
    from tools.hardware import detect
    from tools.plan import load_facts

    bf16 = detect().bf16
    facts = load_facts(EMBEDDED)
    counts = facts.counts()
    n_matmul = counts["linear"] + facts.vocab_size * facts.hidden_size  # decoder linears + lm_head
    batches = overhead["_batches"]
    seq = sum(b["input_ids"].shape[1] for b in batches) / len(batches)
    q = facts.num_attention_heads * facts.head_dim
    per_token = 4 * n_matmul + 12 * facts.num_hidden_layers * seq * q  # LoRA: fwd 2N + bwd-to-activations 2N; attention 3 x 4 s q
    ceiling = median([matmul_gflops(bf16=bf16) for _ in range(3)])
    rows = {}
    for side in ("trl", "plain"):
        achieved = overhead[f"_{side}_rate"] * per_token / 1e9
        rows[side] = {"achieved_gflops": achieved, "efficiency": achieved / ceiling}
    return {"name": f"training FLOP/s over {'bf16' if bf16 else 'fp32'} matmul FLOP/s (LoRA, 4N + attention per token)",
            "ratio": rows["trl"]["efficiency"], "target": ">= 0.5", "passed": rows["trl"]["efficiency"] >= 0.5,
            "precision": "bf16" if bf16 else "fp32", "matmul_gflops": ceiling,
            "flops_per_token": per_token, "n_matmul_params": n_matmul, "mean_padded_length": seq, **rows,
            "step_profile": profile_steps(batches, bf16)}


# Self CPU time of a training step's operators, grouped (first matching prefix wins).
OP_GROUPS = (("attention", ("aten::_scaled_dot_product", "aten::scaled_dot_product")),
             ("loss (log-softmax, NLL)", ("aten::_log_softmax", "aten::log_softmax", "aten::nll_loss", "aten::cross_entropy")),
             ("matmul", ("aten::mm", "aten::addmm", "aten::bmm", "aten::matmul", "aten::linear")),
             ("optimizer", ("aten::_foreach", "Optimizer.", "aten::_fused_adam")),
             ("copies and casts", ("aten::copy_", "aten::_to_copy", "aten::to", "aten::clone", "aten::contiguous")))


def profile_steps(batches: list[dict], bf16: bool, steps: int = 2) -> dict[str, Any]:
    """torch.profiler over `steps` plain-loop steps (after one warm-up step): each group's share of the
    operators' self CPU time, and the ten costliest operators. Says where the FLOP/s that item 2
    misses go."""
    from torch.profiler import ProfilerActivity, profile

    model, optimizer = _lora_model(_recipe(), bf16=bf16)
    autocast = "bf16" if bf16 else None
    _plain_steps(model, optimizer, batches[:1], autocast)
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        _plain_steps(model, optimizer, batches[1:1 + steps], autocast)
    averages = prof.key_averages()
    phases = {e.key.removeprefix("phase: "): e.cpu_time_total for e in averages if e.key.startswith("phase: ")}
    events = [e for e in averages if e.self_cpu_time_total > 0 and not e.key.startswith("phase: ")]
    total = sum(e.self_cpu_time_total for e in events)
    shares: dict[str, float] = {}
    for event in events:
        group = next((name for name, prefixes in OP_GROUPS if event.key.startswith(prefixes)), "other elementwise")
        shares[group] = shares.get(group, 0.0) + event.self_cpu_time_total / total
    top = sorted(events, key=lambda e: -e.self_cpu_time_total)[:10]
    return {"steps": steps, "phases": {k: round(v / sum(phases.values()), 4) for k, v in phases.items()},
            "shares": dict(sorted(shares.items(), key=lambda kv: -kv[1])),
            "top_operators": [(e.key, round(e.self_cpu_time_total / total, 4)) for e in top]}


def item3_precision(overhead: dict[str, Any], reps: int = 3) -> dict[str, Any]:
    """s/step of fp32 over s/step of what `bf16: auto` trains in on this CPU (bf16 weights + bf16 autocast,
    as tools/backends/trl.py loads the model and TrainingArguments(bf16=True) runs it)."""
    from tools.hardware import detect

    hw = detect()
    recipe = _recipe()
    batches = overhead["_batches"][:4]
    med = _precision_side_by_side(_lora_model(recipe), _lora_model(recipe, bf16=hw.bf16), batches, hw.bf16, reps, "3 precision")
    ratio = med["fp32"] / med["auto"]
    return {"name": f"fp32 s/step over bf16: auto's ({'bf16' if hw.bf16 else 'fp32'} on this CPU)", "ratio": ratio,
            "target": ">= 2 on a CPU with native bf16", "passed": ratio >= 2 if hw.bf16 else True,
            "s_per_step": med, "cpu_reports_bf16": hw.bf16, "chosen": "bf16" if hw.bf16 else "fp32",
            "tutor_rows": tutor_precision(hw.bf16, reps)}


TUTOR = "phi2-tutor"  # the tutors' long chat rows, one per micro-batch, with gradient checkpointing


def tutor_precision(bf16: bool, reps: int = 3, rows: int = 4) -> dict[str, Any]:
    """The same side by side on a tutor's rows as its CPU profile trains them (micro batch 1,
    gradient checkpointing as the recipe sets it): what the tutors' step count is sized from."""
    import torch

    from tools.backends.trl import tokenize_entries
    from tools.models import load_tokenizer, resolve_model
    from tools.prompting import prepare_tokenizer

    recipe = _recipe(TUTOR)
    settings = _settings(recipe)
    tokenizer = load_tokenizer(resolve_model(EMBEDDED))
    prepare_tokenizer(tokenizer, recipe.config)
    examples, _ = tokenize_entries(settings.datasets, tokenizer, recipe.config, settings.sequence_len)
    batches = [{"input_ids": torch.tensor([e["input_ids"]]), "labels": torch.tensor([e["labels"]])}
               for e in examples[:rows]]

    def build(use_bf16: bool):
        model, optimizer = _lora_model(recipe, use_bf16)
        if settings.gradient_checkpointing:
            model.base_model.model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
            model.enable_input_require_grads()
        return model, optimizer

    med = _precision_side_by_side(build(False), build(bf16), batches, bf16, reps, "3 precision, tutor rows")
    return {"recipe": f"{TUTOR} PROFILE=cpu, micro batch 1, gradient checkpointing {settings.gradient_checkpointing}",
            "tokens_per_row": [len(e["input_ids"]) for e in examples[:rows]], "s_per_step": med,
            "ratio": med["fp32"] / med["auto"]}


def _precision_side_by_side(fp32, auto, batches: list[dict], bf16: bool, reps: int, label: str) -> dict[str, float]:
    """Median s/step of the plain loop on `batches` for the fp32 and the `bf16: auto` (model, optimizer),
    interleaved; the first step of each pass is not timed."""
    sides = {
        "fp32": lambda: median([s for _, s in _plain_steps(*fp32, batches)[1:]]),
        "auto": lambda: median([s for _, s in _plain_steps(*auto, batches, autocast="bf16" if bf16 else None)[1:]]),
    }
    return {k: median(v) for k, v in interleave(sides, reps=reps, warmup=1, label=label).items()}


# Item 4's two datasets: short pairs (where packing should pay) and long reports (where it cannot).
PACKING_CASES = (("qwen-personal-qa", 512), ("tinyllama-json-extractor", 1024))


def item4_packing(reps: int = 3) -> dict[str, Any]:
    """Packed (BFD bins + padding-free rows, as TRL packing) vs batches padded to the longest example,
    in the precision `bf16: auto` picks here, on short QA pairs and on the extractor's long reports."""
    from tools import hardware
    from tools.recipe import load_recipe

    hw = hardware.detect()
    # The cheap part first, so a recipe it cannot read fails before minutes of timing. Preference
    # recipes train on pairs, batched as pairs: packing does not apply.
    names = sorted(p.stem for p in (ROOT / "recipes").glob("*.yaml"))
    by_recipe = {name: _fill(name) for name in names if not load_recipe(name, check_paths=False).get("rl")}
    cases = {name: _packing_case(name, sequence_len, reps, hw.bf16) for name, sequence_len in PACKING_CASES}
    short = cases[PACKING_CASES[0][0]]
    return {"name": f"packed / padded real tokens/s ({PACKING_CASES[0][0]} short pairs, {PACKING_CASES[0][1]} tokens, "
                    f"{'bf16' if hw.bf16 else 'fp32'})",
            "ratio": short["ratio"], "target": ">= 1.3 on short examples, equal loss",
            "passed": short["ratio"] >= 1.3 and short["loss_difference"] < 1e-3,
            "cases": cases, "real_token_fraction_by_recipe": by_recipe}


def _packing_case(name: str, sequence_len: int, reps: int, bf16: bool) -> dict[str, Any]:
    import torch
    from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

    from tools.backends.trl import padding_stats, tokenize_entries
    from tools.data import load_rows
    from tools.models import load_tokenizer, resolve_model
    from tools.prompting import encode, prepare_tokenizer

    recipe = _recipe(name, f"sequence_len={sequence_len}")
    config = recipe.config
    tokenizer = load_tokenizer(resolve_model(EMBEDDED))
    prepare_tokenizer(tokenizer, config)
    examples, stats = tokenize_entries(config["datasets"], tokenizer, config, sequence_len)
    all_lengths = [len(encode(r.data, e, tokenizer, config).input_ids) for e in config["datasets"] for r in load_rows(e)]
    truncated = sum(n - sequence_len for n in all_lengths if n > sequence_len)
    lengths = [len(e["input_ids"]) for e in examples]
    per_bin = max(1, round(sequence_len / (sum(lengths) / len(lengths))))
    stats_fraction = padding_stats(lengths, per_bin, sequence_len)

    random.Random(0).shuffle(examples)
    bins: list[list[dict]] = []
    free: list[int] = []
    for example in sorted(examples[:60], key=lambda e: len(e["input_ids"]), reverse=True):  # BFD, as trl packing_strategy=bfd
        n = len(example["input_ids"])
        best = min((i for i, f in enumerate(free) if f >= n), key=lambda i: free[i], default=None)
        if best is None:
            bins.append([example]), free.append(sequence_len - n)
        else:
            bins[best].append(example)
            free[best] -= n
    packed_collate = DataCollatorForLanguageModeling(pad_token_id=tokenizer.pad_token_id, padding_free=True)
    padded_collate = DataCollatorForLanguageModeling(pad_token_id=tokenizer.pad_token_id)
    steps = 4
    packed = [packed_collate(b) for b in bins[:steps]]
    flat = [e for b in bins[:steps] for e in b]
    random.Random(1).shuffle(flat)  # the trainer's sampler order, not length-sorted
    padded = [padded_collate(flat[i:i + per_bin]) for i in range(0, len(flat), per_bin)]
    autocast = "bf16" if bf16 else None
    packed_model = _lora_model(recipe, bf16=bf16)
    padded_model = _lora_model(recipe, bf16=bf16)
    values = interleave({"packed": lambda: _rate([(0, 0.0)] + _plain_steps(*packed_model, packed, autocast)),
                         "padded": lambda: _rate([(0, 0.0)] + _plain_steps(*padded_model, padded, autocast))},
                        reps=reps, warmup=1, label=f"4 packing {name}")
    # First-step loss, packed vs unpacked, on the same examples (no cross-example attention); fp32 so
    # the comparison is exact.
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(resolve_model(EMBEDDED).path, dtype=torch.float32).eval()
    base.config.use_cache = False
    same = bins[0]
    with torch.no_grad():
        loss_packed = float(base(**packed_collate(same), use_cache=False).loss)
        loss_padded = float(base(**padded_collate(same), use_cache=False).loss)
    timed_packed = sum(_real_tokens(b) for b in packed) / (len(packed) * sequence_len)
    timed_padded = sum(_real_tokens(b) for b in padded) / sum(int(b["input_ids"].numel()) for b in padded)
    return {"ratio": median(values["packed"]) / median(values["padded"]), "sequence_len": sequence_len,
            "real_token_fraction_packed": stats_fraction["real_token_fraction_packed"],
            "real_token_fraction_padded": stats_fraction["real_token_fraction_padded"],
            "padded_micro_batch": per_bin, "examples": len(lengths), "mean_length": sum(lengths) / len(lengths),
            "timed_bins_fill": timed_packed, "timed_padded_fill": timed_padded,
            "packed_tokens_per_s": values["packed"], "padded_tokens_per_s": values["padded"],
            "first_step_loss_packed": loss_packed, "first_step_loss_unpacked": loss_padded,
            "loss_difference": abs(loss_packed - loss_padded), "examples_in_loss_check": len(same),
            "dropped_too_long": stats["dropped_too_long"], "truncated_tokens": truncated}


def _fill(name: str, sequence_lens=(1024, 2048, 4096)) -> dict[str, Any]:
    """Real-token fraction of a recipe's training data (embedded tokenizer) packed by BFD into rows
    of each sequence length, and padded to the longest of micro batches holding as many examples as
    a 1024-token row does on average; where packing pays depends on the lengths."""
    from tools.backends.trl import padding_stats, tokenize_entries
    from tools.models import load_tokenizer, resolve_model
    from tools.prompting import prepare_tokenizer

    config = _recipe(name, f"sequence_len={max(sequence_lens)}").config
    tokenizer = load_tokenizer(resolve_model(EMBEDDED))
    prepare_tokenizer(tokenizer, config)
    examples, _ = tokenize_entries(config["datasets"], tokenizer, config, max(sequence_lens))
    lengths = [len(e["input_ids"]) for e in examples]
    per_batch = max(1, round(1024 / (sum(lengths) / len(lengths))))
    out = {"examples": len(lengths), "lengths": f"{min(lengths)}-{max(lengths)}",
           f"padded_micro_batch_{per_batch}": padding_stats(lengths, per_batch, 1024)["real_token_fraction_padded"]}
    for n in sequence_lens:
        out[f"packed_{n}"] = padding_stats(lengths, 1, n)["real_token_fraction_packed"]
    return out
