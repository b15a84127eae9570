"""Verify an exported GGUF before it gets its final name: its tokenizer, its logits, its text in llama.cpp.

Three checks, each returning facts for gguf/verification.json:

1. tokenizer  the GGUF's tokenizer metadata (type, pre-tokenizer, merges, vocabulary size,
              bos/eos/pad ids, chat template) against the base model's own tokenizer as
              llama.cpp's converter declares it (the embedded model: its original GGUF; a hub
              model: a vocab-only conversion of its cache folder) and against the run's tokenizer
              (special tokens, chat template). A mismatch is an error naming the field.
2. logits     the GGUF read back with transformers against the merged model on the recipe's
              evaluation prompts: relative error of the logits and greedy next-token agreement
              (the gate: export.min_greedy_agreement).
3. llama.cpp  when llama-cpp-python is installed (requirements-llamacpp.txt): the GGUF answers the
              first evaluation prompts greedily in llama.cpp itself; the decoded text must equal
              the merged model's for the first words and contain no byte-level markers (Ġ, Ċ) or
              mojibake; and llama.cpp's chat formatting of the GGUF's chat template must give the
              training prompt for a user message.
4. NLL        k-quants (made with llama-cpp-python): the mean NLL per answer token of the
              evaluation rows in llama.cpp, this GGUF over the f16 GGUF it was quantized from
              (the gate: export.max_nll_ratio.<quant>), and how often their next tokens agree.
5. adapter    the adapter route (tools/gguf_adapter.py): llama.cpp running the base GGUF with the
              LoRA GGUF against llama.cpp running the merged GGUF of the same type: the same
              greedy next token on the evaluation prompts (export.min_greedy_agreement.<quant>).

Not a command; `tools/export.py` runs these in its step 3.
"""
from __future__ import annotations

import contextlib
import functools
import importlib.util
import re
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from tools.gguf_tokenizer import TokenizerMetadata, compare_metadata, read_metadata

SAME_FIRST_WORDS = 5  # llama.cpp's greedy text must start with the merged model's first words...
MIN_SAME_SHARE = 0.8  # ...on at least this share of the prompts: llama.cpp's q8_0 kernels also round
# the activations to 8 bits, so a near-tie between two tokens can flip where transformers' read-back
# (which dequantises only the weights) does not. Byte-level markers or mojibake fail on any prompt.
BYTE_LEVEL_MARKERS = ("Ġ", "Ċ", "ĉ", "▁")
MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€")


class VerifyError(RuntimeError):
    """The GGUF cannot be verified or is wrong; the message says which field or what to do."""


# ---------------------------------------------------------------- prompts
def evaluation_prompts(recipe, tokenizer, limit: int) -> list[list[int]]:
    """Prompt ids from the recipe's evaluation and validation files (training files when none)."""
    from tools.data import DataError, load_rows
    from tools.prompting import split_prompt_answer

    config = recipe.config
    entries = list((config.get("evaluation") or {}).get("nll") or []) + list(config.get("test_datasets") or [])
    entries = entries or list(config["datasets"])
    prompts: list[list[int]] = []
    for entry in entries:
        try:
            rows = load_rows(entry)
        except DataError as error:
            raise VerifyError("data errors in the evaluation files:\n" + "\n".join(error.errors[:10])) from None
        for row in rows:
            ids, _ = split_prompt_answer(row.data, entry, tokenizer, config)
            if ids not in prompts:
                prompts.append(ids)
            if len(prompts) >= limit:
                return prompts
    return prompts


def evaluation_sequences(recipe, tokenizer, limit: int) -> list[tuple[list[int], list[int]]]:
    """(input_ids, labels) of whole evaluation rows (answers included), for NLL; same files as the prompts."""
    from tools.data import DataError, load_rows
    from tools.prompting import encode

    config = recipe.config
    entries = list((config.get("evaluation") or {}).get("nll") or []) + list(config.get("test_datasets") or [])
    sequences: list[tuple[list[int], list[int]]] = []
    for entry in entries or list(config["datasets"]):
        try:
            rows = load_rows(entry)
        except DataError as error:
            raise VerifyError("data errors in the evaluation files:\n" + "\n".join(error.errors[:10])) from None
        for row in rows:
            encoded = encode(row.data, entry, tokenizer, config)
            if any(label != -100 for label in encoded.labels[1:]):
                sequences.append((list(encoded.input_ids), list(encoded.labels)))
            if len(sequences) >= limit:
                return sequences
    return sequences


def greedy(model, prompt: list[int], new_tokens: int, eos: int | None) -> list[int]:
    """Greedy tokens, one forward pass per token over the key/value cache: a plain argmax, unlike
    `generate()`, which would apply the merged folder's generation_config (the recipe's
    repetition_penalty) to one model only. (Re-running the whole sequence for each token, as this
    once did, gave the same tokens at 3.5x the cost on 16 prompts.)"""
    import torch

    new: list[int] = []
    step, past = torch.tensor([list(prompt)]), None
    with torch.no_grad():
        for _ in range(new_tokens):
            out = model(input_ids=step, past_key_values=past, use_cache=True)
            token = int(out.logits[0, -1].argmax())
            new.append(token)
            if token == eos:
                break
            step, past = torch.tensor([[token]]), out.past_key_values
    return new


# ---------------------------------------------------------------- 1. tokenizer
def base_tokenizer_metadata(base) -> TokenizerMetadata:
    """The base model's tokenizer as a GGUF declares it: the embedded model's original GGUF, or
    llama.cpp's converter run vocab-only on the base folder (seconds: no tensors are written)."""
    if base.source == "embedded":
        from tools.models import embedded_gguf_path

        return read_metadata(embedded_gguf_path())
    from tools.export import converter_command

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "base-vocab.gguf"
        result = subprocess.run(converter_command() + [str(base.path), "--vocab-only", "--outfile", str(target)],
                                capture_output=True, text=True)
        if result.returncode != 0 or not target.is_file():
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-8:])
            raise VerifyError(f"llama.cpp's converter cannot read the base model's tokenizer in {base.path}:\n{tail}")
        return read_metadata(target)


def check_tokenizer(gguf_file: Path, base, tokenizer, chat_template: str | None) -> dict[str, Any]:
    """Compare the GGUF's tokenizer with the base's (type, pre-tokenizer, merges, size) and the run's
    (`tokenizer`'s special tokens, the recipe's `chat_template`); VerifyError names each field that differs."""
    expected = base_tokenizer_metadata(base)
    exported = read_metadata(gguf_file)
    special = {"bos": tokenizer.bos_token_id, "eos": tokenizer.eos_token_id, "pad": tokenizer.pad_token_id}
    problems = compare_metadata(expected, exported, special, chat_template)
    if problems:
        raise VerifyError(f"the tokenizer in {gguf_file.name} is not the base model's ({base.name}): "
                          + "; ".join(problems) + ". llama.cpp and Ollama would tokenise or decode this model wrongly.")
    print(f"tokenizer: {exported.model}/{exported.pre}, {exported.vocab_size} tokens, {exported.merges} merges, "
          f"bos {exported.bos_id} eos {exported.eos_id} pad {exported.pad_id}: same as the base model's", flush=True)
    return {"model": exported.model, "pre": exported.pre, "vocab_size": exported.vocab_size, "merges": exported.merges,
            "bos_id": exported.bos_id, "eos_id": exported.eos_id, "pad_id": exported.pad_id, "matches_base": True}


# ---------------------------------------------------------------- 2. logits (transformers)
@contextlib.contextmanager
def _reuse_gguf_parsing():
    """Within the block, gguf-py's tensor-name map is built once per (architecture, layers) and a GGUF
    file is parsed once. transformers 5.16 reading a GGUF builds the map once per module (397 times for
    the embedded model: ~10 s) and parses the file twice, config then weights (~6 s each); both are
    pure functions of their arguments, so the same objects serve every call (19.8 s -> 7.4 s here)."""
    import gguf

    originals = gguf.get_tensor_name_map, gguf.GGUFReader
    parsed: dict[tuple, Any] = {}

    def reader(path, *args, **kwargs):
        key = (str(path), args, tuple(sorted(kwargs.items())))
        if key not in parsed:
            parsed[key] = originals[1](path, *args, **kwargs)
        return parsed[key]

    gguf.get_tensor_name_map, gguf.GGUFReader = functools.lru_cache(maxsize=None)(originals[0]), reader
    try:
        yield
    finally:
        gguf.get_tensor_name_map, gguf.GGUFReader = originals


def check_logits(reference, gguf_file: Path, tokenizer, prompts: list[list[int]], min_agreement: float,
                 continuation_prompts: int = 3, continuation_tokens: int = 8) -> dict[str, Any]:
    """The GGUF read back with transformers against the merged model on `prompts`."""
    import torch
    from tqdm import tqdm
    from transformers import AutoModelForCausalLM

    start = time.monotonic()
    print(f"Reading {gguf_file.name} back with transformers (dequantised to float32; ~10 s for 135 M parameters)...", flush=True)
    try:
        with _reuse_gguf_parsing():
            exported = AutoModelForCausalLM.from_pretrained(gguf_file.parent, gguf_file=gguf_file.name,
                                                            dtype=torch.float32).eval()
    except (ValueError, KeyError, NotImplementedError, RuntimeError) as error:
        raise VerifyError(f"transformers cannot read the GGUF back ({type(error).__name__}: {error}); "
                          f"it was not verified") from None
    load_seconds = time.monotonic() - start
    diff_sq = ref_sq = 0.0
    agree = positions = last_agree = 0
    worst = 0.0
    with torch.no_grad():
        for prompt in tqdm(prompts, desc="verify", unit="prompt"):
            ids = torch.tensor([prompt])
            a = reference(input_ids=ids).logits[0].double()
            b = exported(input_ids=ids).logits[0].double()
            diff_sq += float(((b - a) ** 2).sum())
            ref_sq += float((a ** 2).sum())
            worst = max(worst, float((b - a).norm() / a.norm()))
            same = a.argmax(-1) == b.argmax(-1)
            agree += int(same.sum())
            positions += same.numel()
            last_agree += int(same[-1])
    continuations = []
    eos = tokenizer.eos_token_id
    for prompt in prompts[:continuation_prompts]:
        ours, theirs = greedy(reference, prompt, continuation_tokens, eos), greedy(exported, prompt, continuation_tokens, eos)
        common = next((i for i, (x, y) in enumerate(zip(ours, theirs)) if x != y), min(len(ours), len(theirs)))
        continuations.append({"merged": tokenizer.decode(ours), "gguf": tokenizer.decode(theirs),
                              "identical": ours == theirs, "common_prefix_tokens": common})
    result = {
        "prompts": len(prompts),
        "positions": positions,
        "relative_error": (diff_sq / ref_sq) ** 0.5,
        "worst_prompt_relative_error": worst,
        # The gate: the next token after each prompt (what greedy decoding picks first).
        "greedy_agreement": last_agree / len(prompts),
        # Every position of the prompts (the prompt's own next tokens): more samples, near-ties included.
        "all_positions_agreement": agree / positions,
        "min_greedy_agreement": min_agreement,
        "greedy_continuations": continuations,
        "gguf_load_seconds": round(load_seconds, 1),
    }
    result["passed"] = result["greedy_agreement"] >= min_agreement
    print(f"relative error {result['relative_error']:.4f} (worst prompt {worst:.4f}); greedy next-token agreement "
          f"{result['greedy_agreement']:.2%} on {len(prompts)} prompts (all {positions} positions: "
          f"{result['all_positions_agreement']:.2%}); needed {min_agreement:.0%}", flush=True)
    for c in continuations:
        print(f"  greedy {continuation_tokens} tokens: {'same' if c['identical'] else 'DIFFERENT'}: {c['merged']!r}"
              + ("" if c["identical"] else f" vs {c['gguf']!r}"))
    return result


# ---------------------------------------------------------------- 3. llama.cpp itself
def llama_cpp_available() -> bool:
    return importlib.util.find_spec("llama_cpp") is not None


def text_problems(text: str) -> list[str]:
    """Signs that a detokenizer got the vocabulary wrong: byte-level markers or UTF-8 read as Latin-1."""
    found = [f"byte-level marker {marker!r}" for marker in BYTE_LEVEL_MARKERS if marker in text]
    match = MOJIBAKE.search(text)
    if match:
        found.append(f"mojibake {match.group(0)!r}")
    return found


def same_first_words(a: str, b: str) -> int:
    words_a, words_b = a.split(), b.split()
    return next((i for i, (x, y) in enumerate(zip(words_a, words_b)) if x != y), min(len(words_a), len(words_b)))


def check_llama_cpp(gguf_file: Path, reference, tokenizer, prompts: list[list[int]], config: dict[str, Any],
                    new_tokens: int = 24, count: int = 5, lora: Path | None = None,
                    chat_template: str | None = None, min_same_share: float = MIN_SAME_SHARE) -> dict[str, Any]:
    """Greedy text of the GGUF (with the LoRA GGUF `lora`, if given) in llama.cpp vs the merged model
    on the first `count` prompts, and llama.cpp's chat formatting of the GGUF's chat template (or of
    `chat_template`) vs the training prompt."""
    longest = max(len(p) for p in prompts[:count])
    llm = _llama(gguf_file, longest + new_tokens + 8, lora=lora)
    try:
        return _compare_in_llama_cpp(llm, reference, tokenizer, prompts[:count], config, new_tokens, chat_template,
                                     min_same_share)
    finally:
        llm.close()


def _llama(gguf_file: Path, context: int, lora: Path | None = None, logits_all: bool = False):
    from llama_cpp import Llama

    return Llama(model_path=str(gguf_file), lora_path=str(lora) if lora else None, n_ctx=max(512, context),
                 logits_all=logits_all, verbose=False, seed=0)


def _compare_in_llama_cpp(llm, reference, tokenizer, prompts: list[list[int]], config: dict[str, Any],
                          new_tokens: int, chat_template: str | None = None,
                          min_same_share: float = MIN_SAME_SHARE) -> dict[str, Any]:
    answers, failures, diverged = [], [], []
    for index, prompt in enumerate(prompts):
        out = llm.create_completion(prompt=list(prompt), max_tokens=new_tokens, temperature=0.0, top_k=1, top_p=1.0,
                                    repeat_penalty=1.0)
        theirs = out["choices"][0]["text"]
        ours = tokenizer.decode(greedy(reference, prompt, new_tokens, tokenizer.eos_token_id), skip_special_tokens=True)
        common = same_first_words(ours, theirs)
        needed = min(SAME_FIRST_WORDS, len(ours.split()))
        problems = text_problems(theirs)
        if common < needed:
            diverged.append(f"prompt {index + 1}: the first {needed} words differ from the merged model's (same: {common})")
        answers.append({"llama_cpp": theirs, "merged": ours, "same_first_words": common, "problems": problems})
        print(f"llama.cpp greedy: {theirs!r}\nmerged greedy:    {ours!r}  (same first {common} words)"
              + (f"  PROBLEMS: {'; '.join(problems)}" if problems else ""), flush=True)
        failures += [f"prompt {index + 1}: {p}" for p in problems]
    same_share = 1 - len(diverged) / len(answers)
    if same_share < min_same_share:
        failures += diverged
    chat = _check_chat_template(llm, tokenizer, config, chat_template)
    failures += chat["problems"]
    return {"answers": answers, "same_first_words_share": same_share, "min_same_share": min_same_share,
            "chat_template": chat, "passed": not failures, "problems": failures}


def _check_chat_template(llm, tokenizer, config: dict[str, Any], template: str | None = None) -> dict[str, Any]:
    """llama-cpp-python's chat formatter, fed the GGUF's own chat template (or `template`), against
    the training prompt."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    from tools.prompting import generation_prompt

    template = template or llm.metadata.get("tokenizer.chat_template")
    if not template:
        return {"problems": ["the GGUF has no tokenizer.chat_template"], "checked": False}
    message = "¿Puedes explicarlo con un ejemplo?"
    formatter = Jinja2ChatFormatter(template=template, eos_token=tokenizer.eos_token or "",
                                    bos_token=tokenizer.bos_token or "", add_generation_prompt=True)
    rendered = formatter(messages=[{"role": "user", "content": message}]).prompt
    expected_ids = generation_prompt(config, tokenizer, message)
    got_ids = llm.tokenize(rendered.encode("utf-8"), add_bos=False, special=True)
    bos = tokenizer.bos_token_id
    if got_ids[:1] != expected_ids[:1] and expected_ids[:1] == [bos]:
        got_ids = [bos] + got_ids  # llama.cpp adds the BOS itself when the GGUF says add_bos_token
    problems = [] if got_ids == expected_ids else [
        f"llama.cpp's chat formatting gives {rendered!r}, training used {tokenizer.decode(expected_ids)!r}"]
    print("llama.cpp chat template: " + ("renders the training prompt" if not problems else problems[0]), flush=True)
    return {"problems": problems, "checked": True, "rendered": rendered}


# ---------------------------------------------------------------- 4. NLL against f16 (llama.cpp)
def _log_softmax(rows):
    import numpy as np

    rows = np.asarray(rows, dtype=np.float64)
    top = rows.max(-1, keepdims=True)
    return rows - top - np.log(np.exp(rows - top).sum(-1, keepdims=True))


def llama_cpp_scores(gguf_file: Path, sequences: list[tuple[list[int], list[int]]], lora: Path | None = None):
    """(summed NLL of the answer tokens, their count, the argmax at each of those positions) in llama.cpp."""
    llm = _llama(gguf_file, max(len(ids) for ids, _ in sequences) + 8, lora=lora, logits_all=True)
    total, count, choices = 0.0, 0, []
    try:
        for ids, labels in sequences:
            llm.reset()
            llm.eval(ids)
            logp = _log_softmax(llm.scores[:len(ids) - 1])
            for position in range(len(ids) - 1):
                if labels[position + 1] != -100:
                    total -= float(logp[position, ids[position + 1]])
                    count += 1
                    choices.append(int(logp[position].argmax()))
    finally:
        llm.close()
    return total, count, choices


def check_nll(gguf_file: Path, f16_file: Path, sequences: list[tuple[list[int], list[int]]],
              max_ratio: float) -> dict[str, Any]:
    """Mean NLL per answer token of `gguf_file` over that of the f16 GGUF, both in llama.cpp."""
    start = time.monotonic()
    nll_q, count, ours = llama_cpp_scores(gguf_file, sequences)
    nll_f16, _, theirs = llama_cpp_scores(f16_file, sequences)
    ratio = (nll_q / count) / (nll_f16 / count) if count and nll_f16 else float("nan")
    agreement = sum(a == b for a, b in zip(ours, theirs)) / max(1, len(ours))
    result = {"sequences": len(sequences), "answer_tokens": count, "nll_per_token": nll_q / max(1, count),
              "nll_per_token_f16": nll_f16 / max(1, count), "nll_ratio": ratio, "max_nll_ratio": max_ratio,
              "next_token_agreement_with_f16": agreement, "passed": ratio <= max_ratio,
              "seconds": round(time.monotonic() - start, 1)}
    print(f"llama.cpp NLL per answer token {result['nll_per_token']:.4f} vs f16 {result['nll_per_token_f16']:.4f}: "
          f"ratio {ratio:.4f} (allowed {max_ratio}); next token as f16's at {agreement:.2%} of {count} answer positions",
          flush=True)
    return result


# ---------------------------------------------------------------- 5. base + LoRA GGUF against the merged GGUF
def check_adapter(base_gguf: Path, adapter_gguf: Path, merged_gguf: Path, prompts: list[list[int]],
                  min_agreement: float) -> dict[str, Any]:
    """llama.cpp with base + adapter vs llama.cpp with the merged GGUF: greedy next token after each prompt."""
    import numpy as np

    context = max(len(p) for p in prompts) + 8
    rows = {}
    for label, path, lora in (("adapter", base_gguf, adapter_gguf), ("merged", merged_gguf, None)):
        llm = _llama(path, context, lora=lora, logits_all=True)
        try:
            rows[label] = []
            for prompt in prompts:
                llm.reset()
                llm.eval(prompt)
                rows[label].append(np.array(llm.scores[llm.n_tokens - 1], dtype=np.float64))
        finally:
            llm.close()
    same = [int(a.argmax()) == int(b.argmax()) for a, b in zip(rows["adapter"], rows["merged"])]
    error = max(float(np.linalg.norm(a - b) / np.linalg.norm(b)) for a, b in zip(rows["adapter"], rows["merged"]))
    base_only = _llama(base_gguf, context, logits_all=True)
    try:  # the adapter must matter: without it, llama.cpp's answers differ from the merged model's
        base_only.reset()
        base_only.eval(prompts[0])
        without = float(np.linalg.norm(np.array(base_only.scores[base_only.n_tokens - 1]) - rows["merged"][0])
                        / np.linalg.norm(rows["merged"][0]))
    finally:
        base_only.close()
    result = {"prompts": len(prompts), "greedy_agreement": sum(same) / len(same), "min_greedy_agreement": min_agreement,
              "worst_relative_error": error, "relative_error_without_adapter": without}
    result["passed"] = result["greedy_agreement"] >= min_agreement and error < without
    print(f"base + adapter in llama.cpp vs the merged GGUF: greedy next token agrees on {result['greedy_agreement']:.2%} "
          f"of {len(prompts)} prompts (needed {min_agreement:.0%}); logits differ by at most {error:.4f} "
          f"(without the adapter: {without:.4f})", flush=True)
    return result
