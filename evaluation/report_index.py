"""Regenerate reports/index.md: one table of every recipe's latest evaluation (make report).

    python -m evaluation.report_index

Reads reports/*/metrics.json (written by `make eval`); each row shows the date, the model, every
fine-tuned metric with the base value before the arrow, and whether the thresholds were met.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tools.paths import display, reports_dir
from tools import atomic


def _value(x: Any) -> str:
    return "–" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def render_index(reports: list[tuple[str, dict[str, Any]]]) -> str:
    lines = ["# Evaluation reports", "",
             "Latest `make eval` result of each recipe (base → fine-tuned on held-out data). "
             "Regenerate with `make report`; metric names are explained in `evaluation/README.md`.", "",
             "| recipe | date | model | device | metrics (base → fine-tuned) | thresholds |",
             "|---|---|---|---|---|---|"]
    for folder, data in reports:
        metrics = data.get("metrics") or {}
        base, tuned = metrics.get("base") or {}, metrics.get("finetuned") or {}
        cells = "<br>".join(f"`{name}` {_value(base.get(name))} → {_value(value)}" for name, value in tuned.items()) or "–"
        checks = data.get("thresholds") or []
        verdict = "–" if not checks else ("met" if data.get("passed") else "NOT met: " + ", ".join(
            c["metric"] for c in checks if not c["passed"]))
        model = (data.get("model") or {}).get("base_model", "?")
        device = str(data.get("device", "?")).split(" (")[0]
        lines.append(f"| [{data.get('recipe', folder)}]({folder}/report.md) | {str(data.get('date', '?'))[:10]} | "
                     f"`{model}` | {device} | {cells} | {verdict} |")
    if not reports:
        lines.append("| (no reports yet: run `make eval RECIPE=<name>`) | | | | | |")
    return "\n".join(lines) + "\n"


def build_index(root: Path | None = None) -> tuple[Path, int]:
    """Write <reports>/index.md atomically; returns its path and the number of reports listed."""
    root = root or reports_dir()
    found = []
    for path in sorted(root.glob("*/metrics.json")):
        try:
            found.append((path.parent.name, json.loads(path.read_text())))
        except json.JSONDecodeError as error:
            print(f"warning: {display(path)}:{error.lineno}: not valid JSON ({error.msg}); skipped", file=sys.stderr)
    root.mkdir(parents=True, exist_ok=True)
    target = root / "index.md"
    atomic.write_text(target, render_index(found))
    return target, len(found)


def main(argv: list[str] | None = None) -> int:
    target, count = build_index()
    print(f"{display(target)}: {count} report(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
