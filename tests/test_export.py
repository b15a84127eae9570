"""make export: the Modelfile TEMPLATE builds the training prompt, the GGUF verifies against the
merged model (q8_0; a k-quant through llama.cpp's quantizer), a failed conversion leaves no final
file. The merge itself: tests/test_merge.py; the adapter route: tests/test_gguf_adapter.py."""
from __future__ import annotations

import importlib.util
import json

import pytest

from tools import go_template, modelfile
from tools.models import EMBEDDED
from tools.prompting import generation_prompt, prepare_tokenizer
from tools.recipe import load_recipe

RECIPES = ["qwen-personal-qa", "phi2-tutor", "deepseek8b-ts-tutor", "tinyllama-json-extractor"]
PROMPTS = ["¿Quién es la fundadora de Ribera Código?", "Explain { braces } and {{ go }} in one line.",
           "Reporte: proyecto Atlas, en curso, cliente Norte."]


def make_adapter(recipe, embedded, runs_root, monkeypatch) -> None:
    """A real PEFT adapter that changes the outputs, saved where `make train` saves one."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from tools import runs
    from tools.models import load_tokenizer

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(runs_root))
    monkeypatch.setenv("LLM_RECIPES_REPORTS", str(runs_root.parent / "reports"))
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(embedded.path, dtype=torch.float32)
    peft_model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"],
                                                  init_lora_weights=False, task_type="CAUSAL_LM"))
    tokenizer = load_tokenizer(embedded)
    prepare_tokenizer(tokenizer, recipe.config)
    target = runs.for_recipe(recipe).adapter
    target.mkdir(parents=True)
    peft_model.save_pretrained(target)
    tokenizer.save_pretrained(target)


def _recipe(name, **kwargs):
    return load_recipe(name, model=EMBEDDED, check_paths=False, **kwargs)


# ---------------------------------------------------------------- Modelfile (fast)
@pytest.mark.parametrize("name", RECIPES)
def test_modelfile_template_renders_the_training_prompt(name, tokenizer):
    recipe = _recipe(name)
    tok = tokenizer.__class__.from_pretrained(tokenizer.name_or_path)  # a fresh copy: prepare_tokenizer mutates
    prepare_tokenizer(tok, recipe.config)
    built = modelfile.build(recipe.config, tok)
    assert built.template is not None, built.notes
    chat = recipe["datasets"][0]["type"] == "chat_template"
    histories = [None, [{"role": "user", "content": "Hola"}, {"role": "assistant", "content": "¿En qué te ayudo?"}]] if chat else [None]
    for history in histories:
        for message in PROMPTS:
            ids = generation_prompt(recipe.config, tok, message, history)
            expected = modelfile.strip_bos(tok, tok.decode(ids, skip_special_tokens=False))
            conversation = list(history or []) + [{"role": "user", "content": message}]
            rendered = go_template.render(built.template, go_template.ollama_values(built.system, conversation))
            assert rendered == expected
            if chat:  # and the chat template itself, as text
                system = recipe.section("generation").get("system_prompt")
                messages = ([{"role": "system", "content": system}] if system else []) + conversation
                assert rendered == modelfile.jinja_text(tok, messages)
    text = built.text(f"{name}-q8_0.gguf", "apache-2.0", name)
    assert f"FROM ./{name}-q8_0.gguf" in text and f'TEMPLATE """{built.template}"""' in text
    assert f'PARAMETER stop "{tok.eos_token}"' in text
    generation = recipe.section("generation")
    assert f"PARAMETER num_predict {generation['max_new_tokens']}" in text
    assert f"PARAMETER repeat_penalty {generation.get('repetition_penalty', 1.0):g}" in text
    expected_temperature = generation.get("temperature", 1.0) if generation.get("do_sample") else 0
    assert f"PARAMETER temperature {expected_temperature:g}" in text
    kind = recipe["datasets"][0]["type"]
    system = generation.get("system_prompt") if chat else (kind.get("system_prompt") if isinstance(kind, dict) else None)
    assert (f'SYSTEM """{system}"""' in text) if system else ("SYSTEM" not in text)


def test_modelfile_keeps_the_chat_templates_default_system_prompt(tokenizer):
    """SmolLM2's own template adds a system prompt when there is none; the TEMPLATE must too."""
    recipe = _recipe("phi2-tutor", overrides="chat_template=tokenizer_default")
    config = dict(recipe.config, generation={k: v for k, v in recipe.section("generation").items() if k != "system_prompt"})
    config.pop("special_tokens")
    tok = tokenizer.__class__.from_pretrained(tokenizer.name_or_path)
    prepare_tokenizer(tok, config)
    built = modelfile.build(config, tok)
    assert built.system is None and "You are a helpful AI assistant named SmolLM" in built.template
    conversation = [{"role": "user", "content": "Hola"}]
    expected = tok.decode(generation_prompt(config, tok, "Hola"), skip_special_tokens=False)
    assert go_template.render(built.template, go_template.ollama_values(None, conversation)) == expected
    # A system message from the user (ollama run ... with /set system) replaces the default.
    with_system = [{"role": "system", "content": "Be brief."}] + conversation
    assert go_template.render(built.template, go_template.ollama_values(None, with_system)) == modelfile.jinja_text(tok, with_system)


# ---------------------------------------------------------------- merge, convert, verify (real model)
def test_export_without_adapter_fails_clearly(tmp_path, monkeypatch, capsys):
    from tools import export

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    assert export.main(["qwen-personal-qa", "--model", EMBEDDED]) == 1
    assert "run `make train RECIPE=qwen-personal-qa` first" in capsys.readouterr().err


def test_failed_conversion_leaves_no_final_gguf(tmp_path):
    from tools import export

    bad = tmp_path / "merged"
    bad.mkdir()
    (bad / "config.json").write_text(json.dumps({"architectures": ["FooBarForCausalLM"], "model_type": "foobar"}))
    target = tmp_path / "gguf" / "x-q8_0.gguf"
    with pytest.raises(export.ExportError) as error:
        export.convert(bad, target, "q8_0", tmp_path / "gguf" / "convert.log")
    assert "FooBarForCausalLM" in str(error.value)
    assert not target.exists() and not list(target.parent.glob("*.gguf")) and not list(target.parent.glob(".*gguf"))


@pytest.mark.slow
def test_export_end_to_end_q8_0(tmp_path, monkeypatch, embedded, capsys):
    from tools import export

    recipe = _recipe("qwen-personal-qa")
    make_adapter(recipe, embedded, tmp_path / "runs", monkeypatch)
    code = export.main(["qwen-personal-qa", "--model", EMBEDDED, "--quant", "q8_0", "--prompts", "8"])
    out = capsys.readouterr().out
    assert code == 0, out
    run = tmp_path / "runs" / "qwen-personal-qa"
    gguf = run / "gguf" / "qwen-personal-qa-q8_0.gguf"
    assert gguf.stat().st_size > 100e6 and gguf.read_bytes()[:4] == b"GGUF"
    assert (run / "merged" / "model.safetensors").is_file() and (run / "merged" / "merged_from.txt").is_file()
    result = json.loads((run / "gguf" / "verification.json").read_text())
    assert result["passed"] and result["greedy_agreement"] >= 0.99 and result["relative_error"] < 0.1
    assert result["prompts"] == 8
    modelfile_text = (run / "gguf" / "Modelfile").read_text()
    assert modelfile_text.startswith("# ollama create qwen-personal-qa") and "FROM ./qwen-personal-qa-q8_0.gguf" in modelfile_text
    card = (run / "gguf" / "README.md").read_text()
    assert "license: apache-2.0" in card and "not evaluated yet" in card.lower() and "ollama run qwen-personal-qa" in card
    assert not (run / "gguf" / "VERIFY_FAILED").exists()
    assert not [p for p in (run / "gguf").iterdir() if ".tmp-" in p.name]
    for header in ("[1/4] merge", "[2/4] convert", "[3/4] verify", "[4/4] Ollama"):
        assert header in out


@pytest.mark.slow
def test_export_fails_when_agreement_is_below_the_threshold(tmp_path, monkeypatch, embedded, capsys):
    """A threshold above 1 cannot be met: exit 1, files left, VERIFY_FAILED written (f16 this time)."""
    from tools import export

    recipe = _recipe("qwen-personal-qa")
    make_adapter(recipe, embedded, tmp_path / "runs", monkeypatch)
    strict = load_recipe("qwen-personal-qa", model=EMBEDDED, check_paths=False)
    strict.config["export"]["min_greedy_agreement"] = {"f16": 1.01}  # past the schema's maximum, only possible in code
    assert export.export(strict, "f16", limit=2) == 1
    gguf_dir = tmp_path / "runs" / "qwen-personal-qa" / "gguf"
    assert (gguf_dir / "qwen-personal-qa-f16.gguf").is_file() and (gguf_dir / "VERIFY_FAILED").is_file()
    result = json.loads((gguf_dir / "verification.json").read_text())
    assert result["passed"] is False and result["quant"] == "f16"
    assert result["relative_error"] < 0.01  # f16 is much closer than q8_0
    assert "VERIFY FAILED" in capsys.readouterr().err


@pytest.mark.slow
def test_k_quant_of_a_trained_run_answers_in_llama_cpp(tmp_path, monkeypatch, trained_qa, capsys):
    """QUANT=q4_k_m of a short real training run: llama.cpp's quantizer writes it from an f16 GGUF, and
    it is verified like q8_0 (agreement with the merged model, readable text and the chat template in
    llama.cpp) plus its NLL per answer token against the f16 GGUF in llama.cpp (.ci/run installs
    llama-cpp-python). The thresholds are set for the embedded 135M model, whose 576-wide rows fall
    back to q5_0 and whose 12-step adapter leaves near-ties (bench item 10); recipes state their own."""
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed: pip install -r requirements-llamacpp.txt (compiles llama.cpp, ~8 min)")
    from tests.conftest import copy_run
    from tools import export
    from tools.gguf_verify import text_problems

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    copy_run(trained_qa, tmp_path / "runs")
    thresholds = "export.min_greedy_agreement.q4_k_m=0.5 export.max_nll_ratio.q4_k_m=1.15"
    assert export.main(["qwen-personal-qa", "--model", EMBEDDED, "--profile", "cpu", "--quant", "q4_k_m",
                        "--set", thresholds, "--prompts", "6"]) == 0
    out = capsys.readouterr().out
    assert "llama.cpp quantizer" in out and "fallback types" in out
    gguf_dir = tmp_path / "runs" / "qwen-personal-qa" / "gguf"
    result = json.loads((gguf_dir / "verification.json").read_text())
    assert result["quant"] == "q4_k_m" and result["passed"] and result["fallback_tensors"]
    assert 0.3 < result["bytes"] / 270e6 < 0.45  # ~0.39 of the f16 file
    assert result["tokenizer"]["model"] == "gpt2" and result["tokenizer"]["pre"] == "smollm"
    nll = result["nll_vs_f16"]
    assert 1.0 <= nll["nll_ratio"] <= 1.15 and nll["answer_tokens"] > 50 and nll["next_token_agreement_with_f16"] > 0.7
    check = result["llama_cpp"]
    assert check["passed"], check["problems"]
    for answer in check["answers"]:
        assert answer["llama_cpp"].strip() and not text_problems(answer["llama_cpp"]), answer
    assert check["chat_template"]["checked"] and not check["chat_template"]["problems"]
    assert not [p for p in gguf_dir.iterdir() if ".tmp-" in p.name or "f16-reference" in p.name]
    assert "PARAMETER" in (gguf_dir / "Modelfile").read_text() and "f16 GGUF" in (gguf_dir / "README.md").read_text()


def test_k_quant_without_llama_cpp_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    from tools import export, gguf_quant

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    adapter = tmp_path / "runs" / "qwen-personal-qa" / "adapter"
    adapter.mkdir(parents=True)
    (adapter / "adapter_config.json").write_text("{}")
    monkeypatch.setattr(gguf_quant, "llama_cpp_available", lambda: False)
    assert export.main(["qwen-personal-qa", "--model", EMBEDDED, "--quant", "q4_k_m"]) == 1
    err = capsys.readouterr().err
    assert "QUANT=q4_k_m" in err and "`make setup-llamacpp`" in err and "q8_0" in err
    assert not (tmp_path / "runs" / "qwen-personal-qa" / "merged").exists()


def test_every_gguf_type_has_its_make_recipe_and_thresholds():
    """The schema's export.quant choices are the types tools/gguf_quant.py can make, and every
    quantized type has an NLL threshold key; the recipes state theirs."""
    from tools import gguf_quant
    from tools.recipe import load_schema

    export_schema = load_schema()["properties"]["export"]["properties"]
    assert export_schema["quant"]["enum"] == list(gguf_quant.QUANTS)
    assert set(export_schema["min_greedy_agreement"]["properties"]) == set(gguf_quant.QUANTS)
    quantized = {q for q, kind in gguf_quant.QUANTS.items() if kind.nll_checked}
    assert set(export_schema["max_nll_ratio"]["properties"]) == quantized
    assert gguf_quant.thresholds({}, "q4_k_m") == (0.85, 1.05) and gguf_quant.thresholds({}, "f16") == (0.99, None)
    for name in RECIPES:
        settings = _recipe(name).section("export")
        assert set(settings["max_nll_ratio"]) == quantized
        assert gguf_quant.thresholds(settings, "q4_k_m") == (settings["min_greedy_agreement"]["q4_k_m"],
                                                             settings["max_nll_ratio"]["q4_k_m"])


def test_text_checks_catch_byte_level_markers_and_mojibake():
    from tools.gguf_verify import same_first_words, text_problems

    assert text_problems("EresĠelasĠdeĠInÃ©sĠCabrera") == ["byte-level marker 'Ġ'", "mojibake 'Ã©'"]
    assert text_problems("Inés Cabrera vive en Logroño. 😀") == []
    assert same_first_words("Inés vive en Logroño desde 2011", "Inés vive en Logroño desde hace") == 5
