"""What each training backend honours of a recipe, said before anything trains.

Every key Axolotl accepts is a valid recipe key (tools/recipe_schema.py); `BACKEND=axolotl`
passes them all to Axolotl. The TRL backend trains from tools/settings.py's TrainSettings, which
reads the keys in HONOURED_BY_TRL. Any other Axolotl key a recipe sets is named at the start of a
TRL run ("`group_by_length`: not supported by the TRL backend; use BACKEND=axolotl or remove it"),
and the ones that would change *what* is trained (another training objective, another adapter
type, data the project cannot read, a multimodal model) stop the run instead: never silently
dropped. `make show` marks the same keys.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tools import recipe_schema

# Read by tools/settings.py (and so by the TRL backend), or with no effect on the trained weights.
HONOURED_BY_TRL = frozenset({
    "base_model", "adapter", "load_in_4bit", "load_in_8bit", "bnb_config_kwargs", "lora_r", "lora_alpha",
    "lora_dropout", "lora_target_modules", "lora_target_linear", "lora_modules_to_save", "datasets",
    "test_datasets", "val_set_size", "sequence_len", "sample_packing", "eval_sample_packing", "train_on_inputs",
    "chat_template", "chat_template_jinja", "special_tokens", "tokens", "micro_batch_size", "gradient_accumulation_steps",
    "num_epochs", "max_steps", "learning_rate", "optimizer", "lr_scheduler", "warmup_steps", "warmup_ratio",
    "weight_decay", "max_grad_norm", "seed", "bf16", "fp16", "tf32", "gradient_checkpointing", "flash_attention",
    "sdp_attention", "deepspeed", "logging_steps", "save_steps", "save_total_limit", "eval_steps", "output_dir",
    "saves_per_epoch", "evals_per_epoch", "lora_model_dir", "torch_compile", "torch_compile_backend",
    "torch_compile_mode", "pad_to_sequence_len",
    # Bookkeeping only: how Axolotl finds classes or caches data; TRL uses the Auto classes and tokenises in memory.
    "model_type", "tokenizer_type", "base_model_config", "tokenizer_config", "strict", "dataset_prepared_path",
    "dataset_num_proc", "shuffle_merged_datasets",
})
# Keys (or prefixes) that change what is trained; the TRL backend refuses a recipe that sets them.
CHANGES_WHAT_IS_TRAINED = ("rl", "rl_", "dpo_", "orpo_", "kto_", "simpo_", "cpo_", "trl", "reward_model",
                           "process_reward_model", "pretraining_dataset", "unfrozen_parameters", "peft_",
                           "lora_target_parameters", "relora", "processor_type", "is_multimodal", "image_",
                           "llama4_linearized_experts", "lora_qkv_kernel", "lora_mlp_kernel",
                           "lora_o_kernel")
# Dataset entry types the project's prompt formatter (tools/prompting.py) lays out.
TRL_DATASET_TYPES = ("alpaca", "chat_template", "completion")
DATASET_KEYS_READ = frozenset({"path", "type", "ds_type", "split", "field_messages", "roles_to_train", "train_on_eos",
                               "field", "message_property_mappings", "roles", "message_field_role",
                               "message_field_content", "chat_template", "drop_system_message"})


@dataclass
class Unhonoured:
    errors: list[str] = field(default_factory=list)  # the backend cannot train this as written
    warnings: list[str] = field(default_factory=list)  # set, but without effect under this backend

    def marks(self) -> dict[str, str]:
        """key -> the reason, for `make show`."""
        out = {}
        for line in self.errors + self.warnings:
            key = line.split("`", 2)[1] if line.startswith("`") else line
            out.setdefault(key, line)
        return out


# Preference keys the TRL backend honours (tools/backends/preference.py) when `rl` is one it trains.
PREFERENCE_KEYS_BY_TRL = frozenset({"rl", "rl_beta", "dpo_loss_type", "dpo_loss_weights", "kto_desirable_weight",
                                   "kto_undesirable_weight"})


def _changes_training(key: str) -> bool:
    return any(key == p or (p.endswith("_") and key.startswith(p)) for p in CHANGES_WHAT_IS_TRAINED)


def _wanted(value: Any) -> bool:
    """A key set to false, 0 or an empty list asks for nothing."""
    return value not in (False, 0, [], {}, "")


def trl_unhonoured(config: dict[str, Any]) -> Unhonoured:
    """Keys of a resolved recipe the TRL backend does not honour: errors and warnings, each naming its key."""
    found = Unhonoured()
    project = set(recipe_schema.project_keys())
    for key, value in config.items():
        if key in project or key in HONOURED_BY_TRL or not _wanted(value):
            continue
        if key in PREFERENCE_KEYS_BY_TRL and config.get("rl") in ("dpo", "ipo", "kto"):
            continue
        if _changes_training(key):
            found.errors.append(f"`{key}`: not supported by the TRL backend and it changes what is trained; "
                                f"use BACKEND=axolotl")
        else:
            found.warnings.append(f"`{key}`: not supported by the TRL backend (no effect); use BACKEND=axolotl or remove it")
    rl = config.get("rl")
    if rl and rl not in ("dpo", "ipo", "kto"):
        where = {"orpo": "TRL 1.9 has ORPO only in trl.experimental.orpo, an API it may change without notice"}.get(
            rl, "TRL's trainer for it is not wired here")
        found.errors.append(f"`rl`: {rl!r} is not trained by the TRL backend ({where}); use BACKEND=axolotl")
    adapter = config.get("adapter")
    if adapter not in (None, "lora", "qlora"):
        found.errors.append(f"`adapter`: {adapter!r} is not supported by the TRL backend (lora or qlora); use BACKEND=axolotl")
    for section in recipe_schema.DATASET_SECTIONS:
        for index, entry in enumerate(config.get(section) or []):
            label = f"{section}[{index}]"
            kind = entry.get("type")
            if isinstance(kind, str) and kind not in TRL_DATASET_TYPES:
                found.errors.append(f"`{label}.type`: {kind!r} is not a format this project lays out "
                                    f"({', '.join(TRL_DATASET_TYPES)} or a user-defined mapping); use BACKEND=axolotl")
            if entry.get("ds_type") not in (None, "json") or "://" in str(entry.get("path", "")):
                found.errors.append(f"`{label}.ds_type`: only local JSON Lines files are read by the TRL backend; "
                                    f"use BACKEND=axolotl")
            for key, value in entry.items():
                if key not in DATASET_KEYS_READ and _wanted(value):
                    found.warnings.append(f"`{label}.{key}`: not supported by the TRL backend (no effect); "
                                          f"use BACKEND=axolotl or remove it")
    return found
