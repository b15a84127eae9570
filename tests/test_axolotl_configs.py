"""Bring your Axolotl config: configs written as Axolotl users write them validate, show, and train.

tests/assets/axolotl_configs/ holds 14 such configs (QLoRA, LoRA on 4-bit, full fine-tuning,
ShareGPT and OpenAI-style chat data, completion text, DeepSpeed, FSDP, wandb, special tokens,
`strict` with a validation share, user-defined prompts, DPO, streamed pre-training data), each
pointing at small data files in tests/assets/data/. Every one validates; each trains two steps on
the embedded model under the TRL backend or is refused by name; three also train under Axolotl.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.backends.support import trl_unhonoured
from tools.models import EMBEDDED
from tools.paths import ROOT
from tools.recipe import RecipeError, load_recipe
from tools.recipe import main as recipe_main

CONFIGS = sorted((ROOT / "tests" / "assets" / "axolotl_configs").glob("*.yml"))
# What the TRL backend refuses, by name: these change what is trained and only Axolotl does them.
REFUSED_BY_TRL = {"dpo": ["`datasets[0].type`"], "pretraining-stream": ["`pretraining_dataset`"]}
TWO_STEPS = "max_steps=2 save_steps=1000 eval_steps=1000 evals_per_epoch=0 saves_per_epoch=0 logging_steps=1 sequence_len=256 micro_batch_size=1 gradient_accumulation_steps=1"


def test_the_corpus_is_there():
    assert len(CONFIGS) >= 12


@pytest.mark.parametrize("path", CONFIGS, ids=[p.stem for p in CONFIGS])
def test_each_config_validates_shows_and_says_what_trl_honours(path, capsys):
    recipe = load_recipe(path, model=EMBEDDED)
    assert recipe.name == path.stem  # no `name:` needed: the file names the recipe
    assert recipe_main(["show", str(path)]) == 0
    shown = capsys.readouterr().out
    found = trl_unhonoured(recipe.config)
    assert [e.split(":")[0] for e in found.errors] == REFUSED_BY_TRL.get(path.stem, [])
    for line in found.warnings:  # each warning names its key, and `make show` marks it
        key = line.split("`")[1]
        if "." not in key:
            assert f"{key}:" in shown and "# BACKEND=trl:" in shown


def test_a_typical_axolotl_qlora_config_keeps_axolotls_meaning():
    recipe = load_recipe(ROOT / "tests/assets/axolotl_configs/tinyllama-qlora.yml", model=EMBEDDED)
    config = recipe.config
    assert "fp16" not in config and "lora_model_dir" not in config  # left empty: unset
    assert config["learning_rate"] == 2e-4  # `2e-4` is a number, as in Axolotl
    assert config["model_type"] == "LlamaForCausalLM" and config["group_by_length"] is False


def test_unknown_keys_suggest_one_key_not_the_whole_list(tmp_path):
    path = tmp_path / "typo.yml"
    path.write_text("base_model: x/y\nlearning_rate: 0.001\ndatasets:\n  - path: tests/assets/data/alpaca.jsonl\n"
                    "    type: alpaca\ngradient_acumulation_steps: 4\nmy_own_setting: 3\n")
    with pytest.raises(RecipeError) as info:
        load_recipe(path, check_paths=False)
    errors = info.value.errors
    assert errors[0] == f"{path}:6: gradient_acumulation_steps: unknown key (did you mean 'gradient_accumulation_steps'?)"
    assert errors[1].startswith(f"{path}:7: my_own_setting: unknown key; `make show` lists")
    assert all(len(line) < 300 for line in errors)


AXOLOTL_COMBOS = [  # (description, changes to a valid LoRA config); Axolotl's own verdict is the reference
    ("lora on 4-bit weights", {"load_in_4bit": True}),
    ("qlora on 4-bit weights", {"adapter": "qlora", "load_in_4bit": True}),
    ("qlora without 4-bit", {"adapter": "qlora"}),
    ("qlora in 8-bit", {"adapter": "qlora", "load_in_8bit": True}),
    ("4-bit without an adapter", {"adapter": None, "load_in_4bit": True}),
    ("8-bit without an adapter", {"adapter": None, "load_in_8bit": True}),
    ("warmup steps and ratio", {"warmup_steps": 10, "warmup_ratio": 0.1}),
    ("an adapter Axolotl lacks", {"adapter": "prefix-tuning"}),
    ("bf16 and fp16 together", {"bf16": True, "fp16": True}),
    ("no num_epochs, no sequence_len", {"num_epochs": None, "sequence_len": None}),
    ("nulls everywhere", {"fp16": None, "tf32": None, "lora_model_dir": None, "wandb_project": None}),
]


@pytest.mark.axolotl
@pytest.mark.parametrize("what,changes", AXOLOTL_COMBOS, ids=[c[0] for c in AXOLOTL_COMBOS])
def test_what_axolotl_accepts_is_accepted_and_what_it_rejects_is_rejected(what, changes, tmp_path):
    """Axolotl's pydantic config model is the reference: same verdict, and Axolotl's reason in ours."""
    pytest.importorskip("axolotl", reason="needs axolotl: make setup-axolotl")
    import yaml
    from axolotl.utils.schemas.config import AxolotlInputConfig
    from pydantic import ValidationError

    config = {"base_model": "HuggingFaceTB/SmolLM2-135M", "learning_rate": 0.0002, "adapter": "lora", "lora_r": 8,
              "lora_alpha": 16, "lora_target_linear": True, "sequence_len": 256, "micro_batch_size": 1, "num_epochs": 1,
              "datasets": [{"path": "tests/assets/data/alpaca.jsonl", "type": "alpaca"}]}
    config.update(changes)
    path = tmp_path / "combo.yml"
    path.write_text(yaml.safe_dump(config))
    try:
        AxolotlInputConfig(**{k: v for k, v in config.items() if v is not None})
        theirs = None
    except ValidationError as error:
        theirs = error.errors()[0]["msg"].removeprefix("Value error, ")
    try:
        load_recipe(path)
        ours = None
    except RecipeError as error:
        ours = " ".join(error.errors)
    assert (ours is None) == (theirs is None), (ours, theirs)
    if theirs:
        assert theirs.split(".")[0].split("(")[0].strip() in ours, (ours, theirs)  # Axolotl's reason, in its words


@pytest.mark.axolotl
def test_the_committed_axolotl_schema_is_axolotls_own():
    """tools/axolotl.schema.json regenerated from the installed (pinned) axolotl: a stale copy fails."""
    pytest.importorskip("axolotl", reason="needs axolotl: make setup-axolotl")
    from tools import axolotl_schema

    assert axolotl_schema.TARGET.read_text() == axolotl_schema.render(axolotl_schema.generate()), \
        "tools/axolotl.schema.json is stale: run `python -m tools.axolotl_schema`"


def _train(path: Path, backend: str, tmp_path, monkeypatch):
    from tools.train import main as train_main

    runs_dir = tmp_path / backend
    monkeypatch.setenv("LLM_RECIPES_RUNS", str(runs_dir))
    monkeypatch.chdir(tmp_path)  # a config's own output_dir (./outputs/...) lands here
    code = train_main([str(path), "--model", EMBEDDED, "--set", TWO_STEPS, "--backend", backend])
    return code


def _trained(path: Path, tmp_path) -> dict:
    """The manifest of the run, wherever the config's output_dir put it."""
    found = [p for p in tmp_path.rglob("manifest.json")]
    assert len(found) == 1, found
    return json.loads(found[0].read_text())


TRAINABLE = [p for p in CONFIGS if p.stem not in REFUSED_BY_TRL]


@pytest.mark.slow
@pytest.mark.parametrize("path", TRAINABLE, ids=[p.stem for p in TRAINABLE])
def test_each_config_trains_two_steps_with_trl(path, tmp_path, monkeypatch, capsys):
    assert _train(path, "trl", tmp_path, monkeypatch) == 0, capsys.readouterr().err[-2000:]
    manifest = _trained(path, tmp_path)
    assert manifest["steps"] == 2 and manifest["backend"] == "trl" and manifest["settings"]["max_steps"] == 2
    out = capsys.readouterr().out
    for line in trl_unhonoured(load_recipe(path, model=EMBEDDED).config).warnings:
        assert line in out  # named at the start of the run


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(REFUSED_BY_TRL))
def test_trl_refuses_what_it_cannot_train_by_name(stem, tmp_path, monkeypatch, capsys):
    path = ROOT / "tests" / "assets" / "axolotl_configs" / f"{stem}.yml"
    assert _train(path, "trl", tmp_path, monkeypatch) == 1
    err = capsys.readouterr().err
    assert "BACKEND=trl cannot train this recipe as written" in err
    for key in REFUSED_BY_TRL[stem]:
        assert key in err
    assert not list(tmp_path.rglob("manifest.json"))


@pytest.mark.slow
@pytest.mark.axolotl
@pytest.mark.parametrize("stem", ["tinyllama-qlora", "sharegpt-chat", "completion-text"])
def test_representative_configs_train_two_steps_with_axolotl(stem, tmp_path, monkeypatch, capsys):
    pytest.importorskip("axolotl", reason="needs axolotl: make setup-axolotl")
    path = ROOT / "tests" / "assets" / "axolotl_configs" / f"{stem}.yml"
    assert _train(path, "axolotl", tmp_path, monkeypatch) == 0, capsys.readouterr().err[-3000:]
    manifest = _trained(path, tmp_path)
    assert manifest["steps"] == 2 and manifest["backend"] == "axolotl"


@pytest.mark.slow
def test_a_full_fine_tune_exports_without_a_merge(tmp_path, monkeypatch, capsys):
    """No adapter: merged/ is the model; export converts and verifies it as it is."""
    from tools.export import main as export_main

    path = ROOT / "tests" / "assets" / "axolotl_configs" / "full-finetune.yml"
    assert _train(path, "trl", tmp_path, monkeypatch) == 0, capsys.readouterr().err[-2000:]
    assert export_main([str(path), "--quant", "f16", "--prompts", "4"]) == 0, capsys.readouterr().err[-2000:]
    assert "no merge" in capsys.readouterr().out
    verification = [json.loads(p.read_text()) for p in tmp_path.rglob("gguf/verification.json")]
    assert len(verification) == 1 and verification[0]["merged_from"].startswith("full fine-tune")
    assert verification[0]["greedy_agreement"] >= 0.99
