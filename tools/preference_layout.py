"""A preference (DPO/IPO/ORPO) or KTO dataset entry read as the SFT layout it is equivalent to.

Axolotl's user-defined preference types (prompt_strategies/dpo|kto/user_defined.py) write a row as
`prompt_format` with {prompt} and an answer format ({chosen}<|im_end|>); the project reads that as
the user-defined SFT mapping with the same text, so generation, evaluation, export and the data
audit lay a preference recipe out exactly as its SFT recipe (tools/prompting.layout_entry).
"""
from __future__ import annotations

from typing import Any

from tools.prompting import PromptError


def preference_layout(entry: dict[str, Any], answer_key: str = "field_chosen") -> dict[str, Any]:
    """A preference (or KTO) dataset entry as the SFT entry it is equivalent to: `prompt_format`
    with `{prompt}` as the instruction, the system prompt written into it, and the answer field
    `answer_key` names (field_chosen, field_rejected or field_completion) as the output. The answer
    formats are expected to be the answer followed by the end token (`{chosen}<|im_end|>`), which
    is how an SFT row ends too."""
    kind = entry["type"]
    layout = kind.get("prompt_format") or "{prompt}"
    if "{system}" in layout:
        raise PromptError("datasets[].type.prompt_format: write the system prompt into prompt_format; a per-row "
                          "{system} field has no value when the model is asked")
    if layout.count("{prompt}") != 1:
        raise PromptError("datasets[].type.prompt_format: must contain {prompt} once (the user's text)")
    escaped = layout.replace("{", "{{").replace("}", "}}").replace("{{prompt}}", "{instruction}")
    default = answer_key.split("_", 1)[1]
    return {**entry, "type": {"field_instruction": kind.get("field_prompt") or "prompt",
                              "field_output": kind.get(answer_key) or default, "format": escaped,
                              "no_input_format": escaped}}
