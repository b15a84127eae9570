"""The run folder: runs/<name>/ with adapter/, checkpoints/, metrics.jsonl, manifest.json, merged/, gguf/.

Train writes it, eval/export/chat/serve read it. Folders that other tools load (adapter/,
merged/) are written under a temporary name and renamed when complete, so a run killed while
saving never leaves a half-written folder that looks finished.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.paths import runs_dir

FULL_FINETUNE = "FULL_FINETUNE"  # marker file in merged/ when the run trained every weight (no adapter)


@dataclass(frozen=True)
class RunPaths:
    root: Path

    @property
    def adapter(self) -> Path:
        return self.root / "adapter"

    @property
    def checkpoints(self) -> Path:
        return self.root / "checkpoints"

    @property
    def metrics(self) -> Path:
        return self.root / "metrics.jsonl"

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.json"

    @property
    def merged(self) -> Path:
        return self.root / "merged"

    @property
    def gguf(self) -> Path:
        return self.root / "gguf"

    def has_adapter(self) -> bool:
        return (self.adapter / "adapter_config.json").is_file()

    def is_full_finetune(self) -> bool:
        """The run trained every weight: its model is merged/ itself, there is no adapter."""
        return (self.merged / FULL_FINETUNE).is_file() and (self.merged / "config.json").is_file()

    def read_manifest(self) -> dict[str, Any]:
        return json.loads(self.manifest.read_text()) if self.manifest.is_file() else {}

    def read_metrics(self) -> list[dict[str, Any]]:
        if not self.metrics.is_file():
            return []
        return [json.loads(line) for line in self.metrics.read_text().splitlines() if line.strip()]


def run_paths(name: str, output_dir: str | None = None) -> RunPaths:
    """The run folder of a recipe: `output_dir` when the recipe sets one, else runs/<name>."""
    if output_dir:
        path = Path(output_dir)
        return RunPaths(path if path.is_absolute() else Path.cwd() / path)
    return RunPaths(runs_dir() / name)


def for_recipe(recipe) -> RunPaths:
    return run_paths(recipe.name, recipe.get("output_dir"))


