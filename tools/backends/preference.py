"""Preference training under the TRL backend: `rl: dpo | ipo | kto`, with Axolotl's key names.

    make train RECIPE=qwen-personal-qa            # SFT first
    make train RECIPE=qwen-personal-qa-dpo        # then DPO from its adapter (lora_model_dir)

Rows are laid out as Axolotl's user-defined preference types lay them out
(axolotl/prompt_strategies/dpo|kto/user_defined.py: `prompt_format` with {prompt}, `chosen_format`,
`rejected_format`, `completion_format`), then handed to TRL 1.9's own trainers as text, so TRL
tokenises them exactly as it does under Axolotl: DPOTrainer (DPO; IPO is its loss_type "ipo") and
KTOTrainer, both in TRL's stable namespace in 1.9. ORPO lives in `trl.experimental.orpo` in 1.9,
an API TRL may change without notice: the TRL backend refuses it by name and BACKEND=axolotl
trains it with Axolotl's pinned integration.

Reference model: no second copy of the base. A run that starts from an adapter (`lora_model_dir`,
an SFT run's) loads it trainable; TRL then keeps a frozen copy of it under the adapter name "ref"
and computes the reference log-probabilities through it, so the reference is the SFT model the run
starts from. A run without one trains a new LoRA whose reference is the base (adapters disabled).
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from tools import runs
from tools.data import load_rows, resolve_path
from tools.paths import display
from tools.settings import TrainSettings

TRL_METHODS = {"dpo": ("DPOTrainer", "DPOConfig"), "ipo": ("DPOTrainer", "DPOConfig"), "kto": ("KTOTrainer", "KTOConfig")}
EXPERIMENTAL_IN_TRL = {"orpo": "trl.experimental.orpo"}


def layout(entry: dict[str, Any], method: str) -> list[dict[str, Any]]:
    """The rows of one preference dataset as Axolotl's user-defined strategy formats them."""
    kind = entry.get("type") if isinstance(entry.get("type"), dict) else {}
    prompt_format = kind.get("prompt_format") or "{prompt}"
    field_prompt = kind.get("field_prompt") or "prompt"
    out = []
    for row in load_rows(entry):
        data = row.data
        item = {"prompt": prompt_format.format(prompt=data[field_prompt])}
        if method == "kto":
            item["completion"] = (kind.get("completion_format") or "{completion}").format(
                completion=data[kind.get("field_completion") or "completion"])
            item["label"] = bool(data[kind.get("field_label") or "label"])
        else:
            item["chosen"] = (kind.get("chosen_format") or "{chosen}").format(chosen=data[kind.get("field_chosen") or "chosen"])
            item["rejected"] = (kind.get("rejected_format") or "{rejected}").format(
                rejected=data[kind.get("field_rejected") or "rejected"])
        out.append(item)
    return out


def start_adapter(settings: TrainSettings) -> Path | None:
    """The adapter `lora_model_dir` names, checked; None when the run trains a new one."""
    if not settings.lora_model_dir:
        return None
    folder = resolve_path(settings.lora_model_dir)
    if not (folder / "adapter_config.json").is_file():
        raise ValueError(f"lora_model_dir: {display(folder)} has no adapter_config.json: train the run it names first "
                         f"(e.g. `make train RECIPE=<the SFT recipe>`), or point it at an adapter folder")
    return folder


def trainer_config(settings: TrainSettings, config_class, output_dir: Path, steps: int) -> Any:
    from tools.backends.trl import sft_config_kwargs

    allowed = {f.name for f in dataclasses.fields(config_class)}
    kwargs = {k: v for k, v in sft_config_kwargs(settings, output_dir, steps, False).items() if k in allowed}
    kwargs.update(beta=settings.rl_beta, max_length=settings.sequence_len, dataset_num_proc=None)
    if settings.rl == "ipo":  # as Axolotl: rl ipo is DPOTrainer's ipo loss, whatever dpo_loss_type says
        kwargs["loss_type"] = ["ipo"]
    elif settings.rl == "dpo":
        kwargs["loss_type"] = list(settings.dpo_loss_type or ["sigmoid"])
        if settings.dpo_loss_weights:
            kwargs["loss_weights"] = list(settings.dpo_loss_weights)
    if settings.rl == "kto":
        kwargs.update(desirable_weight=settings.kto_desirable_weight, undesirable_weight=settings.kto_undesirable_weight)
    return config_class(**kwargs)


def train(recipe, settings: TrainSettings, model, resume: bool, notes: list[str]) -> dict[str, Any]:
    """Train a preference recipe (settings.rl) on the resolved `model`; returns the facts for the manifest."""
    import torch
    import trl
    from datasets import Dataset
    from peft import PeftModel, get_peft_model, prepare_model_for_kbit_training

    from tools import new_tokens
    from tools.backends.trl import fit, load_model, lora_config, run_facts, save, total_steps
    from tools.models import load_tokenizer
    from tools.prompting import prepare_tokenizer
    from tools.targets import resolve_targets

    if settings.rl not in TRL_METHODS:
        raise ValueError(f"rl: {settings.rl} is not trained by the TRL backend; use BACKEND=axolotl")
    if not settings.adapter:
        raise ValueError("rl: preference training here trains a LoRA adapter (adapter: lora or qlora); full "
                         "fine-tuning would hold a second copy of the model as the reference")
    paths = runs.for_recipe(recipe)
    paths.root.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(settings.seed)
    trainer_name, config_name = TRL_METHODS[settings.rl]

    tokenizer = load_tokenizer(model)
    added = prepare_tokenizer(tokenizer, recipe.config)
    train_rows = [row for entry in settings.datasets for row in layout(entry, settings.rl)]
    eval_rows = [row for entry in settings.test_datasets for row in layout(entry, settings.rl)]

    base = load_model(settings, model.path, len(tokenizer), notes)
    base.config.use_cache = False
    new_tokens.check(recipe, settings, added, base)
    if settings.quantized:
        base = prepare_model_for_kbit_training(base, use_gradient_checkpointing=settings.gradient_checkpointing,
                                               gradient_checkpointing_kwargs={"use_reentrant": False})
    start = start_adapter(settings)
    if start is not None:
        peft_model = PeftModel.from_pretrained(base, start, is_trainable=True)
        mapping = [f"continues {display(start)} (its own r and targets)"]
        print(f"Starting from the adapter {display(start)}; the reference is a frozen copy of it", flush=True)
    else:
        targets, mapping = resolve_targets(settings, base)
        peft_model = get_peft_model(base, lora_config(settings, targets))
        print("New LoRA adapter; the reference is the base model (adapters disabled)", flush=True)
    trainable, total = peft_model.get_nb_trainable_parameters()
    print(f"Trainable parameters: {trainable:,} of {total:,} ({100 * trainable / total:.2f} %)", flush=True)

    steps = total_steps(settings, len(train_rows), int(os.environ.get("WORLD_SIZE", "1")))
    args = trainer_config(settings, getattr(trl, config_name), paths.checkpoints, steps)
    trainer = getattr(trl, trainer_name)(
        model=peft_model, args=args, train_dataset=Dataset.from_list(train_rows),
        eval_dataset=Dataset.from_list(eval_rows) if eval_rows else None, processing_class=tokenizer)
    result, wall, interrupted = fit(trainer, paths, resume)
    save(trainer, peft_model, tokenizer, recipe, settings, paths, interrupted)
    started_from = None
    if start is not None:
        manifest = start.parent / "manifest.json"
        started_from = {"adapter": display(start)}
        if manifest.is_file():
            import json

            earlier = json.loads(manifest.read_text())
            started_from.update({k: earlier.get(k) for k in ("recipe", "recipe_hash", "started", "steps", "started_from")})
    return {
        **run_facts(trainer, result, wall, interrupted),
        "examples": {"pairs" if settings.rl != "kto" else "rows": len(train_rows)},
        "eval_examples": len(eval_rows),
        "planned_steps": steps,
        "warmup_steps": args.warmup_steps,
        "lora_targets": mapping,
        "trainable_parameters": trainable,
        "added_tokens": added,
        "rl": {"method": settings.rl, "beta": settings.rl_beta, "trainer": f"trl.{trainer_name}",
               "loss_type": getattr(args, "loss_type", None),
               "reference": "frozen copy of the starting adapter" if start is not None else "the base (adapters disabled)"},
        "started_from": started_from,
    }
