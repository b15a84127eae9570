"""Load, resolve and validate recipes: `extends`, PROFILE, MODEL and SET applied, errors with lines.

    python -m tools.recipe validate                      # every recipe in recipes/ (make validate)
    python -m tools.recipe validate phi2-tutor           # one, by name or path
    python -m tools.recipe show phi2-tutor --model smollm2-135m-instruct --set "max_steps=3"

Every error names the file, the line, the key path and what to do, e.g.
`recipes/phi2-tutor.yaml:14: lora_rr: unknown key (did you mean 'lora_r'?)`; all errors of a
file are reported together. Only PyYAML and jsonschema are imported here, so validation is fast.
"""
from __future__ import annotations

import argparse
import copy
import difflib
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tools.paths import RECIPES_DIR, ROOT, display

SCHEMA_PATH = Path(__file__).with_name("recipe.schema.json")
# Sections that belong to this project, not to Axolotl; removed from configs handed to Axolotl.
PROJECT_KEYS = ("name", "description", "extends", "base_model_license", "generation", "evaluation", "export", "serve", "profiles")


class RecipeError(Exception):
    """One or more problems with a recipe; `errors` holds one line each."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Recipe:
    name: str
    path: Path
    config: dict[str, Any]
    applied: list[str] = field(default_factory=list)  # extends/profile/MODEL/SET, in order

    def __getitem__(self, key: str) -> Any:
        return self.config[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.config.get(key, default)

    def section(self, key: str) -> dict[str, Any]:
        return self.config.get(key) or {}

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.config, sort_keys=True).encode()).hexdigest()[:16]

    def axolotl_config(self) -> dict[str, Any]:
        return {k: copy.deepcopy(v) for k, v in self.config.items() if k not in PROJECT_KEYS}


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text())


# ---------------------------------------------------------------- reading YAML with line numbers
class _Lines:
    """Maps key paths (tuples of keys and list indexes) to 1-based line numbers in one file."""

    def __init__(self, source: str, node: yaml.Node | None):
        self.source = source
        self.lines: dict[tuple, int] = {}
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: tuple) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key_path = path + (key_node.value,)
                self.lines[key_path] = key_node.start_mark.line + 1
                self._walk(value_node, key_path)
                self.lines[key_path] = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, path + (index,))

    def where(self, path: tuple) -> str:
        probe = tuple(path)
        while probe and probe not in self.lines:
            probe = probe[:-1]
        line = self.lines.get(probe)
        return f"{self.source}:{line}" if line else self.source


def _read_yaml(path: Path) -> tuple[dict[str, Any], _Lines]:
    source = display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecipeError([f"{source}: file not found"]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise RecipeError([f"{source}{line}: YAML syntax error: {problem}"]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RecipeError([f"{source}:1: a recipe must be a mapping of keys to values, not a {type(data).__name__}"])
    return data, _Lines(source, node)


# ---------------------------------------------------------------- resolution
def recipe_path(name_or_path: str | Path) -> Path:
    """A recipe name (`phi2-tutor`) or a path to a YAML file."""
    text = str(name_or_path)
    candidate = Path(text)
    if text.endswith((".yaml", ".yml")) or "/" in text:
        return candidate if candidate.is_absolute() else (Path.cwd() / candidate)
    return RECIPES_DIR / f"{text}.yaml"


def all_recipe_paths() -> list[Path]:
    return sorted(RECIPES_DIR.rglob("*.yaml"))


def deep_merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Child wins; mappings merge recursively, lists and scalars are replaced."""
    merged = copy.deepcopy(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _load_chain(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], dict[tuple, str]]:
    """The file merged over what it extends; returns the config and a key path -> 'file:line' map."""
    path = path.resolve()
    if path in seen:
        cycle = " -> ".join(display(p) for p in seen + (path,))
        raise RecipeError([f"{display(seen[-1])}: extends: cycle {cycle}; remove one of the `extends` keys"])
    data, lines = _read_yaml(path)
    where: dict[tuple, str] = {}
    parent_name = data.get("extends")
    if parent_name is not None:
        if not isinstance(parent_name, str):
            raise RecipeError([f"{lines.where(('extends',))}: extends: must be a recipe name or path, not {parent_name!r}"])
        parent_path = recipe_path(parent_name)
        if not parent_path.is_absolute() or not parent_path.exists():
            sibling = path.parent / parent_name
            parent_path = sibling if sibling.exists() else parent_path
        if not parent_path.exists():
            raise RecipeError([f"{lines.where(('extends',))}: extends: no recipe '{parent_name}' ({display(parent_path)} does not exist)"])
        parent, where = _load_chain(parent_path, seen + (path,))
        data = deep_merge(parent, {k: v for k, v in data.items() if k != "extends"})
    for key_path in _paths(data):
        if key_path in lines.lines or key_path not in where:
            where[key_path] = lines.where(key_path)
    return data, where


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, prefix + (index,))
    return out


def parse_set(text: str | list[str] | None) -> list[tuple[str, Any]]:
    """`"max_steps=3 generation.max_new_tokens=20"` -> [("max_steps", 3), ...]; values are YAML scalars."""
    if not text:
        return []
    items = text.split() if isinstance(text, str) else [part for chunk in text for part in chunk.split()]
    pairs = []
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise RecipeError([f"SET: '{item}': expected key=value, e.g. SET=\"max_steps=3 micro_batch_size=2\""])
        try:
            value = yaml.safe_load(raw) if raw else ""
        except yaml.YAMLError:
            value = raw
        pairs.append((key, value))
    return pairs


def _apply_set(config: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    target = config
    for part in parts[:-1]:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[parts[-1]] = value


def load_recipe(
    name_or_path: str | Path,
    model: str | None = None,
    overrides: str | list[str] | None = None,
    profile: str | None = None,
    check_paths: bool = True,
) -> Recipe:
    """Read a recipe, apply extends, PROFILE, MODEL and SET (in that order) and validate the result."""
    path = recipe_path(name_or_path)
    if not path.exists():
        known = ", ".join(p.stem for p in all_recipe_paths())
        hint = difflib.get_close_matches(str(name_or_path), [p.stem for p in all_recipe_paths()], n=1)
        did_you_mean = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise RecipeError([f"{name_or_path}: no such recipe{did_you_mean}; known recipes: {known}"])
    config, where = _load_chain(path)
    applied = [f"extends {config.get('extends')}"] if "extends" in _read_yaml(path)[0] else []
    if profile:
        profiles = config.get("profiles") or {}
        if profile not in profiles:
            raise RecipeError([f"{display(path)}: profiles: no profile '{profile}' (this recipe has: {', '.join(profiles) or 'none'})"])
        config = deep_merge(config, profiles[profile])
        for key_path in _paths(profiles[profile]):
            where[key_path] = f"{where.get(('profiles', profile) + key_path, display(path))} (profile {profile})"
        applied.append(f"PROFILE={profile}")
    if model:
        config["base_model"] = model
        where[("base_model",)] = "MODEL"
        applied.append(f"MODEL={model}")
    for key, value in parse_set(overrides):
        _apply_set(config, key, value)
        for key_path in _paths(value, tuple(key.split("."))):
            where[key_path] = "SET"
        applied.append(f"SET {key}={value!r}")
    errors = validate(config, where, path, check_paths=check_paths)
    if errors:
        raise RecipeError(errors)
    return Recipe(name=config["name"], path=path, config=config, applied=applied)


# ---------------------------------------------------------------- validation
def _key_label(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _schema_at(schema: dict[str, Any], path: tuple) -> dict[str, Any] | None:
    node = schema
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            props = node.get("properties")
            if props is None:
                for option in node.get("oneOf", []):
                    if "properties" in option:
                        props = option["properties"]
                if props is None:
                    return None
            node = props.get(part)
            if node is None:
                return None
    for option in node.get("oneOf", []):  # a key that takes a string or a mapping: the mapping
        if "properties" in option:
            return {**option, "description": node.get("description", "")}
    return node


def _describe_error(error, config: dict[str, Any], schema: dict[str, Any]) -> list[tuple[tuple, str]]:
    path = tuple(error.absolute_path)
    label = _key_label(path)
    value = error.instance
    kind = error.validator
    if kind == "additionalProperties":
        parent_schema = _schema_at(schema, path) or {}
        allowed = list((parent_schema.get("properties") or {}).keys())
        extra = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        messages = []
        for key in extra:
            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else f"; allowed keys here: {', '.join(sorted(allowed))}"
            messages.append((path + (key,), f"{_key_label(path + (key,))}: unknown key{suggestion}"))
        return messages
    if kind == "required":
        missing = error.message.split("'")[1]
        where = f"{label}: " if path else ""
        description = _describe(schema, path + (missing,))
        return [(path, f"{where}missing required key '{missing}'" + (f" ({description})" if description else ""))]
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return [(path, f"{label}: {value!r} is a {_json_type(value)}, expected {_article(wanted)} {wanted}")]
    if kind == "enum":
        options = ", ".join(repr(v) for v in error.validator_value)
        hint = difflib.get_close_matches(str(value), [str(v) for v in error.validator_value], n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
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
    if kind == "oneOf" and isinstance(value, dict) and error.context:
        # Explain with the branch that takes a mapping, not with "is not a string".
        inner = [e for e in error.context if e.validator not in ("type", "enum")]
        if inner:
            return [found for e in inner for found in _describe_error(e, config, schema)]
    if kind == "oneOf":
        return [(path, f"{label}: {value!r} is not valid here ({_describe(schema, path)})")]
    if kind == "const":
        return [(path, f"{label}: {value!r} is not valid here ({_describe(schema, path)})")]
    return [(path, f"{label}: {error.message}")]


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _json_type(value: Any) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "mapping", type(None): "null"}.get(type(value), type(value).__name__)


def _describe(schema: dict[str, Any], path: tuple) -> str:
    node = _schema_at(schema, path)
    return (node or {}).get("description", "")


def _cross_field_errors(config: dict[str, Any], path_of_file: Path, check_paths: bool) -> list[tuple[tuple, str]]:
    """Rules a JSON Schema cannot say well: combinations of keys, files that must exist."""
    errors: list[tuple[tuple, str]] = []
    adapter = config.get("adapter")
    if config.get("load_in_4bit") and adapter != "qlora":
        errors.append((("load_in_4bit",), "load_in_4bit: true needs `adapter: qlora` (4-bit weights cannot be trained directly)"))
    if adapter == "qlora" and not config.get("load_in_4bit"):
        errors.append((("adapter",), "adapter: qlora needs `load_in_4bit: true`"))
    if config.get("load_in_4bit") and config.get("load_in_8bit"):
        errors.append((("load_in_8bit",), "load_in_8bit: cannot be combined with load_in_4bit; keep one"))
    if config.get("load_in_8bit") and adapter != "lora":
        errors.append((("load_in_8bit",), "load_in_8bit: true needs `adapter: lora`"))
    if adapter and not config.get("lora_target_modules") and not config.get("lora_target_linear"):
        errors.append((("adapter",), f"adapter: {adapter} needs `lora_target_modules` or `lora_target_linear: true`"))
    if adapter and config.get("lora_r") is None:
        errors.append((("adapter",), f"adapter: {adapter} needs `lora_r`"))
    if config.get("sample_packing") and not config.get("sequence_len"):
        errors.append((("sample_packing",), "sample_packing: true needs `sequence_len` (the length examples are packed into)"))
    if config.get("bf16") is True and config.get("fp16") is True:
        errors.append((("fp16",), "fp16: cannot be combined with bf16: true; keep one"))
    if config.get("max_steps") is None and config.get("num_epochs") is None:
        errors.append(((), "set `num_epochs` or `max_steps` so training knows when to stop"))
    name = config.get("name")
    if isinstance(name, str) and path_of_file.parent == RECIPES_DIR and path_of_file.stem != name:
        errors.append((("name",), f"name: '{name}' differs from the file name '{path_of_file.stem}'; make them equal"))
    files: list[tuple[tuple, Any]] = []
    for section in ("datasets", "test_datasets"):
        for index, entry in enumerate(config.get(section) or []):
            if isinstance(entry, dict):
                files.append(((section, index, "path"), entry.get("path")))
    evaluation = config.get("evaluation") or {}
    for index, entry in enumerate(evaluation.get("nll") or []):
        if isinstance(entry, dict):
            files.append((("evaluation", "nll", index, "path"), entry.get("path")))
    for key in ("preference", "answers", "unanswerable"):
        files.append((("evaluation", key), evaluation.get(key)))
    json_validity = evaluation.get("json_validity") or {}
    for key in ("path", "schema"):
        files.append((("evaluation", "json_validity", key), json_validity.get(key)))
    files.append((("deepspeed",), config.get("deepspeed")))
    if check_paths:
        for key_path, value in files:
            if isinstance(value, str) and not (ROOT / value).is_file():
                errors.append((key_path, f"{_key_label(key_path)}: file '{value}' does not exist (paths are relative to the repository root)"))
    nll = [(("evaluation", "nll", i), e) for i, e in enumerate((config.get("evaluation") or {}).get("nll") or [])]
    for key_path, entry in [((s, i), e) for s in ("datasets", "test_datasets") for i, e in enumerate(config.get(s) or [])] + nll:
        kind = entry.get("type") if isinstance(entry, dict) else None
        for key in ("format", "no_input_format"):
            if isinstance(kind, dict) and "{system}" in str(kind.get(key, "")):
                errors.append((key_path + ("type", key), f"{key}: Axolotl fills only {{instruction}}/{{input}} here; "
                               "move the system part into `system_format` (e.g. \"<|im_start|>system\\n{system}<|im_end|>\\n\")"))
    for index, entry in enumerate(config.get("datasets") or []):
        if isinstance(entry, dict) and entry.get("type") == "chat_template" and config.get("chat_template") is None:
            errors.append((("datasets", index, "type"), "type: chat_template needs a top-level `chat_template` (`tokenizer_default` or `chatml`)"))
    return errors


def validate(config: dict[str, Any], where: dict[tuple, str], path: Path, check_paths: bool = True) -> list[str]:
    """All problems of a resolved recipe, each as `file:line: key: message`, in line order."""
    from jsonschema import Draft202012Validator

    schema = load_schema()
    found: list[tuple[tuple, str]] = []
    for error in Draft202012Validator(schema).iter_errors(config):
        found += _describe_error(error, config, schema)
    found += _cross_field_errors(config, path, check_paths)

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


def add_recipe_arguments(parser: argparse.ArgumentParser, recipe_required: bool = True) -> None:
    """The arguments every command that takes a recipe accepts (RECIPE, MODEL, SET, PROFILE)."""
    parser.add_argument("recipe", nargs=None if recipe_required else "?", help="recipe name (recipes/<name>.yaml) or path")
    parser.add_argument("--model", default=None, help="override base_model (registry name, folder or hub id)")
    parser.add_argument("--set", dest="overrides", action="append", default=None, help='overrides, e.g. "max_steps=3 lora_r=8"')
    parser.add_argument("--profile", default=None, help="apply the recipe's profiles.<name> (e.g. cpu)")


def recipe_from_args(args: argparse.Namespace, **kwargs: Any) -> Recipe:
    return load_recipe(args.recipe, model=args.model or None, overrides=args.overrides, profile=args.profile or None, **kwargs)


def recipe_or_report(args: argparse.Namespace, header: str | None = None, **kwargs: Any) -> Recipe | None:
    """The recipe a command's arguments name, or None after printing its errors to stderr."""
    try:
        return recipe_from_args(args, **kwargs)
    except RecipeError as error:
        if header:
            print(header, file=sys.stderr)
        print("\n".join(error.errors), file=sys.stderr)
        return None


def _validate_command(targets: list[str]) -> int:
    paths = [recipe_path(t) for t in targets] if targets else all_recipe_paths()
    if not paths:
        print("error: no recipes found in recipes/", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        try:
            load_recipe(path)
            print(f"ok    {display(path)}")
        except RecipeError as error:
            failed += 1
            print(f"FAIL  {display(path)}")
            for line in error.errors:
                print(f"  {line}")
    print(f"{len(paths) - failed} valid, {failed} invalid")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.recipe", description="Validate or show recipes.")
    sub = parser.add_subparsers(dest="command", required=True)
    validate_parser = sub.add_parser("validate", help="validate recipes (all when none is named)")
    validate_parser.add_argument("recipes", nargs="*")
    show = sub.add_parser("show", help="print the fully resolved recipe")
    add_recipe_arguments(show)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate_command(args.recipes)
    recipe = recipe_or_report(args)
    if recipe is None:
        return 1
    print(f"# {display(recipe.path)}" + (f" with {', '.join(recipe.applied)}" if recipe.applied else ""))
    print(yaml.safe_dump(recipe.config, sort_keys=False, allow_unicode=True, width=100), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
