"""The README is true: its two commands exist and `make demo` runs as written in a fresh clone."""
from __future__ import annotations

import os
import re
import subprocess

import pytest

from tools.paths import ROOT

README = (ROOT / "README.md").read_text()


def _block_after(heading: str) -> str:
    section = README.split(heading, 1)[1]
    return section.split("```bash", 1)[1].split("```", 1)[0]


def test_the_two_commands_are_the_first_thing_shown():
    block = _block_after("## Two commands")
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]


def test_every_make_target_the_readme_names_exists():
    targets = set(re.findall(r"`make ([a-z-]+)", README))
    assert len(targets) >= 15
    result = subprocess.run(["make", "-n", "-C", str(ROOT), *sorted(targets), "RECIPE=qwen-personal-qa", "NAME=x"],
                            capture_output=True, text=True)
    assert "No rule to make target" not in result.stderr, result.stderr


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


HEADLINES = [  # (recipe, metric, the README's row label)
    ("tinyllama-json-extractor", "json_parse_rate", "output parses as JSON"),
    ("tinyllama-json-extractor", "json_valid_rate", "**valid against `output.schema.json`**"),
    ("tinyllama-json-extractor", "constrained_json_valid_rate", "**valid, with constrained decoding**"),
    ("tinyllama-json-extractor", "json_field_accuracy[estado_parafraseado]", "field accuracy, status worded another way"),
    ("tinyllama-json-extractor", "json_field_accuracy", "**field accuracy** (7 fields)"),
    ("tinyllama-json-extractor", "json_exact_match", "whole object exactly right"),
    ("qwen-personal-qa", "preference_accuracy", "**NLL preference on paraphrased questions**"),
    ("qwen-personal-qa", "answer_token_f1", "answer token F1 on 32 paraphrased questions"),
    ("qwen-personal-qa", "answer_normalized_match", "answer equal to the reference (normalised)"),
    ("qwen-personal-qa", "answer_fallback_rate", "answerable questions wrongly refused"),
    ("qwen-personal-qa", "unanswerable_fallback_rate", "\"No tengo esa información.\" on 16 unanswerable questions"),
    ("qwen-personal-qa", "stop_rate", "answers that end with the eos token"),
    ("qwen-personal-qa-dpo", "unanswerable_fallback_rate", "after DPO: the fallback on 16 unanswerable questions"),
    ("qwen-personal-qa-dpo", "answer_fallback_rate", "after DPO: answerable questions wrongly refused"),
    ("qwen-personal-qa-dpo", "answer_token_f1", "after DPO: answer token F1"),
    ("qwen-personal-qa-dpo", "answer_normalized_match", "after DPO: answer equal to the reference"),
    ("qwen-personal-qa-dpo", "preference_accuracy", "after DPO: NLL preference"),
]


@pytest.mark.parametrize("recipe,metric,label", HEADLINES)
def test_readme_headline_numbers_are_the_committed_reports(recipe, metric, label):
    """The README quotes reports/<recipe>/metrics.json, written by `make eval`; no number typed by hand."""
    import json

    metrics = json.loads((ROOT / "reports" / recipe / "metrics.json").read_text())["metrics"]
    row = next(line for line in README.splitlines() if line.startswith(f"| {label}"))
    cells = [c.strip().strip("*") for c in row.strip("|").split("|")]
    # a run that continued another run's adapter also shows that run ("start": base, start, result)
    expected = [f"{metrics[v][metric]:.2f}" for v in ("base", "start", "finetuned") if v in metrics]
    assert cells[-len(expected):] == expected, row


@pytest.mark.slow
def test_make_demo_in_a_fresh_clone(tmp_path):
    """`make demo`, shortened only by DEMO_MAX_STEPS (documented in the README), in a clone of HEAD."""
    assert "DEMO_MAX_STEPS" in README
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--local", str(ROOT), str(clone)], check=True)
    # Share the installed environment and the converted model: `make setup` and `make model`
    # then find their work done, as they do on a second run on any machine.
    (clone / ".venv").symlink_to(ROOT / ".venv")
    (clone / ".cache").symlink_to(ROOT / ".cache")
    stamp = (ROOT / ".venv" / ".installed").stat().st_mtime
    for requirements in clone.glob("requirements*.txt"):  # a clone's files are newer than the stamp
        os.utime(requirements, (stamp - 1, stamp - 1))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_RECIPES_", "PYTEST"))}
    env["DEMO_MAX_STEPS"] = "3"
    result = subprocess.run(["make", "demo"], cwd=clone, env=env, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (clone / "reports" / "qwen-personal-qa" / "report.md").is_file()
    assert list((clone / "runs" / "qwen-personal-qa" / "gguf").glob("*-f16.gguf"))
    assert (clone / "runs" / "qwen-personal-qa" / "gguf" / "Modelfile").is_file()
    out = result.stdout
    for stage in ("validate", "check-data", "train", "eval", "export", "summary"):
        assert f"] {stage} ===" in out
    assert "base:" in out and "fine-tuned:" in out and "make chat RECIPE=qwen-personal-qa" in out


def test_readme_curve_numbers_are_the_committed_curves():
    """The README's "what it would take" sentences quote reports/qwen-personal-qa/data_curve.json and
    curve-6-epochs.json; no number typed by hand."""
    import json

    folder = ROOT / "reports" / "qwen-personal-qa"
    text = " ".join(README.split())
    rows = json.loads((folder / "data_curve.json").read_text())["rows"]
    f1 = " / ".join(f"{row['answer_token_f1']:.2f}" for row in rows)
    labels = " / ".join(row["label"] for row in rows)
    assert f"answer F1 is {f1} with {labels} wordings per fact" in text
    assert all(row["steps"] == rows[0]["steps"] for row in rows)  # one budget: only the data differs
    steps = {row["step"]: row for row in json.loads((folder / "curve-6-epochs.json").read_text())["rows"]}
    best = steps[244]
    assert (f"at step 244 F1 {best['answer_token_f1']:.2f}, normalised match {best['answer_normalized_match']:.2f}, "
            f"wrongly refused {best['answer_fallback_rate']:.2f}, but the fallback on unanswerable questions falls to "
            f"{best['unanswerable_fallback_rate']:.2f}") in text
    last = steps[max(steps)]
    assert (f"(F1 {last['answer_token_f1']:.2f}, match {last['answer_normalized_match']:.2f}, "
            f"{last['answer_fallback_rate']:.2f} and {last['unanswerable_fallback_rate']:.2f} at step {max(steps)})") in text


def test_readme_extractor_curve_is_the_committed_curve():
    """The extractor's "still rising" sentence quotes reports/tinyllama-json-extractor/curve.json, and
    its last step is the run the report (and the table above it) comes from."""
    import json

    folder = ROOT / "reports" / "tinyllama-json-extractor"
    text = " ".join(README.split())
    rows = json.loads((folder / "curve.json").read_text())["rows"]
    accuracy = ", ".join(f"{row['json_field_accuracy']:.2f}" for row in rows)
    steps = "/".join(str(row["step"]) for row in rows)
    assert f"({accuracy} at steps {steps}," in text
    report = json.loads((folder / "metrics.json").read_text())
    assert rows[-1]["step"] == report["manifest"]["steps"]
    assert f"profile's {report['manifest']['steps']} steps ended" in text


@pytest.mark.parametrize("recipe", ["phi2-tutor", "deepseek8b-ts-tutor"])
def test_readme_tutor_rows_are_the_committed_reports(recipe):
    """Each tutor's README row quotes its report: the steps its run trained, base and fine-tuned NLL, and
    the stop rate before and after."""
    import json

    report = json.loads((ROOT / "reports" / recipe / "metrics.json").read_text())
    base, tuned = report["metrics"]["base"], report["metrics"]["finetuned"]
    row = next(line for line in README.splitlines() if line.startswith(f"| `{recipe}` ("))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[0].endswith(f", {report['manifest']['steps']} steps)"), row
    assert cells[1:] == [f"{base['nll']:.2f}", f"{tuned['nll']:.2f}",
                         f"{base['stop_rate']:.1f} → {tuned['stop_rate']:.1f}"], row


def test_readme_compile_figures_are_bench_item_16():
    """The "Long runs" advice quotes `make bench ONLY=16` as committed in bench/results.json."""
    import json

    item = json.loads((ROOT / "bench" / "results.json").read_text())["items"]["16"]
    text = " ".join(README.split())
    assert (f"{item['ratio']:.2f}x faster after ~{item['compile_seconds'] / 60:.1f} minutes of compiling, so on this "
            f"CPU it pays only after ~{round(item['break_even_steps'], -1):.0f} steps") in text
