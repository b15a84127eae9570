"""Held-out evaluation of a trained run against its base model (make eval, make report).

One module per metric (`nll`, `preference`, `json_validity`, `answers`, `stopping`), each with a
plain function and `main(argv) -> int`; `run` computes what the recipe's `evaluation:` section
asks for and `report` writes reports/<name>/. See evaluation/README.md for the metric names.
"""
