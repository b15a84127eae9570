"""The embedded model's tokenizer is the one its GGUF declares, and an exported GGUF's tokenizer
is compared with the base model's field by field (tools/gguf_tokenizer.py, tools/gguf_verify.py)."""
from __future__ import annotations

import json
import subprocess

import pytest

from tools.gguf_tokenizer import TokenizerMetadata, compare_metadata, read_metadata

ROUND_TRIP = [
    "Inés Cabrera vive en Logroño; ¿cuántos años lleva enseñando? Desde 2011 — unos 14 años.",
    "Ñandú, pingüino, acción, güero: «comillas» y ¡exclamación!",
    "Emoji: 😀 🦙 🚀 ✅ y 😶\u200d🌫️ juntos",
    "def área(radio: float) -> float:\n    return 3.14159 * radio ** 2  # π r²\n\n\tconst x: number[] = [1, 22, 333];",
    "  espacios   múltiples \n\n\n y tabuladores\t\t",
    "<|im_start|>user\nHola<|im_end|>\n<|im_start|>assistant\n",
]


@pytest.fixture(scope="module")
def embedded_gguf():
    from tools.models import embedded_gguf_path

    return embedded_gguf_path()


def test_header_reader_agrees_with_gguf_py_on_every_key(embedded_gguf):
    """tools.gguf_tokenizer.read_header walks the key/value bytes itself (gguf-py's reader takes
    ~3 s a file); every key it returns must hold what gguf-py reads: the value, or an array's length."""
    from gguf import GGUFReader

    from tools.gguf_tokenizer import read_header

    ours, theirs = read_header(embedded_gguf), GGUFReader(str(embedded_gguf)).fields
    assert set(ours) == {k for k in theirs if not k.startswith("GGUF.")}
    for key, value in ours.items():
        contents = theirs[key].contents()
        assert value == (len(contents) if isinstance(contents, list) else contents), key
    assert ours["tokenizer.ggml.tokens"] == 49152 and ours["tokenizer.ggml.merges"] == 48900
    with pytest.raises(ValueError, match="not a GGUF"):
        read_header(__file__)


def test_the_tokenizer_rebuilt_from_the_gguf_is_the_prepared_models(embedded_gguf, tokenizer):
    """`make model` writes the tokenizer that build_tokenizer rebuilds from the packaged GGUF; the
    cached folder may be older than the code, so rebuild it here and compare token by token."""
    from tools.gguf_tokenizer import build_tokenizer

    rebuilt = build_tokenizer(embedded_gguf)
    assert len(rebuilt) == len(tokenizer)
    for text in ROUND_TRIP:
        assert rebuilt.encode(text, add_special_tokens=False) == tokenizer.encode(text, add_special_tokens=False), text


def test_embedded_tokenizer_is_the_byte_level_bpe_its_gguf_declares(embedded, embedded_gguf):
    meta = read_metadata(embedded_gguf)
    assert (meta.model, meta.pre) == ("gpt2", "smollm") and meta.merges > 40000
    data = json.loads((embedded.path / "tokenizer.json").read_text())
    model = data["model"]
    assert model["type"] == "BPE" and not model.get("byte_fallback")
    assert len(model["merges"]) == meta.merges and len(model["vocab"]) == meta.vocab_size
    from gguf import GGUFReader

    reader = GGUFReader(str(embedded_gguf))
    gguf_merges = reader.fields["tokenizer.ggml.merges"].contents()
    merges = [" ".join(m) if isinstance(m, list) else m for m in model["merges"]]
    assert merges == gguf_merges, "the merges must be the GGUF's, in its order"
    kinds = [p["type"] for p in data["pre_tokenizer"]["pretokenizers"]]
    assert kinds == ["Digits", "ByteLevel"]  # llama.cpp's `smollm`: single digits, then GPT-2's regex
    assert data["decoder"]["type"] == "ByteLevel"
    special = {t["content"] for t in data["added_tokens"] if t["special"]}
    assert {"<|endoftext|>", "<|im_start|>", "<|im_end|>"} <= special


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_spanish_emoji_and_code_round_trip(tokenizer, text):
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    assert tokenizer.decode(ids) == text
    assert not any(marker in tokenizer.decode(ids, skip_special_tokens=True) for marker in ("Ġ", "Ċ", "Ã"))


def test_llama_cpp_converter_reads_it_as_the_original_smollm_tokenizer(embedded, embedded_gguf, tmp_path):
    """convert-hf-to-gguf recognises the pre-tokenizer by hashing how the tokenizer splits a probe
    text; `smollm` means our tokenizer splits exactly as the original HF SmolLM tokenizer does."""
    from tools.export import converter_command

    out = tmp_path / "vocab.gguf"
    result = subprocess.run(converter_command() + [str(embedded.path), "--vocab-only", "--outfile", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert compare_metadata(read_metadata(embedded_gguf), read_metadata(out)) == []


def _meta(**changes) -> TokenizerMetadata:
    base = TokenizerMetadata(model="gpt2", pre="qwen2", vocab_size=151936, merges=151387, bos_id=None, eos_id=151645,
                             pad_id=151643, unk_id=None, add_bos=False, chat_template="{{ messages }}")
    return TokenizerMetadata(**{**base.as_dict(), **changes})


@pytest.mark.parametrize("family", [
    # The recipes' families, as llama.cpp's converter declares them (tokenizer.ggml.model / pre).
    {"model": "gpt2", "pre": "qwen2", "merges": 151387},           # Qwen2.5-0.5B-Instruct
    {"model": "gpt2", "pre": "phi-2", "merges": 50000},            # Phi-2 (CodeGen BPE)
    {"model": "gpt2", "pre": "llama-bpe", "merges": 280147},       # DeepSeek-R1-Distill-Llama-8B
    {"model": "llama", "pre": "default", "merges": 0},             # TinyLlama (SentencePiece)
])
def test_a_gguf_whose_tokenizer_differs_is_refused_with_the_field_named(family):
    base = _meta(**family)
    assert compare_metadata(base, base) == []
    as_sentencepiece = _meta(**{**family, "model": "llama" if family["model"] == "gpt2" else "gpt2"})
    assert any("tokenizer.ggml.model" in p for p in compare_metadata(base, as_sentencepiece))
    other_pre = _meta(**{**family, "pre": "default" if family["pre"] != "default" else "gpt2"})
    assert any("tokenizer.ggml.pre" in p for p in compare_metadata(base, other_pre))
    if family["merges"]:
        no_merges = _meta(**{**family, "merges": 0})
        assert any("tokenizer.ggml.merges" in p for p in compare_metadata(base, no_merges))
    wrong_eos = _meta(**{**family, "eos_id": 7})
    assert compare_metadata(base, wrong_eos, {"eos": 151645}) == ["tokenizer.ggml.eos_token_id is 7, expected 151645"]
    assert any("chat_template" in p for p in compare_metadata(base, base, chat_template="other"))


def test_sentencepiece_family_converts_and_is_checked(tmp_path):
    """A tiny SentencePiece (Llama/TinyLlama family) tokenizer built here converts to `llama`/`default`
    without merges; the same folder with its tokenizer.json flipped to byte-level BPE is refused."""
    import sentencepiece as spm
    from transformers import LlamaConfig, LlamaForCausalLM, LlamaTokenizer

    from tools.export import converter_command

    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(ROUND_TRIP * 30) + "\nla casa el perro los datos un informe del proyecto\n" * 20)
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(tmp_path / "sp"), vocab_size=400,
                                   model_type="bpe", byte_fallback=True, character_coverage=0.98)
    folder = tmp_path / "tiny"
    tok = LlamaTokenizer(vocab_file=str(tmp_path / "sp.model"))
    tok.save_pretrained(folder)
    LlamaForCausalLM(LlamaConfig(vocab_size=len(tok), hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                                 num_attention_heads=2, num_key_value_heads=2)).save_pretrained(folder)
    out = tmp_path / "vocab.gguf"
    result = subprocess.run(converter_command() + [str(folder), "--vocab-only", "--outfile", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    meta = read_metadata(out)
    assert (meta.model, meta.pre, meta.merges) == ("llama", "default", 0)
    assert compare_metadata(meta, meta) == []
    wrong = _meta(model="gpt2", pre="gpt2", merges=10, vocab_size=meta.vocab_size, eos_id=meta.eos_id)
    problems = compare_metadata(meta, wrong)
    assert any("tokenizer.ggml.model is 'gpt2', the base model's is 'llama'" in p for p in problems)
