"""Errors the gazetteer reports to a user: one line, naming the file or the input and the problem."""
from __future__ import annotations

from extract.errors import StrikemapError


class GazetteerInputError(StrikemapError, ValueError):
    """A lookup name that cannot be used (empty, too long, not text)."""


class GazetteerDataError(StrikemapError):
    """A gazetteer data file is missing or has a bad line."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = path, problem, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
