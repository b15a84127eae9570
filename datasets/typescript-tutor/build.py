#!/usr/bin/env python3
"""Build the typescript-tutor dataset: train.jsonl, val.jsonl, test.jsonl (and README counts).

The rows live as Python data in the `rows_*.py` modules next to this file, one module per
topic; each module defines `TOPIC` and `ROWS`, a list of `(category, instruction, response)`.
This script validates them, assigns the splits deterministically (about 80/10/10, stratified
by category so that val and test hold every category and every topic at least twice), writes
the three JSONL files and rewrites the counts section of README.md. Re-running it produces
byte-identical files. Standard library only.

    python datasets/typescript-tutor/build.py          # write files, print counts
    python datasets/typescript-tutor/build.py --check  # validate only, write nothing
"""
from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep the data folder free of __pycache__

MODULES = (
    "rows_sistema_de_tipos",
    "rows_interfaces_vs_types",
    "rows_enums",
    "rows_uniones",
    "rows_genericos",
    "rows_utility_types",
    "rows_narrowing",
    "rows_errores_de_tipo",
)
TOPICS = (
    "sistema_de_tipos", "interfaces_vs_types", "enums", "uniones",
    "genericos", "utility_types", "narrowing", "errores_de_tipo",
)
CATEGORIES = ("definition", "example", "error_correction", "comparison", "complexity")
MIN_TOTAL = 290
MIN_PER_TOPIC = 28
MIN_PER_CATEGORY = {"definition": 40, "example": 40, "error_correction": 40, "comparison": 40, "complexity": 20}
MIN_IN_HELDOUT = 2
WORDS = (40, 200)
# Prompt + response length cap, a stand-in for the 512-token budget (standard library only):
# 1300 characters came to about 460 tokens with the SmolLM2-135M tokenizer.
MAX_CHARS = 1300
PROMPT = "Instrucción: {instruction}\nRespuesta: "
SPLIT_NAMES = ("train", "val", "test")
COUNTS_START = "<!-- counts:start -->"
COUNTS_END = "<!-- counts:end -->"


def load_rows() -> list[dict[str, str]]:
    rows = []
    for name in MODULES:
        module = importlib.import_module(name)
        for category, instruction, response in module.ROWS:
            rows.append({
                "instruction": instruction.strip(),
                "response": response.strip(),
                "topic": module.TOPIC,
                "category": category,
            })
    return rows


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip(" ¿?¡!.")


STOPWORDS = set("""
a al como con cuál cuándo de del debo el en entre es esta este esto hay la las lo los me mi mis
no o para por qué que se sin su sus te tengo un una uno y ya typescript ts error diferencia
""".split())


def word_set(text: str) -> set[str]:
    """Content words of an instruction, without its code block."""
    prose = text.split("```")[0]
    return {w for w in re.findall(r"\w+", prose.lower()) if w not in STOPWORDS}


def validate(rows: list[dict[str, str]]) -> list[str]:
    errors = []
    seen: dict[str, int] = {}
    for n, row in enumerate(rows):
        where = f"row {n} ({row['topic']}/{row['category']})"
        for key in ("instruction", "response", "topic", "category"):
            if not row[key].strip():
                errors.append(f"{where}: empty {key}")
        if row["topic"] not in TOPICS:
            errors.append(f"{where}: unknown topic")
        if row["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category")
        words = len(row["response"].split())
        if not WORDS[0] <= words <= WORDS[1]:
            errors.append(f"{where}: response has {words} words (want {WORDS[0]}-{WORDS[1]})")
        chars = len(PROMPT.format(instruction=row["instruction"])) + len(row["response"])
        if chars > MAX_CHARS:
            errors.append(f"{where}: prompt + response is {chars} characters (max {MAX_CHARS})")
        if re.search(r"```ts\n", row["instruction"]):
            errors.append(f"{where}: instruction has a ```ts block; broken code must be ```ts-error")
        if "```ts-error" in row["response"]:
            errors.append(f"{where}: response has a ```ts-error block")
        if row["category"] == "error_correction" and "```ts-error" not in row["instruction"]:
            errors.append(f"{where}: error_correction instruction without a ```ts-error block")
        if row["category"] == "error_correction" and "```ts\n" not in row["response"]:
            errors.append(f"{where}: error_correction response without fixed code")
        if row["response"].count("```") % 2 or row["instruction"].count("```") % 2:
            errors.append(f"{where}: unbalanced code fences")
        key = normalise(row["instruction"])
        if key in seen:
            errors.append(f"{where}: duplicate instruction of row {seen[key]}")
        seen[key] = n
    topics = Counter(r["topic"] for r in rows)
    cats = Counter(r["category"] for r in rows)
    if len(rows) < MIN_TOTAL:
        errors.append(f"only {len(rows)} rows (want >= {MIN_TOTAL})")
    for t in TOPICS:
        if topics[t] < MIN_PER_TOPIC:
            errors.append(f"topic {t}: {topics[t]} rows (want >= {MIN_PER_TOPIC})")
    for c in CATEGORIES:
        if cats[c] < MIN_PER_CATEGORY[c]:
            errors.append(f"category {c}: {cats[c]} rows (want >= {MIN_PER_CATEGORY[c]})")
    errortopic = Counter(r["category"] for r in rows if r["topic"] == "errores_de_tipo")
    if errortopic["error_correction"] * 2 <= sum(errortopic.values()):
        errors.append("topic errores_de_tipo should be mostly error_correction")
    return errors


def assign_splits(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """Stratified by category: within each category (rows in topic order) every tenth row
    goes to val and another to test. The first pair of offsets that leaves every topic and
    category at least twice in val and in test is used, so the result is deterministic."""
    by_cat = {c: [r for r in rows if r["category"] == c] for c in CATEGORIES}
    for val_off in range(10):
        for test_off in range(10):
            if test_off == val_off:
                continue
            splits = {s: [] for s in SPLIT_NAMES}
            for c in CATEGORIES:
                for i, row in enumerate(by_cat[c]):
                    split = "val" if i % 10 == val_off else "test" if i % 10 == test_off else "train"
                    splits[split].append(row)
            if all(heldout_ok(splits[s]) for s in ("val", "test")):
                order = {id(r): n for n, r in enumerate(rows)}
                return {s: sorted(v, key=lambda r: order[id(r)]) for s, v in splits.items()}
    raise SystemExit("no split offsets satisfy the held-out coverage rules")


def heldout_ok(split: list[dict[str, str]]) -> bool:
    topics = Counter(r["topic"] for r in split)
    cats = Counter(r["category"] for r in split)
    return all(topics[t] >= MIN_IN_HELDOUT for t in TOPICS) and all(cats[c] >= MIN_IN_HELDOUT for c in CATEGORIES)


def near_duplicates(splits: dict[str, list[dict[str, str]]], threshold: float = 0.7) -> list[str]:
    """Instruction pairs in different splits whose word sets overlap strongly (possible paraphrases)."""
    found = []
    items = [(s, r) for s in SPLIT_NAMES for r in splits[s]]
    sets = [word_set(r["instruction"]) for _, r in items]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i][0] == items[j][0] or not sets[i] or not sets[j]:
                continue
            jac = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
            if jac >= threshold:
                found.append(f"{jac:.2f} [{items[i][0]}] {items[i][1]['instruction'][:70]!r} ~ "
                             f"[{items[j][0]}] {items[j][1]['instruction'][:70]!r}")
    return found


def counts_markdown(splits: dict[str, list[dict[str, str]]]) -> str:
    all_rows = [r for s in SPLIT_NAMES for r in splits[s]]
    lines = [f"Total: **{len(all_rows)}** pairs "
             f"(train {len(splits['train'])}, val {len(splits['val'])}, test {len(splits['test'])}).", ""]
    for field, values in (("topic", TOPICS), ("category", CATEGORIES)):
        lines.append(f"| {field} | train | val | test | total |")
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        for v in values:
            per = [sum(1 for r in splits[s] if r[field] == v) for s in SPLIT_NAMES]
            lines.append(f"| `{v}` | {per[0]} | {per[1]} | {per[2]} | {sum(per)} |")
        per = [len(splits[s]) for s in SPLIT_NAMES]
        lines.append(f"| **total** | {per[0]} | {per[1]} | {per[2]} | {sum(per)} |")
        lines.append("")
    words = [len(r["response"].split()) for r in all_rows]
    blocks = sum(len(re.findall(r"```ts\n", r["response"])) for r in all_rows)
    lines.append(f"Response length: {min(words)}–{max(words)} words (mean {sum(words) / len(words):.0f}), "
                 f"code included. Responses hold {blocks} ```ts code blocks in all.")
    return "\n".join(lines)


def update_readme(text: str) -> None:
    path = HERE / "README.md"
    if not path.exists():
        return
    readme = path.read_text(encoding="utf-8")
    if COUNTS_START not in readme or COUNTS_END not in readme:
        print("warning: README.md has no counts markers", file=sys.stderr)
        return
    head, rest = readme.split(COUNTS_START, 1)
    _, tail = rest.split(COUNTS_END, 1)
    new = f"{head}{COUNTS_START}\n{text}\n{COUNTS_END}{tail}"
    if new != readme:
        path.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the typescript-tutor dataset.")
    parser.add_argument("--check", action="store_true", help="validate only; write nothing")
    args = parser.parse_args()
    rows = load_rows()
    errors = validate(rows)
    if errors:
        for e in errors:
            print(f"ERROR {e}")
        return 1
    splits = assign_splits(rows)
    for warning in near_duplicates(splits):
        print(f"warning: possible paraphrase across splits: {warning}")
    if not args.check:
        for s in SPLIT_NAMES:
            with (HERE / f"{s}.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
                for row in splits[s]:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    text = counts_markdown(splits)
    if not args.check:
        update_readme(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
