"""LoRA target modules checked against the loaded model, mapped by role when names differ.

A recipe written for Phi-2 says `dense` for the attention output projection; Llama-style models
call it `o_proj`. Names are matched by role (attention q/k/v/output, MLP gate/up/down) and the
mapping is printed; a name that matches no layer and no role is an error listing the model's
linear layer names.
"""
from __future__ import annotations

ROLES: dict[str, tuple[str, ...]] = {
    "attn_q": ("q_proj", "query", "wq", "q"),
    "attn_k": ("k_proj", "key", "wk", "k"),
    "attn_v": ("v_proj", "value", "wv", "v"),
    "attn_out": ("o_proj", "dense", "out_proj", "wo", "o"),
    "attn_qkv": ("qkv_proj", "query_key_value", "c_attn", "Wqkv"),
    "mlp_gate": ("gate_proj", "w1"),
    "mlp_up": ("up_proj", "fc1", "w3", "c_fc", "dense_h_to_4h"),
    "mlp_down": ("down_proj", "fc2", "w2", "dense_4h_to_h"),
}
_ROLE_OF = {name: role for role, names in ROLES.items() for name in names}


class TargetError(ValueError):
    pass


def linear_names(model) -> list[str]:
    """Short names (last path component) of the model's linear layers, output head excluded."""
    import torch

    names = set()
    for full, module in model.named_modules():
        is_linear = isinstance(module, torch.nn.Linear) or type(module).__name__ in ("Linear4bit", "Linear8bitLt")
        short = full.rsplit(".", 1)[-1]
        if is_linear and short not in ("lm_head", "embed_out", "output"):
            names.add(short)
    return sorted(names)


def map_targets(requested: list[str], available: list[str]) -> tuple[list[str], list[str]]:
    """(targets for PEFT, human-readable mapping lines)."""
    targets, lines, missing = [], [], []
    for name in requested:
        if name in available:
            targets.append(name)
            lines.append(f"{name} -> {name}")
            continue
        role = _ROLE_OF.get(name)
        candidates = [n for n in ROLES.get(role, ()) if n in available] if role else []
        if candidates:
            targets.append(candidates[0])
            lines.append(f"{name} -> {candidates[0]} (same role: {role})")
        else:
            missing.append(name)
    if missing:
        raise TargetError(
            f"lora_target_modules: {', '.join(missing)} match no linear layer of this model. "
            f"Its linear layers are: {', '.join(available)}. Use those names, or `lora_target_linear: true`."
        )
    return sorted(set(targets), key=targets.index), lines


def skeleton(model_path):
    """The model built on the meta device from its config: module names and shapes, no weights read."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    with torch.device("meta"):
        return AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(model_path))


def resolve_targets(settings, model) -> tuple[list[str] | str, list[str]]:
    """(PEFT target_modules, mapping lines) for a TrainSettings on a model (loaded or a skeleton):
    the recipe's names mapped by role, all linear layers, or, when the recipe names none, the
    modules PEFT itself targets for this architecture (what Axolotl gets when it passes none)."""
    available = linear_names(model)
    if settings.lora_target_linear:
        return "all-linear", [f"all linear layers: {', '.join(available)}"]
    if not settings.lora_target_modules:
        from peft.utils.constants import TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING as PEFT_DEFAULTS

        chosen = PEFT_DEFAULTS.get(model.config.model_type)
        if not chosen:
            raise TargetError(f"lora_target_modules is unset and PEFT has no default for {model.config.model_type}; "
                              f"name the layers (this model's: {', '.join(available)}) or set `lora_target_linear: true`")
        return list(chosen), [f"{name} -> {name} (PEFT's default for {model.config.model_type})" for name in chosen]
    return map_targets(list(settings.lora_target_modules), available)
