"""Every value a training run uses, resolved once: `resolve(recipe, hw) -> TrainSettings`.

    python -m tools.settings qwen-personal-qa --model smollm2-135m-instruct --profile cpu   # print them

The recipe says what the user wrote (after `extends`, PROFILE, MODEL and SET); this module adds
the defaults (read from the schema, tools/recipe_schema.default: the project's layer, else
Axolotl's own default) and the hardware's fallbacks (precision, optimizers that need CUDA, flash
attention, DeepSpeed), each fallback with the note that is printed. The TRL backend, the Axolotl
backend, `make plan`, the model card, `make bench` and `make doctor` read a TrainSettings and only
translate it, so two backends cannot train different things from one recipe.

Where Axolotl decides a value from the run's length (warmup: 3% of the steps, at most 100;
logging: every 0.5% of the steps, between 1 and 10), `warmup_steps_for` and `logging_steps_for`
apply Axolotl's rule, so the TRL backend follows it too.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from tools.recipe_schema import default

# Optimizers whose states live in bitsandbytes or fused CUDA kernels; elsewhere: adamw_torch.
CUDA_ONLY_OPTIMIZERS = ("adamw_8bit", "adamw_bnb_8bit", "paged_adamw_8bit", "paged_adamw_32bit", "adamw_torch_fused",
                        "paged_ademamix_8bit", "paged_ademamix_32bit", "ademamix_8bit", "paged_lion_8bit",
                        "paged_lion_32bit", "lion_8bit", "rmsprop_bnb_8bit")


class SettingsError(ValueError):
    """A recipe that cannot run on this hardware or with these settings; the message says what to do."""


@dataclass(frozen=True)
class TrainSettings:
    recipe: str
    base_model: str
    # adapter and quantization
    adapter: str | None  # "lora", "qlora" or None (full fine-tuning)
    load_in_4bit: bool
    load_in_8bit: bool
    bnb_4bit_quant_type: str
    bnb_4bit_use_double_quant: bool
    lora_r: int
    lora_alpha: int
    lora_dropout: float
    lora_target_modules: tuple[str, ...] | None  # as written; None: lora_target_linear or PEFT's default
    lora_target_linear: bool
    lora_modules_to_save: tuple[str, ...] | None
    # data
    datasets: tuple[dict[str, Any], ...]
    test_datasets: tuple[dict[str, Any], ...]
    val_set_size: float
    sequence_len: int
    sample_packing: bool
    eval_sample_packing: bool  # Axolotl: follows sample_packing unless set
    train_on_inputs: bool
    chat_template: str | None
    special_tokens: dict[str, Any]
    # schedule
    micro_batch_size: int
    gradient_accumulation_steps: int
    num_epochs: float
    max_steps: int | None
    learning_rate: float
    optimizer: str  # after the hardware fallback
    lr_scheduler: str
    warmup_steps: int | None
    warmup_ratio: float | None
    weight_decay: float
    max_grad_norm: float
    seed: int
    # precision and hardware
    device: str
    precision: str  # "bf16", "fp16" or "fp32"
    precision_reason: str
    gradient_checkpointing: bool
    attn_implementation: str
    tf32: bool
    deepspeed: str | None  # None when the hardware cannot use it
    # logging, checkpoints, evaluation
    logging_steps: int | None  # None: Axolotl's rule (logging_steps_for)
    save_steps: float | None  # None: at the end of each epoch
    save_total_limit: int
    eval_steps: float | None
    evaluate: bool  # evaluation data exists and evaluation can happen within the run
    notes: tuple[str, ...] = field(default_factory=tuple)
    # preference training (Axolotl's names); rl None: supervised fine-tuning
    rl: str | None = None  # dpo | ipo | kto | orpo
    rl_beta: float = 0.1  # TRL's and Axolotl's default beta
    dpo_loss_type: tuple[str, ...] | None = None
    dpo_loss_weights: tuple[float, ...] | None = None
    orpo_alpha: float | None = None
    kto_desirable_weight: float = 1.0
    kto_undesirable_weight: float = 1.0
    lora_model_dir: str | None = None  # an adapter to continue from (an SFT run's), as Axolotl names it
    # torch.compile of the model (Axolotl's keys; "auto" resolved as Axolotl does, see _torch_compile)
    torch_compile: bool = False
    torch_compile_backend: str | None = None
    torch_compile_mode: str | None = None
    # Every batch padded to one shape (Axolotl's key; unset: follows sample_packing, as in Axolotl).
    # A compiled model then compiles once; a CUDA allocator reuses the same blocks.
    pad_to_sequence_len: bool = False

    @property
    def padded_length(self) -> int | None:
        """The length every training batch is padded to, or None. Packed micro-batches travel as one
        padding-free row of up to micro_batch_size x sequence_len tokens (TRL's collator), unpacked
        ones as rows of up to sequence_len: either way one shape for every step."""
        if not self.pad_to_sequence_len:
            return None
        return self.sequence_len * (self.micro_batch_size if self.sample_packing else 1)

    @property
    def quantized(self) -> bool:
        return self.load_in_4bit or self.load_in_8bit

    @property
    def effective_batch(self) -> int:
        return self.micro_batch_size * self.gradient_accumulation_steps

    def warmup_steps_for(self, total_steps: int) -> int:
        """Axolotl's warmup: warmup_steps, else warmup_ratio x steps, else 3% of the steps, at most 100."""
        if self.warmup_steps is not None:
            steps = self.warmup_steps
        elif self.warmup_ratio is not None:
            steps = max(int(self.warmup_ratio * total_steps), 0)
        else:
            steps = min(int(0.03 * total_steps), 100)
        return 2 if steps == 1 else steps  # as Axolotl: one warmup step would mean no warmup

    def logging_steps_for(self, total_steps: int) -> int:
        """logging_steps, else Axolotl's rule: every 0.5% of the steps, at least 1, at most 10."""
        if self.logging_steps is not None:
            return self.logging_steps
        return max(min(int(0.005 * total_steps), 10), 1)

    def as_dict(self) -> dict[str, Any]:
        return json.loads(json.dumps(asdict(self), default=str))


def value(config: dict[str, Any], key: str) -> Any:
    """A top-level recipe value, else the schema's default (nulls were removed when the recipe was read).
    The one way modules that need a single value (evaluation, plan) read one without a TrainSettings."""
    return config[key] if key in config else default(key)


_value = value


def _optimizer(name: str, hw, notes: list[str]) -> str:
    if hw.device != "cuda" and name in CUDA_ONLY_OPTIMIZERS:
        if name != "adamw_torch_fused":  # the same AdamW, only without CUDA's fused kernel
            notes.append(f"optimizer {name} needs CUDA; using adamw_torch on {hw.device}")
        return "adamw_torch"
    return name


def _torch_compile(wanted: Any, notes: list[str]) -> bool:
    """torch_compile: true, false or "auto", which Axolotl turns on wherever torch >= 2.5.1: always with
    the torch the project pins (requirements.txt), so "auto" is true here too."""
    if not wanted:
        return False
    notes.append("torch_compile: the first steps compile the model (minutes on a CPU); it pays on long runs"
                 " (`make bench ONLY=16` measures after how many)")
    return True


def _float(value: Any) -> float:
    return float(value)  # learning_rate may be written as a string ("2e-4"), as Axolotl allows


def resolve(recipe, hw, precision=None) -> TrainSettings:
    """The settings of `recipe` on hardware `hw` (tools.hardware.Hardware).

    `precision` is tools.hardware.choose_precision's answer when the caller has it; else it is
    chosen here (PrecisionError when the recipe asks for what the hardware cannot do)."""
    from tools import hardware

    config = recipe.config
    notes: list[str] = []
    precision = precision or hardware.choose_precision(config, hw)
    notes += list(precision.notes)

    adapter = config.get("adapter")
    bnb = config.get("bnb_config_kwargs") or {}
    attn = "sdpa"
    if _value(config, "flash_attention"):
        if hw.device == "cuda":
            attn = "flash_attention_2"
        else:
            notes.append(f"flash_attention is CUDA-only; skipped on {hw.device} (using sdpa)")
    deepspeed = config.get("deepspeed")
    if deepspeed and hw.device != "cuda":
        notes.append("deepspeed is GPU-only; skipped on this device")
        deepspeed = None
    sample_packing = bool(_value(config, "sample_packing"))
    eval_packing = config.get("eval_sample_packing")
    max_steps = config.get("max_steps")
    num_epochs = float(_value(config, "num_epochs"))
    eval_steps = _value(config, "eval_steps")
    save_steps = config.get("save_steps")
    test_datasets = tuple(config.get("test_datasets") or ())
    val_set_size = float(_value(config, "val_set_size") or 0.0)
    # Axolotl's saves_per_epoch / evals_per_epoch: a fraction of the run (below 1 only).
    if config.get("saves_per_epoch") and 1.0 / (config["saves_per_epoch"] * num_epochs) < 1:
        save_steps = 1.0 / (config["saves_per_epoch"] * num_epochs)
    if (test_datasets or val_set_size) and config.get("evals_per_epoch") and 1.0 / (config["evals_per_epoch"] * num_epochs) < 1:
        eval_steps = 1.0 / (config["evals_per_epoch"] * num_epochs)
    evaluate = bool(test_datasets or val_set_size) and bool(eval_steps)
    if evaluate and max_steps and eval_steps >= 1 and eval_steps > max_steps:
        notes.append(f"eval_steps {eval_steps} > max_steps {max_steps}: no evaluation in this run")
        evaluate = False
    datasets = tuple(config.get("datasets") or ())
    chat_template = config.get("chat_template")
    if chat_template is None and any(e.get("type") == "chat_template" for e in datasets):
        chat_template = "tokenizer_default"  # Axolotl's default for chat_template datasets
    torch_compile = _torch_compile(config.get("torch_compile"), notes)
    pad = config.get("pad_to_sequence_len")  # unset: Axolotl's validator pads packed batches to sequence_len
    targets = config.get("lora_target_modules")
    if isinstance(targets, str):
        targets = [targets]
    return TrainSettings(
        recipe=recipe.name,
        base_model=config["base_model"],
        adapter=adapter,
        load_in_4bit=bool(_value(config, "load_in_4bit")),
        load_in_8bit=bool(_value(config, "load_in_8bit")),
        bnb_4bit_quant_type=bnb.get("bnb_4bit_quant_type", "nf4"),
        bnb_4bit_use_double_quant=bool(bnb.get("bnb_4bit_use_double_quant", True)),
        lora_r=int(_value(config, "lora_r")),
        lora_alpha=int(_value(config, "lora_alpha")),
        lora_dropout=float(_value(config, "lora_dropout") or 0.0),
        lora_target_modules=tuple(targets) if targets else None,
        lora_target_linear=bool(config.get("lora_target_linear")),
        lora_modules_to_save=tuple(config["lora_modules_to_save"]) if config.get("lora_modules_to_save") else None,
        datasets=datasets,
        test_datasets=test_datasets,
        val_set_size=val_set_size,
        sequence_len=int(_value(config, "sequence_len")),
        sample_packing=sample_packing,
        eval_sample_packing=sample_packing if eval_packing is None else bool(eval_packing),
        train_on_inputs=bool(_value(config, "train_on_inputs")),
        chat_template=chat_template,
        special_tokens=dict(config.get("special_tokens") or {}),
        micro_batch_size=int(_value(config, "micro_batch_size")),
        gradient_accumulation_steps=int(_value(config, "gradient_accumulation_steps")),
        num_epochs=num_epochs,
        max_steps=int(max_steps) if max_steps else None,
        learning_rate=_float(config["learning_rate"]),
        optimizer=_optimizer(_value(config, "optimizer"), hw, notes),
        lr_scheduler=_value(config, "lr_scheduler"),
        warmup_steps=config.get("warmup_steps"),
        warmup_ratio=config.get("warmup_ratio"),
        weight_decay=float(_value(config, "weight_decay") or 0.0),
        max_grad_norm=float(_value(config, "max_grad_norm")),
        seed=int(_value(config, "seed")),
        device=hw.device,
        precision=precision.name,
        precision_reason=precision.reason,
        gradient_checkpointing=bool(_value(config, "gradient_checkpointing")),
        attn_implementation=attn,
        tf32=config.get("tf32") is True and hw.device == "cuda",
        deepspeed=deepspeed,
        logging_steps=config.get("logging_steps"),
        save_steps=save_steps,
        save_total_limit=_value(config, "save_total_limit"),
        eval_steps=eval_steps,
        evaluate=evaluate,
        notes=tuple(notes),
        rl=config.get("rl"),
        rl_beta=_float(config["rl_beta"]) if config.get("rl_beta") is not None else 0.1,
        dpo_loss_type=tuple(config["dpo_loss_type"]) if config.get("dpo_loss_type") else None,
        dpo_loss_weights=tuple(_float(w) for w in config["dpo_loss_weights"]) if config.get("dpo_loss_weights") else None,
        orpo_alpha=_float(config["orpo_alpha"]) if config.get("orpo_alpha") is not None else None,
        kto_desirable_weight=_float(config["kto_desirable_weight"]) if config.get("kto_desirable_weight") is not None else 1.0,
        kto_undesirable_weight=_float(config["kto_undesirable_weight"]) if config.get("kto_undesirable_weight") is not None else 1.0,
        lora_model_dir=config.get("lora_model_dir"),
        torch_compile=torch_compile,
        torch_compile_backend=config.get("torch_compile_backend") if torch_compile else None,
        torch_compile_mode=config.get("torch_compile_mode") if torch_compile else None,
        pad_to_sequence_len=sample_packing if pad is None else bool(pad),
    )


def main(argv: list[str] | None = None) -> int:
    from tools import hardware
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m tools.settings", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    args = parser.parse_args(argv)
    recipe = recipe_or_report(args)
    if recipe is None:
        return 1
    try:
        settings = resolve(recipe, hardware.detect())
    except (hardware.PrecisionError, SettingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(json.dumps(settings.as_dict(), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
