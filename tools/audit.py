"""Token and supervision audit of one data file, with the recipe's real formatting and masking.

    python -m tools.check_data qwen-personal-qa     # runs this audit after the schema checks

Every row goes through `tools.prompting.encode` (after `prepare_tokenizer`), exactly as the
training backends see it, and is measured: token length, fraction of supervised tokens
(label != -100), whether any token is supervised, whether the end-of-sequence token that
closes the answer is supervised (a model that never sees it never learns to stop), and
whether `sequence_len` would cut the example. Findings are (severity, where, message) tuples.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tools.data import iter_jsonl
from tools.paths import display


def load_audit_tokenizer(config: dict[str, Any]):
    """(tokenizer prepared for the recipe, a sentence saying which tokenizer it is)."""
    from tools.models import EMBEDDED, ModelNotAvailable, load_tokenizer, resolve_model
    from tools.prompting import prepare_tokenizer

    base = config["base_model"]
    try:
        resolved = resolve_model(base)
        note = f"{base} ({resolved.source}), the recipe's own tokenizer"
    except ModelNotAvailable:
        resolved = resolve_model(EMBEDDED)
        note = (f"{EMBEDDED} (embedded), because the recipe's base model {base} is not available offline; "
                f"token counts are approximate for {base}")
    tokenizer = load_tokenizer(resolved)
    added = prepare_tokenizer(tokenizer, config)
    if added:
        note += f"; tokens added by special_tokens: {', '.join(added)}"
    return tokenizer, note


def eos_supervised(input_ids: list[int], labels: list[int], eos_id: int) -> bool:
    """Is the last end-of-sequence token of the example (the one closing the answer) supervised?"""
    positions = [p for p, token in enumerate(input_ids) if token == eos_id]
    return bool(positions) and labels[positions[-1]] == eos_id


def audit_row(encoded, where: str, eos_id: int, eos_text: str, sequence_len: int | None) -> list[tuple[str, str, str]]:
    from tools.prompting import IGNORE

    findings = []
    supervised = [p for p, label in enumerate(encoded.labels) if label != IGNORE]
    if not supervised:
        findings.append(("error", where, "no supervised tokens (every label is -100): the example teaches nothing"))
    elif not eos_supervised(encoded.input_ids, encoded.labels, eos_id):
        findings.append(("error", where, f"the end-of-sequence token {eos_text} (id {eos_id}) is not supervised: "
                                         "the model would never learn to stop (check train_on_eos or the prompt format)"))
    length = len(encoded.input_ids)
    if sequence_len and length > sequence_len:
        lost = sum(1 for p in supervised if p >= sequence_len)
        message = f"{length} tokens, longer than sequence_len {sequence_len}: would be truncated or dropped"
        if lost:
            message += f"; the answer is cut ({lost} of {len(supervised)} supervised tokens lost)"
        findings.append(("warning", where, message))
    return findings


def audit_file(path: Path, entry: dict[str, Any], skip_lines: set[int], tokenizer, config: dict[str, Any],
               lengths: list[int], fractions: list[float]) -> list[tuple[str, str, str]]:
    """Encode every row of one file (streaming; lines in `skip_lines` failed the schema pass).

    Appends each row's token length to `lengths` and supervised fraction to `fractions`.
    """
    from tqdm import tqdm

    from tools.data import format_of
    from tools.preference_layout import preference_layout
    from tools.prompting import PromptError, encode

    source = display(path)
    eos_id = tokenizer.eos_token_id
    if eos_id is None:
        return [("error", source, "the tokenizer has no eos token; set special_tokens.eos_token in the recipe")]
    eos_text = repr(tokenizer.eos_token)
    sequence_len = config.get("sequence_len")
    findings: list[tuple[str, str, str]] = []
    kind = format_of(entry)
    try:
        sides = ([(" (chosen)", preference_layout(entry)), (" (rejected)", preference_layout(entry, "field_rejected"))]
                 if kind == "preference" else [("", preference_layout(entry, "field_completion"))] if kind == "kto"
                 else [("", entry)])
    except PromptError as error:
        return [("error", source, str(error))]
    rows = tqdm(iter_jsonl(path), desc=f"audit {source}", unit=" rows", leave=False, disable=not sys.stderr.isatty())
    for number, obj, _ in rows:
        if number in skip_lines:
            continue
        where = f"{source}:{number}"
        for side, side_entry in sides:  # a preference pair is audited on both of its answers
            try:
                encoded = encode(obj, side_entry, tokenizer, config)
            except PromptError as error:
                findings.append(("error", where, f"cannot format the example{side}: {error}"))
                continue
            lengths.append(len(encoded.input_ids))
            fractions.append(encoded.supervised / max(1, len(encoded.input_ids)))
            findings += [(level, at + side, message) for level, at, message in audit_row(encoded, where, eos_id, eos_text, sequence_len)]
    return findings
