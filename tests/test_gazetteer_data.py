"""Data files: the loader reports a bad file or line in one line; build helpers are pure."""
import shutil

import pytest

from gazetteer import GazetteerDataError, load_gazetteer
from gazetteer.build import check_admin1_codes, read_admin1_codes
from gazetteer.index import build_gazetteer
from gazetteer.match import DATA_DIR
from gazetteer.sources.ourairports import spellings
from gazetteer.sources.placesfile import COLUMNS, PlacesFile


@pytest.fixture
def data_copy(tmp_path):
    for f in DATA_DIR.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_generated_file_has_provenance_header_and_columns():
    head = (DATA_DIR / "places.tsv").read_text(encoding="utf-8").splitlines()[:12]
    assert any("GeoNames" in ln and "CC-BY 4.0" in ln for ln in head if ln.startswith("#"))
    assert any("OurAirports" in ln and "public domain" in ln for ln in head if ln.startswith("#"))
    assert "\t".join(COLUMNS) in head


def test_every_generated_row_is_valid():
    records = list(PlacesFile(DATA_DIR / "places.tsv").records())
    assert len(records) > 2000
    assert all(r.problem() is None for r in records)
    syria = [r for r in records if r.country == "Syria" and r.id.startswith("gn:")]
    assert all(r.admin1.startswith("SY-") for r in syria)      # every Syrian place has its governorate
    assert sum(bool(r.arabic_name) for r in syria) / len(syria) > 0.9


def test_bad_curated_row_names_file_and_line(data_copy):
    path = data_copy / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",Iraq,", ",Iraq,", 1).replace(lines[3].split(",")[5], "north", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError) as err:
        build_gazetteer(data_copy)
    assert str(err.value).startswith(f"{path}:4: ") and "\n" not in str(err.value)


def test_unknown_kind_is_reported(data_copy):
    path = data_copy / "countries.csv"
    text = path.read_text(encoding="utf-8").replace("country:SY,country,", "country:SY,planet,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerDataError, match="unknown kind 'planet'"):
        build_gazetteer(data_copy)


def test_missing_places_file_says_how_to_rebuild(data_copy):
    (data_copy / "places.tsv").unlink()
    with pytest.raises(GazetteerDataError, match="python -m gazetteer.build"):
        build_gazetteer(data_copy)


def test_bad_rewrite_rule_is_reported_with_its_line(data_copy):
    path = data_copy / "latin_rules.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "(unclosed\tx\tbroken\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"latin_rules.tsv:\d+: bad pattern"):
        build_gazetteer(data_copy)


def test_stop_list_is_data(data_copy):
    path = data_copy / "stoplist.txt"
    path.write_text(path.read_text(encoding="utf-8") + "manbij\tnever\ttest entry\n", encoding="utf-8")
    gaz = build_gazetteer(data_copy)
    assert gaz.lookup("Manbij") == [] and gaz.lookup("منبج")
    assert load_gazetteer().lookup("Manbij")                   # the shipped data is untouched


def test_airport_spellings_keep_facility_keywords_only():
    row = {"name": "Al Qusayr Air Base", "gps_code": "", "ident": "OS70", "keywords": "OS70, القصير"}
    assert spellings(row) == ("", [])                   # القصير alone is the town; OS70 is no ICAO code
    row = {"name": "Aleppo International Airport", "gps_code": "OSAP", "ident": "OSAP",
           "keywords": "مطار حلب الدولي"}
    arabic, variants = spellings(row)
    assert arabic == "مطار حلب الدولي"
    assert {"OSAP", "Aleppo Airport", "مطار حلب"} <= set(variants)


def test_admin1_table_check_catches_renumbering():
    codes = read_admin1_codes(DATA_DIR / "admin1_codes.tsv")
    assert codes["SY.07"] == ("SY-DY", "Deir ez-Zor") and len([c for c in codes if c.startswith("SY.")]) == 14
    cities = [{"countrycode": "SY", "admin1code": "07", "name": "Deir ez-Zor", "population": 271800},
              {"countrycode": "SY", "admin1code": "99", "name": "Nowhere", "population": 5}]
    problems = check_admin1_codes(cities, {"SY.07": ("SY-DY", "Deir ez-Zor")})
    assert problems == ["admin1 code SY.99 missing from admin1_codes.tsv"]
    assert check_admin1_codes(cities[:1], {"SY.07": ("SY-DY", "Aleppo")})


def test_admin1_names_for_syria_iraq_and_border_provinces():
    gaz = load_gazetteer()
    assert gaz.lookup("Kobani")[0].admin1 == "Aleppo"
    assert gaz.lookup("Sinjar")[0].admin1 == "Ninewa"
    assert gaz.lookup("Nusaybin")[0].admin1 == "Mardin"             # Turkish border province
    assert gaz.lookup("Kuwait City")[0].admin1 == ""                 # province not in the table
    syrian_admin1 = {p.admin1 for p in gaz.places_in_country("Syria")}
    assert len(syrian_admin1 - {""}) == 14


def test_readme_lists_every_data_file_and_credits_its_sources():
    """Provenance and licence of every data file live in gazetteer/README.md."""
    from gazetteer.match import DATA_DIR
    readme = (DATA_DIR.parent / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in sorted(DATA_DIR.iterdir()) if p.is_file() and f"data/{p.name}" not in readme]
    assert missing == []
    for credit in ("GeoNames", "CC-BY 4.0", "airportsdata", "Mike Borsetti", "MIT", "OurAirports", "public domain"):
        assert credit in readme, credit


def test_display_names_replace_a_misleading_geonames_name_which_still_matches():
    gaz = load_gazetteer()
    daraa = gaz.lookup("درعا")[0]
    assert (daraa.id, daraa.name) == ("gn:170905", "Daraa")
    assert gaz.lookup("Dara")[0].id == "gn:170905"          # the GeoNames name is still a spelling
    assert [m.candidates[0].name for m in gaz.scan("Shelling hit Dara and Hamah.")] == ["Daraa", "Hama"]


def test_bad_display_name_row_is_reported_with_its_line(data_copy):
    path = data_copy / "display_names.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "gn:170905\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"display_names.tsv:\d+: expected place_id"):
        build_gazetteer(data_copy)
