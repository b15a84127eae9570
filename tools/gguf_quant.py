"""GGUF types `make export` writes, how each is made, and the thresholds each must meet.

    make export RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct QUANT=q4_k_m

- f32, f16, bf16, q8_0: written by llama.cpp's converter (convert-hf-to-gguf) from the merged folder.
- q4_k_m, q5_k_m (k-quants): the converter writes f16, then llama.cpp's own quantizer
  (`llama_model_quantize`, shipped compiled in llama-cpp-python: `make setup-llamacpp`) writes the
  k-quant, with its mixture of types per tensor (the `_m` recipes keep some tensors at 6 bits).
  Rows whose length is not a multiple of 256 cannot hold k-quant blocks; llama.cpp then falls back to
  q5_0/q5_1/q8_0 for those tensors and the export says how many did (all the 576-wide tensors of
  the embedded 135M model: bench item 10).

Every type is verified against the merged model (tools/gguf_verify.py): greedy next-token agreement
at least `export.min_greedy_agreement.<quant>`; the k-quants also have their NLL per answer token in
llama.cpp compared with the f16 GGUF they were quantized from: at most `export.max_nll_ratio.<quant>`.
A value a recipe leaves out is the schema's default (tools/recipe.schema.json, the one place
defaults are written). q8_0's NLL is 1.005x f16's (bench item 10) and is not checked on every
export, which would cost a second conversion of the merged model.
"""
from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator


class QuantError(RuntimeError):
    """A GGUF type cannot be made here; the message says what to do."""


@dataclass(frozen=True)
class Quant:
    name: str
    converter_type: str | None  # convert-hf-to-gguf --outtype, when the converter writes it
    llama_ftype: str | None  # llama_cpp.LLAMA_FTYPE_* for llama.cpp's quantizer (input: f16 GGUF)
    nll_checked: bool  # k-quants: their NLL is compared with the f16 GGUF they were made from (export.max_nll_ratio)
    # llama.cpp's greedy text must start with the merged model's words (gguf_verify.MIN_SAME_SHARE);
    # 4-5 bit weights legitimately change a small model's wording, so the k-quants' quality gates
    # are the two numbers above and their text is only checked for tokenizer damage.
    same_words_gate: bool = True


QUANTS = {
    "f32": Quant("f32", "f32", None, False),
    "f16": Quant("f16", "f16", None, False),
    "bf16": Quant("bf16", "bf16", None, False),
    "q8_0": Quant("q8_0", "q8_0", None, False),  # NLL 1.005x f16's (bench item 10); not worth a second conversion
    "q5_k_m": Quant("q5_k_m", None, "LLAMA_FTYPE_MOSTLY_Q5_K_M", True, same_words_gate=False),
    "q4_k_m": Quant("q4_k_m", None, "LLAMA_FTYPE_MOSTLY_Q4_K_M", True, same_words_gate=False),
}


def get(name: str) -> Quant:
    if name not in QUANTS:
        raise QuantError(f"QUANT={name}: use one of {', '.join(QUANTS)}")
    return QUANTS[name]


def thresholds(settings: dict[str, Any], quant: str) -> tuple[float, float | None]:
    """(min greedy agreement, max NLL ratio or None when not checked) for `quant`: the recipe's
    export section, else the schema's defaults."""
    from tools.recipe_schema import default_at

    kind = get(quant)
    agreement = (settings.get("min_greedy_agreement") or {}).get(quant)
    if agreement is None:
        agreement = default_at(("export", "min_greedy_agreement", quant))
    ratio = (settings.get("max_nll_ratio") or {}).get(quant) if kind.nll_checked else None
    if ratio is None and kind.nll_checked:
        ratio = default_at(("export", "max_nll_ratio", quant))
    return float(agreement), (float(ratio) if ratio is not None else None)


def llama_cpp_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("llama_cpp") is not None


def require_quantizer(quant: str) -> None:
    """A k-quant needs llama.cpp's quantizer; without llama-cpp-python, say how to get it."""
    if get(quant).llama_ftype and not llama_cpp_available():
        raise QuantError(f"QUANT={quant} is made by llama.cpp's own quantizer, which comes with llama-cpp-python: "
                         f"run `make setup-llamacpp` (compiles llama.cpp, ~8 min), or export QUANT=q8_0 or f16, "
                         f"which llama.cpp's converter writes without it")


@contextlib.contextmanager
def _llama_log_to(path: Path) -> Iterator[None]:
    """Keep llama.cpp's per-tensor quantizer lines in a log file: they reach file descriptor 2 from C
    and sys.stderr through llama-cpp-python's log callback (which drops them once any
    `Llama(verbose=False)` has set its logger to errors only)."""
    logger = logging.getLogger("llama-cpp-python")
    level = logger.level
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "w") as log, contextlib.redirect_stderr(log):
        logger.setLevel(logging.INFO)
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            log.flush()
            os.dup2(saved, 2)
            os.close(saved)
            logger.setLevel(level)


def quantize(source: Path, target: Path, quant: str, log_path: Path) -> dict[str, Any]:
    """f16 GGUF `source` -> `target` in `quant` with llama.cpp's quantizer. Returns facts for verification.json."""
    require_quantizer(quant)
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = getattr(llama_cpp, get(quant).llama_ftype)
    params.nthread = os.cpu_count() or 1
    print(f"llama.cpp quantizer: {source.name} -> {quant} (log: {log_path.name})", flush=True)
    with _llama_log_to(log_path):
        code = llama_cpp.llama_model_quantize(str(source).encode(), str(target).encode(), ctypes.byref(params))
    text = log_path.read_text(errors="replace")
    if code != 0 or not target.is_file():
        tail = "\n".join(text.strip().splitlines()[-10:])
        raise QuantError(f"llama.cpp's quantizer failed (code {code}) on {source.name}; log {log_path}:\n{tail}")
    facts: dict[str, Any] = {"quantizer": f"llama.cpp via llama-cpp-python {llama_cpp.__version__}"}
    fallback = re.search(r"(\d+) of (\d+) tensor\(s\) required fallback quantization", text)
    if fallback:
        facts["fallback_tensors"] = f"{fallback.group(1)} of {fallback.group(2)}"
        print(f"note: {fallback.group(1)} of {fallback.group(2)} tensors have rows that are not a multiple of 256 "
              f"and were stored in llama.cpp's fallback types (q5_0/q5_1/q8_0) instead of k-quant blocks", flush=True)
    return facts
