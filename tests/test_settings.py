"""tools/settings.py: one resolved TrainSettings, translated by both backends into the same run."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from tools.hardware import Hardware
from tools.models import EMBEDDED
from tools.paths import ROOT
from tools.recipe import load_recipe
from tools.settings import resolve
from tools import atomic

RECIPES = ["qwen-personal-qa", "phi2-tutor", "deepseek8b-ts-tutor", "tinyllama-json-extractor"]
CPU = Hardware("cpu", "test cpu", bf16=True, fp16=False)
GPU = Hardware("cuda", "test gpu", bf16=True, fp16=True, gpu_memory_gb=24)


def _starter(tmp_path):
    from tools.new_recipe import write_starter

    return load_recipe(write_starter("my-use-case", tmp_path), model=EMBEDDED)


def _both(recipe, hw, monkeypatch, tmp_path):
    """(SFTConfig, LoraConfig, PEFT targets) of the TRL backend and the Axolotl config, from one TrainSettings."""
    from tools.backends import axolotl, trl
    from tools.models import resolve_model
    from tools.targets import resolve_targets, skeleton

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    settings = resolve(recipe, hw)
    model = resolve_model(EMBEDDED)
    targets, _ = resolve_targets(settings, skeleton(model.path))
    # A plain namespace of SFTConfig's arguments: SFTConfig itself refuses GPU settings on a CPU machine.
    kwargs = trl.sft_config_kwargs(settings, tmp_path / "out", steps=100, has_eval=True)
    args = trl.sft_config(settings, tmp_path / "out", 100, True) if hw.device == "cpu" else SimpleNamespace(**kwargs)
    return settings, args, trl.lora_config(settings, targets), axolotl.build_config(recipe, settings, model)


def _value(option):
    return getattr(option, "value", option)


@pytest.mark.parametrize("hw", [CPU, GPU], ids=["cpu", "gpu"])
@pytest.mark.parametrize("name", RECIPES + ["starter"])
def test_both_backends_get_the_same_settings(name, hw, monkeypatch, tmp_path):
    recipe = _starter(tmp_path) if name == "starter" else load_recipe(name, model=EMBEDDED)
    settings, args, lora, ax = _both(recipe, hw, monkeypatch, tmp_path)
    # (the TRL backend's value, the Axolotl config's value) for every setting both know
    pairs = {
        "sequence_len": (args.max_length, ax["sequence_len"]),
        "packing": (args.packing, ax["sample_packing"]),
        "eval packing": (bool(args.eval_packing) if args.packing else False,
                         ax["eval_sample_packing"] if ax["sample_packing"] else False),
        "micro batch": (args.per_device_train_batch_size, ax["micro_batch_size"]),
        "accumulation": (args.gradient_accumulation_steps, ax["gradient_accumulation_steps"]),
        "epochs": (args.num_train_epochs, ax["num_epochs"]),
        "max steps": (args.max_steps if args.max_steps > 0 else None, ax.get("max_steps")),
        "learning rate": (args.learning_rate, ax["learning_rate"]),
        "optimizer": (_value(args.optim), {"adamw_8bit": "adamw_bnb_8bit"}.get(ax["optimizer"], ax["optimizer"])),
        "schedule": (_value(args.lr_scheduler_type), ax["lr_scheduler"]),
        "weight decay": (args.weight_decay, ax["weight_decay"]),
        "clipping": (args.max_grad_norm, ax["max_grad_norm"]),
        "seed": (args.seed, ax["seed"]),
        "bf16": (args.bf16, ax["bf16"]),
        "fp16": (args.fp16, ax["fp16"]),
        "gradient checkpointing": (args.gradient_checkpointing, ax["gradient_checkpointing"]),
        "checkpoints kept": (args.save_total_limit, ax.get("save_total_limit")),
        "lora r": (lora.r, ax["lora_r"]),
        "lora alpha": (lora.lora_alpha, ax["lora_alpha"]),
        "lora dropout": (lora.lora_dropout, ax["lora_dropout"]),
        "lora targets": (sorted(lora.target_modules) if lora.target_modules != "all-linear" else "all-linear",
                         sorted(ax["lora_target_modules"]) if "lora_target_modules" in ax else "all-linear"),
        "train on inputs": (settings.train_on_inputs, ax["train_on_inputs"]),
        "flash attention": (settings.attn_implementation == "flash_attention_2", ax["flash_attention"]),
        "torch.compile": (args.torch_compile, ax["torch_compile"]),
        "pad to sequence_len": (args.pad_to_multiple_of is not None, ax["pad_to_sequence_len"]),
    }
    if settings.logging_steps is not None:
        pairs["logging steps"] = (args.logging_steps, ax["logging_steps"])
    if settings.save_steps:
        pairs["save steps"] = (args.save_steps, ax["save_steps"])
    differing = {k: v for k, v in pairs.items() if v[0] != v[1]}
    assert differing == {}, differing
    assert (_value(args.eval_strategy) != "no") == ("eval_steps" in ax)
    if hw.device == "cpu":  # what this hardware cannot do is switched off, in both, with a note
        assert not args.bf16 or settings.precision == "bf16"
        assert "paged" not in ax["optimizer"] and "8bit" not in ax["optimizer"] and not ax["flash_attention"]


def test_packing_recipe_evaluates_packed_in_both_backends(monkeypatch, tmp_path):
    """The bug this fixed: with sample_packing the TRL backend evaluated unpacked, Axolotl packed."""
    recipe = load_recipe("tinyllama-json-extractor", model=EMBEDDED, overrides="eval_steps=10")
    settings, args, _, ax = _both(recipe, CPU, monkeypatch, tmp_path)
    assert settings.eval_sample_packing and args.eval_packing and ax["eval_sample_packing"]
    unpacked = load_recipe("tinyllama-json-extractor", model=EMBEDDED, overrides="eval_steps=10 eval_sample_packing=false")
    _, args, _, ax = _both(unpacked, CPU, monkeypatch, tmp_path)
    assert args.eval_packing is False and ax["eval_sample_packing"] is False


def test_batches_are_padded_to_one_shape_where_axolotl_pads_them(monkeypatch, tmp_path):
    """Axolotl pads packed batches to sequence_len unless `pad_to_sequence_len: false`; the TRL backend
    pads the same batches (its packed micro-batch is one padding-free row of micro_batch_size bins),
    and `false` turns it off in both."""
    def both(overrides):
        recipe = load_recipe("tinyllama-json-extractor", model=EMBEDDED, overrides=f"eval_steps=10 {overrides}")
        settings, args, _, ax = _both(recipe, CPU, monkeypatch, tmp_path)
        return settings.sequence_len, args.pad_to_multiple_of, ax["pad_to_sequence_len"]

    length, multiple, axolotl_pads = both("sample_packing=true micro_batch_size=2")
    assert axolotl_pads is True and multiple == 2 * length
    assert both("sample_packing=true micro_batch_size=2 pad_to_sequence_len=false")[1:] == (None, False)
    assert both("sample_packing=false micro_batch_size=2")[1:] == (None, False)
    length, multiple, axolotl_pads = both("sample_packing=false micro_batch_size=2 pad_to_sequence_len=true")
    assert axolotl_pads is True and multiple == length


def test_defaults_come_from_the_schema_and_fallbacks_say_why(tmp_path):
    from tools import recipe_schema

    path = tmp_path / "minimal.yaml"
    path.write_text("base_model: smollm2-135m-instruct\nlearning_rate: 2e-4\nadapter: lora\n"
                    "datasets:\n  - path: datasets/personal-qa/train.jsonl\n    type:\n      field_instruction: question\n"
                    "      field_output: answer\n")
    settings = resolve(load_recipe(path), CPU)
    for key in ("seed", "micro_batch_size", "gradient_accumulation_steps", "sequence_len", "lr_scheduler", "lora_r",
                "lora_alpha", "max_grad_norm", "save_total_limit"):
        assert getattr(settings, key) == recipe_schema.default(key), key
    assert settings.learning_rate == 2e-4 and settings.num_epochs == 1.0  # "2e-4" read as a number, as Axolotl does
    assert settings.optimizer == "adamw_torch"  # Axolotl's default adamw_torch_fused is CUDA-only
    on_gpu = resolve(load_recipe(path), GPU)
    assert on_gpu.optimizer == "adamw_torch_fused" and on_gpu.precision == "bf16"
    warm = [settings.warmup_steps_for(n) for n in (10, 100, 1000, 10000)]
    assert warm == [0, 3, 30, 100]  # Axolotl: 3% of the steps, at most 100
    assert [settings.logging_steps_for(n) for n in (10, 1000, 10000)] == [1, 5, 10]


def test_the_keys_a_recipe_sets_reach_the_trainer_objects(tmp_path, monkeypatch, embedded):
    """lora_r, sequence_len and sample_packing set with SET, read back from the real SFTTrainer and PEFT model."""
    import torch
    from datasets import Dataset
    from peft import get_peft_model
    from trl import SFTTrainer

    from tools.backends import trl
    from tools.models import load_tokenizer
    from tools.targets import resolve_targets

    recipe = load_recipe("qwen-personal-qa", model=EMBEDDED, overrides="lora_r=4 sequence_len=300 sample_packing=true")
    settings = resolve(recipe, CPU)
    base = trl.load_model(settings, embedded.path, 0, [])
    targets, _ = resolve_targets(settings, base)
    model = get_peft_model(base, trl.lora_config(settings, targets))
    tokenizer = load_tokenizer(embedded)
    examples, _ = trl.tokenize_entries(settings.datasets, tokenizer, recipe.config, settings.sequence_len)
    trainer = SFTTrainer(model=model, args=trl.sft_config(settings, tmp_path, 10, False),
                         train_dataset=Dataset.from_list(examples[:8]), processing_class=tokenizer)
    assert trainer.model.peft_config["default"].r == 4
    assert trainer.args.max_length == 300 and trainer.args.packing is True
    lora_a = next(p for n, p in trainer.model.named_parameters() if "lora_A" in n)
    assert lora_a.shape[0] == 4
    assert trainer.model.base_model.model.model.layers[0].self_attn.q_proj.base_layer.weight.dtype == torch.bfloat16


SCHEMA_KEY = re.compile(r'config\.get\("([a-z_]+)",\s*(?!None\b)[^)\s]')


def test_no_module_reads_a_recipe_default_with_its_own_literal():
    """Defaults live once, in the schema; only tools/settings.py applies them (and only through it)."""
    from tools import recipe_schema

    keys = set(recipe_schema.combined()["properties"])
    offenders = []
    for path in list((ROOT / "tools").rglob("*.py")) + list((ROOT / "evaluation").glob("*.py")) + list((ROOT / "bench").glob("*.py")):
        if path.name == "settings.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            for key in SCHEMA_KEY.findall(line):
                if key in keys:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_no_module_is_over_400_lines_without_saying_why():
    long = []
    for path in list((ROOT / "tools").rglob("*.py")) + list((ROOT / "evaluation").glob("*.py")) + list((ROOT / "bench").glob("*.py")):
        lines = path.read_text().splitlines()
        if len(lines) > 420 and "400 lines" not in "\n".join(lines[:30]):
            long.append(f"{path.relative_to(ROOT)} ({len(lines)} lines)")
    assert long == []


def test_a_run_remembers_model_profile_and_overrides(tmp_path, monkeypatch):
    """eval/export/chat/serve read MODEL, PROFILE and SET from the run's manifest unless given again."""
    from tools import runs
    from tools.recipe import RecipeError, load_run_recipe

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    trained = load_recipe("qwen-personal-qa", model=EMBEDDED, profile="cpu", overrides="max_steps=3")
    paths = runs.for_recipe(trained)
    atomic.write_json(paths.manifest, {"base_model": trained["base_model"], "model": trained.model,
                                            "profile": trained.profile, "overrides": trained.overrides})
    again = load_run_recipe("qwen-personal-qa")
    assert again["base_model"] == EMBEDDED and again.profile == "cpu" and again["max_steps"] == 3
    assert again["num_epochs"] == trained["num_epochs"]  # from the cpu profile
    more = load_run_recipe("qwen-personal-qa", overrides="evaluation.max_examples=2")
    assert more["max_steps"] == 3 and more.section("evaluation")["max_examples"] == 2
    with pytest.raises(RecipeError) as info:
        load_run_recipe("qwen-personal-qa", model="Qwen/Qwen2.5-0.5B-Instruct")
    assert "Qwen/Qwen2.5-0.5B-Instruct" in info.value.errors[0] and EMBEDDED in info.value.errors[0]


def test_extends_is_recorded_with_its_value(tmp_path, capsys):
    from tools.recipe import main as recipe_main

    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {ROOT / 'recipes' / 'qwen-personal-qa.yaml'}\nlora_r: 4\n")
    recipe = load_recipe(child)
    assert recipe.applied[0] == f"extends {ROOT / 'recipes' / 'qwen-personal-qa.yaml'}"
    assert recipe_main(["show", str(child)]) == 0
    assert "extends None" not in capsys.readouterr().out


def test_an_unusable_format_is_a_warning_naming_the_key(tmp_path, capsys):
    from tools.recipe import main as recipe_main

    path = tmp_path / "fmt.yaml"
    path.write_text("base_model: smollm2-135m-instruct\nlearning_rate: 0.001\ndatasets:\n"
                    "  - path: datasets/personal-qa/train.jsonl\n    type:\n      field_instruction: question\n"
                    "      field_output: answer\n      format: \"<|im_start|>user\\n{instruction}<|im_end|>\\n\"\n")
    recipe = load_recipe(path)
    assert len(recipe.warnings) == 1 and f"{path}:8: datasets[0].type.format: used only for rows" in recipe.warnings[0]
    assert "set `no_input_format`" in recipe.warnings[0]
    assert recipe_main(["validate", str(path)]) == 0
    assert "warning:" in capsys.readouterr().out
