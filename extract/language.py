"""Language of an article, told from its script, and the small text helpers the input stages share.

`detect_language` counts Arabic letters against Latin letters in (a sample of) the text: the
majority script wins, provided there are enough letters to tell; otherwise "und". News text
mixes scripts ("CNN" in an Arabic report, "al-Hasakah" in an English one), so the rule is a
share, not "any Arabic letter means Arabic".

`fold` maps a text to a same-length matching form (Arabic letter variants, Arabic-Indic digits,
case), so a regex run on the folded text gives offsets that are valid in the original.
`read_lexicon` reads the TSV data files under extract/lexicons/.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, starmap

import ahocorasick
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

SAMPLE_CHARS = 1000        # a few sentences decide; keeps detection cheap for long articles
MIN_LETTERS = 3            # fewer letters than this: nothing to go on
# Arabic block, Arabic Supplement, Presentation Forms A and B: letters only (no digits/punctuation).
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def detect_language(text: str) -> str:
    """'ar' when Arabic letters are the majority script, 'en' when Latin letters are, else 'und'."""
    if not text:
        return "und"
    sample = text[:SAMPLE_CHARS]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic + latin < MIN_LETTERS:
        return "und"
    return "ar" if arabic >= latin else "en"


# One character in, one character out, so folded offsets equal original offsets.
_FOLD_PAIRS = [
    ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0671", "\u0627"),  # أ إ آ ٱ -> ا
    ("\u0629", "\u0647"),   # ة -> ه  (teh marbuta is often written as heh)
    ("\u0649", "\u064a"),   # ى -> ي  (alef maqsura is often written as yeh, and the reverse)
    ("\u06cc", "\u064a"),   # Persian yeh -> ي
    ("\u06a9", "\u0643"),   # Persian keheh -> ك
    *[(chr(0x0660 + d), str(d)) for d in range(10)],   # Arabic-Indic digits
    *[(chr(0x06f0 + d), str(d)) for d in range(10)],   # Extended (Persian) digits
    ("\u2013", "-"), ("\u2014", "-"), ("\u2012", "-"), ("\u2212", "-"),   # dashes -> hyphen
    ("\u060c", ","),        # Arabic comma
]
_last_fold: tuple[str, str] = ("", "")


def fold(text: str) -> str:
    """Same-length matching form: Arabic letter variants unified, digits to ASCII, Latin lower-cased."""
    global _last_fold
    if text is _last_fold[0]:
        return _last_fold[1]      # dates and numbers fold the same article one after the other
    folded = text
    for char, replacement in _FOLD_PAIRS:
        if char in folded:        # str.replace per pair is C-fast; str.translate is not, on non-ASCII
            folded = folded.replace(char, replacement)
    lowered = folded.lower()
    # A few characters change length when lower-cased (İ); keep offsets exact in that rare case.
    if len(lowered) != len(folded):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    _last_fold = (text, lowered)
    return lowered


def read_lexicon(name: str) -> list[list[str]]:
    """Rows of a lexicon TSV (tab-separated, '#' comment lines and blank lines skipped)."""
    return [list(row) for row in _read_lexicon_cached(name)]


@lru_cache(maxsize=None)
def _read_lexicon_cached(name: str) -> tuple[tuple[str, ...], ...]:
    rows = []
    with open(LEXICON_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def phrase_alternation(phrases) -> str:
    """A regex (no group captured) matching any of the phrases, built as a trie of characters.

    Python's `re` tries the branches of "a|b|c" one by one at every position; factoring common
    prefixes ("مقتل|مصرع" -> "م(?:قتل|صرع)") keeps a lexicon of hundreds of words fast.
    Longer phrases win over their prefixes ("a number of" before "a"); a space matches any run of
    whitespace.
    """
    trie: dict = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie) if trie else r"(?!x)x"


def _trie_to_regex(node: dict) -> str:
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_to_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy optional tail: the longer phrase is tried first, then the shorter one ending here.
    return f"(?:{body})?" if ends_here else body


_ATTACHED = "وبلف"      # Arabic one-letter words written joined to the next word


def _starts_word(text: str, start: int) -> bool:
    # True when `start` begins a word, allowing up to two attached letters (وب, ول, فل) before it.
    k = start
    while k > 0 and start - k < 2 and text[k - 1] in _ATTACHED:
        k -= 1
    return k == 0 or not text[k - 1].isalnum() or start == k == 0


class KeywordScanner:
    """One fast pass (Aho-Corasick, pyahocorasick) over a text for the words that anchor patterns.

    `groups` maps a name ("months", "killed_after") to its keywords, already folded. A keyword of
    several words is anchored by its longest word; the pattern run in the window around the hit
    checks the rest, starting up to `lead(name)` characters earlier. `scan(text)` returns, for each
    name, the (start, end) spans of whole-word hits.
    """

    def __init__(self, groups: dict[str, list[str]]):
        names_of: dict[str, set[str]] = {}
        self._lead: dict[str, int] = {}
        for name, phrases in groups.items():
            for phrase in phrases:
                words = phrase.split()
                if not words:
                    continue
                # The longest word is the rarest anchor: "days" in "in recent days", not "in".
                anchor = max(words, key=len)
                lead = len(" ".join(words[:words.index(anchor)]))
                self._lead[name] = max(self._lead.get(name, 0), lead + (8 if lead else 0))
                names_of.setdefault(anchor, set()).add(name)
        self._automaton = ahocorasick.Automaton()
        for word, names in names_of.items():
            self._automaton.add_word(word, (len(word), tuple(sorted(names))))
        self._automaton.make_automaton()

    def lead(self, name: str) -> int:
        """How far before its anchor word a phrase of `name` may start (add it to a window's `back`)."""
        return self._lead.get(name, 0)

    def scan(self, text: str) -> dict[str, list[tuple[int, int]]]:
        hits: dict[str, list[tuple[int, int]]] = {}
        size = len(text)
        for last, (length, names) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if (end < size and text[end].isalnum()) or not _starts_word(text, start):
                continue          # a keyword inside a longer word ("اب" in "الارهاب") anchors nothing
            for name in names:
                hits.setdefault(name, []).append((start, end))
        return hits


_ALNUM_RUN = re.compile(r"[^\W_]*")          # characters str.isalnum accepts (\w less the underscore)


def finditer_near(pattern: re.Pattern, hits, text: str, back: int, ahead: int = 80):
    """`pattern.finditer(text)`, run only in windows around keyword hits (see KeywordScanner).

    A full pattern with optional leading parts and look-behinds is tried at every character; the
    keyword scan uses re's fast prefix search instead. Every match must contain a hit and start at
    most `back` characters before it. Windows are merged and end at a word boundary, so a match is
    never cut inside a word.
    """
    if not hits:
        return ()                     # most patterns have no keyword in a given article
    windows: list[list[int]] = []
    size = len(text)
    for hit_start, hit_end in hits:
        start = max(0, hit_start - back)
        end = min(size, hit_end + ahead)
        end = _ALNUM_RUN.match(text, end).end()      # on to the end of the word, in C
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    # a plain function returning a chained iterator: no generator frame resumed per match
    return chain.from_iterable(starmap(pattern.finditer, [(text, start, end) for start, end in windows]))
