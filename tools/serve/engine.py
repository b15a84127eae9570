"""Load one or more recipes over one base model and answer with each recipe's settings.

One recipe: `tools.generation.load(recipe, adapter="auto")` (merged model, else base + adapter,
else base). Several recipes: the base model once, each recipe's adapter added with PEFT's
multi-adapter API; each row of a batch names its adapter (PEFT's `adapter_names`), so requests of
different recipes are decoded together, and a recipe without an adapter is answered by the base
model ("__base__"). Every recipe gets a `Loaded` view: the same model object with its own
tokenizer set-up and config, so prompts, settings and post-processing stay the recipe's own.

A request becomes a `Job` (`Engine.prepare`: prompt ids, settings, the visible stream, a deadline,
a cancellation flag) and its generated tokens become a `Result` (`Engine.result`: the recipe's
post-processing and finish reason, as `tools.generation` applies them). The server decodes jobs
together, token by token (tools/serve/batching.py); the model is used under `Engine.lock` (it is
not thread-safe).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from tools import runs
from tools.generation import Loaded, Settings, VisibleStream, postprocess
from tools.paths import display
from tools.prompting import generation_prompt

DEFAULT_MAX_MESSAGE_CHARS = 4000
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MAX_TOKENS = 1024
ROLES = ("system", "developer", "user", "assistant")


class ServeError(Exception):
    """The recipes cannot be served together; the message says why and what to do."""


class RequestError(ValueError):
    """A request the recipe cannot answer (too long, too many tokens...); becomes a 4xx."""

    def __init__(self, message: str, code: str, status: int = 400):
        super().__init__(message)
        self.code, self.status = code, status


@dataclass
class Served:
    """One recipe as the server answers it."""

    name: str
    loaded: Loaded  # shared model, this recipe's tokenizer set-up and config
    peft_name: str | None  # PEFT adapter to activate; None = base model (adapters disabled)
    adapter: str | None  # what is served, for /v1/models and the X-Adapter header
    warning: str | None = None
    source: str = ""

    @property
    def serve_config(self) -> dict[str, Any]:
        return self.loaded.config.get("serve") or {}

    @property
    def max_message_chars(self) -> int:
        return int(self.serve_config.get("max_message_chars", DEFAULT_MAX_MESSAGE_CHARS))

    @property
    def timeout_s(self) -> float:
        return float(self.serve_config.get("timeout_s", DEFAULT_TIMEOUT_S))

    @property
    def max_tokens(self) -> int:
        """Most new tokens a request may ask for: 4x the recipe's max_new_tokens, else 1024."""
        configured = (self.loaded.config.get("generation") or {}).get("max_new_tokens")
        return int(configured) * 4 if configured else DEFAULT_MAX_TOKENS

    @property
    def single_turn(self) -> bool:
        from tools.prompting import layout_entry

        return layout_entry(self.loaded.config)["type"] != "chat_template"


@dataclass
class Result:
    text: str
    finish_reason: str  # "stop" or "length"
    prompt_tokens: int
    completion_tokens: int
    timed_out: bool
    adapter: str | None
    cancelled: bool = False  # the client went away (or the job was dropped) before the answer was complete
    queue_s: float | None = None  # arrival to the start of its prefill
    ttft_s: float | None = None  # arrival to its first generated token
    tokens_after_cancel: int = 0  # tokens generated after the cancellation was asked for (at most the step under way)


@dataclass(eq=False)
class Job:
    """One request on its way through the server."""

    served: Served
    prompt_ids: list[int]
    settings: Settings
    stream: VisibleStream  # raw pieces in, visible answer deltas out
    extra_stops: tuple[str, ...]
    deadline: float  # time.monotonic() after which the job ends with what it has
    timeout_s: float
    cancel: threading.Event = field(default_factory=threading.Event)  # set: the client went away
    arrived: float = field(default_factory=time.monotonic)
    started: float | None = None  # prefill began
    first_token: float | None = None
    tokens_after_cancel: int = 0  # tokens generated while `cancel` was set (the step under way when it was)

    @property
    def expired(self) -> bool:
        return time.monotonic() > self.deadline


@dataclass
class Engine:
    recipes: dict[str, Served]
    base: str
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def default(self) -> str:
        return next(iter(self.recipes))

    @property
    def model(self):
        return self.recipes[self.default].loaded.model

    @property
    def mixed_adapters(self) -> bool:
        """Several recipes over one PEFT model: a batch names each row's adapter (PEFT's adapter_names)."""
        return len(self.recipes) > 1 and hasattr(self.model, "peft_config")

    def get(self, name: str | None) -> Served:
        if name is None or name == "":
            return self.recipes[self.default]
        if name not in self.recipes:
            raise RequestError(f"unknown model '{name}'; this server has: {', '.join(self.recipes)}",
                               "model_not_found", 404)
        return self.recipes[name]

    def settings(self, served: Served, max_tokens: int | None = None, temperature: float | None = None,
                 top_p: float | None = None, stop: list[str] | None = None,
                 response_format: dict[str, Any] | None = None) -> Settings:
        """The recipe's generation settings with the request's overrides, checked against the limits.
        `response_format` (OpenAI's) replaces the recipe's generation.json_schema; a schema the
        grammar engine cannot compile is a 400 with the engine's reason."""
        if max_tokens is not None and max_tokens > served.max_tokens:
            raise RequestError(f"max_tokens {max_tokens} is more than this server allows for "
                               f"'{served.name}' ({served.max_tokens})", "max_tokens_too_large")
        overrides: dict[str, Any] = {"max_new_tokens": max_tokens}
        if temperature is not None:
            overrides["do_sample"] = temperature > 0
            if temperature > 0:
                overrides["temperature"] = temperature
        if top_p is not None:
            overrides["top_p"] = top_p
        settings = Settings.from_recipe(served.loaded.config, **overrides)
        settings.stop = settings.stop + [s for s in (stop or []) if s]
        if response_format is not None:
            from tools.structured import SchemaError, from_response_format

            try:
                settings.json_schema = from_response_format(response_format)
            except SchemaError as error:
                raise RequestError(str(error), "invalid_response_format") from None
        return settings

    def check_message(self, served: Served, text: str) -> None:
        if not text.strip():
            raise RequestError("message is empty; write a question", "empty_message")
        if len(text) > served.max_message_chars:
            raise RequestError(f"message is {len(text)} characters; '{served.name}' accepts at most "
                               f"{served.max_message_chars} (serve.max_message_chars)", "message_too_long")

    def prepare(self, served: Served, message: str, history: list[dict[str, str]], settings: Settings,
                on_delta: Callable[[str], None] | None = None, extra_stops: list[str] | tuple[str, ...] = (),
                timeout_s: float | None = None) -> Job:
        """A job for `message`: the recipe's prompt ids, a visible stream feeding `on_delta`, and a
        deadline `timeout_s` (default: the recipe's serve.timeout_s) from now."""
        loaded = served.loaded
        prompt_ids = generation_prompt(loaded.config, loaded.tokenizer, message, None if served.single_turn else history)
        timeout = served.timeout_s if timeout_s is None else float(timeout_s)
        return Job(served, prompt_ids, settings, VisibleStream(loaded.config, on_delta or (lambda _: None), extra_stops),
                   tuple(extra_stops), time.monotonic() + timeout, timeout)

    def result(self, job: Job, token_ids: list[int], stopped: bool, timed_out: bool) -> Result:
        """The answer for a job's generated tokens: the recipe's post-processing and the finish reason.
        `stopped`: it ended with the end-of-sequence token; `timed_out`: its deadline ended it."""
        loaded = job.served.loaded
        raw = loaded.tokenizer.decode(token_ids, skip_special_tokens=True)
        cut_raw = raw
        for stop in job.extra_stops:
            cut_raw = cut_raw.split(stop, 1)[0] if stop else cut_raw
        text = postprocess(cut_raw, loaded.config)
        job.stream.finish(text)
        cut = job.stream.complete or len(text) < len(raw.strip())
        if timed_out and not stopped:
            reason = "length"
        elif stopped or cut or len(token_ids) < job.settings.max_new_tokens:
            reason = "stop"
        else:
            reason = "length"
        first = None if job.first_token is None else round(job.first_token - job.arrived, 4)
        queued = None if job.started is None else round(job.started - job.arrived, 4)
        return Result(text, reason, len(job.prompt_ids), len(token_ids), timed_out and not stopped, job.served.adapter,
                      cancelled=job.cancel.is_set() and not stopped and not job.stream.complete, queue_s=queued,
                      ttft_s=first, tokens_after_cancel=job.tokens_after_cancel)


def load_engine(recipes: list, device: str | None = None) -> Engine:
    """Load the recipes (tools.recipe.Recipe objects) once; several share one base model."""
    from tools import generation
    from tools.models import resolve_model

    if not recipes:
        raise ServeError("no recipe to serve: pass RECIPE=<name> or RECIPES=\"a b\"")
    names = [r.name for r in recipes]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ServeError(f"recipe listed twice: {', '.join(duplicates)}")
    bases = {r.name: resolve_model(r["base_model"]) for r in recipes}
    if len({str(b.path) for b in bases.values()}) > 1:
        listing = "; ".join(f"{name} -> {b.describe()}" for name, b in bases.items())
        raise ServeError("recipes served together must share one base model, but they resolve to different "
                         f"ones: {listing}. Serve them separately, or pass MODEL=<one model> to all.")
    base = bases[recipes[0].name]
    if len(recipes) == 1:
        recipe = recipes[0]
        loaded = generation.load(recipe, adapter="auto", device=device)
        has_peft = hasattr(loaded.model, "peft_config")
        paths = runs.for_recipe(recipe)
        warning = None if has_peft or "merged" in loaded.source else _no_adapter_warning(recipe, paths)
        adapter = display(paths.adapter) if has_peft else (display(paths.merged) if "merged" in loaded.source else None)
        served = Served(recipe.name, loaded, "default" if has_peft else None, adapter, warning, loaded.source)
        return Engine({recipe.name: served}, base.describe())

    from peft import PeftModel

    first = generation.load(recipes[0], adapter=None, device=device)
    model = first.model
    rows = model.get_input_embeddings().weight.shape[0]
    served_list: list[Served] = []
    for recipe in recipes:
        paths = runs.for_recipe(recipe)
        tokenizer = _recipe_tokenizer(recipe, base, paths)
        if len(tokenizer) > rows:
            raise ServeError(f"{recipe.name}: its tokenizer has {len(tokenizer)} tokens but the shared model has "
                             f"{rows} embeddings (the recipe adds special tokens); serve it on its own")
        peft_name = None
        if paths.has_adapter():
            if not isinstance(model, PeftModel):
                model = PeftModel.from_pretrained(model, paths.adapter, adapter_name=recipe.name)
            else:
                model.load_adapter(paths.adapter, adapter_name=recipe.name)
            peft_name = recipe.name
        served_list.append(Served(recipe.name, Loaded(None, tokenizer, recipe.config, ""), peft_name,
                                  display(paths.adapter) if peft_name else None,
                                  None if peft_name else _no_adapter_warning(recipe, paths)))
    model.eval()  # placed on its device and precision by generation.load (tools/hardware.inference_plan)
    for served in served_list:
        served.loaded.model = model
        served.source = f"base {base.describe()}" + (f" + adapter {served.adapter}" if served.adapter else "")
    return Engine({s.name: s for s in served_list}, base.describe())


def _recipe_tokenizer(recipe, base, paths: runs.RunPaths):
    from tools.generation import _tokenizer_from
    from tools.models import load_tokenizer
    from tools.prompting import prepare_tokenizer

    folder = paths.adapter
    tokenizer = _tokenizer_from(folder) if (folder / "tokenizer_config.json").is_file() else load_tokenizer(base)
    prepare_tokenizer(tokenizer, recipe.config)
    return tokenizer


def _no_adapter_warning(recipe, paths: runs.RunPaths) -> str:
    return (f"no trained adapter in {display(paths.adapter)}: answering with the base model; "
            f"run `make train RECIPE={recipe.name}` first")
