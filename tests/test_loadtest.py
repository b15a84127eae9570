"""`make loadtest` (tools/loadtest.py) against a real `python -m tools.serve` on the embedded model:
small N and T with a tiny queue, so the run sees 503s, hang-ups and malformed requests, and its
invariants hold (no 5xx but 503, healthy after, cancellations within one step, no crash). Plus
the section it writes into bench/results.md, which `make bench` keeps."""
from __future__ import annotations

import json
import time

import pytest

EMBEDDED = "smollm2-135m-instruct"


@pytest.mark.slow
def test_a_short_load_test_keeps_every_invariant(tmp_path, monkeypatch):
    from tools import loadtest
    from tools.loadtest_report import BEGIN

    monkeypatch.setenv("LLM_RECIPES_RUNS", str(tmp_path / "runs"))  # no adapter: the base model answers
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # shared CI cores: one thread is much faster than two fighting
    results = tmp_path / "results.md"
    results.write_text("# Benchmark results\n\n## How to read these numbers\n\n- notes\n")
    start = time.monotonic()
    # The tutor recipe answers at length and samples (temperature 0.003): hang-ups find generation
    # still running, and sampling rows share the batch. Two rows and one waiting place: 503s.
    code = loadtest.main(["deepseek8b-ts-tutor", "--model", EMBEDDED, "--clients", "6", "--seconds", "15",
                          "--warmup", "3", "--grace", "15", "--seed", "3", "--env", "SERVE_MAX_BATCH=2", "--env", "SERVE_MAX_QUEUE=1",
                          "--write", str(results)])
    elapsed = time.monotonic() - start
    run = json.loads((tmp_path / "loadtest.json").read_text())
    phase = run["phases"][0]
    assert code == 0 and run["passed"], phase
    assert all(phase["checks"].values()) and phase["server"]["crashed"] is None
    assert phase["statuses"].get("503", 0) > 0, phase["statuses"]  # each checked for Retry-After and shape
    assert phase["by_kind"]["malformed"] and phase["by_kind"]["hangup"], phase["by_kind"]
    assert phase["statuses"].get("200", 0) >= 5 and phase["tokens_per_s"] > 0
    # Every generation cancelled under load stopped within one decoding step, and so did the probe's
    # (a long streamed answer hung up at its first piece, once the load is over).
    assert phase["health_after"]["cancelled_within_one_step"] == phase["health_after"]["cancelled"] >= 1
    assert phase["health_after"]["hang_up_probe"] == {"cancelled": True, "within_one_step": True}
    text = results.read_text()
    assert text.count(BEGIN) == 1 and text.index(BEGIN) < text.index("## How to read these numbers")
    assert elapsed < 120, f"the CI load test took {elapsed:.0f} s"


def test_the_load_test_only_targets_this_machine(capsys):
    from tools import loadtest

    assert loadtest.main(["--url", "http://example.com:8000", "--seconds", "1"]) == 2
    assert "only targets this machine" in capsys.readouterr().err


def test_the_results_section_is_replaced_and_kept_by_make_bench(tmp_path, monkeypatch):
    from bench import run as bench_run
    from tools.loadtest_report import BEGIN, END, write_markdown

    results = tmp_path / "results.md"
    results.write_text("# Benchmark results\n\n## How to read these numbers\n\n- notes\n")
    phase = {"name": "batched", "clients": 2, "seconds": 5, "gate": True, "tokens_per_s": 10.0,
             "tokens_per_s_server": 11.0, "answers_per_s": 1.0, "latency_p50_s": 1.0, "latency_p95_s": 2.0,
             "ttft_p50_s": 0.1, "ttft_p95_s": 0.2, "requests": 9, "cut_at_the_end": 0, "statuses": {"200": 9},
             "five_xx_but_503": 0, "batch_rows_max": 2, "queue_depth_max": 0, "memory_mb_first": 900.0,
             "memory_mb_last": 901.0, "health_after": {"ok": True}, "checks": {"no 5xx but 503": True}}
    run = {"date": "2026-01-01T00:00:00+00:00", "machine": {"cpu": "cpu", "cores": 2, "torch_threads_env": "1",
                                                            "load_average_before": [0], "load_average_after": [0]},
           "settings": {"recipe": "r", "model": "m", "clients": 2, "seconds": 5, "max_tokens": 24},
           "phases": [phase], "duration_s": 9, "passed": True}
    write_markdown(results, run)
    write_markdown(results, {**run, "date": "2026-02-02T00:00:00+00:00"})
    text = results.read_text()
    assert text.count(BEGIN) == 1 and text.count(END) == 1 and "2026-02-02" in text and "2026-01-01" not in text
    assert "| tokens/s, answers completed within the window | 10.0 |" in text

    monkeypatch.setattr(bench_run, "RESULTS_MD", results)
    monkeypatch.setattr(bench_run, "NOTES_FILE", tmp_path / "notes.md")
    data = {"machine": {"date": "d", "cpu": "c", "cores": 2, "torch_threads": 2, "memory_gb": 1, "bf16_flags": [],
                        "python": "3", "load_average_at_start": [0], "versions": {}}, "items": {}}
    assert "2026-02-02" in bench_run.render(data) and BEGIN in bench_run.render(data)
