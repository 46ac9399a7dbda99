"""The errors a user sees. Each names the input and the problem in one line."""
from __future__ import annotations


class StrikemapError(Exception):
    """Base of every error strikemap reports to a user instead of a traceback."""


class InputError(StrikemapError):
    """An input file (or one line of it) cannot be read as an article."""

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source, self.problem, self.line = source, problem, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class StoreError(StrikemapError):
    """The event store cannot be opened or written."""


def run_command(main) -> int:
    """Run a command-line `main()`; when the reader of its output goes away (`| head`), stop
    quietly instead of printing a BrokenPipeError traceback."""
    import os
    import sys
    try:
        return main()
    except BrokenPipeError:
        # Python would report the broken pipe again when flushing stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
