"""Tokens a recipe adds to its base's vocabulary must be trained: Axolotl's rule, for both backends.

A token the base tokenizer lacks (`special_tokens`, `tokens`) gets a new, untrained row in the input
embedding and in the output layer. A LoRA adapter does not touch those matrices, so without more the
model never learns to read or to emit the token: a Phi-2 tutor whose end token is a new <|im_end|>
would never stop. Axolotl 0.19 refuses such a recipe unless `lora_modules_to_save` names the
embedding layers (loaders/tokenizer.py and loaders/utils.py); the TRL backend applies the same rule,
so both backends train the same weights. PEFT then trains and saves full copies of those two layers
with the adapter (the vocabulary resized), the merge takes them (tools/merge.py, PEFT's merge when
the vocabulary grew) and the GGUF carries the new rows. `make plan` counts them as trainable.
"""
from __future__ import annotations

from typing import Any


def embedding_layers(model) -> list[str]:
    """The short module names of `model`'s input embedding and output layer (embed_tokens, lm_head)."""
    names = {id(module): name.rsplit(".", 1)[-1] for name, module in model.named_modules()}
    layers = [names[id(model.get_input_embeddings())]]
    head = model.get_output_embeddings()
    if head is not None and id(head) in names and names[id(head)] not in layers:
        layers.append(names[id(head)])
    return layers


def check(recipe, settings, added: list[str], model) -> None:
    """Raise ValueError when `added` tokens would stay untrained under the recipe's adapter."""
    if not added or settings.adapter not in ("lora", "qlora"):
        return
    needed = embedding_layers(model)
    missing = [layer for layer in needed if layer not in (settings.lora_modules_to_save or ())]
    if missing:
        from tools.paths import display

        raise ValueError(
            f"{display(recipe.path)}: special_tokens/tokens add {', '.join(added)} to {settings.base_model}'s "
            f"vocabulary; a LoRA adapter alone leaves their embedding rows untrained, so the model could never "
            f"read or emit them. Add `lora_modules_to_save: [{', '.join(needed)}]` (Axolotl's rule: it refuses "
            f"the recipe too), or use tokens the base already has.")


def trainable_parameters(counts: dict[str, Any], modules: tuple[str, ...] | None) -> int:
    """Parameters `lora_modules_to_save` makes trainable, from tools/plan.ModelFacts.counts()."""
    total = 0
    for module in modules or ():
        if module in ("embed_tokens", "wte", "embed_in"):
            total += counts["embedding"]
        elif module in ("lm_head", "embed_out"):
            total += counts["lm_head"] or counts["embedding"]  # tied: PEFT trains a separate copy
    return total
