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
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

# Arabic block, Arabic Supplement, Presentation Forms A and B; letters only (no digits/punctuation).
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

SAMPLE_CHARS = 4000        # enough letters to decide; keeps detection O(1) for long articles
MIN_LETTERS = 3            # fewer letters than this: nothing to go on


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
_FOLD_TABLE = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # أ إ آ ٱ -> ا
    "\u0629": "\u0647",   # ة -> ه  (teh marbuta is often written as heh)
    "\u0649": "\u064a",   # ى -> ي  (alef maqsura is often written as yeh, and the reverse)
    "\u06cc": "\u064a",   # Persian yeh -> ي
    "\u06a9": "\u0643",   # Persian keheh -> ك
    **{chr(0x0660 + d): str(d) for d in range(10)},   # Arabic-Indic digits
    **{chr(0x06f0 + d): str(d) for d in range(10)},   # Extended (Persian) digits
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",   # dashes -> hyphen
    "\u060c": ",",        # Arabic comma
})


def fold(text: str) -> str:
    """Same-length matching form: Arabic letter variants unified, digits to ASCII, Latin lower-cased."""
    folded = text.translate(_FOLD_TABLE)
    lowered = folded.lower()
    # A few characters change length when lower-cased (İ); keep offsets exact in that rare case.
    if len(lowered) != len(folded):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
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
