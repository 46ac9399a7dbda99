"""The Gazetteer: places loaded from the data files, looked up by name, found in texts."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from operator import add
from pathlib import Path
from typing import Iterable

from gazetteer.errors import GazetteerDataError, GazetteerInputError
from gazetteer.match import DATA_DIR, MatchRules, _data_lines
from gazetteer.model import FACILITY_KINDS, KIND_RANK, Place, PlaceMention, distance_km
from gazetteer.normalize import is_arabic_token, normalize_name, normalize_with_offsets
from gazetteer.sources.base import PlaceRecord

MAX_NAME_CHARS = 200
FOCUS_COUNTRIES = ("Syria", "Iraq")           # ranked before a neighbour's place of the same name...
WORLD_CITY = 1_000_000                        # ...unless that place is a city this large (Riyadh, Tehran)
MIN_SCAN_KEY = 3                              # shorter keys are never looked for in running text
SAME_SITE_KM = 3.0                            # a curated facility and a generated one this close are one site
CURATED_PREFIXES = ("fac:", "gov:", "country:")   # ids of the hand-checked rows

# Match tiers, best first: the name's key itself; the name written solid (البوكمال for البو كمال);
# a facility's name without its generic words (lookup only); the consonant skeleton (lookup only).
TIER_KEY, TIER_JOINED, TIER_CORE, TIER_LOOSE = 0, 1, 2, 3
_SENTENCE_END = re.compile(r"(^|[.!?:;\n\u061f]|[.!?]['\"”’)])\s*$")
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,4}")                 # ICAO codes, T4: capitals are the name
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")              # IED, SDF, ISIS in running text
_POSSESSIVE_RE = re.compile(r"(?<=[A-Za-z])['’][sS]\b")   # English possessive: Raqqa's
_VOWELS = re.compile(r"[aeiouwy]")


def _loose_key(key: str) -> str:
    """Consonant skeleton of a Latin key (first letter kept): tal abiad -> tl bd."""
    return " ".join(t[:1] + _VOWELS.sub("", t[1:]) for t in key.split(" "))


def _ends_in_vowel(key: str) -> bool:
    return bool(_VOWELS.fullmatch(key[-1:]))


class Gazetteer:
    """Places indexed by match key. Build with `load_gazetteer()`; the scan automaton is built
    on the first `scan` so that loading stays fast."""

    def __init__(self, records: Iterable[PlaceRecord], rules: MatchRules,
                 admin1_names: dict[str, str] | None = None,
                 aliases: dict[str, list[str]] | None = None):
        self.rules = rules
        admin1_names = admin1_names or {}
        aliases = aliases or {}
        self.places: list[Place] = []
        self._by_id: dict[str, int] = {}
        self._index: dict[str, list[tuple[int, int, int]]] = {}   # key -> [(place index, tier, quality)]
        self._code_keys: set[str] = set()                  # keys of codes written in capitals (ORAA, T4)
        # a name's key with its unhyphenated short articles kept as words ("maarat an numan"):
        # scan reads "an" in running text as an English word, so it needs this form to find the name
        self._scan_forms: dict[str, str] = {}
        hyphen_articles = rules.articles - rules.text_articles
        name_key = rules.name_key
        norm_cache: dict[str, str] = {}
        for rec in records:
            if rec.id in self._by_id:
                continue                                       # first source wins (curated before generated)
            idx = len(self.places)
            place = Place(rec.id, rec.name, rec.arabic_name, rec.kind, rec.latitude, rec.longitude,
                          admin1_names.get(rec.admin1, rec.admin1), rec.country, rec.population, rec.source)
            self.places.append(place)
            self._by_id[rec.id] = idx
            keys: dict[str, int] = {}                          # key -> quality (0 own name, 1 other spelling)
            solids: dict[str, int] = {}
            for n_spelling, spelling in enumerate(
                    [rec.name, rec.arabic_name, *rec.variants, *aliases.get(rec.id, ())]):
                if not spelling or spelling in rec.unmatched:
                    continue
                got = norm_cache.get(spelling)
                if got is None:
                    normalized = normalize_name(spelling)
                    # the article written solid: Alhasakah, Elmayadin
                    solid = (name_key(normalized[:2] + normalized[3:])
                             if normalized[:3] in ("al ", "el ") and len(normalized) > 6 else "")
                    got = norm_cache[spelling] = (name_key(normalized), solid)
                    if not is_arabic_token(normalized) and " " in normalized:
                        self._add_scan_forms(normalized, got[0], hyphen_articles)
                key, solid = got
                if key and key not in keys:
                    keys[key] = 0 if n_spelling < 2 else 1
                    if _CODE.fullmatch(spelling):
                        self._code_keys.add(key)
                if solid:
                    solids[solid] = 0 if n_spelling < 2 else 1
            extras: dict[str, tuple[int, int]] = {}
            for key, quality in solids.items():
                extras.setdefault(key, (TIER_JOINED, quality))
            for key, quality in keys.items():
                if " " in key:
                    extras.setdefault(key.replace(" ", ""), (TIER_JOINED, quality))
            if rec.kind in FACILITY_KINDS:
                for key, quality in keys.items():
                    core = rules.core_key(key)
                    if len(core) >= MIN_SCAN_KEY:
                        extras.setdefault(core, (TIER_CORE, quality))
            for key, quality in keys.items():
                self._index.setdefault(key, []).append((idx, TIER_KEY, quality))
            for key, (tier, quality) in extras.items():
                if key not in keys:
                    self._index.setdefault(key, []).append((idx, tier, quality))
        self._twin = _same_sites(self.places)             # generated facility -> its curated row
        self._ranked: dict[str, tuple[Place, ...]] = {}
        self._loose: dict[str, list[tuple[int, int]]] | None = None
        self._automaton = None

    def _add_scan_forms(self, normalized: str, key: str, hyphen_articles: frozenset[str]) -> None:
        """Record how scan sees a name whose short articles are written without a hyphen:
        "Maarrat an Numan" is read "marat an numan" in text; "As Surah as Saghirah" also with
        its first article dropped (written "as-Surah as Saghirah")."""
        tokens = normalized.split(" ")
        if not any(t in hyphen_articles for t in tokens):
            return
        token_key = self.rules.token_key
        kept = [t if t in hyphen_articles else token_key(t) for t in tokens]
        forms = {" ".join(k for k in kept if k)}
        if tokens[0] in hyphen_articles:
            forms.add(" ".join(k for k in kept[1:] if k))
        for form in forms:
            if form and form != key:
                self._scan_forms.setdefault(form, key)

    def _short_key_allowed(self, key: str, after_article: bool) -> bool:
        """Keys shorter than MIN_SCAN_KEY letters ("fu" of al-Faw, قم) match only as a code
        written in capitals (T4) or, in Latin, right after an article (al-Faw): the same rule for
        lookup and scan, so that both agree on what a name is."""
        if len(key) >= MIN_SCAN_KEY or key in self._code_keys:
            return True
        return after_article and not is_arabic_token(key)

    # ---- lookup -------------------------------------------------------------------------

    def get(self, place_id: str) -> Place | None:
        idx = self._by_id.get(place_id)
        return None if idx is None else self.places[idx]

    def places_in_country(self, country: str) -> list[Place]:
        return [p for p in self.places if p.country == country]

    def __len__(self) -> int:
        return len(self.places)

    def _rank(self, entries: Iterable[tuple[int, int, int]]) -> tuple[Place, ...]:
        """Best tier first; Syria/Iraq before neighbours (but for world cities); the most specific
        kind; a GeoNames alternate name (those lists hold old and other-language names: Bera, the
        ancient name of Adiyaman, is not Bara) after another place's own name, when the other
        place is a Syrian or Iraqi one or both are towns (a neighbour's world city keeps its names:
        Riyadh);
        the larger population; a place's own name before another spelling."""
        best: dict[int, tuple[int, int]] = {}
        for idx, tier, quality in entries:
            if (tier, quality) < best.get(idx, (99, 99)):
                best[idx] = (tier, quality)
        places = self.places
        home_own_name = any(quality == 0 and places[i].country in FOCUS_COUNTRIES
                            for i, (_, quality) in best.items())

        def order(idx: int):
            p = places[idx]
            tier, quality = best[idx]
            abroad = p.country not in FOCUS_COUNTRIES and p.population < WORLD_CITY
            borrowed = (quality == 1 and p.id.startswith("gn:") and (p.kind == "town" or home_own_name)
                        and (p.country in FOCUS_COUNTRIES or p.population < WORLD_CITY))
            return (tier, abroad, KIND_RANK.get(p.kind, 5), borrowed, -p.population, quality, p.id)
        keys = {i: order(i) for i in best}
        for i in best:
            twin = self._twin.get(i)
            if twin in keys:
                keys[i] = keys[twin] + (1,)               # right after its curated row, still a candidate
        return tuple(places[i] for i in sorted(best, key=keys.__getitem__))

    def candidates_for_key(self, key: str) -> tuple[Place, ...]:
        """Ranked places whose name has exactly this match key (written solid or not)."""
        got = self._ranked.get(key)
        if got is None:
            entries = self._index.get(key)
            if entries is None:
                return ()                              # not cached: unknown names must not grow memory
            got = self._ranked[key] = self._rank(entries)
        return got

    def lookup(self, name: str, fuzzy: bool = False) -> list[Place]:
        """Ranked candidates for a name as an article spells it; [] when nothing matches.
        fuzzy=True adds a last resort for Latin names: the same consonant skeleton (measured on
        ACLED village names it finds as many wrong places as right ones, hence off by default).
        Raises GazetteerInputError for input that is not a usable name."""
        normalized, key = self._query(name)
        rules = self.rules
        if not key or key in rules.stop_never:                 # "al" alone: only an article
            return []
        if not self._short_key_allowed(key, normalized.split(" ", 1)[0] in rules.articles):
            return []
        if rules.is_stopped_spelling(normalized):
            return []                                          # Soleimani the surname, not Sulaimani
        if key in rules.stop_capitalized and not name.lstrip()[:1].isupper():
            return []
        found = self.candidates_for_key(key)
        if found:
            return list(found)
        solid = key.replace(" ", "")
        if solid != key and solid in self._index:
            return list(self.candidates_for_key(solid))
        if is_arabic_token(key):
            for _prefix, rest in rules.arabic_prefix_splits(key):
                if rest in self._index and rest not in rules.stop_never:
                    return list(self.candidates_for_key(rest))
            return []
        rest, _, word = key.rpartition(" ")
        if rest and (word,) in rules.generic_words and rest not in rules.stop_never:   # "Hole camp", as scan reads it
            ranked = self._facilities_first(rest, word, self.candidates_for_key(rest))
            if ranked:
                return list(ranked)
        return self._loose_lookup(key) if fuzzy else []

    def query_key(self, name) -> str:
        """Validate a lookup name and return its match key."""
        return self._query(name)[1]

    def _query(self, name) -> tuple[str, str]:
        """Validate a lookup name; return its normalised form and its match key."""
        if not isinstance(name, str):
            raise GazetteerInputError(f"a place name must be text, not {type(name).__name__}")
        if len(name) > MAX_NAME_CHARS:
            raise GazetteerInputError(f"a place name is at most {MAX_NAME_CHARS} characters (got {len(name)})")
        if "\x00" in name:
            raise GazetteerInputError("a place name must be text (it contains a NUL byte)")
        normalized = normalize_name(_POSSESSIVE_RE.sub("", name))
        if not normalized:
            raise GazetteerInputError("empty place name" if not name.strip()
                                      else f"no letters to match in {name!r}")
        return normalized, self.rules.name_key(normalized)

    def _loose_lookup(self, key: str) -> list[Place]:
        """Last resort for Latin spellings the rules do not cover: same consonant skeleton, same
        kind of last letter (a vowel or not: Qatma is not Kitim), and only places of Syria and
        Iraq (a neighbour's village is not worth a guess)."""
        if self._loose is None:
            loose: dict[str, list[tuple[int, int, bool]]] = {}
            for k, entries in self._index.items():
                if k and not is_arabic_token(k):
                    for idx, tier, quality in entries:
                        if tier == TIER_KEY and self.places[idx].country in FOCUS_COUNTRIES:
                            loose.setdefault(_loose_key(k), []).append((idx, quality, _ends_in_vowel(k)))
            self._loose = loose
        lk = _loose_key(key)
        if len(lk.replace(" ", "")) < 3:
            return []
        vowel_end = _ends_in_vowel(key)
        return list(self._rank((i, TIER_LOOSE, q) for i, q, v in self._loose.get(lk, ()) if v == vowel_end))

    # ---- scan ---------------------------------------------------------------------------

    def _build_automaton(self):
        import ahocorasick                    # imported here: only scanning needs it
        rules = self.rules
        auto = ahocorasick.Automaton()
        # word -> (its length, the key it is when read as written, the key it is after لل)
        words: dict[str, list] = {}
        for key, entries in self._index.items():
            if all(tier == TIER_CORE for _, tier, _ in entries):
                continue                                  # "Euphrates" alone is the river, not the dam
            if key not in rules.stop_never and (len(key) >= MIN_SCAN_KEY or key in self._code_keys
                                                 or not is_arabic_token(key)):
                words.setdefault(key, [len(key), None, None])[1] = key   # short Latin: see scan
        for form, key in self._scan_forms.items():
            if key not in rules.stop_never and form not in words:
                words[form] = [len(form), key, None]
        # the bare form of an Arabic name with the article, for لل + name (للقامشلي)
        for key in list(self._index):
            if key.startswith("ال") and is_arabic_token(key) and len(key) - 2 >= MIN_SCAN_KEY \
                    and key not in rules.stop_never:
                words.setdefault(key[2:], [len(key) - 2, None, None])[2] = key
        # each word is stored with the space that ends it (scan's key text ends in one too): the
        # automaton then reports only hits that end a word, not the many that end inside one
        for word, payload in words.items():
            auto.add_word(word + " ", tuple(payload))
        auto.make_automaton()
        return auto

    def _ends_a_longer_name(self, text, tok_spans, starts, ends, head_at: int, o_start: int,
                            after_article: bool = False) -> bool:
        """The token at head_at, right before a match, is the first word of a compound name
        (Kafr, Maarat, Ain, تل): the match is the tail of a longer name ("Kafr Nubl", "Maaret
        Alia", "Ain Dara"), not the shorter place it spells. In Latin text so is any capitalised
        word before an article and the match ("Busra al-Harir", "Liwa al-Quds"), unless it is a
        word that only stands before a name (data/function_words.txt: "In Al-Hasakah") or opens
        the sentence."""
        if head_at < 0:
            return False
        a, b, tok = tok_spans[head_at]
        if not _joined(text, ends[b - 1], o_start):
            return False
        rules = self.rules
        heads = rules.name_heads
        if is_arabic_token(tok):
            return tok in heads or (tok[:1] in "وفبل" and tok[1:] in heads)   # وكفر نبل
        if not text[starts[a]].isupper():
            return False
        key = rules.token_key(tok)
        if key in heads:
            return True
        return after_article and tok not in rules.function_words and key not in rules.facility_words \
            and not _opens_sentence(text, starts[a])

    def _heads_a_longer_name(self, text, tok_spans, starts, ends, ti_last: int, key: str,
                             o_end: int) -> bool:
        """A Latin match followed by an article and a capitalised word ("Bab al Faraj",
        "Raqqa al-Mashlab"), or a match that is itself a name's first word followed by a
        capitalised word ("Bab Amr"), begins a longer name the gazetteer does not know."""
        n = ti_last + 1
        if n >= len(tok_spans) or _POSSESSIVE_RE.match(text, o_end - 2) or \
                not _joined(text, o_end, starts[tok_spans[n][0]]):
            return False
        a, b, tok = tok_spans[n]
        if tok in self.rules.articles:
            if n + 1 >= len(tok_spans) or not _joined(text, ends[b - 1], starts[tok_spans[n + 1][0]]):
                return False
            a = tok_spans[n + 1][0]
        elif key not in self.rules.name_heads:
            return False
        return text[starts[a]].isupper() and not is_arabic_token(tok_spans[n][2])

    def _token_keys(self, text: str, tokens: list[str], tok_spans, ends) -> tuple[list[int], list[str]]:
        """The keys scan matches on: (indices of the tokens kept, their keys). Latin articles have
        an empty key and are left out, but "an", "as", "a" only when hyphenated (an-Nabk), not in
        "an IED"; a possessive's s comes off (Raqqa's -> raqqa)."""
        rules = self.rules
        words = tokens
        if "'" in text or "’" in text:                       # only then can a token be a possessive
            words = [tok[:-1] if tok.endswith("s") and _POSSESSIVE_RE.match(text, ends[b - 1] - 2) else tok
                     for _a, b, tok in tok_spans]
        keys = list(map(rules._token_cache.get, words))     # C-level lookups; the rare new token below
        if None in keys:
            keys = [rules.token_key(w) if k is None else k for w, k in zip(words, keys)]
        if "" not in keys:
            return list(range(len(keys))), keys               # the common case: every token kept as is
        text_articles = rules.text_articles
        # comprehensions, not an append per token: an English text has hundreds of tokens
        kept = [ti for ti, k in enumerate(keys)
                if k or not (words[ti] in text_articles or _HYPHEN_AFTER(text, ends[tok_spans[ti][1] - 1]))]
        return kept, [keys[ti] or words[ti] for ti in kept]

    def scan(self, text: str, offset: int = 0) -> list[PlaceMention]:
        """Place names in a text: whole tokens only, longest non-overlapping, in text order,
        offsets into the original text (plus `offset`, for a text cut from a longer one)."""
        if not isinstance(text, str):
            raise GazetteerInputError(f"text to scan must be str, not {type(text).__name__}")
        if self._automaton is None:
            self._automaton = self._build_automaton()
        rules = self.rules
        norm, starts, ends = normalize_with_offsets(text)
        if not norm:
            return []
        tokens = norm.split(" ")
        tok_spans = _token_spans(tokens)
        ktok, parts = self._token_keys(text, tokens, tok_spans, ends)
        kstarts = list(accumulate(map(_PLUS_ONE, map(len, parts[:-1])), initial=0))   # in C: no per-key call
        keytext = " ".join(parts) + " "
        prefix_mode = rules.prefix_modes
        prefix_letters = rules.prefix_letters
        found = []
        for space, (length, plain_key, elided_key) in self._automaton.iter(keytext):
            end = space - 1                                       # the word's last character
            start = end - length + 1
            if start and keytext[start - 1] not in prefix_letters and keytext[start - 1] != " ":
                continue                                          # inside a word, after no prefix
            first = bisect_right(kstarts, start) - 1
            last = bisect_right(kstarts, end) - 1
            ti_first, ti_last = ktok[first], ktok[last]
            tok_a, _tb, tok = tok_spans[ti_first]
            prefix = keytext[kstarts[first]:start]
            if not prefix:
                key = plain_key
            elif not is_arabic_token(tok):
                continue                                          # Latin: whole words only
            else:
                mode = prefix_mode.get(prefix)
                key = plain_key if mode == "name" else elided_key if mode == "elided" else None
            if key is None or (prefix and keytext[kstarts[first]:end + 1] in rules.stop_never):
                continue                                          # فرقة is a word, not ف + رقه
            if key in rules.stop_never or \
                    rules.is_stopped_spelling(norm[tok_a + len(prefix):tok_spans[ti_last][1]]):
                continue
            o_start = starts[tok_a]
            o_name = starts[tok_a + len(prefix)]
            o_end = ends[tok_spans[ti_last][1] - 1]
            if not is_arabic_token(tok):
                if not text[o_start].isupper():
                    continue                                      # English place names are capitalised
                if ti_first == ti_last and key not in self._code_keys and \
                        _ACRONYM.fullmatch(text[o_start:ends[tok_spans[ti_last][1] - 1]]):
                    continue                                      # an acronym (IED, SDF), not a name
                if key in rules.stop_capitalized and _SENTENCE_END.search(text, 0, o_start):
                    continue
                after_article = ti_first > 0 and (first == 0 or ktok[first - 1] != ti_first - 1)
                if not self._short_key_allowed(key, after_article):
                    continue                                      # "Fu" alone; "al-Faw" is a name
                if after_article:                                 # article dropped before
                    o_start = o_name = starts[tok_spans[ti_first - 1][0]]   # take the article along
                if self._heads_a_longer_name(text, tok_spans, starts, ends, ti_last, key, o_end):
                    continue                                      # Bab al-Faraj is not al-Bab
            head_at = ti_first - 1 - (o_start < starts[tok_a] and not prefix)
            if self._ends_a_longer_name(text, tok_spans, starts, ends, head_at, o_start,
                                        o_start < starts[tok_a] and not prefix):
                continue                                          # Kafr Nubl is not Nubl
            found.append((o_start, o_end, o_name, key, len(prefix), ti_last))
        # longest first, a whole-word reading before a prefix-stripped one, then leftmost
        found.sort(key=lambda m: (-(m[1] - m[0]), m[4], m[0]))
        taken: list[tuple[int, int, int, str, int, int]] = []
        taken_starts: list[int] = []                  # chosen spans never overlap: sorted by start
        taken_ends: list[int] = []
        for m in found:
            i = bisect_right(taken_starts, m[0])
            if (i and taken_ends[i - 1] > m[0]) or (i < len(taken_starts) and taken_starts[i] < m[1]):
                continue
            taken_starts.insert(i, m[0])
            taken_ends.insert(i, m[1])
            taken.append(m)
        taken.sort()
        mentions = []
        for s, e, ns, key, _, ti_last in taken:
            candidates = self.candidates_for_key(key)
            if ti_last + 1 < len(tok_spans) and not is_arabic_token(tok_spans[ti_last][2]):
                e, candidates = self._facility_named_like(text, tok_spans, starts, ends, ti_last, key,
                                                          e, candidates)
            mentions.append(PlaceMention(s + offset, e + offset, text[s:e], ns + offset, candidates))
        return mentions

    def _facility_named_like(self, text, tok_spans, starts, ends, ti_last: int, key: str, o_end: int,
                             candidates: tuple[Place, ...]) -> tuple[int, tuple[Place, ...]]:
        """A name followed by a facility word that the gazetteer does not know together names a
        facility: the name's own facilities come first ("Hama airport": the airport, not the city);
        if it has none, a facility of Syria or Iraq spelled with the same consonants ("Hole camp":
        al-Hol's "Hol camp", not Houla, the town "Hole" spells). The name's other places stay after
        it. Returns the mention's end (taking the word along) and candidates; unchanged when no
        facility fits."""
        a, b, word = tok_spans[ti_last + 1]
        word_key = self.rules.token_key(word)
        if word_key not in self.rules.facility_words or not _joined(text, o_end, starts[a]):
            return o_end, candidates
        ranked = self._facilities_first(key, word_key, candidates)
        return (o_end, candidates) if ranked is None else (ends[b - 1], ranked)

    def _facilities_first(self, key: str, word_key: str,
                          candidates: tuple[Place, ...]) -> tuple[Place, ...] | None:
        """Candidates for "NAME word" (word a facility word, the phrase unknown): the name's
        facilities, or else same-consonant facilities at home, then the name's other places."""
        facilities = [p for p in candidates if p.kind in FACILITY_KINDS]
        if not facilities:
            facilities = [p for p in self._loose_lookup(f"{key} {word_key}") if p.kind in FACILITY_KINDS]
        if not facilities:
            return None
        return tuple(facilities) + tuple(p for p in candidates if p not in facilities)


def _same_sites(places: list[Place]) -> dict[int, int]:
    """Generated facility rows (OurAirports ap:ICAO) that describe a curated facility's site:
    index -> the curated row's index. The curated row ranks first; the other stays a candidate."""
    curated = [(i, p) for i, p in enumerate(places)
               if p.kind in FACILITY_KINDS and p.id.startswith(CURATED_PREFIXES)]
    twins: dict[int, int] = {}
    for i, p in enumerate(places):
        if p.kind in FACILITY_KINDS and not p.id.startswith(CURATED_PREFIXES):
            near = [(distance_km(p, c), j) for j, c in curated
                    if abs(c.latitude - p.latitude) < 0.1 and abs(c.longitude - p.longitude) < 0.1]
            near = [(d, j) for d, j in near if d <= SAME_SITE_KM]
            if near:
                twins[i] = min(near)[1]
    return twins


_PLUS_ONE = (1).__add__
_HYPHEN_AFTER = re.compile(r"[-‐‑]").match        # a hyphen right after a token (an-Nabk)


def _token_spans(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, token) of each token of a text split on single spaces (built in C: no loop)."""
    lengths = list(map(len, tokens))
    starts = list(accumulate([n + 1 for n in lengths[:-1]], initial=0))
    return list(zip(starts, map(add, starts, lengths), tokens))


_JOINER = re.compile(r"[\s\-‐‑]*")          # re's \s is str.isspace


def _opens_sentence(text: str, i: int) -> bool:
    """True when text[i] begins a sentence (only spaces, quotes or brackets after its end)."""
    while i > 0 and text[i - 1] in " \t\"'“‘(«":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;\n\u061f"


def _joined(text: str, a: int, b: int) -> bool:
    """Only spaces or hyphens between offsets a and b: the words belong to one name."""
    return a <= b and _JOINER.fullmatch(text, a, b) is not None


def _read_aliases(path: Path, arabic_column: bool = True) -> tuple[dict[str, list[str]], dict[str, str]]:
    """data/aliases.tsv: place_id<TAB>arabic_name<TAB>spelling|spelling<TAB>why (and, without the
    arabic_name column, data/excluded_spellings.tsv).
    Returns (spellings by id, Arabic display name overrides by id)."""
    aliases: dict[str, list[str]] = {}
    arabic: dict[str, str] = {}
    if not path.exists():
        return aliases, arabic
    for n, cells in _data_lines(path):
        if cells[0] == "place_id":
            continue
        if not arabic_column:
            cells = [cells[0], "", *cells[1:]]
        if len(cells) < 3 or not cells[0].strip():
            raise GazetteerDataError(str(path), "expected place_id<TAB>" + ("arabic_name<TAB>" if arabic_column else "")
                                     + "spelling|spelling<TAB>why", n)
        pid = cells[0].strip()
        if cells[1].strip():
            arabic[pid] = cells[1].strip()
        aliases.setdefault(pid, []).extend(v.strip() for v in cells[2].split("|") if v.strip())
    return aliases, arabic


def _read_column_map(path: Path, header: str, key: int, value: int, expected: str,
                     key_required: bool = True) -> dict[str, str]:
    """{cells[key]: cells[value]} of a TSV data file (its header row skipped); a short row, or
    an empty key or value when `key_required`, is a GazetteerDataError naming file and line."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for n, cells in _data_lines(path):
        if cells[0] == header:
            continue
        if len(cells) <= max(key, value) or key_required and not (cells[key].strip() and cells[value].strip()):
            raise GazetteerDataError(str(path), expected, n)
        if cells[key].strip():
            out[cells[key].strip()] = cells[value].strip()
    return out


def _read_display_names(path: Path) -> dict[str, str]:
    """data/display_names.tsv: place_id<TAB>name<TAB>why -> {place_id: Latin display name}."""
    return _read_column_map(path, "place_id", 0, 1, "expected place_id<TAB>name<TAB>why")


def _read_admin1_names(path: Path) -> dict[str, str]:
    """ISO code -> fallback display name, from data/admin1_codes.tsv (governorates.csv wins).
    Neighbours' provinces carry no ISO code: their rows give nothing here."""
    return _read_column_map(path, "geonames_code", 1, 2,
                            "expected geonames_code<TAB>iso_code<TAB>name<TAB>check", key_required=False)


def build_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Read every data file: curated CSVs first (they win on a shared id), then places.tsv."""
    from gazetteer.sources.curated import CuratedCsv
    from gazetteer.sources.placesfile import PlacesFile

    records: list[PlaceRecord] = []
    admin1_names = _read_admin1_names(data_dir / "admin1_codes.tsv")
    for fname in ("facilities.csv", "governorates.csv", "countries.csv"):
        path = data_dir / fname
        if path.exists():
            recs = list(CuratedCsv(path).records())
            if fname == "governorates.csv":
                for r in recs:
                    if r.id.startswith("gov:"):
                        admin1_names[r.id[4:]] = r.name     # ISO code -> display name
            records.extend(recs)
    records.extend(PlacesFile(data_dir / "places.tsv").records())
    aliases, arabic_names = _read_aliases(data_dir / "aliases.tsv")
    excluded = _read_aliases(data_dir / "excluded_spellings.tsv", arabic_column=False)[0]
    display_names = _read_display_names(data_dir / "display_names.tsv")
    for rec in records:
        if rec.id in arabic_names:
            rec.arabic_name = arabic_names[rec.id]
        if rec.id in display_names:
            rec.variants = [*rec.variants, rec.name]          # the replaced name still matches
            rec.name = display_names[rec.id]
        if rec.id in excluded:
            rec.variants = [v for v in rec.variants if v not in excluded[rec.id]]
            # its own name or Arabic name stays its display name but is not matched
            rec.unmatched = frozenset(n for n in (rec.name, rec.arabic_name) if n in excluded[rec.id])
    return Gazetteer(records, MatchRules.load(data_dir), admin1_names, aliases)
