"""TRL backend: TrainSettings translated to SFTConfig, LoraConfig and BitsAndBytesConfig, trained by SFTTrainer.

Examples are tokenised by tools/prompting.py (the one formatter) and handed to SFTTrainer as
`input_ids` + `labels`, so the masks are exactly the ones the tests and the data audit check.
Every value comes from tools/settings.py; this module only translates (`lora_config`,
`sft_config`), so it cannot disagree with the Axolotl backend about a setting.
"""
from __future__ import annotations

import json
import math
import os
import signal
import statistics
import time
from pathlib import Path
from typing import Any

from tools import atomic, runs
from tools.data import load_rows
from tools.backends.lean_trainer import lean_trainer
from tools.backends.support import Unhonoured, trl_unhonoured
from tools.prompting import encode_chunks, prepare_tokenizer
from tools.settings import TrainSettings

# TRL's names for the optimizers Axolotl knows under another name.
TRL_OPTIMIZERS = {"adamw_8bit": "adamw_bnb_8bit"}


def unhonoured(recipe) -> Unhonoured:
    """The recipe's keys this backend does not honour (tools/backends/support.py)."""
    return trl_unhonoured(recipe.config)


def tokenize_entries(entries, tokenizer, config: dict[str, Any], sequence_len: int) -> tuple[list[dict], dict[str, int]]:
    """Encoded examples of all entries; examples longer than sequence_len are dropped (as Axolotl does)."""
    examples, stats = [], {"examples": 0, "dropped_too_long": 0, "dropped_unsupervised": 0}
    for entry in entries:
        for row in load_rows(entry):
            stats["examples"] += 1
            for enc in encode_chunks(row.data, entry, tokenizer, config, sequence_len):
                if len(enc.input_ids) > sequence_len:
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


def total_steps(settings: TrainSettings, sequences: int, world_size: int = 1) -> int:
    """Optimizer steps of the run: max_steps, else epochs x batches per epoch / accumulation (at least 1)."""
    if settings.max_steps:
        return settings.max_steps
    batches = math.ceil(sequences / (settings.micro_batch_size * world_size))
    return max(1, math.ceil(settings.num_epochs * max(batches // settings.gradient_accumulation_steps, 1)))


def load_model(settings: TrainSettings, model_path: Path, n_tokens: int, notes: list[str]):
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    from tools.hardware import Precision, bnb_4bit_config

    precision = Precision(settings.precision, settings.precision_reason)
    kwargs: dict[str, Any] = {"dtype": precision.torch_dtype, "attn_implementation": settings.attn_implementation}
    if settings.load_in_4bit:
        kwargs["quantization_config"] = bnb_4bit_config(
            {"bnb_config_kwargs": {"bnb_4bit_quant_type": settings.bnb_4bit_quant_type,
                                   "bnb_4bit_use_double_quant": settings.bnb_4bit_use_double_quant}}, precision)
    elif settings.load_in_8bit:
        kwargs["quantization_config"] = BitsAndBytesConfig(load_in_8bit=True)
    if settings.quantized and settings.device == "cpu":
        kwargs["device_map"] = {"": "cpu"}
    model = AutoModelForCausalLM.from_pretrained(model_path, **kwargs)
    # Without a KV cache, transformers builds a block-diagonal causal mask from packed position_ids,
    # so packed examples do not attend to each other with sdpa either (tests/test_train.py checks).
    model.config.use_cache = False
    if n_tokens > model.get_input_embeddings().weight.shape[0]:
        model.resize_token_embeddings(n_tokens)
        notes.append(f"resized embeddings to {n_tokens} for the recipe's special tokens")
    return model


def lora_config(settings: TrainSettings, targets):
    from peft import LoraConfig

    return LoraConfig(r=settings.lora_r, lora_alpha=settings.lora_alpha, lora_dropout=settings.lora_dropout,
                      target_modules=targets, modules_to_save=list(settings.lora_modules_to_save or []) or None,
                      task_type="CAUSAL_LM", bias="none")


def fit(trainer, paths: runs.RunPaths, resume: bool) -> tuple[Any, float, bool]:
    """Train with the project's progress callback (metrics.jsonl, tokens/s, Ctrl-C saves a checkpoint),
    from the last checkpoint when `resume`; returns (TrainOutput, seconds, interrupted)."""
    from transformers.trainer_utils import get_last_checkpoint

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
    return result, wall, progress.stop_requested


def run_facts(trainer, result, wall: float, interrupted: bool) -> dict[str, Any]:
    """What every run's manifest says about the training itself: steps, loss, time, tokens."""
    loss = result.training_loss
    return {
        "steps": trainer.state.global_step,
        "max_steps": trainer.state.max_steps,
        "train_loss": round(loss, 4) if loss is not None and not math.isnan(loss) else None,
        "interrupted": interrupted,
        "train_seconds": round(wall, 1),
        "tokens_seen": int(trainer.state.num_input_tokens_seen),
    }


def save(trainer, model, tokenizer, recipe, settings: TrainSettings, paths: runs.RunPaths, interrupted: bool) -> None:
    """The adapter (or a full fine-tune's model) with its tokenizer, written atomically, on rank 0."""
    if trainer.is_world_process_zero():
        if interrupted:
            print(f"Stopped at step {trainer.state.global_step}; checkpoint saved in {paths.checkpoints}. "
                  f"Resume with RESUME=1.", flush=True)
        elif settings.adapter:
            # Only the trained adapter: a preference run also holds TRL's frozen "ref" copy of its start.
            with atomic.replaced_dir(paths.adapter) as tmp:
                model.save_pretrained(tmp, selected_adapters=["default"])
                tokenizer.save_pretrained(tmp)
        else:
            from tools.prompting import chat_template_text

            with atomic.replaced_dir(paths.merged) as tmp:
                model.save_pretrained(tmp)
                # as tools/merge.py does for adapters: the saved model carries the trained prompt layout
                tokenizer.chat_template = chat_template_text(recipe.config, tokenizer)
                tokenizer.save_pretrained(tmp)
                (tmp / runs.FULL_FINETUNE).write_text("A full fine-tune: every weight was trained (no adapter).\n")


def sft_config(settings: TrainSettings, output_dir: Path, steps: int, has_eval: bool):
    """SFTConfig of a run of `steps` optimizer steps; every value from `settings`."""
    from trl import SFTConfig

    return SFTConfig(**sft_config_kwargs(settings, output_dir, steps, has_eval))


def sft_config_kwargs(settings: TrainSettings, output_dir: Path, steps: int, has_eval: bool) -> dict[str, Any]:
    """The SFTConfig arguments (a plain dict: SFTConfig checks the hardware when it is built)."""
    gc = settings.gradient_checkpointing
    evaluate = has_eval and settings.evaluate
    return dict(
        output_dir=str(output_dir),
        per_device_train_batch_size=settings.micro_batch_size,
        per_device_eval_batch_size=settings.micro_batch_size,
        gradient_accumulation_steps=settings.gradient_accumulation_steps,
        num_train_epochs=settings.num_epochs,
        max_steps=settings.max_steps or -1,
        learning_rate=settings.learning_rate,
        optim=TRL_OPTIMIZERS.get(settings.optimizer, settings.optimizer),
        lr_scheduler_type=settings.lr_scheduler,
        warmup_steps=settings.warmup_steps_for(steps),
        weight_decay=settings.weight_decay,
        max_grad_norm=settings.max_grad_norm,
        bf16=settings.precision == "bf16",
        fp16=settings.precision == "fp16",
        tf32=settings.tf32 if settings.device == "cuda" else None,
        gradient_checkpointing=gc,
        gradient_checkpointing_kwargs={"use_reentrant": False} if gc else None,
        logging_steps=settings.logging_steps_for(steps),
        save_strategy="steps" if settings.save_steps else "epoch",
        save_steps=settings.save_steps or 500,
        save_total_limit=settings.save_total_limit,
        eval_strategy="steps" if evaluate else "no",
        eval_steps=settings.eval_steps if evaluate else None,
        eval_on_start=evaluate,  # as Axolotl does whenever eval_steps is set
        seed=settings.seed,
        data_seed=settings.seed,
        max_length=settings.sequence_len,
        packing=settings.sample_packing,
        packing_strategy="bfd",
        eval_packing=settings.eval_sample_packing if settings.sample_packing else None,
        pad_to_multiple_of=settings.padded_length,
        report_to="none",
        use_cpu=settings.device == "cpu",
        dataloader_pin_memory=settings.device == "cuda",
        include_num_input_tokens_seen="non_padding",
        deepspeed=settings.deepspeed,
        disable_tqdm=False,
        save_only_model=False,
        torch_compile=settings.torch_compile,
        torch_compile_backend=settings.torch_compile_backend,
        torch_compile_mode=settings.torch_compile_mode,
    )


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


def train(recipe, settings: TrainSettings, model, resume: bool, notes: list[str]) -> dict[str, Any]:
    """Train `recipe` with its resolved `settings` on the resolved `model`; returns the facts for the manifest."""
    import torch
    from datasets import Dataset
    from peft import get_peft_model, prepare_model_for_kbit_training
    from trl import SFTTrainer

    from tools.models import load_tokenizer
    from tools import new_tokens
    from tools.targets import resolve_targets

    if settings.rl:
        from tools.backends import preference

        return preference.train(recipe, settings, model, resume, notes)
    config = recipe.config
    paths = runs.for_recipe(recipe)
    paths.root.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(settings.seed)

    tokenizer = load_tokenizer(model)
    added = prepare_tokenizer(tokenizer, config)
    train_examples, train_stats = tokenize_entries(settings.datasets, tokenizer, config, settings.sequence_len)
    if not train_examples:
        raise ValueError(f"no training example fits sequence_len={settings.sequence_len}: "
                         f"{train_stats['dropped_too_long']} too long; raise sequence_len or shorten the data")
    eval_examples: list[dict] = []
    if settings.test_datasets:
        eval_examples, _ = tokenize_entries(settings.test_datasets, tokenizer, config, settings.sequence_len)
    elif settings.val_set_size:
        count = max(1, int(len(train_examples) * settings.val_set_size))
        eval_examples, train_examples = train_examples[:count], train_examples[count:]
    if train_stats["dropped_too_long"]:
        notes.append(f"dropped {train_stats['dropped_too_long']} training examples longer than sequence_len="
                     f"{settings.sequence_len} (see `make check-data`)")
    lengths = [len(e["input_ids"]) for e in train_examples]
    pad_stats = padding_stats(lengths, settings.micro_batch_size, settings.sequence_len)

    base = load_model(settings, model.path, len(tokenizer), notes)
    new_tokens.check(recipe, settings, added, base)
    if settings.quantized:
        base = prepare_model_for_kbit_training(base, use_gradient_checkpointing=settings.gradient_checkpointing,
                                               gradient_checkpointing_kwargs={"use_reentrant": False})
    quantized = {}
    for module in base.modules():
        if type(module).__name__ in ("Linear4bit", "Linear8bitLt"):
            quantized[type(module).__name__] = quantized.get(type(module).__name__, 0) + 1
    if quantized:
        print("Quantized base layers: " + ", ".join(f"{n} x {c}" for n, c in quantized.items()), flush=True)
    if settings.adapter and settings.lora_model_dir:  # continue an adapter, as Axolotl's lora_model_dir does
        from peft import PeftModel

        from tools.backends.preference import start_adapter

        start = start_adapter(settings)
        peft_model = PeftModel.from_pretrained(base, start, is_trainable=True)
        mapping = [f"continues {start} (its own r and targets)"]
        trainable, total = peft_model.get_nb_trainable_parameters()
    elif settings.adapter:
        targets, mapping = resolve_targets(settings, base)
        print("LoRA targets: " + "; ".join(mapping), flush=True)
        peft_model = get_peft_model(base, lora_config(settings, targets))
        trainable, total = peft_model.get_nb_trainable_parameters()
    else:  # full fine-tuning: every weight trains; the result is a whole model (runs/<name>/merged/)
        mapping, peft_model = [], base
        if settings.gradient_checkpointing:
            base.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        trainable = total = sum(p.numel() for p in base.parameters())
    print(f"Trainable parameters: {trainable:,} of {total:,} ({100 * trainable / total:.2f} %)", flush=True)

    sequences = pad_stats["packed_sequences"] if settings.sample_packing else len(train_examples)
    steps = total_steps(settings, sequences, int(os.environ.get("WORLD_SIZE", "1")))
    args = sft_config(settings, paths.checkpoints, steps, bool(eval_examples))
    trainer = lean_trainer(SFTTrainer)(
        model=peft_model,
        args=args,
        train_dataset=Dataset.from_list(train_examples),
        eval_dataset=Dataset.from_list(eval_examples) if eval_examples and args.eval_strategy != "no" else None,
        processing_class=tokenizer,
    )
    result, wall, interrupted = fit(trainer, paths, resume)

    facts: dict[str, Any] = {
        **run_facts(trainer, result, wall, interrupted),
        "examples": train_stats,
        "eval_examples": len(eval_examples),
        "lengths": {"min": min(lengths), "median": statistics.median(lengths), "max": max(lengths)},
        "packing": {"enabled": settings.sample_packing, **pad_stats},
        "planned_steps": steps,
        "warmup_steps": args.warmup_steps,
        "lora_targets": mapping,
        "trainable_parameters": trainable,
        "added_tokens": added,
        "quantized_layers": [f"{n} x {c}" for n, c in quantized.items()],
    }
    save(trainer, peft_model, tokenizer, recipe, settings, paths, interrupted)
    return facts
