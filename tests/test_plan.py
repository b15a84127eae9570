"""`make plan`: GPU memory estimates for the four recipes, and the estimator checked against measured peaks."""
from __future__ import annotations

import pytest

from tools.plan import GB, estimate, load_facts, main, planned_settings
from tools.recipe import load_recipe

RECIPES = ["qwen-personal-qa", "phi2-tutor", "deepseek8b-ts-tutor", "tinyllama-json-extractor"]


@pytest.mark.parametrize("name", RECIPES)
def test_plan_prints_a_breakdown_for_each_recipe(name, capsys):
    assert main([name, "--gpu-gb", "80"]) == 0
    out = capsys.readouterr().out
    for part in ("weights", "activations", "logits", "overhead", "total", "FITS in 80 GB", "Largest micro batch"):
        assert part in out, part


def test_facts_files_match_the_published_parameter_counts():
    for hub_id in ("Qwen/Qwen2.5-0.5B-Instruct", "microsoft/phi-2", "deepseek-ai/DeepSeek-R1-Distill-Llama-8B",
                   "TinyLlama/TinyLlama-1.1B-Chat-v1.0", "smollm2-135m-instruct"):
        facts = load_facts(hub_id)
        assert facts.counts()["total"] == facts.parameters, hub_id


def test_embedded_facts_agree_with_the_loaded_model(base_model):
    facts = load_facts("smollm2-135m-instruct")
    assert facts.counts()["total"] == sum(p.numel() for p in base_model.parameters())


def test_published_cases_fall_in_reasonable_bands():
    totals = {name: estimate(load_facts(load_recipe(name)["base_model"]), planned_settings(load_recipe(name))).total / GB
              for name in RECIPES}
    # seeds: fits a 6 GB RTX 3050; the two embedding layers trained whole for ChatML's new tokens add ~2.6 GB
    assert totals["phi2-tutor"] <= 6.0 * 1.1
    assert 5.0 <= totals["deepseek8b-ts-tutor"] <= 8.0  # seeds 5-6 GB, Unsloth 6 GB minimum
    assert totals["tinyllama-json-extractor"] <= 3.5  # Unsloth: 3.5 GB for a 3B model
    assert totals["qwen-personal-qa"] < totals["phi2-tutor"] + 1.0


def test_plan_fails_when_the_recipe_does_not_fit_and_names_what_fits(capsys):
    assert main(["deepseek8b-ts-tutor", "--gpu-gb", "4"]) == 1
    assert "DOES NOT FIT in 4 GB" in capsys.readouterr().out
    assert main(["phi2-tutor", "--gpu-gb", "8"]) == 0


def test_largest_micro_batch_really_is_the_largest():
    from tools.plan import largest

    recipe = load_recipe("phi2-tutor")
    facts = load_facts(recipe["base_model"])
    settings = planned_settings(recipe)
    n = largest(facts, settings, 8 * GB, "micro_batch")
    assert n >= 1
    assert estimate(facts, settings, micro_batch=n).total <= 8 * GB < estimate(facts, settings, micro_batch=n + 1).total


def test_unknown_model_says_how_to_add_it(capsys):
    assert main(["phi2-tutor", "--model", "someone/unknown-model"]) == 1
    assert "tools/model_facts/someone__unknown-model.json" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("config", ["full", "lora", "lora_gc", "qlora"])
def test_cpu_estimate_matches_measured_peak_memory(config, embedded):
    """The planner's CPU-mode estimate over the peak RSS increase of two real training steps
    (fresh process each, 1 x 256 tokens) falls within [0.75, 1.33]."""
    from bench.memory import measure_in_subprocess, predicted_mb

    measured = measure_in_subprocess(config, micro_batch=1, sequence_len=256, steps=2)
    ratio = predicted_mb(config, 1, 256) / measured["increase_mb"]
    assert 0.75 <= ratio <= 1.33, (config, ratio, measured)


def test_a_preference_recipe_plans_two_sequences_an_example_and_no_second_base():
    """DPO from the SFT adapter: chosen and rejected double the tokens of a step; the reference is a
    frozen copy of the LoRA weights (TRL's "ref" adapter), not another copy of the model."""
    from dataclasses import replace

    dpo = planned_settings(load_recipe("qwen-personal-qa-dpo"))
    facts = load_facts(load_recipe("qwen-personal-qa-dpo")["base_model"])
    preference = estimate(facts, dpo)
    supervised = estimate(facts, replace(dpo, rl=None))
    assert preference.tokens == 2 * supervised.tokens
    assert preference.get("reference") == preference.get("lora") > 0
    assert preference.get("weights") == supervised.get("weights")  # one base model in memory
    assert preference.total < 4 * GB  # the recipe's header: any 4 GB GPU
