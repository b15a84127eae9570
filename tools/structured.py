"""Structured decoding: generation constrained to a JSON Schema (or to any JSON object).

    python -m tools.structured datasets/json-extractor/output.schema.json   # check that a schema compiles

The library is llguidance (guidance-ai; a Rust core with Python bindings and no dependencies, so it
sits beside the pinned transformers 5.16 / torch 2.13 without touching them; llama.cpp ships the
same engine). At every decoding step it gives the set of tokens that keep the output a prefix of
some document the schema accepts; `GrammarProcessor` (a transformers LogitsProcessor) masks every
other token. xgrammar 0.2.9 would need triton and its own torch-compiled kernels; outlines 1.3
pulls in a larger dependency tree. `make bench` measures what the constraint costs in tokens/s.

A schema is read from the recipe's `generation.json_schema` (a file) or, in `make serve`, from an
OpenAI `response_format` (`json_schema`, or `json_object` for any JSON object).
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

ANY_OBJECT = {"type": "object"}  # OpenAI's response_format {"type": "json_object"}
# Python's json.dumps separators, which the training data uses; any others would fight the model.
SEPARATORS = {"whitespace_flexible": False, "item_separator": ", ", "key_separator": ": "}


class SchemaError(ValueError):
    """A schema the grammar engine cannot compile; the message is the engine's reason."""


def from_response_format(response_format: dict[str, Any]) -> dict[str, Any] | None:
    """The schema an OpenAI `response_format` asks for: `json_schema` (its `schema`), `json_object`
    (any JSON object), `text` (None: no constraint). SchemaError for anything else."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError as MetaError

    kind = response_format.get("type")
    if kind == "text":
        return None
    if kind == "json_object":
        return dict(ANY_OBJECT)
    if kind != "json_schema":
        raise SchemaError(f"response_format.type {kind!r}: use 'json_schema', 'json_object' or 'text'")
    spec = response_format.get("json_schema")
    schema = spec.get("schema") if isinstance(spec, dict) else None
    if not isinstance(schema, dict):
        raise SchemaError("response_format.json_schema.schema: a JSON Schema object is required")
    try:
        Draft202012Validator.check_schema(schema)
    except MetaError as error:
        raise SchemaError(f"response_format.json_schema.schema is not a valid JSON Schema: {error.message}") from None
    compile_grammar(schema)
    return schema


def load_schema(path: str | Path) -> dict[str, Any]:
    """A JSON Schema file, checked against the JSON Schema meta-schema (SchemaError otherwise)."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError as MetaError

    try:
        schema = json.loads(Path(path).read_text())
    except (OSError, json.JSONDecodeError) as error:
        raise SchemaError(f"{path}: cannot read a JSON Schema ({error})") from None
    if not isinstance(schema, dict):
        raise SchemaError(f"{path}: a JSON Schema is a JSON object, not a {type(schema).__name__}")
    try:
        Draft202012Validator.check_schema(schema)
    except MetaError as error:
        raise SchemaError(f"{path}: not a valid JSON Schema: {error.message}") from None
    return schema


def compile_grammar(schema: dict[str, Any]) -> str:
    """The engine's grammar for a schema; SchemaError with the engine's reason when it cannot compile it.
    Keys keep their order: the grammar writes properties in the schema's order, the order trained on."""
    return _compile(json.dumps(schema))


@lru_cache(maxsize=64)
def _compile(schema_text: str) -> str:
    from llguidance import LLMatcher

    schema = json.loads(schema_text)

    try:
        grammar = LLMatcher.grammar_from_json_schema(schema, defaults=SEPARATORS)
    except (ValueError, TypeError) as error:
        raise SchemaError(f"the JSON Schema cannot be used for constrained decoding: {error}") from None
    problem = LLMatcher.validate_grammar(grammar)
    if problem and not problem.startswith("WARNING"):
        raise SchemaError(f"the JSON Schema cannot be used for constrained decoding: {problem}")
    return grammar


def engine_tokenizer(tokenizer):
    """llguidance's view of a transformers tokenizer, built once per tokenizer object (~1 s)."""
    cached = getattr(tokenizer, "_llguidance_tokenizer", None)
    if cached is None:
        import llguidance.hf

        cached = llguidance.hf.from_tokenizer(tokenizer, n_vocab=len(tokenizer))
        tokenizer._llguidance_tokenizer = cached
    return cached


class Constraint:
    """One sequence kept inside a grammar: `allowed(tokens)` consumes the tokens chosen since the last
    call and returns the vocabulary mask of the next step (True: allowed). Once the document is
    complete (or the matcher is in error), only the end-of-sequence token is allowed."""

    def __init__(self, tokenizer, grammar: str):
        from llguidance import LLMatcher

        self.matcher = LLMatcher(engine_tokenizer(tokenizer), grammar, log_level=0)
        self.vocab = len(tokenizer)
        self.eos = tokenizer.eos_token_id
        self.consumed = 0

    def allowed(self, tokens: list[int], width: int):
        import numpy as np
        import torch

        for token in tokens[self.consumed:]:
            if not self.matcher.is_stopped() and not self.matcher.is_error():
                self.matcher.consume_token(int(token))
        self.consumed = len(tokens)
        words = torch.zeros(((self.vocab + 31) // 32,), dtype=torch.int32)
        if self.matcher.is_error() or self.matcher.is_stopped():
            words[self.eos // 32] = 1 << (self.eos % 32)
        else:
            self.matcher.unsafe_compute_mask_ptr(words.data_ptr(), words.numel() * words.element_size())
        bits = np.unpackbits(words.numpy().view(np.uint8), bitorder="little")[:width].astype(bool)
        mask = torch.from_numpy(bits)
        return torch.nn.functional.pad(mask, (0, width - mask.shape[0])) if mask.shape[0] < width else mask


class GrammarProcessor:
    """A transformers LogitsProcessor that keeps every row of a `generate()` batch inside the grammar:
    each row has its own Constraint, fed the tokens generated after the (left-padded) prompt."""

    def __init__(self, tokenizer, grammar: str, batch_size: int, prompt_len: int):
        self.constraints = [Constraint(tokenizer, grammar) for _ in range(batch_size)]
        self.prompt_len = prompt_len

    def __call__(self, input_ids, scores):
        import torch

        allowed = torch.stack([c.allowed(input_ids[row, self.prompt_len:].tolist(), scores.shape[1])
                               for row, c in enumerate(self.constraints)]).to(scores.device)
        return scores.masked_fill(~allowed, float("-inf"))


def main(argv: list[str] | None = None) -> int:
    paths = argv if argv is not None else sys.argv[1:]
    if not paths:
        print("usage: python -m tools.structured <schema.json> [...]", file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        try:
            compile_grammar(load_schema(path))
            print(f"ok    {path}")
        except SchemaError as error:
            print(f"FAIL  {error}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
