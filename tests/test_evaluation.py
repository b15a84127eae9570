"""The evaluation package on the embedded model: each metric on hand-made cases with known
answers, batched vs one-by-one NLL, and `evaluation.run` end to end with a real adapter."""
from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

import pytest

from tools.paths import ROOT

JSON_SCHEMA = ROOT / "datasets/json-extractor/output.schema.json"


def _recipe(overrides: str = "", name: str = "qwen-personal-qa"):
    from tools.recipe import load_recipe

    return load_recipe(name, model="smollm2-135m-instruct", overrides=overrides or None)


def _loaded(base_model, tokenizer, config):
    from tools.generation import Loaded
    from tools.prompting import prepare_tokenizer

    prepare_tokenizer(tokenizer, config)
    return Loaded(base_model, tokenizer, config, "test")


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _manual_nll(model, input_ids: list[int], labels: list[int]) -> float:
    """Mean NLL over supervised tokens from one unpadded forward pass and an explicit log-softmax."""
    import torch

    with torch.no_grad():
        logits = model(input_ids=torch.tensor([input_ids])).logits[0].float()
    logprobs = torch.log_softmax(logits, dim=-1)
    terms = [-logprobs[t - 1, labels[t]].item() for t in range(1, len(labels)) if labels[t] != -100]
    return sum(terms) / len(terms)


# ---------------------------------------------------------------- pure functions
def test_normalisation_and_token_f1():
    from evaluation.answers import exact_match, is_fallback, normalise, normalized_match, token_f1

    assert normalise("  ¡Inés vive en LOGROÑO!  ") == "ines vive en logrono"
    assert exact_match(" Inés vive en Logroño. ", "Inés vive en Logroño.")
    assert not exact_match("ines vive en logrono", "Inés vive en Logroño.")
    assert normalized_match("ines vive en logrono", "Inés vive en Logroño.")
    assert token_f1("Inés vive en Logroño.", "Inés vive en Logroño.") == 1.0
    # prediction 4 tokens, reference 5, 3 shared: P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 2/3
    assert token_f1("Inés vive en Soria", "Inés Cabrera vive en Logroño") == pytest.approx(2 / 3)
    assert token_f1("nada", "Inés vive en Logroño") == 0.0
    assert is_fallback("no tengo esa informacion", "No tengo esa información.")
    assert not is_fallback("Inés vive en Logroño.", "No tengo esa información.")


def test_threshold_parsing_and_checks():
    from evaluation.common import check_thresholds, parse_condition

    assert parse_condition(">= 0.95") == (">=", 0.95)
    assert parse_condition("<1.5") == ("<", 1.5)
    assert parse_condition("> -2") == (">", -2.0)
    with pytest.raises(ValueError):
        parse_condition("about 0.9")
    checks = check_thresholds({"json_valid_rate": ">= 0.95", "nll": "< 1.0", "typo_rate": ">= 0"},
                              {"json_valid_rate": 0.95, "nll": 1.0})
    assert [(c["metric"], c["passed"]) for c in checks] == [("json_valid_rate", True), ("nll", False), ("typo_rate", False)]
    assert [c["metric"] for c in check_thresholds({"nll": "< 1", "typo_rate": ">= 0"}, {"nll": 0.5}, only_known=True)] == ["nll"]


def test_json_checks_on_known_outputs():
    from jsonschema import Draft202012Validator

    from evaluation.json_validity import check_output, same, summarise

    validator = Draft202012Validator(json.loads(JSON_SCHEMA.read_text()))
    reference = {"project_name": "Intranet Cobalto", "status": "Verde", "client": None, "budget_used_eur": 1500,
                 "key_milestone_completed": "Despliegue del módulo de pagos",
                 "blockers_today": [{"ticket_id": "9812", "delay_hours": 3}], "next_step": "Revisar la API"}
    use_case_example = {"project_name": "Alpha", "status": "Verde", "client": "ACME Corp", "budget_used_eur": 4500,
                        "key_milestone_completed": "Despliegue del módulo de pagos",
                        "blockers_today": [{"ticket_id": "9812", "delay_hours": 2}],
                        "next_step": "Integración con el sistema de facturación"}
    assert list(validator.iter_errors(use_case_example)) == [], "the use case's own example must be valid"
    reordered = json.dumps(dict(reversed(list(reference.items()))) | {"budget_used_eur": 1500.0})
    good = check_output(reordered, reference, validator)
    assert good["parsed"] and good["schema_valid"] and good["exact"] and all(good["fields"].values())
    wrong = dict(reference, status="pausado", client="Otro")  # enum violation + one more wrong field
    bad = check_output(json.dumps(wrong), reference, validator)
    assert bad["parsed"] and not bad["schema_valid"] and not bad["exact"]
    assert "status" in bad["reason"]
    assert sum(bad["fields"].values()) == 5 and not bad["fields"]["status"] and not bad["fields"]["client"]
    broken = check_output('{"project_name": "Intranet Cobalto",', reference, validator)
    assert not broken["parsed"] and broken["reason"].startswith("not JSON")
    assert not same(True, 1) and same(1, 1.0) and not same({"a": [1]}, {"a": [1, 2]})
    rates, per_field = summarise([good, bad, broken])
    assert rates == {"json_parse_rate": 2 / 3, "json_valid_rate": 1 / 3, "json_exact_match": 1 / 3,
                     "json_field_accuracy": (7 + 5 + 0) / 21}
    assert per_field["status"] == 1 / 3 and per_field["project_name"] == 2 / 3


def test_stop_rates_from_generation_records():
    from evaluation.stopping import stop_rates

    records = [{"source": "answers", "variant": "base", "stopped": True, "new_tokens": 4},
               {"source": "answers", "variant": "base", "stopped": False, "new_tokens": 16},
               {"source": "json_validity", "variant": "base", "stopped": False, "new_tokens": 16},
               {"source": "answers", "variant": "finetuned", "stopped": True, "new_tokens": 5}]
    result = stop_rates(records)
    assert result.metrics["base"]["stop_rate"] == pytest.approx(1 / 3)
    assert result.metrics["finetuned"]["stop_rate"] == 1.0
    assert result.details["stopping"]["answers"]["base"] == {"stop_rate": 0.5, "mean_new_tokens": 10.0, "generations": 2}


def test_question_rows_are_laid_out_like_generation_prompts(tokenizer):
    from evaluation.common import row_for_question
    from tools.prompting import encode, generation_prompt

    for name in ("qwen-personal-qa", "tinyllama-json-extractor"):
        config = _recipe(name=name).config
        row, entry = row_for_question(config, "¿Dónde vive Inés?", "En Logroño.")
        enc = encode(row, entry, tokenizer, config)
        assert enc.input_ids[: enc.prompt_len] == generation_prompt(config, tokenizer, "¿Dónde vive Inés?")


# ---------------------------------------------------------------- NLL and preference on the real model
def test_batched_nll_equals_one_by_one_and_categories(tmp_path, base_model, tokenizer):
    from evaluation.nll import evaluate, score
    from tools.data import read_jsonl

    rows = [r.data for r in read_jsonl(ROOT / "datasets/personal-qa/eval.jsonl")[:5]]
    rows[2]["answer"] = rows[2]["answer"] + " Además enseña TypeScript y Python a personas adultas en Logroño."  # lengths differ
    for index, row in enumerate(rows):
        row["category"] = "a" if index < 2 else "b"
    path = _write_jsonl(tmp_path / "scored.jsonl", rows)
    config = _recipe("evaluation.category_field=category").config
    entry = dict(config["evaluation"]["nll"][0], path=str(path))
    config["evaluation"] = {"nll": [entry], "category_field": "category"}
    loaded = _loaded(base_model, tokenizer, config)
    result = evaluate(loaded, config)

    from tools.prompting import encode

    sequences = [(e.input_ids, e.labels) for e in (encode(r, entry, tokenizer, config) for r in rows)]
    assert len({len(s[0]) for s in sequences}) > 1, "the rows must differ in length so padding is exercised"
    batched = score(base_model, sequences, tokenizer.pad_token_id, max_batch_size=5)
    single = [score(base_model, [s], tokenizer.pad_token_id)[0] for s in sequences]
    per_example = result.files["nll_scored.jsonl"]
    for (b_sum, b_n), (s_sum, s_n), item, seq in zip(batched, single, per_example, sequences):
        assert b_n == s_n == item["answer_tokens"] > 0
        assert abs(b_sum / b_n - s_sum / s_n) < 1e-4
        assert abs(item["nll_base"] - s_sum / s_n) < 1e-4
    assert abs(per_example[0]["nll_base"] - _manual_nll(base_model, *sequences[0])) < 1e-4
    detail = next(iter(result.details["nll"].values()))
    total = sum(i["nll_base"] * i["answer_tokens"] for i in per_example) / sum(i["answer_tokens"] for i in per_example)
    assert result.metrics["base"]["nll"] == pytest.approx(total, abs=1e-6)
    assert result.metrics["base"]["perplexity"] == pytest.approx(math.exp(total))
    cat_a = per_example[:2]
    expected_a = sum(i["nll_base"] * i["answer_tokens"] for i in cat_a) / sum(i["answer_tokens"] for i in cat_a)
    assert detail["categories"]["a"]["base"]["nll"] == pytest.approx(expected_a, abs=1e-6)
    assert detail["categories"]["b"]["base"]["examples"] == 3


def test_nll_leaves_out_what_training_drops(tmp_path, base_model, tokenizer):
    """An example longer than sequence_len is dropped by training, so NLL does not score it either."""
    from evaluation.nll import evaluate
    from tools.data import read_jsonl
    from tools.prompting import encode

    rows = [r.data for r in read_jsonl(ROOT / "datasets/personal-qa/eval.jsonl")[:4]]
    rows[1]["answer"] = "Inés Cabrera enseña " + "programación, " * 40 + "en Logroño."
    path = _write_jsonl(tmp_path / "long.jsonl", rows)
    config = _recipe("sequence_len=120").config
    entry = dict(config["evaluation"]["nll"][0], path=str(path))
    config["evaluation"] = {"nll": [entry]}
    lengths = [len(encode(r, entry, tokenizer, config).input_ids) for r in rows]
    assert lengths[1] > 120 >= max(lengths[:1] + lengths[2:])
    result = evaluate(_loaded(base_model, tokenizer, config), config)
    assert len(result.files["nll_long.jsonl"]) == 3
    assert result.details["nll_dropped_too_long"] == {"sequence_len": 120, "files": {str(path): 1}}


def test_preference_prefers_the_models_own_answer(tmp_path, base_model, tokenizer):
    from evaluation.common import row_for_question
    from evaluation.preference import evaluate
    from tools.generation import Settings, generate_ids
    from tools.prompting import encode, generation_prompt

    config = _recipe("generation.max_new_tokens=12").config
    loaded = _loaded(base_model, tokenizer, config)
    question = "¿Qué es una búsqueda binaria?"
    own = generate_ids(loaded, generation_prompt(config, tokenizer, question), Settings.from_recipe(config, do_sample=False)).raw.strip()
    words = own.split()
    shuffled = " ".join(random.Random(1).sample(words, len(words)))
    assert len(words) > 3 and shuffled != own
    path = _write_jsonl(tmp_path / "pairs.jsonl", [{"question": question, "chosen": own, "rejected": shuffled},
                                                   {"question": question, "chosen": shuffled, "rejected": own}])
    config["evaluation"] = {"preference": str(path)}
    result = evaluate(loaded, config)
    row, entry = row_for_question(config, question, own)
    expected_own = _manual_nll(base_model, *(lambda e: (e.input_ids, e.labels))(encode(row, entry, tokenizer, config)))
    first, second = result.files["preference.jsonl"]
    assert abs(first["nll_chosen_base"] - expected_own) < 1e-4 and abs(second["nll_rejected_base"] - expected_own) < 1e-4
    assert first["correct_base"] and not second["correct_base"]
    assert result.metrics["base"]["preference_accuracy"] == 0.5
    assert result.metrics["base"]["preference_margin"] == pytest.approx(0.0, abs=1e-6)  # the two pairs cancel


# ---------------------------------------------------------------- end to end
def _make_adapter(runs_root: Path, recipe_name: str, embedded) -> Path:
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from tools.models import load_tokenizer

    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(embedded.path, dtype=torch.float32)
    peft = get_peft_model(model, LoraConfig(r=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False))
    target = runs_root / recipe_name / "adapter"
    peft.save_pretrained(target)
    load_tokenizer(embedded).save_pretrained(target)
    return target


def test_run_without_adapter_exits_1(tmp_path, monkeypatch, capsys):
    from evaluation.run import main

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    monkeypatch.setenv("LLM_RECIPES_REPORTS", str(tmp_path / "reports"))
    assert main(["qwen-personal-qa", "--model", "smollm2-135m-instruct"]) == 1
    assert "make train RECIPE=qwen-personal-qa" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()


@pytest.mark.slow
def test_eval_end_to_end_with_a_real_adapter(tmp_path, monkeypatch, capsys, embedded):
    from evaluation.report_index import main as index_main
    from evaluation.run import main
    from tools.data import read_jsonl

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    monkeypatch.setenv("LLM_RECIPES_REPORTS", str(tmp_path / "reports"))
    adapter = _make_adapter(tmp_path / "runs", "qwen-personal-qa", embedded)
    (adapter.parent / "metrics.jsonl").write_text(
        '{"step": 5, "loss": 2.4}\n{"step": 10, "loss": 2.0}\n{"step": 10, "eval_loss": 2.2}\n')
    # Three preference pairs instead of 28 keep the test short; the recipe's other files are used as they are.
    pairs = _write_jsonl(tmp_path / "pairs.jsonl", [r.data for r in read_jsonl(ROOT / "datasets/personal-qa/preference.jsonl")[:3]])
    code = main(["qwen-personal-qa", "--model", "smollm2-135m-instruct", "--set",
                 f"evaluation.max_examples=3 generation.max_new_tokens=16 evaluation.preference={pairs} "
                 "evaluation.thresholds.nll=<=0.001"])
    err = capsys.readouterr().err
    assert code == 1, "an NLL of 0.001 cannot be reached: the threshold must fail"
    assert "FAIL: nll" in err
    report_dir = tmp_path / "reports" / "qwen-personal-qa"
    for name in ("report.md", "metrics.json", "loss.png", "nll_eval.jsonl", "preference.jsonl", "answers.jsonl", "unanswerable.jsonl"):
        assert (report_dir / name).is_file(), name
    assert (report_dir / "loss.png").read_bytes()[:4] == b"\x89PNG"
    data = json.loads((report_dir / "metrics.json").read_text())
    tuned, base = data["metrics"]["finetuned"], data["metrics"]["base"]
    assert tuned["nll"] != base["nll"], "the adapter changes the model, so the two NLLs differ"
    assert data["metrics"]["delta"]["nll"] == pytest.approx(tuned["nll"] - base["nll"], abs=1e-5)
    assert {"preference_accuracy", "answer_token_f1", "unanswerable_fallback_rate", "stop_rate"} <= set(tuned)
    assert data["details"]["stopping"]["answers"]["base"]["generations"] == 3
    assert [(t["metric"], t["passed"]) for t in data["thresholds"]] == [("preference_accuracy", tuned["preference_accuracy"] >= 0.6),
                                                                         ("nll", False)]
    assert all(len(f["sha256"]) == 64 for f in data["data_files"])
    assert len(Path(report_dir / "answers.jsonl").read_text().splitlines()) == 3
    report = (report_dir / "report.md").read_text()
    assert "smollm2-135m-instruct" in report and "loss.png" in report and "datasets/personal-qa/eval.jsonl" in report
    assert index_main([]) == 0
    index = (tmp_path / "reports" / "index.md").read_text()
    assert "[qwen-personal-qa](qwen-personal-qa/report.md)" in index and "NOT met: nll" in index


def test_the_loss_plot_says_whether_validation_loss_was_logged(tmp_path):
    from evaluation.report import plot_loss

    train_only = [{"step": 5, "loss": 0.7}, {"step": 10, "loss": 0.5}]
    assert plot_loss(train_only, tmp_path / "a.png") == "training"
    assert plot_loss(train_only + [{"step": 10, "eval_loss": 0.6}], tmp_path / "b.png") == "training+validation"
    assert plot_loss([], tmp_path / "c.png") == "" and not (tmp_path / "c.png").exists()
    assert (tmp_path / "a.png").read_bytes()[:4] == b"\x89PNG"


def test_a_new_report_keeps_the_curves_beside_it_and_drops_its_own_old_files(tmp_path):
    """make eval rewrites reports/<name>/ whole; curve.md and sweep.md written there by other tools stay,
    while an old per-example file the new evaluation did not produce goes."""
    from evaluation.report import write_report

    target = tmp_path / "reports" / "demo"
    committed = ROOT / "reports/qwen-personal-qa"
    data = json.loads((committed / "metrics.json").read_text())
    rows = [json.loads(line) for line in (committed / "answers.jsonl").read_text().splitlines()[:2]]
    write_report(target, dict(data), {"answers.jsonl": rows[:1], "unanswerable.jsonl": rows[1:]}, [])
    (target / "curve.md").write_text("# curve\n")
    write_report(target, dict(data), {"answers.jsonl": rows[1:]}, [])
    assert (target / "curve.md").read_text() == "# curve\n"
    assert not (target / "unanswerable.jsonl").exists()
    assert json.loads((target / "answers.jsonl").read_text()) == rows[1]
    assert json.loads((target / "metrics.json").read_text())["files"] == ["answers.jsonl"]


@pytest.mark.slow
def test_learning_curve_reads_every_checkpoint_of_a_run(trained_qa, tmp_path, monkeypatch):
    """evaluation.curve asks the held-out questions at each saved checkpoint and writes curve.md/json."""
    from evaluation.curve import main

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(trained_qa.parent))
    monkeypatch.setenv("LLM_RECIPES_REPORTS", str(tmp_path / "reports"))
    assert main(["qwen-personal-qa", "--set", "evaluation.max_examples=2"]) == 0
    data = json.loads((tmp_path / "reports" / "qwen-personal-qa" / "curve.json").read_text())
    assert [row["step"] for row in data["rows"]] == [6, 12]
    for row in data["rows"]:
        assert 0 <= row["answer_token_f1"] <= 1 and row["unanswerable_fallback_rate"] in (0, 0.5, 1)
    assert "| 12 |" in (tmp_path / "reports" / "qwen-personal-qa" / "curve.md").read_text()


@pytest.mark.slow
def test_data_curve_trains_each_file_for_the_same_steps_and_reuses_what_it_trained(trained_qa, tmp_path, monkeypatch, capsys):
    """evaluation.data_curve: a file variant is trained (SET datasets.0.path) and asked; a run folder
    is asked as it is; a second call reuses the trained point instead of training again."""
    import subprocess

    from evaluation.data_curve import main

    subset = tmp_path / "k1"
    build = ROOT / "datasets" / "personal-qa" / "build.py"
    subprocess.run([sys.executable, str(build), "--phrasings", "1", "--out", str(subset)], check=True, capture_output=True)
    full = set((ROOT / "datasets" / "personal-qa" / "train.jsonl").read_text(encoding="utf-8").splitlines())
    fewer = (subset / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert set(fewer) < full  # fewer wordings, nothing new: the leakage check of the full set covers it
    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    monkeypatch.setenv("LLM_RECIPES_REPORTS", str(tmp_path / "reports"))
    argv = ["qwen-personal-qa", "--model", "smollm2-135m-instruct", "--profile", "cpu", "--axis", "wordings per fact",
            "--set", "max_steps=2 save_steps=1000 logging_steps=1 evaluation.max_examples=2",
            "--variant", f"1={subset / 'train.jsonl'}", "--variant", f"all={trained_qa}"]
    assert main(argv) == 0
    data = json.loads((tmp_path / "reports" / "qwen-personal-qa" / "data_curve.json").read_text())
    assert [(row["label"], row["rows"], row["steps"]) for row in data["rows"]] == [("1", len(fewer), 2), ("all", len(full), 12)]
    for row in data["rows"]:
        assert 0 <= row["answer_token_f1"] <= 1 and row["unanswerable_fallback_rate"] in (0, 0.5, 1)
    adapter = tmp_path / "runs" / "qwen-personal-qa-data-curve" / "1" / "adapter" / "adapter_model.safetensors"
    trained_at = adapter.stat().st_mtime_ns
    capsys.readouterr()
    assert main(argv[:-2]) == 0
    assert "[1] reusing" in capsys.readouterr().out and adapter.stat().st_mtime_ns == trained_at
    assert "| wordings per fact |" in (tmp_path / "reports" / "qwen-personal-qa" / "data_curve.md").read_text()
