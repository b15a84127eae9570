"""CPU benchmark of the training stack on the embedded model: each comparison interleaved (A B A B)
after a warm-up, medians of several repetitions, printed as ratios.

    make bench                 # all items, ~20 minutes on 2 cores -> bench/results.md, bench/results.json
    make bench ONLY=4          # one item (merged into the existing results)
    make bench ONLY=1,2,3      # several (items 1-3 share one training measurement)
    python -m bench.run --render   # rewrite results.md from results.json (after editing NOTES)

Items: 1 TRL overhead, 2 hardware efficiency, 3 precision, 4 packing, 5 eval scoring,
6 Axolotl vs TRL, 7 memory vs tools/plan.py, 8 GGUF, 9 model load, 10 GGUF k-quants, 11 merge RAM,
12 constrained decoding, 13 plan after training, 14 preference step, 15 batched generation,
16 torch.compile in the trainer, 17 packed rows padded to one shape.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

from tools import atomic

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "results.md"
TITLES = {1: "Framework overhead", 2: "Hardware efficiency", 3: "Precision choice", 4: "Packing", 5: "Eval scoring",
          6: "Backends", 7: "Memory", 8: "GGUF", 9: "Model load", 10: "GGUF k-quants", 11: "Merge RAM",
          12: "Constrained decoding", 13: "Plan after training", 14: "Preference step", 15: "Batched generation",
          16: "torch.compile", 17: "Padding to one shape"}
NOTES_FILE = HERE / "notes.md"  # hand-written explanations, appended to results.md


def run_items(only: list[int] | None, save=None) -> dict[int, dict[str, Any]]:
    from bench import export_items, others, training

    results: dict[int, dict[str, Any]] = {}
    wanted = list(only) if only else list(TITLES)
    overhead = None
    for number in wanted:
        start = time.monotonic()
        print(f"[{number}] {TITLES[number]}...", flush=True)
        try:
            if number in (1, 2, 3) and overhead is None:
                from bench.overhead_item import item1_overhead

                overhead = item1_overhead()
            if number == 1:
                result = overhead
            elif number == 2:
                result = training.item2_efficiency(overhead)
            elif number == 3:
                result = training.item3_precision(overhead)
            elif number == 4:
                result = training.item4_packing()
            elif number == 5:
                result = others.item5_scoring()
            elif number == 6:
                result = others.item6_backends()
            elif number == 7:
                result = others.item7_memory()
            elif number == 8:
                result = others.item8_gguf()
            elif number == 9:
                result = others.item9_load()
            elif number == 10:
                result = export_items.item10_kquants()
            elif number == 11:
                result = export_items.item11_merge_ram()
            elif number == 12:
                from bench.structured_item import item12_constrained

                result = item12_constrained()
            elif number == 13:
                from bench.path_item import item13_path

                result = item13_path()
            elif number == 14:
                from bench.preference_item import item14_preference

                result = item14_preference()
            elif number == 15:
                from bench.generation_item import item15_batched_generation

                result = item15_batched_generation()
            elif number == 16:
                from bench.compile_item import item16_compile

                result = item16_compile()
            else:
                from bench.padding_item import item17_padding

                result = item17_padding()
        except KeyboardInterrupt:
            raise
        except Exception as error:  # one broken item must not cost the others' measurements
            import traceback

            traceback.print_exc()
            result = {"failed": f"{type(error).__name__}: {error}"[:500]}
        result = {k: v for k, v in result.items() if not k.startswith("_")}
        result["seconds"] = round(time.monotonic() - start, 1)
        results[number] = result
        print(f"    {_line(number, result)}", flush=True)
        if save:
            save(results)  # keep what is finished if a later item is interrupted
    return results


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return "nan" if math.isnan(value) else f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _line(number: int, r: dict[str, Any]) -> str:
    if "skipped" in r:
        return f"{TITLES[number]}: skipped: {r['skipped']}"
    if "failed" in r:
        return f"{TITLES[number]}: FAILED: {r['failed']}"
    return f"{TITLES[number]}: {r['name']} = {_fmt(r['ratio'])} (target {r['target']}: {'ok' if r['passed'] else 'MISSED'})"


def render(data: dict[str, Any]) -> str:
    m = data["machine"]
    lines = ["# Benchmark results (`make bench`)", "",
             f"Measured {m['date']} on {m['cpu']}, {m['cores']} cores, torch threads {m['torch_threads']}, "
             f"{m['memory_gb']} GB RAM; CPU bf16 flags: {', '.join(m['bf16_flags']) or 'none'}; Python {m['python']}.",
             f"Load average (1, 5, 15 min) at start: {m['load_average_at_start']}. Absolute numbers move with whatever "
             "else runs on the machine; every comparison is interleaved (A B A B ...) after a warm-up and reports "
             "medians, which is what the ratios rely on.", "",
             "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()), "",
             "| # | item | measured | ratio | target | |", "|---|---|---|---|---|---|"]
    for key in sorted(data["items"], key=int):
        r = data["items"][key]
        title = TITLES[int(key)]
        if "skipped" in r:
            lines.append(f"| {key} | {title} | skipped: {r['skipped']} | | | |")
            continue
        if "failed" in r:
            lines.append(f"| {key} | {title} | **failed**: {r['failed']} | | | |")
            continue
        lines.append(f"| {key} | {title} | {r['name']} | {_fmt(r['ratio'])} | {r['target']} | {'ok' if r['passed'] else '**missed**'} |")
    lines += ["", "## Details", ""]
    for key in sorted(data["items"], key=int):
        r = data["items"][key]
        detail = {k: v for k, v in r.items() if k not in ("name", "ratio", "target", "passed")}
        lines += [f"### {key}. {TITLES[int(key)]}", "", "```json", json.dumps(detail, indent=1, default=_fmt)[:3000], "```", ""]
    lines += _loadtest_section()
    if NOTES_FILE.is_file():
        lines += [NOTES_FILE.read_text().rstrip(), ""]
    return "\n".join(lines)


def _loadtest_section() -> list[str]:
    """The `make loadtest COMPARE=1` section (tools/loadtest.py writes it between its markers): kept as it is."""
    from tools.loadtest_report import BEGIN, END

    current = RESULTS_MD.read_text() if RESULTS_MD.is_file() else ""
    if BEGIN not in current or END not in current:
        return []
    return [BEGIN + current.split(BEGIN, 1)[1].split(END, 1)[0] + END, ""]



def _items(text: str) -> list[int]:
    try:
        items = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        items = []
    if not items or any(item not in TITLES for item in items):
        raise argparse.ArgumentTypeError(f"{text!r}: item numbers from {min(TITLES)} to {max(TITLES)}, comma-separated")
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--only", type=_items, help="run these items, e.g. 4 or 1,2,3")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: all cores)")
    parser.add_argument("--render", action="store_true", help="only rewrite results.md from results.json")
    args = parser.parse_args(argv)
    if args.render:
        atomic.write_text(RESULTS_MD, render(json.loads(RESULTS_JSON.read_text())))
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from bench.common import THREADS, machine, set_threads

    threads = set_threads(args.threads or THREADS)
    info = machine(threads)
    data = {"machine": info, "items": {}}
    if args.only and RESULTS_JSON.is_file():
        data = json.loads(RESULTS_JSON.read_text())
        data.setdefault("partial_reruns", []).append({"item": args.only, "machine": info})

    def save(done: dict[int, dict[str, Any]]) -> None:
        data["items"].update({str(k): v for k, v in done.items()})
        atomic.write_json(RESULTS_JSON, json.loads(json.dumps(data, default=_fmt)))
        atomic.write_text(RESULTS_MD, render(data))

    items = run_items(args.only, save)
    print()
    for key in sorted(data["items"], key=int):
        print(_line(int(key), data["items"][key]))
    print(f"\nWritten {RESULTS_MD.relative_to(HERE.parent)} and {RESULTS_JSON.relative_to(HERE.parent)}")
    return 0 if all(r.get("passed", True) and "failed" not in r for r in items.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
