"""Check every data file a recipe uses, line by line, before any training.

    python -m tools.check_data                                   # every recipe (make check-data)
    python -m tools.check_data qwen-personal-qa                  # one recipe (make check-data RECIPE=...)
    python -m tools.check_data phi2-tutor --strict               # warnings fail too (STRICT=1)
    python -m tools.check_data tinyllama-json-extractor --no-tokens   # schema/text checks only, no tokenizer

Files: `datasets`, `test_datasets`, `evaluation.nll` (in their recipe format), the evaluation
files `preference`/`answers`/`unanswerable` (their fields), and `evaluation.json_validity`:
when a recipe has it, every answer (`output`) of every formatted file must parse as JSON and
validate against its schema. Checks, each a plain function returning findings:

- every line parses and matches its format (tools/data.py); empty or whitespace-only strings;
- duplicate examples in a file (error) and near-duplicates, same text after lowercasing and
  removing punctuation (warning); leakage, a held-out prompt that is also a training prompt or
  nearly one (error): after lowercasing and removing accents and punctuation, difflib's ratio
  >= 0.9 (over characters for prompts of up to 30 words, over words for longer ones) or a word-set
  Jaccard index >= 0.8 (`similarity()`);
- with the recipe's tokenizer (tools/audit.py): token lengths, examples over `sequence_len`
  (warning), supervised-token fraction, no supervised token or eos not supervised (errors).

Errors exit 1; warnings exit 1 only with `--strict`. Only the tokenizer pass imports torch.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from tools.data import RENAMED_FIELDS, _field_label, check_row, format_of, iter_jsonl, messages_of, resolve_path
from tools.paths import display
from tools.prompting import user_defined
from tools.recipe import Recipe, RecipeError, add_recipe_arguments, all_recipe_paths, load_recipe
from tools.recipe_files import recipe_files

EVAL_FIELDS = {"preference": ("question", "chosen", "rejected"), "answers": ("question", "answer"),
               "unanswerable": ("question",)}
NEAR = "after lowercasing and removing punctuation"
SIMILAR_RATIO = 0.9  # difflib.SequenceMatcher ratio of two normalised prompts...
SIMILAR_JACCARD = 0.8  # ...or the Jaccard index of their word sets, at or above which they leak
SHORT_PROMPT_WORDS = 30  # up to this many words the ratio is over characters, above over words


class Finding(NamedTuple):
    severity: str  # "error" or "warning"
    where: str  # "file:line" or "file"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class FilePlan:
    """One data file and how the recipe uses it."""
    path: Path
    role: str  # "train" or "held-out"
    entry: dict[str, Any] | None = None  # recipe format (datasets/test_datasets/nll entry)
    fields: tuple[str, ...] = ()  # required fields of an evaluation file without a format
    uses: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return display(self.path)


@dataclass
class FileStats:
    rows: int = 0
    bad_lines: set[int] = field(default_factory=set)
    prompts: list[tuple[int, bytes, bytes, str]] = field(default_factory=list)  # (line, exact key, loose key, normalised)
    tokens: list[int] = field(default_factory=list)
    supervised: list[float] = field(default_factory=list)


@dataclass
class Report:
    recipe: str
    findings: list[Finding] = field(default_factory=list)
    files: dict[str, FileStats] = field(default_factory=dict)
    tokenizer: str = ""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0


# ---------------------------------------------------------------- which files
def plan_files(config: dict[str, Any]) -> list[FilePlan]:
    """Every data file of a recipe, once each, with its format, role and uses."""
    plans: dict[Path, FilePlan] = {}

    def add(path: str, role: str, use: str, entry=None, fields=()) -> None:
        resolved = resolve_path(path).resolve()
        plan = plans.setdefault(resolved, FilePlan(resolved, role))
        plan.role = "train" if "train" in (plan.role, role) else role
        plan.entry = plan.entry or entry
        plan.fields = plan.fields or tuple(fields)
        plan.uses.append(use)

    for file in recipe_files(config):
        if file.role == "support":
            continue
        fields = EVAL_FIELDS.get(file.key[-1], ()) if file.key[0] == "evaluation" and file.entry is None else ()
        add(file.path, file.role, file.label.removesuffix(".path"), entry=file.entry, fields=fields)
    for plan in plans.values():  # a file with a recipe format is checked in that format
        if plan.entry is not None:
            plan.fields = ()
    return list(plans.values())


# ---------------------------------------------------------------- text helpers
def exact_key(text: str) -> bytes:
    """Whitespace-collapsed, Unicode-normalised text (hashed): equal means duplicate."""
    return hashlib.blake2b(" ".join(unicodedata.normalize("NFC", text).split()).encode(), digest_size=16).digest()


def loose_key(text: str) -> bytes:
    """Also lowercased and without punctuation: equal but not exact means near-duplicate."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return exact_key(text)


def answer_field(entry: dict[str, Any]) -> str | None:
    kind = entry["type"]
    if kind == "completion":
        return entry.get("field", "text")
    return "output" if kind == "alpaca" else user_defined(kind)["field_output"] if isinstance(kind, dict) else None


def prompt_and_content(obj: dict[str, Any], plan: FilePlan) -> tuple[str, str]:
    """(the prompt text compared for leakage, the whole example compared for duplicates)."""
    sep = "\n\x1f"
    if plan.entry is None:
        return obj["question"], sep.join(obj[f] for f in plan.fields)
    entry, kind = plan.entry, plan.entry["type"]
    if kind == "chat_template":
        messages = messages_of(obj, entry)
        prompt = sep.join(m["content"] for m in messages if m["role"] == "user")
        return prompt, sep.join(f"{m['role']}: {m['content']}" for m in messages)
    if kind == "completion":
        text = obj[answer_field(entry)]
        return text, text
    if format_of(entry) in RENAMED_FIELDS:  # preference pairs / KTO rows: the prompt, then every answer
        names = {canonical: kind.get(key) or canonical for key, canonical in RENAMED_FIELDS[format_of(entry)].items()}
        prompt = str(obj[names["prompt"]])
        return prompt, sep.join(str(obj[n]) for n in names.values())
    if kind == "alpaca":
        names = ("instruction", "input")
    else:
        spec = user_defined(kind)
        names = (spec["field_instruction"], spec["field_input"], spec["field_system"])
    prompt = sep.join(str(obj.get(n) or "") for n in names if n)
    return prompt, prompt + sep + obj[answer_field(entry)]


def _optional_fields(entry: dict[str, Any] | None) -> set[str]:
    if entry is None:
        return set()
    kind = entry["type"]
    if kind == "alpaca":
        return {"input"}
    if isinstance(kind, dict) and format_of(entry) in RENAMED_FIELDS:
        return {kind.get("field_system") or "system"}
    if isinstance(kind, dict):
        spec = user_defined(kind)
        return {spec["field_input"], spec["field_system"]}
    return set()


def empty_strings(obj: Any, allowed: set[str], path: tuple = ()) -> list[str]:
    """Labels of every empty or whitespace-only string in a row (allowed top-level fields skipped)."""
    if isinstance(obj, str):
        return [_field_label(list(path))] if not obj.strip() and not (len(path) == 1 and path[0] in allowed) else []
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    return [label for key, value in items for label in empty_strings(value, allowed, path + (key,))]


# ---------------------------------------------------------------- checks (each returns findings)
def check_row_text(obj: Any, plan: FilePlan) -> list[tuple[str, str]]:
    """(severity, problem) of one parsed row: format, required fields, empty strings."""
    if plan.entry is not None:
        problems = [("error", p) for p in dict.fromkeys(check_row(obj, plan.entry))]
    elif not isinstance(obj, dict):
        return [("error", f"expected a JSON object, got {type(obj).__name__}")]
    else:
        problems = [("error", f"missing field '{f}'") for f in plan.fields if f not in obj]
        problems += [("error", f"field '{f}' must be a string, not {type(obj[f]).__name__}")
                     for f in plan.fields if f in obj and not isinstance(obj[f], str)]
    if isinstance(obj, dict):
        known = {p for _, p in problems}
        required = set(plan.fields) | ({answer_field(plan.entry)} if plan.entry else set())
        for label in empty_strings(obj, _optional_fields(plan.entry)):
            message = f"field '{label}' is empty"
            if message not in known:
                problems.append(("error" if label in required else "warning", message))
    return problems


def check_json_output(obj: dict[str, Any], plan: FilePlan, validator) -> list[str]:
    """Problems of the answer as a JSON document against the json_validity schema."""
    kind = plan.entry["type"]
    text = messages_of(obj, plan.entry)[-1]["content"] if kind == "chat_template" else obj[answer_field(plan.entry)]
    name = "the last assistant message" if kind == "chat_template" else f"field '{answer_field(plan.entry)}'"
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [f"{name} is not valid JSON ({error.msg} at column {error.colno})"]
    return [f"{name}: JSON does not match the schema at '{_field_label(list(e.absolute_path)) or '(root)'}': {e.message}"
            for e in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))]


def check_file(plan: FilePlan, stats: FileStats, validator=None) -> list[Finding]:
    """Stream one file: parse, format, empty strings, JSON answers, duplicates and near-duplicates."""
    source = plan.source
    if not plan.path.is_file():
        stats.bad_lines.add(0)
        return [Finding("error", source, "file not found")]
    findings: list[Finding] = []
    contents: dict[bytes, int] = {}
    loose_contents: dict[bytes, int] = {}
    for number, obj, parse_error in iter_jsonl(plan.path):
        stats.rows += 1
        where = f"{source}:{number}"
        problems = [("error", parse_error)] if parse_error else check_row_text(obj, plan)
        findings += [Finding(severity, where, p) for severity, p in problems]
        if any(severity == "error" for severity, _ in problems):
            stats.bad_lines.add(number)
            continue
        if validator is not None and plan.entry is not None:
            findings += [Finding("error", where, p) for p in check_json_output(obj, plan, validator)]
        prompt, content = prompt_and_content(obj, plan)
        exact, loose = exact_key(content), loose_key(content)
        if exact in contents:
            findings.append(Finding("error", where, f"duplicate example: same content as line {contents[exact]}"))
        elif loose in loose_contents:
            findings.append(Finding("warning", where, f"near-duplicate of line {loose_contents[loose]}: same text {NEAR}"))
        contents.setdefault(exact, number)
        loose_contents.setdefault(loose, number)
        stats.prompts.append((number, exact_key(prompt), loose_key(prompt), normalise(prompt)))
    if stats.rows == 0:
        findings.append(Finding("error", source, "no examples (the file is empty)"))
    return findings


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed, spaces collapsed: what `similarity` compares."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def similarity(a: str, b: str) -> tuple[float, str]:
    """(score, measure) of two normalised prompts; leaking when score >= its threshold (see the module doc).

    The ratio is over characters for short prompts (questions differ by a word or two) and over
    words for long ones (reports, conversations), where comparing characters would be slow and
    every text shares most letters. The quick upper bounds skip pairs that cannot reach it."""
    words_a, words_b = a.split(), b.split()
    union = set(words_a) | set(words_b)
    jaccard = len(set(words_a) & set(words_b)) / len(union) if union else 1.0
    if jaccard >= SIMILAR_JACCARD:
        return jaccard, "word Jaccard"
    short = max(len(words_a), len(words_b)) <= SHORT_PROMPT_WORDS
    matcher = difflib.SequenceMatcher(None, a if short else words_a, b if short else words_b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR_RATIO or matcher.quick_ratio() < SIMILAR_RATIO:
        return jaccard, "word Jaccard"
    return matcher.ratio(), "character ratio" if short else "word ratio"


def check_leakage(plans: list[FilePlan], stats: dict[str, FileStats]) -> list[Finding]:
    """Held-out rows whose prompt is a training prompt, exactly or nearly (`similarity`); both errors."""
    train: list[tuple[str, bytes, str]] = []
    exact: dict[bytes, str] = {}
    for plan in plans:
        if plan.role == "train":
            for number, exact_prompt, _, text in stats[plan.source].prompts:
                exact.setdefault(exact_prompt, f"{plan.source}:{number}")
                train.append((f"{plan.source}:{number}", exact_prompt, text))
    findings = []
    for plan in plans:
        if plan.role == "train":
            continue
        for number, exact_prompt, _, text in stats[plan.source].prompts:
            where = f"{plan.source}:{number}"
            if exact_prompt in exact:
                findings.append(Finding("error", where, f"leakage: the same prompt is in training data at {exact[exact_prompt]}"))
                continue
            for source, _, other in train:
                score, measure = similarity(text, other)
                threshold = SIMILAR_JACCARD if measure == "word Jaccard" else SIMILAR_RATIO
                if score >= threshold:
                    findings.append(Finding("error", where, f"near-leakage: the prompt is nearly the training prompt at "
                                                            f"{source} ({measure} {score:.2f} >= {threshold})"))
                    break
    return findings


# ---------------------------------------------------------------- one recipe
def check_recipe(recipe: Recipe, tokens: bool = True) -> Report:
    """All checks of one recipe's data; the tokenizer pass runs only when `tokens` is true."""
    config = recipe.config
    report = Report(recipe.name)
    plans = plan_files(config)
    validator = None
    json_validity = (config.get("evaluation") or {}).get("json_validity") or {}
    if json_validity.get("schema"):
        from jsonschema import Draft202012Validator

        validator = Draft202012Validator(json.loads(resolve_path(json_validity["schema"]).read_text()))
    for plan in plans:
        stats = report.files[plan.source] = FileStats()
        report.findings += check_file(plan, stats, validator)
    report.findings += check_leakage(plans, report.files)
    if tokens:
        from tools.audit import audit_file, load_audit_tokenizer

        tokenizer, report.tokenizer = load_audit_tokenizer(config)
        for plan in plans:
            stats = report.files[plan.source]
            if plan.entry is not None and 0 not in stats.bad_lines:
                found = audit_file(plan.path, plan.entry, stats.bad_lines, tokenizer, config, stats.tokens, stats.supervised)
                report.findings += [Finding(*f) for f in found]
    return report


# ---------------------------------------------------------------- output
def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * q // 100) - 1)] if q < 100 else ordered[-1]


def summary_table(report: Report) -> str:
    header = ("file", "rows", "errors", "warnings", "tokens min/med/p95/max", "supervised mean/min")
    lines = [header]
    for source, stats in report.files.items():
        mine = [f for f in report.findings if f.where == source or f.where.startswith(source + ":")]
        tok = stats.tokens
        tokens = "/".join(str(int(v)) for v in (min(tok), _percentile(tok, 50), _percentile(tok, 95), max(tok))) if tok else "-"
        sup = stats.supervised
        supervised = f"{sum(sup) / len(sup):.2f}/{min(sup):.2f}" if sup else "-"
        lines.append((source, str(stats.rows), str(sum(f.severity == "error" for f in mine)),
                      str(sum(f.severity == "warning" for f in mine)), tokens, supervised))
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in lines)


def print_report(report: Report, strict: bool) -> None:
    print(f"== {report.recipe}")
    if report.tokenizer:
        print(f"tokenizer: {report.tokenizer}")
    for title, items in (("errors", report.errors), ("warnings", report.warnings)):
        if items:
            print(f"{len(items)} {title}:")
            for finding in items:
                print(f"  {finding}")
    print(summary_table(report))
    verdict = "FAIL" if report.exit_code(strict) else "ok"
    print(f"{verdict}: {len(report.errors)} errors, {len(report.warnings)} warnings" + (" (--strict: warnings fail)" if strict else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.check_data", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser, recipe_required=False)
    parser.add_argument("--strict", action="store_true", help="warnings (long examples, near-duplicates) fail too")
    parser.add_argument("--no-tokens", action="store_true", help="skip the tokenizer pass (lengths, supervision audit)")
    args = parser.parse_args(argv)
    targets = [args.recipe] if args.recipe else all_recipe_paths()
    if not targets:
        print("error: no recipes found in recipes/", file=sys.stderr)
        return 1
    status, failed = 0, []
    for target in targets:
        try:
            recipe = load_recipe(target, model=args.model or None, overrides=args.overrides, profile=args.profile or None)
        except RecipeError as error:
            target = target if isinstance(target, str) else display(target)
            print(f"== {target}\nFAIL: the recipe is invalid:")
            for line in error.errors:
                print(f"  {line}")
            status = 1
            failed.append(str(target))
            continue
        report = check_recipe(recipe, tokens=not args.no_tokens)
        print_report(report, args.strict)
        status = max(status, report.exit_code(args.strict))
        failed += [report.recipe] if report.exit_code(args.strict) else []
    if len(targets) > 1:
        print(f"\n{len(targets) - len(failed)} of {len(targets)} recipes passed" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return status


if __name__ == "__main__":
    sys.exit(main())
