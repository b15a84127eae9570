"""Tokenizers and GGUF files: read a GGUF's tokenizer metadata, rebuild the tokenizer it declares,
and compare two GGUFs' tokenizers field by field.

    python -m tools.gguf_tokenizer show runs/qwen-personal-qa/gguf/qwen-personal-qa-q8_0.gguf
    python -m tools.gguf_tokenizer compare base.gguf exported.gguf

Why this exists: the embedded model ships as a GGUF whose tokenizer is a byte-level BPE
(`tokenizer.ggml.model = gpt2`, pre-tokenizer `smollm`, 48,900 merges). transformers turns it
into a BPE with byte fallback and a SentencePiece-style decoder; transformers decodes that
correctly, but llama.cpp's converter reads those two traits as a Llama SentencePiece tokenizer
and writes `llama`/`default` without merges, so llama.cpp and Ollama print "Ġ" and mojibake.
`build_tokenizer` writes the tokenizer the GGUF really declares instead, and
`compare_metadata` is the gate `make export` applies before a GGUF gets its final name.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

CONTROL = 3  # gguf.TokenType.CONTROL: special tokens
USER_DEFINED = 4


class TokenizerMismatch(ValueError):
    """The exported GGUF's tokenizer differs from the base's; `fields` names what differs."""

    def __init__(self, fields: list[str]):
        super().__init__("; ".join(fields))
        self.fields = fields


@dataclass(frozen=True)
class TokenizerMetadata:
    """What llama.cpp reads to tokenise and detokenise (the `tokenizer.*` keys of a GGUF)."""

    model: str  # tokenizer.ggml.model: gpt2 (byte-level BPE), llama (SentencePiece), ...
    pre: str | None  # tokenizer.ggml.pre: the pre-tokenizer's regex family (smollm, qwen2, llama-bpe...)
    vocab_size: int
    merges: int  # number of BPE merges (0: none stored)
    bos_id: int | None
    eos_id: int | None
    pad_id: int | None
    unk_id: int | None
    add_bos: bool | None
    chat_template: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _field(reader, key: str, default: Any = None) -> Any:
    """One field of gguf-py's GGUFReader, as a Python value (arrays as lists)."""
    field = reader.fields.get(key)
    if field is None:
        return default
    return field.contents()


_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9


def read_header(path: str | Path) -> dict[str, Any]:
    """A GGUF's key/value header: scalars and strings as values, arrays as their length only.

    gguf's GGUFReader builds a numpy view per element of every array (49,152 tokens and 48,900
    merges for the embedded model: ~3 s a file); this walks the bytes once and keeps what the
    tokenizer check compares (0.02 s). The format: "GGUF", version, tensor count, key count, then
    per key a length-prefixed name, a value type and the value (gguf-py's constants.GGUFValueType)."""
    import mmap
    import struct

    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:4] != b"GGUF":
            raise ValueError(f"{path} is not a GGUF file (it does not start with 'GGUF')")
        offset = 4 + 4 + 8
        (count,) = struct.unpack_from("<Q", data, offset)
        offset += 8

        def string() -> str:
            nonlocal offset
            (length,) = struct.unpack_from("<Q", data, offset)
            text = bytes(data[offset + 8: offset + 8 + length]).decode("utf-8", errors="replace")
            offset += 8 + length
            return text

        def value(kind: int) -> Any:
            nonlocal offset
            if kind == _STRING:
                return string()
            if kind == _ARRAY:
                element, length = struct.unpack_from("<IQ", data, offset)
                offset += 12
                if element == _STRING:
                    for _ in range(length):
                        (size,) = struct.unpack_from("<Q", data, offset)
                        offset += 8 + size
                elif element in _SCALARS:
                    offset += length * struct.calcsize(_SCALARS[element])
                else:
                    for _ in range(length):
                        value(element)
                return length
            if kind not in _SCALARS:
                raise ValueError(f"{path}: unknown GGUF value type {kind} at byte {offset}")
            (result,) = struct.unpack_from(_SCALARS[kind], data, offset)
            offset += struct.calcsize(_SCALARS[kind])
            return result

        header: dict[str, Any] = {}
        for _ in range(count):
            key = string()
            (kind,) = struct.unpack_from("<I", data, offset)
            offset += 4
            header[key] = value(kind)
        return header


def read_metadata(path: str | Path) -> TokenizerMetadata:
    """The tokenizer metadata of a GGUF file (reads the header, not the tensors)."""
    header = read_header(path)
    return TokenizerMetadata(
        model=header.get("tokenizer.ggml.model", "none"),
        pre=header.get("tokenizer.ggml.pre"),
        vocab_size=header.get("tokenizer.ggml.tokens", 0),
        merges=header.get("tokenizer.ggml.merges", 0),
        bos_id=header.get("tokenizer.ggml.bos_token_id"),
        eos_id=header.get("tokenizer.ggml.eos_token_id"),
        pad_id=header.get("tokenizer.ggml.padding_token_id"),
        unk_id=header.get("tokenizer.ggml.unknown_token_id"),
        add_bos=header.get("tokenizer.ggml.add_bos_token"),
        chat_template=header.get("tokenizer.chat_template"),
    )


# ---------------------------------------------------------------- rebuilding the declared tokenizer
def _pre_tokenizer(pre: str | None):
    """The `tokenizers` pre-tokenizer for a llama.cpp pre-tokenizer name (the byte-level BPE families).

    llama.cpp (llama-vocab.cpp) splits `smollm` (also starcoder, refact, command-r) text into single
    digits first and then with GPT-2's regex; `gpt2` only with GPT-2's regex. Other families have
    other regexes and are refused rather than guessed.
    """
    from tokenizers import pre_tokenizers

    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=True)
    if pre in ("smollm", "starcoder", "refact", "command-r"):
        return pre_tokenizers.Sequence([pre_tokenizers.Digits(individual_digits=True), byte_level])
    if pre in ("gpt2", "default", None):
        return byte_level
    raise ValueError(f"tokenizer.ggml.pre = {pre!r}: no rebuild rule for this pre-tokenizer "
                     f"(known: smollm, starcoder, refact, command-r, gpt2)")


def build_tokenizer(path: str | Path):
    """A transformers fast tokenizer equal to the one the GGUF declares (byte-level BPE only)."""
    from gguf import GGUFReader
    from tokenizers import AddedToken, Tokenizer, decoders, models, processors
    from transformers import PreTrainedTokenizerFast

    reader = GGUFReader(str(path))
    meta = read_metadata(path)
    if meta.model != "gpt2":
        raise ValueError(f"{path}: tokenizer.ggml.model = {meta.model!r}; only byte-level BPE (gpt2) is rebuilt here")
    tokens: list[str] = _field(reader, "tokenizer.ggml.tokens")
    types: list[int] = _field(reader, "tokenizer.ggml.token_type")
    merges = [tuple(m.split(" ", 1)) for m in _field(reader, "tokenizer.ggml.merges", [])]
    vocab = {token: index for index, token in enumerate(tokens)}
    backend = Tokenizer(models.BPE(vocab=vocab, merges=merges, byte_fallback=False, fuse_unk=False,
                                   dropout=None, unk_token=None))
    backend.pre_tokenizer = _pre_tokenizer(meta.pre)
    backend.decoder = decoders.ByteLevel()
    backend.post_processor = processors.ByteLevel(trim_offsets=False)
    special = [AddedToken(tokens[i], special=True, normalized=False) for i, t in enumerate(types) if t == CONTROL]
    user = [AddedToken(tokens[i], special=False, normalized=False) for i, t in enumerate(types) if t == USER_DEFINED]
    backend.add_special_tokens(special)
    if user:
        backend.add_tokens(user)

    def name(token_id: int | None) -> str | None:
        return tokens[token_id] if token_id is not None and 0 <= token_id < len(tokens) else None

    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, bos_token=name(meta.bos_id), eos_token=name(meta.eos_id),
        unk_token=name(meta.unk_id), pad_token=name(meta.pad_id), clean_up_tokenization_spaces=False,
        add_prefix_space=False, model_max_length=_context_length(reader),
    )
    if meta.chat_template:
        tokenizer.chat_template = meta.chat_template
    return tokenizer


def _context_length(reader) -> int:
    arch = _field(reader, "general.architecture", "llama")
    return int(_field(reader, f"{arch}.context_length", 2048))


# ---------------------------------------------------------------- the export gate
def compare_metadata(expected: TokenizerMetadata, exported: TokenizerMetadata,
                     special_ids: dict[str, int | None] | None = None,
                     chat_template: str | None = None) -> list[str]:
    """Differences that would make llama.cpp tokenise or stop differently, one line per field.

    `expected` is the base model's own tokenizer as a GGUF declares it (type, pre-tokenizer,
    merges, vocabulary size). `special_ids` are the bos/eos/pad ids of the run's tokenizer (a
    recipe may set its own eos or pad token), and `chat_template` the template the run uses;
    when given they are checked instead of the base's.
    """
    problems = []
    if exported.model != expected.model:
        problems.append(f"tokenizer.ggml.model is {exported.model!r}, the base model's is {expected.model!r}")
    if exported.pre != expected.pre:
        problems.append(f"tokenizer.ggml.pre is {exported.pre!r}, the base model's is {expected.pre!r}")
    if bool(exported.merges) != bool(expected.merges):
        problems.append(f"tokenizer.ggml.merges has {exported.merges} merges, the base model's has {expected.merges}")
    if exported.vocab_size < expected.vocab_size:
        problems.append(f"the vocabulary has {exported.vocab_size} tokens, fewer than the base model's {expected.vocab_size}")
    wanted = special_ids or {"bos": expected.bos_id, "eos": expected.eos_id, "pad": expected.pad_id}
    for key, value in wanted.items():
        got = getattr(exported, f"{key}_id")
        if value is not None and got != value:
            problems.append(f"tokenizer.ggml.{'padding' if key == 'pad' else key}_token_id is {got}, expected {value}")
    if chat_template is not None and (exported.chat_template or "") != chat_template:
        problems.append("tokenizer.chat_template differs from the template the run was trained with")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.gguf_tokenizer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show", help="print a GGUF's tokenizer metadata")
    show.add_argument("gguf")
    compare = sub.add_parser("compare", help="compare two GGUFs' tokenizers (exit 1 when they differ)")
    compare.add_argument("expected")
    compare.add_argument("exported")
    args = parser.parse_args(argv)
    if args.command == "show":
        data = read_metadata(args.gguf).as_dict()
        data["chat_template"] = (data["chat_template"] or "")[:80] + ("..." if data["chat_template"] and len(data["chat_template"]) > 80 else "")
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    problems = compare_metadata(read_metadata(args.expected), read_metadata(args.exported))
    for line in problems:
        print(f"differs: {line}")
    print("same tokenizer" if not problems else f"{len(problems)} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
