"""The extractor's data files (TSV) and the one matcher every lexicon stage uses.

An analyst extends the extractor by adding rows to the TSV files in this folder; no code
changes. Each file starts with `#` comment lines that explain its columns.

Matching runs on a *folded* copy of the article: Arabic letter variants unified (أ إ آ -> ا,
ة -> ه, ى -> ي), diacritics and tatweel dropped, Latin lower-cased. `FoldedText.span` maps a
match in the folded copy back to offsets in the original text, so every annotation keeps
exact offsets into what the user wrote.
"""
from __future__ import annotations

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

    __slots__ = ("text", "folded", "_index")

    def __init__(self, text: str):
        self.text = text
        self.folded = fold(text)
        # Only text with diacritics or tatweel changes length; then keep an index map.
        if len(self.folded) == len(text):
            self._index = None
        else:
            self._index = [i for i, ch in enumerate(text) if not _DROPPED.match(ch)]
            self._index.append(len(text))

    def orig(self, i: int) -> int:
        """Offset in the original text of folded offset `i`."""
        return i if self._index is None else self._index[i]

    def folded_offset(self, i: int) -> int:
        """Folded offset of original offset `i` (the first kept character at or after it)."""
        if self._index is None:
            return i
        import bisect
        return bisect.bisect_left(self._index, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self._index is None:
            return start, end
        return self._index[start], (self._index[end - 1] + 1 if end > start else self._index[start])


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
        keys = sorted(set(keys), key=len, reverse=True)
        return "|".join(re.escape(k).replace(r"\ ", r"[\s\-]+") for k in keys) or "(?!x)x"

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
