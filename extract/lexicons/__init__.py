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
from functools import lru_cache
from operator import itemgetter

import ahocorasick
from typing import NamedTuple
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent

_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
_LETTER_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
               "ی": "ي", "ک": "ك", "’": "'", "‘": "'", "ʿ": "'", "ʾ": "'"}
_AS_SPACE = str.maketrans({"-": " ", "\n": " ", "\t": " ", "\r": " ", "\u00a0": " "})
_DROPPED = re.compile(f"[{_DIACRITICS}]")



_FOLD_PAIRS = [(c, "") for c in _DIACRITICS] + list(_LETTER_MAP.items())
_SPACE_PAIRS = [("-", " "), ("\n", " "), ("\t", " "), ("\r", " "), ("\u00a0", " ")]


def fold(text: str) -> str:
    """The matching form of a lexicon term or of text (may be shorter than `text`)."""
    if text.isascii():
        return text.lower()
    # str.replace per present character is C-fast; str.translate is slow on non-ASCII text
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text.lower()


@lru_cache(maxsize=16384)
def fold_word(word: str) -> str:
    """fold() of one word, remembered: the same few words stand around every event word."""
    return fold(word)


def _as_spaces(folded: str) -> str:
    """Hyphens, line breaks and tabs as spaces (same length)."""
    for char, replacement in _SPACE_PAIRS:
        if char in folded:
            folded = folded.replace(char, replacement)
    return folded


class FoldedText:
    """An article's folded copy plus the map from folded offsets back to the original."""

    __slots__ = ("text", "folded", "matching", "_points", "_dropped", "terms")

    def __init__(self, text: str):
        self.text = text
        self.terms = None            # every shared lexicon's terms, found on the first question
        self.folded = fold(text)
        self.matching = _as_spaces(self.folded)               # same length; hyphens, breaks -> spaces
        # Only diacritics and tatweel are dropped; remember where, as folded positions.
        if len(self.folded) == len(text):
            self._points = self._dropped = None
        else:
            self._dropped = [m.start() for m in _DROPPED.finditer(text)]       # original offsets
            self._points = [i - k for k, i in enumerate(self._dropped)]

    def folded_offset(self, i: int) -> int:
        """Folded offset of original offset `i` (the first kept character at or after it)."""
        if self._points is None:
            return i
        # every dropped character before i shifts it one place left (a dropped one at i too)
        return i - bisect.bisect_left(self._dropped, i)

    def folded_slice(self, a: int, b: int) -> str:
        """The folded copy of text[a:b] (0 <= a <= b <= len(text))."""
        dropped = self._dropped
        if dropped is None:
            return self.folded[a:b]                # nothing dropped: the offsets are the same
        # folded_offset(a), folded_offset(b) written out: called tens of times per article
        return self.folded[a - bisect.bisect_left(dropped, a):b - bisect.bisect_left(dropped, b)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        points = self._points
        if points is None:
            return start, end
        # the original offset written out: every lexicon match of an article with diacritics comes through here
        first = start + bisect.bisect_right(points, start)
        return first, (end + bisect.bisect_right(points, end - 1) if end > start else first)


def read_table(name: str) -> list[list[str]]:
    """Rows of a TSV data file in this folder: comment (#) and blank lines skipped, cells stripped."""
    rows = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


class Match(NamedTuple):
    """A lexicon term found in an article (a named tuple: dozens are made per article)."""
    start: int          # offsets in the ORIGINAL text (prefix clitics included)
    end: int
    term: str           # the folded lexicon term that matched
    value: object       # what the lexicon says about it


# Arabic clitics written attached to a word: conjunction (و ف) then preposition (ب ل ك); after ل
# the article's alef drops (لل).
_CLITIC_LETTERS = frozenset("وفبكل")
_PREFIX_OK = re.compile(r"[وف]?[بكل]?")
_LIL_PREFIX_OK = re.compile(r"[وف]?لل")


_WORD_REST = re.compile(r"\w+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_span(text: str, n: int, start: int, end: int, stem: bool, after_lil: bool) -> tuple[int, int] | None:
    """The word a raw automaton hit text[start:end] stands for (clitics and stem endings included),
    or None when the hit is not on word boundaries."""
    word_start = start
    before = text[start - 1] if start else " "
    if not (before.isalnum() or before == "_"):
        if after_lil:
            return None                                # "القوات" read as "لقوات" needs its ل
    elif before not in _CLITIC_LETTERS:
        return None                                    # inside a longer word (the common case)
    else:
        # a clitic prefix of one to three letters may stand before the term ("والقصف", "للقوات")
        while word_start > 0 and text[word_start - 1] in _CLITIC_LETTERS and start - word_start < 3:
            word_start -= 1
        while word_start < start and word_start > 0 and _is_word_char(text[word_start - 1]):
            word_start += 1                            # not at a word start: give back prefix letters
        if word_start > 0 and _is_word_char(text[word_start - 1]):
            return None                                # inside a longer word
        if not (_LIL_PREFIX_OK if after_lil else _PREFIX_OK).fullmatch(text, word_start, start):
            return None
    if end < n:
        after = text[end]
        if after.isalnum() or after == "_":
            if not stem:
                return None                            # the term is the start of a longer word
            m = _WORD_REST.match(text, end)            # a stem takes the rest of its word
            end = m.end()
    return word_start, end


_START, _END = itemgetter(0), itemgetter(1)
# what Match(a, b, term, value) does, minus the named tuple's Python-level __new__ frame
_new_tuple = tuple.__new__


def _longest_first(hits: list, doc: FoldedText, values: dict) -> list:
    """Non-overlapping hits, leftmost then longest, as (folded start, folded key end, Match)."""
    if not hits:
        return []
    # leftmost, then longest: two stable C-keyed sorts (no Python key call per hit)
    hits.sort(key=_END, reverse=True)
    hits.sort(key=_START)
    out, taken = [], -1
    for word_start, end, key, key_end in hits:
        if word_start < taken:
            continue
        taken = end
        a, b = (word_start, end) if doc._points is None else doc.span(word_start, end)
        out.append((word_start, key_end, _new_tuple(Match, (a, b, key, values[key]))))
    return out


class TermMatcher:
    """Finds lexicon terms in folded text, longest first, at word boundaries.

    A term ending in `*` matches any word that starts with it (verb and plural endings);
    Arabic terms also match with attached clitics (والقصف, بالقصف, للقوات). Hyphens and line
    breaks count as spaces ("air-strike"). Matching runs an Aho-Corasick automaton over the
    text (one pass in C), then keeps the hits that sit on word boundaries.

    `shared=True` (the pipeline's lexicons): every shared matcher is answered from ONE automaton
    pass over the whole article, done on the first question and kept with the FoldedText; a
    question for the range [lo, hi) then keeps the terms that lie in it.
    """

    def __init__(self, entries: dict[str, object], shared: bool = False):
        self.values: dict[str, object] = {}
        self.automaton = ahocorasick.Automaton()
        self.words: list[tuple[str, tuple]] = []
        for term, value in entries.items():
            stem = term.endswith("*")
            key = re.sub(r"\s+", " ", fold(term.rstrip("*")).translate(_AS_SPACE)).strip()
            if not key:
                continue
            self.values[key] = value
            self.automaton.add_word(key, (key, stem, False, len(key)))
            # After the preposition ل an Arabic article loses its alef: ل + القوات -> للقوات.
            if key.startswith("ال") and len(key) > 3 and not self.automaton.exists(key[2:]):
                self.automaton.add_word(key[2:], (key, stem, True, len(key) - 2))
        self.empty = not self.values
        if not self.empty:
            self.automaton.make_automaton()
            self.words = list(self.automaton.items())
        self.shared = shared and not self.empty
        if self.shared:
            _SHARED.append(self)
            _COMBINED.clear()

    def find(self, doc: FoldedText, lo: int = 0, hi: int | None = None) -> list[Match]:
        if self.empty:
            return []
        text = doc.matching
        hi = len(text) if hi is None else min(hi, len(text))
        if hi <= lo:
            return []
        if self.shared:
            found = _shared_terms(doc, self)
            return [m for s, e, m in found if s >= lo and e <= hi]
        hits = []
        n = len(text)
        for last, (key, stem, after_lil, size) in self.automaton.iter(text, lo, hi):
            span = _word_span(text, n, last + 1 - size, last + 1, stem, after_lil)
            if span is not None:
                hits.append((span[0], span[1], key, last + 1))
        return [m for _, _, m in _longest_first(hits, doc, self.values)]


_SHARED: list[TermMatcher] = []
_COMBINED: list = []              # [automaton over every shared matcher's words], rebuilt on a new one


def _combined_automaton():
    if not _COMBINED:
        entries: dict[str, list] = {}
        for i, matcher in enumerate(_SHARED):
            for word, info in matcher.words:
                entries.setdefault(word, []).append((i,) + info)
        automaton = ahocorasick.Automaton()
        for word, infos in entries.items():
            automaton.add_word(word, tuple(infos))
        automaton.make_automaton()
        _COMBINED.append(automaton)
    return _COMBINED[0]


def _shared_terms(doc: FoldedText, matcher: TermMatcher) -> list:
    """`matcher`'s terms in the whole article; one automaton pass finds every shared matcher's
    terms at once and keeps them on `doc`."""
    if doc.terms is None or id(matcher) not in doc.terms:      # (a matcher made after the pass)
        doc.terms = _scan_shared(doc)
    return doc.terms[id(matcher)]


def _scan_shared(doc: FoldedText) -> dict[int, list]:
    text = doc.matching
    n = len(text)
    hits: list[list] = [[] for _ in _SHARED]
    for last, infos in _combined_automaton().iter(text):
        end = last + 1
        after = text[end] if end < n else " "
        inside = after.isalnum() or after == "_"          # the hit runs on into a longer word
        for i, key, stem, after_lil, size in infos:
            if inside and not stem:
                continue
            start = end - size
            before = text[start - 1] if start else " "
            if before.isalnum() or before == "_":
                if before not in _CLITIC_LETTERS:
                    continue                                # inside a longer word
                span = _word_span(text, n, start, end, stem, after_lil)      # a clitic prefix: full check
                if span is not None:
                    hits[i].append((span[0], span[1], key, end))
            elif not after_lil:
                # the common case, a whole word (a stem takes the rest of its word)
                hits[i].append((start, _WORD_REST.match(text, end).end() if inside else end, key, end))
    return {id(m): _longest_first(hits[i], doc, m.values) for i, m in enumerate(_SHARED)}
