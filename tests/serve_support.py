"""Helpers shared by the chat, serve and web tests: small real LoRA adapters on the embedded model.

`make_adapter(runs_root, recipe, seed)` writes <runs_root>/<recipe>/adapter/ (PEFT adapter +
tokenizer) the way `make train` lays it out: LoRA r=8 on q_proj/v_proj with random (not zero)
B matrices, so the adapter really changes the outputs. Seconds on CPU, nothing downloaded.
"""
from __future__ import annotations

from pathlib import Path


def make_adapter(runs_root: Path, recipe: str, seed: int = 0) -> Path:
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from tools.models import EMBEDDED, load_tokenizer, resolve_model

    embedded = resolve_model(EMBEDDED)
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_pretrained(embedded.path, dtype=torch.float32)
    peft_model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"],
                                                  init_lora_weights=False, task_type="CAUSAL_LM"))
    target = runs_root / recipe / "adapter"
    target.mkdir(parents=True, exist_ok=True)
    peft_model.save_pretrained(target)
    load_tokenizer(embedded).save_pretrained(target)
    return target
