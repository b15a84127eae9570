"""Write reports/<name>/: report.md (human), metrics.json (machine), loss.png and per-example files.

Called by `evaluation.run` (make eval); the whole folder is written under a temporary name and
renamed when complete, so a report is never half old, half new. Re-render report.md from an
existing metrics.json with:

    python -m evaluation.report reports/qwen-personal-qa/metrics.json
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from evaluation.common import rounded
from tools import atomic

LOWER_IS_BETTER = ("nll", "perplexity", "answer_fallback_rate")
EVALUATION_FILES = ("metrics.json", "report.md", "loss.png")  # besides the per-example files metrics.json lists


def plot_loss(rows: list[dict[str, Any]], path: Path) -> str:
    """Training and validation loss against step from metrics.jsonl rows. Returns "training+validation",
    "training" (no eval_loss rows) or "" when there is nothing to plot."""
    train = [(r["step"], r["loss"]) for r in rows if r.get("loss") is not None and r.get("step") is not None]
    val = [(r["step"], r["eval_loss"]) for r in rows if r.get("eval_loss") is not None and r.get("step") is not None]
    if not train and not val:
        return ""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    if train:
        ax.plot(*zip(*train), label="training loss", color="tab:blue")
    if val:
        ax.plot(*zip(*val), label="validation loss", color="tab:orange", marker="o")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("loss (mean NLL per answer token)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return "training+validation" if val else "training"


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _better(name: str, delta: float | None) -> str:
    if delta is None or delta == 0:
        return ""
    improved = delta < 0 if name in LOWER_IS_BETTER else delta > 0
    return "better" if improved else "worse"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ⏎ ")


def render_markdown(data: dict[str, Any], files: dict[str, list[dict[str, Any]]] | None = None) -> str:
    """report.md from the metrics.json data (and the per-example rows, for invalid JSON outputs)."""
    m = data["metrics"]
    lines = [f"# Evaluation: {data['recipe']}", ""]
    if data.get("description"):
        lines += [data["description"], ""]
    model = data["model"]
    lines += [
        "| | |", "|---|---|",
        f"| Date | {data['date']} |",
        f"| Recipe | `{data['recipe_path']}`" + (f" with {', '.join(data['applied'])}" if data.get("applied") else "") + " |",
        f"| Model | `{model['base_model']}` ({model['source']}: `{model['path']}`) |",
        f"| Adapter | `{data['adapter']}` |",
        f"| Device | {data['device']} |",
        "| Generation | greedy, " + ", ".join(f"{k}={v}" for k, v in data["generation"].items()) + " |",
        f"| Evaluation time | {data['eval_seconds']:.0f} s |",
        "",
        "## Results on held-out data",
        "",
    ]
    if m.get("start"):  # a run that continued another run's adapter (e.g. DPO from SFT): that run too
        started = (data.get("manifest") or {}).get("started_from") or {}
        lines[-1:-1] = [f"Started from the adapter `{started.get('adapter', '?')}` (run `{started.get('recipe', '?')}`), "
                        f"measured here on the same data as \"start\"; `reward_*`: DPO's implicit reward against it.", ""]
        lines += ["| metric | base | start | fine-tuned | Δ (fine-tuned − base) | Δ (fine-tuned − start) | |",
                  "|---|---:|---:|---:|---:|---:|---|"]
        for name in m["finetuned"]:
            delta, delta_start = m["delta"].get(name), m["delta_start"].get(name)
            lines.append(f"| `{name}` | {_fmt(m['base'].get(name))} | {_fmt(m['start'].get(name))} | {_fmt(m['finetuned'][name])} | "
                         f"{'' if delta is None else f'{delta:+.4f}'} | {'' if delta_start is None else f'{delta_start:+.4f}'} | "
                         f"{_better(name, delta_start)} |")
    else:
        lines += ["| metric | base | fine-tuned | Δ (fine-tuned − base) | |", "|---|---:|---:|---:|---|"]
        for name in m["finetuned"]:
            delta = m["delta"].get(name)
            lines.append(f"| `{name}` | {_fmt(m['base'].get(name))} | {_fmt(m['finetuned'][name])} | "
                         f"{'' if delta is None else f'{delta:+.4f}'} | {_better(name, delta)} |")
    lines.append("")
    if data["thresholds"]:
        lines += ["### Thresholds (fine-tuned model)", ""]
        for check in data["thresholds"]:
            mark = "PASS" if check["passed"] else "FAIL"
            lines.append(f"- {mark} `{check['metric']}` = {_fmt(check['value'])} (needs {check['condition']})")
        lines += ["", f"**{'All thresholds met.' if data['passed'] else 'Thresholds NOT met: make eval exits 1.'}**", ""]
    lines += _training_section(data)
    details = data["details"]
    lines += _nll_section(details.get("nll"))
    if "preference" in details:
        p = details["preference"]
        lines += ["## Preference", "", f"{p['pairs']} pairs from `{p['path']}`; per pair in `preference.jsonl`.", ""]
    lines += _answers_section((files or {}).get("answers.jsonl") or [], (files or {}).get("unanswerable.jsonl") or [])
    lines += _json_section(details.get("json_validity"), (files or {}).get("json_invalid.jsonl") or [], m)
    lines += _stopping_section(details.get("stopping"))
    lines += _samples_section(details.get("samples"))
    lines += ["## Data files", "", "| file | used for | sha256 |", "|---|---|---|"]
    lines += [f"| `{f['path']}` | {f['used_for']} | `{f['sha256']}` |" for f in data["data_files"]]
    lines += ["", "## Per-example files", ""] + [f"- `{name}`" for name in data["files"]] + [""]
    return "\n".join(lines)


def _training_section(data: dict[str, Any]) -> list[str]:
    lines = ["## Training run", ""]
    manifest = data.get("manifest") or {}
    if manifest:
        lines += ["| | |", "|---|---|"]
        lines += [f"| {key} | {_cell(json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value)} |"
                  for key, value in manifest.items()]
        lines.append("")
    else:
        lines += ["No manifest.json in the run folder.", ""]
    if data.get("loss_plot") == "training":
        lines += ["![training loss](loss.png)", "",
                  "No validation loss was logged (the run's `eval_steps` is larger than its steps).", ""]
    elif data.get("loss_plot"):
        lines += ["![training and validation loss](loss.png)", ""]
    else:
        lines += ["No metrics.jsonl in the run folder: no loss curve.", ""]
    return lines


def _nll_section(nll: dict[str, Any] | None) -> list[str]:
    if not nll:
        return []
    lines = ["## NLL per answer token", ""]
    for source, detail in nll.items():
        v = detail["variants"]
        tokens = next(iter(v.values()))
        lines += [f"`{source}`: {tokens['examples']} examples, {tokens['tokens']} answer tokens.", ""]
        if detail.get("categories"):
            lines += ["| category | examples | base NLL | fine-tuned NLL | Δ |", "|---|---:|---:|---:|---:|"]
            for name, by_variant in detail["categories"].items():
                base = by_variant.get("base", {}).get("nll")
                tuned = by_variant.get("finetuned", {}).get("nll")
                delta = tuned - base if base is not None and tuned is not None else None
                count = next(iter(by_variant.values()))["examples"]
                lines.append(f"| {name} | {count} | {_fmt(base)} | {_fmt(tuned)} | {'' if delta is None else f'{delta:+.4f}'} |")
            lines.append("")
    return lines


def _answers_section(answers: list[dict[str, Any]], unanswerable: list[dict[str, Any]], shown: int = 5) -> list[str]:
    lines = []
    for title, rows in (("Answers", answers), ("Unanswerable questions", unanswerable)):
        if not rows:
            continue
        lines += [f"## {title} (first {min(shown, len(rows))} of {len(rows)}; all in the JSONL files)", "",
                  "| question | reference | base | fine-tuned |", "|---|---|---|---|"]
        for row in rows[:shown]:
            lines.append(f"| {_cell(row['question'])} | {_cell(row.get('reference', '–'))} | "
                         f"{_cell(row.get('base', {}).get('answer', '–'))} | {_cell(row.get('finetuned', {}).get('answer', '–'))} |")
        lines.append("")
    return lines


def _json_section(detail: dict[str, Any] | None, invalid: list[dict[str, Any]], metrics: dict[str, Any] | None = None) -> list[str]:
    if not detail:
        return []
    constrained = detail.get("constrained")
    lines = ["## JSON validity", "", f"{detail['examples']} generations on `{detail['path']}` against `{detail['schema']}`"
             + (", each twice: as the model writes it, and constrained to the schema (`generation.json_schema`)." if constrained
                else "."), ""]
    accuracy = detail["field_accuracy"]
    columns = [("base", "base"), ("finetuned", "fine-tuned")]
    if constrained:
        columns += [("constrained_base", "base, constrained"), ("constrained_finetuned", "fine-tuned, constrained")]
    lines += ["| field | " + " | ".join(f"{label} accuracy" for _, label in columns) + " |",
              "|---|" + "---:|" * len(columns)]
    for key in accuracy.get("finetuned", accuracy.get("base", {})):
        lines.append(f"| `{key}` | " + " | ".join(_fmt(accuracy.get(name, {}).get(key)) for name, _ in columns) + " |")
    lines.append("")
    if detail.get("categories") and metrics:
        lines += ["By category (`evaluation.category_field`):", "",
                  "| category | metric | base | fine-tuned |" + (" base, constrained | fine-tuned, constrained |" if constrained else ""),
                  "|---|---|---:|---:|" + ("---:|---:|" if constrained else "")]
        for category in detail["categories"]:
            for metric in ("json_valid_rate", "json_field_accuracy", "json_exact_match"):
                name = f"{metric}[{category}]"
                cells = [metrics["base"].get(name), metrics["finetuned"].get(name)]
                if constrained:
                    cells += [metrics["base"].get(f"constrained_{name}"), metrics["finetuned"].get(f"constrained_{name}")]
                lines.append(f"| {category} | `{metric}` | " + " | ".join(_fmt(c) for c in cells) + " |")
        lines.append("")
    tuned = [i for i in invalid if i["variant"] == "finetuned"]
    if tuned:
        lines += [f"Invalid fine-tuned outputs ({len(tuned)}; all in `json_invalid.jsonl`), first ones:", ""]
        for item in tuned[:3]:
            lines += [f"- `{item['where']}`: {item['reason']}", "", "  ```", "  " + item["output"][:400].replace("\n", "\n  "), "  ```"]
        lines.append("")
    return lines


def _stopping_section(detail: dict[str, Any] | None) -> list[str]:
    if not detail:
        return []
    lines = ["## Stopping (ends with end-of-sequence before max_new_tokens)", "",
             "| generations | n | base stop rate | fine-tuned stop rate | base mean new tokens | fine-tuned mean new tokens |",
             "|---|---:|---:|---:|---:|---:|"]
    for source, by_variant in detail.items():
        base, tuned = by_variant.get("base", {}), by_variant.get("finetuned", {})
        lines.append(f"| {source} | {base.get('generations', tuned.get('generations'))} | {_fmt(base.get('stop_rate'))} | "
                     f"{_fmt(tuned.get('stop_rate'))} | {_fmt(base.get('mean_new_tokens'))} | {_fmt(tuned.get('mean_new_tokens'))} |")
    return lines + [""]


def _samples_section(samples: list[dict[str, Any]] | None) -> list[str]:
    if not samples:
        return []
    lines = ["## Sample answers per category", ""]
    for item in samples:
        lines += [f"### {item['category']} (`{item['where']}`)", "", "**Prompt**", "", "```", item["prompt"].strip(), "```", "",
                  "**Reference**", "", item["reference"].strip(), ""]
        for variant in ("base", "finetuned"):
            if variant in item:
                stopped = "" if item[variant]["stopped"] else " (cut at max_new_tokens)"
                lines += [f"**{'Base' if variant == 'base' else 'Fine-tuned'}**{stopped}", "", item[variant]["answer"].strip() or "(empty)", ""]
    return lines


def write_report(target: Path, data: dict[str, Any], files: dict[str, list[dict[str, Any]]],
                 training_rows: list[dict[str, Any]]) -> Path:
    """Write the report folder atomically; returns the path of report.md.

    Files in the folder that an evaluation did not write (curves, sweeps: evaluation/curve.py,
    evaluation/data_curve.py) are kept; the previous evaluation's own files are replaced."""

    with atomic.replaced_dir(target) as tmp:
        for kept in _not_written_by_evaluation(target):
            shutil.copy2(kept, tmp / kept.name)
        for name, rows in files.items():
            atomic.write_jsonl(tmp / name, rows)
        data["files"] = sorted(files)
        data["loss_plot"] = plot_loss(training_rows, tmp / "loss.png")
        atomic.write_json(tmp / "metrics.json", _round_all(data))
        (tmp / "report.md").write_text(render_markdown(data, files), encoding="utf-8")
    return target / "report.md"


def _not_written_by_evaluation(target: Path) -> list[Path]:
    """The files of `target` that the last evaluation did not write (its metrics.json lists its own)."""
    if not target.is_dir():
        return []
    own = set(EVALUATION_FILES)
    try:
        own |= set(json.loads((target / "metrics.json").read_text()).get("files") or [])
    except (OSError, ValueError):
        pass
    return [p for p in sorted(target.iterdir()) if p.is_file() and p.name not in own]


def _round_all(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _round_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round_all(v) for v in value]
    return rounded(value, 6)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m evaluation.report reports/<name>/metrics.json", file=sys.stderr)
        return 2
    path = Path(args[0])
    if not path.is_file():
        print(f"error: {path} does not exist: run `make eval RECIPE=<name>` first", file=sys.stderr)
        return 1
    data = json.loads(path.read_text())
    files = {}
    for name in ("json_invalid.jsonl", "answers.jsonl", "unanswerable.jsonl"):
        if path.with_name(name).is_file():
            files[name] = [json.loads(line) for line in path.with_name(name).read_text().splitlines() if line.strip()]
    target = path.with_name("report.md")
    atomic.write_text(target, render_markdown(data, files))
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
