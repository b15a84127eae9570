"""Where things live in the repository. One place, so every tool agrees."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECIPES_DIR = ROOT / "recipes"
DATASETS_DIR = ROOT / "datasets"
SCHEMAS_DIR = DATASETS_DIR / "schemas"
DOCS_DIR = ROOT / "docs"


def cache_dir() -> Path:
    """Cache for converted models; `LLM_RECIPES_CACHE` moves it (tests share one)."""
    return Path(os.environ.get("LLM_RECIPES_CACHE", ROOT / ".cache"))


def runs_dir() -> Path:
    """Folder holding `runs/<recipe>/`; `LLM_RECIPES_RUNS` moves it (tests use a temp dir)."""
    return Path(os.environ.get("LLM_RECIPES_RUNS") or ROOT / "runs")  # set but empty: the default


def reports_dir() -> Path:
    """Folder holding `reports/<recipe>/`; `LLM_RECIPES_REPORTS` moves it."""
    return Path(os.environ.get("LLM_RECIPES_REPORTS") or ROOT / "reports")


def display(path: Path | str) -> str:
    """A path as users should read it: relative to the repository when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)
