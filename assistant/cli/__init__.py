"""The `assistant` command: one subcommand per feature (`main.py`), with the answer and plan
subcommands in `answers.py` and `plan.py`. Errors become one-line messages and exit codes here."""

from .main import build_parser, main

__all__ = ["build_parser", "main"]
