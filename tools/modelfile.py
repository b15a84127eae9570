"""The Ollama Modelfile of an exported run: FROM the GGUF, TEMPLATE, SYSTEM, PARAMETERs, LICENSE.

    python -m tools.modelfile qwen-personal-qa --model smollm2-135m-instruct   # print it

The TEMPLATE is Ollama's Go-template form of the prompt the model was trained on:

- chat recipes (`type: chat_template`): the chat template's turn layout (ChatML, Llama 3 or
  Zephyr), found by rendering probe conversations with the tokenizer's own template and
  checking that the Go template renders them identically; a default system prompt that the
  chat template inserts when there is none is kept;
- other recipes: the user-defined `format` (or Axolotl's alpaca prompt) with `{{ .System }}`
  and `{{ .Prompt }}` in place of `{system}` and `{instruction}`.

Each TEMPLATE is checked by executing it with `tools/go_template.py` (the Go text/template
subset Ollama templates use) on the values Ollama would pass, against the trained prompt.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from typing import Any

from tools.go_template import TemplateError, ollama_values, render
from tools.prompting import completion_layout, layout_entry


class ModelfileError(ValueError):
    pass


# ---------------------------------------------------------------- TEMPLATE for a recipe
@dataclass(frozen=True)
class _Family:
    name: str
    system_open: str
    system_close: str
    turn_open: str  # with {role}
    turn_close: str


FAMILIES = (
    _Family("chatml", "<|im_start|>system\n", "<|im_end|>\n", "<|im_start|>{role}\n", "<|im_end|>\n"),
    _Family("llama3", "<|start_header_id|>system<|end_header_id|>\n\n", "<|eot_id|>",
            "<|start_header_id|>{role}<|end_header_id|>\n\n", "<|eot_id|>"),
    _Family("zephyr", "<|system|>\n", "</s>\n", "<|{role}|>\n", "</s>\n"),
)


def _go_literal(text: str) -> str:
    """Literal template text; a `{{` in it must not start an action."""
    return text.replace("{{", '{{ "{{" }}')


def _family_template(family: _Family, default_system: str | None) -> str:
    system_block = _go_literal(family.system_open) + "{{ .System }}" + _go_literal(family.system_close)
    default = _go_literal(family.system_open + default_system + family.system_close) if default_system else ""
    turn = _go_literal(family.turn_open).replace("{role}", "{{ .Role }}") + "{{ .Content }}" + _go_literal(family.turn_close)
    generation = _go_literal(family.turn_open.format(role="assistant"))
    # Ollama passes system messages both as .System and inside .Messages; emit them once.
    return ("{{ if .System }}" + system_block + ("{{ else }}" + default if default else "") + "{{ end }}"
            + '{{ range .Messages }}{{ if ne .Role "system" }}' + turn + "{{ end }}{{ end }}" + generation)


PROBE_SYSTEM = "SYSTEM-PROBE"
PROBE_CONVERSATION = [
    {"role": "user", "content": "USER-PROBE-1"},
    {"role": "assistant", "content": "ASSISTANT-PROBE-1"},
    {"role": "user", "content": "USER-PROBE-2"},
]


def jinja_text(tokenizer, messages: list[dict[str, str]]) -> str:
    """The tokenizer's chat template rendered as text (generation prompt), BOS removed as strip_bos does."""
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return strip_bos(tokenizer, text)


def adds_bos(tokenizer) -> bool:
    """Whether encoding adds a BOS token; the GGUF then says add_bos_token and llama.cpp adds it."""
    bos = tokenizer.bos_token_id
    return bos is not None and tokenizer("a", add_special_tokens=True)["input_ids"][:1] == [bos]


def strip_bos(tokenizer, text: str) -> str:
    """A prompt as a TEMPLATE must produce it: without the BOS that llama.cpp adds by itself."""
    if adds_bos(tokenizer) and text.startswith(tokenizer.bos_token):
        return text[len(tokenizer.bos_token):]
    return text


def chat_template_for_ollama(tokenizer) -> tuple[str, str]:
    """(Go template, family name) equivalent to the tokenizer's chat template, checked on probes."""
    with_system = [{"role": "system", "content": PROBE_SYSTEM}] + PROBE_CONVERSATION
    for family in FAMILIES:
        no_system = jinja_text(tokenizer, PROBE_CONVERSATION[:1])
        default = None
        if no_system.startswith(family.system_open) and family.system_close in no_system[len(family.system_open):]:
            default = no_system[len(family.system_open):].split(family.system_close, 1)[0]
        template = _family_template(family, default)
        probes = [(PROBE_SYSTEM, with_system), (None, PROBE_CONVERSATION), (None, PROBE_CONVERSATION[:1])]
        if all(render(template, ollama_values(system, msgs)) == jinja_text(tokenizer, msgs) for system, msgs in probes):
            return template, family.name
    raise ModelfileError(
        "the chat template is not one this exporter can write as an Ollama TEMPLATE (ChatML, Llama 3, Zephyr); "
        "without a TEMPLATE, Ollama falls back to the chat template stored in the GGUF")


def completion_template(config: dict[str, Any]) -> tuple[str, str | None]:
    """(Go template, system prompt) for the non-chat formats, from the layout training uses."""
    layout = completion_layout(config)
    system = ""
    if layout.system_slot:
        system = "{{ if .System }}" + _go_literal(layout.system_open) + "{{ .System }}" + _go_literal(layout.system_close) + "{{ end }}"
    template = system + _go_literal(layout.before) + "{{ .Prompt }}" + _go_literal(layout.after) + "{{ .Response }}"
    return template, layout.system


# ---------------------------------------------------------------- the Modelfile
@dataclass
class Modelfile:
    template: str | None
    system: str | None
    parameters: list[tuple[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kind: str = ""  # chat family or "completion"

    def text(self, gguf_name: str, license_name: str | None = None, name: str = "<name>", adapter: str | None = None) -> str:
        """FROM the GGUF (relative to the Modelfile); `adapter`: a LoRA GGUF Ollama applies to it (ADAPTER)."""
        source = gguf_name if gguf_name.startswith(("/", "../")) else f"./{gguf_name}"
        lines = [f"# ollama create {name} -f Modelfile && ollama run {name}", f"FROM {source}"]
        lines += [f"ADAPTER ./{adapter}", ""] if adapter else [""]
        lines += [f"# {note}" for note in self.notes]
        if self.template is not None:
            lines.append(f'TEMPLATE """{self.template}"""')
        if self.system:
            lines.append(f'SYSTEM """{self.system}"""')
        for key, value in self.parameters:
            lines.append(f"PARAMETER {key} {_param(value)}")
        if license_name:
            lines.append(f'LICENSE """{license_name}"""')
        return "\n".join(lines) + "\n"


def _param(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def build(config: dict[str, Any], tokenizer) -> Modelfile:
    """The Modelfile contents for a resolved recipe and its (prepared) tokenizer."""
    generation = config.get("generation") or {}
    kind = layout_entry(config)["type"]
    notes: list[str] = []
    if kind == "chat_template":
        try:
            template, family = chat_template_for_ollama(tokenizer)
        except (ModelfileError, TemplateError) as error:
            template, family = None, "gguf chat template"
            notes.append(f"No TEMPLATE: {error}.")
        system = generation.get("system_prompt")
    else:
        template, system = completion_template(config)
        family = "completion"
    if system and '"""' in system or template and '"""' in template:
        raise ModelfileError('the system prompt or template contains """, which a Modelfile cannot quote')
    from tools.generation import Settings

    settings = Settings.from_recipe(config)
    params: list[tuple[str, Any]] = []
    if settings.do_sample:
        params.append(("temperature", float(settings.temperature)))
        params.append(("top_p", float(settings.top_p)))
        if settings.top_k:
            params.append(("top_k", int(settings.top_k)))
    else:
        params.append(("temperature", 0.0))  # greedy, as the recipe decodes
    params.append(("repeat_penalty", float(settings.repetition_penalty)))
    params.append(("repeat_last_n", -1))  # transformers penalises every earlier token, not the last 64
    params.append(("num_predict", int(settings.max_new_tokens)))
    stops = [tokenizer.eos_token] if tokenizer.eos_token else []
    stops += [s for s in settings.stop if s not in stops]
    params += [("stop", s) for s in stops]
    post = [k for k in ("first_line_only", "fallback") if generation.get(k)]
    if post:
        notes.append(f"The recipe also post-processes answers ({', '.join(post)}); Ollama does not: "
                     f"see tools/generation.py postprocess().")
    return Modelfile(template, system, params, notes, family)


def main(argv: list[str] | None = None) -> int:
    from tools.models import ModelNotAvailable, load_tokenizer, resolve_model
    from tools.prompting import prepare_tokenizer
    from tools.recipe import RecipeError, add_recipe_arguments, recipe_from_args

    parser = argparse.ArgumentParser(prog="python -m tools.modelfile", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--gguf", default="model.gguf", help="file name for the FROM line")
    args = parser.parse_args(argv)
    try:
        recipe = recipe_from_args(args)
        tokenizer = load_tokenizer(resolve_model(recipe["base_model"]))
        prepare_tokenizer(tokenizer, recipe.config)
        print(build(recipe.config, tokenizer).text(args.gguf, recipe.get("base_model_license"), recipe.name), end="")
    except RecipeError as error:
        print("\n".join(error.errors), file=sys.stderr)
        return 1
    except (ModelNotAvailable, ModelfileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
