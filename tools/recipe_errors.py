"""What is wrong with a resolved recipe, worded as `file:line: key: problem (what to do)`.

Two passes: the schema (tools/recipe_schema.py: Axolotl's keys and the project's) and the rules a
schema cannot say: combinations of keys, with Axolotl's own reason where Axolotl rejects the
combination (tests/test_recipes.py checks each rule against Axolotl itself when it is installed),
and the project's rules (a `name` equal to the file name, data files that exist, prompt formats
Axolotl can fill). Only PyYAML-free, torch-free code: validation stays fast.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from tools import recipe_schema
from tools.paths import ROOT, display
from tools.recipe_files import recipe_files

BUILTIN_ADAPTERS = ("lora", "qlora", "llama-adapter")  # Axolotl's; others come from plugins


def key_label(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _json_type(value: Any) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "mapping",
            type(None): "null"}.get(type(value), type(value).__name__)


def _branch_types(node: dict[str, Any]) -> list[str]:
    """The JSON types a node accepts, for "expected a ..." (nulls are unset, so never listed)."""
    found: list[str] = []
    for option in node.get("anyOf", []) + node.get("oneOf", []) or [node]:
        option = recipe_schema.resolve_ref(option)
        kind = option.get("type")
        kinds = kind if isinstance(kind, list) else [kind] if kind else []
        if "const" in option:
            kinds = [repr(option["const"])]
        elif "enum" in option:
            kinds = [f"one of {', '.join(map(repr, option['enum']))}"]
        elif not kinds and "properties" in option:
            kinds = ["object"]
        found += [k for k in kinds if k != "null" and k not in found]
    return found


def describe(error) -> list[tuple[tuple, str]]:
    """(key path, message) pairs for one jsonschema error."""
    path = tuple(error.absolute_path)
    label = key_label(path)
    value = error.instance
    kind = error.validator
    if kind == "additionalProperties":
        allowed = recipe_schema.allowed_keys(path)
        extra = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        messages = []
        for key in extra:
            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            suggestion = (f" (did you mean '{hint[0]}'?)" if hint else
                          "; `make show` lists this recipe's keys and docs/recipe-reference.md every key")
            messages.append((path + (key,), f"{key_label(path + (key,))}: unknown key{suggestion}"))
        return messages
    if kind == "required":
        missing = error.message.split("'")[1]
        where = f"{label}: " if path else ""
        text = recipe_schema.description(path + (missing,))
        return [(path, f"{where}missing required key '{missing}'" + (f" ({text.split('. ')[0].rstrip('.')}.)" if text else ""))]
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return [(path, f"{label}: {value!r} is a {_json_type(value)}, expected {_article(wanted)} {wanted}")]
    if kind == "enum":
        options = ", ".join(repr(v) for v in error.validator_value)
        hint = difflib.get_close_matches(str(value), [str(v) for v in error.validator_value], n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        if len(error.validator_value) > 12:
            options = ", ".join(repr(v) for v in error.validator_value[:12]) + ", ..."
        return [(path, f"{label}: {value!r} is not one of {options}{suggestion}")]
    if kind in ("minimum", "exclusiveMinimum"):
        word = "less than" if kind == "minimum" else "not more than"
        return [(path, f"{label}: {value} is {word} {error.validator_value}")]
    if kind in ("maximum", "exclusiveMaximum"):
        word = "more than" if kind == "maximum" else "not less than"
        return [(path, f"{label}: {value} is {word} {error.validator_value}")]
    if kind == "minLength":
        return [(path, f"{label}: must not be empty")]
    if kind == "minItems":
        return [(path, f"{label}: needs at least {error.validator_value} item(s)")]
    if kind == "pattern":
        return [(path, f"{label}: {value!r} does not match {error.validator_value}")]
    if kind == "uniqueItems":
        return [(path, f"{label}: has duplicate items")]
    if kind in ("oneOf", "anyOf") and isinstance(value, dict) and error.context:
        # A mapping that fits none of the branches: explain with the branch that takes a mapping.
        inner = [e for e in error.context if e.validator not in ("type", "enum", "const", "$ref")]
        if inner:
            return [found for e in inner for found in describe(e)]
    if kind in ("oneOf", "anyOf", "const"):
        node = recipe_schema.node_at(path) or {}
        types = _branch_types(node)
        expected = f"expected {' or '.join(types)}" if types else "not valid here"
        text = (node.get("description") or "").split(". ")[0].rstrip(".")
        return [(path, f"{label}: {value!r} is not valid here ({expected}" + (f"; {text}" if text else "") + ")")]
    return [(path, f"{label}: {error.message}")]


def schema_errors(config: dict[str, Any]) -> list[tuple[tuple, str]]:
    from jsonschema import Draft202012Validator

    found: list[tuple[tuple, str]] = []
    errors = list(Draft202012Validator(recipe_schema.combined()).iter_errors(config))
    precise = {tuple(e.absolute_path) for e in errors if e.validator not in ("anyOf", "oneOf")}
    for error in errors:
        if error.validator in ("anyOf", "oneOf") and tuple(error.absolute_path) in precise:
            continue  # the project layer already said what is wrong with this value
        found += describe(error)
    return found


# ---------------------------------------------------------------- rules a schema cannot say
def axolotl_rule_errors(config: dict[str, Any]) -> list[tuple[tuple, str]]:
    """Combinations Axolotl 0.19 rejects, with Axolotl's reason (its wording, then what to do)."""
    errors: list[tuple[tuple, str]] = []
    adapter = config.get("adapter")
    four, eight = bool(config.get("load_in_4bit")), bool(config.get("load_in_8bit"))
    if not adapter and (four or eight):
        key = "load_in_4bit" if four else "load_in_8bit"
        errors.append(((key,), f"{key}: load_in_8bit and load_in_4bit are not supported without setting an adapter "
                                "for training (Axolotl); set `adapter: qlora` (or lora), or remove it to fine-tune fully"))
    if adapter and adapter not in BUILTIN_ADAPTERS and not config.get("plugins"):
        hint = difflib.get_close_matches(str(adapter), BUILTIN_ADAPTERS, n=1)
        errors.append((("adapter",), f"adapter: Adapter '{adapter}' is not built in and was not registered by a plugin "
                                     f"(Axolotl); built in: {', '.join(BUILTIN_ADAPTERS)}"
                                     + (f" (did you mean '{hint[0]}'?)" if hint else "")))
    if adapter == "qlora":
        if eight:
            errors.append((("load_in_8bit",), "load_in_8bit: Can't load qlora in 8bit (Axolotl); use `load_in_4bit: true`"))
        elif not four:
            errors.append((("adapter",), "adapter: Require cfg.load_in_4bit to be True for qlora (Axolotl); "
                                         "add `load_in_4bit: true`"))
    if config.get("warmup_steps") and config.get("warmup_ratio"):
        errors.append((("warmup_ratio",), "warmup_ratio: warmup_steps and warmup_ratio are mutually exclusive (Axolotl); keep one"))
    if config.get("sample_packing") and config.get("eval_table_size") and config.get("eval_sample_packing") is not False:
        errors.append((("eval_table_size",), "eval_table_size: eval_table_size and eval_sample_packing are not supported "
                                             "together with sample_packing (Axolotl); set `eval_sample_packing: false`"))
    return errors


def project_rule_errors(config: dict[str, Any], path_of_file: Path, check_paths: bool) -> list[tuple[tuple, str]]:
    errors: list[tuple[tuple, str]] = []
    name = config.get("name")
    if isinstance(name, str) and path_of_file.stem != name:
        errors.append((("name",), f"name: '{name}' differs from the file name '{path_of_file.stem}'; make them equal "
                                  "(or remove `name`: it defaults to the file name)"))
    if check_paths:
        for file in recipe_files(config):
            if "://" not in file.path and not (ROOT / file.path).is_file():
                errors.append((file.key, f"{key_label(file.key)}: file '{file.path}' does not exist (paths are relative to the repository root)"))
    entries = [((s, i), e) for s in recipe_schema.DATASET_SECTIONS for i, e in enumerate(config.get(s) or [])]
    entries += [(("evaluation", "nll", i), e) for i, e in enumerate((config.get("evaluation") or {}).get("nll") or [])]
    for key_path, entry in entries:
        kind = entry.get("type") if isinstance(entry, dict) else None
        for key in ("format", "no_input_format"):
            if isinstance(kind, dict) and "{system}" in str(kind.get(key, "")):
                errors.append((key_path + ("type", key), f"{key}: Axolotl fills only {{instruction}}/{{input}} here; "
                               "move the system part into `system_format` (e.g. \"<|im_start|>system\\n{system}<|im_end|>\\n\")"))
    return errors


def validate(config: dict[str, Any], where: dict[tuple, str], path: Path, check_paths: bool = True) -> list[str]:
    """All problems of a resolved recipe, each as `file:line: key: message`, in line order."""
    found = schema_errors(config) + axolotl_rule_errors(config) + project_rule_errors(config, path, check_paths)

    def locate(key_path: tuple) -> str:
        probe = tuple(key_path)
        while probe and probe not in where:
            probe = probe[:-1]
        return where.get(probe, display(path))

    unique = []
    for key_path, message in found:
        line = f"{locate(key_path)}: {message}"
        if line not in unique:
            unique.append(line)

    def order(line: str) -> tuple:
        head = line.split(": ", 1)[0]
        number = head.rsplit(":", 1)[-1].split(" ")[0]
        return (head.rsplit(":", 1)[0], int(number) if number.isdigit() else 0)

    return sorted(unique, key=order)


def warnings(config: dict[str, Any], where: dict[tuple, str], path: Path) -> list[str]:
    """Valid but probably not what the author meant, each as `file:line: key: what happens (fix)`."""
    found = []
    for section in recipe_schema.DATASET_SECTIONS:
        for index, entry in enumerate(config.get(section) or []):
            kind = entry.get("type") if isinstance(entry, dict) else None
            if isinstance(kind, dict) and "format" in kind and "no_input_format" not in kind:
                key_path = (section, index, "type", "format")
                line = where.get(key_path) or where.get((section, index)) or display(path)
                found.append(f"{line}: {key_label(key_path)}: used only for rows with a non-empty input; rows without one "
                             f"(every row, in question/answer data) are laid out with Axolotl's default no_input_format "
                             f"'{{instruction}} ', not with this format: set `no_input_format` too (this prompt without {{input}})")
    return found
