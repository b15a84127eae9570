"""Load one or more recipes over one base model and answer with each recipe's settings.

One recipe: `tools.generation.load(recipe, adapter="auto")` (merged model, else base + adapter,
else base). Several recipes: the base model once, each recipe's adapter added with PEFT's
multi-adapter API and activated per request; a recipe without an adapter is answered by the base
model (adapters disabled). Every recipe gets a `Loaded` view: the same model object with its own
tokenizer set-up and config, so prompts, settings and post-processing stay the recipe's own.

Generation is serialised (the model is not thread-safe) and bounded by `serve.timeout_s`.
"""
from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from tools import runs
from tools.generation import Loaded, Settings, VisibleStream, generate_ids, postprocess
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
        return self.loaded.config["datasets"][0]["type"] != "chat_template"


@dataclass
class Result:
    text: str
    finish_reason: str  # "stop" or "length"
    prompt_tokens: int
    completion_tokens: int
    timed_out: bool
    adapter: str | None


@dataclass
class Engine:
    recipes: dict[str, Served]
    base: str
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def default(self) -> str:
        return next(iter(self.recipes))

    def get(self, name: str | None) -> Served:
        if name is None or name == "":
            return self.recipes[self.default]
        if name not in self.recipes:
            raise RequestError(f"unknown model '{name}'; this server has: {', '.join(self.recipes)}",
                               "model_not_found", 404)
        return self.recipes[name]

    def settings(self, served: Served, max_tokens: int | None = None, temperature: float | None = None,
                 top_p: float | None = None, stop: list[str] | None = None) -> Settings:
        """The recipe's generation settings with the request's overrides, checked against the limits."""
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
        return settings

    def check_message(self, served: Served, text: str) -> None:
        if not text.strip():
            raise RequestError("message is empty; write a question", "empty_message")
        if len(text) > served.max_message_chars:
            raise RequestError(f"message is {len(text)} characters; '{served.name}' accepts at most "
                               f"{served.max_message_chars} (serve.max_message_chars)", "message_too_long")

    def run(self, served: Served, message: str, history: list[dict[str, str]], settings: Settings,
            on_delta: Callable[[str], None] | None = None, cancel: threading.Event | None = None,
            extra_stops: list[str] | tuple[str, ...] = ()) -> Result:
        """Answer under the lock; blocking, so call it from a worker thread."""
        with self.lock:
            loaded = served.loaded
            prompt_ids = generation_prompt(loaded.config, loaded.tokenizer, message,
                                           None if served.single_turn else history)
            stream = VisibleStream(loaded.config, on_delta or (lambda _: None), extra_stops)
            deadline = time.monotonic() + served.timeout_s
            timed_out = threading.Event()

            def stop_when() -> bool:
                if time.monotonic() > deadline:
                    timed_out.set()
                    return True
                return stream.complete or (cancel is not None and cancel.is_set())

            with self._activate(served):
                output = generate_ids(loaded, prompt_ids, settings, stream, stop_when)
            raw = output.raw
            for stop in extra_stops:
                raw = raw.split(stop, 1)[0] if stop else raw
            text = postprocess(raw, loaded.config)
            stream.finish(text)
            cut = stream.complete or len(text) < len(output.raw.strip())
            if timed_out.is_set() and not output.stopped:
                reason = "length"
            elif output.stopped or cut or len(output.token_ids) < settings.max_new_tokens:
                reason = "stop"
            else:
                reason = "length"
            return Result(text, reason, len(prompt_ids), len(output.token_ids),
                          timed_out.is_set() and not output.stopped, served.adapter)

    def _activate(self, served: Served):
        model = served.loaded.model
        if not hasattr(model, "set_adapter") or not hasattr(model, "disable_adapter"):
            return contextlib.nullcontext()
        if served.peft_name is None:
            return model.disable_adapter()
        model.set_adapter(served.peft_name)
        return contextlib.nullcontext()


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
