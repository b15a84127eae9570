"""`python -m tools.backends.axolotl_cpu train <config.yaml>`: Axolotl's own CLI, on a CPU.

transformers refuses `bf16=True` without a GPU unless `TrainingArguments.use_cpu` is set, and
Axolotl 0.19 has no config key for it (on a CPU it could only train in fp32). The TRL backend sets
`use_cpu=True` on CPU runs; this launcher does the same for the TrainingArguments Axolotl builds,
then runs `axolotl <args> --launcher python` unchanged: one process, as a CPU run is. Everything
else (config loading, validation, data, the trainer) is Axolotl's. tools/backends/axolotl.py uses
it only when the run's device is the CPU.
"""
from __future__ import annotations

import sys


def force_use_cpu() -> None:
    """Make every TrainingArguments (Axolotl's subclasses included) a CPU one."""
    from transformers import training_args

    original = training_args.TrainingArguments.__post_init__
    if getattr(original, "_llm_recipes_cpu", False):
        return

    def post_init(self) -> None:
        self.use_cpu = True
        original(self)

    post_init._llm_recipes_cpu = True
    training_args.TrainingArguments.__post_init__ = post_init


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    force_use_cpu()
    from axolotl.cli.main import cli

    try:
        cli.main(args=args + ["--launcher", "python"], prog_name="axolotl", standalone_mode=False)
    except SystemExit as stop:
        return int(stop.code or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
