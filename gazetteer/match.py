"""Match keys: how a normalised name is reduced so that the spellings news uses meet.

The rules themselves are data (data/latin_articles.txt, data/latin_rules.tsv,
data/arabic_prefixes.tsv, data/stoplist.txt); this module reads and applies them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.normalize import is_arabic_token, normalize_name

DATA_DIR = Path(__file__).resolve().parent / "data"
TOKEN_CACHE_SIZE = 200_000                       # token keys remembered (a few MB)


def _data_lines(path: Path):
    """(line number, cells) of a tab-separated data file, skipping comments and blank lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerDataError(str(path), f"cannot read ({exc.strerror})") from None
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        yield n, line.split("\t")


@dataclass(frozen=True)
class MatchRules:
    """Everything data-driven about matching, loaded once."""
    articles: frozenset[str]
    text_articles: frozenset[str]                   # articles even without a hyphen in running text
    generic_words: tuple[tuple[str, ...], ...]       # facility words as key-token tuples, longest first
    latin_rules: tuple[tuple[re.Pattern, str], ...]
    prefixes: tuple[tuple[str, str], ...]          # (prefix, "name" | "elided"), longest first
    stop_never: frozenset[str]                      # match keys that never match alone
    stop_capitalized: frozenset[str]                # match keys that need a capital, not sentence-initial
    stop_exact: frozenset[str] = frozenset()        # normalised spellings (not keys) that are not names
    name_heads: frozenset[str] = frozenset()        # keys of first words of compound names (Kafr, Bab)
    function_words: frozenset[str] = frozenset()    # normalised English words that precede "al-" + a name
    _latin_cache: dict = field(default_factory=dict, compare=False, repr=False)
    _token_cache: dict = field(default_factory=dict, compare=False, repr=False)
    _prefix_modes: dict = field(default_factory=dict, compare=False, repr=False)
    _prefix_letters: set = field(default_factory=set, compare=False, repr=False)
    _facility_words: set = field(default_factory=set, compare=False, repr=False)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "MatchRules":
        path = data_dir / "latin_articles.txt"
        art_rows = [cells for _, cells in _data_lines(path) if cells[0] != "article"]
        articles = frozenset(c[0].strip() for c in art_rows)
        text_articles = frozenset(c[0].strip() for c in art_rows if len(c) < 2 or c[1].strip() != "hyphenated")
        rules = []
        path = data_dir / "latin_rules.tsv"
        for n, cells in _data_lines(path):
            if cells[0] == "pattern":
                continue
            if len(cells) < 2:
                raise GazetteerDataError(str(path), "expected pattern<TAB>replacement<TAB>why", n)
            try:
                rules.append((re.compile(cells[0]), cells[1]))
            except re.error as exc:
                raise GazetteerDataError(str(path), f"bad pattern: {exc}", n) from None
        prefixes = []
        path = data_dir / "arabic_prefixes.tsv"
        for n, cells in _data_lines(path):
            if cells[0] == "prefix":
                continue
            if len(cells) < 2 or cells[1] not in ("name", "elided"):
                raise GazetteerDataError(str(path), "expected prefix<TAB>name|elided", n)
            prefixes.append((normalize_name(cells[0]), cells[1]))
        prefixes.sort(key=lambda p: -len(p[0]))
        partial = cls(articles, text_articles, (), tuple(rules), tuple(prefixes), frozenset(), frozenset())
        never, capitalized, exact = set(), set(), set()
        path = data_dir / "stoplist.txt"
        for n, cells in _data_lines(path):
            if cells[0] == "word":
                continue
            if len(cells) < 2 or cells[1] not in ("never", "capitalized", "exact"):
                raise GazetteerDataError(str(path), "expected word<TAB>never|capitalized|exact<TAB>why", n)
            if cells[1] == "exact":
                exact.add(normalize_name(cells[0]))       # this spelling only, not its key-mates
                continue
            key = partial.name_key(normalize_name(cells[0]))
            (never if cells[1] == "never" else capitalized).add(key)
        generic = set()
        path = data_dir / "facility_words.txt"
        if path.exists():
            for _, cells in _data_lines(path):
                key = partial.name_key(normalize_name(cells[0]))
                if key:
                    generic.add(tuple(key.split(" ")))
        generic_words = tuple(sorted(generic, key=lambda g: -len(g)))
        heads = set()
        path = data_dir / "name_heads.txt"
        if path.exists():
            for _, cells in _data_lines(path):
                if cells[0] != "word":
                    heads.add(partial.name_key(normalize_name(cells[0])))
        function_words = set()
        path = data_dir / "function_words.txt"
        if path.exists():
            function_words = {normalize_name(cells[0]) for _, cells in _data_lines(path) if cells[0] != "word"}
        return cls(articles, text_articles, generic_words, tuple(rules), tuple(prefixes),
                   frozenset(never), frozenset(capitalized), frozenset(exact), frozenset(heads),
                   frozenset(function_words))

    @property
    def prefix_modes(self) -> dict[str, str]:
        """prefix -> "name" | "elided" (a dict made once: scan asks on every call)."""
        if not self._prefix_modes:
            self._prefix_modes.update(self.prefixes)
        return self._prefix_modes

    @property
    def facility_words(self) -> set[str]:
        """The one-word facility words ("airport", "camp") as a set, for membership tests."""
        if not self._facility_words:
            self._facility_words.update(g[0] for g in self.generic_words if len(g) == 1)
        return self._facility_words

    @property
    def prefix_letters(self) -> set[str]:
        """Every letter of an attached prefix: a match preceded by any other letter has no prefix."""
        if not self._prefix_letters:
            self._prefix_letters.update("".join(p for p, _ in self.prefixes))
        return self._prefix_letters

    def is_stopped_spelling(self, normalized: str) -> bool:
        """True for a spelling stop-listed as written ("soleimani", a surname), with or without
        a leading article; other spellings of the same key (Sulaimani, the city) still match."""
        if not self.stop_exact:
            return False
        if normalized in self.stop_exact:
            return True
        head, _, rest = normalized.partition(" ")
        return bool(rest) and head in self.articles and rest in self.stop_exact

    def core_key(self, key: str) -> str:
        """A facility's key without generic words at its start or end (قاعده عين الاسد الجويه ->
        عين الاسد, tias militari airbasa t4 keeps t4...); '' when nothing specific is left."""
        tokens = key.split(" ")
        changed = True
        while changed and tokens:
            changed = False
            for g in self.generic_words:
                n = len(g)
                if len(tokens) > n and tuple(tokens[:n]) == g:
                    tokens, changed = tokens[n:], True
                    break
                if len(tokens) > n and tuple(tokens[-n:]) == g:
                    tokens, changed = tokens[:-n], True
                    break
        core = " ".join(tokens)
        return core if core != key else ""

    def latin_token_key(self, token: str) -> str:
        """One normalised Latin token reduced by the rewrite rules; '' for an article."""
        key = self._latin_cache.get(token)
        if key is None:
            if token in self.articles:
                key = ""
            else:
                key = token
                for pattern, repl in self.latin_rules:
                    key = pattern.sub(repl, key)
            self._latin_cache[token] = key
        return key

    def token_key(self, token: str) -> str:
        """Arabic tokens are their normalised form; Latin ones go through the rewrite rules."""
        key = self._token_cache.get(token)         # scan asks for every token of every text
        if key is None:
            key = token if is_arabic_token(token) else self.latin_token_key(token)
            if len(self._token_cache) >= TOKEN_CACHE_SIZE:
                self._token_cache.clear()          # a vocabulary's worth; never grows without bound
            self._token_cache[token] = key
        return key

    def name_key(self, normalized: str) -> str:
        """The match key of a normalised name: token keys joined by single spaces."""
        return " ".join(k for k in (self.token_key(t) for t in normalized.split(" ")) if k)

    def arabic_prefix_splits(self, key: str):
        """(prefix, rest-as-key) for each way an attached prefix can come off the first token.
        An elided-article prefix gives back the article: للقامشلي -> القامشلي."""
        for prefix, before in self.prefixes:
            if key.startswith(prefix) and len(key) - len(prefix) >= 3:
                rest = key[len(prefix):]
                if before == "elided":
                    yield prefix, "ال" + rest
                else:
                    yield prefix, rest
