"""Every recipe validates through the real loader; broken recipes fail with file:line: key messages."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tools.recipe import RecipeError, all_recipe_paths, load_recipe, main as recipe_main
from tools.paths import RECIPES_DIR

SHIPPED = ["qwen-personal-qa", "phi2-tutor", "deepseek8b-ts-tutor", "tinyllama-json-extractor"]


def test_recipes_are_discovered_recursively_and_all_validate():
    paths = all_recipe_paths()
    assert len(paths) >= 4, "no recipes found"
    assert {p.stem for p in paths} >= set(SHIPPED)
    for path in paths:
        recipe = load_recipe(path)
        assert recipe.name == path.stem


@pytest.mark.parametrize("name", SHIPPED)
def test_each_recipe_opens_with_a_header_and_carries_project_sections(name):
    text = (RECIPES_DIR / f"{name}.yaml").read_text()
    header = text.split("\nname:")[0]
    for word in ("Data:", "Train:", "Sized for:"):
        assert word in header, f"{name}: header lacks '{word}'"
    recipe = load_recipe(name, profile="cpu")
    assert recipe.section("generation"), name
    assert recipe.section("evaluation"), name


def test_seed_settings_are_carried():
    qa = load_recipe("qwen-personal-qa")
    assert qa["lora_target_modules"] == ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    assert (qa["lora_r"], qa["lora_alpha"], qa["num_epochs"], qa["train_on_inputs"]) == (16, 32, 10, False)
    phi = load_recipe("phi2-tutor")
    assert phi["bnb_config_kwargs"] == {"bnb_4bit_quant_type": "nf4", "bnb_4bit_use_double_quant": True}
    assert phi["gradient_checkpointing"] and "dense" in phi["lora_target_modules"]
    ds = load_recipe("deepseek8b-ts-tutor")
    assert (ds["lora_r"], ds["lora_alpha"], ds["lora_dropout"], ds["gradient_accumulation_steps"]) == (8, 16, 0.1, 10)
    assert ds.section("generation")["max_new_tokens"] == 515
    tl = load_recipe("tinyllama-json-extractor")
    assert tl["sample_packing"] and tl["sequence_len"] == 1024 and tl["optimizer"] == "adamw_8bit"


def test_overrides_profile_model_and_set_apply_in_order():
    recipe = load_recipe("qwen-personal-qa", model="smollm2-135m-instruct", profile="cpu",
                         overrides="max_steps=3 generation.max_new_tokens=9 learning_rate=0.5")
    assert recipe["base_model"] == "smollm2-135m-instruct"
    assert recipe["max_steps"] == 3 and recipe["learning_rate"] == 0.5
    assert recipe["num_epochs"] == 2  # from the cpu profile
    assert recipe.section("generation")["max_new_tokens"] == 9
    assert recipe.section("generation")["fallback"] == "No tengo esa información."


def test_set_is_validated_like_the_file():
    with pytest.raises(RecipeError) as info:
        load_recipe("qwen-personal-qa", overrides="lora_rr=8 lora_dropout=2")
    assert "SET: lora_rr: unknown key (did you mean 'lora_r'?)" in info.value.errors
    assert "SET: lora_dropout: 2 is more than 1" in info.value.errors


def test_evaluation_batch_size_is_a_recipe_key_that_eval_reads():
    """`make eval` reads evaluation.batch_size; the schema must accept it (it once refused it)."""
    from evaluation.common import batch_size

    recipe = load_recipe("qwen-personal-qa", overrides="evaluation.batch_size=3")
    assert batch_size(recipe.config, model=None) == 3
    with pytest.raises(RecipeError, match="evaluation.batch_size"):
        load_recipe("qwen-personal-qa", overrides="evaluation.batch_size=0")


def test_set_reaches_into_lists_by_index():
    """`SET=datasets.0.path=...` trains the same recipe on another file (the data curves use it)."""
    recipe = load_recipe("qwen-personal-qa", overrides="datasets.0.path=datasets/personal-qa/eval.jsonl")
    assert recipe.config["datasets"][0]["path"] == "datasets/personal-qa/eval.jsonl"
    assert recipe.config["datasets"][0]["type"] == load_recipe("qwen-personal-qa").config["datasets"][0]["type"]
    with pytest.raises(RecipeError) as info:
        load_recipe("qwen-personal-qa", overrides="datasets.3.path=datasets/personal-qa/eval.jsonl")
    assert info.value.errors == ["SET: 'datasets.3.path': datasets has 1 item(s), so index 3 does not exist (indexes start at 0)"]
    with pytest.raises(RecipeError) as info:
        load_recipe("qwen-personal-qa", overrides="datasets.0.path=datasets/personal-qa/missing.jsonl")
    assert any(line.startswith("SET: datasets[0].path:") for line in info.value.errors)


def _write(tmp_path: Path, text: str, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


GOOD = """\
name: broken
base_model: smollm2-135m-instruct
datasets:
  - path: datasets/personal-qa/train.jsonl
    type:
      field_instruction: question
      field_output: answer
      format: "Q: {instruction}\\nA:"
adapter: lora
lora_r: 8
lora_target_linear: true
sequence_len: 256
micro_batch_size: 1
num_epochs: 1
learning_rate: 0.001
"""

# (description, replacement applied to GOOD, expected message after "<file>:"). Axolotl's semantics:
# what Axolotl accepts is accepted (lora on 4-bit weights, no sequence_len, no num_epochs, bf16 with
# fp16, no LoRA targets); what it rejects is rejected with its reason.
BROKEN = [
    ("unknown key", ("lora_r: 8", "lora_rr: 8"), "10: lora_rr: unknown key (did you mean 'lora_r'?)"),
    ("typo in a nested key", ("      field_output: answer", "      field_outptu: answer"),
     "7: datasets[0].type.field_outptu: unknown key (did you mean 'field_output'?)"),
    ("wrong type", ("micro_batch_size: 1", "micro_batch_size: two"), "13: micro_batch_size: 'two' is a string, expected an integer"),
    ("out of range", ("learning_rate: 0.001", "learning_rate: 0.001\nlora_dropout: 1.5"), "16: lora_dropout: 1.5 is more than 1"),
    ("negative", ("num_epochs: 1", "num_epochs: -1"), "14: num_epochs: -1 is not more than 0"),
    ("unknown adapter", ("adapter: lora", "adapter: qlorra"),
     "9: adapter: Adapter 'qlorra' is not built in and was not registered by a plugin (Axolotl); built in: lora, qlora, "
     "llama-adapter (did you mean 'qlora'?)"),
    ("missing dataset file", ("datasets/personal-qa/train.jsonl", "datasets/nope/train.jsonl"),
     "4: datasets[0].path: file 'datasets/nope/train.jsonl' does not exist (paths are relative to the repository root)"),
    ("4-bit without an adapter", ("adapter: lora\n", "load_in_4bit: true\n"),
     "9: load_in_4bit: load_in_8bit and load_in_4bit are not supported without setting an adapter for training (Axolotl)"),
    ("qlora without 4-bit", ("adapter: lora", "adapter: qlora"),
     "9: adapter: Require cfg.load_in_4bit to be True for qlora (Axolotl); add `load_in_4bit: true`"),
    ("warmup twice", ("sequence_len: 256", "warmup_steps: 10\nwarmup_ratio: 0.1"),
     "13: warmup_ratio: warmup_steps and warmup_ratio are mutually exclusive (Axolotl); keep one"),
    ("missing required key", ("learning_rate: 0.001\n", ""), "1: missing required key 'learning_rate' (Peak learning rate.)"),
    ("duplicate key", ("num_epochs: 1\n", "num_epochs: 1\nlora_r: 64\n"),
     "15: lora_r: duplicate key (also at line 10); YAML would keep only this one: remove one"),
    ("qlora in 8-bit", ("adapter: lora", "adapter: qlora\nload_in_8bit: true"),
     "10: load_in_8bit: Can't load qlora in 8bit (Axolotl); use `load_in_4bit: true`"),
    ("name differs from the file", ("name: broken", "name: other"),
     "1: name: 'other' differs from the file name 'broken'; make them equal (or remove `name`: it defaults to the file name)"),
    ("bad bf16 value", ("learning_rate: 0.001", "learning_rate: 0.001\nbf16: maybe"), "16: bf16: 'maybe' is not valid here"),
]


@pytest.mark.parametrize("what,change,expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_recipe_fails_with_file_line_and_key(tmp_path, what, change, expected):
    old, new = change
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(RecipeError) as info:
        load_recipe(path)
    assert any(line.startswith(f"{path}:{expected}") for line in info.value.errors), info.value.errors


def test_all_errors_of_a_file_are_reported_at_once(tmp_path):
    text = GOOD.replace("lora_r: 8", "lora_rr: 8").replace("micro_batch_size: 1", "micro_batch_size: two")
    text = text.replace("adapter: lora", "adapter: qlora")
    with pytest.raises(RecipeError) as info:
        load_recipe(_write(tmp_path, text))
    assert len(info.value.errors) == 3  # unknown key, wrong type, qlora without 4-bit


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = _write(tmp_path, GOOD.replace("lora_r: 8", "lora_r: [8"))
    with pytest.raises(RecipeError) as info:
        load_recipe(path)
    assert info.value.errors[0].startswith(f"{path}:") and "YAML syntax error" in info.value.errors[0]


def test_extends_merges_deeply_and_detects_cycles(tmp_path):
    _write(tmp_path, GOOD.replace("name: broken", "name: base"), "base.yaml")
    child = _write(tmp_path, "extends: base.yaml\nname: child\nlora_r: 4\n", "child.yaml")
    recipe = load_recipe(child)
    assert recipe["lora_r"] == 4 and recipe["datasets"][0]["type"]["field_output"] == "answer"
    _write(tmp_path, "extends: b.yaml\nname: a\n", "a.yaml")
    _write(tmp_path, "extends: a.yaml\nname: b\n", "b.yaml")
    with pytest.raises(RecipeError) as info:
        load_recipe(tmp_path / "a.yaml")
    assert "cycle" in info.value.errors[0]


def test_extends_errors_point_at_the_file_that_has_the_key(tmp_path):
    _write(tmp_path, GOOD.replace("name: broken", "name: base"), "base.yaml")
    child = _write(tmp_path, "extends: base.yaml\nname: child\nlora_alpha: 0\n", "child.yaml")
    with pytest.raises(RecipeError) as info:
        load_recipe(child)
    assert info.value.errors == [f"{child}:3: lora_alpha: 0 is less than 1"]


def test_unknown_recipe_name_suggests_the_closest(capsys):
    with pytest.raises(RecipeError) as info:
        load_recipe("phi2-tutr")
    assert "did you mean 'phi2-tutor'?" in info.value.errors[0]


def test_validate_command_exit_codes(tmp_path, capsys):
    assert recipe_main(["validate"]) == 0
    bad = _write(tmp_path, GOOD.replace("lora_r: 8", "lora_rr: 8"))
    assert recipe_main(["validate", str(bad)]) == 1
    assert "unknown key" in capsys.readouterr().out


def test_new_recipe_writes_a_starter_that_validates(tmp_path):
    from tools.new_recipe import write_starter

    path = write_starter("my-use-case", tmp_path)
    recipe = load_recipe(path)
    assert recipe.name == "my-use-case"
    assert path.read_text().startswith("# my-use-case:")
    with pytest.raises(FileExistsError):
        write_starter("my-use-case", tmp_path)
    with pytest.raises(ValueError):
        write_starter("Bad_Name", tmp_path)


def test_recipe_reference_is_not_stale():
    from tools.docs import TARGET, render

    assert TARGET.read_text() == render(), "docs/recipe-reference.md is stale: run `make docs`"


def test_axolotl_config_strips_project_sections():
    config = load_recipe("qwen-personal-qa").axolotl_config()
    for key in ("name", "generation", "evaluation", "export", "profiles"):
        assert key not in config
    assert config["lora_r"] == 16
