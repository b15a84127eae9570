"""A subset of Go's text/template, enough to run the TEMPLATEs an Ollama Modelfile carries, and
the values Ollama hands such a template.

`render()` executes if/else/range, fields, `eq`/`ne`/`not`/`and`/`or`/`len`, string literals and
`{{-`/`-}}` trimming; anything else is refused with TemplateError rather than misread.
`ollama_values()` lays a conversation out the way Ollama passes it (.System, .Messages, .Prompt),
so a test can check that Ollama would build exactly the prompt the model was trained on.
"""
from __future__ import annotations

import re
from typing import Any


class TemplateError(ValueError):
    """A template outside the supported subset, or one that cannot be executed."""


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
        raise TemplateError(f"template: unexpected {pieces[rest][1]!r}")
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
            raise TemplateError(f"template: {{{{ {word} }}}} without {{{{ end }}}}")
        if stop == "end":
            break
        rest = stop[len("else"):].strip()
        if rest.startswith("if ") and word == "if":
            expr = rest[3:].strip()
            continue
        else_body, i, stop = _block(pieces, i + 1)
        if stop != "end":
            raise TemplateError("template: {{ else }} without {{ end }}")
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
        raise TemplateError(f"template: cannot read {expr!r}")
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
            raise TemplateError("template: unbalanced parenthesis")
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
        raise TemplateError(f"template: unknown function or value {token!r}")
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
