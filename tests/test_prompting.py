"""tools/prompting.py, the one formatter: the prompt a model is trained on is the prompt it is asked with.

For every recipe, the `make new-recipe` starter and user-defined formats with and without
`no_input_format`, the prompt built for a user message by chat/serve/eval (`generation_prompt`),
by the preference metric (`inference_row` + `encode`), by the GGUF/merged chat template
(`chat_template_text`) and by the Ollama TEMPLATE (tools/modelfile.py) is token for token the
training prompt of an equivalent row.
"""
from __future__ import annotations

import pytest

from tools import go_template, modelfile
from tools.data import load_rows
from tools.models import EMBEDDED
from tools.prompting import (IGNORE, chat_template_text, encode, generation_prompt, inference_row, prepare_tokenizer,
                             split_prompt_answer)
from tools.recipe import load_recipe

RECIPES = ["qwen-personal-qa", "phi2-tutor", "deepseek8b-ts-tutor", "tinyllama-json-extractor"]
MESSAGES = ["¿Dónde vive Inés Cabrera?", "Proyecto Faro: semáforo en verde. Gasto 4.500 €. Sin bloqueos.",
            "Texto con {llaves}, {{ dobles }} y \"comillas\"."]


def _user_defined(tmp_path, with_no_input: bool):
    text = ("base_model: smollm2-135m-instruct\nlearning_rate: 0.001\ndatasets:\n  - path: datasets/personal-qa/train.jsonl\n"
            "    type:\n      field_instruction: question\n      field_output: answer\n"
            "      system_prompt: Sé breve.\n      system_format: \"<|im_start|>system\\n{system}<|im_end|>\\n\"\n"
            "      format: \"<|im_start|>user\\n{instruction}\\n{input}<|im_end|>\\n<|im_start|>assistant\\n\"\n")
    if with_no_input:
        text += "      no_input_format: \"<|im_start|>user\\n{instruction}<|im_end|>\\n<|im_start|>assistant\\n\"\n"
    name = "with-no-input" if with_no_input else "format-only"
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    return load_recipe(path)


def _recipes(tmp_path):
    from tools.new_recipe import write_starter

    out = {name: load_recipe(name, model=EMBEDDED) for name in RECIPES}
    out["starter"] = load_recipe(write_starter("my-use-case", tmp_path), model=EMBEDDED)
    out["format-only"] = _user_defined(tmp_path, False)
    out["with-no-input"] = _user_defined(tmp_path, True)
    return out


@pytest.fixture(scope="module")
def recipes(tmp_path_factory):
    return _recipes(tmp_path_factory.mktemp("recipes"))


@pytest.mark.parametrize("name", RECIPES + ["starter", "format-only", "with-no-input"])
def test_every_inference_layout_is_the_training_prompt(name, recipes, tokenizer):
    recipe = recipes[name]
    config = recipe.config
    tok = tokenizer.__class__.from_pretrained(tokenizer.name_or_path)
    prepare_tokenizer(tok, config)
    template = chat_template_text(config, tok)
    built = modelfile.build(config, tok)
    chat = config["datasets"][0]["type"] == "chat_template"
    for message in MESSAGES:
        row, entry = inference_row(config, message, "Respuesta de prueba.")
        trained = encode(row, entry, tok, config)  # the row as training lays it out
        asked = generation_prompt(config, tok, message)  # chat, serve, eval
        assert trained.input_ids[: trained.prompt_len] == asked
        assert all(label == IGNORE for label in trained.labels[: trained.prompt_len])
        assert split_prompt_answer(row, entry, tok, config)[0] == asked  # the preference metric and exports
        rendered = tok.apply_chat_template([{"role": "user", "content": message}], tokenize=False,
                                           add_generation_prompt=True, chat_template=template)
        assert tok(rendered, add_special_tokens=False)["input_ids"] == asked  # the merged model / GGUF
        ollama = go_template.render(built.template, go_template.ollama_values(built.system, [{"role": "user", "content": message}]))
        assert ollama == modelfile.strip_bos(tok, tok.decode(asked, skip_special_tokens=False))
        # A completion layout's answer follows the prompt as in training (training tokenises prompt and
        # answer apart, so a prompt ending in a space, Axolotl's default `{instruction} `, splits differently).
        if not chat and not tok.decode(asked).endswith(" "):
            full = tok.apply_chat_template([{"role": "user", "content": message},
                                            {"role": "assistant", "content": "Respuesta de prueba."}],
                                           tokenize=False, chat_template=template)
            assert tok(full, add_special_tokens=False)["input_ids"] == trained.input_ids


def test_a_format_without_no_input_format_trains_on_axolotls_default(recipes, tokenizer):
    """What the starter used to do: rows without input get `{instruction} `, never `format`."""
    config = recipes["format-only"].config
    row = load_rows(config["datasets"][0])[0].data
    ids = encode(row, config["datasets"][0], tokenizer, config)
    text = tokenizer.decode(ids.input_ids[: ids.prompt_len])
    assert text.endswith(row["question"] + " ") and "<|im_start|>user" not in text
    assert recipes["format-only"].warnings and not recipes["with-no-input"].warnings
    starter = recipes["starter"].config
    starter_text = tokenizer.decode(encode(load_rows(starter["datasets"][0])[0].data, starter["datasets"][0], tokenizer,
                                           starter).input_ids)
    assert "<|im_start|>user\n" in starter_text and "<|im_start|>assistant\n" in starter_text


def test_sharegpt_rows_read_with_axolotls_mappings(tokenizer):
    """`from`/`value` and human/gpt, as Axolotl's chat_template type reads them, train like role/content."""
    from tools.data import messages_of

    entry = {"path": "tests/assets/data/sharegpt.jsonl", "type": "chat_template", "field_messages": "conversations",
             "message_property_mappings": {"role": "from", "content": "value"}}
    plain = {"path": "x", "type": "chat_template"}
    config = {"chat_template": "chatml", "datasets": [entry]}
    tok = tokenizer.__class__.from_pretrained(tokenizer.name_or_path)
    prepare_tokenizer(tok, config)
    row = load_rows(entry)[0].data
    messages = messages_of(row, entry)
    assert [m["role"] for m in messages] == ["system", "user", "assistant"]
    assert encode(row, entry, tok, config).labels == encode({"messages": messages}, plain, tok, config).labels


def test_completion_text_is_all_supervised_and_cut_into_sequence_len_pieces(tokenizer):
    from tools.prompting import encode_chunks

    entry = {"path": "tests/assets/data/completion.jsonl", "type": "completion", "field": "text"}
    row = {"text": "Una frase larga sobre Git y las bases de datos. " * 20}
    whole = encode(row, entry, tokenizer, {})
    assert whole.labels == whole.input_ids and whole.input_ids[-1] == tokenizer.eos_token_id
    pieces = encode_chunks(row, entry, tokenizer, {}, 64)
    assert [t for p in pieces for t in p.input_ids] == whole.input_ids and all(len(p.input_ids) <= 64 for p in pieces)
