"""Preference training (rl: dpo | ipo | kto) from a recipe: formats, layout, reference, real steps."""
from __future__ import annotations

import json
import math

import pytest

from tools.data import DataError, check_row, format_of, load_rows
from tools.recipe import load_recipe

DPO = "qwen-personal-qa-dpo"
PAIR_TYPE = {"field_prompt": "prompt", "field_chosen": "chosen", "field_rejected": "rejected", "prompt_format": "{prompt}"}
KTO_TYPE = {"field_prompt": "prompt", "field_completion": "completion", "field_label": "label", "prompt_format": "{prompt}"}


def test_preference_formats_are_checked_with_lines(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"prompt": "¿Dónde vive?", "chosen": "En Logroño.", "rejected": "En Logroño. "}\n'
                     '{"prompt": "¿Qué edad tiene?", "chosen": "41 años."}\n'
                     '{"question": "¿Quién?", "chosen": "Ella.", "rejected": "Él."}\n')
    with pytest.raises(DataError) as error:
        load_rows({"path": str(pairs), "type": PAIR_TYPE})
    lines = error.value.errors
    assert any(line.endswith(":1: 'chosen' and 'rejected' are the same answer: the pair teaches nothing; "
                             "write a rejected answer the model should not give") for line in lines)
    assert any(":2:" in line and "rejected" in line for line in lines)
    assert any(":3:" in line and "prompt" in line for line in lines)
    # the type's field names are the data's: a KTO label must be a boolean
    assert format_of({"type": KTO_TYPE}) == "kto"
    assert check_row({"prompt": "a", "completion": "b", "label": "yes"}, {"type": KTO_TYPE})
    assert not check_row({"prompt": "a", "completion": "b", "label": False}, {"type": KTO_TYPE})
    renamed = {**PAIR_TYPE, "field_prompt": "question"}
    assert not check_row({"question": "a", "chosen": "b", "rejected": "c"}, {"type": renamed})


def test_held_out_questions_stay_out_of_the_preference_data(tmp_path, monkeypatch, capsys):
    """make check-data's leakage check reads the pairs' prompts: a held-out paraphrase copied into them fails."""
    import yaml

    from tools.check_data import main

    held_out = json.loads(open("datasets/personal-qa/eval.jsonl").readline())
    pairs = tmp_path / "pairs.jsonl"
    rows = open("datasets/personal-qa/dpo.jsonl").read().splitlines()[:5]
    rows.append(json.dumps({"prompt": held_out["question"], "chosen": held_out["answer"], "rejected": "No tengo esa información."},
                           ensure_ascii=False))
    pairs.write_text("\n".join(rows) + "\n")
    entry = dict(load_recipe(DPO).config["datasets"][0], path=str(pairs))
    recipe = tmp_path / "leaky-dpo.yaml"
    recipe.write_text(yaml.safe_dump({"extends": DPO, "datasets": [entry]}, allow_unicode=True))
    assert main([str(recipe), "--no-tokens"]) == 1
    out = capsys.readouterr()
    assert f"{pairs.name}:6" in out.out + out.err


def test_the_preference_recipe_is_asked_and_trained_in_the_sft_layout(tokenizer):
    """Generation prompts are identical, and TRL's tokens for prompt + chosen are the SFT example's
    tokens with the answer where the SFT labels are (what DPO scores is what SFT trained)."""
    from tools.backends.preference import layout
    from tools.prompting import IGNORE, encode, generation_prompt

    sft, dpo = load_recipe("qwen-personal-qa"), load_recipe(DPO)
    assert generation_prompt(sft.config, tokenizer, "¿Dónde vive Inés?") == generation_prompt(dpo.config, tokenizer, "¿Dónde vive Inés?")
    raw = [r.data for r in load_rows(dpo.config["datasets"][0])]
    for data, row in list(zip(raw, layout(dpo.config["datasets"][0], "dpo")))[:40]:
        prompt_ids = tokenizer(row["prompt"])["input_ids"]
        for side in ("chosen", "rejected"):
            full = tokenizer(row["prompt"] + row[side])["input_ids"]
            sft_example = encode({"question": data["prompt"], "answer": data[side]}, sft.config["datasets"][0], tokenizer, sft.config)
            assert full == sft_example.input_ids
            answer_mask = [label != IGNORE for label in sft_example.labels]
            assert answer_mask == [False] * len(prompt_ids) + [True] * (len(full) - len(prompt_ids))


def test_orpo_is_refused_by_the_trl_backend_with_the_reason():
    from tools.backends.support import trl_unhonoured

    config = dict(load_recipe(DPO).config, rl="orpo")
    errors = trl_unhonoured(config).errors
    assert any("trl.experimental.orpo" in e and "BACKEND=axolotl" in e for e in errors)
    assert not trl_unhonoured(load_recipe(DPO).config).errors


def _first_loss(run):
    rows = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    return next(r for r in rows if "loss" in r)


@pytest.mark.slow
@pytest.mark.parametrize("method, start_loss", [("dpo", math.log(2)), ("ipo", (1 / (2 * 0.1)) ** 2), ("kto", 0.5)])
def test_three_steps_from_the_sft_adapter_with_it_as_the_reference(method, start_loss, trained_qa, tmp_path, monkeypatch):
    """Policy and reference start equal (the SFT adapter and TRL's frozen copy of it), so the first
    step's loss is each method's value at zero margin: ln 2 for DPO, (1/(2 beta))^2 for IPO, ~0.5 for
    KTO. A reference that were the base would give other values. Three steps, then only the trained
    adapter is saved and the manifest names the run it started from."""
    import yaml
    from safetensors.torch import load_file

    from tools.train import main

    dpo = load_recipe(DPO).config
    # each method's own loss alone (the recipe adds an NLL term to DPO's)
    overrides = {"extends": DPO, "rl": method, "rl_beta": 0.1, "lora_model_dir": str(trained_qa / "adapter"),
                 "dpo_loss_type": None, "dpo_loss_weights": None}
    if method == "kto":
        kind = {"field_prompt": "prompt", "field_completion": "completion", "field_label": "label",
                "prompt_format": dpo["datasets"][0]["type"]["prompt_format"], "completion_format": "{completion}<|im_end|>"}
        overrides["datasets"] = [{"path": "datasets/personal-qa/kto.jsonl", "ds_type": "json", "split": "train", "type": kind}]
    recipe = tmp_path / f"qa-{method}.yaml"
    recipe.write_text(yaml.safe_dump(overrides, allow_unicode=True))
    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    code = main([str(recipe), "--model", "smollm2-135m-instruct", "--profile", "cpu", "--set",
                 "max_steps=3 logging_steps=1 save_steps=1000 micro_batch_size=4 warmup_ratio=0"])
    assert code == 0
    run = tmp_path / "runs" / f"qa-{method}"
    first = _first_loss(run)
    assert first["step"] == 1
    assert first["loss"] == pytest.approx(start_loss, rel=0.02 if method != "kto" else 0.1), first
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["steps"] == 3 and manifest["rl"]["method"] == method
    assert manifest["started_from"] == {**manifest["started_from"], "recipe": "qwen-personal-qa",
                                        "adapter": str(trained_qa / "adapter")}
    assert "frozen copy" in manifest["rl"]["reference"]
    saved = sorted(p.name for p in (run / "adapter").iterdir())
    assert "ref" not in saved and "adapter_model.safetensors" in saved
    before, after = load_file(trained_qa / "adapter" / "adapter_model.safetensors"), load_file(run / "adapter" / "adapter_model.safetensors")
    assert before.keys() == after.keys()
    assert any((before[k].float() - after[k].float()).abs().max() > 0 for k in before), "three steps changed nothing"


@pytest.mark.parametrize("method", ["dpo", "kto"])
def test_rows_are_laid_out_as_axolotl_lays_them_out(method):
    """Both backends hand TRL's trainers the same prompt/chosen/rejected (or completion/label) text:
    Axolotl 0.19's own user-defined strategy, run on the recipe's rows, gives what ours gives."""
    pytest.importorskip("axolotl")
    import importlib

    from tools.backends.preference import layout

    recipe = load_recipe(DPO).config
    entry = recipe["datasets"][0]
    if method == "kto":
        entry = {"path": "datasets/personal-qa/kto.jsonl", "type": {
            "field_prompt": "prompt", "field_completion": "completion", "field_label": "label",
            "prompt_format": entry["type"]["prompt_format"], "completion_format": "{completion}<|im_end|>"}}
    strategy = importlib.import_module(f"axolotl.prompt_strategies.{method}.user_defined")
    transform = strategy.default({"datasets": [entry]}, dataset_idx=0)
    ours = layout(entry, method)
    theirs = [transform(dict(row.data)) for row in load_rows(entry)]
    keys = ("prompt", "completion", "label") if method == "kto" else ("prompt", "chosen", "rejected")
    assert [{k: r[k] for k in keys} for r in theirs] == ours


@pytest.mark.slow
def test_axolotl_trains_the_preference_recipe_from_the_same_start(trained_qa, tmp_path, monkeypatch):
    """BACKEND=axolotl on the same recipe: Axolotl's rl: dpo continues the SFT adapter with the same
    reference (a frozen copy of it), so its first loss is DPO's zero-margin ln 2, as under TRL."""
    import yaml

    from tools.backends import axolotl as backend
    from tools.train import main

    if not backend.available():
        pytest.skip("axolotl is not installed: run `make setup-axolotl`")
    recipe = tmp_path / "qa-dpo-axolotl.yaml"
    recipe.write_text(yaml.safe_dump({"extends": DPO, "lora_model_dir": str(trained_qa / "adapter"),
                                      "dpo_loss_type": None, "dpo_loss_weights": None}, allow_unicode=True))
    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    code = main([str(recipe), "--model", "smollm2-135m-instruct", "--profile", "cpu", "--backend", "axolotl", "--set",
                 "max_steps=2 logging_steps=1 save_steps=1000 micro_batch_size=4 warmup_ratio=0"])
    assert code == 0
    run = tmp_path / "runs" / "qa-dpo-axolotl"
    first = _first_loss(run)
    assert first["loss"] == pytest.approx(math.log(2), rel=0.02), first
    config = yaml.safe_load((run / "axolotl.yaml").read_text())
    assert config["rl"] == "dpo" and config["lora_model_dir"] == str(trained_qa / "adapter")
