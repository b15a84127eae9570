#!/usr/bin/env python3
"""Compile every ```ts block of the typescript-tutor responses with the TypeScript compiler.

Each ```ts block found in a `response` of train.jsonl, val.jsonl and test.jsonl is written to
its own temporary .ts file, and all of them are type-checked in a single compiler run with the
options `--strict --noEmit --target es2022` (plus `types: []`, so nothing installed elsewhere
leaks in). Every block must be a module (contain an `import` or `export`), so blocks never
share a global scope. Blocks fenced ```ts-error (intentionally broken code, used only in
instructions) are not compiled.

The compiler is, in order: `--tsc PATH`, `tsc` on PATH, or `npx --no-install tsc`.

Exit status: 0 when every block compiles, 1 when some block fails (each failure is listed as
`file:line` of the JSONL row), 2 when no compiler is found.

With `--check-broken` it also compiles the ```ts-error blocks of the instructions and checks
that each one really fails, and that every `TSnnnn: message` quoted in the instruction is
among the errors the compiler reports for that block.

Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("train.jsonl", "val.jsonl", "test.jsonl")
TS_BLOCK = re.compile(r"```ts\n(.*?)```", re.DOTALL)
BROKEN_BLOCK = re.compile(r"```ts-error\n(.*?)```", re.DOTALL)
MODULE_MARK = re.compile(r"^\s*(export|import)\b", re.MULTILINE)
QUOTED_ERROR = re.compile(r"TS(\d{4,5}): ([^`\n]+)")
DIAG = re.compile(r"^(?:.*[\\/])?(b\d+\.ts)\((\d+),(\d+)\): error (TS\d+): (.*)$")
OPTIONS = {"strict": True, "noEmit": True, "target": "es2022", "types": []}


def find_compiler(explicit: str | None) -> list[str] | None:
    if explicit:
        path = Path(explicit)
        return [str(path)] if path.exists() or shutil.which(explicit) else None
    found = shutil.which("tsc")
    if found:
        return [found]
    npx = shutil.which("npx")
    if npx:
        probe = subprocess.run([npx, "--no-install", "tsc", "--version"], capture_output=True, text=True)
        if probe.returncode == 0 and "Version" in probe.stdout:
            return [npx, "--no-install", "tsc"]
    return None


def collect(data_dir: Path, field: str, pattern: re.Pattern[str]) -> list[tuple[str, int, int, str, str]]:
    """(file, jsonl line, block number in the row, code, full field text) for each block."""
    blocks = []
    for name in SPLITS:
        path = data_dir / name
        if not path.exists():
            print(f"warning: {path} not found", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                text = json.loads(line)[field]
                for i, match in enumerate(pattern.finditer(text), 1):
                    blocks.append((name, lineno, i, match.group(1), text))
    return blocks


def compile_blocks(compiler: list[str], codes: list[str], extra: dict) -> tuple[int, dict[str, list[str]], str]:
    """Compile each code in its own file, in one run; diagnostics by file name."""
    with tempfile.TemporaryDirectory(prefix="ts-tutor-") as tmp:
        tmpdir = Path(tmp)
        names = []
        for n, code in enumerate(codes):
            name = f"b{n:04d}.ts"
            (tmpdir / name).write_text(code, encoding="utf-8")
            names.append(name)
        config = {"compilerOptions": {**OPTIONS, **extra}, "files": names}
        (tmpdir / "tsconfig.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
        # Run from the current directory: `npx --no-install tsc` finds a local install there.
        proc = subprocess.run(
            compiler + ["-p", str(tmpdir / "tsconfig.json"), "--pretty", "false"],
            capture_output=True, text=True,
        )
    diags: dict[str, list[str]] = {}
    for raw in (proc.stdout + proc.stderr).splitlines():
        m = DIAG.match(raw.strip())
        if m:
            diags.setdefault(m.group(1), []).append(f"line {m.group(2)}: {m.group(4)}: {m.group(5)}")
    return proc.returncode, diags, proc.stdout + proc.stderr


def check_responses(compiler: list[str], data_dir: Path) -> int:
    blocks = collect(data_dir, "response", TS_BLOCK)
    if not blocks:
        print("no ```ts blocks found")
        return 1
    failures = []
    rc, diags, output = compile_blocks(compiler, [b[3] for b in blocks], {})
    for n, (name, line, i, code, _) in enumerate(blocks):
        if not MODULE_MARK.search(code):
            failures.append(f"{name}:{line} (block {i}): not a module; add `export {{}};`")
        for d in diags.get(f"b{n:04d}.ts", []):
            failures.append(f"{name}:{line} (block {i}, {d})")
    if rc != 0 and not diags:
        print(output.strip())
        failures.append("compiler failed without per-block diagnostics (see output above)")
    print(f"compiled {len(blocks)} ```ts blocks from {len(set((b[0], b[1]) for b in blocks))} responses")
    for f in failures:
        print(f"FAIL {f}")
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    print("all blocks compile")
    return 0


def check_broken(compiler: list[str], data_dir: Path) -> int:
    blocks = collect(data_dir, "instruction", BROKEN_BLOCK)
    _, diags, _ = compile_blocks(compiler, [b[3] for b in blocks], {"moduleDetection": "force"})
    problems = []
    for n, (name, line, i, _, text) in enumerate(blocks):
        got = diags.get(f"b{n:04d}.ts", [])
        if not got:
            problems.append(f"{name}:{line} (ts-error block {i}): compiles without errors")
            continue
        for code, message in QUOTED_ERROR.findall(text):
            if not any(f"TS{code}: " in d and message.strip() in d for d in got):
                problems.append(f"{name}:{line}: quoted TS{code} '{message}' not reported; got {got}")
    print(f"checked {len(blocks)} ```ts-error blocks")
    for p in problems:
        print(f"FAIL {p}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tsc", help="path to the tsc executable")
    parser.add_argument("--dir", default=str(HERE), help="folder holding the JSONL files")
    parser.add_argument("--check-broken", action="store_true",
                        help="also check that the ```ts-error blocks of instructions fail as quoted")
    args = parser.parse_args(argv)
    compiler = find_compiler(args.tsc)
    if compiler is None:
        print("error: no TypeScript compiler found. Install one (e.g. `npm install --prefix /tmp/tsc "
              "typescript`) and pass `--tsc /tmp/tsc/node_modules/.bin/tsc`, or put `tsc` on PATH.",
              file=sys.stderr)
        return 2
    version = subprocess.run(compiler + ["--version"], capture_output=True, text=True).stdout.strip()
    print(f"compiler: {' '.join(compiler)} ({version})")
    status = check_responses(compiler, Path(args.dir))
    if args.check_broken:
        status = max(status, check_broken(compiler, Path(args.dir)))
    return status


if __name__ == "__main__":
    sys.exit(main())
