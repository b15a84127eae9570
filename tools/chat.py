"""Chat with a recipe's fine-tuned model in the terminal, answers streamed as they are generated.

    make chat RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct
    make chat RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct PROMPT="¿Dónde vive Inés?"
    python -m tools.chat qwen-personal-qa --model smollm2-135m-instruct --prompt "hola"

Loads the merged model when present, else base + runs/<name>/adapter/, else the base model (with
a note). Uses the recipe's system prompt, prompt format, generation settings and post-processing
(tools.generation). Commands: /reset forgets the conversation, /exit (or Ctrl-D) leaves.
Chat-format recipes keep the previous turns; single-turn formats answer each message alone.
With --prompt it answers once and prints only the answer on stdout.
"""
from __future__ import annotations

import argparse
import sys
from typing import TextIO


def chat_loop(loaded, stdin: TextIO, stdout: TextIO, history: list[dict[str, str]] | None = None) -> int:
    """Read messages until /exit or end of input; stream each answer to stdout.

    `history` (filled in place) holds the conversation's turns for chat-format recipes.
    """
    from tools.generation import VisibleStream, answer
    from tools.prompting import layout_entry

    chat_format = layout_entry(loaded.config)["type"] == "chat_template"
    history = history if history is not None else []

    def write(text: str) -> None:
        stdout.write(text)
        stdout.flush()

    write("Type a message; /reset forgets the conversation, /exit leaves.\n")
    if not chat_format:
        write("This recipe's prompt format is single-turn: each message is answered on its own.\n")
    while True:
        write("\n> ")
        line = stdin.readline()
        if not line:
            write("\n")
            return 0
        message = line.strip()
        if not message:
            continue
        if message in ("/exit", "/quit"):
            return 0
        if message == "/reset":
            history.clear()
            write("(conversation cleared)\n")
            continue
        stream = VisibleStream(loaded.config, write)
        output = answer(loaded, message, history if chat_format else None, on_text=stream,
                        stop_when=lambda: stream.complete)
        stream.finish(output.text)
        if stream.sent != output.text:  # the recipe's fallback sentence replaced the streamed text
            write(f"\n{output.text}")
        write("\n")
        if chat_format:
            history += [{"role": "user", "content": message}, {"role": "assistant", "content": output.text}]


def main(argv: list[str] | None = None) -> int:
    from tools.models import ModelNotAvailable
    from tools.recipe import add_recipe_arguments, recipe_or_report

    parser = argparse.ArgumentParser(prog="python -m tools.chat", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("--prompt", default=None, help="answer this one message and exit")
    args = parser.parse_args(argv)
    recipe = recipe_or_report(args, run=True, check_paths=False)  # chatting needs no dataset files
    if recipe is None:
        return 1
    from tools import generation, runs

    try:
        loaded = generation.load(recipe, adapter="auto")
    except ModelNotAvailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{recipe.name}: {loaded.source}", file=sys.stderr)
    if not hasattr(loaded.model, "peft_config") and "merged" not in loaded.source:
        print(f"note: no trained adapter in {runs.for_recipe(recipe).adapter}; chatting with the base model "
              f"(run `make train RECIPE={recipe.name}` first)", file=sys.stderr)
    if args.prompt is not None:
        if not args.prompt.strip():
            print("error: --prompt is empty", file=sys.stderr)
            return 1
        done = generation.VisibleStream(loaded.config, lambda _: None)  # only to stop once the answer is complete
        print(generation.answer(loaded, args.prompt, on_text=done, stop_when=lambda: done.complete).text)
        return 0
    return chat_loop(loaded, sys.stdin, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
