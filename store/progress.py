"""A progress bar on stderr for long ingest batches: redrawn in place on a terminal, a line per
tenth of the batch in a log, nothing at all for short batches written to a file or pipe."""
from __future__ import annotations

import sys
import time

LONG_BATCH = 50          # items; below this a non-terminal stream gets no progress lines


class Progress:
    def __init__(self, total: int, label: str = "articles", stream=None, width: int = 30):
        self.total, self.label, self.width = total, label, width
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = total > 0 and (self.tty or total >= LONG_BATCH)
        self._last_tenth = 0

    def advance(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r" + self.line())
            if self.done == self.total:
                self.stream.write("\n")
        else:
            tenth = self.done * 10 // self.total
            if tenth > self._last_tenth:
                self._last_tenth = tenth
                self.stream.write(self.line() + "\n")
        self.stream.flush()

    def line(self) -> str:
        filled = self.width * self.done // self.total
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        return (f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} "
                f"{self.label} ({rate:.1f}/s)")

    def clear_line(self) -> None:
        """Before printing an error on a terminal, so it does not land inside the bar."""
        if self.enabled and self.tty and self.done < self.total:
            self.stream.write("\r" + " " * (self.width + 40) + "\r")
