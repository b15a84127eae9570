"""`make gpu-check` (tools/gpu_check.py) is kept ready for a CUDA machine; without CUDA it says so and exits 0."""
from __future__ import annotations


def test_gpu_check_without_cuda_says_so_and_exits_0(monkeypatch, capsys):
    import torch

    from tools import gpu_check

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert gpu_check.main([]) == 0
    out = capsys.readouterr().out
    assert "no CUDA device" in out and "make gpu-check" in out


def test_gpu_check_runs_the_users_entry_points_in_4bit():
    """The stages are make train / eval / export on the embedded model with the recipe as written
    (tinyllama-json-extractor: QLoRA nf4), so the check measures what users run."""
    from tools import gpu_check
    from tools.recipe import load_recipe

    recipe = load_recipe("tinyllama-json-extractor", model=gpu_check.EMBEDDED, check_paths=False)
    assert recipe["load_in_4bit"] is True and recipe["adapter"] == "qlora"
    names = [name for name, _ in gpu_check.stages("tinyllama-json-extractor", 30, 3, "q8_0")]
    assert names == ["train", "eval", "export"]
