"""The adapter route (tools/gguf_adapter.py): the LoRA written in llama.cpp's GGUF adapter format,
run by llama.cpp on the base GGUF like the merged model, one base GGUF for every recipe on a base."""
from __future__ import annotations

import importlib.util
import json
import os

import pytest

from tools.models import EMBEDDED


def _fields(path) -> dict:
    from gguf import GGUFReader

    reader = GGUFReader(str(path))
    return {"fields": {k: f.contents() for k, f in reader.fields.items() if not k.startswith("GGUF.")},
            "tensors": {t.name: [int(n) for n in t.shape] for t in reader.tensors}}


@pytest.mark.slow  # builds a PEFT adapter on the embedded model, ~15 s
def test_lora_gguf_follows_llama_cpps_adapter_format(tmp_path, embedded):
    """Keys, tensor names and ggml shapes as llama.cpp's llama-adapter.cpp reads them, one alpha for all
    tensors with per-module scales (alpha_pattern, rank_pattern) folded into lora_b, and q/k rows in
    llama.cpp's RoPE order (the converter's own permutation)."""
    import numpy as np
    import torch
    from gguf import GGUFReader
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from tools import gguf_adapter
    from tools.merge import read_adapter

    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(embedded.path, dtype=torch.float32)
    config = LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "k_proj", "down_proj"], init_lora_weights=False,
                        rank_pattern={"down_proj": 4}, alpha_pattern={"k_proj": 4}, task_type="CAUSAL_LM")
    get_peft_model(model, config).save_pretrained(tmp_path / "adapter")
    adapter = read_adapter(tmp_path / "adapter")
    target = tmp_path / "out" / "x-lora.gguf"
    facts = gguf_adapter.write_adapter(adapter, embedded.path, target, "x")
    assert facts["alpha"] == 16 and facts["ranks"] == [4, 8] and facts["architecture"] == "llama"
    data = _fields(target)
    assert data["fields"]["general.type"] == "adapter" and data["fields"]["adapter.type"] == "lora"
    assert data["fields"]["general.architecture"] == "llama" and data["fields"]["adapter.lora.alpha"] == 16
    assert len(data["tensors"]) == 2 * 3 * 30 and not list(target.parent.glob(".*tmp*"))
    # ggml shapes (innermost first): lora_a [in, r], lora_b [r, out]; the weight itself is [in, out].
    assert data["tensors"]["blk.0.attn_q.weight.lora_a"] == [576, 8]
    assert data["tensors"]["blk.0.attn_q.weight.lora_b"] == [8, 576]
    assert data["tensors"]["blk.0.attn_k.weight.lora_b"] == [8, 192]
    assert data["tensors"]["blk.0.ffn_down.weight.lora_a"] == [1536, 4]
    tensors = {t.name: np.array(t.data) for t in GGUFReader(str(target)).tensors}
    for module, name, scale in (("mlp.down_proj", "ffn_down", 16 / 4), ("self_attn.k_proj", "attn_k", 4 / 8),
                                ("self_attn.q_proj", "attn_q", 16 / 8)):
        pair = adapter.pairs[f"model.layers.5.{module}.weight"]
        rank = pair.a.shape[0]
        np.testing.assert_array_equal(tensors[f"blk.5.{name}.weight.lora_a"], pair.a.numpy())
        stored = tensors[f"blk.5.{name}.weight.lora_b"] * 16 / rank  # what llama.cpp applies: alpha / r
        expected = pair.b.numpy() * scale
        if name == "ffn_down":
            np.testing.assert_allclose(stored, expected, rtol=1e-6)
        else:  # rows permuted for RoPE: same rows, another order
            assert not np.allclose(stored, expected)
            np.testing.assert_allclose(np.sort(stored, axis=0), np.sort(expected, axis=0), rtol=1e-6)


def test_adapters_llama_cpp_cannot_carry_are_refused_with_the_way_out():
    import torch

    from tools.gguf_adapter import MERGED_INSTEAD, adapter_problems
    from tools.merge import Adapter

    whole = Adapter({}, {}, {"lm_head.weight": torch.zeros(2, 2)}, ())
    assert "lora_modules_to_save" in adapter_problems(whole, 10, 10)[0]
    assert any("adds 2 token(s)" in p for p in adapter_problems(whole, 12, 10))
    assert "DoRA" in adapter_problems(Adapter({}, {}, {}, ("DoRA",)), 10, 10)
    assert "without ADAPTER_ONLY" in MERGED_INSTEAD


@pytest.mark.slow
def test_adapter_route_runs_in_llama_cpp_like_the_merged_model(tmp_path, monkeypatch, trained_qa, capsys):
    """ADAPTER_ONLY=1 on a real training run: the base GGUF (tokenizer-checked) plus the LoRA GGUF in
    llama.cpp give the merged GGUF's greedy next tokens; the Modelfile is FROM base + ADAPTER; a second
    recipe on the same base reuses the base GGUF."""
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed: pip install -r requirements-llamacpp.txt (compiles llama.cpp, ~8 min)")
    from tests.conftest import copy_run
    from tools import export, gguf_adapter
    from tools.gguf_verify import text_problems

    base_dir = tmp_path / "base-gguf"
    monkeypatch.setattr(gguf_adapter, "base_gguf_path", lambda base, quant: base_dir / f"{base.name}-{quant}.gguf")
    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    copy_run(trained_qa, tmp_path / "runs")
    assert export.main(["qwen-personal-qa", "--model", EMBEDDED, "--profile", "cpu", "--adapter-only", "--prompts", "4"]) == 0
    out = capsys.readouterr().out
    assert "same as the base model's" in out  # the base GGUF passed the tokenizer check
    folder = tmp_path / "runs" / "qwen-personal-qa" / "gguf-adapter"
    base_file = base_dir / f"{EMBEDDED}-q8_0.gguf"
    result = json.loads((folder / "verification.json").read_text())
    assert result["passed"] and result["greedy_agreement"] == 1.0 and result["prompts"] == 4
    assert result["worst_relative_error"] < result["relative_error_without_adapter"] / 3
    assert result["adapter"]["alpha"] == 32 and result["adapter"]["ranks"] == [16]  # the recipe's lora_alpha, lora_r
    llama = result["llama_cpp"]
    assert llama["passed"] and not any(text_problems(a["llama_cpp"]) for a in llama["answers"])
    assert llama["chat_template"]["checked"] and not llama["chat_template"]["problems"]
    modelfile = (folder / "Modelfile").read_text().splitlines()
    source = next(line for line in modelfile if line.startswith("FROM ")).split(" ", 1)[1]
    assert os.path.samefile(folder / source if not os.path.isabs(source) else source, base_file)
    assert "ADAPTER ./qwen-personal-qa-lora.gguf" in modelfile
    assert (folder / "qwen-personal-qa.jinja").read_text().startswith("{")
    assert _fields(folder / "qwen-personal-qa-lora.gguf")["fields"]["general.type"] == "adapter"
    assert not list(folder.glob(".*tmp*")) and not list(folder.glob("*merged*"))

    def convert_again(target, log):  # any other recipe on this base: the base GGUF is reused as it is
        raise AssertionError("the base GGUF was converted again")

    stamp = base_file.stat().st_mtime_ns
    from tools.models import resolve_model

    assert gguf_adapter.base_gguf(resolve_model(EMBEDDED), "q8_0", convert_again) == (base_file, True)
    assert base_file.stat().st_mtime_ns == stamp
