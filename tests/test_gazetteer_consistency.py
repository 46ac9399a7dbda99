"""scan() and lookup() agree on what a name is: a name that lookup() resolves is found by scan()
in running text, with lookup's best place among the mention's candidates."""
import csv

import pytest

from gazetteer import load_gazetteer
from gazetteer.match import DATA_DIR
from gazetteer.normalize import is_arabic_token


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _spellings():
    """Every spelling of the curated rows and the names of every 5th generated row."""
    names = set()
    for fname in ("facilities.csv", "governorates.csv", "countries.csv"):
        with open(DATA_DIR / fname, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                names.update([row["name"], row["arabic_name"], *row["variants"].split("|")])
    with open(DATA_DIR / "places.tsv", encoding="utf-8") as f:
        rows = [line.split("\t") for line in f if not line.startswith(("#", "id\t"))]
    for cells in rows[::5]:
        names.update([cells[2], cells[3]])
    # running English text capitalises a name; lower-case spellings are lookup conveniences
    return sorted(n for n in names if n and (is_arabic_token(n) or n.lstrip()[:1].isupper()))


def _in_running_text(name):
    return f"قصف في {name} اليوم" if is_arabic_token(name) else f"Shelling in {name} today."


def test_every_name_lookup_resolves_is_found_by_scan(gaz):
    checked, missed = 0, []
    for name in _spellings():
        best = gaz.lookup(name)
        if not best:
            continue
        checked += 1
        mentions = gaz.scan(_in_running_text(name))
        if not any(best[0] in m.candidates for m in mentions):
            missed.append(name)
    assert checked > 1500
    assert missed == []


@pytest.mark.parametrize("spelling, place_id", [
    ("Quamishli", "gn:173377"),            # qu before a vowel writes qaf (English/French habit)
    ("Quayyarah", "gn:99003"),
    ("Maarrat an Numan", "gn:167611"),     # short article without a hyphen inside a name
    ("Tall ad Daman", None),               # ... and not only its last word (Daman)
    ("Al Faw", "gn:99446"),                # a short name after its article
])
def test_spellings_scan_used_to_miss(gaz, spelling, place_id):
    best = gaz.lookup(spelling)[0]
    if place_id:
        assert best.id == place_id
    (m,) = gaz.scan(_in_running_text(spelling))
    assert m.surface == spelling and m.best == best


def test_short_names_need_their_article_in_lookup_and_scan(gaz):
    assert gaz.lookup("Faw") == [] and gaz.scan("Shelling in Faw today.") == []
    assert gaz.lookup("قم") == [] and gaz.scan("قم بزيارة") == []      # "stand up", not Qom
    assert gaz.lookup("T4")[0].kind == "air_base"                        # a code in capitals is a name
