"""Tokens a recipe adds to its base's vocabulary are trained, saved, merged and exported
(tools/new_tokens.py). The embedded model already has the ChatML tokens, so this builds a tiny model
in the test: random weights and the embedded tokenizer with <|im_start|>/<|im_end|> renamed away,
as Phi-2's tokenizer lacks them."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml

NEW = {"<|im_start|>": "<|reserved_0|>", "<|im_end|>": "<|reserved_1|>"}
ROWS = [("¿Qué es una pila?", "Una estructura LIFO: el último en entrar sale primero."),
        ("¿Qué es una cola?", "Una estructura FIFO: el primero en entrar sale primero."),
        ("¿Qué hace la búsqueda binaria?", "Parte el intervalo por la mitad en cada paso: O(log n)."),
        ("¿Qué es un grafo?", "Nodos unidos por aristas, dirigidas o no."),
        ("¿Qué es la recursión?", "Una función que se llama a sí misma con un caso base."),
        ("¿Qué es un montículo?", "Un árbol casi completo donde cada padre domina a sus hijos.")]


def _tiny_base(folder, embedded_path):
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    folder.mkdir()
    data = json.loads((embedded_path / "tokenizer.json").read_text())
    for token in data["added_tokens"]:
        token["content"] = NEW.get(token["content"], token["content"])
    vocab = data["model"]["vocab"]
    for old, new in NEW.items():
        vocab[new] = vocab.pop(old)
    (folder / "tokenizer.json").write_text(json.dumps(data, ensure_ascii=False))
    (folder / "tokenizer_config.json").write_text(json.dumps(
        {"tokenizer_class": "TokenizersBackend", "backend": "tokenizers", "add_prefix_space": False,
         "bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>", "pad_token": "<|endoftext|>",
         "unk_token": "<|endoftext|>", "model_max_length": 2048}))
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=len(vocab), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=False,
                         bos_token_id=0, eos_token_id=0, pad_token_id=0, max_position_embeddings=2048)
    LlamaForCausalLM(config).save_pretrained(folder)
    return len(vocab)


def _recipe(tmp_path, base, modules_to_save):
    data = tmp_path / "chat.jsonl"
    data.write_text("".join(json.dumps({"messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]},
                                       ensure_ascii=False) + "\n" for q, a in ROWS * 2))
    entry = {"path": str(data), "ds_type": "json", "type": "chat_template", "field_messages": "messages",
             "roles_to_train": ["assistant"], "train_on_eos": "turn"}
    config = {"base_model": str(base), "chat_template": "chatml", "special_tokens": {"eos_token": "<|im_end|>"},
              "tokens": ["<|im_start|>"], "datasets": [entry], "adapter": "lora", "lora_r": 8, "lora_alpha": 16,
              "lora_target_linear": True, "sequence_len": 128, "micro_batch_size": 4, "gradient_accumulation_steps": 1,
              "max_steps": 12, "learning_rate": 0.01, "logging_steps": 1, "save_steps": 1000, "bf16": False,
              "val_set_size": 0}
    if modules_to_save:
        config["lora_modules_to_save"] = ["embed_tokens", "lm_head"]
    path = tmp_path / "tiny-new-tokens.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True))
    return path


def _end_token_logprob(model, tokenizer, config):
    """Mean log-probability of <|im_end|> right after each answer, the way training lays the chat out."""
    import torch

    from tools.prompting import prepare_tokenizer

    prepare_tokenizer(tokenizer, config)
    end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    total = 0.0
    for question, answer in ROWS:
        text = tokenizer.apply_chat_template([{"role": "user", "content": question}, {"role": "assistant", "content": answer}],
                                             tokenize=False)
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        position = [i for i, t in enumerate(ids) if t == end][1]  # the assistant turn's end
        with torch.no_grad():
            logits = model(torch.tensor([ids[:position]])).logits[0, -1].float()
        total += torch.log_softmax(logits, -1)[end].item()
    return total / len(ROWS)


@pytest.mark.slow
def test_new_tokens_are_trained_saved_merged_and_exported(tmp_path, monkeypatch, embedded, capsys):
    import torch
    from gguf import GGUFReader
    from transformers import AutoModelForCausalLM

    from tools import runs
    from tools.export import convert
    from tools.generation import load
    from tools.merge import merge
    from tools.models import resolve_model
    from tools.recipe import load_recipe
    from tools.train import main as train

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))
    base = tmp_path / "tiny-base"
    vocab = _tiny_base(base, embedded.path)

    # Without lora_modules_to_save the recipe is refused before any step, with the fix named (Axolotl's rule).
    assert train([str(_recipe(tmp_path, base, modules_to_save=False))]) != 0
    assert "lora_modules_to_save: [embed_tokens, lm_head]" in capsys.readouterr().err

    recipe_path = _recipe(tmp_path, base, modules_to_save=True)
    assert train([str(recipe_path)]) == 0
    recipe = load_recipe(str(recipe_path))
    paths = runs.for_recipe(recipe)

    # The adapter reloads onto the base with the vocabulary grown by the two tokens ...
    loaded = load(recipe, device="cpu")
    assert len(loaded.tokenizer) == vocab + 2
    assert loaded.model.get_input_embeddings().weight.shape[0] == vocab + 2
    # ... and the end token's rows were trained: after its answers the model now expects <|im_end|>.
    before_model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32).eval()
    before_model.resize_token_embeddings(vocab + 2)
    before = _end_token_logprob(before_model, loaded.tokenizer, recipe.config)
    after = _end_token_logprob(loaded.model, loaded.tokenizer, recipe.config)
    assert after > before + 2.0, (before, after)

    # The merge carries the trained rows, and so does the GGUF made from it.
    merged = merge(recipe, resolve_model(str(base)), paths, "apache-2.0", "fp32")
    merged_model = AutoModelForCausalLM.from_pretrained(merged, dtype=torch.float32).eval()
    assert abs(_end_token_logprob(merged_model, loaded.tokenizer, recipe.config) - after) < 1e-3
    gguf_file = convert(merged, tmp_path / "tiny.gguf", "f32", tmp_path / "convert.log")
    reader = GGUFReader(str(gguf_file))
    field = reader.fields["tokenizer.ggml.tokens"]
    tokens = [bytes(field.parts[i]).decode() for i in field.data]
    assert len(tokens) == vocab + 2 and "<|im_end|>" in tokens and "<|im_start|>" in tokens
    eos = int(reader.fields["tokenizer.ggml.eos_token_id"].parts[-1][0])
    assert tokens[eos] == "<|im_end|>"
    embedding = next(t for t in reader.tensors if t.name == "token_embd.weight")
    rows = torch.from_numpy(embedding.data.copy()).float()
    assert rows.shape[0] == vocab + 2
    trained_row = merged_model.get_input_embeddings().weight[tokens.index("<|im_end|>")]
    assert torch.allclose(rows[tokens.index("<|im_end|>")], trained_row, atol=1e-6)
    shutil.rmtree(tmp_path / "runs")
