"""`make check-data` (tools/check_data.py + tools/audit.py) on small broken files and on the real data.

    .venv/bin/python -m pytest tests/test_check_data.py -q
"""
from __future__ import annotations

import json
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest

from tools.check_data import check_file, check_recipe, main, plan_files, FileStats
from tools.data import read_jsonl
from tools.models import EMBEDDED
from tools.paths import DATASETS_DIR, ROOT
from tools.prompting import encode, prepare_tokenizer
from tools.recipe import load_recipe

QA_TYPE = {"field_instruction": "question", "field_output": "answer", "format": "Pregunta: {instruction}\nRespuesta:\n"}
CHAT_TYPE = "chat_template"


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows), encoding="utf-8")
    return path


def write_recipe(tmp_path: Path, train: Path, test: Path | None = None, kind=QA_TYPE, sequence_len: int = 256,
                 chat_extra: dict | None = None, **top) -> Path:
    entry = {"path": str(train), "ds_type": "json", "type": kind, **(chat_extra or {})}
    config = {"name": "tiny-check", "base_model": EMBEDDED, "datasets": [entry], "sequence_len": sequence_len,
              "micro_batch_size": 1, "learning_rate": 1e-4, "num_epochs": 1, **top}
    if kind == CHAT_TYPE:
        config["chat_template"] = "chatml"
    if test is not None:
        config["test_datasets"] = [{**entry, "path": str(test)}]
    path = tmp_path / "tiny-check.yaml"
    path.write_text(json.dumps(config, ensure_ascii=False, indent=2))  # JSON is YAML
    return path


def messages(recipe_path: Path, severity: str | None = None) -> list[str]:
    report = check_recipe(load_recipe(recipe_path))
    return [str(f) for f in report.findings if severity in (None, f.severity)]


def qa(question: str, answer: str) -> dict:
    return {"question": question, "answer": answer}


# ---------------------------------------------------------------- broken files, exact messages
def test_schema_errors_are_all_listed_with_file_line_and_field(tmp_path):
    train = write_jsonl(tmp_path / "train.jsonl", [
        qa("¿Dónde vive Ana?", "En Soria."),
        '{"question": "x", ',
        {"question": "¿Qué estudió Ana?"},
        qa("¿Cuál es su color favorito?", "   "),
        qa("¿Cuándo nació?", "En 1990."),
    ])
    recipe = write_recipe(tmp_path, train)
    src = train.resolve()
    assert messages(recipe, "error") == [
        f"{src}:2: not valid JSON (Expecting property name enclosed in double quotes at column 19)",
        f"{src}:3: missing field 'answer'",
        f"{src}:4: field 'answer' is empty",
    ]
    assert main([str(recipe)]) == 1


def test_chat_role_order_and_empty_metadata(tmp_path):
    train = write_jsonl(tmp_path / "train.jsonl", [
        {"messages": [{"role": "user", "content": "Hola"}, {"role": "assistant", "content": "Hola, ¿qué tal?"}]},
        {"messages": [{"role": "user", "content": "¿Qué es un grafo?"}, {"role": "user", "content": "¿Y un árbol?"},
                      {"role": "assistant", "content": "Un grafo conecta nodos."}]},
        {"messages": [{"role": "user", "content": "¿Qué es una pila?"}, {"role": "assistant", "content": "Una estructura LIFO."}],
         "category": " "},
    ])
    recipe = write_recipe(tmp_path, train, kind=CHAT_TYPE)
    src = train.resolve()
    report = check_recipe(load_recipe(recipe))
    assert [str(f) for f in report.errors] == [f"{src}:2: messages[1]: two 'user' turns in a row; user and assistant must alternate"]
    assert [str(f) for f in report.warnings] == [f"{src}:3: field 'category' is empty"]


def test_duplicates_near_duplicates_and_leakage(tmp_path):
    train = write_jsonl(tmp_path / "train.jsonl", [
        qa("¿Dónde vive Ana?", "En Soria."),
        qa("¿Qué estudió Ana?", "Informática."),
        qa("¿Dónde vive Ana?", "En Soria."),
        qa("¿dónde vive ana", "en Soria"),
    ])
    test = write_jsonl(tmp_path / "test.jsonl", [
        qa("¿Cuándo nació Ana?", "En 1990."),
        qa("¿Qué   estudió Ana?", "Ingeniería."),
        qa("Qué estudió ana", "Ingeniería informática."),
        qa("¿Dónde vive Anna?", "En Soria."),  # one letter changed: character ratio 0.97
        qa("¿Ana vive dónde?", "En Soria."),  # the same words reordered: word Jaccard 1.0
        qa("¿Dónde trabaja Ana?", "En Logroño."),  # another question on the same frame: 0.65, not leakage
    ])
    recipe = write_recipe(tmp_path, train, test)
    tr, te = train.resolve(), test.resolve()
    report = check_recipe(load_recipe(recipe))
    assert [str(f) for f in report.errors] == [
        f"{tr}:3: duplicate example: same content as line 1",
        f"{te}:2: leakage: the same prompt is in training data at {tr}:2",
        f"{te}:3: near-leakage: the prompt is nearly the training prompt at {tr}:2 (word Jaccard 1.00 >= 0.8)",
        f"{te}:4: near-leakage: the prompt is nearly the training prompt at {tr}:1 (character ratio 0.97 >= 0.9)",
        f"{te}:5: near-leakage: the prompt is nearly the training prompt at {tr}:1 (word Jaccard 1.00 >= 0.8)",
    ]
    assert [str(f) for f in report.warnings] == [
        f"{tr}:4: near-duplicate of line 1: same text after lowercasing and removing punctuation",
    ]


def test_over_long_example_is_a_warning_with_the_cut_answer(tmp_path, tokenizer):
    long_answer = "Inés Cabrera enseña programación a personas adultas en Logroño desde hace muchos años."
    train = write_jsonl(tmp_path / "train.jsonl", [qa("¿Dónde vive Ana?", "En Soria."), qa("¿A qué se dedica Inés?", long_answer)])
    recipe = write_recipe(tmp_path, train, sequence_len=28)
    config = load_recipe(recipe).config
    prepare_tokenizer(tokenizer, config)
    short = encode(qa("¿Dónde vive Ana?", "En Soria."), config["datasets"][0], tokenizer, config)
    long = encode(qa("¿A qué se dedica Inés?", long_answer), config["datasets"][0], tokenizer, config)
    assert len(short.input_ids) <= 28 < len(long.input_ids), "fixture no longer straddles sequence_len"
    lost = sum(1 for p, label in enumerate(long.labels) if label != -100 and p >= 28)
    report = check_recipe(load_recipe(recipe))
    assert report.errors == []
    assert [str(f) for f in report.warnings] == [
        f"{train.resolve()}:2: {len(long.input_ids)} tokens, longer than sequence_len 28: would be truncated or dropped; "
        f"the answer is cut ({lost} of {long.supervised} supervised tokens lost)"]
    stats = report.files[str(train.resolve())]
    assert stats.tokens == [len(short.input_ids), len(long.input_ids)]
    assert 0 < min(stats.supervised) < 1


def test_unsupervised_eos_is_an_error(tmp_path, tokenizer):
    rows = [{"messages": [{"role": "user", "content": "¿Qué es una cola?"}, {"role": "assistant", "content": "Una estructura FIFO."}]}]
    train = write_jsonl(tmp_path / "train.jsonl", rows)
    eos = f"the end-of-sequence token '{tokenizer.eos_token}' (id {tokenizer.eos_token_id}) is not supervised: " \
          "the model would never learn to stop (check train_on_eos or the prompt format)"
    recipe = write_recipe(tmp_path, train, kind=CHAT_TYPE, chat_extra={"train_on_eos": "none"})
    assert messages(recipe) == [f"{train.resolve()}:1: {eos}"]
    assert main([str(recipe)]) == 1
    recipe = write_recipe(tmp_path, train, kind=CHAT_TYPE, chat_extra={"train_on_eos": "turn"})
    assert messages(recipe) == []


def test_no_supervised_tokens_is_an_error(tmp_path):
    train = write_jsonl(tmp_path / "train.jsonl", [
        {"messages": [{"role": "user", "content": "¿Qué es un heap?"}, {"role": "assistant", "content": "Un árbol ordenado."}]}])
    recipe = write_recipe(tmp_path, train, kind=CHAT_TYPE, chat_extra={"roles_to_train": ["system"]})
    assert messages(recipe) == [f"{train.resolve()}:1: no supervised tokens (every label is -100): the example teaches nothing"]


def test_strict_turns_a_warning_into_exit_1(tmp_path, capsys):
    train = write_jsonl(tmp_path / "train.jsonl", [qa("¿Dónde vive Ana?", "En Soria."), qa("dónde vive ana", "en Soria")])
    recipe = write_recipe(tmp_path, train)
    assert main([str(recipe)]) == 0
    out = capsys.readouterr().out
    assert "ok: 0 errors, 1 warnings" in out and "tokenizer: smollm2-135m-instruct (embedded)" in out
    assert main([str(recipe), "--strict"]) == 1
    out = capsys.readouterr().out
    assert "near-duplicate of line 1" in out and "FAIL: 0 errors, 1 warnings" in out
    header = next(line for line in out.splitlines() if line.startswith("file"))
    assert header.split() == ["file", "rows", "errors", "warnings", "tokens", "min/med/p95/max", "supervised", "mean/min"]


def test_json_answers_are_checked_against_the_schema(tmp_path):
    schema = tmp_path / "out.schema.json"
    schema.write_text(json.dumps({"type": "object", "required": ["status"], "additionalProperties": False,
                                  "properties": {"status": {"enum": ["ok", "late"]}}}))
    rows = [{"instruction": "Extrae el estado.", "input": f"Informe {i}", "output": out}
            for i, out in enumerate(['{"status": "ok"}', '{"status": "okay"}', '{"status": ', '{"state": "ok"}'])]
    train = write_jsonl(tmp_path / "train.jsonl", rows)
    recipe = write_recipe(tmp_path, train, kind="alpaca", evaluation={"json_validity": {"path": str(train), "schema": str(schema)}})
    src = train.resolve()
    assert [str(f) for f in check_recipe(load_recipe(recipe), tokens=False).findings] == [
        f"{src}:2: field 'output': JSON does not match the schema at 'status': 'okay' is not one of ['ok', 'late']",
        f"{src}:3: field 'output' is not valid JSON (Expecting value at column 12)",
        f"{src}:4: field 'output': JSON does not match the schema at '(root)': 'status' is a required property",
        f"{src}:4: field 'output': JSON does not match the schema at '(root)': Additional properties are not allowed ('state' was unexpected)",
    ]


def test_schema_pass_does_not_import_torch(tmp_path):
    train = write_jsonl(tmp_path / "train.jsonl", [qa("¿Dónde vive Ana?", "En Soria.")])
    recipe = write_recipe(tmp_path, train)
    code = ("import sys; from tools.check_data import main; rc = main([sys.argv[1], '--no-tokens']); "
            "assert 'torch' not in sys.modules, 'torch imported'; sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code, str(recipe)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# ---------------------------------------------------------------- the real recipes and data
REAL = {"qwen-personal-qa": "personal-qa", "tinyllama-json-extractor": "json-extractor",
        "phi2-tutor": "algorithms-tutor", "deepseek8b-ts-tutor": "typescript-tutor"}


def _missing_files(recipe: str) -> list[str]:
    config = load_recipe(recipe, check_paths=False).config
    return [str(p.path.relative_to(ROOT)) for p in plan_files(config) if not p.path.is_file()]


@pytest.mark.parametrize("recipe", list(REAL))
def test_real_recipe_data_passes(recipe):
    if not (DATASETS_DIR / REAL[recipe]).is_dir():
        pytest.skip(f"datasets/{REAL[recipe]}/ does not exist yet (being written)")
    missing = _missing_files(recipe)
    if missing:
        pytest.skip(f"datasets/{REAL[recipe]}/ is still being written: {', '.join(missing)} missing")
    assert main([recipe]) == 0


def test_json_extractor_generator_is_deterministic(tmp_path):
    script = DATASETS_DIR / "json-extractor" / "generate.py"
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run([sys.executable, str(script), "--out-dir", str(out)], check=True, capture_output=True)
        outputs.append({f: (out / f).read_bytes() for f in ("train.jsonl", "val.jsonl", "test.jsonl")})
    assert outputs[0] == outputs[1]
    assert outputs[0] == {f: (script.parent / f).read_bytes() for f in outputs[0]}, "committed files differ from generate.py's output"


MINIMUMS = {"personal-qa": {"train.jsonl": 20, "eval.jsonl": 20, "unanswerable.jsonl": 10, "preference.jsonl": 20},
            "algorithms-tutor": {"*": 150}, "typescript-tutor": {"*": 278}, "json-extractor": {"*": 400}}


@pytest.mark.parametrize("dataset", list(MINIMUMS))
def test_dataset_sizes_and_no_prompt_shared_across_splits(dataset):
    recipe = next(r for r, d in REAL.items() if d == dataset)
    folder = DATASETS_DIR / dataset
    if _missing_files(recipe):
        pytest.skip(f"datasets/{dataset}/ is still being written")
    counts = {p.name: len(read_jsonl(p)) for p in sorted(folder.glob("*.jsonl"))}
    for name, minimum in MINIMUMS[dataset].items():
        have = sum(counts.values()) if name == "*" else counts[name]
        assert have >= minimum, f"datasets/{dataset}/{name}: {have} rows, need at least {minimum}"
    # Preference pairs are built from the evaluation questions on purpose; every other pair of splits is disjoint.
    plans = [p for p in plan_files(load_recipe(recipe).config) if p.uses != ["evaluation.preference"]]
    prompts = {}
    for plan in plans:
        stats = FileStats()
        assert [f for f in check_file(plan, stats) if f.severity == "error"] == []
        prompts[plan.source] = {key: line for line, key, _, _ in stats.prompts}
    assert len(prompts) >= 2
    for (a, keys_a), (b, keys_b) in combinations(prompts.items(), 2):
        shared = [f"{a}:{keys_a[k]} = {b}:{keys_b[k]}" for k in keys_a.keys() & keys_b.keys()]
        assert shared == [], f"prompts shared across splits: {shared[:5]}"
