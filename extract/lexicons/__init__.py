"""The extractor's data files (TSV) and the one matcher every lexicon stage uses.

An analyst extends the extractor by adding rows to the TSV files in this folder; no code
changes. Each file starts with `#` comment lines that explain its columns.

Matching runs on a *folded* copy of the article: Arabic letter variants unified (أ إ آ -> ا,
ة -> ه, ى -> ي), diacritics and tatweel dropped, Latin lower-cased. `FoldedText.span` maps a
match in the folded copy back to offsets in the original text, so every annotation keeps
exact offsets into what the user wrote.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent

_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
_LETTER_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
               "ی": "ي", "ک": "ك", "’": "'", "‘": "'", "ʿ": "'", "ʾ": "'"}
_FOLD_TABLE = {ord(c): None for c in _DIACRITICS} | {ord(k): v for k, v in _LETTER_MAP.items()}
_SPACES = re.compile(r"[\s\-]+")
_DROPPED = re.compile(f"[{_DIACRITICS}]")

# Arabic clitics written attached to a word: conjunction (و ف), preposition (ب ل ك), article.
ARABIC_PREFIX = "(?:[وف]?[بكل]?)"


def fold(text: str) -> str:
    """The matching form of a lexicon term or of text (may be shorter than `text`)."""
    return text.translate(_FOLD_TABLE).lower()


class FoldedText:
    """An article's folded copy plus the map from folded offsets back to the original."""

    __slots__ = ("text", "folded", "_points")

    def __init__(self, text: str):
        self.text = text
        self.folded = fold(text)
        # Only diacritics and tatweel are dropped; remember where, as folded positions.
        if len(self.folded) == len(text):
            self._points = None
        else:
            self._points = [m.start() - k for k, m in enumerate(_DROPPED.finditer(text))]

    def orig(self, i: int) -> int:
        """Offset in the original text of folded offset `i` (a kept character)."""
        return i if self._points is None else i + bisect.bisect_right(self._points, i)

    def folded_offset(self, i: int) -> int:
        """Folded offset of original offset `i` (the first kept character at or after it)."""
        if self._points is None:
            return i
        lo, hi = 0, i
        while lo < hi:                      # smallest folded f with orig(f) >= i
            mid = (lo + hi) // 2
            if self.orig(mid) >= i:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self._points is None:
            return start, end
        return self.orig(start), (self.orig(end - 1) + 1 if end > start else self.orig(start))


def _trie_regex(node: dict) -> str:
    """Regex for the words of a trie node; longest alternatives first, spaces match space or hyphen."""
    branches = []
    end = "" in node
    for ch in sorted(k for k in node if k):
        piece = r"[\s\-]+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body


def read_table(name: str) -> list[list[str]]:
    """Rows of a TSV data file in this folder: comment (#) and blank lines skipped, cells stripped."""
    rows = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Match:
    start: int          # offsets in the ORIGINAL text (prefix clitics included)
    end: int
    term: str           # the folded lexicon term that matched
    value: object       # what the lexicon says about it


class TermMatcher:
    """Finds lexicon terms in folded text, longest first, at word boundaries.

    A term ending in `*` matches any word that starts with it (verb and plural endings);
    Arabic terms also match with attached clitics (والقصف, بالقصف, للقوات).
    """

    def __init__(self, entries: dict[str, object]):
        self.values: dict[str, object] = {}
        exact, stems = [], []
        for term, value in entries.items():
            stem = term.endswith("*")
            key = fold(term.rstrip("*")).strip()
            if not key:
                continue
            key = re.sub(r"\s+", " ", key)
            self.values[key] = value
            (stems if stem else exact).append(key)
        self.pattern = self._compile(exact, stems)

    @staticmethod
    def _alternation(keys: list[str]) -> str:
        """One regex for many literal keys, shaped as a trie so the engine does not try each key
        in turn at every position (a flat alternation of hundreds of words is slow)."""
        trie: dict = {}
        for key in set(keys):
            node = trie
            for ch in key:
                node = node.setdefault(ch, {})
            node[""] = True
        return _trie_regex(trie) if trie else "(?!x)x"

    def _compile(self, exact: list[str], stems: list[str]) -> re.Pattern:
        # After the preposition ل an Arabic article loses its alef: ل + القوات -> للقوات.
        self.after_lil = {k[2:]: k for k in exact + stems if k.startswith("ال") and len(k) > 3}
        lil_exact = [k[2:] for k in exact if k.startswith("ال") and len(k) > 3]
        lil_stems = [k[2:] for k in stems if k.startswith("ال") and len(k) > 3]
        alt = self._alternation
        return re.compile(
            rf"(?<!\w)(?:{ARABIC_PREFIX}(?:(?P<e>{alt(exact)})(?!\w)|(?P<s>{alt(stems)})\w*)"
            rf"|[وف]?لل(?:(?P<le>{alt(lil_exact)})(?!\w)|(?P<ls>{alt(lil_stems)})\w*))")

    def find(self, doc: FoldedText, lo: int = 0, hi: int | None = None) -> list[Match]:
        out = []
        folded = doc.folded
        for m in self.pattern.finditer(folded, lo, len(folded) if hi is None else hi):
            key = m.group("e") or m.group("s")
            if key is None:
                key = self.after_lil[_SPACES.sub(" ", m.group("le") or m.group("ls"))]
            elif key not in self.values:
                key = _SPACES.sub(" ", key)
            start, end = doc.span(m.start(), m.end())
            out.append(Match(start, end, key, self.values.get(key)))
        return out


@lru_cache(maxsize=None)
def table_matcher(name: str, key_col: int = 0) -> TermMatcher:
    """A matcher over column `key_col` of a data file; the value is the whole row."""
    return TermMatcher({row[key_col]: row for row in read_table(name) if len(row) > key_col})
