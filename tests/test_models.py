"""The model registry: the embedded model loads offline from the cache and generates; hub ids fail clearly."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tools.models import EMBEDDED, ModelNotAvailable, resolve_model
from tools.paths import ROOT


def test_embedded_model_loads_offline_quickly_and_generates(embedded):
    assert embedded.source == "embedded" and (embedded.path / "model.safetensors").is_file()
    code = (
        "import time, torch; t=time.time();"
        "from transformers import AutoModelForCausalLM, AutoTokenizer;"
        f"p={str(embedded.path)!r}; tok=AutoTokenizer.from_pretrained(p);"
        "m=AutoModelForCausalLM.from_pretrained(p, dtype=torch.float32); load=time.time()-t;"
        "ids=tok.apply_chat_template([{'role':'user','content':'What is a binary search?'}], add_generation_prompt=True, return_tensors='pt', return_dict=True);"
        "out=m.generate(**ids, max_new_tokens=12, do_sample=False);"
        "print(round(load,1)); print(tok.decode(out[0][ids['input_ids'].shape[1]:], skip_special_tokens=True))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    load_seconds, text = result.stdout.split("\n", 1)
    assert float(load_seconds) < 15, f"loading the cached model took {load_seconds} s"
    assert len(text.split()) >= 3, text


def test_embedded_tokenizer_has_the_right_end_of_turn(tokenizer):
    # transformers reads the GGUF's eos as <|im_start|>; the conversion fixes it.
    assert tokenizer.eos_token == "<|im_end|>" and tokenizer.pad_token == "<|im_end|>"


def test_second_prepare_is_instant(embedded):
    start = time.monotonic()
    assert resolve_model(EMBEDDED).path == embedded.path
    assert time.monotonic() - start < 1


def test_hub_id_not_in_cache_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    with pytest.raises(ModelNotAvailable) as info:
        resolve_model("microsoft/phi-2")
    assert "offline" in str(info.value) and f"MODEL={EMBEDDED}" in str(info.value)


def test_local_folder_resolves(embedded):
    assert resolve_model(str(embedded.path)).source == "local"


def test_unknown_name_is_an_error():
    with pytest.raises(ModelNotAvailable):
        resolve_model("not-a-model")
