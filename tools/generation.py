"""Load a recipe's model for inference and answer with its generation settings and post-processing.

Used by evaluation (answers, JSON validity, stopping), chat, serve and the Modelfile's
PARAMETERs, so they all answer the same way.

    python -m tools.generation qwen-personal-qa "¿Dónde vive Inés?" --model smollm2-135m-instruct
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from tools import runs
from tools.prompting import generation_prompt, prepare_tokenizer

SAMPLING_KEYS = ("max_new_tokens", "do_sample", "temperature", "top_p", "top_k", "repetition_penalty")


@dataclass
class Settings:
    max_new_tokens: int = 256
    do_sample: bool = False
    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int = 0
    repetition_penalty: float = 1.0
    stop: list[str] = field(default_factory=list)
    json_schema: dict[str, Any] | None = None  # constrain the answer to this JSON Schema (tools/structured.py)

    @classmethod
    def from_recipe(cls, config: dict[str, Any], **overrides: Any) -> "Settings":
        """The recipe's `generation:` settings, defaults from the schema; `overrides` win (None: keep)."""
        from tools.recipe_schema import default_at

        generation = config.get("generation") or {}
        values = {k: generation[k] if k in generation else default_at(("generation", k)) for k in SAMPLING_KEYS}
        values["stop"] = list(generation.get("stop") or [])
        if generation.get("json_schema"):
            from tools.data import resolve_path
            from tools.structured import load_schema

            values["json_schema"] = load_schema(resolve_path(generation["json_schema"]))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def unconstrained(self) -> "Settings":
        from dataclasses import replace

        return replace(self, json_schema=None)

    def to_generate_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"max_new_tokens": self.max_new_tokens, "do_sample": self.do_sample,
                                  "repetition_penalty": self.repetition_penalty}
        if self.do_sample:
            kwargs.update(temperature=self.temperature, top_p=self.top_p)
            if self.top_k:
                kwargs["top_k"] = self.top_k
        else:
            # Greedy: unset the sampling knobs so transformers does not warn about them.
            kwargs.update(temperature=None, top_p=None, top_k=None)
        return kwargs


@dataclass
class Output:
    text: str  # post-processed answer
    raw: str  # decoded generation, special tokens removed
    token_ids: list[int]
    stopped: bool  # ended with the end-of-sequence token before max_new_tokens
    interrupted: bool = False  # ended early because `stop_when` returned True


@dataclass
class Loaded:
    model: Any
    tokenizer: Any
    config: dict[str, Any]
    source: str  # what was loaded, for reports


def load(recipe, adapter: str | Path | None = "auto", device: str | None = None,
         load_in_4bit: bool | None = None) -> Loaded:
    """The recipe's base model plus its adapter, on the device and in the precision that
    `tools.hardware.inference_plan` chooses (the one place that decides; `load_in_4bit` forces 4-bit
    or full precision).

    adapter="auto": the merged model of the run when present, else base + runs/<name>/adapter/
    when present, else the base model alone. adapter=None: the base model alone.
    """
    from transformers import AutoModelForCausalLM

    from tools import hardware
    from tools.models import load_tokenizer, parameter_count, resolve_model

    paths = runs.for_recipe(recipe)
    base = resolve_model(recipe["base_model"])
    hw = hardware.detect()
    plan = hardware.inference_plan(recipe.config, hw, parameter_count(base.path), load_in_4bit)
    device = device or plan.device
    adapter_path = None
    if adapter == "auto":
        merged_ok = (paths.merged / "config.json").is_file() and _merged_matches(paths, base)
        if paths.is_full_finetune():
            model_path, source = paths.merged, f"fully fine-tuned model {paths.merged}"
        elif merged_ok and not plan.load_in_4bit:
            model_path, source = paths.merged, f"merged model {paths.merged}"
        else:
            model_path, source = base.path, f"base {base.describe()}"
            adapter_path = paths.adapter if paths.has_adapter() else None
    else:
        model_path, source = base.path, f"base {base.describe()}"
        adapter_path = Path(adapter) if adapter else None
    tokenizer = load_tokenizer(base) if model_path == base.path else _tokenizer_from(model_path)
    if adapter_path is not None and (adapter_path / "tokenizer_config.json").is_file():
        tokenizer = _tokenizer_from(adapter_path)
    prepare_tokenizer(tokenizer, recipe.config)
    kwargs: dict[str, Any] = {"dtype": plan.precision.torch_dtype}
    if plan.load_in_4bit:
        kwargs.update(quantization_config=hardware.bnb_4bit_config(recipe.config, plan.precision), device_map={"": device})
    model = AutoModelForCausalLM.from_pretrained(model_path, **kwargs)
    if len(tokenizer) > model.get_input_embeddings().weight.shape[0]:
        model.resize_token_embeddings(len(tokenizer))
    if adapter_path is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, adapter_path)
        source += f" + adapter {adapter_path}"
    if not plan.load_in_4bit:
        model.to(device)
    model.eval()
    return Loaded(model, tokenizer, recipe.config, f"{source} on {plan.describe()}")


def _merged_matches(paths: runs.RunPaths, base) -> bool:
    """A merged folder is used only when it was made from this run's current adapter."""
    marker = paths.merged / "merged_from.txt"
    if not marker.is_file() or not paths.has_adapter():
        return False
    adapter_file = paths.adapter / "adapter_model.safetensors"
    stamp = f"{base.path}|{adapter_file.stat().st_mtime_ns if adapter_file.exists() else 0}"
    return marker.read_text().strip() == stamp


def merged_stamp(paths: runs.RunPaths, base) -> str:
    adapter_file = paths.adapter / "adapter_model.safetensors"
    return f"{base.path}|{adapter_file.stat().st_mtime_ns if adapter_file.exists() else 0}"


def _tokenizer_from(path: Path):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w\s]", "", text).strip()


def postprocess(raw: str, config: dict[str, Any]) -> str:
    """The recipe's answer post-processing: stop strings, first line, fallback sentence.

    With a `fallback`, as the personal-QA use case's cleaning step defines it: the fallback
    sentence anywhere in the answer (any line, any wording around it: "Lo siento, no tengo esa
    información") gives exactly the fallback, and so does an answer left empty by the cleaning."""
    generation = config.get("generation") or {}
    text = raw
    for stop in generation.get("stop") or []:
        if stop in text:
            text = text.split(stop, 1)[0]
    text = text.strip()
    whole = text
    if generation.get("first_line_only"):
        text = text.split("\n", 1)[0].strip()
    fallback = generation.get("fallback")
    if fallback and normalise_text(fallback):
        if normalise_text(fallback) in normalise_text(whole) or not text:
            text = fallback
    return text


def generate_ids(loaded: Loaded, prompt_ids: list[int], settings: Settings,
                 on_text: Callable[[str], None] | None = None,
                 stop_when: Callable[[], bool] | None = None) -> Output:
    """Generate from prompt ids; `on_text` receives decoded text pieces as they are produced.

    `stop_when` is asked after every new token; True ends the generation there (a deadline, a
    client that went away, an answer already complete); the output then has `interrupted` set.
    """
    import torch

    model, tokenizer = loaded.model, loaded.tokenizer
    device = next(model.parameters()).device
    input_ids = torch.tensor([prompt_ids], device=device)
    kwargs = settings.to_generate_kwargs()
    eos = tokenizer.eos_token_id
    kwargs.update(eos_token_id=eos, pad_token_id=tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos)
    streamer = None
    if on_text is not None:
        from transformers import TextStreamer

        class _Callback(TextStreamer):
            def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
                if text:
                    on_text(text)

        streamer = _Callback(tokenizer, skip_prompt=True, skip_special_tokens=True)
    if settings.stop:
        kwargs["stop_strings"] = settings.stop
        kwargs["tokenizer"] = tokenizer
    _constrain(kwargs, settings, tokenizer, 1, len(prompt_ids))
    interrupted = []
    if stop_when is not None:
        from transformers import StoppingCriteria, StoppingCriteriaList

        class _StopWhen(StoppingCriteria):
            def __call__(self, ids, scores, **_: Any):
                flag = bool(stop_when())
                if flag:
                    interrupted.append(True)
                return torch.full((ids.shape[0],), flag, dtype=torch.bool, device=ids.device)

        kwargs["stopping_criteria"] = StoppingCriteriaList([_StopWhen()])
    with torch.no_grad():
        out = model.generate(input_ids=input_ids, attention_mask=torch.ones_like(input_ids), streamer=streamer, **kwargs)
    new = out[0, len(prompt_ids):].tolist()
    stopped = bool(new) and new[-1] == eos
    raw = tokenizer.decode(new, skip_special_tokens=True)
    return Output(postprocess(raw, loaded.config), raw, new, stopped, interrupted=bool(interrupted) and not stopped)


def _constrain(kwargs: dict[str, Any], settings: Settings, tokenizer, batch_size: int, prompt_len: int) -> None:
    """Add the JSON Schema constraint to `generate()`'s arguments (a fresh matcher per row)."""
    if settings.json_schema is None:
        return
    from transformers import LogitsProcessorList

    from tools.structured import GrammarProcessor, compile_grammar

    grammar = compile_grammar(settings.json_schema)
    kwargs["logits_processor"] = LogitsProcessorList([GrammarProcessor(tokenizer, grammar, batch_size, prompt_len)])


def generate_batch(loaded: Loaded, prompts: list[list[int]], settings: Settings, batch_size: int = 8,
                   progress: Callable[[int], None] | None = None) -> list[Output]:
    """Generate for many prompts, `batch_size` at a time, left-padded; outputs in the prompts' order.

    Prompts are grouped by length (longest first) so a batch wastes little on padding; each row
    keeps its own attention mask and positions, so the tokens are those of one-by-one generation
    (tests/test_generation.py compares them on real prompts). A finished row is padded by
    `generate` until the batch ends; its output is cut after its first end-of-sequence token.
    `progress` receives the number of prompts finished after each batch.
    """
    import torch

    model, tokenizer = loaded.model, loaded.tokenizer
    device = next(model.parameters()).device
    eos = tokenizer.eos_token_id
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos
    kwargs = settings.to_generate_kwargs()
    kwargs.update(eos_token_id=eos, pad_token_id=pad)
    if settings.stop:
        kwargs["stop_strings"] = settings.stop
        kwargs["tokenizer"] = tokenizer
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]), reverse=True)
    outputs: list[Output | None] = [None] * len(prompts)
    for start in range(0, len(order), max(1, batch_size)):
        batch = order[start:start + max(1, batch_size)]
        width = max(len(prompts[i]) for i in batch)
        ids = torch.full((len(batch), width), pad, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, index in enumerate(batch):
            prompt = prompts[index]
            ids[row, width - len(prompt):] = torch.tensor(prompt)
            mask[row, width - len(prompt):] = 1
        _constrain(kwargs, settings, tokenizer, len(batch), width)
        with torch.no_grad():
            out = model.generate(input_ids=ids.to(device), attention_mask=mask.to(device), **kwargs)
        for row, index in enumerate(batch):
            new = out[row, width:].tolist()
            if eos in new:
                new = new[: new.index(eos) + 1]
                if settings.stop and any(tokenizer.decode(new[:-1]).endswith(s) for s in settings.stop):
                    new = new[:-1]  # ended by a stop string; the eos after it is `generate`'s padding
            elif pad != eos:
                while new and new[-1] == pad:
                    new.pop()
            stopped = bool(new) and new[-1] == eos
            raw = tokenizer.decode(new, skip_special_tokens=True)
            outputs[index] = Output(postprocess(raw, loaded.config), raw, new, stopped)
        if progress is not None:
            progress(len(batch))
    return [o for o in outputs if o is not None]


def answer(loaded: Loaded, message: str, history: list[dict[str, str]] | None = None,
           settings: Settings | None = None, on_text: Callable[[str], None] | None = None,
           stop_when: Callable[[], bool] | None = None) -> Output:
    """Answer one user message as the recipe prescribes."""
    settings = settings or Settings.from_recipe(loaded.config)
    prompt_ids = generation_prompt(loaded.config, loaded.tokenizer, message, history)
    return generate_ids(loaded, prompt_ids, settings, on_text, stop_when)


def partial_postprocess(raw: str, config: dict[str, Any], extra_stops: list[str] | tuple[str, ...] = (),
                        final: bool = False) -> tuple[str, bool]:
    """The part of a still-growing generation that `postprocess` will keep, and whether it is complete.

    Text that a later token could still remove (the start of a stop string, trailing spaces) is
    held back; `complete` is True once a stop string or the end of the first line
    (`first_line_only`, unless the recipe has a `fallback`) was seen, so generating further cannot
    change the answer. The fallback rewrite is applied by `postprocess` on the whole answer only.
    """
    generation = config.get("generation") or {}
    stops = [s for s in list(generation.get("stop") or []) + list(extra_stops) if s]
    text, complete = raw, False
    for stop in stops:
        if stop in text:
            text, complete = text.split(stop, 1)[0], True
    if not complete and not final:
        held = max((n for s in stops for n in range(len(s) - 1, 0, -1) if text.endswith(s[:n])), default=0)
        text = text[: len(text) - held]
    text = text.lstrip()
    if generation.get("first_line_only") and "\n" in text:
        # With a fallback the rest still counts (the sentence on a later line gives the fallback),
        # so the generation goes on to its end; only the first line is shown meanwhile.
        text, complete = text.split("\n", 1)[0], complete or not generation.get("fallback")
    return text.rstrip(), complete


class VisibleStream:
    """Feeds raw streamed pieces (an `on_text` callback) and calls `on_delta` with new answer text.

    The deltas add up to the post-processed answer as it grows; `complete` turns True when the
    rest of the generation would be cut anyway (use it as `stop_when`). `finish(output_text)`
    sends what is still missing and returns the text sent in all.
    """

    def __init__(self, config: dict[str, Any], on_delta: Callable[[str], None],
                 extra_stops: list[str] | tuple[str, ...] = ()):
        self.config, self.on_delta, self.extra_stops = config, on_delta, tuple(extra_stops)
        self.raw, self.sent, self.complete = "", "", False

    def __call__(self, piece: str) -> None:
        self.raw += piece
        if self.complete:
            return
        text, self.complete = partial_postprocess(self.raw, self.config, self.extra_stops)
        if text.startswith(self.sent) and len(text) > len(self.sent):
            self.on_delta(text[len(self.sent):])
            self.sent = text

    def finish(self, final_text: str) -> str:
        if final_text.startswith(self.sent) and len(final_text) > len(self.sent):
            self.on_delta(final_text[len(self.sent):])
            self.sent = final_text
        return self.sent


def main(argv: list[str] | None = None) -> int:
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m tools.generation", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("message")
    parser.add_argument("--base", action="store_true", help="the base model without the adapter")
    args = parser.parse_args(argv)
    recipe = recipe_or_report(args, run=True)
    if recipe is None:
        return 1
    loaded = load(recipe, adapter=None if args.base else "auto")
    print(answer(loaded, args.message).text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
