"""Shared fixtures. Everything runs offline on the embedded model."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("AXOLOTL_DO_NOT_TRACK", "1")


@pytest.fixture(scope="session")
def embedded():
    """The embedded model, converted once (make model does the same)."""
    from tools.models import EMBEDDED, resolve_model

    return resolve_model(EMBEDDED)


@pytest.fixture(scope="session")
def tokenizer(embedded):
    from tools.models import load_tokenizer

    return load_tokenizer(embedded)


@pytest.fixture(scope="session")
def base_model(embedded):
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(embedded.path, dtype=torch.float32)
    model.eval()
    return model


@pytest.fixture(scope="session")
def trained_qa(tmp_path_factory, embedded):
    """qwen-personal-qa trained for real on the embedded model (CPU profile, a few steps), once per
    test session; tests copy its adapter with `copy_run` instead of training again."""
    from tools.train import main

    root = tmp_path_factory.mktemp("trained") / "runs"
    previous = os.environ.get("LLM_RECIPES_RUNS")
    os.environ["LLM_RECIPES_RUNS"] = str(root)
    try:
        code = main(["qwen-personal-qa", "--model", "smollm2-135m-instruct", "--profile", "cpu",
                     "--set", "max_steps=12 save_steps=6 eval_steps=1000 logging_steps=4"])  # checkpoints: evaluation.curve
    finally:
        if previous is None:
            os.environ.pop("LLM_RECIPES_RUNS", None)
        else:
            os.environ["LLM_RECIPES_RUNS"] = previous
    assert code == 0, "training the shared qwen-personal-qa fixture failed"
    return root / "qwen-personal-qa"


def copy_run(run: Path, runs_root: Path) -> Path:
    """A copy of a trained run's adapter and manifest under `runs_root` (tests may then export it)."""
    import shutil

    target = runs_root / run.name
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(run / "adapter", target / "adapter")
    for name in ("manifest.json", "metrics.jsonl"):
        if (run / name).is_file():
            shutil.copy2(run / name, target / name)
    return target
