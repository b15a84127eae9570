"""The files a recipe names, listed once: validation checks they exist, `make check-data` checks
their rows, the model card lists them. Each comes with its key path, its role and what it is for."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EVAL_FILES = ("preference", "answers", "unanswerable")


@dataclass(frozen=True)
class RecipeFile:
    key: tuple            # where the recipe names it, e.g. ("datasets", 0, "path")
    path: str             # as written (relative to the repository root, or a URL)
    role: str             # "train" | "held-out" | "support" (schemas, DeepSpeed configs)
    use: str              # for people: "training", "evaluation (nll)", ...
    entry: dict | None = None  # the dataset entry whose format the file is in, when it has one

    @property
    def label(self) -> str:
        return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in self.key).lstrip(".")


def recipe_files(config: dict[str, Any]) -> list[RecipeFile]:
    """Every file named by `config` (a merged recipe), in recipe order; entries with no path are skipped."""
    files: list[RecipeFile] = []

    def add(key: tuple, path: Any, role: str, use: str, entry: dict | None = None) -> None:
        if isinstance(path, str) and path:
            files.append(RecipeFile(key, path, role, use, entry))

    for section, role, use in (("datasets", "train", "training"), ("test_datasets", "held-out", "validation")):
        for index, entry in enumerate(config.get(section) or []):
            if isinstance(entry, dict):
                add((section, index, "path"), entry.get("path"), role, use, entry)
    evaluation = config.get("evaluation") or {}
    for index, entry in enumerate(evaluation.get("nll") or []):
        if isinstance(entry, dict):
            add(("evaluation", "nll", index, "path"), entry.get("path"), "held-out", "evaluation (nll)", entry)
    for key in EVAL_FILES:
        add(("evaluation", key), evaluation.get(key), "held-out", f"evaluation ({key})")
    json_validity = evaluation.get("json_validity") or {}
    first = next((e for e in config.get("datasets") or [] if isinstance(e, dict)), None)
    add(("evaluation", "json_validity", "path"), json_validity.get("path"), "held-out", "evaluation (json_validity)", first)
    add(("evaluation", "json_validity", "schema"), json_validity.get("schema"), "support", "output schema")
    add(("generation", "json_schema"), (config.get("generation") or {}).get("json_schema"), "support", "output schema")
    if isinstance(config.get("deepspeed"), str):
        add(("deepspeed",), config["deepspeed"], "support", "DeepSpeed config")
    return files
