"""Sentences and clauses of an article, as character offsets into its text.

Arabic news runs long sentences of comma-joined clauses (، ؛) and و-chains; English wire copy
uses full stops and commas. A clause is the smallest stretch the later stages reason about
(a date or a number belongs to the trigger of its own clause first); a sentence bounds how far
an actor, a place or a number can travel to the event it belongs to.
"""
from __future__ import annotations

import re

# A full stop, question or exclamation mark or semicolon (Latin or Arabic) followed by space, or a
# line break. A semicolon joins two statements, each with its own event, place and sides.
# (each pattern opens with a look-ahead at its possible first characters: re then skips ahead
# to those characters in C instead of trying every alternative at every offset)
_SENTENCE_END = re.compile(r"(?=[.!?؟;؛\n])(?:[.!?؟;؛]+[\"'”»)]*(?=\s)|\n+)")
# Clause separators: Arabic and Latin comma/semicolon, colon, a spaced dash.
# A mark that ends a clause (or a sentence): what stops a name, a cue or a qualifier reaching further.
CLAUSE_MARK = re.compile(r"[،,؛;.\n]")


def crosses_clause(text: str, a: int, b: int) -> bool:
    """A clause mark between offsets a and b (one C search, not a loop per character)."""
    return CLAUSE_MARK.search(text, a, b) is not None


_CLAUSE_SEP = re.compile(r"(?=[،؛;,:\s])(?:[،؛;,:]|\s[-–—]\s)")
_LAST_WORD = re.compile(r"[\w.'’]*$")              # Dar'a is a word, not the initial a
# Words after which a full stop does not end the sentence (U.S. forces, Gen. Smith).
_ABBREVIATIONS = {"u.s", "u.k", "u.n", "mr", "mrs", "dr", "gen", "lt", "col", "maj", "capt", "sgt",
                  "no", "st", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "vs", "approx", "a.m", "p.m"}


class Sentence:
    """A sentence's offsets; its clauses are split on first use (most sentences never need them)."""

    __slots__ = ("start", "end", "_text", "_clauses")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self._text, self._clauses = start, end, text, None

    @property
    def clauses(self) -> tuple[tuple[int, int], ...]:
        if self._clauses is None:
            self._clauses = split_clauses(self._text, self.start, self.end)
        return self._clauses

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end})"

    def clause_at(self, offset: int) -> tuple[int, int]:
        for c in self.clauses:
            if c[0] <= offset < c[1]:
                return c
        return (self.start, self.end)


def _ends_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` closes an abbreviation, not a sentence."""
    word = _LAST_WORD.search(text[max(0, stop - 8):stop]).group(0).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isascii())


# The stretch from the first to the last non-space character (re's \s is str.isspace): one C call
# trims a sentence or clause, instead of slicing and stripping it.
_CONTENT = re.compile(r"\S(?:.*\S)?", re.S)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the spaces around it, as offsets; empty (end, end) if all space."""
    m = _CONTENT.search(text, start, end) if start < end else None
    return m.span() if m else (end, end)


def split_clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Clauses of text[start:end], trimmed of spaces; separators belong to no clause."""
    out, pos = [], start
    for m in _CLAUSE_SEP.finditer(text, start, end):
        # a comma between digits is a thousands separator, not a clause break
        if m.group(0) == "," and 0 < m.start() < len(text) - 1 and text[m.start() - 1].isdigit() \
                and text[m.start() + 1].isdigit():
            continue
        s, e = _trim(text, pos, m.start())
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = _trim(text, pos, end)
    if e > s:
        out.append((s, e))
    return tuple(out)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, each with its clauses; offsets into `text`."""
    sentences, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0)[0] == "." and _ends_abbreviation(text, m.start()):
            continue
        s, e = _trim(text, pos, m.end())
        if e > s:
            sentences.append(Sentence(s, e, text))
        pos = m.end()
    s, e = _trim(text, pos, len(text))
    if e > s:
        sentences.append(Sentence(s, e, text))
    return sentences


HEADLINE_MAX_CHARS = 160


def headline_end(text: str) -> int:
    """End offset of a headline (a short first line followed by a blank line), or 0 if none.
    A headline repeats the report's events in brief; the events stage does not locate events there."""
    first = text.find("\n")
    if first <= 0 or first > HEADLINE_MAX_CHARS:
        return 0
    line = text[:first].strip()
    if not line or line[-1] in ".!?؟" or not text[first:].strip():
        return 0
    return first
