"""Normalise Arabic and Latin text for name matching, keeping a map back to the original.

Pure functions. The same normalisation is applied to gazetteer names and to article text,
so a name matches however the outlet vocalised, hyphenated or capitalised it.
"""
from __future__ import annotations

import re
import unicodedata

# Arabic letter forms that news writes interchangeably (hamza seats, ta marbuta, alef maqsura),
# plus the Persian/Kurdish letter shapes that GeoNames sometimes uses for Arabic names.
_ARABIC_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ة": "ه", "ى": "ي",
    "ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ڪ": "ك", "ە": "ه", "ۀ": "ه", "ۃ": "ه", "ھ": "ه", "ہ": "ه", "ے": "ي",
}
# Arabic-Indic and Eastern (Persian) digits to ASCII.
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
TATWEEL = "\u0640"
# Marks that carry no letter: apostrophes and the ayn/hamza signs of transliteration (‘Ayn, Dar'a).
_DROPPED_MARKS = set("'`´ʹʻʼʽʾʿˀˈ‘’‛′ʔ\u200c\u200d\u200e\u200f\u061c\ufeff")
# Latin letters that Unicode does not decompose into a base letter + accent.
_LATIN_SPECIAL = {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss",
                  "æ": "ae", "œ": "oe", "ħ": "h", "ŧ": "t", "ə": "e"}


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"


def _fold_char(ch: str) -> str:
    """The normalised form of one character: '' to drop it, ' ' for a separator."""
    if ch in _DROPPED_MARKS:
        return ""
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch == TATWEEL:
        return ""
    if ch in _ARABIC_LETTERS:
        return _ARABIC_LETTERS[ch]
    cat = unicodedata.category(ch)
    if cat.startswith("M") or cat == "Cf":      # harakat, shadda, sukun, superscript alef, accents
        return ""
    if _is_arabic(ch):
        if cat.startswith("L") or cat.startswith("N"):
            # presentation forms (ﻻ) decompose to ordinary letters
            return "".join(_fold_char(c) for c in unicodedata.normalize("NFKC", ch)) if ch >= "\ufb50" else ch
        return " "                                # ، ؛ ؟ and other Arabic punctuation
    if not (cat.startswith("L") or cat.startswith("N")):
        return " "
    low = ch.casefold()
    out = []
    for c in low:
        c = _LATIN_SPECIAL.get(c, c)
        out.append("".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d)))
    return "".join(out)


_FOLD_CACHE: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """Cached `_fold_char`; article text repeats a small alphabet."""
    r = _FOLD_CACHE.get(ch)
    if r is None:
        r = _FOLD_CACHE[ch] = _fold_char(ch)
    return r


_DROP = "\x00"                    # stands for a dropped mark while the text keeps its length
# where the folded text is not "one kept character per offset": a run of separators and dropped
# marks longer than one, a lone dropped mark, a separator at either end
# (the look-ahead lets re skip in C to the next space or mark instead of trying each alternative)
_IRREGULAR = re.compile(r"(?=[ \x00])(?:[ \x00]{2,}|\x00|^ | $)")
_UNSAFE = _DROP * 2                 # a fold that changes the length: the text takes the slow path


class _SameLengthFolds(dict):
    """str.translate table: code point -> its one-character fold (_DROP for a dropped mark), or
    _UNSAFE for a character that folds to several or changes again when folded twice."""

    def __missing__(self, code: int) -> str:
        r = fold_char(chr(code)) or _DROP
        if len(r) != 1 or (r != _DROP and fold_char(r) != r):
            r = _UNSAFE
        self[code] = r
        return r


_SAME_LENGTH = _SameLengthFolds()


def _same_length_fold(text: str) -> str | None:
    """`text` with every character replaced by its one-character fold, dropped marks as _DROP
    (same length, so offsets stay put); None when some character folds otherwise (the
    character-by-character path handles those)."""
    if _DROP in text:
        return None
    folded = text.translate(_SAME_LENGTH)
    return folded if len(folded) == len(text) else None


_TABLE_LIMIT = 1 << 16             # longer texts use range(): the table would hold too many ints
_OFFSETS: list[int] = []


def _offset_table(n: int) -> list[int]:
    """[0, 1, ..., n] at least, kept between calls."""
    if len(_OFFSETS) <= n:
        _OFFSETS.extend(range(len(_OFFSETS), 2 * n + 2))
    return _OFFSETS


def normalize_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """Normalise `text`; return (normalised, starts, ends) where normalised[i] came from
    text[starts[i]:ends[i]]. Separators are collapsed to one space, none leading or trailing."""
    folded = _same_length_fold(text)
    if folded is None:
        return _normalize_by_character(text)
    # Between irregular runs every character is kept at its own offset: copy those stretches
    # whole (a Python step per run, not per character).
    n = len(folded)
    # offset runs are sliced from a table of ready-made ints (a slice shares them; range would
    # make a new int object for every offset above 256)
    ints = _offset_table(n) if n < _TABLE_LIMIT else range(n + 1)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kept_from = 0
    for run in _IRREGULAR.finditer(folded):
        s, e = run.span()
        pieces.append(folded[kept_from:s])
        starts.extend(ints[kept_from:s])
        ends.extend(ints[kept_from + 1:s + 1])
        marks = run.group()
        leading_marks = len(marks) - len(marks.lstrip(_DROP))
        if s and leading_marks:
            ends[-1] = s + leading_marks          # a dropped mark belongs to the letter before it
        if s and e < n and " " in marks:
            gap = s + leading_marks               # the run's first separator stands for all of it
            pieces.append(" ")
            starts.append(gap)
            ends.append(gap + 1)
        kept_from = e
    pieces.append(folded[kept_from:])
    starts.extend(ints[kept_from:n])
    ends.extend(ints[kept_from + 1:n + 1])
    return "".join(pieces), starts, ends


def _normalize_by_character(text: str) -> tuple[str, list[int], list[int]]:
    """normalize_with_offsets one character at a time (for characters that fold to several)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cache = _FOLD_CACHE
    for i, ch in enumerate(text):
        r = cache.get(ch)
        if r is None:
            r = fold_char(ch)
        if not r:
            # a dropped mark belongs to the letter before it (a vowel sign on the last letter)
            if out and out[-1] != " ":
                ends[-1] = i + 1
            continue
        for c in r:
            if c == " ":
                if not out or out[-1] == " ":
                    continue
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
    if out and out[-1] == " ":
        out.pop(); starts.pop(); ends.pop()
    return "".join(out), starts, ends


def normalize_name(text: str) -> str:
    """Arabic and Latin normalisation together: the form every match key starts from."""
    return "".join(_fold_fast(text)).strip()


def _fold_fast(text: str):
    prev_space = True
    for ch in text:
        r = _FOLD_CACHE.get(ch)
        if r is None:
            r = fold_char(ch)
        for c in r:
            if c == " ":
                if prev_space:
                    continue
                prev_space = True
            else:
                prev_space = False
            yield c


def normalize_arabic(text: str) -> str:
    """Arabic only: diacritics and tatweel removed, alef/hamza/ta marbuta/alef maqsura unified,
    Arabic-Indic digits to ASCII. Other characters are left as they are."""
    out = []
    for ch in text:
        if ch == TATWEEL:
            continue
        if ch in _DIGITS:
            out.append(_DIGITS[ch])
        elif ch in _ARABIC_LETTERS:
            out.append(_ARABIC_LETTERS[ch])
        elif _is_arabic(ch) and unicodedata.category(ch).startswith("M"):
            continue
        elif ch in ("\u0670",):
            continue
        else:
            out.append(ch)
    return "".join(out)


def normalize_latin(text: str) -> str:
    """Latin only: casefolded, accents stripped, apostrophes and ayn signs removed, hyphens and
    punctuation turned into single spaces. Arabic letters are passed through unchanged."""
    return normalize_name(text) if text else ""


_ARABIC_TOKENS: dict[str, bool] = {}        # scan asks several times per name it finds
_ARABIC_TOKENS_MAX = 200_000


def is_arabic_token(token: str) -> bool:
    """True when the token's first letter is Arabic script."""
    known = _ARABIC_TOKENS.get(token)
    if known is None:
        known = _first_letter_is_arabic(token)
        if len(_ARABIC_TOKENS) >= _ARABIC_TOKENS_MAX:
            _ARABIC_TOKENS.clear()
        _ARABIC_TOKENS[token] = known
    return known


def _first_letter_is_arabic(token: str) -> bool:
    for ch in token:
        if ch.isalpha():
            return _is_arabic(ch)
    return False
