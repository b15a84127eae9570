"""Write a commented starter recipe that validates.

    python -m tools.new_recipe my-use-case        # make new-recipe NAME=my-use-case
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from tools.paths import RECIPES_DIR, display

TEMPLATE = Path(__file__).with_name("templates") / "recipe.yaml"


def write_starter(name: str, directory: Path = RECIPES_DIR) -> Path:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        raise ValueError(f"'{name}': recipe names are kebab-case (lowercase letters, digits and dashes), e.g. my-use-case")
    target = directory / f"{name}.yaml"
    if target.exists():
        raise FileExistsError(f"{display(target)} already exists; pick another NAME or edit that file")
    target.write_text(TEMPLATE.read_text().replace("{name}", name))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.new_recipe", description=__doc__.splitlines()[0])
    parser.add_argument("name")
    args = parser.parse_args(argv)
    try:
        target = write_starter(args.name)
    except (ValueError, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {display(target)}. Next: edit it, then `make validate RECIPE={args.name}` and `make check-data RECIPE={args.name}`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
