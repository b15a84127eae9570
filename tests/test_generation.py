"""tools/generation.py: batched generation equals one-by-one greedy generation on real prompts, and
the inference plan loads a QLoRA recipe in 4-bit when asked (CPU, embedded model)."""
from __future__ import annotations

import pytest

from tools.data import load_rows, read_jsonl
from tools.models import EMBEDDED
from tools.recipe import load_recipe


@pytest.fixture(scope="module")
def fp32_extractor():
    """The extractor recipe on the embedded model in fp32, where batched and one-by-one matmuls agree to
    the last bit that matters; in bf16 different batch shapes round differently and a near-tie can flip."""
    from tools import generation

    recipe = load_recipe("tinyllama-json-extractor", model=EMBEDDED, profile="cpu",
                         overrides="bf16=false generation.max_new_tokens=40")
    return recipe, generation.load(recipe, adapter=None)


@pytest.mark.slow  # ~40 s of real generation; the fast suite keeps the smaller batching checks
def test_batched_generation_equals_one_by_one_on_real_prompts(fp32_extractor):
    from tools.generation import Settings, generate_batch, generate_ids
    from tools.prompting import generation_prompt, split_prompt_answer

    recipe, loaded = fp32_extractor
    entry = {**recipe["datasets"][0], "path": "datasets/json-extractor/test.jsonl"}
    prompts = [split_prompt_answer(row.data, entry, loaded.tokenizer, recipe.config)[0] for row in load_rows(entry)[:5]]
    # Short and long prompts in one batch: the short ones are left-padded the most.
    prompts += [generation_prompt(recipe.config, loaded.tokenizer, q.data["question"])
                for q in read_jsonl("datasets/personal-qa/eval.jsonl")[:3]]
    settings = Settings.from_recipe(recipe.config, do_sample=False)
    alone = [generate_ids(loaded, p, settings) for p in prompts]
    batched = generate_batch(loaded, prompts, settings, batch_size=4)
    for one, many in zip(alone, batched):
        assert many.token_ids == one.token_ids and many.stopped == one.stopped and many.text == one.text
    assert len({len(p) for p in prompts}) > 2  # the batch really mixed lengths


def test_generation_stops_rows_independently(fp32_extractor):
    """A row that ends early is cut after its own end-of-sequence token, whatever the others do."""
    from tools.generation import Settings, generate_batch

    recipe, loaded = fp32_extractor
    tok = loaded.tokenizer
    short = tok("Responde solo «sí».", add_special_tokens=False)["input_ids"]
    settings = Settings.from_recipe(recipe.config, do_sample=False, max_new_tokens=12)
    outputs = generate_batch(loaded, [short, short[:3]], settings, batch_size=2)
    for out in outputs:
        assert len(out.token_ids) <= 12
        assert tok.eos_token_id not in out.token_ids[:-1]
        assert out.stopped == (out.token_ids[-1:] == [tok.eos_token_id])


def test_a_qlora_recipe_can_be_answered_in_4bit_on_cpu():
    """eval/chat/serve load the base in 4-bit when asked (on CUDA a 4-bit recipe is by default)."""
    from tools import generation, hardware

    recipe = load_recipe("tinyllama-json-extractor", model=EMBEDDED, overrides="generation.max_new_tokens=8")
    cuda = hardware.Hardware("cuda", "test gpu", bf16=True, fp16=True, gpu_memory_gb=8)
    assert hardware.inference_plan(recipe.config, cuda).load_in_4bit  # trained in 4-bit: answered in 4-bit
    cpu = hardware.Hardware("cpu", "test cpu", bf16=True, fp16=False)
    assert not hardware.inference_plan(recipe.config, cpu, parameters=134_000_000).load_in_4bit
    assert hardware.inference_plan(recipe.config, cpu, parameters=10**12).load_in_4bit  # would not fit in RAM
    loaded = generation.load(recipe, adapter=None, load_in_4bit=True)
    layers = [type(m).__name__ for m in loaded.model.modules()]
    assert "Linear4bit" in layers and "4-bit nf4" in loaded.source
    out = generation.answer(loaded, "Proyecto Alfa, estado verde, sin bloqueos.")
    assert out.token_ids


def test_the_fallback_sentence_anywhere_or_an_empty_answer_gives_the_fallback():
    """The personal-QA use case's cleaning step, on the recipe's own generation settings."""
    from tools.generation import partial_postprocess, postprocess
    from tools.recipe import load_recipe

    config = load_recipe("qwen-personal-qa").config
    fallback = config["generation"]["fallback"]
    assert postprocess("Inés vive en Logroño.\nY trabaja allí.", config) == "Inés vive en Logroño."
    assert postprocess("Creo que es ingeniera.\nPero no tengo esa información.", config) == fallback
    assert postprocess("Lo siento, NO tengo esa informacion", config) == fallback
    assert postprocess("  \n\n", config) == fallback
    assert postprocess("\nInés vive en Logroño.", config) == "Inés vive en Logroño."  # leading blank lines are stripped
    assert postprocess("{}", config) == "{}"  # a JSON answer is not "empty"
    # While streaming, the first line is shown but the generation goes on: a later line may still
    # turn the answer into the fallback. Without a fallback, the first newline ends it.
    assert partial_postprocess("Inés vive en Logroño.\nPero", config) == ("Inés vive en Logroño.", False)
    plain = {**config, "generation": {**config["generation"], "fallback": None}}
    assert partial_postprocess("Inés vive en Logroño.\nPero", plain) == ("Inés vive en Logroño.", True)
