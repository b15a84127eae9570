"""Axolotl and the TRL backend train on the same thing; the Axolotl backend trains through `make train`.

    .venv/bin/python -m pytest tests/test_axolotl_parity.py -m "not slow"   # prompt semantics, ~20 s
    .venv/bin/python -m pytest tests/test_axolotl_parity.py                 # + real data, training (~12 min)

Needs axolotl (`make setup-axolotl`); every test here is skipped with that advice without it.
Parity: `axolotl preprocess` tokenises each recipe's training file (the embedded model's
tokenizer) and every row must have the same input_ids and labels as tools/prompting.py gives it.
"""
from __future__ import annotations

import json
import os

import pytest

from tools.backends import axolotl as backend

pytestmark = pytest.mark.axolotl
needs_axolotl = pytest.mark.skipif(not backend.available(), reason="axolotl is not installed: run `make setup-axolotl`")

RECIPES = ["qwen-personal-qa", "deepseek8b-ts-tutor", "tinyllama-json-extractor", "phi2-tutor"]
SMALL_RUN = "max_steps=3 micro_batch_size=1 gradient_accumulation_steps=1 lora_dropout=0 logging_steps=1 eval_steps=1000 save_steps=1000"


def _setup(name: str, overrides: str | None = None):
    from tools import hardware
    from tools.models import EMBEDDED, resolve_model
    from tools.recipe import load_recipe

    from tools.settings import resolve

    recipe = load_recipe(name, model=EMBEDDED, overrides=overrides)
    model = resolve_model(EMBEDDED)
    hw = hardware.detect()
    return recipe, model, hw, resolve(recipe, hw)


def _first_difference(ours: list[int], theirs: list[int]) -> str:
    at = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
    return f"first difference at token {at} (lengths {len(ours)} vs {len(theirs)}): ours {ours[at:at + 5]} axolotl {theirs[at:at + 5]}"


# ---------------------------------------------------------------- prompt semantics, in process
def _axolotl_strategy(kind, tokenizer, train_on_inputs=False, sequence_len=512):
    from axolotl.prompt_strategies import load
    from axolotl.prompt_strategies.user_defined import UserDefinedDatasetConfig  # noqa: F401 (imported by load)
    from axolotl.prompt_tokenizers import AlpacaPromptTokenizingStrategy
    from axolotl.prompters import AlpacaPrompter
    from axolotl.utils.dict import DictDefault

    cfg = DictDefault({"train_on_inputs": train_on_inputs, "sequence_len": sequence_len})
    if kind == "alpaca":  # what axolotl.utils.data.wrappers does for `type: alpaca`
        return AlpacaPromptTokenizingStrategy(AlpacaPrompter(None), tokenizer, train_on_inputs, sequence_len)
    return load("user_defined", tokenizer, cfg, dict(kind))


CHATML_QA = {"field_instruction": "question", "field_output": "answer", "system_prompt": "Sé breve.",
             "system_format": "<|im_start|>system\n{system}<|im_end|>\n",
             "format": "<|im_start|>user\n{instruction}\n{input}<|im_end|>\n<|im_start|>assistant\n",
             "no_input_format": "<|im_start|>user\n{instruction}<|im_end|>\n<|im_start|>assistant\n"}
SEMANTIC_CASES = [
    # (type, row): rows with and without input, a per-row system field, Axolotl's defaults
    (CHATML_QA, {"question": "¿Dónde vive?", "answer": "En Valencia."}),
    (CHATML_QA, {"question": "¿Dónde vive?", "input": "Contexto: 2024", "answer": "En Valencia."}),
    (CHATML_QA, {"question": "¿Dónde vive?", "system": "Responde en inglés.", "answer": "In Valencia."}),
    ({"field_instruction": "instruction", "field_output": "response", "format": "Instrucción: {instruction}\nRespuesta:\n"},
     {"instruction": "Explica los genéricos.", "response": "Permiten reutilizar tipos."}),
    ({"field_instruction": "q", "field_output": "a", "field_input": "ctx", "format": "Q: {instruction}\nC: {input}\nA:",
      "no_input_format": "Q: {instruction}\nA:"}, {"q": "2+2?", "ctx": "suma", "a": " 4"}),
    ("alpaca", {"instruction": "Extrae el JSON.", "input": "Proyecto Alfa, estado verde.", "output": "{\"status\": \"green\"}"}),
    ("alpaca", {"instruction": "Di hola.", "input": "", "output": "Hola."}),
]


@needs_axolotl
@pytest.mark.parametrize("train_on_inputs", [False, True])
@pytest.mark.parametrize("case", range(len(SEMANTIC_CASES)))
def test_completion_formats_match_axolotls_strategies(case, train_on_inputs, tokenizer):
    """tools/prompting.py follows Axolotl 0.19's user-defined and alpaca strategies token by token."""
    from tools.prompting import encode

    kind, row = SEMANTIC_CASES[case]
    theirs = _axolotl_strategy(kind, tokenizer, train_on_inputs).tokenize_prompt(dict(row))
    ours = encode(row, {"type": kind}, tokenizer, {"train_on_inputs": train_on_inputs})
    assert ours.input_ids == theirs["input_ids"], _first_difference(ours.input_ids, theirs["input_ids"])
    assert ours.labels == theirs["labels"], _first_difference(ours.labels, theirs["labels"])


def test_a_mapping_without_no_input_format_gets_axolotls_default_prompt(tokenizer):
    """The trap the recipes now avoid: rows without input ignore `format` in Axolotl, and here too."""
    from tools.prompting import encode

    kind = {"field_instruction": "instruction", "field_output": "response", "format": "Instrucción: {instruction}\nRespuesta:\n"}
    row = {"instruction": "Explica los genéricos.", "response": "Permiten reutilizar tipos."}
    ours = encode(row, {"type": kind}, tokenizer, {})
    assert tokenizer.decode(ours.input_ids[:ours.prompt_len]) == "Explica los genéricos. "


def test_system_placeholder_in_format_is_refused_with_advice(tmp_path):
    """Axolotl fills only {instruction}/{input} in `format`; the recipe loader says to use system_format."""
    from tools.paths import RECIPES_DIR
    from tools.recipe import RecipeError, load_recipe

    text = (RECIPES_DIR / "qwen-personal-qa.yaml").read_text()
    marker = '      no_input_format: "<|im_start|>user'
    assert marker in text
    bad = text.replace(marker, '      no_input_format: "{system}<|im_start|>user', 1)
    path = tmp_path / "qwen-personal-qa.yaml"
    path.write_text(bad)
    with pytest.raises(RecipeError) as info:
        load_recipe(path)
    assert any("no_input_format: Axolotl fills only" in e and "system_format" in e for e in info.value.errors)


def test_without_axolotl_both_entry_points_say_how_to_install_it(monkeypatch, capsys):
    from tools.train import main as train_main

    monkeypatch.setattr(backend, "available", lambda: False)
    assert backend.main(["preprocess", "qwen-personal-qa", "--model", "smollm2-135m-instruct"]) == 1
    assert "make setup-axolotl" in capsys.readouterr().err
    # train.py checks before anything is trained (the data check and model resolution come first)
    assert train_main(["qwen-personal-qa", "--model", "smollm2-135m-instruct", "--backend", "axolotl"]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("error: BACKEND=axolotl needs axolotl: run `make setup-axolotl`")


def test_config_for_cpu_switches_off_what_needs_cuda(tmp_path, monkeypatch):
    import yaml

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    recipe, model, hw, settings = _setup("tinyllama-json-extractor")
    if hw.device == "cuda":
        pytest.skip("checks the CPU config")
    notes = list(settings.notes)
    backend.write_config(recipe, settings, model, notes)
    path = tmp_path / "runs" / "tinyllama-json-extractor" / "axolotl.yaml"
    config = yaml.safe_load(path.read_text())
    assert config["base_model"] == str(model.path)
    assert config["output_dir"] == str(tmp_path / "runs" / "tinyllama-json-extractor" / "axolotl-output")
    assert config["dataset_prepared_path"].startswith(str(tmp_path / "runs" / "tinyllama-json-extractor"))
    assert all(os.path.isabs(e["path"]) and os.path.isfile(e["path"]) for e in config["datasets"] + config["test_datasets"])
    assert not any(k in config for k in ("generation", "evaluation", "export", "profiles", "name", "description"))
    assert (config["bf16"], config["fp16"], config["flash_attention"]) == (settings.precision == "bf16", False, False)
    assert not (config["lora_mlp_kernel"] or config["lora_qkv_kernel"] or config["lora_o_kernel"])
    assert config["optimizer"] == "adamw_torch"  # adamw_8bit needs CUDA
    assert any("flash_attention" in n for n in notes) and any("adamw_8bit" in n for n in notes)


def test_metrics_rows_derive_tokens_per_second_from_axolotls_counters():
    history = [
        {"step": 1, "loss": 2.0, "learning_rate": 1e-4, "grad_norm": 1.0, "tokens/total": 100, "tokens/trainable": 40},
        {"step": 2, "loss": 1.5, "learning_rate": 1e-4, "grad_norm": 0.9, "tokens/total": 300, "tokens/trainable": 120,
         "tokens/train_per_sec_per_gpu": 40.0},  # 80 trainable tokens in 2 s -> 200 tokens in 2 s
        {"step": 2, "eval_loss": 1.7},
    ]
    rows = backend.metrics_rows(history)
    assert rows[0]["loss"] == 2.0 and "tokens_per_s" not in rows[0]
    assert rows[1]["tokens_per_s"] == 100.0
    assert rows[2] == {"step": 2, "eval_loss": 1.7}


# ---------------------------------------------------------------- the real data, through `axolotl preprocess`
@needs_axolotl
@pytest.mark.slow
@pytest.mark.parametrize("name", RECIPES)
def test_axolotl_tokenises_every_training_row_like_prompting(name, tmp_path, monkeypatch):
    from datasets import load_from_disk

    from tools.backends.trl import tokenize_entries
    from tools.models import load_tokenizer
    from tools.prompting import prepare_tokenizer
    from tools.settings import resolve

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    recipe, model, hw, _ = _setup(name)
    recipe.config.pop("test_datasets", None)  # one prepared dataset: the training file
    recipe.config.pop("val_set_size", None)
    settings = resolve(recipe, hw)
    prepared = backend.preprocess(recipe, settings, model)
    found = backend.prepared_datasets(prepared)
    assert len(found) == 1, found
    theirs = load_from_disk(str(found[0]))

    tokenizer = load_tokenizer(model)
    prepare_tokenizer(tokenizer, recipe.config)
    ours, stats = tokenize_entries(recipe["datasets"], tokenizer, recipe.config, settings.sequence_len)  # the TRL backend's
    assert len(theirs) == len(ours), f"{name}: axolotl kept {len(theirs)} rows, we keep {len(ours)} ({stats})"
    differences = []
    for index, (mine, row) in enumerate(zip(ours, theirs)):
        for key in ("input_ids", "labels"):
            if mine[key] != list(row[key]):
                differences.append(f"row {index} {key}: {_first_difference(mine[key], list(row[key]))}")
    print(f"{name}: {len(ours)} rows compared, {len(differences)} differences")
    assert not differences, f"{name}: {len(differences)} differences, e.g.\n" + "\n".join(differences[:5])


# ---------------------------------------------------------------- training through the production path
def _train(tmp_path, monkeypatch, name: str, backend_name: str, overrides: str):
    from tools.train import main as train_main

    runs_dir = tmp_path / backend_name
    monkeypatch.setenv("LLM_RECIPES_RUNS", str(runs_dir))
    code = train_main([name, "--model", "smollm2-135m-instruct", "--set", overrides, "--backend", backend_name])
    assert code == 0
    return runs_dir / name


def _check_run(run, steps: int):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    assert (run / "adapter" / "adapter_config.json").is_file()
    rows = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    losses = [r["loss"] for r in rows if "loss" in r]
    assert len(losses) == steps and all(0 < loss < 20 for loss in losses)
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["backend"] == "axolotl" and manifest["steps"] == steps and manifest["versions"]["axolotl"] == "0.19.0"
    base = AutoModelForCausalLM.from_pretrained(manifest["base_model_path"], dtype=torch.float32)
    model = PeftModel.from_pretrained(base, run / "adapter")
    lora = [n for n, _ in model.named_parameters() if "lora_B" in n]
    assert lora, "the adapter has no LoRA weights"
    changed = any(p.abs().sum() > 0 for n, p in model.named_parameters() if "lora_B" in n)
    assert changed, "lora_B is still zero after training"
    return rows, manifest


@needs_axolotl
@pytest.mark.slow
def test_lora_recipe_trains_three_steps_with_axolotl(tmp_path, monkeypatch):
    run = _train(tmp_path, monkeypatch, "qwen-personal-qa", "axolotl", "max_steps=3 logging_steps=1 eval_steps=1000 save_steps=1000")
    rows, manifest = _check_run(run, 3)
    assert (run / "axolotl.yaml").is_file() and manifest["train_loss"] is not None
    assert any("tokens_per_s" in r for r in rows)


@needs_axolotl
@pytest.mark.slow
def test_qlora_recipe_trains_three_steps_with_axolotl(tmp_path, monkeypatch):
    import yaml

    run = _train(tmp_path, monkeypatch, "deepseek8b-ts-tutor", "axolotl",
                 "max_steps=3 logging_steps=1 eval_steps=1000 save_steps=1000 gradient_accumulation_steps=1 sequence_len=384")
    _check_run(run, 3)
    config = yaml.safe_load((run / "axolotl.yaml").read_text())
    assert config["adapter"] == "qlora" and config["load_in_4bit"] is True
    assert "Linear4bit" in (run / "axolotl-train.log").read_text() or "4bit" in (run / "axolotl-train.log").read_text().lower()


@needs_axolotl
@pytest.mark.slow
def test_both_backends_start_from_the_same_loss(tmp_path, monkeypatch):
    """Same recipe, seed and data order: the first logged loss agrees across backends.

    At step 1 the LoRA B matrices are still zero, so the loss is the base model's loss on the
    first batch; it can differ only by the batch chosen and by float32 summation order
    (measured difference below 1e-4). A different batch moves it by ~0.1 or more on this data.
    """
    trl_run = _train(tmp_path, monkeypatch, "qwen-personal-qa", "trl", SMALL_RUN)
    axolotl_run = _train(tmp_path, monkeypatch, "qwen-personal-qa", "axolotl", SMALL_RUN)

    def losses(run):
        return [r["loss"] for r in map(json.loads, (run / "metrics.jsonl").read_text().splitlines()) if "loss" in r]

    trl_losses, axolotl_losses = losses(trl_run), losses(axolotl_run)
    print(f"first-step loss: trl {trl_losses[0]:.6f}  axolotl {axolotl_losses[0]:.6f}; "
          f"all steps trl {trl_losses} axolotl {axolotl_losses}")
    assert len(trl_losses) == len(axolotl_losses) == 3
    assert abs(trl_losses[0] - axolotl_losses[0]) <= 1e-3 * max(1.0, abs(trl_losses[0]))
