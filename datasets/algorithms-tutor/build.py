#!/usr/bin/env python3
"""Build the algorithms-tutor chat dataset.

Reads the hand-written rows from the ``rows_*.py`` modules in this folder,
assigns every row to a split with a fixed rule, writes ``train.jsonl``,
``val.jsonl`` and ``test.jsonl``, regenerates ``README.md`` with the counts,
validates the result and prints a summary.

Running it twice produces byte-identical files (standard library only, no
randomness, fixed ordering).

Usage:  python3 datasets/algorithms-tutor/build.py [--check]

With ``--check`` nothing is written; the existing files are compared with
what would be generated and the script fails if they differ.
"""

import json
import os
import sys
from collections import Counter

sys.dont_write_bytecode = True  # keep the dataset folder free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import rows_ordenacion  # noqa: E402
import rows_busqueda  # noqa: E402
import rows_grafos  # noqa: E402
import rows_arboles  # noqa: E402
import rows_programacion_dinamica  # noqa: E402
import rows_backtracking  # noqa: E402
import rows_big_o  # noqa: E402
import rows_pilas_colas  # noqa: E402
import rows_hashing  # noqa: E402

MODULES = [
    rows_ordenacion,
    rows_busqueda,
    rows_grafos,
    rows_arboles,
    rows_programacion_dinamica,
    rows_backtracking,
    rows_big_o,
    rows_pilas_colas,
    rows_hashing,
]

SYSTEM = (
    "Eres un tutor de algoritmos paciente que explica en español, paso a paso "
    "y con claridad. En cada respuesta indicas la complejidad en tiempo y en "
    "espacio, señalas un error común y das un ejemplo breve, en Python o como "
    "traza."
)

TOPICS = [
    "ordenacion", "busqueda", "grafos", "arboles", "programacion_dinamica",
    "backtracking", "big_o", "pilas_colas", "hashing",
]
LEVELS = ["basico", "intermedio", "avanzado"]
CATEGORIES = ["definition", "example", "error_correction", "comparison", "complexity"]
SPLITS = ["train", "val", "test"]

# Minimums required by the dataset spec.
MIN_TOTAL = 160
MIN_PER_TOPIC = 14
MIN_PER_LEVEL = 40
MIN_PER_CATEGORY = 25
MIN_PER_CATEGORY_IN_HELDOUT = 2
MIN_MULTI_TURN = 12
# Word limits for every assistant turn (whitespace-separated tokens).
MIN_WORDS, MAX_WORDS = 60, 220
# Upper bound on the characters of a whole row (all message contents). At
# ~2.4 characters per token for this Spanish text, 2300 characters keeps every
# conversation well under 1024 tokens.
MAX_ROW_CHARS = 2300

# Split rule: within each category (rows in module order), every row whose
# index i satisfies i % HOLDOUT_EVERY == HOLDOUT_OFFSET is held out. Held-out
# rows alternate val, test, val, test ... with one counter shared by all
# categories (walked in CATEGORIES order). Each category has >= 25 rows, so it
# gets >= 5 held-out rows and therefore >= 2 in val and >= 2 in test.
HOLDOUT_EVERY = 5
HOLDOUT_OFFSET = 2


def load_rows():
    rows = []
    for mod in MODULES:
        for level, category, turns in mod.ROWS:
            rows.append({
                "topic": mod.TOPIC,
                "level": level,
                "category": category,
                "turns": [t.strip() for t in turns],
            })
    return rows


def assign_splits(rows):
    by_cat = {c: [] for c in CATEGORIES}
    for idx, row in enumerate(rows):
        by_cat[row["category"]].append(idx)
    split_of = {}
    flip = 0
    for cat in CATEGORIES:
        for i, idx in enumerate(by_cat[cat]):
            if i % HOLDOUT_EVERY == HOLDOUT_OFFSET:
                split_of[idx] = "val" if flip % 2 == 0 else "test"
                flip += 1
            else:
                split_of[idx] = "train"
    return [split_of[i] for i in range(len(rows))]


def to_record(row):
    messages = [{"role": "system", "content": SYSTEM}]
    for i, text in enumerate(row["turns"]):
        messages.append({"role": "user" if i % 2 == 0 else "assistant", "content": text})
    return {
        "messages": messages,
        "topic": row["topic"],
        "level": row["level"],
        "category": row["category"],
    }


def render_jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

def validate(split_texts):
    """Re-parse the rendered JSONL text and check every rule. Returns stats."""
    errors = []
    seen_user = {}
    parsed = {}
    for split, text in split_texts.items():
        recs = []
        for n, line in enumerate(text.splitlines(), 1):
            where = f"{split}.jsonl:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: invalid JSON ({exc})")
                continue
            try:  # name the row by topic and question in error messages
                where += f" [{rec['topic']}] {rec['messages'][1]['content'][:50]!r}"
            except (KeyError, IndexError, TypeError):
                pass
            if set(rec) != {"messages", "topic", "level", "category"}:
                errors.append(f"{where}: unexpected keys {sorted(rec)}")
            if rec.get("topic") not in TOPICS:
                errors.append(f"{where}: bad topic {rec.get('topic')!r}")
            if rec.get("level") not in LEVELS:
                errors.append(f"{where}: bad level {rec.get('level')!r}")
            if rec.get("category") not in CATEGORIES:
                errors.append(f"{where}: bad category {rec.get('category')!r}")
            msgs = rec.get("messages", [])
            if len(msgs) < 3 or len(msgs) % 2 == 0:
                errors.append(f"{where}: need system + user/assistant pairs, got {len(msgs)} messages")
            for k, m in enumerate(msgs):
                if set(m) != {"role", "content"}:
                    errors.append(f"{where}: message {k} has keys {sorted(m)}")
                    continue
                want = "system" if k == 0 else ("user" if k % 2 == 1 else "assistant")
                if m["role"] != want:
                    errors.append(f"{where}: message {k} role {m['role']!r}, expected {want!r}")
                if not isinstance(m["content"], str) or not m["content"].strip():
                    errors.append(f"{where}: message {k} is empty")
                    continue
                if k == 0 and m["content"] != SYSTEM:
                    errors.append(f"{where}: system prompt differs")
                if m["role"] == "user":
                    key = " ".join(m["content"].lower().split())
                    if key in seen_user:
                        errors.append(f"{where}: duplicate user message (also {seen_user[key]})")
                    seen_user[key] = where
                if m["role"] == "assistant":
                    c = m["content"]
                    words = len(c.split())
                    if not MIN_WORDS <= words <= MAX_WORDS:
                        errors.append(f"{where}: assistant turn {k} has {words} words")
                    for marker in ("Complejidad:", "Error común:"):
                        if marker not in c:
                            errors.append(f"{where}: assistant turn {k} lacks {marker!r}")
                    if "Ejemplo" not in c and "```" not in c:
                        errors.append(f"{where}: assistant turn {k} lacks an example")
                    if c.count("```") % 2:
                        errors.append(f"{where}: unbalanced code fence")
            if msgs and msgs[-1].get("role") != "assistant":
                errors.append(f"{where}: last message is not from the assistant")
            chars = sum(len(m.get("content", "")) for m in msgs)
            if chars > MAX_ROW_CHARS:
                errors.append(f"{where}: row has {chars} characters (> {MAX_ROW_CHARS})")
            recs.append(rec)
        parsed[split] = recs

    allrecs = [r for s in SPLITS for r in parsed[s]]
    total = len(allrecs)
    by = lambda key, recs: Counter(r[key] for r in recs)  # noqa: E731
    if total < MIN_TOTAL:
        errors.append(f"only {total} examples (< {MIN_TOTAL})")
    for t in TOPICS:
        if by("topic", allrecs)[t] < MIN_PER_TOPIC:
            errors.append(f"topic {t}: {by('topic', allrecs)[t]} (< {MIN_PER_TOPIC})")
    for lv in LEVELS:
        if by("level", allrecs)[lv] < MIN_PER_LEVEL:
            errors.append(f"level {lv}: {by('level', allrecs)[lv]} (< {MIN_PER_LEVEL})")
    for c in CATEGORIES:
        if by("category", allrecs)[c] < MIN_PER_CATEGORY:
            errors.append(f"category {c}: {by('category', allrecs)[c]} (< {MIN_PER_CATEGORY})")
        for s in ("val", "test"):
            n = by("category", parsed[s])[c]
            if n < MIN_PER_CATEGORY_IN_HELDOUT:
                errors.append(f"{s}: category {c} has {n} (< {MIN_PER_CATEGORY_IN_HELDOUT})")
    multi = sum(1 for r in allrecs if len(r["messages"]) > 3)
    if multi < MIN_MULTI_TURN:
        errors.append(f"only {multi} multi-turn rows")
    return errors, parsed


def stats(parsed):
    allrecs = [r for s in SPLITS for r in parsed[s]]
    out = {"total": len(allrecs), "split": {s: len(parsed[s]) for s in SPLITS}}
    for key, names in (("topic", TOPICS), ("level", LEVELS), ("category", CATEGORIES)):
        out[key] = {
            n: {s: sum(1 for r in parsed[s] if r[key] == n) for s in SPLITS}
            for n in names
        }
    out["multi_turn"] = {s: sum(1 for r in parsed[s] if len(r["messages"]) > 3) for s in SPLITS}
    words = [len(m["content"].split()) for r in allrecs for m in r["messages"] if m["role"] == "assistant"]
    out["assistant_words"] = (min(words), round(sum(words) / len(words)), max(words))
    chars = [sum(len(m["content"]) for m in r["messages"]) for r in allrecs]
    out["row_chars"] = (min(chars), round(sum(chars) / len(chars)), max(chars))
    return out


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------

def table(title, key, names, st):
    lines = [f"| {title} | train | val | test | total |", "|---|---:|---:|---:|---:|"]
    for n in names:
        c = st[key][n]
        lines.append(f"| `{n}` | {c['train']} | {c['val']} | {c['test']} | {sum(c.values())} |")
    return "\n".join(lines)


def render_readme(st):
    sp = st["split"]
    mt = st["multi_turn"]
    wmin, wavg, wmax = st["assistant_words"]
    cmin, cavg, cmax = st["row_chars"]
    return f"""# algorithms-tutor

A small Spanish-language chat dataset for fine-tuning an **algorithms tutor**:
a patient assistant that explains sorting, searching, graphs, trees, dynamic
programming, backtracking, Big O analysis, stacks/queues and hashing step by
step. Every answer follows the same shape so that a small model can learn it:

1. a step-by-step explanation (or a worked trace, or the diagnosis of a bug),
2. the time and space complexity (`Complejidad: ...`),
3. a common mistake (`Error común: ...`),
4. a short example (Python in a fenced block, or a hand trace).

Intended use: supervised fine-tuning of Phi-2 (and quick smoke tests on a
~135M model on CPU). Assistant turns are kept between {MIN_WORDS} and {MAX_WORDS} words
(observed: min {wmin}, mean {wavg}, max {wmax}) and whole rows at most
{MAX_ROW_CHARS} characters (observed: min {cmin}, mean {cavg}, max {cmax}, system prompt
included), so a conversation fits in 1024 tokens with room to spare. When the
dataset was written, the SmolLM2-135M-Instruct tokenizer with its chat
template gave 464-829 tokens per row (mean 597); Phi-2's tokenizer was not
measured.

## Files

| File | Rows |
|---|---:|
| `train.jsonl` | {sp['train']} |
| `val.jsonl` | {sp['val']} |
| `test.jsonl` | {sp['test']} |
| **total** | **{st['total']}** |

`build.py` regenerates the three JSONL files and this README from the
`rows_*.py` modules (one module per topic). It uses only the Python standard
library, has no randomness, and rewrites byte-identical files on every run.
It also validates the output and prints the counts:

```bash
python3 datasets/algorithms-tutor/build.py          # write + validate
python3 datasets/algorithms-tutor/build.py --check  # verify files are up to date
```

## Format

Chat format, one JSON object per line (UTF-8, non-ASCII characters written
as-is). Load it in Axolotl with `type: chat_template`; the extra keys
(`topic`, `level`, `category`) are metadata that training ignores and the
evaluation uses to group metrics:

```yaml
chat_template: chatml        # Phi-2's tokenizer has no chat template of its own
datasets:
  - path: datasets/algorithms-tutor/train.jsonl
    ds_type: json
    type: chat_template
    field_messages: messages
    roles_to_train: ["assistant"]
test_datasets:
  - path: datasets/algorithms-tutor/val.jsonl
    ds_type: json
    split: train             # a local JSON file loads as a single "train" split
    type: chat_template
    field_messages: messages
```

`test.jsonl` is kept for the final evaluation and should not be used for
model selection.

Each line has exactly these keys:

```json
{{"messages": [{{"role": "system", "content": "..."}},
              {{"role": "user", "content": "..."}},
              {{"role": "assistant", "content": "..."}}],
 "topic": "grafos", "level": "intermedio", "category": "example"}}
```

- `messages` always starts with the same system message, then alternates
  `user` / `assistant` and ends with `assistant`. {sum(mt.values())} rows are
  multi-turn (user, assistant, user, assistant: the student asks a follow-up);
  train {mt['train']}, val {mt['val']}, test {mt['test']}.
- `topic`: one of {", ".join(f"`{t}`" for t in TOPICS)}.
- `level`: `basico`, `intermedio` or `avanzado`.
- `category` (English identifiers, used by the evaluation to report metrics
  per category):
  - `definition`: what a concept is and how it works;
  - `example`: a worked example or trace;
  - `error_correction`: the student shows buggy code or wrong reasoning and the
    tutor finds and fixes the mistake;
  - `comparison`: two or more techniques side by side;
  - `complexity`: deriving or justifying a time/space complexity.

## System prompt

Identical in every row:

> {SYSTEM}

## Counts

Computed by `build.py` from the generated files.

{table("topic", "topic", TOPICS, st)}

{table("level", "level", LEVELS, st)}

{table("category", "category", CATEGORIES, st)}

## How it was made

All questions and answers were written by the project's developers for this
repository, in Spanish, as Python data in the `rows_*.py` modules; no text was
copied from other sources. Every stated complexity was checked by hand. While
writing, every complete code snippet was executed and the outputs shown in its
comments compared with the real ones (partial snippets, such as a corrected
loop body, were checked inside the full function), and the functions given as
solutions were tested against brute-force references on random inputs.

Split rules (applied by `build.py`, deterministic):

- Rows are grouped by `category`, keeping module order (topic by topic).
  Within each category, the rows at positions 2, 7, 12, ... (`i % {HOLDOUT_EVERY} == {HOLDOUT_OFFSET}`)
  are held out; held-out rows alternate between `val` and `test` using one
  counter shared across categories. Everything else goes to `train`.
- This gives every category at least two rows in both `val` and `test`.
- Each row is a distinct question: no user message appears twice in the
  dataset (checked case- and whitespace-insensitively), so no question is
  shared between splits, and the questions were written so that no split
  contains a paraphrase of a question in another split.
"""


def main():
    check_only = "--check" in sys.argv[1:]
    rows = load_rows()
    splits = assign_splits(rows)
    texts = {
        s: render_jsonl([to_record(r) for r, sp in zip(rows, splits) if sp == s])
        for s in SPLITS
    }
    errors, parsed = validate(texts)
    if errors:
        print("VALIDATION FAILED:")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    st = stats(parsed)
    outputs = {f"{s}.jsonl": texts[s] for s in SPLITS}
    outputs["README.md"] = render_readme(st)

    if check_only:
        stale = []
        for name, content in outputs.items():
            path = os.path.join(HERE, name)
            try:
                with open(path, encoding="utf-8") as fh:
                    if fh.read() != content:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        if stale:
            print("out of date:", ", ".join(stale))
            sys.exit(1)
        print("files are up to date")
    else:
        for name, content in outputs.items():
            with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)

    print(f"total: {st['total']}  " + "  ".join(f"{s}: {st['split'][s]}" for s in SPLITS))
    for key in ("topic", "level", "category"):
        print(f"{key}:")
        for n, c in st[key].items():
            print(f"  {n:24s} total {sum(c.values()):3d}  (train {c['train']}, val {c['val']}, test {c['test']})")
    print("multi-turn rows:", sum(st["multi_turn"].values()), st["multi_turn"])
    print("assistant words (min/mean/max):", st["assistant_words"])
    print("row characters (min/mean/max):", st["row_chars"])


if __name__ == "__main__":
    main()
