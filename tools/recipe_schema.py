"""The recipe schema: Axolotl's keys (generated, tools/axolotl.schema.json) with the project's
layer (tools/recipe.schema.json) on top.

A recipe may use every key Axolotl 0.19 accepts, with Axolotl's types, descriptions and
defaults; the project layer adds its own keys (`name`, `description`, `extends`, `profiles`,
`generation`, `evaluation`, `export`, `serve`, `base_model_license`) and, for the Axolotl keys
the project's tools read, a description written for this project, tighter bounds and the
default the project uses. For one key both layers hold (the project's node is laid over
Axolotl's: a `type`/`enum` there adds to Axolotl's type, a `default` or `description` replaces
Axolotl's). `default(key)` is the one place a default is read from; tools/settings.py uses it.

Not a command; tools/recipe.py validates with `combined()`, tools/docs.py documents it.
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

PROJECT_PATH = Path(__file__).with_name("recipe.schema.json")
DATASET_SECTIONS = ("datasets", "test_datasets")
# Axolotl's kinds of dataset entry; an entry may use any key of any of them.
DATASET_DEFS = ("SFTDataset", "DPODataset", "KTODataset")
_ANNOTATIONS = ("title", "deprecated", "examples", "json_schema_extra")


@lru_cache(maxsize=1)
def project() -> dict[str, Any]:
    return json.loads(PROJECT_PATH.read_text())


@lru_cache(maxsize=1)
def axolotl() -> dict[str, Any]:
    from tools import axolotl_schema

    return axolotl_schema.load()


def project_keys() -> tuple[str, ...]:
    """Top-level keys that are the project's own (removed before a config is handed to Axolotl)."""
    return tuple(k for k in project()["properties"] if k not in axolotl()["properties"])


def overlay(base: dict[str, Any] | None, top: dict[str, Any]) -> dict[str, Any]:
    """`top` laid over `base`: both constrain the value; `top`'s description and default win."""
    if base is None:
        return copy.deepcopy(top)
    merged = {k: copy.deepcopy(v) for k, v in base.items() if k not in _ANNOTATIONS}
    merged.update(copy.deepcopy(top))
    return merged


def _dataset_item(section: str) -> dict[str, Any]:
    """A dataset entry: the keys of Axolotl's SFT, DPO and KTO entries, the project's on top."""
    defs = axolotl()["$defs"]
    properties: dict[str, Any] = {}
    for name in DATASET_DEFS:
        for key, node in defs[name]["properties"].items():
            properties.setdefault(key, node)
    mine = project()["properties"][section]["items"]
    for key, node in mine["properties"].items():
        properties[key] = overlay(properties.get(key), node)
    item = {k: v for k, v in mine.items() if k != "properties"}
    item["properties"] = properties
    item["additionalProperties"] = False
    return item


@lru_cache(maxsize=1)
def combined() -> dict[str, Any]:
    """The schema a recipe is validated against: every key of both layers, nothing else."""
    ax, mine = axolotl(), project()
    properties = {key: overlay(None, node) for key, node in ax["properties"].items()}
    for key, node in mine["properties"].items():
        properties[key] = overlay(properties.get(key), node)
    for section in DATASET_SECTIONS:
        properties[section] = {"type": "array", "description": mine["properties"][section]["description"],
                               "items": _dataset_item(section), "minItems": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": mine.get("title", "recipe"),
        "description": mine.get("description", ""),
        "type": "object",
        "required": sorted(set(ax.get("required", [])) | set(mine.get("required", []))),
        "properties": properties,
        "additionalProperties": False,
        "$defs": ax["$defs"],
    }


def resolve_ref(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return axolotl()["$defs"][ref.rsplit("/", 1)[1]]
    return node


def _mapping_branch(node: dict[str, Any]) -> dict[str, Any] | None:
    """The branch of a node that describes a mapping (its own `properties`, or one of any/oneOf)."""
    node = resolve_ref(node)
    if "properties" in node:
        return node
    for option in node.get("oneOf", []) + node.get("anyOf", []):
        option = resolve_ref(option)
        if "properties" in option:
            return option
    return None


def _items_branch(node: dict[str, Any]) -> dict[str, Any] | None:
    node = resolve_ref(node)
    if isinstance(node.get("items"), dict):
        return node["items"]
    for option in node.get("anyOf", []) + node.get("oneOf", []):
        option = resolve_ref(option)
        if isinstance(option.get("items"), dict):
            return option["items"]
    return None


def node_at(path: tuple) -> dict[str, Any] | None:
    """The schema node of a key path (strings and list indexes), or None when the schema has none."""
    node: dict[str, Any] | None = combined()
    for part in path:
        if node is None:
            return None
        if isinstance(part, int):
            node = _items_branch(node)
            continue
        branch = _mapping_branch(node)
        node = (branch or {}).get("properties", {}).get(part)
    return node


def allowed_keys(path: tuple) -> list[str]:
    """Keys a mapping at `path` may hold (for "did you mean" suggestions)."""
    node = combined() if not path else node_at(path)
    branch = _mapping_branch(node) if node else None
    return list((branch or {}).get("properties", {}))


def description(path: tuple) -> str:
    node = node_at(path)
    return (node or {}).get("description", "") if node else ""


def default(key: str) -> Any:
    """The default of a top-level key: the project layer's when it has one, else Axolotl's."""
    mine = project()["properties"].get(key, {})
    if "default" in mine:
        return copy.deepcopy(mine["default"])
    return copy.deepcopy(axolotl()["properties"].get(key, {}).get("default"))


def default_at(path: tuple) -> Any:
    """The default of a nested key (e.g. ("generation", "max_new_tokens")), None when it has none."""
    node = node_at(path)
    return copy.deepcopy(node.get("default")) if node else None


def is_axolotl_key(key: str) -> bool:
    return key in axolotl()["properties"]
