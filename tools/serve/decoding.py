"""Token-level batched decoding: requests join and leave a running batch between decoding steps.

A `Batch` holds the rows being generated together and one KV cache for all of them, left-padded
(each row's entries are right-aligned, its padding masked out, its positions its own). `add()`
prefills new rows together and splices their cache into the running one; `step()` feeds every
row's last token through the model once and picks each row's next token with that row's own
settings; `keep()` drops rows between steps (finished, cancelled, past their deadline), so a
request that goes away costs at most the step already under way.

Next-token choice is `model.generate`'s (tools.generation.generate_ids): the logits of the last
position in float32, then repetition penalty over the row's prompt and tokens, then for sampling
rows temperature, top-k (the model's generation_config default, else 50, when the settings leave
it unset) and top-p, then argmax or a multinomial draw. A greedy row therefore gets the tokens
one-by-one generation gives, up to the rounding of different matmul shapes (identical in fp32;
tests/test_serve.py compares them through the server). Rows of different recipes share a batch:
with several PEFT adapters loaded, a batch of one adapter runs with that adapter active, a batch of
several passes PEFT's `adapter_names` (one per row, "__base__" for a recipe without an adapter).
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any

from tools.generation import Settings

BASE_ADAPTER = "__base__"  # PEFT's name for "no adapter" in a mixed-adapter batch


@dataclass(eq=False)
class Row:
    """One sequence in the batch: its prompt, settings and the tokens generated so far."""

    prompt: list[int]
    settings: Settings
    adapter: str | None = None  # PEFT adapter name; None: the base model (or the only adapter)
    tokens: list[int] = field(default_factory=list)
    position: int = 0  # position id of the next token fed to the model
    constraint: Any = None  # tools.structured.Constraint when the answer must follow a JSON Schema
    _ids: Any = None  # prompt + tokens as a [1, n] tensor, kept only for a repetition penalty

    @property
    def last(self) -> int:
        return self.tokens[-1]


def _choice_key(settings: Settings, default_top_k: int) -> tuple:
    """Rows with equal keys pick their next token through the same processors, in one call."""
    penalty = settings.repetition_penalty if settings.repetition_penalty not in (None, 1.0) else None
    if not settings.do_sample:
        return (penalty, False)
    temperature = settings.temperature if settings.temperature not in (None, 1.0) else None
    top_p = settings.top_p if settings.top_p is not None and settings.top_p < 1.0 else None
    return (penalty, True, temperature, settings.top_k or default_top_k, top_p)


def _processors(key: tuple):
    """The logits processors `generate` builds for these settings, in its order."""
    from transformers import (LogitsProcessorList, RepetitionPenaltyLogitsProcessor, TemperatureLogitsWarper,
                              TopKLogitsWarper, TopPLogitsWarper)

    penalty, sample = key[0], key[1]
    processors = LogitsProcessorList()
    if penalty is not None:
        processors.append(RepetitionPenaltyLogitsProcessor(penalty=penalty))
    if sample:
        temperature, top_k, top_p = key[2:]
        if temperature is not None:
            processors.append(TemperatureLogitsWarper(temperature))
        if top_k:
            processors.append(TopKLogitsWarper(top_k=top_k))
        if top_p is not None:
            processors.append(TopPLogitsWarper(top_p=top_p))
    return processors


class Batch:
    """The rows decoded together by one model, and their shared KV cache."""

    def __init__(self, model, mixed_adapters: bool = False, pad_token_id: int = 0):
        import torch

        self.model, self.mixed_adapters, self.pad = model, mixed_adapters, pad_token_id
        self.device = next(model.parameters()).device
        self.rows: list[Row] = []
        self.cache = None
        self.mask = torch.zeros((0, 0), dtype=torch.long, device=self.device)
        base = model.get_base_model() if hasattr(model, "get_base_model") else model
        self._logits_to_keep = "logits_to_keep" in inspect.signature(base.forward).parameters
        config = getattr(base, "generation_config", None)
        self._default_top_k = getattr(config, "top_k", None) or 50  # generate's default when top_k is unset
        self._processors: dict[tuple, Any] = {}

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        """Cached positions per row (prompt, tokens and left padding)."""
        return int(self.mask.shape[1])

    @property
    def can_join(self) -> bool:
        """New rows can join while others run: every cache layer is a plain growing one (no sliding
        window, no static or quantised cache), whose tensors can be padded and concatenated."""
        if self.cache is None:
            return True
        from transformers.cache_utils import DynamicLayer

        return all(type(layer) is DynamicLayer for layer in self.cache.layers)

    # ------------------------------------------------------------ the model calls
    def add(self, rows: list[Row]) -> None:
        """Prefill `rows` in one left-padded forward, pick their first tokens, merge them in."""
        import torch

        if not rows:
            return
        if self.rows and not self.can_join:
            raise RuntimeError("this model's cache cannot take new rows while others run; wait for an empty batch")
        width = max(len(r.prompt) for r in rows)
        ids = torch.full((len(rows), width), self.pad, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, row in enumerate(rows):
            ids[i, width - len(row.prompt):] = torch.tensor(row.prompt, dtype=torch.long)
            mask[i, width - len(row.prompt):] = 1
            row.position = len(row.prompt)
        ids, mask = ids.to(self.device), mask.to(self.device)
        positions = (mask.cumsum(-1) - 1).masked_fill(mask == 0, 0)
        logits, cache = self._forward(rows, ids, mask, positions, None)
        self._merge(rows, mask, cache)
        self._choose(rows, logits)

    def step(self) -> None:
        """One new token for every row."""
        import torch

        if not self.rows:
            return
        ids = torch.tensor([[r.last] for r in self.rows], dtype=torch.long, device=self.device)
        positions = torch.tensor([[r.position] for r in self.rows], dtype=torch.long, device=self.device)
        self.mask = torch.cat([self.mask, self.mask.new_ones((len(self.rows), 1))], dim=1)
        logits, self.cache = self._forward(self.rows, ids, self.mask, positions, self.cache)
        for row in self.rows:
            row.position += 1
        self._choose(self.rows, logits)

    def keep(self, rows: list[Row]) -> None:
        """Keep only `rows` (a subset, any order kept as in the batch); frees the others' cache."""
        import torch

        wanted = {id(r) for r in rows}
        indices = [i for i, r in enumerate(self.rows) if id(r) in wanted]
        if len(indices) == len(self.rows):
            return
        if not indices:
            self.rows, self.cache = [], None
            self.mask = self.mask.new_zeros((0, 0))
            return
        index = torch.tensor(indices, dtype=torch.long, device=self.device)
        self.rows = [self.rows[i] for i in indices]
        self.mask = self.mask[index]
        for layer in self.cache.layers:
            layer.batch_select_indices(index)
        # Columns that are padding for every remaining row: drop them (shorter attention).
        used = self.mask.any(dim=0).nonzero()
        first = int(used[0]) if len(used) else 0
        if first and self.can_join:
            self.mask = self.mask[:, first:]
            for layer in self.cache.layers:
                layer.keys, layer.values = layer.keys[..., first:, :], layer.values[..., first:, :]

    # ------------------------------------------------------------ internals
    def _forward(self, rows: list[Row], ids, mask, positions, cache):
        import torch

        kwargs: dict[str, Any] = {"input_ids": ids, "attention_mask": mask, "position_ids": positions,
                                  "past_key_values": cache, "use_cache": True}
        if self._logits_to_keep:
            kwargs["logits_to_keep"] = 1
        with torch.no_grad(), self._adapters(rows, kwargs):
            out = self.model(**kwargs)
        return out.logits[:, -1].to(dtype=torch.float32), out.past_key_values

    def _adapters(self, rows: list[Row], kwargs: dict[str, Any]):
        """Rows of one adapter: that adapter made active (PEFT's plain forward, as one-by-one
        generation runs it); of several: PEFT's mixed batch, which adds each LoRA term in the
        model's precision and so rounds differently in bf16 (identical in fp32)."""
        import contextlib

        if not self.mixed_adapters:
            return contextlib.nullcontext()
        names = {r.adapter or BASE_ADAPTER for r in rows}
        if len(names) > 1:
            kwargs["adapter_names"] = [r.adapter or BASE_ADAPTER for r in rows]
            return contextlib.nullcontext()
        name = names.pop()
        if name == BASE_ADAPTER:
            return self.model.disable_adapter()
        if self.model.active_adapter != name:
            self.model.set_adapter(name)
        return contextlib.nullcontext()

    def _merge(self, rows: list[Row], mask, cache) -> None:
        """Append the prefilled rows; the shorter of the two caches is left-padded to the other's width."""
        import torch
        import torch.nn.functional as F

        if not self.rows:
            self.rows, self.cache, self.mask = list(rows), cache, mask
            return
        width = max(self.width, int(mask.shape[1]))
        pad_old, pad_new = width - self.width, width - int(mask.shape[1])
        self.mask = torch.cat([F.pad(self.mask, (pad_old, 0)), F.pad(mask, (pad_new, 0))], dim=0)
        for old, new in zip(self.cache.layers, cache.layers):
            old.keys = torch.cat([F.pad(old.keys, (0, 0, pad_old, 0)), F.pad(new.keys, (0, 0, pad_new, 0))], dim=0)
            old.values = torch.cat([F.pad(old.values, (0, 0, pad_old, 0)), F.pad(new.values, (0, 0, pad_new, 0))],
                                   dim=0)
        self.rows += rows

    def _choose(self, rows: list[Row], logits) -> None:
        """Each row's next token from its logits, with its settings' processors (grouped by settings)."""
        import torch

        for i, row in enumerate(rows):  # a JSON Schema row: tokens outside the grammar are impossible
            if row.constraint is not None:
                allowed = row.constraint.allowed(row.tokens, logits.shape[1]).to(logits.device)
                logits[i] = logits[i].masked_fill(~allowed, float("-inf"))
        chosen = logits.argmax(dim=-1)
        groups: dict[tuple, list[int]] = {}
        for i, row in enumerate(rows):
            key = _choice_key(row.settings, self._default_top_k)
            if key != (None, False):  # plain greedy needs nothing more than the argmax
                groups.setdefault(key, []).append(i)
        for key, members in groups.items():
            processors = self._processors.get(key) or self._processors.setdefault(key, _processors(key))
            index = torch.tensor(members, dtype=torch.long, device=logits.device)
            ids = self._ids([rows[i] for i in members]) if key[0] is not None else None
            scores = processors(ids, logits[index])
            if key[1]:
                picks = torch.multinomial(torch.softmax(scores, dim=-1), num_samples=1).squeeze(1)
            else:
                picks = scores.argmax(dim=-1)
            chosen[index] = picks
        for row, token in zip(rows, chosen.tolist()):
            row.tokens.append(int(token))
            if row._ids is not None:
                row._ids = torch.cat([row._ids, row._ids.new_tensor([[token]])], dim=1)

    def _ids(self, rows: list[Row]):
        """Prompt + tokens of each row as one tensor for the repetition penalty. Shorter rows repeat
        their own first id: the penalty is set per distinct token, so a repeat changes nothing."""
        import torch

        for row in rows:
            if row._ids is None:
                row._ids = torch.tensor([row.prompt + row.tokens], dtype=torch.long, device=self.device)
        width = max(r._ids.shape[1] for r in rows)
        return torch.cat([torch.cat([r._ids, r._ids[:, :1].expand(1, width - r._ids.shape[1])], dim=1)
                          for r in rows], dim=0)
