"""Axolotl backend: the recipe written as an Axolotl config and trained by `axolotl train`.

    make train RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct BACKEND=axolotl SET="max_steps=3"
    make preprocess RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct BACKEND=axolotl
    python -m tools.backends.axolotl config qwen-personal-qa --model smollm2-135m-instruct

The recipe's keys are Axolotl's own, so the config is the recipe without the project sections,
with every value tools/settings.py resolves written out explicitly (defaults, the hardware's
fallbacks: flash attention, 8-bit/paged optimizers, precision; role-mapped LoRA targets), paths
made absolute, `base_model` resolved to the local folder and Triton LoRA kernels off without CUDA.
It lands in runs/<name>/axolotl.yaml; Axolotl writes into runs/<name>/axolotl-output/ and its
tokenised data into runs/<name>/axolotl-prepared/. Afterwards the final adapter (with the
tokenizer) is copied to runs/<name>/adapter/ and the trainer's log history to metrics.jsonl, the
same layout the TRL backend leaves. tests/test_axolotl_parity.py checks that Axolotl tokenises and
masks every training row exactly as tools/prompting.py does, and that both backends start from
the same loss.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from importlib import util
from pathlib import Path
from typing import Any

import yaml

from tools import atomic, runs
from tools.backends.support import Unhonoured
from tools.data import resolve_path
from tools.paths import ROOT, display
from tools.settings import TrainSettings

# Axolotl's Triton LoRA kernels ask for CUDA and crash elsewhere.
LORA_KERNELS = ("lora_mlp_kernel", "lora_qkv_kernel", "lora_o_kernel")
INSTALL_HINT = "BACKEND=axolotl needs axolotl: run `make setup-axolotl` (installs axolotl==0.19.0, ~6 min)"


def available() -> bool:
    return util.find_spec("axolotl") is not None


def output_dir(paths: runs.RunPaths) -> Path:
    return paths.root / "axolotl-output"


def prepared_dir(paths: runs.RunPaths) -> Path:
    return paths.root / "axolotl-prepared"


def config_path(paths: runs.RunPaths) -> Path:
    return paths.root / "axolotl.yaml"


def _absolute_datasets(entries: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    if not entries:
        return entries
    out = []
    for entry in entries:
        entry = dict(entry)
        entry["path"] = str(resolve_path(entry["path"]))
        out.append(entry)
    return out


def unhonoured(recipe) -> Unhonoured:
    """Axolotl honours every key of a recipe (they are its own); nothing to report."""
    return Unhonoured()


def build_config(recipe, settings: TrainSettings, model) -> dict[str, Any]:
    """The Axolotl config: the recipe's Axolotl keys as written (so keys only Axolotl knows reach it),
    then every value tools/settings.py resolved, written explicitly so Axolotl trains what the TRL
    backend would: the same defaults, hardware fallbacks and role-mapped LoRA targets."""
    from tools.targets import resolve_targets, skeleton

    config = recipe.axolotl_config()
    paths = runs.for_recipe(recipe)
    config.update(
        base_model=str(model.path),
        output_dir=str(output_dir(paths)),
        dataset_prepared_path=str(prepared_dir(paths)),
        datasets=_absolute_datasets(list(settings.datasets)),
        sequence_len=settings.sequence_len,
        sample_packing=settings.sample_packing,
        eval_sample_packing=settings.eval_sample_packing,
        train_on_inputs=settings.train_on_inputs,
        micro_batch_size=settings.micro_batch_size,
        gradient_accumulation_steps=settings.gradient_accumulation_steps,
        num_epochs=settings.num_epochs,
        learning_rate=settings.learning_rate,
        optimizer=settings.optimizer,
        lr_scheduler=settings.lr_scheduler,
        weight_decay=settings.weight_decay,
        max_grad_norm=settings.max_grad_norm,
        seed=settings.seed,
        bf16=settings.precision == "bf16",
        fp16=settings.precision == "fp16",
        tf32=settings.tf32,
        gradient_checkpointing=settings.gradient_checkpointing,
        flash_attention=settings.attn_implementation == "flash_attention_2",
        sdp_attention=settings.attn_implementation == "sdpa",
        save_total_limit=settings.save_total_limit,
        # Keep the files' order in the prepared data: the trainer's sampler then shuffles with `seed`,
        # the only shuffle the TRL backend does too, so both backends see the same batches.
        shuffle_merged_datasets=False,
        dataset_num_proc=1,
        torch_compile=settings.torch_compile,
        pad_to_sequence_len=settings.pad_to_sequence_len,
    )
    for key, value in (("max_steps", settings.max_steps), ("warmup_steps", settings.warmup_steps),
                       ("warmup_ratio", settings.warmup_ratio), ("logging_steps", settings.logging_steps),
                       ("save_steps", settings.save_steps), ("chat_template", settings.chat_template),
                       ("torch_compile_backend", settings.torch_compile_backend),
                       ("torch_compile_mode", settings.torch_compile_mode)):
        if value is not None:
            config[key] = value
        else:
            config.pop(key, None)  # unset: Axolotl applies the rule TrainSettings documents
    if settings.test_datasets and settings.evaluate:
        # Axolotl reads a local JSON file as one split called `train`.
        config["test_datasets"] = [{"split": "train", **e} for e in _absolute_datasets(list(settings.test_datasets))]
        config["eval_steps"] = settings.eval_steps
    else:
        for key in ("test_datasets", "eval_steps"):
            config.pop(key, None)
        if not settings.evaluate:
            config["val_set_size"] = 0
    if settings.deepspeed:
        config["deepspeed"] = str(resolve_path(settings.deepspeed))
    else:
        config.pop("deepspeed", None)
    if settings.adapter:
        config.update(lora_r=settings.lora_r, lora_alpha=settings.lora_alpha, lora_dropout=settings.lora_dropout)
        targets, _ = resolve_targets(settings, skeleton(model.path))
        if targets == "all-linear":
            config["lora_target_linear"] = True
            config.pop("lora_target_modules", None)
        else:
            config["lora_target_modules"] = list(targets)
    if settings.device != "cuda":
        for key in LORA_KERNELS:
            config[key] = False
    if config.get("save_total_limit") is None:
        config.pop("save_total_limit", None)
    return config


class _Dumper(yaml.SafeDumper):
    """Strings with newlines (prompt formats) as one double-quoted line, as the recipes write them."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"' if "\n" in value else None))


def write_config(recipe, settings: TrainSettings, model, notes: list[str] | None = None,
                 extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Write runs/<name>/axolotl.yaml and return the config (`extra` keys are added last)."""
    notes = list(settings.notes) if notes is None else notes
    config = {**build_config(recipe, settings, model), **(extra or {})}
    path = config_path(runs.for_recipe(recipe))
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# Written by tools/backends/axolotl.py from {display(recipe.path)}"
              + (f" ({', '.join(recipe.applied)})" if recipe.applied else "") + "; edits are overwritten.\n")
    header += "".join(f"# note: {note}\n" for note in notes)
    atomic.write_text(path, header + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120))
    return config


def subprocess_env() -> dict[str, str]:
    """Offline, no telemetry, and the venv's bin/ first on PATH (axolotl launches `accelerate` from there)."""
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)  # tools.backends.axolotl_cpu
    env.update({"AXOLOTL_DO_NOT_TRACK": "1", "DO_NOT_TRACK": "1", "WANDB_MODE": "disabled", "WANDB_DISABLED": "true",
                "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                "TOKENIZERS_PARALLELISM": "false", "PYTHONUNBUFFERED": "1"})
    return env


def _axolotl_command(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "axolotl"
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-m", "axolotl.cli.main", *args]


def _stream(command: list[str], log_path: Path) -> tuple[int, str, bool]:
    """Run `command`, echoing and logging its output; returns (exit code, output, interrupted)."""
    print("$ " + " ".join(command), flush=True)
    lines: list[str] = []
    interrupted = False
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env=subprocess_env(), start_new_session=True)

        def forward(signum, frame):  # Axolotl saves the model on SIGINT; pass the signal on once
            nonlocal interrupted
            interrupted = True
            try:
                os.killpg(process.pid, signum)
            except ProcessLookupError:
                pass

        previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            assert process.stdout is not None
            for line in process.stdout:
                sys.stdout.write(line)
                sys.stdout.flush()
                log.write(line)
                lines.append(line)
            code = process.wait()
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)
    return code, "".join(lines), interrupted


def _tail(output: str, count: int = 15) -> str:
    return "\n".join(output.strip().splitlines()[-count:])


def preprocess(recipe, settings: TrainSettings, model, notes: list[str] | None = None) -> Path:
    """`axolotl preprocess`: tokenise the recipe's data into runs/<name>/axolotl-prepared/."""
    config = write_config(recipe, settings, model, notes)
    paths = runs.for_recipe(recipe)
    code, output, _ = _stream(_axolotl_command("preprocess", str(config_path(paths))), paths.root / "axolotl-preprocess.log")
    if code != 0:
        raise RuntimeError(f"axolotl preprocess failed (exit {code}); the end of its output:\n{_tail(output)}")
    return Path(config["dataset_prepared_path"])


def prepared_datasets(prepared: Path) -> list[Path]:
    """Folders of tokenised datasets Axolotl saved (one per config hash), newest first."""
    found = [p.parent for p in prepared.rglob("dataset_info.json")]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _trainer_state(out: Path) -> dict[str, Any]:
    """The most advanced trainer_state.json under Axolotl's output folder."""
    states = []
    for path in out.glob("**/trainer_state.json"):
        try:
            states.append(json.loads(path.read_text()))
        except (OSError, json.JSONDecodeError):
            continue
    return max(states, key=lambda s: (s.get("global_step", 0), len(s.get("log_history", []))), default={})


def metrics_rows(log_history: list[dict[str, Any]], world_size: int = 1) -> list[dict[str, Any]]:
    """Trainer log_history rows in metrics.jsonl's shape; tokens_per_s from Axolotl's token counters.

    Axolotl logs cumulative `tokens/total` (non-padding) and `tokens/trainable` and the rate of the
    trainable ones since the previous log, so the elapsed time is d(trainable) / (rate * GPUs) and
    tokens_per_s (all non-padding tokens, as the TRL backend logs it) is d(total) / elapsed.
    """
    rows, previous = [], None
    for entry in log_history:
        row = {"step": entry.get("step")}
        row.update({k: v for k, v in entry.items() if isinstance(v, (int, float)) and not isinstance(v, bool) and k != "step"})
        if "loss" in entry and "tokens/total" in entry and "tokens/trainable" in entry:
            rate = entry.get("tokens/train_per_sec_per_gpu")
            if previous is not None and rate:
                elapsed = (entry["tokens/trainable"] - previous["tokens/trainable"]) / (rate * world_size)
                if elapsed > 0:
                    row["tokens_per_s"] = round((entry["tokens/total"] - previous["tokens/total"]) / elapsed, 1)
            previous = entry
        rows.append(row)
    return rows


def _copy_adapter(out: Path, target: Path) -> None:
    if not (out / "adapter_config.json").is_file():
        raise RuntimeError(f"axolotl finished but {out} holds no adapter_config.json; see {out.parent / 'axolotl-train.log'}")
    with atomic.replaced_dir(target) as tmp:
        for item in out.iterdir():
            if item.is_file() and item.name not in ("trainer_state.json", "config.json") and not item.name.startswith("."):
                shutil.copy2(item, tmp / item.name)


def train(recipe, settings: TrainSettings, model, resume: bool, notes: list[str]) -> dict[str, Any]:
    """Train `recipe` with `axolotl train`; returns the facts for the manifest."""
    paths = runs.for_recipe(recipe)
    paths.root.mkdir(parents=True, exist_ok=True)
    out = output_dir(paths)
    if resume and not any(out.glob("checkpoint-*")):
        raise ValueError(f"RESUME=1 but {out} has no checkpoint; run without RESUME to start over")
    config = write_config(recipe, settings, model, notes, {"auto_resume_from_checkpoints": True} if resume else None)
    if not resume:
        shutil.rmtree(out, ignore_errors=True)  # stale checkpoints would be resumed or mixed into the log
        paths.metrics.unlink(missing_ok=True)
    print(f"Axolotl config {display(config_path(paths))}", flush=True)
    start = time.monotonic()
    command = _axolotl_command("train", str(config_path(paths)))
    if settings.device == "cpu":  # Axolotl has no use_cpu key; bf16 on a CPU needs it (see axolotl_cpu.py)
        command = [sys.executable, "-m", "tools.backends.axolotl_cpu", "train", str(config_path(paths))]
    code, output, interrupted = _stream(command, paths.root / "axolotl-train.log")
    wall = time.monotonic() - start
    if code != 0 and not interrupted:
        raise RuntimeError(f"axolotl train failed (exit {code}); the end of its output:\n{_tail(output)}\n"
                           f"full log: {display(paths.root / 'axolotl-train.log')}")
    state = _trainer_state(out)
    history = state.get("log_history", [])
    rows = metrics_rows(history, int(os.environ.get("WORLD_SIZE", "1")))
    atomic.write_jsonl(paths.metrics, rows)
    losses = [row["loss"] for row in rows if "loss" in row]
    found = re.findall(r"['\"]train_loss['\"]:\s*['\"]?([0-9.eE+-]+)", output)
    train_loss = float(found[-1]) if found else (sum(losses) / len(losses) if losses else None)
    if not interrupted:
        _copy_adapter(out, paths.adapter)
    tokens = [row["tokens/total"] for row in rows if "tokens/total" in row]
    return {
        "steps": state.get("global_step", 0),
        "max_steps": state.get("max_steps"),
        "train_loss": round(train_loss, 4) if train_loss is not None else None,
        "interrupted": interrupted,
        "train_seconds": round(wall, 1),
        "tokens_seen": int(tokens[-1]) if tokens else None,
        "lora_targets": config.get("lora_target_modules") or ("all-linear" if config.get("lora_target_linear") else None),
        "axolotl_config": display(config_path(paths)),
        "axolotl_output": display(out),
    }


def main(argv: list[str] | None = None) -> int:
    from tools import hardware
    from tools.models import ModelNotAvailable, resolve_model
    from tools.recipe import RecipeError, add_recipe_arguments, recipe_from_args

    parser = argparse.ArgumentParser(prog="python -m tools.backends.axolotl", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["preprocess", "config"],
                        help="preprocess: `axolotl preprocess` into runs/<name>/axolotl-prepared; config: only write the YAML")
    add_recipe_arguments(parser)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.command == "preprocess" and not available():
        print(f"error: {INSTALL_HINT}", file=sys.stderr)
        return 1
    from tools.settings import SettingsError, resolve

    try:
        recipe = recipe_from_args(args)
        model = resolve_model(recipe["base_model"])
        settings = resolve(recipe, hardware.detect())
    except RecipeError as error:
        print("\n".join(error.errors), file=sys.stderr)
        return 1
    except (ModelNotAvailable, hardware.PrecisionError, SettingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    notes = list(settings.notes)
    try:
        if args.command == "config":
            write_config(recipe, settings, model, notes)
            print(f"Wrote {display(config_path(runs.for_recipe(recipe)))}")
            return 0
        prepared = preprocess(recipe, settings, model, notes)
    except (RuntimeError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for note in notes:
        print(f"note: {note}")
    print(f"Tokenised data in {display(prepared)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
