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
