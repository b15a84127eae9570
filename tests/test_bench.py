"""The benchmark's bookkeeping: committed results cover every item, misses are explained, a broken
item is recorded without losing the others. (The measurements themselves run in `make bench`.)"""
from __future__ import annotations

import json
import re

from bench import run
from tools.paths import ROOT


def test_committed_results_cover_every_item_and_every_miss_is_explained():
    data = json.loads((ROOT / "bench" / "results.json").read_text())
    assert sorted(int(k) for k in data["items"]) == sorted(run.TITLES)
    assert data["machine"]["torch_threads"] >= 1 and data["machine"]["versions"]["torch"]
    notes = (ROOT / "bench" / "notes.md").read_text()
    explained = {int(n) for n in re.findall(r"^- \*\*(\d+)\.", notes, flags=re.M)}
    for key, item in data["items"].items():
        assert "failed" not in item, (key, item)
        if "skipped" not in item:
            assert item["target"] and isinstance(item["passed"], bool)
        if not item.get("passed", True):
            assert int(key) in explained, f"item {key} missed its target; bench/notes.md must say why"
    assert (ROOT / "bench" / "results.md").read_text() == run.render(data)


def test_a_broken_item_is_recorded_and_the_run_goes_on(monkeypatch, capsys):
    from bench import others

    def broken():
        raise RuntimeError("converter not found")

    monkeypatch.setattr(others, "item9_load", broken)
    saved = []
    results = run.run_items([9], saved.append)
    assert results[9]["failed"] == "RuntimeError: converter not found"
    assert saved and "FAILED" in run._line(9, results[9])
    machine = {"date": "d", "cpu": "c", "cores": 2, "torch_threads": 2, "memory_gb": 1, "bf16_flags": [],
               "python": "3", "load_average_at_start": [0, 0, 0], "versions": {}}
    assert "**failed**: RuntimeError" in run.render({"machine": machine, "items": {"9": results[9]}})


def test_item1_pairs_each_trainer_step_with_the_plain_step_after_it():
    """The overhead ratio is plain seconds over the trainer's on the same steps (the same tokens on both
    sides), without the warm-up pairs; its interval brackets it; a run too short to count says so."""
    import pytest

    from bench.overhead_item import summarize

    pairs = [{"tokens": 500, "trainer_s": t, "plain_s": p} for t, p in
             [(9.0, 1.0), (9.0, 1.0), (2.0, 1.9), (2.2, 2.0), (2.4, 2.4), (2.0, 1.8)]]
    result = summarize(pairs, warmup=2, resamples=200)
    assert result["pairs"] == 4 and result["ratio"] == pytest.approx(8.1 / 8.6)
    assert result["trainer_tokens_per_s"] == pytest.approx(2000 / 8.6)
    low, high = result["interval_90"]
    assert low <= result["ratio"] <= high < 1.01
    assert result["per_step_ratio_quartiles"][0] <= result["per_step_ratio_quartiles"][2]
    with pytest.raises(ValueError, match="no pairs after the first 2"):
        summarize(pairs[:2], warmup=2)
