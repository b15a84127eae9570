"""The one formatter: rows -> (input_ids, labels), and user messages -> generation prompts.

Training (TRL backend), evaluation NLL, the data audit, generation and the Modelfile all come
here, so they cannot disagree about a prompt or a mask. The layouts follow Axolotl's:

- user-defined `type:` mapping (Axolotl's semantics): prompt = `system_format` with {system}
  (when there is a system prompt) + `format` with {instruction}/{input} when the row has input,
  else `no_input_format` with {instruction}; tokenised with the tokenizer's special tokens (BOS
  where it adds one); answer tokenised without them, followed by the eos token.
- `alpaca`: Axolotl's alpaca prompt, same tokenisation as above.
- `completion`: the row's text (`field`, default `text`) with the special tokens and an eos, every
  token supervised; a text longer than `sequence_len` becomes several examples, as in Axolotl.
- `chat_template`: the model's (or ChatML) template over the conversation; each assistant turn is
  supervised up to and including its end-of-turn token (`train_on_eos: turn`).

With `train_on_inputs: false` every prompt token gets label -100.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

IGNORE = -100

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

ALPACA_WITH_INPUT = (
    "Below is an instruction that describes a task, paired with an input that provides further context. "
    "Write a response that appropriately completes the request.\n\n"
    "### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:\n"
)
ALPACA_NO_INPUT = (
    "Below is an instruction that describes a task. "
    "Write a response that appropriately completes the request.\n\n"
    "### Instruction:\n{instruction}\n\n### Response:\n"
)


class PromptError(ValueError):
    pass


@dataclass
class Encoded:
    input_ids: list[int]
    labels: list[int]
    prompt_len: int  # tokens before the first supervised token

    @property
    def supervised(self) -> int:
        return sum(1 for label in self.labels if label != IGNORE)


# ---------------------------------------------------------------- tokenizer set-up
def prepare_tokenizer(tokenizer, config: dict[str, Any]) -> list[str]:
    """Apply the recipe's `tokens`, `special_tokens` and chat template; returns tokens that had to be added."""
    added: list[str] = []
    for token in config.get("tokens") or []:  # Axolotl's `tokens`: plain added tokens, kept whole
        if token not in tokenizer.get_vocab():
            from tokenizers import AddedToken

            tokenizer.add_tokens([AddedToken(token, normalized=False, special=False)])
            added.append(token)
    for key, token in (config.get("special_tokens") or {}).items():
        if token not in tokenizer.get_vocab():
            tokenizer.add_special_tokens({"additional_special_tokens": [token]})
            added.append(token)
        setattr(tokenizer, key, token)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    template = chat_template_for(tokenizer, config)
    if template is not None:
        tokenizer.chat_template = template
    return added


def chat_template_for(tokenizer, config: dict[str, Any]) -> str | None:
    """The Jinja template `chat_template` names, as Axolotl resolves it (None: leave the tokenizer's)."""
    choice = config.get("chat_template")
    if choice is None and any(e.get("type") == "chat_template" for e in config.get("datasets") or []):
        choice = "tokenizer_default"  # Axolotl's default for chat_template data
    if choice is None:
        return None
    if choice == "chatml":
        return CHATML
    if choice == "tokenizer_default":
        if not tokenizer.chat_template:
            raise PromptError("chat_template: tokenizer_default, but this tokenizer has no chat template; use `chat_template: chatml`")
        return tokenizer.chat_template
    if choice.startswith("tokenizer_default_fallback_"):
        return tokenizer.chat_template or chat_template_for(tokenizer, {"chat_template": choice[len("tokenizer_default_fallback_"):]})
    if choice == "jinja":
        text = config.get("chat_template_jinja")
        if not text:
            raise PromptError("chat_template: jinja needs `chat_template_jinja` (a Jinja template, or a path to one)")
        path = Path(text) if len(text) < 4096 and "{" not in text else None
        return path.read_text() if path is not None and path.is_file() else text
    return _axolotl_template(choice)


def _axolotl_template(name: str) -> str:
    """One of Axolotl's named templates (llama3, phi_3, qwen_25...), read from the installed package."""
    import importlib.util

    spec = importlib.util.find_spec("axolotl")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "utils" / "chat_templates" / "templates" / f"{name}.jinja"
        if path.is_file():
            return path.read_text()
    raise PromptError(f"chat_template: {name!r} is one of Axolotl's named templates; reading it needs axolotl "
                      f"(`make setup-axolotl`), or use `chatml`, `tokenizer_default` or `jinja` with chat_template_jinja")


def end_of_turn_id(tokenizer) -> int:
    return tokenizer.eos_token_id


# ---------------------------------------------------------------- training examples
# Axolotl's defaults for a user-defined `type:` mapping (axolotl/prompt_strategies/user_defined.py).
USER_DEFINED_DEFAULTS = {"format": "{instruction} {input} ", "no_input_format": "{instruction} ",
                         "system_format": "{system}", "field_instruction": "instruction", "field_input": "input",
                         "field_output": "output", "field_system": "system"}


PREFERENCE_TYPES_LAID_OUT = "a user-defined mapping with prompt_format (Axolotl's user_defined.default)"


def layout_entry(config: dict[str, Any]) -> dict[str, Any]:
    """The dataset entry whose prompt layout the model is trained on and asked with.

    SFT recipes: the first training dataset. Preference recipes (`rl:`): the first dataset's
    Axolotl user-defined preference type, read as the same layout an SFT recipe writes
    (`preference_layout`).
    """
    entry = config["datasets"][0]
    if not config.get("rl"):
        return entry
    kind = entry.get("type")
    if not isinstance(kind, dict) or "prompt_format" not in kind:
        raise PromptError(f"datasets[0].type: a preference recipe ({config['rl']}) is asked in the layout of its "
                          f"data; this project reads {PREFERENCE_TYPES_LAID_OUT}, not {kind!r}")
    from tools.preference_layout import preference_layout

    return preference_layout(entry)


def user_defined(kind: dict[str, Any]) -> dict[str, Any]:
    """A user-defined `type:` mapping with Axolotl's defaults for what it leaves out."""
    return {**USER_DEFINED_DEFAULTS, **{k: v for k, v in kind.items() if v is not None}}


def _fill(template: str, key: str, **values: str) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError) as error:
        allowed = ", ".join("{" + k + "}" for k in values)
        raise PromptError(f"{key} {template!r}: unknown placeholder {error}; it may use {allowed}"
                          + (" (put the system prompt in system_format)" if str(error).strip("'") == "system" else "")) from None


def _prompt_text(kind: Any, row: dict[str, Any]) -> tuple[str, str]:
    """(prompt, answer) for the non-chat formats, laid out exactly as Axolotl 0.19 does."""
    if kind == "alpaca":
        instruction, text_input, answer = row["instruction"], row.get("input") or "", row["output"]
        template = ALPACA_WITH_INPUT if text_input else ALPACA_NO_INPUT
        return template.format(instruction=instruction, input=text_input), answer
    # Axolotl: system_format filled with the row's system field (else system_prompt) when that is
    # non-empty, then `format` when the row has a non-empty input, else `no_input_format`.
    spec = user_defined(kind)
    text_input = row.get(spec["field_input"]) or ""
    system = row[spec["field_system"]] if spec["field_system"] in row else kind.get("system_prompt") or ""
    prompt = _fill(spec["system_format"], "system_format", system=system) if system and spec["system_format"] else ""
    if text_input:
        prompt += _fill(spec["format"], "format", instruction=row[spec["field_instruction"]], input=text_input)
    else:
        prompt += _fill(spec["no_input_format"], "no_input_format", instruction=row[spec["field_instruction"]])
    return prompt, row[spec["field_output"]]


def _encode_completion(tokenizer, prompt: str, answer: str, train_on_inputs: bool) -> Encoded:
    prompt_ids = tokenizer(prompt, add_special_tokens=True)["input_ids"]
    answer_ids = tokenizer(answer, add_special_tokens=False)["input_ids"] + [end_of_turn_id(tokenizer)]
    labels = (list(prompt_ids) if train_on_inputs else [IGNORE] * len(prompt_ids)) + list(answer_ids)
    return Encoded(list(prompt_ids) + answer_ids, labels, len(prompt_ids))


def render_chat(tokenizer, messages: list[dict[str, str]], add_generation_prompt: bool = False) -> list[int]:
    return list(tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=add_generation_prompt,
                                              return_dict=False))


def _encode_chat(tokenizer, messages: list[dict[str, str]], entry: dict[str, Any], train_on_inputs: bool) -> Encoded:
    full = render_chat(tokenizer, messages)
    labels = list(full) if train_on_inputs else [IGNORE] * len(full)
    roles_to_train = set(entry.get("roles_to_train") or ["assistant"])
    train_on_eos = entry.get("train_on_eos", "turn")
    eot = end_of_turn_id(tokenizer)
    first = None
    turns = [i for i, m in enumerate(messages) if m["role"] in roles_to_train]
    for position, index in enumerate(turns):
        start = len(render_chat(tokenizer, messages[:index], add_generation_prompt=messages[index]["role"] == "assistant"))
        through = render_chat(tokenizer, messages[: index + 1])
        if full[: len(through)] != through:
            raise PromptError("the chat template renders a conversation prefix differently from the whole; "
                              "turn boundaries cannot be found (use `chat_template: chatml`)")
        end = len(through)
        # Supervise the turn's text and its end-of-turn token, not the separator after it.
        eot_positions = [p for p in range(start, end) if full[p] == eot]
        stop = eot_positions[-1] + 1 if eot_positions else end
        keep_eos = train_on_eos in ("turn", "all") or (train_on_eos == "last" and position == len(turns) - 1)
        if not keep_eos and eot_positions:
            stop -= 1
        for p in range(start, stop):
            labels[p] = full[p]
        first = start if first is None else first
    return Encoded(full, labels, first if first is not None else len(full))


def _encode_text(tokenizer, text: str) -> Encoded:
    """Axolotl's `completion`: the text with special tokens and an eos, every token supervised."""
    ids = list(tokenizer(text, add_special_tokens=True)["input_ids"])
    if not ids or ids[-1] != tokenizer.eos_token_id:
        ids.append(tokenizer.eos_token_id)
    return Encoded(ids, list(ids), 0)


def encode(row: dict[str, Any], entry: dict[str, Any], tokenizer, config: dict[str, Any]) -> Encoded:
    """Tokens and labels for one training row, exactly as every backend and check sees them."""
    from tools.data import messages_of

    train_on_inputs = bool(config.get("train_on_inputs"))  # unset: false, as in Axolotl
    kind = entry["type"]
    if kind == "chat_template":
        return _encode_chat(tokenizer, messages_of(row, entry), entry, train_on_inputs)
    if kind == "completion":
        return _encode_text(tokenizer, row[entry.get("field", "text")])
    prompt, answer = _prompt_text(kind, row)
    return _encode_completion(tokenizer, prompt, answer, train_on_inputs)


def encode_chunks(row: dict[str, Any], entry: dict[str, Any], tokenizer, config: dict[str, Any],
                  sequence_len: int) -> list[Encoded]:
    """`encode`, except that a `completion` text longer than `sequence_len` is cut into pieces, as
    Axolotl cuts it; other formats give one example (training drops it when it is too long)."""
    encoded = encode(row, entry, tokenizer, config)
    if entry["type"] != "completion" or len(encoded.input_ids) <= sequence_len:
        return [encoded]
    ids = encoded.input_ids
    return [Encoded(ids[i:i + sequence_len], ids[i:i + sequence_len], 0) for i in range(0, len(ids), sequence_len)]


def split_prompt_answer(row: dict[str, Any], entry: dict[str, Any], tokenizer, config: dict[str, Any]) -> tuple[list[int], str]:
    """Prompt ids up to the (last) answer, and the reference answer text, for generation-based metrics."""
    from tools.data import messages_of

    kind = entry["type"]
    if kind == "chat_template":
        messages = messages_of(row, entry)
        return render_chat(tokenizer, messages[:-1], add_generation_prompt=True), messages[-1]["content"]
    if kind == "completion":
        return list(tokenizer(row[entry.get("field", "text")], add_special_tokens=True)["input_ids"]), ""
    prompt, answer = _prompt_text(kind, row)
    return tokenizer(prompt, add_special_tokens=True)["input_ids"], answer


# ---------------------------------------------------------------- inference prompts
def inference_row(config: dict[str, Any], user_text: str, answer: str = "",
                  history: list[dict[str, str]] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(row, entry): a user message laid out as a row of the recipe's first training dataset, with
    `answer` as its output. Generation, the preference metric, the GGUF chat template and the
    Modelfile all start here.

    With `generation.instruction` (a recipe whose rows share one fixed instruction, such as the
    JSON extractor's), the user's text is the row's input and the instruction is that sentence;
    otherwise the user's text is the instruction (question) and the input is empty.
    """
    entry = layout_entry(config)
    kind = entry["type"]
    generation = config.get("generation") or {}
    if kind == "chat_template":
        messages = []
        if generation.get("system_prompt"):
            messages.append({"role": "system", "content": generation["system_prompt"]})
        messages += list(history or []) + [{"role": "user", "content": user_text}, {"role": "assistant", "content": answer}]
        # The row is written with the canonical message keys, so the entry loses the data's own mappings.
        plain = {k: v for k, v in entry.items() if k not in ("field_messages", "message_property_mappings", "roles",
                                                                 "message_field_role", "message_field_content")}
        return {"messages": messages}, plain
    if kind == "completion":
        return {entry.get("field", "text"): user_text + answer}, entry
    instruction = generation.get("instruction")
    if kind == "alpaca":
        row = {"instruction": instruction, "input": user_text} if instruction else {"instruction": user_text, "input": ""}
        return {**row, "output": answer}, entry
    spec = user_defined(kind)
    if instruction:
        row = {spec["field_instruction"]: instruction, spec["field_input"]: user_text}
    else:
        row = {spec["field_instruction"]: user_text}
    return {**row, spec["field_output"]: answer}, entry


def generation_prompt(config: dict[str, Any], tokenizer, user_text: str,
                      history: list[dict[str, str]] | None = None) -> list[int]:
    """Prompt ids for a user message, laid out as the recipe's first training dataset was."""
    row, entry = inference_row(config, user_text, "", history)
    return split_prompt_answer(row, entry, tokenizer, config)[0]


# ---------------------------------------------------------------- the layout as a template
USER_SLOT = "\x00USER\x00"
SYSTEM_SLOT = "\x00SYSTEM\x00"


@dataclass(frozen=True)
class CompletionLayout:
    """A completion recipe's prompt for one user message, as text around the message:

    [`system_open` + system prompt + `system_close`, when the layout has a system slot and there
    is a system prompt] + `before` + message + `after`; the answer follows `after` directly.
    Derived from `_prompt_text`, the layout training uses, so the templates built from it (the
    GGUF chat template here, Ollama's TEMPLATE in tools/modelfile.py) cannot drift from it.
    """

    before: str
    after: str
    system: str | None = None  # the recipe's system prompt, the default for the slot
    system_slot: bool = False  # user-defined formats write a system prompt with `system_format`
    system_open: str = ""
    system_close: str = ""


def completion_layout(config: dict[str, Any]) -> CompletionLayout:
    entry = layout_entry(config)
    kind = entry["type"]
    if kind == "chat_template":
        raise PromptError("chat recipes are laid out by their chat template, not by a completion layout")
    if kind == "completion":
        return CompletionLayout("", "")  # the user's text is the prompt; the model continues it
    row, _ = inference_row(config, USER_SLOT)
    if kind == "alpaca":
        prompt, _ = _prompt_text(kind, row)
        before, after = _split_once(prompt, USER_SLOT, "the user's message")
        return CompletionLayout(before, after)
    spec = user_defined(kind)
    plain, _ = _prompt_text({**kind, "system_prompt": None}, {k: v for k, v in row.items() if k != spec["field_system"]})
    before, after = _split_once(plain, USER_SLOT, "the user's message")
    system_open, system_close = _split_once(_fill(spec["system_format"], "system_format", system=SYSTEM_SLOT),
                                            SYSTEM_SLOT, "{system}")
    return CompletionLayout(before, after, kind.get("system_prompt") or None, True, system_open, system_close)


def _split_once(text: str, slot: str, what: str) -> tuple[str, str]:
    if text.count(slot) != 1:
        raise PromptError(f"the prompt layout uses {what} {text.count(slot)} times; expected once")
    head, tail = text.split(slot)
    return head, tail


def _jinja_literal(text: str) -> str:
    return "{{ " + json.dumps(text, ensure_ascii=False) + " }}" if text else ""


def chat_template_text(config: dict[str, Any], tokenizer) -> str:
    """The Jinja chat template of the recipe's prompt layout, as the merged model and its GGUF carry it.

    Chat recipes: the (prepared) tokenizer's own template, with the recipe's system prompt when a
    conversation brings none (`generation.system_prompt`). Completion recipes: a template that
    renders the training prompt for the last user message (a system message replaces the
    recipe's system prompt) and, when the conversation ends with an assistant message, that
    answer and the eos token, as training lays out a row.
    """
    if layout_entry(config)["type"] == "chat_template":
        system = (config.get("generation") or {}).get("system_prompt")
        if not system:
            return tokenizer.chat_template
        # Training conversations carry the recipe's system prompt; a chat without one gets it too.
        return ("{%- if not messages or messages[0]['role'] != 'system' -%}"
                "{%- set messages = [{'role': 'system', 'content': " + json.dumps(system, ensure_ascii=False) + "}] + messages -%}"
                "{%- endif -%}" + tokenizer.chat_template)
    layout = completion_layout(config)
    bos = "{{ bos_token }}" if _adds_bos(tokenizer) else ""
    system = ""
    if layout.system_slot:
        system = ("{%- if state.system %}" + _jinja_literal(layout.system_open) + "{{ state.system }}"
                  + _jinja_literal(layout.system_close) + "{% endif -%}")
    default = json.dumps(layout.system, ensure_ascii=False) if layout.system else "none"
    return ("{%- set state = namespace(system=" + default + ", user='', answer=none) -%}"
            "{%- for message in messages -%}"
            "{%- if message['role'] == 'system' %}{% set state.system = message['content'] %}"
            "{%- elif message['role'] == 'user' %}{% set state.user = message['content'] %}{% set state.answer = none %}"
            "{%- elif message['role'] == 'assistant' %}{% set state.answer = message['content'] %}{% endif -%}"
            "{%- endfor -%}"
            + bos + system + _jinja_literal(layout.before) + "{{ state.user }}" + _jinja_literal(layout.after)
            + "{%- if state.answer is not none %}{{ state.answer }}{{ eos_token }}{% endif -%}")


def _adds_bos(tokenizer) -> bool:
    bos = tokenizer.bos_token_id
    return bos is not None and tokenizer("a", add_special_tokens=True)["input_ids"][:1] == [bos]
