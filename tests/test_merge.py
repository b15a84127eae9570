"""The streaming merge (tools/merge.py): merged weights equal base + adapter within the stored
precision's rounding, the merged model answers like base + adapter, and the merge's peak RAM stays
within 1.3x the merged model's size on disk."""
from __future__ import annotations

import pytest

from tests.test_export import _recipe, make_adapter

# |merged - (W + s B A)| <= u |W + s B A| + tiny: round-to-nearest of the exact float32 sum in the
# stored precision (u = half a unit in the last place; fp16's absolute term covers its subnormals).
WEIGHT_TOLERANCE = {"fp32": (2.0 ** -24, 1e-12), "bf16": (2.0 ** -8, 1e-12), "fp16": (2.0 ** -11, 2.0 ** -25)}
# Next-token logits of the merged model (loaded in float32) against PEFT's unmerged base + adapter in
# float32, ||difference|| / ||reference|| on the evaluation prompts: measured 0 (fp32), 0.004 (bf16)
# and 0.0012 (fp16) for this adapter; the bounds leave room for other prompts.
LOGITS_TOLERANCE = {"fp32": 1e-5, "bf16": 0.02, "fp16": 0.005}


@pytest.fixture(scope="module")
def reference(tmp_path_factory, embedded):
    """A real PEFT adapter on the embedded model, PEFT's own float32 merge of it, and its logits."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    from tools import gguf_verify, runs
    from tools.generation import load

    monkeypatch = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("merge") / "runs"
    recipe = _recipe("qwen-personal-qa")
    make_adapter(recipe, embedded, root, monkeypatch)
    paths = runs.for_recipe(recipe)
    unmerged = load(recipe, adapter=paths.adapter, device="cpu")
    prompts = gguf_verify.evaluation_prompts(recipe, unmerged.tokenizer, 3)
    with torch.no_grad():
        base = AutoModelForCausalLM.from_pretrained(embedded.path, dtype=torch.float32)
        peft_model = PeftModel.from_pretrained(base, paths.adapter).eval()
        logits = [peft_model(input_ids=torch.tensor([p])).logits[0] for p in prompts]
        weights = {k: v.clone() for k, v in peft_model.merge_and_unload().state_dict().items()}
    yield recipe, paths, prompts, logits, weights
    monkeypatch.undo()


@pytest.mark.slow  # ~10 s per precision after the shared reference
@pytest.mark.parametrize("dtype", ["fp32", "bf16", "fp16"])
def test_merge_equals_base_plus_adapter(reference, embedded, monkeypatch, dtype):
    import torch
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    from tools import merge
    from tools.generation import load

    recipe, paths, prompts, logits, weights = reference
    monkeypatch.setenv("LLM_RECIPES_RUNS", str(paths.root.parent))
    merged_dir = merge.merge(recipe, embedded, paths, "apache-2.0", dtype)
    assert merge.merged_dtype(merged_dir) == dtype and (merged_dir / "generation_config.json").is_file()
    assert (merged_dir / "tokenizer_config.json").is_file() and "apache-2.0" in (merged_dir / "README.md").read_text()
    assert not list(merged_dir.parent.glob(".merged.tmp-*"))
    stored = load_file(str(merged_dir / "model.safetensors"))
    relative, absolute = WEIGHT_TOLERANCE[dtype]
    assert set(stored) <= set(weights) and len(stored) >= len(weights) - 1  # lm_head is tied, not stored
    for name, tensor in stored.items():
        assert tensor.dtype == getattr(torch, {"fp32": "float32", "bf16": "bfloat16", "fp16": "float16"}[dtype])
        exact = weights[name]
        excess = ((tensor.float() - exact).abs() - relative * exact.abs() - absolute).max().item()
        assert excess <= 0, f"{name}: off by more than {dtype} rounding ({excess:.3g})"
    model = AutoModelForCausalLM.from_pretrained(merged_dir, dtype=torch.float32).eval()
    with torch.no_grad():
        for prompt, expected in zip(prompts, logits):
            got = model(input_ids=torch.tensor([prompt])).logits[0]
            assert ((got - expected).norm() / expected.norm()).item() <= LOGITS_TOLERANCE[dtype]
    if dtype == "fp32":  # the merged folder is what chat/serve load when it matches the adapter
        auto = load(recipe, adapter="auto", device="cpu")
        assert auto.source.startswith("merged model")
        base = load(recipe, adapter=None, device="cpu")
        with torch.no_grad():
            moved = base.model(input_ids=torch.tensor([prompts[0]])).logits[0] - logits[0]
        assert moved.abs().max().item() > 1e-2  # the adapter matters


@pytest.mark.slow  # one merge in a fresh process, ~15 s
def test_merge_peak_ram_is_within_1_3x_the_merged_size(tmp_path, embedded):
    """bench item 11's measurement: peak RSS growth of the merge over the merged weights on disk."""
    from bench.export_items import merge_peak, random_adapter

    random_adapter(tmp_path / "runs")
    result = merge_peak(tmp_path / "runs", "bf16")
    assert result["merged_bytes"] > 200e6  # 135 M parameters in bf16
    assert result["growth_over_merged"] <= 1.3, result
