"""`make chat`: one prompt (scriptable) and the interactive loop, on a real adapter over the embedded model."""
from __future__ import annotations

import io
import os

import pytest

from tests.serve_support import make_adapter

EMBEDDED = "smollm2-135m-instruct"
SHORT = "generation.max_new_tokens=6"


@pytest.fixture(scope="module")
def runs_root(tmp_path_factory):
    import torch

    root = tmp_path_factory.mktemp("chat") / "runs"
    make_adapter(root, "qwen-personal-qa", seed=0)
    previous, threads = os.environ.get("LLM_RECIPES_RUNS"), torch.get_num_threads()
    os.environ["LLM_RECIPES_RUNS"] = str(root)
    torch.set_num_threads(1)  # shared CI cores: one thread is much faster than two fighting
    yield root
    torch.set_num_threads(threads)
    if previous is None:
        os.environ.pop("LLM_RECIPES_RUNS", None)
    else:
        os.environ["LLM_RECIPES_RUNS"] = previous


def test_prompt_prints_only_the_answer(runs_root, capsys):
    from tools import generation
    from tools.chat import main
    from tools.recipe import load_recipe

    assert main(["qwen-personal-qa", "--model", EMBEDDED, "--set", SHORT, "--prompt", "hola"]) == 0
    out, err = capsys.readouterr()
    recipe = load_recipe("qwen-personal-qa", model=EMBEDDED, overrides=[SHORT], check_paths=False)
    expected = generation.answer(generation.load(recipe), "hola").text
    assert out == f"{expected}\n" and expected
    assert f"adapter {runs_root / 'qwen-personal-qa' / 'adapter'}" in err and "no trained adapter" not in err


def test_interactive_loop_streams_resets_and_exits(runs_root, capsys, monkeypatch):
    from tools.chat import main

    monkeypatch.setattr("sys.stdin", io.StringIO("hola\n/reset\n/exit\nnever read\n"))
    assert main(["qwen-personal-qa", "--model", EMBEDDED, "--set", SHORT]) == 0
    out, _ = capsys.readouterr()
    assert "/reset forgets the conversation" in out and "single-turn" in out
    assert "(conversation cleared)" in out
    answer = out.split("\n> ", 2)[1].split("\n")[0]
    assert answer.strip(), out  # the streamed answer to "hola"


def test_chat_format_keeps_history_until_reset(runs_root, capsys):
    """phi2-tutor is a chat_template recipe: turns accumulate; /reset clears them. No adapter: a note."""
    from tools import generation
    from tools.chat import chat_loop, main
    from tools.recipe import load_recipe

    recipe = load_recipe("phi2-tutor", model=EMBEDDED, overrides=["generation.max_new_tokens=3"], check_paths=False)
    loaded = generation.load(recipe)
    history: list[dict[str, str]] = []
    out = io.StringIO()
    assert chat_loop(loaded, io.StringIO("hola\n¿qué es DP?\n"), out, history) == 0  # ends at end of input
    assert [turn["role"] for turn in history] == ["user", "assistant", "user", "assistant"]
    assert history[2]["content"] == "¿qué es DP?" and "single-turn" not in out.getvalue()
    assert chat_loop(loaded, io.StringIO("hola\n/reset\nadiós\n/exit\n"), io.StringIO(), history) == 0
    assert [turn["content"] for turn in history if turn["role"] == "user"] == ["adiós"]

    assert main(["phi2-tutor", "--model", EMBEDDED, "--prompt", "  "]) == 1
    _, err = capsys.readouterr()
    assert "no trained adapter" in err and "--prompt is empty" in err
