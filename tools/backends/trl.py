"""TRL backend: the recipe mapped to SFTConfig, LoraConfig and BitsAndBytesConfig, trained by SFTTrainer.

Examples are tokenised by tools/prompting.py (the one formatter) and handed to SFTTrainer as
`input_ids` + `labels`, so the masks are exactly the ones the tests and the data audit check.
"""
from __future__ import annotations

import json
import math
import signal
import statistics
import time
from pathlib import Path
from typing import Any

from tools import runs
from tools.data import load_rows
from tools.hardware import Hardware, Precision
from tools.prompting import IGNORE, encode, prepare_tokenizer

# Optimizers that need CUDA (bitsandbytes paged/8-bit states); on CPU they become adamw_torch.
CUDA_ONLY_OPTIMIZERS = {"adamw_8bit": "adamw_bnb_8bit", "adamw_bnb_8bit": "adamw_bnb_8bit",
                        "paged_adamw_8bit": "paged_adamw_8bit", "paged_adamw_32bit": "paged_adamw_32bit"}


def tokenize_entries(entries: list[dict[str, Any]], tokenizer, config: dict[str, Any]) -> tuple[list[dict], dict[str, int]]:
    """Encoded examples of all entries; examples longer than sequence_len are dropped (as Axolotl does)."""
    max_len = config["sequence_len"]
    examples, stats = [], {"examples": 0, "dropped_too_long": 0, "dropped_unsupervised": 0}
    for entry in entries:
        for row in load_rows(entry):
            enc = encode(row.data, entry, tokenizer, config)
            stats["examples"] += 1
            if len(enc.input_ids) > max_len:
                stats["dropped_too_long"] += 1
                continue
            if enc.supervised == 0:
                stats["dropped_unsupervised"] += 1
                continue
            examples.append({"input_ids": enc.input_ids, "labels": enc.labels})
    return examples, stats


def padding_stats(lengths: list[int], micro_batch: int, sequence_len: int) -> dict[str, float]:
    """Real-token fraction of batches padded to their longest example vs packed padding-free."""
    padded_slots = sum(max(lengths[i:i + micro_batch]) * len(lengths[i:i + micro_batch]) for i in range(0, len(lengths), micro_batch))
    packed_sequences = _bfd_bins(lengths, sequence_len)
    return {
        "real_token_fraction_padded": round(sum(lengths) / padded_slots, 4) if padded_slots else 0.0,
        "real_token_fraction_packed": round(sum(lengths) / (packed_sequences * sequence_len), 4) if packed_sequences else 0.0,
        "packed_sequences": packed_sequences,
    }


def _bfd_bins(lengths: list[int], capacity: int) -> int:
    bins: list[int] = []
    for length in sorted(lengths, reverse=True):
        best = min((i for i, free in enumerate(bins) if free >= length), key=lambda i: bins[i], default=None)
        if best is None:
            bins.append(capacity - length)
        else:
            bins[best] -= length
    return len(bins)


def _optimizer(config: dict[str, Any], hw: Hardware, notes: list[str]) -> str:
    name = config.get("optimizer", "adamw_torch")
    if name in CUDA_ONLY_OPTIMIZERS:
        if hw.device == "cuda":
            return CUDA_ONLY_OPTIMIZERS[name]
        notes.append(f"optimizer {name} needs CUDA; using adamw_torch on {hw.device}")
        return "adamw_torch"
    if name == "adamw_torch_fused" and hw.device == "cpu":
        return "adamw_torch"
    return name


def load_model(config: dict[str, Any], model_path: Path, precision: Precision, hw: Hardware, notes: list[str], n_tokens: int):
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    from tools.hardware import bnb_4bit_config

    kwargs: dict[str, Any] = {"dtype": precision.torch_dtype}
    if config.get("load_in_4bit") or config.get("load_in_8bit"):
        if config.get("load_in_4bit"):
            kwargs["quantization_config"] = bnb_4bit_config(config, precision)
        else:
            kwargs["quantization_config"] = BitsAndBytesConfig(load_in_8bit=True)
        if hw.device == "cpu":
            kwargs["device_map"] = {"": "cpu"}
    if config.get("flash_attention"):
        if hw.device == "cuda":
            kwargs["attn_implementation"] = "flash_attention_2"
        else:
            notes.append(f"flash_attention is CUDA-only; skipped on {hw.device} (using sdpa)")
            kwargs["attn_implementation"] = "sdpa"
    else:
        kwargs["attn_implementation"] = "sdpa"
    model = AutoModelForCausalLM.from_pretrained(model_path, **kwargs)
    # Without a KV cache, transformers builds a block-diagonal causal mask from packed position_ids,
    # so packed examples do not attend to each other with sdpa either (tests/test_train.py checks).
    model.config.use_cache = False
    if n_tokens > model.get_input_embeddings().weight.shape[0]:
        model.resize_token_embeddings(n_tokens)
        notes.append(f"resized embeddings to {n_tokens} for the recipe's special tokens")
    return model


class _Progress:
    """TrainerCallback pieces: tokens/s into the logs, metrics.jsonl, graceful stop on Ctrl-C / SIGTERM."""

    def __init__(self, metrics_path: Path, is_main: bool):
        from transformers import TrainerCallback

        outer = self
        self.metrics_path = metrics_path
        self.is_main = is_main
        self.stop_requested = False
        self.last = (time.monotonic(), 0)

        class Callback(TrainerCallback):
            def on_step_end(self, args, state, control, **kwargs):
                if outer.stop_requested:
                    control.should_save = True  # keep every finished step
                    control.should_training_stop = True
                return control

            def on_evaluate(self, args, state, control, **kwargs):
                outer.last = (time.monotonic(), state.num_input_tokens_seen)  # keep eval time out of tokens/s

            def on_log(self, args, state, control, logs=None, **kwargs):
                if logs is None:
                    return
                now, seen = time.monotonic(), state.num_input_tokens_seen
                last_time, last_seen = outer.last
                if "loss" in logs and now > last_time and seen > last_seen:
                    logs["tokens_per_s"] = round((seen - last_seen) / (now - last_time), 1)
                    outer.last = (now, seen)
                if outer.is_main:
                    row = {"step": state.global_step, **{k: v for k, v in logs.items() if isinstance(v, (int, float))}}
                    with open(outer.metrics_path, "a") as handle:
                        handle.write(json.dumps(row) + "\n")

        self.callback = Callback()

    def install_signals(self):
        def handler(signum, frame):
            if self.stop_requested:
                raise KeyboardInterrupt
            print(f"\nStopping after the current step and saving a checkpoint (signal {signum}); "
                  f"resume with RESUME=1. Press Ctrl-C again to abort without saving.", flush=True)
            self.stop_requested = True

        signal.signal(signal.SIGINT, handler)
        signal.signal(signal.SIGTERM, handler)


def train(recipe, model, hw: Hardware, precision: Precision, resume: bool, notes: list[str]) -> dict[str, Any]:
    """Train `recipe` on the resolved `model`; returns the facts for the manifest."""
    import torch
    from datasets import Dataset
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers.trainer_utils import get_last_checkpoint
    from trl import SFTConfig, SFTTrainer

    from tools.models import load_tokenizer
    from tools.targets import resolve_targets

    config = recipe.config
    paths = runs.for_recipe(recipe)
    paths.root.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(config.get("seed", 42))

    tokenizer = load_tokenizer(model)
    added = prepare_tokenizer(tokenizer, config)
    train_examples, train_stats = tokenize_entries(config["datasets"], tokenizer, config)
    if not train_examples:
        raise ValueError(f"no training example fits sequence_len={config['sequence_len']}: "
                         f"{train_stats['dropped_too_long']} too long; raise sequence_len or shorten the data")
    eval_examples: list[dict] = []
    if config.get("test_datasets"):
        eval_examples, _ = tokenize_entries(config["test_datasets"], tokenizer, config)
    elif config.get("val_set_size"):
        count = max(1, int(len(train_examples) * config["val_set_size"]))
        eval_examples, train_examples = train_examples[:count], train_examples[count:]
    if train_stats["dropped_too_long"]:
        notes.append(f"dropped {train_stats['dropped_too_long']} training examples longer than sequence_len="
                     f"{config['sequence_len']} (see `make check-data`)")
    lengths = [len(e["input_ids"]) for e in train_examples]
    packing = bool(config.get("sample_packing"))
    pad_stats = padding_stats(lengths, config["micro_batch_size"], config["sequence_len"])

    base = load_model(config, model.path, precision, hw, notes, len(tokenizer))
    gc = bool(config.get("gradient_checkpointing"))
    if config.get("load_in_4bit") or config.get("load_in_8bit"):
        base = prepare_model_for_kbit_training(base, use_gradient_checkpointing=gc,
                                               gradient_checkpointing_kwargs={"use_reentrant": False})
    quantized = {}
    for module in base.modules():
        if type(module).__name__ in ("Linear4bit", "Linear8bitLt"):
            quantized[type(module).__name__] = quantized.get(type(module).__name__, 0) + 1
    if quantized:
        print("Quantized base layers: " + ", ".join(f"{n} x {c}" for n, c in quantized.items()), flush=True)
    targets, mapping = resolve_targets(config, base)
    print("LoRA targets: " + "; ".join(mapping), flush=True)
    lora = LoraConfig(
        r=config.get("lora_r", 8), lora_alpha=config.get("lora_alpha", 16), lora_dropout=config.get("lora_dropout", 0.0),
        target_modules=targets, modules_to_save=config.get("lora_modules_to_save"), task_type="CAUSAL_LM", bias="none",
    )
    peft_model = get_peft_model(base, lora)
    trainable, total = peft_model.get_nb_trainable_parameters()
    print(f"Trainable parameters: {trainable:,} of {total:,} ({100 * trainable / total:.2f} %)", flush=True)

    if config.get("deepspeed") and hw.device != "cuda":
        notes.append("deepspeed is GPU-only; skipped on this device")
    args = SFTConfig(
        output_dir=str(paths.checkpoints),
        per_device_train_batch_size=config["micro_batch_size"],
        per_device_eval_batch_size=config["micro_batch_size"],
        gradient_accumulation_steps=config.get("gradient_accumulation_steps", 1),
        num_train_epochs=float(config.get("num_epochs", 1)),
        max_steps=config.get("max_steps") or -1,
        learning_rate=config["learning_rate"],
        optim=_optimizer(config, hw, notes),
        lr_scheduler_type=config.get("lr_scheduler", "linear"),
        # transformers 5 takes a ratio in warmup_steps when it is below 1
        warmup_steps=config["warmup_steps"] if config.get("warmup_steps") is not None else float(config.get("warmup_ratio", 0.0)),
        weight_decay=config.get("weight_decay", 0.0),
        max_grad_norm=config.get("max_grad_norm", 1.0),
        bf16=precision.name == "bf16",
        fp16=precision.name == "fp16",
        tf32=bool(config.get("tf32")) if hw.device == "cuda" else None,
        gradient_checkpointing=gc,
        gradient_checkpointing_kwargs={"use_reentrant": False} if gc else None,
        logging_steps=config.get("logging_steps", 10),
        save_strategy="steps",
        save_steps=config.get("save_steps", 500),
        save_total_limit=config.get("save_total_limit"),
        eval_strategy="steps" if eval_examples and config.get("eval_steps") and not (
            config.get("max_steps") and config["eval_steps"] > config["max_steps"]) else "no",
        eval_steps=config.get("eval_steps"),
        seed=config.get("seed", 42),
        data_seed=config.get("seed", 42),
        max_length=config["sequence_len"],
        packing=packing,
        packing_strategy="bfd",
        eval_packing=bool(config.get("eval_sample_packing", False)) if packing else None,
        report_to="none",
        use_cpu=hw.device == "cpu",
        dataloader_pin_memory=hw.device == "cuda",
        include_num_input_tokens_seen="non_padding",
        deepspeed=config.get("deepspeed") if hw.device == "cuda" else None,
        disable_tqdm=False,
        save_only_model=False,
    )
    trainer = SFTTrainer(
        model=peft_model,
        args=args,
        train_dataset=Dataset.from_list(train_examples),
        eval_dataset=Dataset.from_list(eval_examples) if eval_examples and args.eval_strategy != "no" else None,
        processing_class=tokenizer,
    )
    progress = _Progress(paths.metrics, trainer.is_world_process_zero())
    trainer.callback_handler.callbacks.insert(0, progress.callback)
    progress.install_signals()

    checkpoint = None
    if resume:
        checkpoint = get_last_checkpoint(str(paths.checkpoints)) if paths.checkpoints.is_dir() else None
        if checkpoint is None:
            raise ValueError(f"RESUME=1 but {paths.checkpoints} has no checkpoint; run without RESUME to start over")
        print(f"Resuming from {checkpoint}", flush=True)
    elif trainer.is_world_process_zero():
        paths.metrics.unlink(missing_ok=True)
    start = time.monotonic()
    result = trainer.train(resume_from_checkpoint=checkpoint)
    wall = time.monotonic() - start
    interrupted = progress.stop_requested

    facts: dict[str, Any] = {
        "steps": trainer.state.global_step,
        "max_steps": trainer.state.max_steps,
        "train_loss": round(result.training_loss, 4) if result.training_loss is not None and not math.isnan(result.training_loss) else None,
        "interrupted": interrupted,
        "train_seconds": round(wall, 1),
        "tokens_seen": int(trainer.state.num_input_tokens_seen),
        "examples": train_stats,
        "eval_examples": len(eval_examples),
        "lengths": {"min": min(lengths), "median": statistics.median(lengths), "max": max(lengths)},
        "packing": {"enabled": packing, **pad_stats},
        "lora_targets": mapping,
        "trainable_parameters": trainable,
        "added_tokens": added,
        "quantized_layers": [f"{n} x {c}" for n, c in quantized.items()],
    }
    if trainer.is_world_process_zero():
        if interrupted:
            print(f"Stopped at step {trainer.state.global_step}; checkpoint saved in {paths.checkpoints}. "
                  f"Resume with RESUME=1.", flush=True)
        else:
            with runs.atomic_dir(paths.adapter) as tmp:
                peft_model.save_pretrained(tmp)
                tokenizer.save_pretrained(tmp)
    return facts
