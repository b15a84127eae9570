"""The Ollama Modelfile of an exported run: FROM the GGUF, TEMPLATE, SYSTEM, PARAMETERs, LICENSE.

    python -m tools.modelfile qwen-personal-qa --model smollm2-135m-instruct   # print it

The TEMPLATE is Ollama's Go-template form of the prompt the model was trained on:

- chat recipes (`type: chat_template`): the chat template's turn layout (ChatML, Llama 3 or
  Zephyr), found by rendering probe conversations with the tokenizer's own template and
  checking that the Go template renders them identically; a default system prompt that the
  chat template inserts when there is none is kept;
- other recipes: the user-defined `format` (or Axolotl's alpaca prompt) with `{{ .System }}`
  and `{{ .Prompt }}` in place of `{system}` and `{instruction}`.

`render()` executes the subset of Go's text/template that these templates use (if/else/range,
fields, `eq`/`ne`/`not`/`and`/`or`/`len`, string literals, `{{-`/`-}}` trimming), and
`ollama_values()` lays a conversation out the way Ollama hands it to a template, so a test can
check that Ollama would build exactly the prompt `tools.prompting.generation_prompt` builds.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from tools.prompting import completion_layout


class ModelfileError(ValueError):
    pass


# ---------------------------------------------------------------- a Go text/template subset
_ACTION = re.compile(r"\{\{(-\s)?(.*?)(\s-)?\}\}", re.DOTALL)
_TOKEN = re.compile(r'\s*("(?:[^"\\]|\\.)*"|\(|\)|[^\s()]+)')


def _parse(template: str) -> list:
    """Template text -> nested nodes: str, ("expr", e), ("if", branches, else), ("range", e, body)."""
    pieces: list = []
    pos = 0
    for match in _ACTION.finditer(template):
        text = template[pos:match.start()]
        if match.group(1):
            text = text.rstrip()
        if pieces and isinstance(pieces[-1], tuple) and pieces[-1][0] == "trim_next":
            pieces.pop()
            text = text.lstrip()
        pieces.append(text)
        pieces.append(("action", match.group(2).strip()))
        if match.group(3):
            pieces.append(("trim_next",))
        pos = match.end()
    tail = template[pos:]
    if pieces and isinstance(pieces[-1], tuple) and pieces[-1][0] == "trim_next":
        pieces.pop()
        tail = tail.lstrip()
    pieces.append(tail)
    nodes, rest, _ = _block(pieces, 0)
    if rest != len(pieces):
        raise ModelfileError(f"template: unexpected {pieces[rest][1]!r}")
    return nodes


def _block(pieces: list, i: int) -> tuple[list, int, str | None]:
    """Nodes until an {{ else ... }} or {{ end }}; returns (nodes, index of that piece, its text)."""
    nodes: list = []
    while i < len(pieces):
        piece = pieces[i]
        if isinstance(piece, str):
            if piece:
                nodes.append(piece)
            i += 1
            continue
        action = piece[1]
        word = action.split(None, 1)[0] if action else ""
        if word in ("end", "else"):
            return nodes, i, action
        if word in ("if", "range"):
            node, i = _control(pieces, i, word, action[len(word):].strip())
            nodes.append(node)
            continue
        if action.startswith("/*"):
            i += 1
            continue
        nodes.append(("expr", action))
        i += 1
    return nodes, i, None


def _control(pieces: list, i: int, word: str, expr: str) -> tuple[tuple, int]:
    branches = []
    else_body: list = []
    while True:
        body, i, stop = _block(pieces, i + 1)
        branches.append((expr, body))
        if stop is None:
            raise ModelfileError(f"template: {{{{ {word} }}}} without {{{{ end }}}}")
        if stop == "end":
            break
        rest = stop[len("else"):].strip()
        if rest.startswith("if ") and word == "if":
            expr = rest[3:].strip()
            continue
        else_body, i, stop = _block(pieces, i + 1)
        if stop != "end":
            raise ModelfileError(f"template: {{{{ else }}}} without {{{{ end }}}}")
        break
    if word == "range":
        return ("range", branches[0][0], branches[0][1], else_body), i + 1
    return ("if", branches, else_body), i + 1


def _truthy(value: Any) -> bool:
    return bool(value)  # Go: false, 0, nil, "" and empty collections are false


def _field(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None)


def _eval(expr: str, dot: Any, root: Any) -> Any:
    tokens = _TOKEN.findall(expr)
    value, used = _pipeline(tokens, 0, dot, root)
    if used != len(tokens):
        raise ModelfileError(f"template: cannot read {expr!r}")
    return value


_FUNCS = {
    "eq": lambda a, *b: any(a == x for x in b),
    "ne": lambda a, b: a != b,
    "not": lambda a: not _truthy(a),
    "and": lambda *a: next((x for x in a if not _truthy(x)), a[-1]),
    "or": lambda *a: next((x for x in a if _truthy(x)), a[-1]),
    "len": lambda a: len(a),
    "index": lambda a, *keys: _index(a, keys),
}


def _index(value: Any, keys: tuple) -> Any:
    for key in keys:
        value = value[key]
    return value


def _pipeline(tokens: list[str], i: int, dot: Any, root: Any) -> tuple[Any, int]:
    """A command: a function with arguments, or one operand."""
    if i < len(tokens) and tokens[i] in _FUNCS:
        name = tokens[i]
        args = []
        i += 1
        while i < len(tokens) and tokens[i] != ")":
            arg, i = _operand(tokens, i, dot, root)
            args.append(arg)
        return _FUNCS[name](*args), i
    return _operand(tokens, i, dot, root)


def _operand(tokens: list[str], i: int, dot: Any, root: Any) -> tuple[Any, int]:
    token = tokens[i]
    if token == "(":
        value, i = _pipeline(tokens, i + 1, dot, root)
        if i >= len(tokens) or tokens[i] != ")":
            raise ModelfileError("template: unbalanced parenthesis")
        return value, i + 1
    if token.startswith('"'):
        return token[1:-1].encode().decode("unicode_escape") if "\\" in token else token[1:-1], i + 1
    if token in ("true", "false"):
        return token == "true", i + 1
    if re.fullmatch(r"-?\d+", token):
        return int(token), i + 1
    if token == ".":
        return dot, i + 1
    if token.startswith("$"):
        value, path = root, token[1:]
    elif token.startswith("."):
        value, path = dot, token
    else:
        raise ModelfileError(f"template: unknown function or value {token!r}")
    for name in [p for p in path.split(".") if p]:
        value = _field(value, name)
    return value, i + 1


def _execute(nodes: list, dot: Any, root: Any, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif node[0] == "expr":
            value = _eval(node[1], dot, root)
            out.append("" if value is None else str(value))
        elif node[0] == "if":
            for expr, body in node[1]:
                if _truthy(_eval(expr, dot, root)):
                    _execute(body, dot, root, out)
                    break
            else:
                _execute(node[2], dot, root, out)
        elif node[0] == "range":
            items = _eval(node[1], dot, root) or []
            for item in items:
                _execute(node[2], item, root, out)
            if not items:
                _execute(node[3], dot, root, out)


def render(template: str, values: dict[str, Any]) -> str:
    """Execute a Go template (the subset described in the module docstring) with `values` as dot."""
    out: list[str] = []
    _execute(_parse(template), values, values, out)
    return "".join(out)


def ollama_values(system: str | None, messages: list[dict[str, str]], prompt: str = "") -> dict[str, Any]:
    """What Ollama passes to a TEMPLATE: system messages joined into .System (the Modelfile's
    SYSTEM when the conversation has none) and the conversation, system messages included,
    as .Messages with .Role/.Content; .Prompt is the last user message."""
    if not any(m["role"] == "system" for m in messages) and system:
        messages = [{"role": "system", "content": system}] + list(messages)
    systems = [m["content"] for m in messages if m["role"] == "system"]
    users = [m["content"] for m in messages if m["role"] == "user"]
    return {
        "System": "\n\n".join(systems),
        "Messages": [{"Role": m["role"], "Content": m["content"]} for m in messages],
        "Prompt": prompt or (users[-1] if users else ""),
        "Response": "",
    }


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
    kind = config["datasets"][0]["type"]
    notes: list[str] = []
    if kind == "chat_template":
        try:
            template, family = chat_template_for_ollama(tokenizer)
        except ModelfileError as error:
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
