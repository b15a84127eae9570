"""tools/structured.py: JSON-Schema constrained decoding with llguidance, its errors, the bad inputs
the extractor use case names, truncation, and the same schema in llama.cpp."""
import importlib.util
import json
from dataclasses import replace

import pytest
from jsonschema import Draft202012Validator

from tools import structured
from tools.paths import ROOT

SCHEMA_PATH = ROOT / "datasets" / "json-extractor" / "output.schema.json"
EMBEDDED = "smollm2-135m-instruct"
BAD_REPORTS = {
    "empty": "",
    "not a report": "¿Me recomiendas una receta de lentejas para esta noche?",
    "huge": " ".join(["Hoy seguimos con el proyecto Faro para Nébula SL y todo va bien."] * 120),
}


# Tokens enough for the schema's bounds (texts <= 120 characters, <= 10 blockers) even when a model
# that never saw the structure fills every text to its bound; a trained model needs ~80.
BUDGET = 700


def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text())


def test_the_extractor_schema_compiles_and_bounds_every_text():
    schema = structured.load_schema(SCHEMA_PATH)
    assert structured.compile_grammar(schema)
    fields = schema["properties"]
    texts = [f for f in fields.values() if "string" in (f["type"] if isinstance(f["type"], list) else [f["type"]]) and "enum" not in f]
    texts.append(fields["blockers_today"]["items"]["properties"]["ticket_id"])
    assert texts and all("maxLength" in f for f in texts) and "maxItems" in fields["blockers_today"]


def test_a_schema_that_cannot_be_used_says_why(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(structured.SchemaError, match="cannot read a JSON Schema"):
        structured.load_schema(broken)
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"type": "objekt"}')
    with pytest.raises(structured.SchemaError, match="not a valid JSON Schema"):
        structured.load_schema(wrong)
    listed = tmp_path / "list.json"
    listed.write_text("[]")
    with pytest.raises(structured.SchemaError, match="JSON object"):
        structured.load_schema(listed)
    with pytest.raises(structured.SchemaError, match="json_schema.schema"):
        structured.from_response_format({"type": "json_schema", "json_schema": {"name": "x"}})
    with pytest.raises(structured.SchemaError, match="'xml'"):
        structured.from_response_format({"type": "xml"})


def test_a_missing_or_invalid_json_schema_fails_validation_at_its_line(tmp_path):
    from tools.recipe import RecipeError, load_recipe

    text = (ROOT / "recipes" / "tinyllama-json-extractor.yaml").read_text()
    line = next(n for n, l in enumerate(text.splitlines(), start=1) if l.strip().startswith("json_schema:"))
    missing = tmp_path / "tinyllama-json-extractor.yaml"
    missing.write_text(text.replace("json_schema: datasets/json-extractor/output.schema.json",
                                    "json_schema: datasets/json-extractor/nope.schema.json"))
    with pytest.raises(RecipeError) as info:
        load_recipe(missing)
    assert any(e.startswith(f"{missing}:{line}") and "nope.schema.json" in e for e in info.value.errors), info.value.errors


def test_a_cut_answer_counts_as_invalid_never_as_truncated_json():
    from evaluation.json_validity import check_output

    reference = json.loads(json.loads((ROOT / "datasets/json-extractor/test.jsonl").read_text().splitlines()[0])["output"])
    validator = Draft202012Validator(_schema())
    text = json.dumps(reference, ensure_ascii=False)
    assert check_output(text, reference, validator, stopped=True)["schema_valid"]
    cut = check_output(text, reference, validator, stopped=False)
    assert not cut["schema_valid"] and not cut["exact"] and "max_new_tokens" in cut["reason"]


def _loaded_extractor_base():
    from tools import generation
    from tools.recipe import load_recipe

    recipe = load_recipe("tinyllama-json-extractor", model=EMBEDDED, check_paths=False)
    return generation.load(recipe, adapter=None), generation.Settings.from_recipe(recipe.config)


@pytest.mark.slow
def test_bad_input_still_gives_schema_valid_json_under_constraint(embedded):
    """An empty report, a question that is not a report and a huge one: the base model (never trained
    on the structure) is kept inside the schema and ends the object; each output validates."""
    from tools.generation import generate_batch
    from tools.prompting import generation_prompt

    loaded, settings = _loaded_extractor_base()
    assert settings.json_schema is not None
    settings = replace(settings, max_new_tokens=BUDGET)
    prompts = [generation_prompt(loaded.config, loaded.tokenizer, text) for text in BAD_REPORTS.values()]
    outputs = generate_batch(loaded, prompts, settings, batch_size=3)
    validator = Draft202012Validator(_schema())
    for name, out in zip(BAD_REPORTS, outputs):
        assert out.stopped, (name, out.raw)
        value = json.loads(out.raw)
        assert not list(validator.iter_errors(value)), (name, out.raw)
    free = generate_batch(loaded, prompts[:1], settings.unconstrained(), batch_size=1)[0]
    assert free.raw != outputs[0].raw  # the constraint is what made it JSON


@pytest.mark.slow
def test_the_schema_constrains_the_gguf_in_llama_cpp(embedded):
    """The schema the export copies next to the GGUF, given to llama.cpp as a grammar, keeps its
    greedy answers valid: the embedded model's own GGUF on held-out reports."""
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed: make setup-llamacpp")
    from llama_cpp import Llama, LlamaGrammar

    from tools.models import embedded_gguf_path
    from tools.prompting import generation_prompt

    loaded, settings = _loaded_extractor_base()
    grammar = LlamaGrammar.from_json_schema(SCHEMA_PATH.read_text(), verbose=False)
    llm = Llama(model_path=str(embedded_gguf_path()), n_ctx=2048, n_threads=2, verbose=False, seed=0)
    row = json.loads((ROOT / "datasets/json-extractor/test.jsonl").read_text().splitlines()[0])
    validator = Draft202012Validator(_schema())
    for text in [row["input"]]:
        prompt = generation_prompt(loaded.config, loaded.tokenizer, text)
        # the untrained base fills texts to their bounds, and llama.cpp's grammar counts characters
        # where llguidance's lets whole tokens through: a larger budget than BUDGET
        out = llm.create_completion(prompt, max_tokens=3 * BUDGET, temperature=0.0, grammar=grammar)
        choice = out["choices"][0]
        assert choice["finish_reason"] == "stop", choice
        assert not list(validator.iter_errors(json.loads(choice["text"]))), choice["text"]


def test_export_puts_the_schema_next_to_the_gguf(tmp_path):
    from tools.export import copy_schema
    from tools.model_card import render
    from tools.recipe import load_recipe

    recipe = load_recipe("tinyllama-json-extractor", model=EMBEDDED, check_paths=False)
    copied = copy_schema(recipe, tmp_path)
    assert json.loads(copied.read_text()) == _schema()
    card = render(recipe, recipe["base_model"], "apache-2.0", "gguf", "x-q8_0.gguf")
    assert f"--format \"$(cat {copied.name})\"" in card and f"--json-schema-file {copied.name}" in card
    assert copy_schema(load_recipe("qwen-personal-qa", model=EMBEDDED, check_paths=False), tmp_path) is None
