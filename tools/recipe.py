"""Load, resolve and validate recipes: `extends`, PROFILE, MODEL and SET applied, errors with lines.

    python -m tools.recipe validate                      # every recipe in recipes/ (make validate)
    python -m tools.recipe validate phi2-tutor           # one, by name or path
    python -m tools.recipe show phi2-tutor --model smollm2-135m-instruct --set "max_steps=3"

Every error names the file, the line, the key path and what to do, e.g.
`recipes/phi2-tutor.yaml:14: lora_rr: unknown key (did you mean 'lora_r'?)`; all errors of a
file are reported together. Only PyYAML and jsonschema are imported here, so validation is fast.

A recipe is an Axolotl config with the project's sections added, read as Axolotl reads one: every
key Axolotl accepts is valid (tools/recipe_schema.py), `null` means unset, `name` defaults to the
file name, and `2e-4` is a number. A key written twice in one mapping is an error naming both
lines (YAML itself would keep the last one silently).

Over 400 lines because reading, `extends`, PROFILE/MODEL/SET and validation share one map of key
path -> file:line that every error needs; the wording of errors lives in tools/recipe_errors.py,
the schema layers in tools/recipe_schema.py.
"""
from __future__ import annotations

import argparse
import copy
import difflib
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tools.paths import RECIPES_DIR, display
from tools.recipe_schema import PROJECT_PATH as SCHEMA_PATH
from tools.recipe_schema import project_keys

# Sections that belong to this project, not to Axolotl; removed from configs handed to Axolotl.
PROJECT_KEYS = project_keys()


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
    profile: str | None = None  # PROFILE=
    model: str | None = None  # MODEL=
    overrides: list[str] = field(default_factory=list)  # SET=, as key=value items
    warnings: list[str] = field(default_factory=list)  # valid, but probably not meant (tools/recipe_errors.warnings)

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
    """The project's layer of the schema (tools/recipe.schema.json); see tools/recipe_schema.py."""
    return json.loads(SCHEMA_PATH.read_text())


# ---------------------------------------------------------------- reading YAML with line numbers
class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader reading numbers as YAML 1.2 (and Axolotl users) write them: `2e-4` and
    `1e5` are floats, where YAML 1.1 would keep them as strings."""


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""", re.X),
    list("-+0123456789."))


class _Lines:
    """Maps key paths (tuples of keys and list indexes) to 1-based line numbers in one file."""

    def __init__(self, source: str, node: yaml.Node | None):
        self.source = source
        self.lines: dict[tuple, int] = {}
        self.duplicates: list[str] = []  # one error line per key written twice in a mapping
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: tuple) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, _ in node.value:
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    label = ".".join(str(p) for p in path + (key_node.value,))
                    self.duplicates.append(f"{self.source}:{line}: {label}: duplicate key (also at line "
                                           f"{seen[key_node.value]}); YAML would keep only this one: remove one")
                seen.setdefault(key_node.value, line)
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
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise RecipeError([f"{source}{line}: YAML syntax error: {problem}"]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RecipeError([f"{source}:1: a recipe must be a mapping of keys to values, not a {type(data).__name__}"])
    lines = _Lines(source, node)
    if lines.duplicates:
        raise RecipeError(lines.duplicates)
    return data, lines


# ---------------------------------------------------------------- resolution
def recipe_path(name_or_path: str | Path) -> Path:
    """A recipe name (`phi2-tutor`) or a path to a YAML file."""
    text = str(name_or_path)
    candidate = Path(text)
    if text.endswith((".yaml", ".yml")) or "/" in text:
        return candidate if candidate.is_absolute() else (Path.cwd() / candidate)
    found = RECIPES_DIR / f"{text}.yaml"
    return found if found.exists() or not (RECIPES_DIR / f"{text}.yml").exists() else RECIPES_DIR / f"{text}.yml"


def all_recipe_paths() -> list[Path]:
    return sorted(list(RECIPES_DIR.rglob("*.yaml")) + list(RECIPES_DIR.rglob("*.yml")))


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
        parent.pop("name", None)  # a recipe is named by its own file (or its own `name`), never its parent's
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


def _set_key_path(key: str) -> tuple[str | int, ...]:
    """`datasets.0.path` -> ("datasets", 0, "path"): a number indexes a list, as the recipe's lines are mapped."""
    return tuple(int(part) if part.isdigit() else part for part in key.split("."))


def _apply_set(config: dict[str, Any], key: str, value: Any) -> None:
    parts = _set_key_path(key)
    target: Any = config
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        if isinstance(part, int) and isinstance(target, dict):
            part = str(part)  # a mapping whose keys are numbers
        if isinstance(part, int):
            if not isinstance(target, list) or part >= len(target):
                size = len(target) if isinstance(target, list) else 0
                raise RecipeError([f"SET: '{key}': {'.'.join(map(str, parts[:depth])) or 'the recipe'} has "
                                   f"{size} item(s), so index {part} does not exist (indexes start at 0)"])
        elif not isinstance(target, dict):
            raise RecipeError([f"SET: '{key}': {'.'.join(map(str, parts[:depth]))} is a list; name an item by its index"])
        if last:
            target[part] = value
        else:
            if isinstance(part, str) and not isinstance(target.get(part), (dict, list)):
                target[part] = {}
            target = target[part]


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
    parent = _read_yaml(path)[0].get("extends")
    applied = [f"extends {parent}"] if parent is not None else []
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
        for key_path in _paths(value, _set_key_path(key)):
            where[key_path] = "SET"
        applied.append(f"SET {key}={value!r}")
    config = without_nulls(config)
    config.setdefault("name", path.stem)  # as Axolotl users write configs: the file names the recipe
    errors = validate(config, where, path, check_paths=check_paths)
    if errors:
        raise RecipeError(errors)
    sets = [f"{key}={json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}"
            for key, value in parse_set(overrides)]
    from tools.recipe_errors import warnings

    return Recipe(name=config["name"], path=path, config=config, applied=applied, profile=profile, model=model,
                  overrides=sets, warnings=warnings(config, where, path))


def without_nulls(value: Any) -> Any:
    """Mappings without their null values, at every depth: in Axolotl a null means unset."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


# ---------------------------------------------------------------- validation
def validate(config: dict[str, Any], where: dict[tuple, str], path: Path, check_paths: bool = True) -> list[str]:
    from tools.recipe_errors import validate as validate_config

    return validate_config(config, where, path, check_paths)


def load_run_recipe(name_or_path: str | Path, model: str | None = None, overrides: str | list[str] | None = None,
                    profile: str | None = None, check_paths: bool = True) -> Recipe:
    """A recipe as the commands that use its run need it (eval, export, chat, serve): the MODEL and
    PROFILE the run was trained with, from runs/<name>/manifest.json, unless given again, and its SET
    overrides followed by any given now. A MODEL that differs from the run's base is an error."""
    from tools import runs

    recipe = load_recipe(name_or_path, model, overrides, profile, check_paths)
    manifest_path = runs.for_recipe(recipe).manifest
    manifest = runs.for_recipe(recipe).read_manifest()
    if not manifest:
        return recipe
    trained_on = manifest.get("base_model")
    if model and trained_on and not _same_model(model, trained_on):
        raise RecipeError([f"MODEL={model}: the run in {display(manifest_path.parent)} was trained on {trained_on}; "
                           f"drop MODEL to use the run's, or train again with MODEL={model}"])
    run_model = model or manifest.get("model")
    run_profile = profile or manifest.get("profile")
    given = parse_set(overrides)
    run_overrides = list(manifest.get("overrides") or []) + [f"{k}={json.dumps(v) if not isinstance(v, str) else v}"
                                                             for k, v in given]
    if (run_model, run_profile, [p for p in run_overrides]) == (model, profile, recipe.overrides):
        return recipe
    recipe = load_recipe(name_or_path, run_model, run_overrides or None, run_profile, check_paths)
    recipe.applied.append(f"as trained ({display(manifest_path)})")
    return recipe


def _same_model(a: str, b: str) -> bool:
    if a == b:
        return True
    from tools.models import ModelNotAvailable, resolve_model

    try:
        return resolve_model(a, prepare=False).path == resolve_model(b, prepare=False).path
    except ModelNotAvailable:
        return False


def add_recipe_arguments(parser: argparse.ArgumentParser, recipe_required: bool = True) -> None:
    """The arguments every command that takes a recipe accepts (RECIPE, MODEL, SET, PROFILE)."""
    parser.add_argument("recipe", nargs=None if recipe_required else "?", help="recipe name (recipes/<name>.yaml) or path")
    parser.add_argument("--model", default=None, help="override base_model (registry name, folder or hub id)")
    parser.add_argument("--set", dest="overrides", action="append", default=None, help='overrides, e.g. "max_steps=3 lora_r=8"')
    parser.add_argument("--profile", default=None, help="apply the recipe's profiles.<name> (e.g. cpu)")


def recipe_from_args(args: argparse.Namespace, run: bool = False, **kwargs: Any) -> Recipe:
    """The recipe the arguments name; with `run`, as its run was trained (`load_run_recipe`)."""
    load = load_run_recipe if run else load_recipe
    return load(args.recipe, model=args.model or None, overrides=args.overrides, profile=args.profile or None, **kwargs)


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
            recipe = load_recipe(path)
            print(f"ok    {display(path)}")
            for line in recipe.warnings:
                print(f"  warning: {line}")
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
    from tools.backends.support import trl_unhonoured

    print(f"# {display(recipe.path)}" + (f" with {', '.join(recipe.applied)}" if recipe.applied else ""))
    marks = trl_unhonoured(recipe.config).marks()
    for line in yaml.safe_dump(recipe.config, sort_keys=False, allow_unicode=True, width=100).splitlines():
        key = line.split(":", 1)[0] if line and not line.startswith((" ", "-")) else None
        print(line + (f"   # BACKEND=trl: {marks[key].split(': ', 1)[1]}" if key in marks else ""))
    for line in recipe.warnings:
        print(f"# warning: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
