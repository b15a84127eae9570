"""Read JSONL data in the recipe formats, with line-numbered errors.

Formats (schemas in datasets/schemas/): `question_answer`, `instruction_response`, `alpaca`,
`chat`, `completion`. A recipe's `datasets[].type` says which: `alpaca`, `chat_template` and
`completion` are Axolotl's names; a user-defined prompt mapping is `question_answer` or
`instruction_response` when its fields are those, otherwise a `custom` format whose required fields
are the mapping's fields. Chat rows may name their fields and roles as Axolotl lets them
(`field_messages`, `message_property_mappings`, `roles`: ShareGPT's `from`/`value` and
`human`/`gpt`); `messages_of` returns them as `role`/`content` with the canonical role names.
Preference recipes (`rl:`) use Axolotl's user-defined preference types: `preference` (prompt,
chosen, rejected; a pair whose two answers are equal is an error) and `kto` (prompt, completion,
boolean label), their fields renamed by the type's field_* keys.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from tools.paths import ROOT, SCHEMAS_DIR, display


class DataError(Exception):
    """Problems with data files; `errors` holds one `file:line: problem` each."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors[:20]) + (f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""))
        self.errors = errors


@dataclass
class Row:
    source: str  # display path of the file
    line: int  # 1-based line number
    data: dict[str, Any]

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


# Axolotl's chat_template defaults: message keys, and the names each role may go by in the data.
DEFAULT_PROPERTY_MAPPINGS = {"role": "role", "content": "content"}
DEFAULT_ROLES = {"user": ["user", "human"], "assistant": ["assistant", "gpt", "model"], "system": ["system"]}


# Axolotl's user-defined preference types (prompt_strategies/dpo|kto/user_defined.py): their keys, and
# the field each names -> the field of datasets/schemas/<format>.schema.json it stands for.
PREFERENCE_KEYS = ("field_chosen", "field_rejected", "chosen_format", "rejected_format")
KTO_KEYS = ("field_completion", "field_label", "completion_format")
RENAMED_FIELDS = {"preference": {"field_prompt": "prompt", "field_chosen": "chosen", "field_rejected": "rejected"},
                  "kto": {"field_prompt": "prompt", "field_completion": "completion", "field_label": "label"}}


def format_of(entry: dict[str, Any]) -> str:
    """The data format of one `datasets[]` entry of a recipe."""
    kind = entry.get("type")
    if kind == "chat_template":
        return "chat"
    if kind in ("alpaca", "completion"):
        return kind
    if isinstance(kind, dict):
        if any(k in kind for k in PREFERENCE_KEYS):
            return "preference"
        if any(k in kind for k in KTO_KEYS):
            return "kto"
        fields = (kind.get("field_instruction", "instruction"), kind.get("field_output", "output"))
        if fields == ("question", "answer") and not kind.get("field_input"):
            return "question_answer"
        if fields == ("instruction", "response") and not kind.get("field_input"):
            return "instruction_response"
        return "custom"
    raise ValueError(f"unknown dataset type {kind!r}")


@lru_cache(maxsize=None)
def _named_schema(fmt: str) -> dict[str, Any]:
    return json.loads((SCHEMAS_DIR / f"{fmt}.schema.json").read_text())


def _mappings(entry: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
    """(role key, content key, data role name -> canonical role) of a chat entry, as Axolotl reads them."""
    mappings = {**DEFAULT_PROPERTY_MAPPINGS, **(entry.get("message_property_mappings") or {})}
    role_key = entry.get("message_field_role") or mappings["role"]
    content_key = entry.get("message_field_content") or mappings["content"]
    roles = entry.get("roles") or DEFAULT_ROLES
    names = {alias: canonical for canonical, aliases in roles.items() for alias in (aliases or [])}
    names.update({canonical: canonical for canonical in roles})
    return role_key, content_key, names


def schema_for(entry: dict[str, Any]) -> dict[str, Any]:
    fmt = format_of(entry)
    if fmt == "completion":
        field = entry.get("field", "text")
        return {"type": "object", "title": "completion", "required": [field],
                "properties": {field: {"type": "string", "minLength": 1, "pattern": "\\S"}}}
    if fmt in RENAMED_FIELDS:  # the named schema with the fields the type names
        schema = json.loads(json.dumps(_named_schema(fmt)))
        names = {canonical: entry["type"].get(key) or canonical for key, canonical in RENAMED_FIELDS[fmt].items()}
        schema["properties"] = {names[k]: v for k, v in schema["properties"].items()}
        schema["required"] = [names[k] for k in schema["required"]]
        return schema
    if fmt != "custom":
        schema = json.loads(json.dumps(_named_schema(fmt)))
    else:
        kind = entry["type"]
        text = {"type": "string", "minLength": 1, "pattern": "\\S"}
        props = {kind.get("field_instruction", "instruction"): text, kind.get("field_output", "output"): text}
        required = list(props)
        if kind.get("field_input"):
            props[kind["field_input"]] = {"type": "string"}
        if kind.get("field_system"):
            props[kind["field_system"]] = {"type": "string"}
        schema = {"type": "object", "required": required, "properties": props, "title": "custom"}
    if fmt == "chat":
        role_key, content_key, names = _mappings(entry)
        items = schema["properties"]["messages"]["items"]
        if (role_key, content_key) != ("role", "content") or set(names) != {"system", "user", "assistant"}:
            items["properties"] = {role_key: {"enum": sorted(names), "description": "Who speaks."},
                                   content_key: items["properties"]["content"]}
            items["required"] = [role_key, content_key]
            items.pop("additionalProperties", None)  # other message keys (weights, names) are Axolotl's business
        field = entry.get("field_messages", "messages")
        schema["properties"] = {field: schema["properties"]["messages"]}
        schema["required"] = [field]
    return schema


def messages_of(row: dict[str, Any], entry: dict[str, Any]) -> list[dict[str, str]]:
    """The conversation of a chat row as [{"role", "content"}] with canonical roles (system/user/assistant)."""
    role_key, content_key, names = _mappings(entry)
    raw = row[entry.get("field_messages", "messages")]
    if (role_key, content_key) == ("role", "content") and all(m.get("role") in ("system", "user", "assistant") for m in raw):
        return raw
    return [{"role": names.get(m[role_key], m[role_key]), "content": m[content_key]} for m in raw]


def _chat_order_problem(messages: list[dict[str, Any]]) -> str | None:
    roles = [m.get("role") for m in messages if isinstance(m, dict)]
    body = roles[1:] if roles and roles[0] == "system" else roles
    if "system" in body:
        return f"messages[{roles.index('system', 1)}]: a system message may only come first"
    if not body or body[0] != "user":
        return "messages: the first message after the system prompt must be from the user"
    for index, (a, b) in enumerate(zip(body, body[1:])):
        if a == b:
            offset = len(roles) - len(body)
            return f"messages[{index + 1 + offset}]: two '{a}' turns in a row; user and assistant must alternate"
    if body[-1] != "assistant":
        return "messages: the conversation must end with an assistant turn (the answer to learn)"
    return None


def _field_label(path: list) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(error) -> str:
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        where = _field_label(path)
        return f"missing field '{missing}'" + (f" in {where}" if where else "")
    label = _field_label(path) or "row"
    if error.validator in ("minLength", "pattern"):
        return f"field '{label}' is empty"
    if error.validator == "type":
        return f"field '{label}' must be a {error.validator_value}, not {type(error.instance).__name__}"
    if error.validator == "enum":
        return f"field '{label}': {error.instance!r} is not one of {', '.join(map(repr, error.validator_value))}"
    if error.validator == "additionalProperties":
        return f"field '{label}': {error.message}"
    if error.validator == "minItems":
        return f"field '{label}' needs at least {error.validator_value} items"
    return f"field '{label}': {error.message}"


def iter_jsonl(path: Path) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, parsed object or None, error or None) for each non-blank line, streaming."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line.rstrip("\r\n")), None  # columns then stay on this line
            except json.JSONDecodeError as error:
                yield number, None, f"not valid JSON ({error.msg} at column {error.colno})"


def check_row(obj: Any, entry: dict[str, Any]) -> list[str]:
    """Problems of one parsed row against its format (empty list when fine)."""
    from jsonschema import Draft202012Validator

    if not isinstance(obj, dict):
        return [f"expected a JSON object, got {type(obj).__name__}"]
    problems = [_describe(e) for e in sorted(Draft202012Validator(schema_for(entry)).iter_errors(obj), key=lambda e: list(e.absolute_path))]
    if not problems and format_of(entry) == "preference":
        chosen, rejected = (entry["type"].get(k) or k.split("_")[1] for k in ("field_chosen", "field_rejected"))
        if obj[chosen].strip() == obj[rejected].strip():
            problems.append(f"'{chosen}' and '{rejected}' are the same answer: the pair teaches nothing; "
                            f"write a rejected answer the model should not give")
    if not problems and format_of(entry) == "chat":
        order = _chat_order_problem(messages_of(obj, entry))
        if order:
            problems.append(order)
    return problems


def resolve_path(path: str | Path) -> Path:
    p = Path(path)
    return p if p.is_absolute() else ROOT / p


def load_rows(entry: dict[str, Any]) -> list[Row]:
    """All rows of one dataset entry; raises DataError listing every bad line."""
    path = resolve_path(entry["path"])
    source = display(path)
    if not path.is_file():
        raise DataError([f"{source}: file not found"])
    rows, errors = [], []
    for number, obj, parse_error in iter_jsonl(path):
        problems = [parse_error] if parse_error else check_row(obj, entry)
        if problems:
            errors += [f"{source}:{number}: {p}" for p in problems]
        else:
            rows.append(Row(source, number, obj))
    if errors:
        raise DataError(errors)
    if not rows:
        raise DataError([f"{source}: no examples (the file is empty)"])
    return rows


def read_jsonl(path: str | Path) -> list[Row]:
    """Rows of a plain JSONL file with no recipe format (preference pairs, QA references)."""
    path = resolve_path(path)
    rows, errors = [], []
    for number, obj, parse_error in iter_jsonl(path):
        if parse_error or not isinstance(obj, dict):
            errors.append(f"{display(path)}:{number}: {parse_error or 'expected a JSON object'}")
        else:
            rows.append(Row(display(path), number, obj))
    if errors:
        raise DataError(errors)
    return rows


def require_fields(rows: list[Row], fields: tuple[str, ...]) -> None:
    errors = [f"{row.where}: missing field '{f}'" for row in rows for f in fields
              if not isinstance(row.data.get(f), str) or not row.data[f].strip()]
    if errors:
        raise DataError(errors)
