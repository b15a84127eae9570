"""Mean negative log-likelihood per answer token on held-out files, base vs fine-tuned.

    python -m evaluation.nll qwen-personal-qa --model smollm2-135m-instruct

Rows are encoded with `tools.prompting.encode`, so the prompt is masked exactly as in training
(labels -100); only answer tokens (and the supervised end-of-turn token) count. Rows longer than
`sequence_len` are left out, as training leaves them out (the count is in the report). Scoring is
batched: examples sorted by length, right-padded, with an attention mask; padding never
changes a number (tests compare with one-by-one scoring). A file's NLL is token-weighted
(total NLL / total answer tokens); perplexity = exp(NLL).
"""
from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

from evaluation.common import MetricResult, variants
from tools.prompting import IGNORE, encode
from tools.paths import display

MAX_BATCH_TOKENS = 2048  # padded tokens per forward pass: bounds the logits tensor (tokens x vocabulary)
MAX_BATCH_SIZE = 16


def score(model, sequences: list[tuple[list[int], list[int]]], pad_id: int, max_batch_tokens: int = MAX_BATCH_TOKENS,
          max_batch_size: int = MAX_BATCH_SIZE, progress: str | None = None) -> list[tuple[float, int]]:
    """(sum of NLL over supervised tokens, number of supervised tokens) per (input_ids, labels)."""
    import torch
    import torch.nn.functional as F
    from tqdm import tqdm

    device = next(model.parameters()).device
    order = sorted(range(len(sequences)), key=lambda i: len(sequences[i][0]), reverse=True)
    batches, current = [], []
    for index in order:  # longest first: the first batch shows at once whether memory suffices
        width = len(sequences[current[0]][0]) if current else len(sequences[index][0])
        if current and (len(current) >= max_batch_size or width * (len(current) + 1) > max_batch_tokens):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    out: list[tuple[float, int]] = [(0.0, 0)] * len(sequences)
    bar = tqdm(total=len(sequences), desc=progress, disable=progress is None, leave=False, file=sys.stderr)
    with torch.no_grad():
        for batch in batches:
            width = max(len(sequences[i][0]) for i in batch)
            ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
            labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, index in enumerate(batch):
                input_ids, target = sequences[index]
                ids[row, : len(input_ids)] = torch.tensor(input_ids)
                labels[row, : len(target)] = torch.tensor(target)
                mask[row, : len(input_ids)] = 1
            logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits.float()
            shifted = labels[:, 1:].to(device)  # token t is predicted from position t-1
            losses = F.cross_entropy(logits[:, :-1].transpose(1, 2), shifted, ignore_index=IGNORE, reduction="none")
            sums = losses.sum(dim=1).tolist()
            counts = (shifted != IGNORE).sum(dim=1).tolist()
            for row, index in enumerate(batch):
                out[index] = (float(sums[row]), int(counts[row]))
            bar.update(len(batch))
    bar.close()
    return out


def mean_nll(total: float, tokens: int) -> float | None:
    return total / tokens if tokens else None


def perplexity(nll: float | None) -> float | None:
    return math.exp(nll) if nll is not None and nll < 50 else None


def _summary(pairs: list[tuple[float, int]]) -> dict[str, Any]:
    total, tokens = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    nll = mean_nll(total, tokens)
    return {"nll": nll, "perplexity": perplexity(nll), "tokens": tokens, "examples": len(pairs)}


def evaluate(loaded, config: dict[str, Any]) -> MetricResult:
    """NLL of every `evaluation.nll` file for each variant; per-category when `category_field` is set."""
    from tools.data import load_rows, resolve_path

    evaluation = config.get("evaluation") or {}
    category_field = evaluation.get("category_field")
    tokenizer = loaded.tokenizer
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    result = MetricResult()
    files: dict[str, Any] = {}
    every: dict[str, list[tuple[float, int]]] = {}
    from tools.settings import value

    sequence_len = int(value(config, "sequence_len"))
    dropped: dict[str, int] = {}
    for entry in evaluation.get("nll") or []:
        source = display(resolve_path(entry["path"]))
        result.data_files[source] = "nll"
        # Score what training would keep: an example longer than sequence_len is dropped there too.
        rows, encoded = [], []
        for row in load_rows(entry):
            enc = encode(row.data, entry, tokenizer, config)
            if len(enc.input_ids) > sequence_len:
                dropped[source] = dropped.get(source, 0) + 1
                continue
            rows.append(row)
            encoded.append(enc)
        sequences = [(e.input_ids, e.labels) for e in encoded]
        scored = {}
        for variant, context in variants(loaded):
            with context:
                scored[variant] = score(loaded.model, sequences, pad_id, progress=f"nll {Path(source).name} {variant}")
            every.setdefault(variant, []).extend(scored[variant])
        per_example = []
        for position, row in enumerate(rows):
            item = {"where": row.where, "answer_tokens": encoded[position].supervised}
            if category_field:
                item["category"] = row.data.get(category_field)
            for variant, pairs in scored.items():
                item[f"nll_{variant}"] = mean_nll(*pairs[position])
            per_example.append(item)
        stem = Path(source).stem
        result.files[f"nll_{stem}.jsonl"] = per_example
        file_detail: dict[str, Any] = {"path": source, "variants": {v: _summary(p) for v, p in scored.items()}}
        if category_field:
            categories: dict[str, dict[str, list]] = {}
            for position, row in enumerate(rows):
                name = str(row.data.get(category_field, "(none)"))
                for variant, pairs in scored.items():
                    categories.setdefault(name, {}).setdefault(variant, []).append(pairs[position])
            file_detail["categories"] = {name: {v: _summary(p) for v, p in by_variant.items()}
                                         for name, by_variant in sorted(categories.items())}
        files[source] = file_detail
    for variant, pairs in every.items():
        summary = _summary(pairs)
        result.metrics[variant]["nll"] = summary["nll"]
        result.metrics[variant]["perplexity"] = summary["perplexity"]
    result.details["nll"] = files
    if dropped:
        result.details["nll_dropped_too_long"] = {"sequence_len": sequence_len, "files": dropped}
    return result


def main(argv: list[str] | None = None) -> int:
    from evaluation.common import metric_main

    return metric_main(argv, "python -m evaluation.nll", __doc__, lambda loaded, recipe: evaluate(loaded, recipe.config))


if __name__ == "__main__":
    sys.exit(main())
